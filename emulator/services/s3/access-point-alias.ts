import type { GetAccessPointResult, ListAccessPointsForObjectLambdaResult, ListAccessPointsResult } from '@aws-sdk/client-s3-control';
import { accessDecision } from '../../core/access.ts';
import { accountRootArn, buildArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import { isPublicPolicy } from '../../core/policy/public.ts';
import { actionName } from '../../core/policy/index.ts';
import type { Caller } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { ANONYMOUS } from './access.ts';
import { addAccessPointBlock } from './account-block.ts';
import { S3Errors } from './errors.ts';
import { markThroughObjectLambda, notImplemented, PASSED_THROUGH, SERVED } from './object-lambda.ts';
import { requester, type S3Context } from './registry.ts';

/**
 * Access point aliases as bucket names ("Using a bucket-style alias for your access point"): `<prefix>-<metadata>-s3alias`
 * names an access point, `…--ol-s3` an Object Lambda access point. S3 Control made them and keeps them; its metadata
 * ends with the owner's account in base 36 (see S3 Control's `newAlias`), so S3 asks that account's S3 Control, through
 * the core, which of its access points has the alias. A request naming an access point's alias is served by its bucket
 * for the operations access points take, under the access point's policy and Block Public Access; one naming an Object
 * Lambda access point's alias is served as a request through its host.
 */
const ALIAS = /^[a-z0-9-]+-[a-z0-9]{26}([a-z0-9]{8})(-s3alias|--ol-s3)$/;

/** AWS's access point compatibility list: the object operations and the bucket reads access points take. */
const THROUGH_ACCESS_POINTS = new Set([...SERVED, ...PASSED_THROUGH, 'SelectObjectContent']);

const invalidAlias = () => new AwsError('InvalidAccessPointAliasError', 'The specified access point alias name is not valid.', { status: 400 });

/** The access point a request named by its alias, kept for what its answer says of it (HeadBucket's AccessPointAlias). */
const throughAlias = new WeakMap<S3Context, string>();

export const isThroughAccessPointAlias = (ctx: S3Context) => throughAlias.has(ctx);

/**
 * Readdresses a request whose bucket is an access point alias; undefined (no extra turn) for every other request.
 * Without S3 Control the name is an ordinary (missing) bucket's.
 */
export function resolveAccessPointAlias(input: { Bucket?: string; Key?: string }, ctx: S3Context): Promise<void> | undefined {
  const bucket = input.Bucket;
  if (typeof bucket !== 'string' || !(bucket.endsWith('-s3alias') || bucket.endsWith('--ol-s3')) || !ctx.emulator.isEnabled('s3control')) return undefined;
  const match = ALIAS.exec(bucket);
  if (!match) return Promise.reject(invalidAlias());
  const accountId = String(parseInt(match[1], 36)).padStart(12, '0');
  return match[2] === '--ol-s3' ? resolveObjectLambdaAlias(input, ctx, accountId) : resolveAlias(input, ctx, accountId);
}

/** S3 asks S3 Control about the owner's access points as the service itself, not with the caller's permissions. */
function asS3(ctx: S3Context, accountId: string) {
  const caller: Caller = { accountId, arn: accountRootArn(accountId, ctx.region), servicePrincipal: 's3.amazonaws.com' };
  return <Output>(operation: string, input: object) => ctx.emulator.call<Output>('s3control', operation, { AccountId: accountId, ...input }, { caller, accountId, region: ctx.region });
}

/** Every page of a listing, until the item `found` picks. */
async function findListed<Page extends { NextToken?: string }, Item>(list: (token?: string) => Promise<Page>, items: (page: Page) => Item[], found: (item: Item) => boolean) {
  let token: string | undefined;
  do {
    const page = await list(token);
    const hit = items(page).find(found);
    if (hit) return hit;
    token = page.NextToken;
  } while (token);
  return undefined;
}

async function resolveObjectLambdaAlias(input: { Bucket?: string }, ctx: S3Context, accountId: string): Promise<void> {
  const ask = asS3(ctx, accountId);
  const found = await findListed(
    (NextToken) => ask<ListAccessPointsForObjectLambdaResult>('ListAccessPointsForObjectLambda', { NextToken }),
    (page) => page.ObjectLambdaAccessPointList ?? [],
    (ap) => ap.Alias?.Value === input.Bucket,
  );
  if (!found) throw invalidAlias();
  // The access point's host names it as `<name>-<account>`: the request goes on as one through that host.
  input.Bucket = `${found.Name}-${accountId}`;
  markThroughObjectLambda(ctx);
}

async function resolveAlias(input: { Bucket?: string; Key?: string }, ctx: S3Context, accountId: string): Promise<void> {
  const alias = input.Bucket!;
  const ask = asS3(ctx, accountId);
  const listed = await findListed(
    (NextToken) => ask<ListAccessPointsResult>('ListAccessPoints', { NextToken }),
    (page) => page.AccessPointList ?? [],
    (ap) => ap.Alias === alias,
  );
  if (!listed) throw invalidAlias();
  if (!THROUGH_ACCESS_POINTS.has(ctx.operation)) throw notImplemented();
  const accessPoint = await ask<GetAccessPointResult>('GetAccessPoint', { Name: listed.Name });
  const policy = await ask<{ Policy?: string }>('GetAccessPointPolicy', { Name: listed.Name }).then(
    (output) => output.Policy,
    (error: unknown) => {
      if (error instanceof AwsError && error.code === 'NoSuchAccessPointPolicy') return undefined;
      throw error;
    },
  );
  const block = accessPoint.PublicAccessBlockConfiguration ?? {};
  if (ctx.emulator.crossAccount !== 'open') checkAccessPointPolicy(ctx, accessPoint, accountId, input.Key, policy);
  await addAccessPointBlock(ctx, accessPoint.BucketAccountId ?? accountId, block);
  input.Bucket = accessPoint.Bucket;
  throughAlias.set(ctx, alias);
}

/**
 * The access point's policy judges the request as a bucket policy would, on the access point's ARN (`…/object/<key>`
 * for an object): an explicit Deny refuses; a caller from another account needs its Allow, which a public policy
 * gives no outsider while the access point's RestrictPublicBuckets is on. The bucket's own policy and ACLs judge the
 * request afterwards, as for any request to the bucket.
 */
function checkAccessPointPolicy(ctx: S3Context, accessPoint: GetAccessPointResult, accountId: string, key: string | undefined, policy: string | undefined): void {
  const caller = requester(ctx);
  if (caller.servicePrincipal) return;
  const outsider = caller === ANONYMOUS || caller.accountId !== accountId;
  const usable = outsider && accessPoint.PublicAccessBlockConfiguration?.RestrictPublicBuckets && policy !== undefined && isPublicPolicy(policy) ? undefined : policy;
  const resource = buildArn({ service: 's3', region: ctx.region, accountId, resource: `accesspoint/${accessPoint.Name}${key === undefined ? '' : `/object/${key}`}` });
  const decision = accessDecision(caller, actionName(loadModel('s3'), ctx.operation), resource, accountId, usable);
  if (decision !== 'allowed') throw S3Errors.accessDenied();
}
