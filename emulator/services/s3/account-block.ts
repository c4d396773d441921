import { accountRootArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import { strictest, type PublicAccessBlock } from './access.ts';

/**
 * The account-level Block Public Access of bucket owners (S3 Control's PutPublicAccessBlock), which S3 combines with
 * each bucket's own setting, the most restrictive of both flag by flag. It lives in S3 Control: S3 asks for it through
 * the core (`emulator.call`) before a request's handler runs, only for requests it can change (see
 * request-preparation.ts), and keeps the answers for that request, whose decisions read them synchronously.
 */
const perRequest = new WeakMap<object, Map<string, PublicAccessBlock>>();

/** The account's block as fetched for this request; none when the request was not one it can change. */
export function accountBlockOf(ctx: RequestContext, accountId: string): PublicAccessBlock {
  return perRequest.get(ctx)?.get(accountId) ?? {};
}

/** Fetches the blocks of these accounts from S3 Control for this request (none set, or S3 Control not enabled: no block). */
export async function fetchAccountBlocks(ctx: RequestContext, accountIds: Iterable<string>): Promise<void> {
  const known = perRequest.get(ctx) ?? new Map<string, PublicAccessBlock>();
  perRequest.set(ctx, known);
  for (const accountId of accountIds) {
    if (known.has(accountId)) continue;
    known.set(accountId, await askS3Control(ctx, accountId));
  }
}

/**
 * A request through an access point also has the access point's own Block Public Access: added, flag by flag, to its
 * bucket owner's account block for this request, so that every decision reading that block applies it.
 */
export async function addAccessPointBlock(ctx: RequestContext, bucketAccountId: string, block: PublicAccessBlock): Promise<void> {
  await fetchAccountBlocks(ctx, [bucketAccountId]);
  const known = perRequest.get(ctx)!;
  known.set(bucketAccountId, strictest(known.get(bucketAccountId) ?? {}, block));
}

async function askS3Control(ctx: RequestContext, accountId: string): Promise<PublicAccessBlock> {
  if (!ctx.emulator.isEnabled('s3control')) return {};
  // S3 reads the setting for the bucket owner as the service itself, not with the caller's permissions.
  const caller = { accountId, arn: accountRootArn(accountId, 'us-east-1'), servicePrincipal: 's3.amazonaws.com' };
  try {
    const output = await ctx.emulator.call<{ PublicAccessBlockConfiguration?: PublicAccessBlock }>(
      's3control',
      'GetPublicAccessBlock',
      { AccountId: accountId },
      { caller, accountId, region: 'us-east-1' },
    );
    return output.PublicAccessBlockConfiguration ?? {};
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NoSuchPublicAccessBlockConfiguration') return {};
    throw error;
  }
}
