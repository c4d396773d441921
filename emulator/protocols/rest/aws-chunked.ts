import { AwsError } from '../../core/errors.ts';

/**
 * `Content-Encoding: aws-chunked` bodies (SigV4 streaming uploads): `<hex size>[;chunk-signature=...]\r\n<data>\r\n`
 * chunks up to a zero-size chunk, then optional trailer headers (`x-amz-checksum-crc32:...`) and an empty line.
 * Chunk signatures are not verified: twinstack does not verify request signatures at all.
 */
export function isAwsChunked(headers: Record<string, string>): boolean {
  const encoding = headers['content-encoding'] ?? '';
  return encoding.split(',').some((e) => e.trim() === 'aws-chunked') || (headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
}

/** `Content-Encoding` as the client meant it for the object, without the transfer coding. */
export function contentEncodingWithoutChunked(value: string | undefined): string | undefined {
  const rest = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e && e !== 'aws-chunked');
  return rest.length ? rest.join(',') : undefined;
}

function incomplete(message = 'The request body terminated unexpectedly'): AwsError {
  return new AwsError('IncompleteBody', message, { status: 400 });
}

export function decodeAwsChunked(body: Buffer): { payload: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset, 'latin1');
    if (lineEnd < 0) throw incomplete();
    const sizeText = body.toString('latin1', offset, lineEnd).split(';')[0].trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw incomplete();
    const size = Number.parseInt(sizeText, 16);
    offset = lineEnd + 2;
    if (size === 0) break;
    if (offset + size > body.length) throw incomplete();
    chunks.push(body.subarray(offset, offset + size));
    offset += size;
    if (body.toString('latin1', offset, offset + 2) !== '\r\n') throw incomplete();
    offset += 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.toString('latin1', offset).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (name !== 'x-amz-trailer-signature') trailers[name] = line.slice(colon + 1).trim();
  }
  return { payload: Buffer.concat(chunks), trailers };
}
