import { AwsError } from '../../core/errors.ts';
import { authorizeOnObject } from './authorize-object.ts';
import type { Bucket } from './bucket.ts';
import { checkCustomerKey, findVersion } from './read.ts';
import { requireBucket, type S3Context } from './registry.ts';
import type { S3Object } from './object.ts';
import { etagMatches } from './conditions.ts';
import { S3Errors } from './errors.ts';
import { readAction } from './iam-actions.ts';

export interface CopySourceInput {
  CopySource?: string;
  CopySourceIfMatch?: string;
  CopySourceIfNoneMatch?: string;
  CopySourceIfModifiedSince?: Date;
  CopySourceIfUnmodifiedSince?: Date;
  CopySourceSSECustomerAlgorithm?: string;
  CopySourceSSECustomerKey?: string;
  CopySourceSSECustomerKeyMD5?: string;
  ExpectedSourceBucketOwner?: string;
}

/**
 * `x-amz-copy-source`: `[/]bucket/key[?versionId=...]`, URL-encoded. Reading it is authorized as GetObject (or
 * GetObjectVersion for a named version) on the source object.
 */
export async function resolveCopySource(input: CopySourceInput, ctx: S3Context): Promise<{ bucket: Bucket; object: S3Object }> {
  const raw = input.CopySource ?? '';
  const q = raw.indexOf('?');
  const path = decodeURIComponent(q < 0 ? raw : raw.slice(0, q)).replace(/^\//, '');
  const versionId = q < 0 ? undefined : (new URLSearchParams(raw.slice(q + 1)).get('versionId') ?? undefined);
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) {
    throw new AwsError('InvalidArgument', 'Invalid copy source object key', { status: 400, fields: { ArgumentName: 'x-amz-copy-source', ArgumentValue: 'x-amz-copy-source' } });
  }
  const bucket = requireBucket(ctx, { Bucket: path.slice(0, slash), ExpectedBucketOwner: input.ExpectedSourceBucketOwner }, true);
  await authorizeOnObject(ctx, bucket, readAction(versionId), path.slice(slash + 1), versionId);
  if (versionId !== undefined && bucket.version(path.slice(slash + 1), versionId)?.deleteMarker) {
    throw S3Errors.invalidRequest('The source of a copy request may not specifically refer to a delete marker by version id.');
  }
  const object = findVersion(bucket, path.slice(slash + 1), versionId, 'GET');
  checkCopyConditions(input, object, ctx.emulator.clock.now());
  checkCustomerKey(object, {
    SSECustomerAlgorithm: input.CopySourceSSECustomerAlgorithm,
    SSECustomerKey: input.CopySourceSSECustomerKey,
    SSECustomerKeyMD5: input.CopySourceSSECustomerKeyMD5,
  });
  return { bucket, object };
}

/** The `x-amz-copy-source-if-*` conditions: all failures are 412 for copies; a modified-since date in the future is ignored. */
function checkCopyConditions(c: CopySourceInput, object: S3Object, now: number): void {
  const modified = object.lastModified.getTime();
  if (c.CopySourceIfMatch !== undefined) {
    if (!etagMatches(c.CopySourceIfMatch, object.etag)) throw S3Errors.preconditionFailed('x-amz-copy-source-If-Match');
  } else if (c.CopySourceIfUnmodifiedSince !== undefined && modified > c.CopySourceIfUnmodifiedSince.getTime()) {
    throw S3Errors.preconditionFailed('x-amz-copy-source-If-Unmodified-Since');
  }
  if (c.CopySourceIfNoneMatch !== undefined) {
    if (etagMatches(c.CopySourceIfNoneMatch, object.etag)) throw S3Errors.preconditionFailed('x-amz-copy-source-If-None-Match');
  } else if (c.CopySourceIfModifiedSince !== undefined && c.CopySourceIfModifiedSince.getTime() <= now && modified <= c.CopySourceIfModifiedSince.getTime()) {
    throw S3Errors.preconditionFailed('x-amz-copy-source-If-Modified-Since');
  }
}

/** `x-amz-copy-source-range: bytes=first-last` (UploadPartCopy). */
export function copySourceRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d+)-(\d+)$/.exec(header);
  if (!match || Number(match[1]) > Number(match[2])) {
    throw new AwsError(
      'InvalidArgument',
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
      { status: 400, fields: { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: header } },
    );
  }
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (start >= size) throw S3Errors.invalidRequest('The specified copy range is invalid for the source object size');
  if (end >= size) throw S3Errors.invalidArgument(`Range specified is not valid for source object of size: ${size}`, 'x-amz-copy-source-range', header);
  return { start, end };
}
