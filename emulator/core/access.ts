import type { Caller, RequestContext } from './service.ts';
import { ANY_IDENTITY, contextOf, evaluate, parseCached, sessionRoleArn, type Decision, type Principal } from './policy/index.ts';

/**
 * Account walls: whether a caller may act on a resource under its resource policy, judged by the IAM policy engine
 * (`emulator/core/policy/`) as AWS judges a request that no IAM identity policy denies (with `--enforce-iam` the
 * gateway judges the identity side before the service runs):
 *
 * - an explicit Deny in the resource policy that matches wins, even for the owner;
 * - an AWS service acting for a resource (SNS delivering to SQS...) needs an Allow naming its service principal, in
 *   the same account too, with the statement's conditions (`aws:SourceArn`, `aws:SourceAccount`...) met;
 * - the owner account's own principals are allowed (their identity policies are assumed to allow);
 * - another account's principal needs an Allow naming it: `*`, its account id, its account root ARN, its own ARN or
 *   (for a role session) its role's ARN.
 *
 * Conditions use the engine's operators and IAM's rules for keys the request does not carry (a positive operator on
 * a missing key does not hold, so such an Allow opens nothing).
 */
export type AccessDecision = 'allow' | 'deny';

function principalOf(caller: Caller): Principal {
  if (caller.servicePrincipal) return { arn: caller.servicePrincipal, accountId: '', service: caller.servicePrincipal };
  return { arn: caller.arn, accountId: caller.accountId, roleArn: sessionRoleArn(caller.arn) };
}

export function evaluateAccess(caller: Caller, action: string, resourceArn: string, ownerAccount: string, policyDocument?: string | object): AccessDecision {
  return accessDecision(caller, action, resourceArn, ownerAccount, policyDocument) === 'allowed' ? 'allow' : 'deny';
}

/**
 * The engine's decision behind `evaluateAccess`: for services (S3) whose other grants (ACLs) yield to an explicit Deny
 * only. `serviceContext`: the service's own condition keys the request carries (S3's `s3:DataAccessPointArn`...).
 */
export function accessDecision(
  caller: Caller,
  action: string,
  resourceArn: string,
  ownerAccount: string,
  policyDocument?: string | object,
  serviceContext?: Record<string, string | string[] | undefined>,
): Decision {
  const text = typeof policyDocument === 'object' ? JSON.stringify(policyDocument) : policyDocument;
  let policy;
  try {
    policy = text ? parseCached(text) : undefined;
  } catch {
    policy = undefined;
  }
  const service = Boolean(caller.servicePrincipal);
  if (!policy) return !service && caller.accountId === ownerAccount ? 'allowed' : 'implicitDeny';
  const result = evaluate({
    principal: principalOf(caller),
    action,
    resource: resourceArn,
    resourceAccount: ownerAccount,
    context: contextOf({
      'aws:SourceArn': caller.sourceArn,
      'aws:SourceAccount': caller.sourceAccount,
      'aws:PrincipalAccount': service ? undefined : caller.accountId,
      'aws:PrincipalArn': service ? undefined : caller.arn,
      'aws:PrincipalServiceName': caller.servicePrincipal,
      ...serviceContext,
    }),
    identityPolicies: ANY_IDENTITY,
    resourcePolicy: { id: 'resource policy', type: 'resource', policy },
    // Service principals and other accounts need the resource policy's own Allow.
    resourcePolicyRequired: service || caller.accountId !== ownerAccount,
  });
  return result.decision;
}

/**
 * What services call: false when the request's caller may not perform `action` on the resource (the service then
 * throws its own AccessDenied error). Always true when the emulator runs with `crossAccount: 'open'`.
 */
export function mayAccess(ctx: RequestContext, action: string, resourceArn: string, ownerAccount: string, policyDocument?: string | object): boolean {
  return ctx.emulator.crossAccount === 'open' || evaluateAccess(ctx.caller, action, resourceArn, ownerAccount, policyDocument) === 'allow';
}

/** IAM's wording when no resource-based policy opens a resource to a caller of another account. */
export function notAuthorized(caller: Caller, action: string, resourceArn: string): string {
  const who = caller.servicePrincipal ?? caller.arn;
  return `User: ${who} is not authorized to perform: ${action} on resource: ${resourceArn} because no resource-based policy allows the ${action} action`;
}

/** How strictly the emulator keeps accounts apart: `enforce` (AWS's behaviour, the default) or `open` (no walls). */
export type CrossAccountMode = 'enforce' | 'open';

/** `TWINSTACK_CROSS_ACCOUNT=open` relaxes the walls for suites written against emulators that never had them. */
export function crossAccountModeFrom(value: string | undefined): CrossAccountMode {
  return value === 'open' ? 'open' : 'enforce';
}
