import type { Handler } from '../../core/service.ts';
import { ANONYMOUS } from './access.ts';
import { fetchAccountBlocks } from './account-block.ts';
import type { Bucket } from './bucket.ts';
import { resolveAccessPointAlias } from './access-point-alias.ts';
import { routeThroughObjectLambda } from './object-lambda.ts';
import { requester, s3World, type S3Context } from './registry.ts';
import { checkSessionMode } from './session-mode.ts';

/** Whether a request sets an ACL, canned or granted, on a bucket or an object (checked on every request: no allocation). */
const setsAcl = (input: Record<string, unknown>) =>
  input.ACL !== undefined ||
  input.GrantFullControl !== undefined ||
  input.GrantRead !== undefined ||
  input.GrantReadACP !== undefined ||
  input.GrantWrite !== undefined ||
  input.GrantWriteACP !== undefined ||
  input.AccessControlPolicy !== undefined;

/** The bucket `x-amz-copy-source` names (`[/]bucket/key[?versionId=...]`, URL-encoded), '' when unreadable. */
function copySourceBucket(raw: string): string {
  try {
    return decodeURIComponent(raw.split('?')[0]).replace(/^\//, '').split('/')[0];
  } catch {
    return '';
  }
}

/**
 * The bucket owners whose account-level block can change a request's outcome: the owner's for a write of a bucket
 * policy or an ACL (BlockPublicPolicy, BlockPublicAcls; the caller's own account for a new bucket), and the owners of
 * the buckets read by a caller from outside their account (IgnorePublicAcls, RestrictPublicBuckets). The owner's own
 * reads and writes — nearly every request — need none.
 */
function accountsConcerned(input: Record<string, unknown>, ctx: S3Context): Set<string> | undefined {
  if (!ctx.emulator.isEnabled('s3control')) return undefined;
  const buckets = s3World(ctx.emulator).buckets;
  const bucket = typeof input.Bucket === 'string' ? buckets.get(input.Bucket) : undefined;
  let accounts: Set<string> | undefined;
  const add = (accountId: string) => (accounts ??= new Set()).add(accountId);
  if (ctx.operation === 'PutBucketPolicy' || setsAcl(input)) add(bucket?.accountId ?? ctx.accountId);
  if (ctx.emulator.crossAccount !== 'open') {
    const caller = requester(ctx);
    const outsider = (b: Bucket | undefined): b is Bucket => b !== undefined && (caller === ANONYMOUS || caller.accountId !== b.accountId);
    if (outsider(bucket)) add(bucket.accountId);
    const source = typeof input.CopySource === 'string' ? buckets.get(copySourceBucket(input.CopySource)) : undefined;
    if (outsider(source)) add(source.accountId);
  }
  return accounts;
}

/** Fetches the account blocks a request needs before it is served; undefined (no extra turn) when it needs none. */
export function prepareAccountBlocks(input: Record<string, unknown>, ctx: S3Context): Promise<void> | undefined {
  const accounts = accountsConcerned(input, ctx);
  return accounts && fetchAccountBlocks(ctx, accounts);
}

/**
 * The handlers, each preceded by the check of a ReadOnly session's credentials, then by what its request needs from
 * S3 Control, asked through the core: the access point an alias used as the bucket name names, the bucket behind an
 * Object Lambda access point an object operation goes through, then the account blocks that can change its outcome. A
 * request that needs none (nearly all) goes straight to its handler.
 */
export function withPreparation(handlers: Record<string, Handler>): Record<string, Handler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (input: Record<string, unknown>, ctx: S3Context) => {
        checkSessionMode(ctx);
        const aliased = resolveAccessPointAlias(input, ctx);
        return aliased ? aliased.then(() => prepared(handler, input, ctx)) : prepared(handler, input, ctx);
      },
    ]),
  );
}

function prepared(handler: Handler, input: Record<string, unknown>, ctx: S3Context): unknown {
  const routed = routeThroughObjectLambda(input, ctx);
  if (routed) return routed.then(() => prepareAccountBlocks(input, ctx)).then(() => handler(input, ctx));
  const pending = prepareAccountBlocks(input, ctx);
  return pending ? pending.then(() => handler(input, ctx)) : handler(input, ctx);
}
