import type {
  CreateScheduleGroupInput,
  CreateScheduleGroupOutput,
  DeleteScheduleGroupInput,
  GetScheduleGroupInput,
  GetScheduleGroupOutput,
  ListScheduleGroupsInput,
  ListScheduleGroupsOutput,
  ListTagsForResourceInput,
  ListTagsForResourceOutput,
  TagResourceInput,
  UntagResourceInput,
} from '@aws-sdk/client-scheduler';
import type { Caller, RequestContext } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { conflict, notFound, validation } from '../errors.ts';
import { DEFAULT_GROUP, type ScheduleGroup, type SchedulerState } from '../state.ts';
import { page } from './pages.ts';

type Ctx = RequestContext<SchedulerState>;

function find(ctx: Ctx, name: string): ScheduleGroup {
  const group = ctx.state.groups.get(name);
  if (!group) throw notFound(`Schedule group ${name} does not exist.`);
  return group;
}

function summary(g: ScheduleGroup) {
  return { Arn: g.arn, CreationDate: g.created, LastModificationDate: g.modified, Name: g.name, State: 'ACTIVE' as const };
}

/** `aws:` keys are AWS's (CloudFormation's own on its calls excepted). No AWS recording gives Scheduler's words: ours. */
function checkTagKeys(tags: { Key?: string }[] | undefined, caller: Caller): void {
  const key = tags?.find((t) => isReservedTagKey(t.Key ?? '', caller))?.Key;
  if (key !== undefined) throw validation(`Tag key ${key} is reserved: tag keys can't start with 'aws:'.`);
}

export function createScheduleGroup(input: CreateScheduleGroupInput, ctx: Ctx): CreateScheduleGroupOutput {
  if (ctx.state.groups.has(input.Name!)) throw conflict(`Schedule group ${input.Name} already exists.`);
  checkTagKeys(input.Tags, ctx.caller);
  const now = ctx.emulator.clock.date();
  const group: ScheduleGroup = { name: input.Name!, arn: ctx.state.arn(`schedule-group/${input.Name}`), created: now, modified: now, schedules: new Map() };
  ctx.state.groups.set(group.name, group);
  if (input.Tags?.length) ctx.state.tags.set(group.arn, new Map(input.Tags.map((t) => [t.Key!, t.Value!])));
  return { ScheduleGroupArn: group.arn };
}

export function getScheduleGroup(input: GetScheduleGroupInput, ctx: Ctx): GetScheduleGroupOutput {
  return summary(find(ctx, input.Name!));
}

/** Deleting a group deletes its schedules; the default group cannot be deleted. */
export function deleteScheduleGroup(input: DeleteScheduleGroupInput, ctx: Ctx): object {
  if (input.Name === DEFAULT_GROUP) throw validation('The default schedule group cannot be deleted.');
  const group = find(ctx, input.Name!);
  ctx.state.groups.delete(group.name);
  ctx.state.tags.delete(group.arn);
  ctx.state.watcher?.poke();
  return {};
}

export function listScheduleGroups(input: ListScheduleGroupsInput, ctx: Ctx): ListScheduleGroupsOutput {
  const groups = [...ctx.state.groups.values()]
    .filter((g) => !input.NamePrefix || g.name.startsWith(input.NamePrefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(groups, input.NextToken, input.MaxResults);
  return { ScheduleGroups: items.map(summary), NextToken: nextToken };
}

function groupByArn(ctx: Ctx, arn: string): ScheduleGroup {
  const group = [...ctx.state.groups.values()].find((g) => g.arn === arn);
  if (!group) throw notFound(`Schedule group ${arn.split('/').pop()} does not exist.`);
  return group;
}

export function tagResource(input: TagResourceInput, ctx: Ctx): object {
  const group = groupByArn(ctx, input.ResourceArn!);
  checkTagKeys(input.Tags, ctx.caller);
  const tags = ctx.state.tags.get(group.arn) ?? new Map<string, string>();
  for (const t of input.Tags!) tags.set(t.Key!, t.Value!);
  ctx.state.tags.set(group.arn, tags);
  return {};
}

export function untagResource(input: UntagResourceInput, ctx: Ctx): object {
  const group = groupByArn(ctx, input.ResourceArn!);
  for (const key of input.TagKeys!) ctx.state.tags.get(group.arn)?.delete(key);
  return {};
}

export function listTagsForResource(input: ListTagsForResourceInput, ctx: Ctx): ListTagsForResourceOutput {
  const group = groupByArn(ctx, input.ResourceArn!);
  return { Tags: [...(ctx.state.tags.get(group.arn) ?? [])].map(([Key, Value]) => ({ Key, Value })) };
}
