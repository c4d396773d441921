import type { RestoreObjectOutput, RestoreObjectRequest } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import type { Bucket } from '../bucket.ts';
import { S3Errors } from '../errors.ts';
import { notify } from '../notifications.ts';
import type { RestoreState, S3Object } from '../object.ts';
import { findVersion } from '../read.ts';
import { answerStatus, requireBucket, s3World, type S3Context } from '../registry.ts';

/** Storage classes whose objects are read only through a restored copy. */
const ARCHIVED = new Set(['GLACIER', 'DEEP_ARCHIVE']);
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long a restore takes, per storage class and tier: the upper end of what AWS documents ("Archive retrieval
 * options": Expedited 1–5 minutes; Standard 3–5 hours from GLACIER, within 12 hours from DEEP_ARCHIVE; Bulk 5–12
 * hours from GLACIER, within 48 hours from DEEP_ARCHIVE). Move the emulator clock to see a restore complete.
 */
const RESTORE_MS: Record<string, Record<string, number>> = {
  GLACIER: { Expedited: 5 * MINUTE_MS, Standard: 5 * HOUR_MS, Bulk: 12 * HOUR_MS },
  DEEP_ARCHIVE: { Standard: 12 * HOUR_MS, Bulk: 48 * HOUR_MS },
};

/** When a restored copy goes away: `Days` after the restore completes, at the next midnight UTC, as S3 rounds it. */
function expiryFrom(fromMs: number, days: number): Date {
  return new Date(Math.ceil((fromMs + days * DAY_MS) / DAY_MS) * DAY_MS);
}

function inProgress(restore: RestoreState | undefined, nowMs: number): boolean {
  return restore !== undefined && restore.completesAt.getTime() > nowMs;
}

function restoredCopy(restore: RestoreState | undefined, nowMs: number): boolean {
  return restore !== undefined && restore.completesAt.getTime() <= nowMs && restore.expiresAt.getTime() > nowMs;
}

/**
 * Whether the object can be read now: not archived (nor in an Intelligent-Tiering archive tier), or restored and not
 * yet expired on the emulator clock.
 */
export function isReadable(object: S3Object, nowMs: number): boolean {
  return (!ARCHIVED.has(object.storageClass) && !object.accessTier) || restoredCopy(object.restore, nowMs);
}

/** The `x-amz-restore` header reads and heads carry while a restore runs and while its copy lasts. */
export function restoreHeader(object: S3Object, nowMs: number): string | undefined {
  if (inProgress(object.restore, nowMs)) return 'ongoing-request="true"';
  if (!restoredCopy(object.restore, nowMs)) return undefined;
  return `ongoing-request="false", expiry-date="${object.restore!.expiresAt.toUTCString()}"`;
}

/** A read of an archived object; one in an Intelligent-Tiering archive tier also names the tier, as AWS words it. */
export function invalidObjectState(storageClass: string, accessTier?: string): AwsError {
  return new AwsError('InvalidObjectState', `The operation is not valid for the object's ${accessTier ? 'access tier' : 'storage class'}`, {
    status: 403,
    fields: accessTier ? { StorageClass: storageClass, AccessTier: accessTier } : { StorageClass: storageClass },
    headers: { 'x-amz-storage-class': storageClass },
  });
}

/**
 * RestoreObject: a temporary readable copy of a GLACIER or DEEP_ARCHIVE object for `Days` days. The restore takes the
 * tier's time on the emulator's clock (`ongoing-request="true"` until then, `ObjectRestore:Completed` when it is
 * done, `ObjectRestore:Delete` when the copy expires); a new restore answers 202, one asked again while it runs 409 RestoreAlreadyInProgress, and one of an object
 * already restored 200 with its expiry moved.
 */
