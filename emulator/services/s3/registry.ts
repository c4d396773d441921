import { AwsError } from '../../core/errors.ts';
import type { Emulator } from '../../core/emulator.ts';
import type { Caller, RequestContext } from '../../core/service.ts';
import { ANONYMOUS, ownerWithoutPolicy, s3Allows } from './access.ts';
import { accessPointKeysFor } from './access-point-keys.ts';
import { accountBlockOf } from './account-block.ts';
import type { Bucket } from './bucket.ts';
import { persistedFiles } from '../../persistence/files.ts';
import { BodyStore } from './body.ts';
import { S3Errors } from './errors.ts';
import { s3Action } from './iam-actions.ts';
import { refuseThroughObjectLambda } from './object-lambda.ts';

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

/** An account's (and region's) S3 state: buckets live in the world; what a reset must forget besides them lives here. */
export interface S3State {
  accountId: string;
  emulator: Emulator;
  /** Access keys of the CreateSession credentials issued here, forgotten with the state. */
  sessionKeys: Set<string>;
  /** Those of them issued for a `ReadOnly` session, which may only read (see session-mode.ts). */
  readOnlySessions: Set<string>;
}

/** A success status other than the model's for this request (RestoreObject's 202), applied when the answer is sent. */
export const answerStatus = new WeakMap<S3Context, number>();

/** What acting on objects needs of a request: also made up by the lifecycle sweeper, which acts for no request. */
export type ActingContext = Pick<S3Context, 'emulator' | 'requestId' | 'accountId' | 'accessKeyId'>;

/**
 * Who is asking: the signed caller, or — when signatures are verified — nobody (`ANONYMOUS`) for an unsigned request,
 * which only public grants and policies serve. Without `--strict-signatures` an unsigned request acts for the default
 * account, as LocalStack's do.
 */
export function requester(ctx: S3Context): Caller {
  return ctx.protocol !== 'internal' && ctx.accessKeyId === undefined && ctx.emulator.verifiesSignatures ? ANONYMOUS : ctx.caller;
}

/**
 * The bucket a request names, if the caller may use it: missing buckets are `NoSuchBucket`; a caller the bucket
 * policy and ACLs do not allow the request's action (another account, an anonymous caller, a Deny statement), or an
 * `ExpectedBucketOwner` that is not the owner, gets `AccessDenied`. `judgedByCaller`: the caller judges access itself
 * (a copy's source, see authorize-object.ts).
 */
export function requireBucket(
  ctx: S3Context,
  input: { Bucket?: string; Key?: string; VersionId?: string; ExpectedBucketOwner?: string },
  judgedByCaller = false,
): Bucket {
  refuseThroughObjectLambda(ctx);
  const name = input.Bucket ?? '';
  const bucket = s3World(ctx.emulator).buckets.get(name);
  if (!bucket) throw S3Errors.noSuchBucket(name);
  checkRegion(ctx, bucket);
  const action = judgedByCaller ? null : s3Action(ctx.operation, input);
  if (action !== null && ctx.emulator.crossAccount !== 'open' && !ownerWithoutPolicy(requester(ctx), bucket)) {
    const key = input.Key;
    const version = key === undefined ? undefined : input.VersionId === undefined ? bucket.current(key) : bucket.version(key, input.VersionId);
    const accessPoint = accessPointKeysFor(ctx, bucket.name);
    if (!s3Allows(requester(ctx), bucket, accountBlockOf(ctx, bucket.accountId), action, key, version?.acl, accessPoint)) throw S3Errors.accessDenied();
  }
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

/** Operations any region's endpoint answers for any bucket: how clients find a bucket's region. */
const ANY_REGION = new Set(['GetBucketLocation']);

/**
 * A request signed for another region than the bucket's: AWS's `301 PermanentRedirect` naming the bucket's endpoint,
 * with `x-amz-bucket-region` (which boto3 and the SDKs' region redirects follow); HEAD answers carry no body. A
 * signature for `aws-global` (botocore's global pseudo-region) is `AuthorizationHeaderMalformed`. Unsigned requests
 * claim no region, and services calling S3 through the core act in the bucket's region.
 */
function checkRegion(ctx: S3Context, bucket: Bucket): void {
  if (ctx.protocol === 'internal' || ctx.accessKeyId === undefined || ctx.region === bucket.region || ANY_REGION.has(ctx.operation)) return;
  const headers = { 'x-amz-bucket-region': bucket.region };
  if (ctx.region === 'aws-global') throw wrongSigningRegion(ctx.region, bucket.region, headers);
  const host = bucket.region === 'us-east-1' ? 's3.amazonaws.com' : `s3.${bucket.region}.amazonaws.com`;
  throw new AwsError('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.', {
    status: 301,
    fields: { Endpoint: `${bucket.name}.${host}`, Bucket: bucket.name },
    headers,
  });
}

export function wrongSigningRegion(given: string, expected: string, headers?: Record<string, string>): AwsError {
  return new AwsError('AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${given}' is wrong; expecting '${expected}'`, {
    status: 400,
    fields: { Region: expected },
    headers,
  });
}
