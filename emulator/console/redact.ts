import type { KeptBody, RequestDetail } from './request-log.ts';

/** Members whose values the request log never shows, in any service; a view adds its own (`secretMembers`). */
export const SECRET_MEMBERS = ['SecretAccessKey', 'SessionToken', 'SecretString', 'SecretBinary', 'Password', 'NewPassword', 'OldPassword', 'PrivateKey', 'Plaintext'];
const SECRET_HEADERS = new Set(['x-amz-security-token', 'cookie', 'proxy-authorization']);
const SECRET_QUERY = new Set(['X-Amz-Signature', 'X-Amz-Security-Token', 'Signature', 'SecurityToken']);
const HIDDEN = '(redacted)';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Hides the values of secret members wherever they appear in a body: JSON (`"Name": "…"`), XML (`<Name>…</Name>`)
 * and form-encoded query requests (`…Name=…`, also as the last part of `Attribute.1.Name`). Works on the kept start
 * of a body too, where a JSON or XML parser would fail.
 */
function redactText(text: string, members: string[]): string {
  const names = members.map(escapeRegExp).join('|');
  return text
    .replace(new RegExp(`("(?:${names})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"?`, 'g'), `$1"${HIDDEN}"`)
    .replace(new RegExp(`<(${names})>[^<]*(</\\1>)?`, 'g'), `<$1>${HIDDEN}$2`)
    .replace(new RegExp(`(^|&)((?:[^=&]*\\.)?(?:${names})=)[^&]*`, 'g'), `$1$2${HIDDEN}`);
}

/** SigV4's Authorization header: who signed and what, never the signature. */
function redactAuthorization(value: string): string {
  return value.replace(/Signature=[0-9a-f]+/i, `Signature=${HIDDEN}`);
}

function headersShown(headers: Record<string, string>): Record<string, string> {
  // No prototype: a header may be named `__proto__`.
  const shown: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    shown[name] = name === 'authorization' ? redactAuthorization(value) : SECRET_HEADERS.has(name) ? HIDDEN : value;
  }
  return shown;
}

function queryShown(query: string, members: string[]): string {
  const params = new URLSearchParams(query);
  for (const name of [...params.keys()]) if (SECRET_QUERY.has(name)) params.set(name, HIDDEN);
  return redactText(params.toString(), members);
}

/** A kept body as text for the page: readable text redacted (JSON indented), or what it was when it is not text. */
function bodyShown(body: KeptBody, members: string[]): { text?: string; size: number; truncated: boolean; note?: string } {
  if (body.streamed) return { size: body.size, truncated: false, note: 'streamed: not kept' };
  const bytes = body.bytes ?? Buffer.alloc(0);
  const truncated = body.size > bytes.length;
  // A cut may split a character: its start is dropped rather than taken for binary data.
  const text = truncated ? bytes.toString('utf8').replace(/\uFFFD{1,3}$/, '') : bytes.toString('utf8');
  if (text.includes('\uFFFD') || /[\u0000-\u0008\u000E-\u001F]/.test(text)) return { size: body.size, truncated, note: 'binary data: not shown' };
  const redacted = redactText(text, members);
  if (!truncated) {
    try {
      return { text: JSON.stringify(JSON.parse(redacted), null, 2), size: body.size, truncated };
    } catch {
      // Not JSON: shown as it is.
    }
  }
  return { text: redacted, size: body.size, truncated };
}

/** What the page shows of a logged request: signatures, tokens and secret members hidden. */
export function detailShown(detail: RequestDetail, extraMembers: string[] = []) {
  const members = [...SECRET_MEMBERS, ...extraMembers];
  const { request, response } = detail;
  return {
    request: {
      method: request.method,
      path: request.path,
      query: queryShown(request.query, members),
      headers: headersShown(request.headers),
      body: bodyShown(request.body, members),
    },
    response: response && { status: response.status, headers: headersShown(response.headers), body: bodyShown(response.body, members) },
  };
}
