import type {
  GetFederationTokenCommandInput,
  GetFederationTokenCommandOutput,
  GetSessionTokenCommandInput,
  GetSessionTokenCommandOutput,
} from '@aws-sdk/client-sts';
import { buildArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { StsErrors } from './errors.ts';
import { callerIdentity, type CallerIdentity } from './identity.ts';
import { issueCredentials } from './issue.ts';
import { packedPolicySize } from './session-policy.ts';
import { sessionTransitiveTags } from './tags.ts';

const DEFAULT_SECONDS = 43200;
/** Documented: credentials the root user requests last at most one hour. */
const ROOT_MAX_SECONDS = 3600;

/** Both operations need long-term credentials and share the duration rules. */
function longTermCaller(ctx: RequestContext, operation: string): CallerIdentity {
  const caller = callerIdentity(ctx);
  if (caller.temporary) throw StsErrors.accessDenied(`Cannot call ${operation} with session credentials`);
  return caller;
}

function duration(caller: CallerIdentity, requested: number | undefined): number {
  const seconds = requested ?? DEFAULT_SECONDS;
  return caller.arn.endsWith(':root') ? Math.min(seconds, ROOT_MAX_SECONDS) : seconds;
}

/** Credentials that act as the caller itself (typically to add MFA to a session). */
export function getSessionToken(input: GetSessionTokenCommandInput, ctx: RequestContext): Omit<GetSessionTokenCommandOutput, '$metadata'> {
  const caller = longTermCaller(ctx, 'GetSessionToken');
  const credentials = issueCredentials(ctx, {
    accountId: caller.accountId,
    arn: caller.arn,
    userId: caller.userId,
    durationSeconds: duration(caller, input.DurationSeconds),
    session: { kind: 'session-token', transitiveTags: new Map() },
  });
  return { Credentials: credentials };
}

export function getFederationToken(
  input: GetFederationTokenCommandInput,
  ctx: RequestContext,
): Omit<GetFederationTokenCommandOutput, '$metadata'> {
  const caller = longTermCaller(ctx, 'GetFederationToken');
  sessionTransitiveTags(input.Tags);
  const packed = packedPolicySize(input);
  const federatedUserId = `${caller.accountId}:${input.Name}`;
  const arn = buildArn({ service: 'sts', region: '', accountId: caller.accountId, resource: `federated-user/${input.Name}`, partitionRegion: ctx.region });
  const credentials = issueCredentials(ctx, {
    accountId: caller.accountId,
    arn,
    userId: federatedUserId,
    durationSeconds: duration(caller, input.DurationSeconds),
    session: { kind: 'federated-user', transitiveTags: new Map() },
  });
  return { Credentials: credentials, FederatedUser: { FederatedUserId: federatedUserId, Arn: arn }, PackedPolicySize: packed };
}
