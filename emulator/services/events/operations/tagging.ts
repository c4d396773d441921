import type {
  ListTagsForResourceRequest,
  ListTagsForResourceResponse,
  TagResourceRequest,
  UntagResourceRequest,
} from '@aws-sdk/client-eventbridge';
import { parseArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { findBus, findRule } from '../buses.ts';
import { notFound } from '../errors.ts';
import { DEFAULT_BUS, type EventsState } from '../state.ts';
import { setTags, tagList, checkTagKeys } from '../tags.ts';

type Ctx = RequestContext<EventsState>;

/** The taggable resource an ARN names (an event bus or a rule), or AWS's not-found error. */
function taggable(state: EventsState, arn: string): string {
  const resource = parseArn(arn)?.resource ?? '';
  const [kind, ...rest] = resource.split('/');
  if (kind === 'event-bus' && rest.length === 1) return findBus(state, rest[0]).arn;
  if (kind === 'rule' && (rest.length === 1 || rest.length === 2)) {
    const [busName, ruleName] = rest.length === 1 ? [DEFAULT_BUS, rest[0]] : rest;
    return findRule(state, ruleName, busName).rule.arn;
  }
  throw notFound(`Resource ${arn} does not exist.`);
}

export function tagResource(input: TagResourceRequest, ctx: Ctx): object {
  checkTagKeys(input.Tags, ctx.caller);
  setTags(ctx.state, taggable(ctx.state, input.ResourceARN!), input.Tags);
  return {};
}

export function untagResource(input: UntagResourceRequest, ctx: Ctx): object {
  const tags = ctx.state.tags.get(taggable(ctx.state, input.ResourceARN!));
  for (const key of input.TagKeys!) tags?.delete(key);
  return {};
}

export function listTagsForResource(input: ListTagsForResourceRequest, ctx: Ctx): ListTagsForResourceResponse {
  return { Tags: tagList(ctx.state, taggable(ctx.state, input.ResourceARN!)) };
}
