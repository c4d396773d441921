import type { RawRequest } from '../../protocols/types.ts';

/**
 * A Signature Version 2 presigned URL carries the request's `x-amz-*` headers as query parameters (botocore moves the
 * metadata and other `x-amz-*` headers of the signed request there): S3 reads them as the request's headers, so an
 * upload through such a URL stores its `x-amz-meta-*` metadata. A header the client sends itself wins.
 */
export function readSigV2QueryHeaders(req: RawRequest): void {
  if (!req.query.has('AWSAccessKeyId') || !req.query.has('Signature')) return;
  for (const [name, value] of req.query) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-amz-') && !Object.hasOwn(req.headers, lower)) req.headers[lower] = value;
  }
}
