import { ANY_IDENTITY, contextOf, evaluate, parseCached, type Policy } from './policy/index.ts';
import type { Caller, RequestContext } from './service.ts';

/**
 * Account walls: whether a caller may act on a resource, judged by the IAM policy engine (`core/policy`) with the
 * resource's policy and an identity side that allows (the caller's own identity policies are judged at the gateway
 * under `--enforce-iam`):
 *
 * - an explicit Deny in the resource policy that matches wins, even for the owner;
 * - an AWS service acting for a resource (SNS delivering to SQS...) needs an Allow naming its service principal, in
 *   the same account too, with the statement's conditions (`aws:SourceArn`, `aws:SourceAccount`) met;
 * - the owner account's own principals are allowed;
 * - another account's principal needs an Allow naming it (`*`, its account, its root ARN or its own ARN).
 */
export type AccessDecision = 'allow' | 'deny';

export function evaluateAccess(caller: Caller, action: string, resourceArn: string, ownerAccount: string, policyDocument?: string | object): AccessDecision {
  const policy = resourcePolicyOf(policyDocument);
  const result = evaluate({
    principal: { arn: caller.arn, accountId: caller.accountId, service: caller.servicePrincipal },
    action,
    resource: resourceArn,
    resourceAccount: ownerAccount,
    context: contextOf({
      'aws:PrincipalArn': caller.servicePrincipal ? undefined : caller.arn,
      'aws:PrincipalAccount': caller.servicePrincipal ? undefined : caller.accountId,
      'aws:SourceArn': caller.sourceArn,
      'aws:SourceAccount': caller.sourceAccount,
    }),
    identityPolicies: ANY_IDENTITY,
    resourcePolicy: policy && { id: 'resource-policy', type: 'resource', policy },
    resourcePolicyRequired: caller.servicePrincipal !== undefined,
  });
  return result.decision === 'allowed' ? 'allow' : 'deny';
}

/** A stored policy that does not parse grants nothing (services validate policies when they are set). */
function resourcePolicyOf(document: string | object | undefined): Policy | undefined {
  if (document === undefined || document === '') return undefined;
  try {
    return parseCached(typeof document === 'string' ? document : JSON.stringify(document));
  } catch {
    return undefined;
  }
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
