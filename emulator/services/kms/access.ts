import { parseArn } from '../../core/arn.ts';
import { ANY_IDENTITY, contextOf, evaluate, parseCached } from '../../core/policy/index.ts';
import type { GoverningPolicy } from '../../core/service.ts';
import { blobKeyId } from './ciphertext.ts';
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

/** The key a request names (KeyId, TargetKeyId, or the key a ciphertext blob names), in the caller's account. */
function keyNamed(ctx: KmsContext, input: Record<string, unknown>): KmsKey | { ownerAccount: string; arn: string } | undefined {
  const named = [input.KeyId, input.TargetKeyId, input.SourceKeyId].find((v): v is string => typeof v === 'string' && v !== '');
  let id = named;
  if (named === undefined) {
    const blob = input.CiphertextBlob;
    id = blob instanceof Uint8Array ? blobKeyId(blob) : undefined;
  } else if (named.startsWith('arn:')) {
    const arn = parseArn(named);
    if (!arn || arn.service !== 'kms' || arn.region !== ctx.region) return undefined;
    if (arn.accountId !== ctx.state.accountId) return { ownerAccount: arn.accountId, arn: named };
    id = arn.resource.startsWith('key/') ? arn.resource.slice('key/'.length) : arn.resource;
  }
  if (id?.startsWith('alias/')) id = ctx.state.aliases.get(id)?.keyId;
  return id === undefined ? undefined : ctx.state.keys.get(id);
}

/**
 * For `--enforce-iam`: the key a request uses, by its key ARN (as IAM evaluates it, whatever alias named it), and its
 * key policy, which gates every use of the key (`resourcePolicyGates`): naming the caller it grants alone, naming the
 * account it lets IAM policies decide. The key's grants that name the caller for the operation allow as well.
 */
export function governingPolicy(input: Record<string, unknown>, ctx: KmsContext): GoverningPolicy | undefined {
  const key = keyNamed(ctx, input);
  if (!key) return undefined;
  if (!('policy' in key)) return { ownerAccount: key.ownerAccount, resource: key.arn };
  const grants = [];
  for (const grant of ctx.state.grants.values()) if (grant.keyId === key.id && grant.operations.includes(ctx.operation)) grants.push(grant);
  if (!grants.length) return { document: key.policy, ownerAccount: key.accountId, resource: key.arn };
  const policy = JSON.parse(key.policy) as { Statement: unknown[] | object };
  const statements = [
    ...(Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]),
    ...grants.map((g) => ({ Sid: `grant ${g.id}`, Effect: 'Allow', Principal: { AWS: g.granteePrincipal }, Action: `kms:${ctx.operation}`, Resource: '*' })),
  ];
  return { document: JSON.stringify({ ...policy, Statement: statements }), ownerAccount: key.accountId, resource: key.arn };
}
