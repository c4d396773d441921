import { buildArn } from '../../core/arn.ts';
import { ownerWithoutPolicy, s3Allows } from './access.ts';
import { accessPointKeysFor } from './access-point-keys.ts';
import { accountBlockOf } from './account-block.ts';
import type { Bucket } from './bucket.ts';
import { S3Errors } from './errors.ts';
import { SESSION_ACTION, writeHeaderActions } from './iam-actions.ts';
import { directoryBucketArn } from './operations/directory-buckets.ts';
import { requester, type S3Context } from './registry.ts';

/**
 * An action a request needs on one object besides (or instead of) its own: a copy's source read, each key of
 * DeleteObjects, the governance bypass. The bucket policy and the object's ACL judge it (a Deny refuses; another
 * account needs an Allow or a grant) and, with `--enforce-iam`, the caller's identity policies; else `AccessDenied`.
 */
export async function authorizeOnObject(ctx: S3Context, bucket: Bucket, action: string, key: string, versionId?: string): Promise<void> {
  // A directory bucket authorizes the session, not each object: its requests are s3express:CreateSession on the bucket.
  if (bucket.directory) return authorizeSession(ctx, bucket);
  const caller = requester(ctx);
  if (ctx.emulator.crossAccount !== 'open' && !ownerWithoutPolicy(caller, bucket)) {
    const grants = (versionId === undefined ? bucket.current(key) : bucket.version(key, versionId))?.acl;
    if (!s3Allows(caller, bucket, accountBlockOf(ctx, bucket.accountId), action, key, grants, accessPointKeysFor(ctx, bucket.name))) throw S3Errors.accessDenied();
  }
  if (!ctx.emulator.enforcesIam) return;
  const resource = buildArn({ service: 's3', region: '', accountId: '', resource: `${bucket.name}/${key}`, partitionRegion: bucket.region });
  const document = bucket.configs.get('policy') as string | undefined;
  await ctx.emulator.authorizeAction(ctx, action, resource, { governing: { document, ownerAccount: bucket.accountId } });
}

/** A directory bucket's Zonal requests (a copy's source in one too): `s3express:CreateSession` on the bucket. */
async function authorizeSession(ctx: S3Context, bucket: Bucket): Promise<void> {
  if (!ctx.emulator.enforcesIam) return;
  const document = bucket.configs.get('policy') as string | undefined;
  await ctx.emulator.authorizeAction(ctx, SESSION_ACTION, directoryBucketArn(bucket), { governing: { document, ownerAccount: bucket.accountId } });
}

/**
 * The permissions a write's ACL, tagging and Object Lock headers need on the new object (see `writeHeaderActions`);
 * undefined when they need none, so the common write awaits nothing more.
 */
export function authorizeWriteHeaders(ctx: S3Context, bucket: Bucket, key: string, input: Parameters<typeof writeHeaderActions>[0], setsTags: boolean): Promise<void> | undefined {
  const actions = writeHeaderActions(input, setsTags);
  if (actions.length === 0) return undefined;
  return actions.reduce((previous, action) => previous.then(() => authorizeOnObject(ctx, bucket, action, key)), Promise.resolve());
}

/**
 * An action a request needs on the bucket itself besides its own (a missing key's read needs `s3:ListBucket` to be
 * told it is missing): the bucket policy and ACL judge it, and with `--enforce-iam` the caller's policies.
 */
export async function authorizeOnBucket(ctx: S3Context, bucket: Bucket, action: string): Promise<void> {
  if (bucket.directory) return authorizeSession(ctx, bucket);
  const caller = requester(ctx);
  if (ctx.emulator.crossAccount !== 'open' && !ownerWithoutPolicy(caller, bucket)) {
    if (!s3Allows(caller, bucket, accountBlockOf(ctx, bucket.accountId), action, undefined, undefined, accessPointKeysFor(ctx, bucket.name))) throw S3Errors.accessDenied();
  }
  if (!ctx.emulator.enforcesIam) return;
  const resource = buildArn({ service: 's3', region: '', accountId: '', resource: bucket.name, partitionRegion: bucket.region });
  const document = bucket.configs.get('policy') as string | undefined;
  await ctx.emulator.authorizeAction(ctx, action, resource, { governing: { document, ownerAccount: bucket.accountId } });
}
