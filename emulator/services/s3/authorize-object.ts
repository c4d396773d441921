import { buildArn } from '../../core/arn.ts';
import { ownerWithoutPolicy, s3Allows } from './access.ts';
import { accessPointKeysFor } from './access-point-keys.ts';
import { accountBlockOf } from './account-block.ts';
import type { Bucket } from './bucket.ts';
import { S3Errors } from './errors.ts';
import { requester, type S3Context } from './registry.ts';

/**
 * An action a request needs on one object besides (or instead of) its own: a copy's source read, each key of
 * DeleteObjects, the governance bypass. The bucket policy and the object's ACL judge it (a Deny refuses; another
 * account needs an Allow or a grant) and, with `--enforce-iam`, the caller's identity policies; else `AccessDenied`.
 */
export async function authorizeOnObject(ctx: S3Context, bucket: Bucket, action: string, key: string, versionId?: string): Promise<void> {
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
