import type { Credentials } from '@aws-sdk/client-sts';
import type { RequestContext } from '../../core/service.ts';
import { secretAccessKey, sessionToken, temporaryAccessKeyId } from './keys.ts';
import type { StsSession, StsState } from './state.ts';

export interface Grant {
  /** The account the credentials act in. */
  accountId: string;
  /** The identity they act as, as GetCallerIdentity will report it. */
  arn: string;
  userId: string;
  durationSeconds: number;
  session: StsSession;
  /** Session policy documents and session tags, which `--enforce-iam` applies to the credentials' requests. */
  sessionPolicies?: string[];
  sessionTags?: Record<string, string>;
}

/**
 * Issues temporary credentials and registers them, so that later requests signed with them act in `accountId` as
 * `arn` (the gateway resolves the account by access key) and STS remembers their session (tags, source identity).
 */
export function issueCredentials(ctx: RequestContext, grant: Grant): Credentials {
  const expiration = new Date(Math.floor(ctx.emulator.clock.now() / 1000 + grant.durationSeconds) * 1000);
  const credentials = {
    AccessKeyId: temporaryAccessKeyId(grant.accountId),
    SecretAccessKey: secretAccessKey(),
    SessionToken: sessionToken(),
    Expiration: expiration,
  };
  ctx.emulator.credentials.register({
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    accountId: grant.accountId,
    arn: grant.arn,
    userId: grant.userId,
    expiration,
    sessionPolicies: grant.sessionPolicies,
    sessionTags: grant.sessionTags,
  });
  ctx.emulator.state<StsState>('sts', grant.accountId, ctx.region).sessions.set(credentials.AccessKeyId, grant.session, expiration);
  return credentials;
}

/** The STS session of the calling credentials, if STS issued them. */
export function callerSession(ctx: RequestContext<StsState>): StsSession | undefined {
  return ctx.accessKeyId ? ctx.state.sessions.get(ctx.accessKeyId) : undefined;
}
