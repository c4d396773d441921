import type { GetAccessPointResult } from '@aws-sdk/client-s3-control';
import { accessDecision } from '../../core/access.ts';
import { accountRootArn, buildArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import { isPublicPolicy } from '../../core/policy/public.ts';
import type { Caller } from '../../core/service.ts';
import { ANONYMOUS } from './access.ts';
import { keysOf, type AccessPointKeys } from './access-point-keys.ts';
import { addAccessPointBlock } from './account-block.ts';
import { S3Errors } from './errors.ts';
import { requester, type S3Context } from './registry.ts';

/** S3 asks S3 Control about the owner's access points as the service itself, not with the caller's permissions. */
export function asS3(ctx: S3Context, accountId: string) {
  const caller: Caller = { accountId, arn: accountRootArn(accountId, ctx.region), servicePrincipal: 's3.amazonaws.com' };
  return <Output>(operation: string, input: object) => ctx.emulator.call<Output>('s3control', operation, { AccountId: accountId, ...input }, { caller, accountId, region: ctx.region });
}

/** A policy read from S3 Control (`operation`: the access point kind's Get…Policy), undefined when it has none. */
export function policyOf(ctx: S3Context, accountId: string, operation: string, name: string): Promise<string | undefined> {
  return asS3(ctx, accountId)<{ Policy?: string }>(operation, { Name: name }).then(
    (output) => output.Policy,
    (error: unknown) => {
      if (error instanceof AwsError && error.code === 'NoSuchAccessPointPolicy') return undefined;
      throw error;
    },
  );
}

export interface FoundAccessPoint {
  accountId: string;
  accessPoint: GetAccessPointResult;
  policy?: string;
  /** The condition keys of requests through it. */
  keys: AccessPointKeys;
}

/** An access point of the owner's account (in the request's region) by name, with its policy. */
export async function accessPointNamed(ctx: S3Context, accountId: string, name: string): Promise<FoundAccessPoint> {
  const accessPoint = await asS3(ctx, accountId)<GetAccessPointResult>('GetAccessPoint', { Name: name });
  const policy = await policyOf(ctx, accountId, 'GetAccessPointPolicy', name);
  return { accountId, accessPoint, policy, keys: keysOf(accessPoint, accountId, ctx.region) };
}

/**
 * The access point's policy judges the request (unless the walls are open), and its Block Public Access joins its
 * bucket owner's for the request. `context`: condition keys the request carries besides the access point's own.
 */
export async function admit(ctx: S3Context, found: FoundAccessPoint, key: string | undefined, action: string, context?: Record<string, string[]>): Promise<void> {
  if (ctx.emulator.crossAccount !== 'open') checkAccessPointPolicy(ctx, found, key, action, context);
  await addAccessPointBlock(ctx, found.accessPoint.BucketAccountId ?? found.accountId, found.accessPoint.PublicAccessBlockConfiguration ?? {});
}

/**
 * The access point's policy judges the request as a bucket policy would, on the access point's ARN (`…/object/<key>`
 * for an object): an explicit Deny refuses; a caller from another account needs its Allow, which a public policy
 * gives no outsider while the access point's RestrictPublicBuckets is on. The bucket's own policy and ACLs judge the
 * request afterwards, as for any request to the bucket.
 */
function checkAccessPointPolicy(ctx: S3Context, { accessPoint, accountId, policy, keys }: FoundAccessPoint, key: string | undefined, action: string, context?: Record<string, string[]>): void {
  const caller = requester(ctx);
  if (caller.servicePrincipal) return;
  const outsider = caller === ANONYMOUS || caller.accountId !== accountId;
  const usable = outsider && accessPoint.PublicAccessBlockConfiguration?.RestrictPublicBuckets && policy !== undefined && isPublicPolicy(policy) ? undefined : policy;
  const resource = buildArn({ service: 's3', region: ctx.region, accountId, resource: `accesspoint/${accessPoint.Name}${key === undefined ? '' : `/object/${key}`}` });
  if (accessDecision(caller, action, resource, accountId, usable, { ...keys, ...context }) !== 'allowed') throw S3Errors.accessDenied();
}
