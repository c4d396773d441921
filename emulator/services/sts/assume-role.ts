import type { AssumeRoleCommandInput, AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import type { RequestContext } from '../../core/service.ts';
import { StsErrors } from './errors.ts';
import { callerIdentity, roleFromArn } from './identity.ts';
import { checkRoleTrust } from './iam-trust.ts';
import { callerSession } from './issue.ts';
import { startRoleSession } from './role-session.ts';
import { hasSessionPolicy, packedPolicySize, sessionPolicyDocuments, sessionTagValues } from './session-policy.ts';
import type { StsState } from './state.ts';
import { sessionTransitiveTags } from './tags.ts';

/** AWS caps sessions of a role assumed with another role's credentials at one hour. */
const ROLE_CHAINING_MAX_SECONDS = 3600;

export async function assumeRole(input: AssumeRoleCommandInput, ctx: RequestContext<StsState>): Promise<Omit<AssumeRoleCommandOutput, '$metadata'>> {
  const caller = callerIdentity(ctx);
  const role = roleFromArn(input.RoleArn!, caller.accountId);
  const session = callerSession(ctx);
  const durationSeconds = input.DurationSeconds ?? 3600;
  if (session?.kind === 'assumed-role' && durationSeconds > ROLE_CHAINING_MAX_SECONDS) {
    throw StsErrors.validation('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if ((input.SerialNumber === undefined) !== (input.TokenCode === undefined)) {
    throw StsErrors.accessDenied('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.');
  }
  const transitiveTags = sessionTransitiveTags(input.Tags, input.TransitiveTagKeys, session?.transitiveTags);
  const packed = hasSessionPolicy(input) ? packedPolicySize(input) : undefined;
  // A source identity, once set, stays with every session chained from it.
  const sourceIdentity = session?.sourceIdentity ?? input.SourceIdentity;
  const roleId = await checkRoleTrust(ctx, role, caller, durationSeconds);
  const sessionPolicies = await sessionPolicyDocuments(ctx, input, role.accountId);
  const sessionTags = sessionTagValues(input.Tags, session?.transitiveTags ?? new Map());
  return {
    ...startRoleSession(ctx, { role, roleId, sessionName: input.RoleSessionName!, durationSeconds, transitiveTags, sourceIdentity, sessionPolicies, sessionTags }),
    PackedPolicySize: packed,
    SourceIdentity: sourceIdentity,
  };
}
