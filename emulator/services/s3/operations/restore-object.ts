import type { RestoreObjectOutput, RestoreObjectRequest } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import { S3Errors } from '../errors.ts';
import { notify } from '../notifications.ts';
import type { S3Object } from '../object.ts';
import { findVersion } from '../read.ts';
import { answerStatus, requireBucket, type S3Context } from '../registry.ts';

/** Storage classes whose objects are read only through a restored copy. */
const ARCHIVED = new Set(['GLACIER', 'DEEP_ARCHIVE']);
const DAY_MS = 24 * 3600 * 1000;

/** When a restored copy goes away: `Days` after the restore, at the next midnight UTC, as S3 rounds it. */
function expiryFrom(nowMs: number, days: number): Date {
  return new Date(Math.ceil((nowMs + days * DAY_MS) / DAY_MS) * DAY_MS);
}

/** Whether the object can be read now: not archived, or restored and not yet expired on the emulator clock. */
export function isReadable(object: S3Object, nowMs: number): boolean {
  return !ARCHIVED.has(object.storageClass) || (object.restoredUntil !== undefined && object.restoredUntil.getTime() > nowMs);
}

/** The `x-amz-restore` header of an object with a restored copy (reads and heads carry it). */
export function restoreHeader(object: S3Object, nowMs: number): string | undefined {
  if (object.restoredUntil === undefined || object.restoredUntil.getTime() <= nowMs) return undefined;
  return `ongoing-request="false", expiry-date="${object.restoredUntil.toUTCString()}"`;
}

export function invalidObjectState(storageClass: string): AwsError {
  return new AwsError('InvalidObjectState', "The operation is not valid for the object's storage class", {
    status: 403,
    fields: { StorageClass: storageClass },
    headers: { 'x-amz-storage-class': storageClass },
  });
}

/**
 * RestoreObject: a temporary readable copy of a GLACIER or DEEP_ARCHIVE object for `Days` days, measured on the
 * emulator's clock (move the clock to see it expire). The restore completes at once — no tier waits hours locally —
 * so the answer is 202 for a new restore and 200 for an object already restored (its expiry moves), with the
 * `ObjectRestore:Post` and `ObjectRestore:Completed` events.
 */
export function restoreObject(input: RestoreObjectRequest, ctx: S3Context): RestoreObjectOutput {
  const bucket = requireBucket(ctx, input);
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'POST');
  const request = input.RestoreRequest;
  if (request?.Type === 'SELECT') throw new AwsError('NotImplemented', 'SELECT restore requests are not supported', { status: 501 });
  if (!ARCHIVED.has(object.storageClass)) {
    throw new AwsError('InvalidObjectState', "Restore is not allowed for the object's current storage class", { status: 403, fields: { StorageClass: object.storageClass } });
  }
  const days = request?.Days;
  if (days === undefined || !Number.isInteger(days) || days < 1) throw S3Errors.malformedXml();
  const tier = request?.GlacierJobParameters?.Tier ?? request?.Tier;
  if (tier !== undefined && !['Standard', 'Bulk', 'Expedited'].includes(tier)) throw S3Errors.malformedXml();
  if (tier === 'Expedited' && object.storageClass === 'DEEP_ARCHIVE') {
    throw new AwsError('InvalidArgument', 'Expedited retrievals are not supported for objects in the DEEP_ARCHIVE storage class', { status: 400 });
  }
  const now = ctx.emulator.clock.now();
  const already = object.restoredUntil !== undefined && object.restoredUntil.getTime() > now;
  object.restoredUntil = expiryFrom(now, days);
  if (!already) {
    notify(ctx, bucket, 's3:ObjectRestore:Post', object);
    notify(ctx, bucket, 's3:ObjectRestore:Completed', object);
  }
  // A new restore is accepted (202); one already done answers 200.
  if (!already) answerStatus.set(ctx, 202);
  return {};
}
