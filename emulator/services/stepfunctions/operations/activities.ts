import type {
  CreateActivityInput,
  CreateActivityOutput,
  DeleteActivityInput,
  DescribeActivityInput,
  DescribeActivityOutput,
  GetActivityTaskInput,
  GetActivityTaskOutput,
  ListActivitiesInput,
  ListActivitiesOutput,
} from '@aws-sdk/client-sfn';
import type { RequestContext } from '../../../core/service.ts';
import { checkArn, checkName, findActivity, page } from '../errors.ts';
import { ActivityQueue } from '../runtime/activity-queue.ts';
import type { SfnState } from '../state.ts';
import { checkTagKeys, setTags } from './tags.ts';

type Ctx = RequestContext<SfnState>;

/** GetActivityTask long-polls up to 60 seconds, as on AWS. */
const POLL_MS = 60_000;

export function createActivity(input: CreateActivityInput, ctx: Ctx): CreateActivityOutput {
  checkName(input.name!);
  checkTagKeys(input.tags, ctx.caller);
  const arn = ctx.state.arn(`activity:${input.name}`);
  const existing = ctx.state.activities.get(arn);
  // Creating an existing activity returns it (CreateActivity is idempotent).
  if (existing) return { activityArn: arn, creationDate: existing.creationDate };
  // Activities are encrypted with an AWS owned key unless the caller names another.
  const activity = { name: input.name!, arn, creationDate: ctx.emulator.clock.date(), encryptionConfiguration: input.encryptionConfiguration ?? { type: 'AWS_OWNED_KEY' as const } };
  ctx.state.activities.set(arn, activity);
  setTags(ctx.state, arn, input.tags ?? []);
  return { activityArn: arn, creationDate: activity.creationDate };
}

export function describeActivity(input: DescribeActivityInput, ctx: Ctx): DescribeActivityOutput {
  const a = findActivity(ctx.state, input.activityArn!);
  return { activityArn: a.arn, name: a.name, creationDate: a.creationDate, ...(a.encryptionConfiguration ? { encryptionConfiguration: a.encryptionConfiguration } : {}) };
}

export function deleteActivity(input: DeleteActivityInput, ctx: Ctx): object {
  checkArn(input.activityArn!, ['activity']);
  ctx.state.activities.delete(input.activityArn!);
  ctx.state.tags.delete(input.activityArn!);
  return {};
}

export function listActivities(input: ListActivitiesInput, ctx: Ctx): ListActivitiesOutput {
  const all = [...ctx.state.activities.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(all, input.maxResults, input.nextToken);
  return { activities: items.map((a) => ({ activityArn: a.arn, name: a.name, creationDate: a.creationDate })), ...(nextToken ? { nextToken } : {}) };
}

/** A worker's long poll: the next scheduled task (its token and input), or an empty answer after 60 s. */
export async function getActivityTask(input: GetActivityTaskInput, ctx: Ctx): Promise<GetActivityTaskOutput> {
  const activity = findActivity(ctx.state, input.activityArn!);
  let queue = ctx.state.activityQueues.get(activity.arn);
  if (!queue) ctx.state.activityQueues.set(activity.arn, (queue = new ActivityQueue()));
  const task = await queue.poll((onTimeout) => ctx.emulator.schedule(onTimeout, POLL_MS));
  if (!task) return {};
  task.started(input.workerName);
  return { taskToken: task.token, input: task.input };
}
