import { randomUUID } from 'node:crypto';
import type {
  DeregisterTaskFromMaintenanceWindowCommandInput,
  DescribeMaintenanceWindowTasksCommandInput,
  GetMaintenanceWindowTaskCommandInput,
  RegisterTaskWithMaintenanceWindowCommandInput,
  Target,
  UpdateMaintenanceWindowTaskCommandInput,
} from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { checkTargets } from '../associations.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';
import type { MaintenanceWindow, WindowTask } from '../state.ts';
import { getWindow } from '../windows.ts';
import { matchesWindowFilters } from './window-targets.ts';

/** Tasks per maintenance window (Systems Manager service quotas). */
const MAX_TASKS = 20;
/** The settings UpdateMaintenanceWindowTask may change; with `Replace`, those not given are cleared. */
export const TASK_SETTINGS = [
  'Targets',
  'TaskArn',
  'ServiceRoleArn',
  'TaskParameters',
  'TaskInvocationParameters',
  'Priority',
  'MaxConcurrency',
  'MaxErrors',
  'LoggingInfo',
  'Name',
  'Description',
  'CutoffBehavior',
  'AlarmConfiguration',
] as const;

function getTask(window: MaintenanceWindow, taskId: string): WindowTask {
  const task = window.tasks.get(taskId);
  if (!task) throw SsmErrors.doesNotExist(`Maintenance window task ${taskId} does not exist in window ${window.settings.WindowId}`);
  return task;
}

/**
 * A task's targets: window target ids must name targets of the window; a task with targets needs MaxConcurrency
 * and MaxErrors (SSM API reference, RegisterTaskWithMaintenanceWindow), a targetless one may omit them.
 */
function checkTaskTargets(window: MaintenanceWindow, task: { Targets?: Target[]; MaxConcurrency?: string; MaxErrors?: string }): void {
  checkTargets(task.Targets);
  for (const target of task.Targets ?? []) {
    if (target.Key !== 'WindowTargetIds') continue;
    for (const id of target.Values ?? []) {
      if (!window.targets.has(id)) throw SsmErrors.doesNotExist(`Maintenance window target ${id} does not exist in window ${window.settings.WindowId}`);
    }
  }
  if (task.Targets?.length && (task.MaxConcurrency === undefined || task.MaxErrors === undefined)) {
    throw SsmErrors.validation('MaxConcurrency and MaxErrors are required for a task that has targets.');
  }
}

export function registerTaskWithMaintenanceWindow(input: RegisterTaskWithMaintenanceWindowCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  checkTaskTargets(window, input);
  if (window.tasks.size >= MAX_TASKS) throw new AwsError('ResourceLimitExceededException', `Maximum number of tasks (${MAX_TASKS}) per maintenance window reached.`);
  const { ClientToken: _token, WindowId: _window, ...settings } = input;
  const task: WindowTask = { ...settings, WindowId: window.settings.WindowId, WindowTaskId: randomUUID(), Priority: input.Priority ?? 1 };
  window.tasks.set(task.WindowTaskId!, task);
  return { WindowTaskId: task.WindowTaskId };
}

export function getMaintenanceWindowTask(input: GetMaintenanceWindowTaskCommandInput, ctx: SsmContext) {
  return getTask(getWindow(ctx, input.WindowId!), input.WindowTaskId!);
}

export function describeMaintenanceWindowTasks(input: DescribeMaintenanceWindowTasksCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  const tasks = [...window.tasks.values()]
    .filter((t) => matchesWindowFilters(t, input.Filters, ['WindowTaskId', 'TaskArn', 'Priority', 'TaskType']))
    .sort((a, b) => a.Priority! - b.Priority!);
  const { items, NextToken } = pageOf(tasks, input.MaxResults, input.NextToken, 10);
  return {
    Tasks: items.map(({ TaskType, TaskInvocationParameters: _invocation, ...task }) => ({ ...task, Type: TaskType })),
    NextToken,
  };
}

export function updateMaintenanceWindowTask(input: UpdateMaintenanceWindowTaskCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  const task = getTask(window, input.WindowTaskId!);
  const updated: WindowTask = { ...task };
  for (const key of TASK_SETTINGS) {
    if (input[key] !== undefined) (updated as Record<string, unknown>)[key] = input[key];
    else if (input.Replace && key !== 'TaskArn') (updated as Record<string, unknown>)[key] = undefined;
  }
  updated.Priority ??= 1;
  checkTaskTargets(window, updated);
  window.tasks.set(task.WindowTaskId!, updated);
  const { TaskType: _type, ...result } = updated;
  return result;
}

export function deregisterTaskFromMaintenanceWindow(input: DeregisterTaskFromMaintenanceWindowCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  const task = getTask(window, input.WindowTaskId!);
  window.tasks.delete(task.WindowTaskId!);
  return { WindowId: window.settings.WindowId, WindowTaskId: task.WindowTaskId };
}
