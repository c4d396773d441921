import type { Emulator } from '../../core/emulator.ts';
import { persistedFiles } from '../../persistence/files.ts';
import type { ServicePersistence } from '../../persistence/types.ts';
import { Bucket } from './bucket.ts';
import { ConcatBody, FileBody, MemoryBody } from './body.ts';
import { KeyIndex, newKeyTree } from './key-index.ts';
import { startLifecycleSweeper } from './lifecycle.ts';
import { s3World, type S3World } from './registry.ts';

/**
 * A reset forgets an account's buckets (each account that made a request has a state to dispose), freeing their
 * bodies; with persisted state their files stay until the next start's garbage collection, since an exported state
 * being imported may name them.
 */
export function dropBuckets(emulator: Emulator, accountId: string): void {
  const world = s3World(emulator);
  const keepFiles = persistedFiles(emulator, 's3-bodies') !== undefined;
  for (const [name, bucket] of world.buckets) {
    if (bucket.accountId !== accountId) continue;
    world.buckets.delete(name);
    if (keepFiles) continue;
    for (const versions of bucket.objects.values()) for (const version of versions) version.body.release();
    for (const upload of bucket.uploads.values()) for (const part of upload.parts.values()) part.body.release();
  }
}

/** Paths of the file bodies the restore under way brought back: every other file in the body directory is garbage. */
const restoredFiles = new Set<string>();

/**
 * What S3 holds, for persistence: the emulator's buckets (bucket names are global, so they are the service's shared
 * state, not per-region state) with every object version, multipart upload and configuration. With a persistence
 * directory, bodies are files (see body.ts): their paths are saved, never their bytes; bodies kept in memory (state
 * export without a directory) are saved with their bytes.
 */
export const s3Persistence: ServicePersistence = {
  classes: {
    Bucket: { type: Bucket, revive: (bucket: Bucket) => bucket.reindex() },
    // The B+ tree of keys is an index over the bucket's objects: rebuilt, not saved.
    KeyIndex: { type: KeyIndex, transient: { tree: newKeyTree } },
    MemoryBody,
    ConcatBody,
    FileBody: { type: FileBody, revive: (body: FileBody) => restoredFiles.add(body.path) },
  },
  shared: {
    save: (emulator: Emulator) => {
      const world = s3World(emulator);
      return { buckets: world.buckets, eventSequence: world.eventSequence };
    },
    restore: (emulator: Emulator, saved: unknown) => {
      const world = s3World(emulator);
      world.buckets.clear();
      const state = saved as Pick<S3World, 'buckets' | 'eventSequence'> | undefined;
      if (state) {
        for (const [name, bucket] of state.buckets) world.buckets.set(name, bucket);
        world.eventSequence = state.eventSequence;
      }
      world.bodies.collectGarbage(new Set(restoredFiles));
      restoredFiles.clear();
      if ([...world.buckets.values()].some((bucket) => bucket.configs.has('lifecycle') || bucket.configs.has('intelligentTiering'))) startLifecycleSweeper(emulator);
    },
  },
};
