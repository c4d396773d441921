import { createHash } from 'node:crypto';
import type { DecodeAuthorizationMessageCommandInput, GetDelegatedAccessTokenCommandInput } from '@aws-sdk/client-sts';
import { AwsError } from '../../core/errors.ts';
import { openToken, type DelegatedAccessGrant } from '../../core/sealed-tokens.ts';
import type { RequestContext } from '../../core/service.ts';
import { base32 } from './keys.ts';
import { issueCredentials } from './issue.ts';
import { roleIdFor } from './identity.ts';

// twinstack does not deny requests with encoded authorization messages, so every message a client presents is one
// AWS would not recognise either.
export function decodeAuthorizationMessage(_input: DecodeAuthorizationMessageCommandInput): never {
  throw new AwsError('InvalidAuthorizationMessageException', 'The specified authorization message is not valid.');
}

/** The only error AWS models for a token it will not trade: one it never issued is refused the same way. */
const expired = () =>
  new AwsError('ExpiredTradeInTokenException', 'The trade-in token provided in the request has expired and can no longer be exchanged for credentials.');

/** The unique id GetCallerIdentity reports for the delegated identity (the account for its root). */
function userIdOf(grant: DelegatedAccessGrant): string {
  const session = /:assumed-role\/([^/]+)\/(.+)$/.exec(grant.principalArn);
  if (session) return `${roleIdFor(grant.principalArn.replace(/:sts::(\d+):assumed-role\/([^/]+)\/.*$/, ':iam::$1:role/$2'))}:${session[2]}`;
  if (grant.principalArn.endsWith(':root')) return grant.accountId;
  return `AIDA${base32(createHash('sha256').update(grant.principalArn).digest()).slice(0, 17)}`;
}

/**
 * Trades the exchange token IAM published to the partner's topic (SendDelegationToken) for credentials in the
 * customer account, acting as the identity that accepted the request, until the delegation period ends.
 */
export function getDelegatedAccessToken(input: GetDelegatedAccessTokenCommandInput, ctx: RequestContext) {
  const grant = openToken<DelegatedAccessGrant>(input.TradeInToken ?? '');
  const remainingSeconds = grant?.kind === 'delegated-access' ? Math.floor((grant.expiresAt - ctx.emulator.clock.now()) / 1000) : 0;
  if (!grant || remainingSeconds <= 0) throw expired();
  const credentials = issueCredentials(ctx, {
    accountId: grant.accountId,
    arn: grant.principalArn,
    userId: userIdOf(grant),
    durationSeconds: remainingSeconds,
    session: { kind: 'delegated-access', transitiveTags: new Map() },
  });
  return { Credentials: credentials, AssumedPrincipal: grant.principalArn };
}