export function restoreObject(input: RestoreObjectRequest, ctx: S3Context): RestoreObjectOutput {
  const bucket = requireBucket(ctx, input);
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'POST');
  const request = input.RestoreRequest;
  if (request?.Type === 'SELECT') throw new AwsError('NotImplemented', 'SELECT restore requests are not supported', { status: 501 });
  if (object.accessTier) return restoreFromAccessTier(ctx, bucket, object, object.accessTier, request);
  if (!ARCHIVED.has(object.storageClass)) {
    throw new AwsError('InvalidObjectState', "Restore is not allowed for the object's current storage class", { status: 403, fields: { StorageClass: object.storageClass } });
  }
  const days = request?.Days;
  if (days === undefined || !Number.isInteger(days) || days < 1) throw S3Errors.malformedXml();
  const tier = request?.GlacierJobParameters?.Tier ?? request?.Tier ?? 'Standard';
  if (!['Standard', 'Bulk', 'Expedited'].includes(tier)) throw S3Errors.malformedXml();
  const duration = RESTORE_MS[object.storageClass][tier];
  if (duration === undefined) {
    throw new AwsError('InvalidArgument', 'Expedited retrievals are not supported for objects in the DEEP_ARCHIVE storage class', { status: 400 });
  }
  const now = ctx.emulator.clock.now();
  if (inProgress(object.restore, now)) throw new AwsError('RestoreAlreadyInProgress', 'Object restore is already in progress', { status: 409 });
  if (restoredCopy(object.restore, now)) {
    const extended: RestoreState = { completesAt: object.restore!.completesAt, expiresAt: expiryFrom(now, days) };
    object.restore = extended;
    whenStanding(ctx, bucket, object, extended, extended.expiresAt.getTime() - now, 's3:ObjectRestore:Delete');
    return {};
  }
  const restore: RestoreState = { completesAt: new Date(now + duration), expiresAt: expiryFrom(now + duration, days) };
  object.restore = restore;
  notify(ctx, bucket, 's3:ObjectRestore:Post', object);
  whenStanding(ctx, bucket, object, restore, duration, 's3:ObjectRestore:Completed');
  whenStanding(ctx, bucket, object, restore, restore.expiresAt.getTime() - now, 's3:ObjectRestore:Delete');
  answerStatus.set(ctx, 202);
  return {};
}

/**
 * A restore of an object in an Intelligent-Tiering archive tier: no Days (the object goes back to the Frequent Access
 * tier for good), each tier's retrieval time as the matching archive class's; `ObjectRestore:Completed` at the end.
 */
function restoreFromAccessTier(ctx: S3Context, bucket: Bucket, object: S3Object, tier: string, request: RestoreObjectRequest['RestoreRequest']): RestoreObjectOutput {
  if (request?.Days !== undefined) {
    throw S3Errors.invalidArgument('INTELLIGENT_TIERING objects are not subject to restore expiry. Do not specify Days when restoring this object');
  }
  const tierName = request?.GlacierJobParameters?.Tier ?? request?.Tier ?? 'Standard';
  if (!['Standard', 'Bulk', 'Expedited'].includes(tierName)) throw S3Errors.malformedXml();
  const duration = RESTORE_MS[tier === 'DEEP_ARCHIVE_ACCESS' ? 'DEEP_ARCHIVE' : 'GLACIER'][tierName];
  if (duration === undefined) {
    throw new AwsError('InvalidArgument', 'Expedited retrievals are not supported for objects in the DEEP_ARCHIVE_ACCESS tier', { status: 400 });
  }
  const now = ctx.emulator.clock.now();
  if (inProgress(object.restore, now)) throw new AwsError('RestoreAlreadyInProgress', 'Object restore is already in progress', { status: 409 });
  const restore: RestoreState = { completesAt: new Date(now + duration), expiresAt: new Date(now + duration) };
  object.restore = restore;
  notify(ctx, bucket, 's3:ObjectRestore:Post', object);
  ctx.emulator.schedule(() => {
    if (!standing(ctx, bucket, object, restore)) return;
    // Back in the Frequent Access tier: read as any object, days without access counted from now.
    object.accessTier = undefined;
    object.restore = undefined;
    object.lastAccessedMs = ctx.emulator.clock.now();
    notify(ctx, bucket, 's3:ObjectRestore:Completed', object);
  }, duration);
  answerStatus.set(ctx, 202);
  return {};
}

const standing = (ctx: S3Context, bucket: Bucket, object: S3Object, restore: RestoreState): boolean =>
  object.restore === restore && s3World(ctx.emulator).buckets.get(bucket.name) === bucket && bucket.versionsOf(object.key).includes(object);

/**
 * Sends a restore's later event (`Completed` when the copy is ready, `Delete` when it expires) on the emulator clock,
 * only if that restore still stands then: the object (or its bucket) may be gone, or restored again, by then.
 */
function whenStanding(ctx: S3Context, bucket: Bucket, object: S3Object, restore: RestoreState, delayMs: number, eventName: string): void {
  ctx.emulator.schedule(() => {
    if (standing(ctx, bucket, object, restore)) notify(ctx, bucket, eventName, object);
  }, delayMs);
}
