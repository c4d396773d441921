import { createHash } from 'node:crypto';
import { accountRootArn } from '../../core/arn.ts';
import type { IssuedCredentials } from '../../core/credentials.ts';
import type { RequestContext } from '../../core/service.ts';
import { StsErrors } from './errors.ts';
import { base32 } from './keys.ts';

/** The identity a request acts as, as GetCallerIdentity reports it. */
export interface CallerIdentity {
  accountId: string;
  arn: string;
  userId: string;
  /** Set when the request was signed with temporary (STS-issued) credentials. */
  temporary: boolean;
}

/**
 * Who is calling: the identity STS issued the access key for, else (LocalStack's convention for unknown keys)
 * the root user of the account the key maps to.
 */
export function callerIdentity(ctx: RequestContext): CallerIdentity {
  const known: IssuedCredentials | undefined = ctx.emulator.credentials.lookup(ctx.accessKeyId);
  if (known) return { accountId: known.accountId, arn: known.arn, userId: known.userId, temporary: Boolean(known.sessionToken) };
  return { accountId: ctx.accountId, arn: rootArn(ctx.region, ctx.accountId), userId: ctx.accountId, temporary: false };
}

export function rootArn(region: string, accountId: string): string {
  return accountRootArn(accountId, region);
}

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** AWS rejects ARNs without a partition, a service or a resource, or with fewer than six parts. */
export function parseArn(arn: string): ParsedArn {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') throw StsErrors.invalidArn(arn);
  const [, partition, service, region, account] = parts;
  const resource = parts.slice(5).join(':');
  if (!partition || !service || !resource) throw StsErrors.invalidArn(arn);
  return { partition, service, region, account, resource };
}

export interface RoleRef {
  arn: string;
  name: string;
  /** The account the role lives in: the ARN's, or the caller's when the ARN names none. */
  accountId: string;
  partition: string;
}

export function roleFromArn(arn: string, callerAccount: string): RoleRef {
  const parsed = parseArn(arn);
  const name = parsed.resource.slice(parsed.resource.lastIndexOf('/') + 1);
  return { arn, name, accountId: /^\d{12}$/.test(parsed.account) ? parsed.account : callerAccount, partition: parsed.partition };
}

/** A role's unique id (`AROA` + 17 characters), stable per role ARN since twinstack has no IAM role store yet. */
export function roleIdFor(roleArn: string): string {
  return `AROA${base32(createHash('sha256').update(roleArn).digest()).slice(0, 17)}`;
}

export function assumedRoleArn(role: RoleRef, sessionName: string): string {
  return `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`;
}
