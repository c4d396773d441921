import type { DeleteObjectOutput, DeleteObjectRequest, DeleteObjectsOutput, DeleteObjectsRequest } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import type { Bucket } from '../bucket.ts';
import { etagMatches } from '../conditions.ts';
import { S3Errors } from '../errors.ts';
import { notify } from '../notifications.ts';
import { EMPTY_BODY } from '../body.ts';
import { authorizeGovernanceBypass } from '../governance-bypass.ts';
import { authorizeOnObject } from '../authorize-object.ts';
import { deleteAction } from '../iam-actions.ts';
import { NULL_VERSION, s3Now, type S3Object } from '../object.ts';
import { requireBucket, type ActingContext, type S3Context } from '../registry.ts';

const VERSION_ID = /^[A-Za-z0-9._-]{32}$/;

/** Object Lock: a version under retention (unless GOVERNANCE with bypass) or a legal hold cannot be deleted. */
function checkLock(version: S3Object, bypassGovernance: boolean, nowMs: number): void {
  const retained = version.lock.retainUntil !== undefined && version.lock.retainUntil.getTime() > nowMs;
  const blocked = version.lock.legalHold === 'ON' || (retained && !(version.lock.mode === 'GOVERNANCE' && bypassGovernance));
  if (blocked) throw new AwsError('AccessDenied', 'Access Denied because object protected by object lock.');
}

/** Deletes a key or one of its versions, as DeleteObject and each entry of DeleteObjects do. */
export function deleteOne(
  ctx: ActingContext,
  bucket: Bucket,
  key: string,
  versionId: string | undefined,
  options: { bypassGovernance?: boolean; ifMatch?: string; batch?: boolean; events?: { deleted: string; markerCreated: string } } = {},
): DeleteObjectOutput {
  const events = options.events ?? { deleted: 's3:ObjectRemoved:Delete', markerCreated: 's3:ObjectRemoved:DeleteMarkerCreated' };
  if (versionId !== undefined) {
    if (versionId !== NULL_VERSION && !VERSION_ID.test(versionId)) throw S3Errors.invalidVersionId(versionId);
    const version = bucket.version(key, versionId);
    if (!version) {
      if (versionId === NULL_VERSION) return { VersionId: versionId };
      // AWS knows the ids it issued: another is invalid for DeleteObject, a missing version for DeleteObjects.
      throw options.batch ? S3Errors.noSuchVersion(key, versionId) : S3Errors.invalidVersionId(versionId);
    }
    checkLock(version, options.bypassGovernance ?? false, ctx.emulator.clock.now());
    bucket.removeVersion(key, versionId);
    notify(ctx, bucket, events.deleted, version);
    return { VersionId: versionId, DeleteMarker: version.deleteMarker || undefined };
  }
  const current = bucket.current(key);
  if (options.ifMatch !== undefined) {
    if (!current) throw S3Errors.noSuchKey(key);
    if (!etagMatches(options.ifMatch, current.etag)) throw S3Errors.preconditionFailed('If-Match');
  }
  if (!bucket.versioning) {
    if (current) bucket.removeVersion(key, NULL_VERSION);
    // S3 reports the removal of a key it did not hold too (AWS-recorded test_delete_objects of the SQS notifications).
    notify(ctx, bucket, events.deleted, current ?? { key, versionId: NULL_VERSION, etag: '', body: EMPTY_BODY });
    return {};
  }
  const marker: S3Object = {
    key,
    versionId: bucket.nextVersionId(),
    deleteMarker: true,
    body: EMPTY_BODY,
    etag: '',
    lastModified: s3Now(ctx.emulator.clock.now()),
    headers: {},
    metadata: {},
    storageClass: 'STANDARD',
    encryption: {},
    tags: [],
    acl: [],
    lock: {},
  };
  bucket.store(marker);
  notify(ctx, bucket, events.markerCreated, marker);
  return { DeleteMarker: true, VersionId: marker.versionId };
}

/** The bypass header (true or false) is refused on a bucket without Object Lock. */
function checkBypassAllowed(bucket: Bucket, bypass: boolean | undefined): void {
  if (bypass !== undefined && !bucket.objectLockEnabled) {
    throw S3Errors.invalidArgument('x-amz-bypass-governance-retention is only applicable to Object Lock enabled buckets.', 'x-amz-bypass-governance-retention');
  }
}

export async function deleteObject(input: DeleteObjectRequest, ctx: S3Context): Promise<DeleteObjectOutput> {
  const bucket = requireBucket(ctx, input);
  checkBypassAllowed(bucket, input.BypassGovernanceRetention);
  if (input.BypassGovernanceRetention) await authorizeGovernanceBypass(ctx, bucket, input.Key ?? '');
  // Only directory buckets take these conditions; general purpose buckets refuse them.
  if (!bucket.directory) {
    if (input.IfMatchLastModifiedTime !== undefined) throw S3Errors.notImplementedHeader('x-amz-if-match-last-modified-time', null);
    if (input.IfMatchSize !== undefined) throw S3Errors.notImplementedHeader('x-amz-if-match-size', null);
  }
  return deleteOne(ctx, bucket, input.Key ?? '', input.VersionId, { bypassGovernance: input.BypassGovernanceRetention, ifMatch: input.IfMatch });
}

export async function deleteObjects(input: DeleteObjectsRequest, ctx: S3Context): Promise<DeleteObjectsOutput> {
  const bucket = requireBucket(ctx, input);
  checkBypassAllowed(bucket, input.BypassGovernanceRetention);
  const entries = input.Delete?.Objects ?? [];
  if (entries.length === 0 || entries.length > 1000) throw S3Errors.malformedXml();
  const output: DeleteObjectsOutput = { Deleted: [], Errors: [] };
  for (const entry of entries) {
    const key = entry.Key ?? '';
    try {
      // Each key is its own resource for the delete (and the bypass) permission: a denied key fails alone.
      await authorizeOnObject(ctx, bucket, deleteAction(entry.VersionId), key, entry.VersionId);
      if (input.BypassGovernanceRetention) await authorizeGovernanceBypass(ctx, bucket, key);
      const result = deleteOne(ctx, bucket, key, entry.VersionId, { bypassGovernance: input.BypassGovernanceRetention, ifMatch: entry.ETag, batch: true });
      if (input.Delete?.Quiet) continue;
      output.Deleted!.push({
        Key: key,
        VersionId: entry.VersionId,
        DeleteMarker: result.DeleteMarker,
        DeleteMarkerVersionId: result.DeleteMarker ? result.VersionId : undefined,
      });
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      output.Errors!.push({ Key: key, VersionId: entry.VersionId, Code: error.code, Message: error.message });
    }
  }
  return output;
}
