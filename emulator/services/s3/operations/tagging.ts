import type {
  DeleteBucketTaggingRequest,
  DeleteObjectTaggingRequest,
  GetBucketTaggingRequest,
  GetObjectTaggingRequest,
  PutBucketTaggingRequest,
  PutObjectTaggingRequest,
} from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import type { Bucket } from '../bucket.ts';
import { S3Errors } from '../errors.ts';
import { findVersion } from '../read.ts';
import { notify } from '../notifications.ts';
import { requireBucket, type S3Context } from '../registry.ts';
import { validateTags } from '../tags.ts';
import type { Tag } from '../object.ts';

export function putBucketTagging(input: PutBucketTaggingRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const tags = validateTags((input.Tagging?.TagSet ?? []) as Tag[], 50, 'Bucket', ctx.caller);
  // An empty tag set removes the tags, as DeleteBucketTagging does.
  bucket.tags = tags.length ? tags : undefined;
  return {};
}

export function getBucketTagging(input: GetBucketTaggingRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  if (!bucket.tags) throw new AwsError('NoSuchTagSet', 'The TagSet does not exist', { status: 404, fields: { BucketName: bucket.name } });
  return { TagSet: bucket.tags };
}

export function deleteBucketTagging(input: DeleteBucketTaggingRequest, ctx: S3Context) {
  requireBucket(ctx, input).tags = undefined;
  return {};
}

/** GetObjectTagging names a missing key as `<bucket>/<key>` in its NoSuchKey error. */
function withTaggingKey<T>(bucket: string, find: () => T): T {
  try {
    return find();
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NoSuchKey') throw S3Errors.noSuchKey(`${bucket}/${String(error.fields?.Key)}`);
    throw error;
  }
}

/** Tagging calls on a key whose newest version is a delete marker are refused as on the marker itself (405). */
function findTaggable(bucket: Bucket, key: string, versionId: string | undefined, method: string) {
  const newest = versionId === undefined ? bucket.versionsOf(key)[0] : undefined;
  return findVersion(bucket, key, newest?.deleteMarker ? newest.versionId : versionId, method);
}

function versionOutput(bucketVersioned: boolean, versionId: string) {
  return bucketVersioned ? versionId : undefined;
}

export function putObjectTagging(input: PutObjectTaggingRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const object = findTaggable(bucket, input.Key ?? '', input.VersionId, 'PUT');
  object.tags = validateTags((input.Tagging?.TagSet ?? []) as Tag[], 10, 'Object', ctx.caller);
  notify(ctx, bucket, 's3:ObjectTagging:Put', object);
  return { VersionId: versionOutput(bucket.versioning !== undefined, object.versionId) };
}

export function getObjectTagging(input: GetObjectTaggingRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const object = withTaggingKey(bucket.name, () => findTaggable(bucket, input.Key ?? '', input.VersionId, 'GET'));
  return { TagSet: object.tags, VersionId: versionOutput(bucket.versioning !== undefined, object.versionId) };
}

export function deleteObjectTagging(input: DeleteObjectTaggingRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const object = findTaggable(bucket, input.Key ?? '', input.VersionId, 'DELETE');
  object.tags = [];
  notify(ctx, bucket, 's3:ObjectTagging:Delete', object);
  return { VersionId: versionOutput(bucket.versioning !== undefined, object.versionId) };
}
