import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RawRequest } from '../protocols/types.ts';

/**
 * AWS Signature Version 2 as S3 still accepts it (`Authorization: AWS <key>:<signature>`, or the query form
 * `AWSAccessKeyId`/`Expires`/`Signature` of old presigned URLs): HMAC-SHA1 over the method, Content-MD5, Content-Type,
 * date (or Expires), the `x-amz-*` headers and the resource (`/<bucket>/<key>` with its sub-resources).
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html.
 */
export interface SigV2Request {
  accessKeyId: string;
  signature: string;
  /** Query form only: seconds since the epoch after which the URL is refused. */
  expires?: number;
}

/** Query parameters that are part of the signed resource (the sub-resources and response overrides S3 signs). */
const SIGNED_SUBRESOURCES = new Set([
  'accelerate', 'acl', 'analytics', 'cors', 'delete', 'inventory', 'lifecycle', 'location', 'logging', 'metrics', 'notification',
  'object-lock', 'partNumber', 'policy', 'replication', 'requestPayment', 'response-cache-control', 'response-content-disposition',
  'response-content-encoding', 'response-content-language', 'response-content-type', 'response-expires', 'restore', 'select',
  'select-type', 'tagging', 'torrent', 'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'website',
]);

/**
 * The request's SigV2 authentication; undefined when it uses none, null for a query form missing one of its three
 * parameters (S3 refuses it as such).
 */
export function sigV2Of(req: RawRequest): SigV2Request | null | undefined {
  const header = req.headers['authorization'];
  if (header?.startsWith('AWS ')) {
    const credentials = header.slice(4);
    const colon = credentials.lastIndexOf(':');
    return colon > 0 ? { accessKeyId: credentials.slice(0, colon).trim(), signature: credentials.slice(colon + 1).trim() } : { accessKeyId: credentials.trim(), signature: '' };
  }
  const accessKeyId = req.query.get('AWSAccessKeyId');
  const signature = req.query.get('Signature');
  if (!accessKeyId || signature === null) return undefined;
  const expires = req.query.get('Expires');
  return expires === null ? null : { accessKeyId, signature, expires: Number(expires) };
}

/** The string S3 signs; `resourcePath` is the path-style path as sent (`/<bucket>/<key>`, still URL-encoded). */
export function stringToSign(req: RawRequest, resourcePath: string, signed: SigV2Request): string {
  const amzHeaders = Object.keys(req.headers)
    .filter((name) => name.startsWith('x-amz-'))
    .sort()
    .map((name) => `${name}:${String(req.headers[name]).trim()}\n`)
    .join('');
  // With x-amz-date among the signed headers, the Date line is empty.
  const date = signed.expires !== undefined ? String(signed.expires) : req.headers['x-amz-date'] !== undefined ? '' : (req.headers['date'] ?? '');
  const subresources = [...req.query]
    .filter(([name]) => SIGNED_SUBRESOURCES.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`));
  const resource = subresources.length ? `${resourcePath}?${subresources.join('&')}` : resourcePath;
  return [req.method, req.headers['content-md5'] ?? '', req.headers['content-type'] ?? '', date, `${amzHeaders}${resource}`].join('\n');
}

/** Whether the signature is the HMAC-SHA1 of `toSign` (stringToSign's) with the key's secret. */
export function sigV2Matches(toSign: string, signed: SigV2Request, secretAccessKey: string): boolean {
  const expected = createHmac('sha1', secretAccessKey).update(toSign, 'utf8').digest('base64');
  return expected.length === signed.signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signed.signature));
}
