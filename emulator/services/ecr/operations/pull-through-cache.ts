import type { CreatePullThroughCacheRuleRequest, DeletePullThroughCacheRuleRequest, DescribePullThroughCacheRulesRequest, PullThroughCacheRule, UpdatePullThroughCacheRuleRequest, UpstreamRegistry } from '@aws-sdk/client-ecr';
import { AwsError } from '../../../core/errors.ts';
import { EcrErrors } from '../errors.ts';
import { ownRegistry, pageOf, type EcrContext } from './repositories.ts';

/** AWS's limit of pull through cache rules in a registry. */
const MAX_RULES = 50;

/** The upstream registries ECR caches, by the host of their URL (ECR's user guide lists them). */
const UPSTREAMS: [RegExp, UpstreamRegistry][] = [
  [/^public\.ecr\.aws$/, 'ecr-public'],
  [/^registry\.k8s\.io$/, 'k8s'],
  [/^quay\.io$/, 'quay'],
  [/^registry-1\.docker\.io$/, 'docker-hub'],
  [/^ghcr\.io$/, 'github-container-registry'],
  [/^[a-z0-9-]+\.azurecr\.io$/, 'azure-container-registry'],
  [/^registry\.gitlab\.com$/, 'gitlab-container-registry'],
  [/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/, 'ecr'],
  [/^cgr\.dev$/, 'chainguard'],
];

/** Upstreams that refuse anonymous pulls: their rules name a Secrets Manager secret with the credentials. */
const NEED_CREDENTIALS = new Set<string>(['docker-hub', 'github-container-registry', 'azure-container-registry', 'gitlab-container-registry']);

function upstreamOf(url: string): UpstreamRegistry | undefined {
  const host = url.replace(/^https?:\/\//, '').split('/')[0];
  return UPSTREAMS.find(([pattern]) => pattern.test(host))?.[1];
}

function ruleOf(ctx: EcrContext, prefix: string | undefined, registryId: string | undefined): PullThroughCacheRule {
  const registry = ownRegistry(ctx, registryId);
  const rule = ctx.state.pullThroughCacheRules.get(prefix ?? '');
  if (!rule) throw EcrErrors.ruleNotFound(prefix ?? '', registry);
  return rule;
}

/** A rule is stored and described; images are not pulled from the upstream registry. */
export function createPullThroughCacheRule(input: CreatePullThroughCacheRuleRequest, ctx: EcrContext) {
  const registry = ownRegistry(ctx, input.registryId);
  const prefix = input.ecrRepositoryPrefix!;
  const upstream = upstreamOf(input.upstreamRegistryUrl!);
  // The wording of these two refusals is ours: no AWS recording of them is at hand.
  if (!upstream || (input.upstreamRegistry !== undefined && input.upstreamRegistry !== upstream)) {
    throw new AwsError('UnsupportedUpstreamRegistryException', `The upstream registry URL '${input.upstreamRegistryUrl}' is not supported`);
  }
  if (NEED_CREDENTIALS.has(upstream) && !input.credentialArn) {
    throw EcrErrors.invalid(`Invalid parameter at 'credentialArn' failed to satisfy constraint: 'A credential ARN is required for the upstream registry ${upstream}'`);
  }
  if (ctx.state.pullThroughCacheRules.has(prefix)) throw EcrErrors.ruleExists(prefix, registry);
  if (ctx.state.pullThroughCacheRules.size >= MAX_RULES) throw new AwsError('LimitExceededException', 'The operation did not succeed because it would have exceeded a service limit for your account.');
  const rule: PullThroughCacheRule = {
    ecrRepositoryPrefix: prefix,
    upstreamRegistryUrl: input.upstreamRegistryUrl,
    createdAt: ctx.emulator.clock.date(),
    registryId: registry,
    credentialArn: input.credentialArn,
    customRoleArn: input.customRoleArn,
    upstreamRepositoryPrefix: input.upstreamRepositoryPrefix ?? 'ROOT',
    upstreamRegistry: upstream,
  };
  ctx.state.pullThroughCacheRules.set(prefix, rule);
  const { updatedAt: _updated, ...created } = rule;
  return created;
}

export function describePullThroughCacheRules(input: DescribePullThroughCacheRulesRequest, ctx: EcrContext) {
  ownRegistry(ctx, input.registryId);
  const all = input.ecrRepositoryPrefixes?.length
    ? input.ecrRepositoryPrefixes.map((prefix) => ruleOf(ctx, prefix, input.registryId))
    : [...ctx.state.pullThroughCacheRules.values()];
  const { page, nextToken } = pageOf(all, input);
  return { pullThroughCacheRules: page.map((rule) => ({ ...rule })), nextToken };
}

/** Only the credentials of a rule change: its prefixes and upstream make another rule. */
export function updatePullThroughCacheRule(input: UpdatePullThroughCacheRuleRequest, ctx: EcrContext) {
  const rule = ruleOf(ctx, input.ecrRepositoryPrefix, input.registryId);
  if (input.credentialArn !== undefined) rule.credentialArn = input.credentialArn;
  if (input.customRoleArn !== undefined) rule.customRoleArn = input.customRoleArn;
  rule.updatedAt = ctx.emulator.clock.date();
  const { ecrRepositoryPrefix, registryId, updatedAt, credentialArn, customRoleArn, upstreamRepositoryPrefix } = rule;
  return { ecrRepositoryPrefix, registryId, updatedAt, credentialArn, customRoleArn, upstreamRepositoryPrefix };
}

export function deletePullThroughCacheRule(input: DeletePullThroughCacheRuleRequest, ctx: EcrContext) {
  const rule = ruleOf(ctx, input.ecrRepositoryPrefix, input.registryId);
  ctx.state.pullThroughCacheRules.delete(rule.ecrRepositoryPrefix!);
  const { ecrRepositoryPrefix, upstreamRegistryUrl, createdAt, registryId, credentialArn, customRoleArn, upstreamRepositoryPrefix } = rule;
  return { ecrRepositoryPrefix, upstreamRegistryUrl, createdAt, registryId, credentialArn, customRoleArn, upstreamRepositoryPrefix };
}
