import type {
  CreateScheduleInput,
  CreateScheduleOutput,
  DeleteScheduleInput,
  GetScheduleInput,
  GetScheduleOutput,
  ListSchedulesInput,
  ListSchedulesOutput,
  UpdateScheduleInput,
  UpdateScheduleOutput,
} from '@aws-sdk/client-scheduler';
import { parseSchedule } from '../../../core/schedule/expression.ts';
import type { RequestContext } from '../../../core/service.ts';
import { conflict, notFound, validation } from '../errors.ts';
import { arm } from '../runner.ts';
import { DEFAULT_GROUP, type Schedule, type ScheduleGroup, type SchedulerState } from '../state.ts';
import { page } from './pages.ts';

type Ctx = RequestContext<SchedulerState>;

function group(ctx: Ctx, name: string | undefined): ScheduleGroup {
  const found = ctx.state.groups.get(name ?? DEFAULT_GROUP);
  if (!found) throw notFound(`Schedule group ${name} does not exist.`);
  return found;
}

function find(ctx: Ctx, name: string, groupName: string | undefined): Schedule {
  const schedule = group(ctx, groupName).schedules.get(name);
  if (!schedule) throw notFound(`Schedule ${name} does not exist.`);
  return schedule;
}

/** Checks and builds a schedule from CreateSchedule or UpdateSchedule parameters. */
function build(input: CreateScheduleInput | UpdateScheduleInput, ctx: Ctx, groupName: string, created: Date): Schedule {
  const parsed = parseSchedule(input.ScheduleExpression!, { allowAt: true });
  if (!parsed) throw validation(`Invalid Schedule Expression ${input.ScheduleExpression}.`);
  if (input.ScheduleExpressionTimezone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: input.ScheduleExpressionTimezone });
    } catch {
      throw validation(`Invalid ScheduleExpressionTimezone ${input.ScheduleExpressionTimezone}.`);
    }
  }
  const window = input.FlexibleTimeWindow!;
  if (window.Mode === 'FLEXIBLE' && window.MaximumWindowInMinutes === undefined) {
    throw validation('MaximumWindowInMinutes must be provided when FlexibleTimeWindow Mode is FLEXIBLE.');
  }
  if (window.Mode === 'OFF' && window.MaximumWindowInMinutes !== undefined) {
    throw validation('MaximumWindowInMinutes must not be provided when FlexibleTimeWindow Mode is OFF.');
  }
  if (input.StartDate && input.EndDate && new Date(input.StartDate) >= new Date(input.EndDate)) {
    throw validation('The StartDate must come before the EndDate.');
  }
  if (input.Target!.Input !== undefined && /aws-sdk:/.test(input.Target!.Arn!)) {
    try {
      JSON.parse(input.Target!.Input);
    } catch {
      throw validation('Target Input must be valid JSON for a universal target.');
    }
  }
  const now = ctx.emulator.clock.date();
  return {
    name: input.Name!,
    group: groupName,
    arn: ctx.state.arn(`schedule/${groupName}/${input.Name}`),
    description: input.Description,
    expression: input.ScheduleExpression!,
    parsed,
    timezone: input.ScheduleExpressionTimezone,
    startDate: input.StartDate ? new Date(input.StartDate) : undefined,
    endDate: input.EndDate ? new Date(input.EndDate) : undefined,
    flexibleTimeWindow: window,
    target: input.Target!,
    state: (input.State as Schedule['state']) ?? 'ENABLED',
    kmsKeyArn: input.KmsKeyArn,
    actionAfterCompletion: (input.ActionAfterCompletion as Schedule['actionAfterCompletion']) ?? 'NONE',
    created,
    modified: now,
  };
}

export function createSchedule(input: CreateScheduleInput, ctx: Ctx): CreateScheduleOutput {
  const target = group(ctx, input.GroupName);
  if (target.schedules.has(input.Name!)) throw conflict(`Schedule ${input.Name} already exists.`);
  const schedule = build(input, ctx, target.name, ctx.emulator.clock.date());
  target.schedules.set(schedule.name, schedule);
  arm(ctx.state, ctx.emulator, schedule);
  return { ScheduleArn: schedule.arn };
}

export function updateSchedule(input: UpdateScheduleInput, ctx: Ctx): UpdateScheduleOutput {
  const existing = find(ctx, input.Name!, input.GroupName);
  const schedule = build(input, ctx, existing.group, existing.created);
  group(ctx, existing.group).schedules.set(schedule.name, schedule);
  arm(ctx.state, ctx.emulator, schedule);
  return { ScheduleArn: schedule.arn };
}

export function getSchedule(input: GetScheduleInput, ctx: Ctx): GetScheduleOutput {
  const s = find(ctx, input.Name!, input.GroupName);
  return {
    ActionAfterCompletion: s.actionAfterCompletion,
    Arn: s.arn,
    CreationDate: s.created,
    Description: s.description,
    EndDate: s.endDate,
    FlexibleTimeWindow: s.flexibleTimeWindow,
    GroupName: s.group,
    KmsKeyArn: s.kmsKeyArn,
    LastModificationDate: s.modified,
    Name: s.name,
    ScheduleExpression: s.expression,
    ScheduleExpressionTimezone: s.timezone,
    StartDate: s.startDate,
    State: s.state,
    Target: s.target,
  };
}

export function deleteSchedule(input: DeleteScheduleInput, ctx: Ctx): object {
  const schedule = find(ctx, input.Name!, input.GroupName);
  group(ctx, schedule.group).schedules.delete(schedule.name);
  ctx.state.watcher?.poke();
  return {};
}

export function listSchedules(input: ListSchedulesInput, ctx: Ctx): ListSchedulesOutput {
  const groups = input.GroupName !== undefined ? [group(ctx, input.GroupName)] : [...ctx.state.groups.values()];
  const schedules = groups
    .flatMap((g) => [...g.schedules.values()])
    .filter((s) => (!input.NamePrefix || s.name.startsWith(input.NamePrefix)) && (!input.State || s.state === input.State))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(schedules, input.NextToken, input.MaxResults);
  return {
    Schedules: items.map((s) => ({
      Arn: s.arn,
      CreationDate: s.created,
      GroupName: s.group,
      LastModificationDate: s.modified,
      Name: s.name,
      State: s.state,
      Target: { Arn: s.target.Arn },
    })),
    NextToken: nextToken,
  };
}
