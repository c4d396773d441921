import type { LifecycleRule } from '@aws-sdk/client-s3';
import type { Bucket } from './bucket.ts';
import { notify } from './notifications.ts';
import type { S3Object } from './object.ts';
import type { ActingContext } from './registry.ts';

/**
 * Lifecycle transitions: a version moves to the storage class of the latest transition due for it (`Transitions` for
 * the current version, counted from its creation; `NoncurrentVersionTransitions` for older ones, from when they became
 * noncurrent, after the `NewerNoncurrentVersions` kept), along S3's waterfall only (never back up it), and S3 sends
 * `s3:LifecycleTransition`. A GLACIER or DEEP_ARCHIVE object then needs a restore to be read, as any archived object.
 */

/** S3's transition waterfall: a version only moves down it. */
const WATERFALL = ['STANDARD', 'REDUCED_REDUNDANCY', 'INTELLIGENT_TIERING', 'STANDARD_IA', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'];

/** Objects under this size do not transition by default (`TransitionDefaultMinimumObjectSize`). */
const SMALL_OBJECT = 128 * 1024;

/** With `varies_by_storage_class`, small objects still move to these (Glacier Flexible Retrieval, Deep Archive). */
const SMALL_OBJECT_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE']);

/**
 * Whether a version's size lets it move to a class: a rule with its own size filter has chosen its objects already
 * ("custom filters always take precedence over the default transition behavior"); otherwise small objects stay,
 * except for the archive classes with `varies_by_storage_class`.
 */
function sizeAllows(rule: LifecycleRule, object: S3Object, storageClass: string, minimumSize: string | undefined): boolean {
  const filter = rule.Filter;
  const custom = [filter?.ObjectSizeGreaterThan, filter?.ObjectSizeLessThan, filter?.And?.ObjectSizeGreaterThan, filter?.And?.ObjectSizeLessThan];
  if (custom.some((size) => size !== undefined) || object.body.size >= SMALL_OBJECT) return true;
  return minimumSize === 'varies_by_storage_class' && SMALL_OBJECT_CLASSES.has(storageClass);
}

interface Step {
  at: number;
  storageClass: string;
}

/** The class of the latest step due by `now` that moves the version down the waterfall, if any. */
function dueClass(steps: Step[], object: S3Object, now: number, allowed: (storageClass: string) => boolean): string | undefined {
  let chosen: Step | undefined;
  for (const step of steps) {
    if (step.at > now || WATERFALL.indexOf(step.storageClass) <= WATERFALL.indexOf(object.storageClass) || !allowed(step.storageClass)) continue;
    if (!chosen || step.at > chosen.at) chosen = step;
  }
  return chosen?.storageClass;
}

function transition(ctx: ActingContext, bucket: Bucket, object: S3Object, storageClass: string | undefined): void {
  if (storageClass === undefined) return;
  object.storageClass = storageClass;
  notify(ctx, bucket, 's3:LifecycleTransition', object);
}

/**
 * Applies a rule's transitions to the versions of one key (newest first): `dueAt` turns days into AWS's due time,
 * `applies` says whether the rule's filter takes a version.
 */
export function transitionVersions(
  ctx: ActingContext,
  bucket: Bucket,
  rule: LifecycleRule,
  versions: S3Object[],
  now: number,
  dueAt: (from: Date, days: number) => number,
  applies: (object: S3Object) => boolean,
  minimumSize: string | undefined,
): void {
  const current = versions[0] && !versions[0].deleteMarker ? versions[0] : undefined;
  if (current && rule.Transitions?.length && applies(current)) {
    const steps = rule.Transitions.map((t) => ({ at: t.Date ? new Date(t.Date).getTime() : dueAt(current.lastModified, t.Days ?? 0), storageClass: t.StorageClass ?? '' }));
    transition(ctx, bucket, current, dueClass(steps, current, now, (storageClass) => sizeAllows(rule, current, storageClass, minimumSize)));
  }
  for (let i = 1; i < versions.length; i++) {
    const version = versions[i];
    if (version.deleteMarker || !rule.NoncurrentVersionTransitions?.length || !applies(version)) continue;
    // A version became noncurrent when the next newer one was written; the newest `NewerNoncurrentVersions` stay.
    const steps = rule.NoncurrentVersionTransitions.filter((t) => i - 1 >= (t.NewerNoncurrentVersions ?? 0)).map((t) => ({
      at: dueAt(versions[i - 1].lastModified, t.NoncurrentDays ?? 0),
      storageClass: t.StorageClass ?? '',
    }));
    transition(ctx, bucket, version, dueClass(steps, version, now, (storageClass) => sizeAllows(rule, version, storageClass, minimumSize)));
  }
}
