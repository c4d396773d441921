import { AwsError } from '../../core/errors.ts';
import type { Emulator } from '../../core/emulator.ts';
import type { RequestContext } from '../../core/service.ts';
import type { Bucket } from './bucket.ts';
import { persistedFiles } from '../../persistence/files.ts';
import { BodyStore } from './body.ts';
import { S3Errors } from './errors.ts';

/**
 * Bucket names are global: one name registry per emulator, across accounts and regions (a bucket still belongs to one
 * account and region). Keyed by the emulator so that two emulators in one process share nothing.
 */
export interface S3World {
  readonly buckets: Map<string, Bucket>;
  /** Whether the lifecycle sweeper has been started for this emulator. */
  sweeping: boolean;
  /** Where object bodies are kept: memory, or files under TWINSTACK_S3_DATA_DIR or the persistence directory. */
  readonly bodies: BodyStore;
  /** Makes event records' sequencers increase. */
  eventSequence: bigint;
}

const worlds = new WeakMap<Emulator, S3World>();

export function s3World(emulator: Emulator): S3World {
  let world = worlds.get(emulator);
  if (!world) {
    const bodies = new BodyStore(process.env.TWINSTACK_S3_DATA_DIR || undefined, persistedFiles(emulator, 's3-bodies'));
    world = { buckets: new Map(), sweeping: false, eventSequence: 0n, bodies };
    worlds.set(emulator, world);
  }
  return world;
}

export type S3Context = RequestContext<unknown>;

/** What acting on objects needs of a request: also made up by the lifecycle sweeper, which acts for no request. */
export type ActingContext = Pick<S3Context, 'emulator' | 'requestId' | 'accountId' | 'accessKeyId'>;

/**
 * The bucket a request names, if the caller may use it: missing buckets are `NoSuchBucket`; another account's bucket,
 * or an `ExpectedBucketOwner` that is not the owner, is `AccessDenied` (twinstack evaluates no bucket policies).
 */
export function requireBucket(ctx: S3Context, input: { Bucket?: string; ExpectedBucketOwner?: string }): Bucket {
  const name = input.Bucket ?? '';
  const bucket = s3World(ctx.emulator).buckets.get(name);
  if (!bucket) throw S3Errors.noSuchBucket(name);
  if (bucket.accountId !== ctx.accountId && !ctx.caller.servicePrincipal) throw S3Errors.accessDenied();
  if (input.ExpectedBucketOwner !== undefined) {
    if (!/^\d{12}$/.test(input.ExpectedBucketOwner)) {
      throw new AwsError(
        'InvalidBucketOwnerAWSAccountID',
        `The value of the expected bucket owner parameter must be an AWS Account ID... [${input.ExpectedBucketOwner}]`,
        { status: 400 },
      );
    }
    if (input.ExpectedBucketOwner !== bucket.accountId) throw S3Errors.accessDenied();
  }
  return bucket;
}
