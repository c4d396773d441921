import { randomBytes } from 'node:crypto';
import { buildArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { S3ControlErrors } from './errors.ts';
import type { S3controlState } from './state.ts';

export type S3ControlContext = RequestContext<S3controlState>;

/**
 * The `x-amz-account-id` every S3 Control request carries (the SDKs also put it in the host name) must be the
 * caller's own account: S3 Control acts on one account's resources.
 */
export function checkAccount(input: { AccountId?: string }, ctx: S3ControlContext): void {
  if (input.AccountId !== ctx.accountId) throw S3ControlErrors.accessDenied();
}

export const accessPointArn = (ctx: S3ControlContext, name: string) =>
  buildArn({ service: 's3', region: ctx.region, accountId: ctx.accountId, resource: `accesspoint/${name}` });

export const objectLambdaArn = (ctx: S3ControlContext, name: string) =>
  buildArn({ service: 's3-object-lambda', region: ctx.region, accountId: ctx.accountId, resource: `accesspoint/${name}` });

/**
 * AWS's aliases: `<prefix>-<metadata><suffix>`, a valid bucket name (at most 63 characters, so the prefix is the name's
 * first 20 characters), with 34 characters of lower-case letters and digits of metadata telling the kind of access
 * point. Twinstack's metadata ends with the owner's account id in base 36, eight characters, which S3 reads back to
 * find the access point an alias names (as AWS's alias directory does); the rest is random.
 */
export function newAlias(name: string, suffix: '-s3alias' | '--ol-s3', accountId: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const random = [...randomBytes(26)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${name.slice(0, 20).replace(/-+$/, '')}-${random}${Number(accountId).toString(36).padStart(8, '0')}${suffix}`;
}

/** One page of names in order, resumed after the name a `NextToken` carries (S3 Control's MaxResults is at most 1000). */
export function page<T>(items: T[], keyOf: (item: T) => string, nextToken: string | undefined, max: number | undefined): { items: T[]; nextToken?: string } {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  let start = 0;
  if (nextToken !== undefined) {
    const after = Buffer.from(nextToken, 'base64url').toString('utf8');
    if (!after) throw S3ControlErrors.invalidNextToken();
    start = sorted.findIndex((item) => keyOf(item) > after);
    if (start < 0) start = sorted.length;
  }
  const size = max || 1000;
  const chosen = sorted.slice(start, start + size);
  const more = start + size < sorted.length;
  return { items: chosen, nextToken: more ? Buffer.from(keyOf(chosen[chosen.length - 1])).toString('base64url') : undefined };
}

/** A policy document must be JSON; S3 judges it further, which twinstack's S3 does for bucket policies. */
export function checkPolicy(policy: string | undefined): string {
  try {
    const parsed: unknown = JSON.parse(policy ?? '');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return policy!;
  } catch {
    // answered below
  }
  throw S3ControlErrors.malformedPolicy('Policies must be valid JSON and the first byte must be \'{\'');
}
