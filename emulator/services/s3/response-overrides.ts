import type { GetObjectRequest, HeadObjectRequest } from '@aws-sdk/client-s3';
import { S3Errors } from './errors.ts';

/** The `response-*` query parameters GetObject and HeadObject send back as headers, in the order S3 judges them. */
const OVERRIDES = [
  ['ResponseCacheControl', 'response-cache-control'],
  ['ResponseContentDisposition', 'response-content-disposition'],
  ['ResponseContentEncoding', 'response-content-encoding'],
  ['ResponseContentLanguage', 'response-content-language'],
  ['ResponseContentType', 'response-content-type'],
] as const;

/** S3 refuses an override it could not send: HTTP header values are ISO-8859-1 (a `—` or `é` of UTF-8 text is not). */
export function checkResponseOverrides(input: GetObjectRequest | HeadObjectRequest): void {
  for (const [member, param] of OVERRIDES) {
    const value = (input as GetObjectRequest)[member];
    if (value !== undefined && /[^\u0000-\u00ff]/.test(value)) throw S3Errors.invalidArgument('Header value cannot be represented using ISO-8859-1.', param, value);
  }
}
