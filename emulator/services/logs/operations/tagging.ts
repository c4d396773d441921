import type {
  ListTagsForResourceRequest,
  ListTagsForResourceResponse,
  ListTagsLogGroupRequest,
  ListTagsLogGroupResponse,
  TagLogGroupRequest,
  TagResourceRequest,
  UntagLogGroupRequest,
  UntagResourceRequest,
} from '@aws-sdk/client-cloudwatch-logs';
import { parseArn } from '../../../core/arn.ts';
import type { Caller, RequestContext } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { findGroup } from '../groups.ts';
import type { LogGroup, LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/** AWS allows 50 tags per resource. */
const MAX_TAGS = 50;

/** What TagResource can tag: anything holding tags. */
type Taggable = Pick<LogGroup, 'tags'>;

/** `aws:` keys are AWS's (CloudFormation's own on its calls excepted). No AWS recording gives the Logs words: ours. */
export function checkTagKeys(tags: Record<string, string> | undefined, caller: Caller): void {
  const key = Object.keys(tags ?? {}).find((k) => isReservedTagKey(k, caller));
  if (key !== undefined) throw invalidParameter(`Tag key ${key} is reserved: tag keys can't start with 'aws:'.`);
}

function addTags(group: Taggable, tags: Record<string, string>, caller: Caller): void {
  checkTagKeys(tags, caller);
  const keys = new Set([...group.tags.keys(), ...Object.keys(tags)]);
  if (keys.size > MAX_TAGS) throw invalidParameter(`Exceeded maximum number of tags (${MAX_TAGS}).`);
  for (const [k, v] of Object.entries(tags)) group.tags.set(k, v);
}

/** The taggable resources by the type part of their ARNs (`log-group:name`, `delivery:id`...). */
const TAGGABLE: Record<string, (state: LogsState, id: string) => Taggable | undefined> = {
  'log-group': (state, id) => state.groups.get(id.replace(/:\*$/, '')),
  destination: (state, id) => state.destinations.get(id),
  'delivery-source': (state, id) => state.deliverySources.get(id),
  'delivery-destination': (state, id) => state.deliveryDestinations.get(id),
  delivery: (state, id) => state.deliveries.get(id),
  'lookup-table': (state, id) => state.lookupTables.get(id),
  'scheduled-query': (state, id) => [...state.scheduledQueries.values()].find((q) => q.id === id),
  'anomaly-detector': (state, id) => [...state.anomalyDetectors.values()].find((d) => d.arn.endsWith(`:anomaly-detector:${id}`)),
};

function groupByArn(ctx: Ctx, arn: string): Taggable {
  const parts = parseArn(arn);
  const own = parts !== undefined && parts.accountId === ctx.accountId && parts.region === ctx.region;
  const separator = parts?.resource.indexOf(':') ?? -1;
  const type = parts?.resource.slice(0, separator);
  const found = own && separator > 0 && Object.hasOwn(TAGGABLE, type!) ? TAGGABLE[type!](ctx.state, parts.resource.slice(separator + 1)) : undefined;
  if (!found) throw notFound(`The specified resource does not exist.`);
  return found;
}

export function tagLogGroup(input: TagLogGroupRequest, ctx: Ctx): object {
  addTags(findGroup(ctx.state, input), input.tags!, ctx.caller);
  return {};
}

export function untagLogGroup(input: UntagLogGroupRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, input);
  for (const key of input.tags!) group.tags.delete(key);
  return {};
}

export function listTagsLogGroup(input: ListTagsLogGroupRequest, ctx: Ctx): ListTagsLogGroupResponse {
  return { tags: Object.fromEntries(findGroup(ctx.state, input).tags) };
}

export function tagResource(input: TagResourceRequest, ctx: Ctx): object {
  addTags(groupByArn(ctx, input.resourceArn!), input.tags!, ctx.caller);
  return {};
}

export function untagResource(input: UntagResourceRequest, ctx: Ctx): object {
  const group = groupByArn(ctx, input.resourceArn!);
  for (const key of input.tagKeys!) group.tags.delete(key);
  return {};
}

export function listTagsForResource(input: ListTagsForResourceRequest, ctx: Ctx): ListTagsForResourceResponse {
  return { tags: Object.fromEntries(groupByArn(ctx, input.resourceArn!).tags) };
}
