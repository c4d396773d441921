import type {
  CreateRepositoryRequest,
  DeleteRepositoryRequest,
  DescribeRepositoriesRequest,
  ImageTagMutabilityExclusionFilter,
  PutImageScanningConfigurationRequest,
  PutImageTagMutabilityRequest,
} from '@aws-sdk/client-ecr';
import { buildArn, partitionInfo } from '../../../core/arn.ts';
import { mayAccess, notAuthorized } from '../../../core/access.ts';
import { AwsError } from '../../../core/errors.ts';
import type { Caller, RequestContext } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { EcrErrors } from '../errors.ts';
import type { EcrState, StoredRepository } from '../state.ts';

export type EcrContext = RequestContext<EcrState>;

const NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/**
 * The repository a request names. Another registry id is another account: its repository answers only what the
 * repository policy opens to the caller, and AWS authorizes before it looks, so a missing one is refused alike.
 */
export function requireRepository(ctx: EcrContext, input: { repositoryName?: string; registryId?: string }): StoredRepository {
  const registry = input.registryId ?? ctx.accountId;
  const name = input.repositoryName ?? '';
  if (registry === ctx.accountId) {
    const found = ctx.state.repositories.get(name);
    if (!found) throw EcrErrors.notFound(name, registry);
    return found;
  }
  const found = /^\d{12}$/.test(registry) ? ctx.emulator.state<EcrState>('ecr', registry, ctx.region).repositories.get(name) : undefined;
  const arn = found?.repository.repositoryArn ?? buildArn({ service: 'ecr', region: ctx.region, accountId: registry, resource: `repository/${name}` });
  if (!found || !mayAccess(ctx, `ecr:${ctx.operation}`, arn, registry, found.policy)) throw otherRegistryDenied(ctx, arn);
  return found;
}

/** The registry a request that only the registry's owner makes names: the caller's own (given or not). */
export function ownRegistry(ctx: EcrContext, registryId: string | undefined): string {
  const registry = registryId ?? ctx.accountId;
  if (registry !== ctx.accountId) throw EcrErrors.invalid(`Invalid parameter at 'registryId' failed to satisfy constraint: 'must be the caller's account'`);
  return registry;
}

const otherRegistryDenied = (ctx: EcrContext, arn: string) => new AwsError('AccessDeniedException', notAuthorized(ctx.caller, `ecr:${ctx.operation}`, arn));

export function checkTags(tags: { Key?: string; Value?: string }[] | undefined, caller: Caller) {
  for (const tag of tags ?? []) {
    if (!tag.Key || tag.Key.length > 128 || (tag.Value ?? '').length > 256) throw EcrErrors.invalid('Invalid parameter at \'tags\' failed to satisfy constraint: \'Tag keys must be between 1 and 128 characters\'');
    // `aws:` keys are AWS's (CloudFormation's own on its calls excepted). No AWS recording gives ECR's words: ours.
    if (isReservedTagKey(tag.Key, caller)) throw new AwsError('InvalidTagParameterException', `Tag key ${tag.Key} is reserved: tag keys can't start with 'aws:'.`);
  }
  if ((tags?.length ?? 0) > 50) throw EcrErrors.invalid('Invalid parameter at \'tags\' failed to satisfy constraint: \'Member must have length less than or equal to 50\'');
}

/**
 * The exclusion filters to keep: a `*_WITH_EXCLUSION` mutability needs them, in AWS's words (quoted from a
 * CloudFormation deployment in aws/aws-cdk#35246).
 */
function exclusionFilters(mutability: string | undefined, filters: ImageTagMutabilityExclusionFilter[] | undefined) {
  if (mutability?.endsWith('_WITH_EXCLUSION') && !filters?.length) {
    throw EcrErrors.invalid(`Invalid parameter at 'imageTagMutabilityExclusionFilters' failed to satisfy constraint: 'ImageTagMutabilityExclusionFilters can't be null when imageTagMutability is set as ${mutability}'`);
  }
  return filters?.map(({ filterType, filter }) => ({ filterType, filter }));
}

