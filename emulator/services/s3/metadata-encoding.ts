/**
 * User metadata as S3 returns it: a value with characters outside US-ASCII (which an upload through a presigned URL
 * can carry) is returned RFC 2047-encoded (`=?UTF-8?Q?...?=`) so that it travels in an HTTP header.
 */
export function mailSafeMetadata(metadata: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!metadata || !hasNonAscii(metadata)) return metadata;
  return Object.fromEntries(Object.entries(metadata).map(([name, value]) => [name, notAscii(value) ? qEncoded(value) : value]));
}

/** Asked on every read: a loop, not an array of the values. */
function hasNonAscii(metadata: Record<string, string>): boolean {
  for (const name in metadata) if (notAscii(metadata[name])) return true;
  return false;
}

function notAscii(value: string): boolean {
  return /[^\x20-\x7e]/.test(value);
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
