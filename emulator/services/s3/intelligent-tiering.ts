import type { IntelligentTieringConfiguration, IntelligentTieringFilter } from '@aws-sdk/client-s3';
import type { Bucket } from './bucket.ts';
import { notify } from './notifications.ts';
import type { S3Object } from './object.ts';
import type { ActingContext } from './registry.ts';

/**
 * S3 Intelligent-Tiering's opt-in archive tiers: an INTELLIGENT_TIERING object of 128 KB or more that nobody has read
 * for a configuration's `Days` moves to that tier (Deep Archive Access past Archive Access, never back up) and S3
 * sends `s3:IntelligentTiering`; it must then be restored (RestoreObject without Days) to be read, which takes it back
 * to the Frequent Access tier. Applied by the lifecycle sweeper on the emulator clock.
 */
export type ArchiveTier = 'ARCHIVE_ACCESS' | 'DEEP_ARCHIVE_ACCESS';

const DAY_MS = 86_400_000;
/** "Objects smaller than 128 KB are not eligible for auto-tiering": they stay in the Frequent Access tier. */
const SMALL_OBJECT = 128 * 1024;
const DEPTH: Record<ArchiveTier, number> = { ARCHIVE_ACCESS: 1, DEEP_ARCHIVE_ACCESS: 2 };

/** When an object was last read: days without access count from it (from its writing if never read). */
export const lastAccess = (object: S3Object): number => object.lastAccessedMs ?? object.lastModified.getTime();

function filterTakes(filter: IntelligentTieringFilter | undefined, object: S3Object): boolean {
  const prefix = filter?.Prefix ?? filter?.And?.Prefix ?? '';
  const tags = [...(filter?.Tag ? [filter.Tag] : []), ...(filter?.And?.Tags ?? [])];
  return object.key.startsWith(prefix) && tags.every((t) => object.tags.some((o) => o.Key === t.Key && o.Value === t.Value));
}

/** The deepest archive tier the bucket's enabled configurations have an object due for by `now`, if any. */
function dueTier(configs: IntelligentTieringConfiguration[], object: S3Object, now: number): ArchiveTier | undefined {
  let due: ArchiveTier | undefined;
  for (const config of configs) {
    if (config.Status !== 'Enabled' || !filterTakes(config.Filter, object)) continue;
    for (const tiering of config.Tierings ?? []) {
      const tier = tiering.AccessTier as ArchiveTier;
      if (lastAccess(object) + (tiering.Days ?? 0) * DAY_MS <= now && (!due || DEPTH[tier] > DEPTH[due])) due = tier;
    }
  }
  return due;
}

/** Moves the bucket's eligible INTELLIGENT_TIERING versions to the archive tiers now due for them. */
export function sweepIntelligentTiering(ctx: ActingContext, bucket: Bucket, now: number): void {
  const configs = [...((bucket.configs.get('intelligentTiering') as Map<string, IntelligentTieringConfiguration> | undefined)?.values() ?? [])];
  if (!configs.some((c) => c.Status === 'Enabled')) return;
  for (const versions of bucket.objects.values()) {
    for (const object of versions) {
      if (object.deleteMarker || object.storageClass !== 'INTELLIGENT_TIERING' || object.body.size < SMALL_OBJECT) continue;
      // A restore under way finishes first.
      if (object.restore && object.restore.completesAt.getTime() > now) continue;
      const tier = dueTier(configs, object, now);
      if (!tier || (object.accessTier && DEPTH[object.accessTier] >= DEPTH[tier])) continue;
      object.accessTier = tier;
      notify(ctx, bucket, 's3:IntelligentTiering', object);
    }
  }
}
