import type { ListTagsForResourceRequest, TagResourceRequest, UntagResourceRequest } from '@aws-sdk/client-ecr';
import { parseArn } from '../../../core/arn.ts';
import { EcrErrors } from '../errors.ts';
import { checkTags, requireRepository, type EcrContext } from './repositories.ts';

function byArn(ctx: EcrContext, arn: string | undefined) {
  const parts = parseArn(arn ?? '');
  if (!parts || parts.service !== 'ecr' || !parts.resource.startsWith('repository/')) throw EcrErrors.invalid(`Invalid parameter at 'resourceArn' failed to satisfy constraint: 'Invalid ARN'`);
  const repositoryName = parts.resource.slice('repository/'.length);
  // A repository of another region is not one of this region's.
  if (parts.region !== ctx.region) throw EcrErrors.notFound(repositoryName, parts.accountId);
  return requireRepository(ctx, { repositoryName, registryId: parts.accountId });
}

export function tagResource(input: TagResourceRequest, ctx: EcrContext) {
  const stored = byArn(ctx, input.resourceArn);
  checkTags(input.tags, ctx.caller);
  const tags = new Map(stored.tags.map((t) => [t.Key, t.Value]));
  for (const tag of input.tags ?? []) tags.set(tag.Key, tag.Value);
  if (tags.size > 50) throw EcrErrors.invalid("Invalid parameter at 'tags' failed to satisfy constraint: 'Member must have length less than or equal to 50'");
  stored.tags = [...tags].map(([Key, Value]) => ({ Key, Value }));
  return {};
}

export function untagResource(input: UntagResourceRequest, ctx: EcrContext) {
  const stored = byArn(ctx, input.resourceArn);
  stored.tags = stored.tags.filter((t) => !(input.tagKeys ?? []).includes(t.Key!));
  return {};
}

export function listTagsForResource(input: ListTagsForResourceRequest, ctx: EcrContext) {
  return { tags: byArn(ctx, input.resourceArn).tags };
}
