import type { GetRoleCommandOutput } from '@aws-sdk/client-iam';
import { accountRootArn, parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import { ANY_IDENTITY, contextOf, evaluate, parseCached } from '../../core/policy/index.ts';
import type { RequestContext } from '../../core/service.ts';
import { StsErrors } from './errors.ts';
import type { CallerIdentity, RoleRef } from './identity.ts';

/** For a role session caller, the role's ARN, which trust policies may name instead of the session. */
function sessionRoleArn(arn: string): string | undefined {
  const parts = parseArn(arn);
  const match = parts?.service === 'sts' ? /^assumed-role\/([^/]+)\//.exec(parts.resource) : null;
  return match ? `arn:${parts!.partition}:iam::${parts!.accountId}:role/${match[1]}` : undefined;
}

/**
 * When IAM is enabled, AssumeRole asks it for the role (through its front door, as the role account's root): a role
 * that does not exist, or whose trust policy does not let the caller assume it, is AccessDenied as on AWS, and a
 * duration beyond the role's MaxSessionDuration is refused. Returns the role's id, or undefined without IAM.
 */
export async function checkRoleTrust(ctx: RequestContext, role: RoleRef, caller: CallerIdentity, durationSeconds: number): Promise<string | undefined> {
  if (!ctx.emulator.isEnabled('iam')) return undefined;
  const denied = () =>
    StsErrors.accessDenied(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`);
  let found: GetRoleCommandOutput['Role'];
  try {
    const rootCaller = { accountId: role.accountId, arn: accountRootArn(role.accountId, ctx.region) };
    found = (await ctx.emulator.call<GetRoleCommandOutput>('iam', 'GetRole', { RoleName: role.name }, { caller: rootCaller, region: ctx.region })).Role;
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NoSuchEntityException') throw denied();
    throw error;
  }
  const trust = parseCached(decodeURIComponent(found!.AssumeRolePolicyDocument!));
  const result = evaluate({
    principal: { arn: caller.arn, accountId: caller.accountId, roleArn: sessionRoleArn(caller.arn) },
    action: 'sts:AssumeRole',
    resource: found!.Arn!,
    resourceAccount: role.accountId,
    context: contextOf({ 'aws:PrincipalArn': caller.arn, 'aws:PrincipalAccount': caller.accountId }),
    identityPolicies: ANY_IDENTITY,
    resourcePolicy: { id: 'trust', type: 'resource', policy: trust },
    resourcePolicyRequired: true,
  });
  if (result.decision !== 'allowed') throw denied();
  if (durationSeconds > found!.MaxSessionDuration!) {
    throw StsErrors.validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return found!.RoleId;
}

