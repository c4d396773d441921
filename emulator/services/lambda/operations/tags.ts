import type { ListTagsRequest, TagResourceRequest, UntagResourceRequest } from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { Caller, RequestContext } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { notFound } from '../lookup.ts';
import { findCodeSigningConfig } from './code-signing.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;
const MAX_TAGS = 50;

/** A resource may hold at most 50 tags (AWS-recorded test_tag_limits: on TagResource and CreateFunction alike). */
export function checkTagCount(count: number): void {
  if (count > MAX_TAGS) throw new AwsError('InvalidParameterValueException', 'Number of tags exceeds resource tag limit.');
}

/** `aws:` keys are AWS's (CloudFormation's own on its calls excepted). No AWS recording gives Lambda's words: ours. */
export function checkTagKeys(tags: Record<string, string> | undefined, caller: Caller): void {
  const key = Object.keys(tags ?? {}).find((k) => isReservedTagKey(k, caller));
  if (key !== undefined) throw new AwsError('InvalidParameterValueException', `Tag key ${key} is reserved: tag keys can't start with 'aws:'.`);
}

/**
 * The tag map of the resource an ARN names: a function (unqualified), an event source mapping, a code signing config
 * or a capacity provider.
 */
function tagsOf(ctx: Ctx, arn: string): Map<string, string> {
  const parts = arn.split(':');
  const [kind, name, qualifier] = parts.slice(5);
  if (kind === 'function') {
    if (qualifier !== undefined) throw new AwsError('InvalidParameterValueException', 'Tags on function aliases and versions are not supported. Please specify a function ARN.');
    const fn = ctx.state.functions.get(name);
    if (!fn || parts[3] !== ctx.state.region || parts[4] !== ctx.state.accountId) throw notFound(ctx.state, name);
    return fn.tags;
  }
  if (kind === 'event-source-mapping') {
    const mapping = ctx.state.eventSourceMappings.get(name);
    if (!mapping) throw new AwsError('ResourceNotFoundException', `Event source mapping not found: ${arn}`);
    return mapping.tags;
  }
  if (kind === 'code-signing-config') {
    findCodeSigningConfig(ctx, arn);
    return ctx.state.codeSigningConfigTags.get(arn)!;
  }
  if (kind === 'capacity-provider') {
    const tags = ctx.state.capacityProviders.has(name) ? ctx.state.capacityProviderTags.get(name) : undefined;
    if (!tags) throw new AwsError('ResourceNotFoundException', `Capacity provider not found: ${arn}`);
    return tags;
  }
  throw new AwsError('ResourceNotFoundException', 'The resource you requested does not exist.');
}

export function tagResource(input: TagResourceRequest, ctx: Ctx) {
  const tags = tagsOf(ctx, input.Resource!);
  // An empty tag map is refused with AWS's generic message (AWS-recorded TestLambdaTags::test_tag_exceptions).
  if (!Object.keys(input.Tags ?? {}).length) throw new AwsError('InvalidParameterValueException', 'An error occurred and the request cannot be processed.');
  checkTagKeys(input.Tags, ctx.caller);
  const merged = new Map([...tags, ...Object.entries(input.Tags ?? {})]);
  checkTagCount(merged.size);
  for (const [k, v] of merged) tags.set(k, v);
}

export function untagResource(input: UntagResourceRequest, ctx: Ctx) {
  const tags = tagsOf(ctx, input.Resource!);
  for (const key of input.TagKeys ?? []) tags.delete(key);
}

export function listTags(input: ListTagsRequest, ctx: Ctx) {
  return { Tags: Object.fromEntries(tagsOf(ctx, input.Resource!)) };
}
