import type { RenameObjectOutput, RenameObjectRequest } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import type { Bucket } from '../bucket.ts';
import { checkWriteConditions, etagMatches } from '../conditions.ts';
import { S3Errors } from '../errors.ts';
import type { S3Object } from '../object.ts';
import { requireBucket, type S3Context } from '../registry.ts';
import { validateKey } from '../write.ts';

/** Rename requests already done, by client token, so that a retry is answered as the first was (per bucket). */
const doneByToken = new WeakMap<Bucket, Map<string, string>>();

/** The source key of `x-amz-rename-source`: `<bucket>/<key>` or `/<bucket>/<key>` in the same bucket, URL-encoded. */
function sourceKey(renameSource: string, bucket: Bucket): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(renameSource);
  } catch {
    throw S3Errors.invalidArgument('Invalid rename source', 'x-amz-rename-source', renameSource);
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  const prefix = `${bucket.name}/`;
  if (!path.startsWith(prefix)) throw S3Errors.invalidRequest('The rename source must name an object in the same directory bucket.');
  return path.slice(prefix.length);
}

/** The `x-amz-rename-source-if-*` conditions, judged against the source: any that fails is 412. */
function checkSourceConditions(input: RenameObjectRequest, source: S3Object): void {
  const modified = source.lastModified.getTime();
  if (input.SourceIfMatch !== undefined && !etagMatches(input.SourceIfMatch, source.etag)) throw S3Errors.preconditionFailed('x-amz-rename-source-if-match');
  if (input.SourceIfNoneMatch !== undefined && etagMatches(input.SourceIfNoneMatch, source.etag)) throw S3Errors.preconditionFailed('x-amz-rename-source-if-none-match');
  if (input.SourceIfModifiedSince && modified <= input.SourceIfModifiedSince.getTime()) throw S3Errors.preconditionFailed('x-amz-rename-source-if-modified-since');
  if (input.SourceIfUnmodifiedSince && modified > input.SourceIfUnmodifiedSince.getTime()) throw S3Errors.preconditionFailed('x-amz-rename-source-if-unmodified-since');
}

/**
 * RenameObject (directory buckets only, as on AWS): moves an object to a new key atomically, keeping its body,
 * metadata, storage class, encryption, checksum and dates. Source conditions are judged against the source,
 * destination conditions (`If-None-Match: *` to never overwrite) against what the new key holds; a retry with the
 * same client token succeeds again, a token reused for another rename is IdempotencyParameterMismatch.
 */
export function renameObject(input: RenameObjectRequest, ctx: S3Context): RenameObjectOutput {
  const bucket = requireBucket(ctx, input);
  if (!bucket.directory) throw S3Errors.invalidRequest('RenameObject is only supported for directory buckets.');
  const key = input.Key ?? '';
  validateKey(key);
  if (!input.RenameSource) throw S3Errors.invalidRequest('x-amz-rename-source is required.');
  const from = sourceKey(input.RenameSource, bucket);
  if (from.endsWith('/') || key.endsWith('/')) throw S3Errors.invalidRequest('RenameObject does not rename keys ending with a slash.');
  const request = `${from}\n${key}`;
  const tokens = doneByToken.get(bucket) ?? new Map<string, string>();
  doneByToken.set(bucket, tokens);
  if (input.ClientToken !== undefined && tokens.has(input.ClientToken)) {
    if (tokens.get(input.ClientToken) !== request) {
      throw new AwsError('IdempotencyParameterMismatch', 'Parameters on this idempotent request are inconsistent with parameters used in previous request(s).', { status: 400 });
    }
    return {};
  }
  const source = bucket.current(from);
  if (!source) throw S3Errors.noSuchKey(from);
  checkSourceConditions(input, source);
  const destination = bucket.current(key);
  checkWriteConditions({ IfMatch: input.DestinationIfMatch, IfNoneMatch: input.DestinationIfNoneMatch }, key, destination);
  if (destination && input.DestinationIfUnmodifiedSince && destination.lastModified > input.DestinationIfUnmodifiedSince) throw S3Errors.preconditionFailed('If-Unmodified-Since');
  if (destination && input.DestinationIfModifiedSince && destination.lastModified <= input.DestinationIfModifiedSince) throw S3Errors.preconditionFailed('If-Modified-Since');
  if (from !== key) {
    const moved = { ...source, key, body: source.body.retain() };
    bucket.removeVersion(from, source.versionId);
    bucket.store(moved);
  }
  if (input.ClientToken !== undefined) tokens.set(input.ClientToken, request);
  return {};
}
