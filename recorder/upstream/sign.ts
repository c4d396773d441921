import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RecordingCredentials } from './credentials.ts';

/** A request ready to go upstream, before its new signature. */
export interface OutgoingRequest {
  method: string;
  /** `https://host[:port]`. */
  origin: string;
  /** Percent-encoded path. */
  path: string;
  /** Query string without `?`, percent-encoded. */
  query: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** The client's own signature and anything it covers: the proxy signs again with the recording credentials. */
const CLIENT_AUTH_HEADERS = ['authorization', 'x-amz-date', 'x-amz-security-token', 'host'];
const PRESIGN_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Security-Token'];
/** Payload hashes that are not a hash of the body and must be kept as the client sent them. */
const UNSIGNED_PAYLOADS = new Set(['UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER']);

/** Removes the client's signature (header or presigned query) so that the request can be signed again. */
export function stripClientSignature(request: OutgoingRequest): OutgoingRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !CLIENT_AUTH_HEADERS.includes(name)));
  const payloadHash = headers['x-amz-content-sha256'];
  if (payloadHash && !UNSIGNED_PAYLOADS.has(payloadHash)) delete headers['x-amz-content-sha256'];
  const body = payloadHash?.startsWith('STREAMING-AWS4-HMAC-SHA256-PAYLOAD') ? unchunk(request.body, headers) : request.body;
  const query = new URLSearchParams(request.query);
  if (!PRESIGN_PARAMS.some((p) => query.has(p))) return { ...request, headers, body };
  const kept = request.query.split('&').filter((pair) => !PRESIGN_PARAMS.includes(decodeURIComponent(pair.split('=')[0])));
  return { ...request, headers, body, query: kept.join('&') };
}

/**
 * Each chunk of a signed `aws-chunked` upload carries a signature chained from the client's key, which the upstream
 * would check against the recording credentials: send the decoded payload instead, signed as a whole.
 */
function unchunk(body: Buffer, headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0], 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  const encodings = (headers['content-encoding'] ?? '').split(',').map((e) => e.trim()).filter((e) => e && e !== 'aws-chunked');
  if (encodings.length) headers['content-encoding'] = encodings.join(', ');
  else delete headers['content-encoding'];
  delete headers['x-amz-decoded-content-length'];
  delete headers['x-amz-trailer'];
  const payload = Buffer.concat(parts);
  headers['content-length'] = String(payload.length);
  return payload;
}

/** Signs a request with SigV4 for the upstream host (S3 does not double-encode the path, every other service does). */
export async function signRequest(
  request: OutgoingRequest,
  credentials: RecordingCredentials,
  signingName: string,
  signingRegion: string,
): Promise<OutgoingRequest> {
  const url = new URL(request.origin);
  const signer = new SignatureV4({ credentials, region: signingRegion, service: signingName, sha256: Hash.bind(null, 'sha256'), uriEscapePath: signingName !== 's3' });
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(request.query)) {
    const previous = query[key];
    query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const signed = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: request.path,
    query,
    headers: { ...request.headers, host: url.host },
    body: request.body,
  });
  return { ...request, headers: signed.headers };
}
