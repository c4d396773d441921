import { ANY_IDENTITY, contextOf, evaluate, parseCached } from '../../core/policy/index.ts';
import { KmsErrors } from './errors.ts';
import { findKey, requireUsable, requireUsage, type KmsContext } from './keys.ts';
import type { KmsKey, KmsState } from './state.ts';

/**
 * Cross-account use of a key (KeyId given as another account's key ARN): the key policy must allow the caller, or a
 * grant must name it for the operation, as on AWS. Within the key's own account the default key policy delegates to
 * IAM, whose side `--enforce-iam` checks; an explicit Deny in the key policy still refuses.
 */
export function authorizeKeyUse(ctx: KmsContext, key: KmsKey, operation: string): void {
  const caller = ctx.caller;
  const action = `kms:${operation}`;
  const result = evaluate({
    principal: { arn: caller.arn, accountId: caller.accountId, service: caller.servicePrincipal },
    action,
    resource: key.arn,
    resourceAccount: key.accountId,
    context: contextOf({ 'aws:PrincipalArn': caller.arn, 'aws:PrincipalAccount': caller.accountId, 'aws:SourceArn': caller.sourceArn }),
    identityPolicies: ANY_IDENTITY,
    resourcePolicy: { id: 'key policy', type: 'resource', policy: parseCached(key.policy) },
    resourcePolicyRequired: true,
  });
  if (result.decision === 'explicitDeny') throw denied(caller.arn, action, key.arn, 'with an explicit deny in a resource-based policy');
  if (caller.accountId === key.accountId) return;
  const keyPolicyAllows = result.decision === 'allowed';
  const granted = [...ctx.emulator.state<KmsState>('kms', key.accountId, ctx.region).grants.values()].some(
    (g) => g.keyId === key.id && (g.granteePrincipal === caller.arn || g.granteePrincipal === caller.accountId) && g.operations.includes(operation),
  );
  if (!keyPolicyAllows && !granted) throw denied(caller.arn, action, key.arn, `because no resource-based policy allows the ${action} action`);
}

function denied(principal: string, action: string, resource: string, reason: string) {
  return KmsErrors.accessDenied(`User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${reason}`);
}

/** The key a cryptographic operation uses: found, usable (enabled), of the right usage, and allowed to the caller. */
export function keyForUse(ctx: KmsContext, keyId: string, usage: string, operation: string): KmsKey {
  const key = findKey(ctx, keyId);
  requireUsable(key);
  requireUsage(key, usage, operation);
  authorizeKeyUse(ctx, key, operation);
  return key;
}
