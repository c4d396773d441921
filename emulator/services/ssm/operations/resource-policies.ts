import type { DeleteResourcePolicyCommandInput, GetResourcePoliciesCommandInput, PutResourcePolicyCommandInput } from '@aws-sdk/client-ssm';
import { createHash, randomUUID } from 'node:crypto';
import { parseArn } from '../../../core/arn.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import { ownName, type SsmContext } from '../parameters.ts';
import type { ResourcePolicyRecord } from '../state.ts';

/** A policy's size limit (the ResourcePolicyLimitExceededException description in the SSM API reference). */
const MAX_POLICY_BYTES = 1024;

/**
 * The resource a policy is for, checked: the account's OpsItemGroup (`opsitemgroup/default`) or one of its
 * parameters, which must be in the advanced tier to be shared (PutResourcePolicy's reference page).
 */
function resourceOf(ctx: SsmContext, arn: string, forWriting: boolean): string {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'ssm' || parts.accountId !== ctx.state.accountId || parts.region !== ctx.region) throw SsmErrors.policyParameter(['ResourceArn']);
  if (parts.resource === 'opsitemgroup/default') return arn;
  if (!parts.resource.startsWith('parameter/')) throw SsmErrors.policyParameter(['ResourceArn']);
  const parameter = ctx.state.parameters.get(ownName(ctx, arn) ?? '');
  if (!parameter) throw SsmErrors.policyResourceNotFound();
  if (forWriting && parameter.versions[parameter.versions.length - 1].tier !== 'Advanced') throw SsmErrors.policyParameter(['ResourceArn']);
  return parameter.arn;
}

function policiesOf(ctx: SsmContext, arn: string): Map<string, ResourcePolicyRecord> {
  ctx.state.resourcePolicies ??= new Map();
  let policies = ctx.state.resourcePolicies.get(arn);
  if (!policies) ctx.state.resourcePolicies.set(arn, (policies = new Map()));
  return policies;
}

/** The policy a PolicyId and PolicyHash name: the hash must be the current one, so that no update is lost. */
function existing(policies: Map<string, ResourcePolicyRecord>, id: string, hash: string | undefined): ResourcePolicyRecord {
  const policy = policies.get(id);
  if (!policy) throw SsmErrors.policyNotFound();
  if (hash !== policy.hash) throw SsmErrors.policyConflict();
  return policy;
}

function checkDocument(text: string): void {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) throw SsmErrors.policyLimit();
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw SsmErrors.malformedPolicy();
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) throw SsmErrors.malformedPolicy();
}

export function putResourcePolicy(input: PutResourcePolicyCommandInput, ctx: SsmContext) {
  const arn = resourceOf(ctx, input.ResourceArn!, true);
  checkDocument(input.Policy!);
  const policies = policiesOf(ctx, arn);
  const hash = createHash('sha256').update(input.Policy!).digest('hex');
  if (input.PolicyId !== undefined) {
    const policy = existing(policies, input.PolicyId, input.PolicyHash);
    policy.policy = input.Policy!;
    policy.hash = hash;
    return { PolicyId: input.PolicyId, PolicyHash: hash };
  }
  // An OpsItemGroup takes one policy (the same description).
  if (arn.endsWith(':opsitemgroup/default') && policies.size > 0) throw SsmErrors.policyLimit();
  const id = randomUUID();
  policies.set(id, { policy: input.Policy!, hash });
  return { PolicyId: id, PolicyHash: hash };
}

export function getResourcePolicies(input: GetResourcePoliciesCommandInput, ctx: SsmContext) {
  const arn = resourceOf(ctx, input.ResourceArn!, false);
  const all = [...(ctx.state.resourcePolicies?.get(arn) ?? new Map<string, ResourcePolicyRecord>())].map(([PolicyId, p]) => ({ PolicyId, PolicyHash: p.hash, Policy: p.policy }));
  const { items, NextToken } = pageOf(all, input.MaxResults, input.NextToken, 50);
  return { Policies: items, NextToken };
}

export function deleteResourcePolicy(input: DeleteResourcePolicyCommandInput, ctx: SsmContext) {
  const arn = resourceOf(ctx, input.ResourceArn!, false);
  const policies = ctx.state.resourcePolicies?.get(arn) ?? new Map<string, ResourcePolicyRecord>();
  existing(policies, input.PolicyId!, input.PolicyHash);
  policies.delete(input.PolicyId!);
  if (policies.size === 0) ctx.state.resourcePolicies?.delete(arn);
  return {};
}
