import type { GetRoleCommandOutput } from '@aws-sdk/client-iam';
import { accountRootArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import { ANY_IDENTITY, contextOf, evaluate, parseCached, sessionRoleArn } from '../../core/policy/index.ts';
import type { RequestContext } from '../../core/service.ts';
import { StsErrors } from './errors.ts';
import type { CallerIdentity, RoleRef } from './identity.ts';

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
    // An AWS service assuming a role IAM does not know (a Lambda function created with a made-up role, which local
    // suites commonly do) keeps working without IAM's say; a client never does.
    if (error instanceof AwsError && error.code === 'NoSuchEntityException') {
      if (ctx.caller.servicePrincipal) return undefined;
      throw denied();
    }
    throw error;
  }
  const trust = parseCached(decodeURIComponent(found!.AssumeRolePolicyDocument!));
  const result = evaluate({
    principal: { arn: caller.arn, accountId: caller.accountId, roleArn: sessionRoleArn(caller.arn), service: ctx.caller.servicePrincipal },
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

