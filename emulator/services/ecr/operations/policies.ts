import type {
  DeleteLifecyclePolicyRequest,
  DeleteRepositoryPolicyRequest,
  GetLifecyclePolicyRequest,
  GetRepositoryPolicyRequest,
  PutLifecyclePolicyRequest,
  SetRepositoryPolicyRequest,
} from '@aws-sdk/client-ecr';
import { EcrErrors } from '../errors.ts';
import { requireRepository, type EcrContext } from './repositories.ts';

export function checkJson(text: string | undefined, what: string): string {
  try {
    JSON.parse(text ?? '');
  } catch {
    throw EcrErrors.invalid(`Invalid parameter at '${what}' failed to satisfy constraint: 'Invalid JSON syntax'`);
  }
  return text!;
}

export function putLifecyclePolicy(input: PutLifecyclePolicyRequest, ctx: EcrContext) {
  const stored = requireRepository(ctx, input);
  const text = checkJson(input.lifecyclePolicyText, 'LifecyclePolicyText');
  if (!Array.isArray((JSON.parse(text) as { rules?: unknown }).rules)) throw EcrErrors.invalid("Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: object has missing required properties ([\"rules\"])'");
  stored.lifecyclePolicy = { text, updated: ctx.emulator.clock.date() };
  const { registryId, repositoryName } = stored.repository;
  return { registryId, repositoryName, lifecyclePolicyText: text };
}

export function getLifecyclePolicy(input: GetLifecyclePolicyRequest, ctx: EcrContext) {
  const stored = requireRepository(ctx, input);
  const { registryId, repositoryName } = stored.repository;
  if (!stored.lifecyclePolicy) throw EcrErrors.lifecycleNotFound(repositoryName!, registryId!);
  return { registryId, repositoryName, lifecyclePolicyText: stored.lifecyclePolicy.text, lastEvaluatedAt: stored.lifecyclePolicy.updated };
}

export function deleteLifecyclePolicy(input: DeleteLifecyclePolicyRequest, ctx: EcrContext) {
  const out = getLifecyclePolicy(input, ctx);
  requireRepository(ctx, input).lifecyclePolicy = undefined;
  return out;
}

export function setRepositoryPolicy(input: SetRepositoryPolicyRequest, ctx: EcrContext) {
  const stored = requireRepository(ctx, input);
  stored.policy = checkJson(input.policyText, 'policyText');
  const { registryId, repositoryName } = stored.repository;
  return { registryId, repositoryName, policyText: stored.policy };
}

export function getRepositoryPolicy(input: GetRepositoryPolicyRequest, ctx: EcrContext) {
  const stored = requireRepository(ctx, input);
  const { registryId, repositoryName } = stored.repository;
  if (stored.policy === undefined) throw EcrErrors.policyNotFound(repositoryName!, registryId!);
  return { registryId, repositoryName, policyText: stored.policy };
}

export function deleteRepositoryPolicy(input: DeleteRepositoryPolicyRequest, ctx: EcrContext) {
  const out = getRepositoryPolicy(input, ctx);
  requireRepository(ctx, input).policy = undefined;
  return out;
}