export function createRepository(input: CreateRepositoryRequest, ctx: EcrContext) {
  const name = input.repositoryName ?? '';
  if (name.length < 2 || name.length > 256 || !NAME.test(name)) {
    throw EcrErrors.invalid(`Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''`);
  }
  const registry = ownRegistry(ctx, input.registryId);
  if (ctx.state.repositories.has(name)) throw EcrErrors.alreadyExists(name, registry);
  checkTags(input.tags, ctx.caller);
  const filters = exclusionFilters(input.imageTagMutability, input.imageTagMutabilityExclusionFilters);
  const repository = {
    repositoryArn: buildArn({ service: 'ecr', region: ctx.region, accountId: registry, resource: `repository/${name}` }),
    registryId: registry,
    repositoryName: name,
    repositoryUri: `${registry}.dkr.ecr.${ctx.region}.${partitionInfo(ctx.region).dnsSuffix}/${name}`,
    createdAt: ctx.emulator.clock.date(),
    imageTagMutability: input.imageTagMutability ?? 'MUTABLE',
    imageTagMutabilityExclusionFilters: filters,
    imageScanningConfiguration: { scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false },
    encryptionConfiguration: input.encryptionConfiguration ?? { encryptionType: 'AES256' as const },
  };
  ctx.state.repositories.set(name, { repository, tags: input.tags ?? [] });
  return { repository };
}

export function describeRepositories(input: DescribeRepositoriesRequest, ctx: EcrContext) {
  // Listing another registry is not opened by any one repository's policy.
  if (!input.repositoryNames?.length && input.registryId !== undefined && input.registryId !== ctx.accountId) {
    throw otherRegistryDenied(ctx, buildArn({ service: 'ecr', region: ctx.region, accountId: input.registryId, resource: 'repository/*' }));
  }
  const all = input.repositoryNames?.length
    ? input.repositoryNames.map((name) => requireRepository(ctx, { repositoryName: name, registryId: input.registryId }))
    : [...ctx.state.repositories.values()];
  const { page, nextToken } = pageOf(all, input);
  return { repositories: page.map((r) => r.repository), nextToken };
}

/** One page of a Describe* listing: `maxResults` items (100 by default) from where `nextToken` left off. */
export function pageOf<T>(all: T[], input: { maxResults?: number; nextToken?: string }): { page: T[]; nextToken?: string } {
  const max = input.maxResults ?? 100;
  if (max < 1 || max > 1000) throw EcrErrors.invalid("Invalid parameter at 'maxResults' failed to satisfy constraint: 'Member must have value less than or equal to 1000'");
  const start = input.nextToken ? Number.parseInt(Buffer.from(input.nextToken, 'base64').toString(), 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw EcrErrors.invalid('Invalid parameter at \'nextToken\' failed to satisfy constraint: \'Invalid token\'');
  const next = start + max < all.length ? Buffer.from(String(start + max)).toString('base64') : undefined;
  return { page: all.slice(start, start + max), nextToken: next };
}

export function deleteRepository(input: DeleteRepositoryRequest, ctx: EcrContext) {
  const stored = requireRepository(ctx, input);
  ctx.state.repositories.delete(stored.repository.repositoryName!);
  return { repository: stored.repository };
}

export function putImageTagMutability(input: PutImageTagMutabilityRequest, ctx: EcrContext) {
  const stored = requireRepository(ctx, input);
  const filters = exclusionFilters(input.imageTagMutability, input.imageTagMutabilityExclusionFilters);
  stored.repository.imageTagMutability = input.imageTagMutability;
  stored.repository.imageTagMutabilityExclusionFilters = filters;
  return { registryId: stored.repository.registryId, repositoryName: stored.repository.repositoryName, imageTagMutability: input.imageTagMutability, imageTagMutabilityExclusionFilters: filters };
}

export function putImageScanningConfiguration(input: PutImageScanningConfigurationRequest, ctx: EcrContext) {
  const stored = requireRepository(ctx, input);
  stored.repository.imageScanningConfiguration = { scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false };
  return { registryId: stored.repository.registryId, repositoryName: stored.repository.repositoryName, imageScanningConfiguration: stored.repository.imageScanningConfiguration };
}
