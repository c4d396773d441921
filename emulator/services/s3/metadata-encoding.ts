/**
 * User metadata as S3 returns it: a value with characters outside US-ASCII (which an upload through a presigned URL
 * or a POST form can carry) is returned RFC 2047-encoded so that it travels in an HTTP header, as JavaMail's
 * `MimeUtility.encodeText` does it: tab, CR and LF count as ASCII; Q encoding (`=?UTF-8?Q?...?=`) when the ASCII
 * characters outnumber the others, else B (`=?UTF-8?B?<base64>?=`), as AWS answered `\x00\x01\x02\x03\x04`.
 */
export function mailSafeMetadata(metadata: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!metadata || !anyNotAscii(metadata)) return metadata;
  return Object.fromEntries(Object.entries(metadata).map(([name, value]) => [name, notAscii(value) ? encodedWord(value) : value]));
}

const NOT_ASCII = /[^\t\r\n\x20-\x7e]/;

/** Asked on every read: no array of the values made for it. */
function anyNotAscii(metadata: Record<string, string>): boolean {
  for (const name in metadata) if (NOT_ASCII.test(metadata[name])) return true;
  return false;
}

function notAscii(value: string): boolean {
  return NOT_ASCII.test(value);
}

/** Characters counted as UTF-16 units, as Java counts a string's. */
function encodedWord(value: string): string {
  const others = value.split('').filter(notAscii).length;
  return value.length - others > others ? qEncoded(value) : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** RFC 2047's Q encoding: printable ASCII stays, except `=`, `?` and `_`; space becomes `_`; other bytes `=XX`. */
function qEncoded(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte === 0x20 ? '_' : byte > 0x20 && byte < 0x7f && !'=?_'.includes(c) ? c : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `=?UTF-8?Q?${out}?=`;
}
