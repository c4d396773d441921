import { randomUUID } from 'node:crypto';
import type { BucketLifecycleConfiguration, LifecycleRule } from '@aws-sdk/client-s3';
import type { Emulator } from '../../core/emulator.ts';
import type { Bucket } from './bucket.ts';
import type { S3Object } from './object.ts';
import { sweepIntelligentTiering } from './intelligent-tiering.ts';
import { transitionVersions } from './lifecycle-transitions.ts';
import { deleteOne } from './operations/delete-object.ts';
import { s3World, type ActingContext } from './registry.ts';

const DAY_MS = 86_400_000;
/** How often the sweeper applies lifecycle rules (on the emulator clock, like DynamoDB's TTL sweeper). */
const SWEEP_INTERVAL_MS = Number(process.env.S3_LIFECYCLE_SWEEP_INTERVAL_MS ?? 5000);

/** AWS counts lifecycle days from the object's creation, rounded up to the next midnight UTC. */
export function dueAt(from: Date, days: number): number {
  return Math.ceil((from.getTime() + days * DAY_MS) / DAY_MS) * DAY_MS;
}

function rulePrefix(rule: LifecycleRule): string {
  return rule.Filter?.Prefix ?? rule.Filter?.And?.Prefix ?? rule.Prefix ?? '';
}

function ruleApplies(rule: LifecycleRule, object: S3Object): boolean {
  const filter = rule.Filter;
  const tags = [...(filter?.Tag ? [filter.Tag] : []), ...(filter?.And?.Tags ?? [])];
  const greater = filter?.ObjectSizeGreaterThan ?? filter?.And?.ObjectSizeGreaterThan;
  const less = filter?.ObjectSizeLessThan ?? filter?.And?.ObjectSizeLessThan;
  return (
    object.key.startsWith(rulePrefix(rule)) &&
    tags.every((t) => object.tags.some((o) => o.Key === t.Key && o.Value === t.Value)) &&
    (greater === undefined || object.body.size > greater) &&
    (less === undefined || object.body.size < less)
  );
}

/** When the current version expires under a rule, if it does. */
function expiry(rule: LifecycleRule, object: S3Object): number | undefined {
  if (rule.Status !== 'Enabled' || !rule.Expiration || !ruleApplies(rule, object)) return undefined;
  if (rule.Expiration.Date) return new Date(rule.Expiration.Date).getTime();
  if (rule.Expiration.Days !== undefined) return dueAt(object.lastModified, rule.Expiration.Days);
  return undefined;
}

function rulesOf(bucket: Bucket): LifecycleRule[] {
  return (bucket.configs.get('lifecycle') as BucketLifecycleConfiguration | undefined)?.Rules ?? [];
}

/** The `x-amz-expiration` of an object: when it will expire and by which rule. */
export function expirationHeader(bucket: Bucket, object: S3Object): string | undefined {
  for (const rule of rulesOf(bucket)) {
    const at = expiry(rule, object);
    if (at !== undefined) return `expiry-date="${new Date(at).toUTCString()}", rule-id="${rule.ID ?? ''}"`;
  }
  return undefined;
}

function sweepBucket(ctx: ActingContext, bucket: Bucket, now: number): void {
  const events = { deleted: 's3:LifecycleExpiration:Delete', markerCreated: 's3:LifecycleExpiration:DeleteMarkerCreated' };
  const minimumSize = (bucket.configs.get('lifecycle') as { TransitionDefaultMinimumObjectSize?: string } | undefined)?.TransitionDefaultMinimumObjectSize;
  for (const rule of rulesOf(bucket).filter((r) => r.Status === 'Enabled')) {
    const prefix = rulePrefix(rule);
    for (let key = bucket.keys.ceiling(prefix); key !== undefined && key.startsWith(prefix); key = bucket.keys.ceiling(key, true)) {
      const versions = bucket.versionsOf(key);
      const current = bucket.current(key);
      if (current && (expiry(rule, current) ?? Infinity) <= now) {
        deleteOne(ctx, bucket, key, undefined, { events });
      } else if (rule.Expiration?.ExpiredObjectDeleteMarker && versions.length === 1 && versions[0].deleteMarker) {
        deleteOne(ctx, bucket, key, versions[0].versionId, { events });
      }
      const noncurrent = rule.NoncurrentVersionExpiration;
      if (noncurrent && (noncurrent.NoncurrentDays !== undefined || noncurrent.NewerNoncurrentVersions !== undefined)) {
        // A version becomes noncurrent when the next newer one is written; the newest NewerNoncurrentVersions stay.
        const latest = bucket.versionsOf(key);
        const kept = noncurrent.NewerNoncurrentVersions ?? 0;
        for (let i = latest.length - 1; i >= 1 + kept; i--) {
          if (ruleApplies(rule, latest[i]) && dueAt(latest[i - 1].lastModified, noncurrent.NoncurrentDays ?? 0) <= now) {
            deleteOne(ctx, bucket, key, latest[i].versionId, { events });
          }
        }
      }
      transitionVersions(ctx, bucket, rule, bucket.versionsOf(key), now, dueAt, (object) => ruleApplies(rule, object), minimumSize);
    }
    const abortDays = rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation;
    if (abortDays !== undefined) {
      for (const upload of [...bucket.uploads.values()]) {
        if (upload.key.startsWith(prefix) && dueAt(upload.initiated, abortDays) <= now) {
          bucket.uploads.delete(upload.uploadId);
          for (const part of upload.parts.values()) part.body.release();
        }
      }
    }
  }
}

/** Applies every bucket's lifecycle rules and Intelligent-Tiering archive configurations now (what the sweeper runs). */
export function sweepLifecycle(emulator: Emulator): void {
  const now = emulator.clock.now();
  for (const bucket of s3World(emulator).buckets.values()) {
    const lifecycle = bucket.configs.has('lifecycle');
    if (!lifecycle && !bucket.configs.has('intelligentTiering')) continue;
    const ctx = { emulator, requestId: randomUUID(), accountId: bucket.accountId, accessKeyId: undefined };
    if (lifecycle) sweepBucket(ctx, bucket, now);
    sweepIntelligentTiering(ctx, bucket, now);
  }
}

/**
 * Starts the emulator's sweeper once a lifecycle or Intelligent-Tiering configuration exists; it stops with the
 * emulator.
 */
export function startLifecycleSweeper(emulator: Emulator): void {
  const world = s3World(emulator);
  if (world.sweeping) return;
  world.sweeping = true;
  const tick = () => {
    sweepLifecycle(emulator);
    emulator.schedule(tick, SWEEP_INTERVAL_MS);
  };
  emulator.schedule(tick, SWEEP_INTERVAL_MS);
}
