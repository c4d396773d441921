import type { RawRequest } from '../../protocols/types.ts';

/** SigV4 query authentication's own parameters, and the session token: never request headers. */
const SIGV4_AUTH = new Set(['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-expires', 'x-amz-signedheaders', 'x-amz-signature', 'x-amz-security-token']);

/**
 * A presigned URL may carry the request's `x-amz-*` headers as query parameters, and S3 reads them as the request's
 * headers (a header the client sends itself wins):
 * - Signature Version 2: botocore moves the metadata and other `x-amz-*` headers of the signed request there, so an
 *   upload through such a URL stores its `x-amz-meta-*` metadata;
 * - SigV4: the AWS SDK for JavaScript hoists the headers it does not sign (`x-amz-storage-class`, `x-amz-meta-*`) into
 *   the query. Checksums it puts there (`x-amz-checksum-crc32` of the still empty body) are signed but not applied:
 *   AWS stored a different body through such a URL, with no CRC32 checksum.
 */
export function readQueryHeaders(req: RawRequest): void {
  const sigV2 = req.query.has('AWSAccessKeyId') && req.query.has('Signature');
  const sigV4 = req.query.has('X-Amz-Signature') && req.query.has('X-Amz-Credential');
  if (!sigV2 && !sigV4) return;
  for (const [name, value] of req.query) {
    const lower = name.toLowerCase();
    if (!lower.startsWith('x-amz-') || Object.hasOwn(req.headers, lower)) continue;
    if (sigV4 && (SIGV4_AUTH.has(lower) || lower.startsWith('x-amz-checksum-') || lower === 'x-amz-sdk-checksum-algorithm')) continue;
    req.headers[lower] = value;
  }
}
