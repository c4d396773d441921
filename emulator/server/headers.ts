import { STATUS_CODES, type ServerResponse } from 'node:http';

/**
 * Response headers on the wire are bytes: AWS sends Latin-1 text (`é` in a Content-Disposition) as one byte per
 * character (ISO-8859-1), as Node writes a header string. Node refuses values with other characters, and (a quirk of
 * its own, nodejs/node#46528) also any non-ASCII Content-Disposition that comes after a Content-Length: such headers
 * are rewritten here, on the rare responses that need it, rather than checked on every response.
 */
const NON_ASCII = /[^\x00-\x7f]/;
/** What Node's header validation refuses (`_http_common`'s checkInvalidHeaderChar). */
const REFUSED = /[^\t\x20-\x7e\x80-\xff]/;
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * Writes the status line and headers. True when they were rewritten (`sendable`): the body must then be written as
 * bytes, since Node sends a string body in one piece with the header text, both encoded as UTF-8.
 */
export function writeHead(res: ServerResponse, status: number, headers: Record<string, string>): boolean {
  const disposition = headers['content-disposition'];
  const rewritten = disposition !== undefined && NON_ASCII.test(disposition);
  try {
    res.writeHead(status, rewritten ? sendable(headers) : headers);
    return rewritten;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_INVALID_CHAR') throw error;
    // Node set the status message from the refused attempt: given again, so that it is this status's.
    res.writeHead(status, STATUS_CODES[status] ?? 'unknown', sendable(headers));
    return true;
  }
}

/**
 * The headers with Content-Disposition first, and each value Node would refuse as its UTF-8 bytes (characters beyond
 * Latin-1); a control character (a line break would end the header) cannot be sent and throws.
 */
function sendable(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers['content-disposition'] !== undefined) out['content-disposition'] = headers['content-disposition'];
  for (const [name, value] of Object.entries(headers)) out[name] ??= value;
  for (const [name, value] of Object.entries(out)) {
    const text = String(value);
    if (!REFUSED.test(text)) continue;
    if (CONTROL.test(text)) throw new Error(`the response header ${name} holds a control character`);
    out[name] = Buffer.from(text, 'utf8').toString('latin1');
  }
  return out;
}
