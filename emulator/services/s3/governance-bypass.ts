import { buildArn } from '../../core/arn.ts';
import { ownerWithoutPolicy, s3Allows } from './access.ts';
import { accessPointKeysFor } from './access-point-keys.ts';
import { accountBlockOf } from './account-block.ts';
import type { Bucket } from './bucket.ts';
import { S3Errors } from './errors.ts';
import { requester, type S3Context } from './registry.ts';

const BYPASS_ACTION = 's3:BypassGovernanceRetention';

/**
 * A request with `x-amz-bypass-governance-retention: true` also needs `s3:BypassGovernanceRetention` on the object
 * ("To use this header, you must have the s3:BypassGovernanceRetention permission"): the bucket policy's (a Deny
 * refuses; another account needs its Allow) and, with `--enforce-iam`, the caller's identity policies'. Without it the
 * request is AccessDenied, whether or not the version is locked (as AWS answers a caller denied that action).
 */
export async function authorizeGovernanceBypass(ctx: S3Context, bucket: Bucket, key: string): Promise<void> {
  const caller = requester(ctx);
  if (ctx.emulator.crossAccount !== 'open' && !ownerWithoutPolicy(caller, bucket)) {
    const allowed = s3Allows(caller, bucket, accountBlockOf(ctx, bucket.accountId), BYPASS_ACTION, key, undefined, accessPointKeysFor(ctx, bucket.name));
    if (!allowed) throw S3Errors.accessDenied();
  }
  const resource = buildArn({ service: 's3', region: '', accountId: '', resource: `${bucket.name}/${key}`, partitionRegion: bucket.region });
  const document = bucket.configs.get('policy') as string | undefined;
  await ctx.emulator.authorizeAction(ctx, BYPASS_ACTION, resource, { governing: { document, ownerAccount: bucket.accountId } });
}
