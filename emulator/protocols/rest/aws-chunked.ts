import { AwsError } from '../../core/errors.ts';

/**
 * `Content-Encoding: aws-chunked` bodies (SigV4 streaming uploads): `<hex size>[;chunk-signature=...]\r\n<data>\r\n`
 * chunks up to a zero-size chunk, then optional trailer headers (`x-amz-checksum-crc32:...`) and an empty line.
 * Chunk signatures are not verified: twinstack does not verify request signatures at all.
 */
export function isAwsChunked(headers: Record<string, string>): boolean {
  const encoding = headers['content-encoding'];
  // Asked several times per request: split only an encoding that names it at all.
  if (encoding?.includes('aws-chunked') && encoding.split(',').some((e) => e.trim() === 'aws-chunked')) return true;
  return headers['x-amz-content-sha256']?.startsWith('STREAMING-') ?? false;
}

/** `Content-Encoding` as the client meant it for the object, without the transfer coding. */
export function contentEncodingWithoutChunked(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const rest = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e && e !== 'aws-chunked');
  return rest.length ? rest.join(',') : undefined;
}

function incomplete(message = 'The request body terminated unexpectedly'): AwsError {
  return new AwsError('IncompleteBody', message, { status: 400 });
}

/** Longest chunk header (`<hex size>;chunk-signature=<64 hex>`) and trailer section accepted. */
const MAX_LINE = 4096;
const MAX_TRAILERS = 16 * 1024;

/**
 * Decodes aws-chunked framing incrementally: `push` each piece of the body as it arrives and get the payload bytes it
 * completes, then `end` for the trailers. Memory stays bounded by one chunk header line, whatever the chunk sizes.
 */
export class AwsChunkedDecoder {
  private state: 'size' | 'data' | 'crlf' | 'trailers' = 'size';
  private pending = Buffer.alloc(0);
  private remaining = 0;

  push(input: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let data = this.pending.length ? Buffer.concat([this.pending, input]) : input;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, data.length);
        out.push(data.subarray(0, take));
        this.remaining -= take;
        data = data.subarray(take);
        if (this.remaining === 0) this.state = 'crlf';
      } else if (this.state === 'crlf') {
        if (data.length < 2) break;
        if (data[0] !== 13 || data[1] !== 10) throw incomplete();
        data = data.subarray(2);
        this.state = 'size';
      } else if (this.state === 'size') {
        const lineEnd = data.indexOf('\r\n', 0, 'latin1');
        if (lineEnd < 0) {
          if (data.length > MAX_LINE) throw incomplete();
          break;
        }
        const sizeText = data.toString('latin1', 0, lineEnd).split(';')[0].trim();
        if (!/^[0-9a-fA-F]{1,12}$/.test(sizeText)) throw incomplete();
        this.remaining = Number.parseInt(sizeText, 16);
        data = data.subarray(lineEnd + 2);
        this.state = this.remaining === 0 ? 'trailers' : 'data';
      } else {
        if (this.pending.length + data.length > MAX_TRAILERS) throw incomplete();
        break;
      }
    }
    if (data.length) this.pending = Buffer.from(data);
    return out;
  }

  /** Call when the body has ended: the trailer headers (lower-case names), or IncompleteBody. */
  end(): Record<string, string> {
    if (this.state !== 'trailers') throw incomplete();
    const trailers: Record<string, string> = {};
    for (const line of this.pending.toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      if (name !== 'x-amz-trailer-signature') trailers[name] = line.slice(colon + 1).trim();
    }
    return trailers;
  }
}

export function decodeAwsChunked(body: Buffer): { payload: Buffer; trailers: Record<string, string> } {
  const decoder = new AwsChunkedDecoder();
  const payload = Buffer.concat(decoder.push(body));
  return { payload, trailers: decoder.end() };
}
