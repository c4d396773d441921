import { randomUUID } from 'node:crypto';
import type {
  DeregisterTargetFromMaintenanceWindowCommandInput,
  DescribeMaintenanceWindowTargetsCommandInput,
  MaintenanceWindowFilter,
  MaintenanceWindowTarget,
  RegisterTargetWithMaintenanceWindowCommandInput,
  UpdateMaintenanceWindowTargetCommandInput,
} from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { checkTargets } from '../associations.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';
import type { MaintenanceWindow } from '../state.ts';
import { getWindow } from '../windows.ts';

/** Targets per maintenance window (Systems Manager service quotas). */
const MAX_TARGETS = 100;

function getTarget(window: MaintenanceWindow, targetId: string): MaintenanceWindowTarget {
  const target = window.targets.get(targetId);
  if (!target) throw SsmErrors.doesNotExist(`Maintenance window target ${targetId} does not exist in window ${window.settings.WindowId}`);
  return target;
}

export function registerTargetWithMaintenanceWindow(input: RegisterTargetWithMaintenanceWindowCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  checkTargets(input.Targets);
  if (window.targets.size >= MAX_TARGETS) throw new AwsError('ResourceLimitExceededException', `Maximum number of targets (${MAX_TARGETS}) per maintenance window reached.`);
  const target: MaintenanceWindowTarget = {
    WindowId: window.settings.WindowId,
    WindowTargetId: randomUUID(),
    ResourceType: input.ResourceType,
    Targets: input.Targets,
    OwnerInformation: input.OwnerInformation,
    Name: input.Name,
    Description: input.Description,
  };
  window.targets.set(target.WindowTargetId!, target);
  return { WindowTargetId: target.WindowTargetId };
}

/** Window filters: each key's values are alternatives, compared for equality. */
export function matchesWindowFilters(item: object, filters: MaintenanceWindowFilter[] | undefined, keys: readonly string[]): boolean {
  return (filters ?? []).every((f) => {
    if (!keys.includes(f.Key!)) throw SsmErrors.validation(`Filter key ${f.Key} is not valid. Valid keys are ${keys.join(', ')}.`);
    return (f.Values ?? []).includes(String((item as Record<string, unknown>)[f.Key!]));
  });
}

export function describeMaintenanceWindowTargets(input: DescribeMaintenanceWindowTargetsCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  const targets = [...window.targets.values()].filter((t) => matchesWindowFilters(t, input.Filters, ['WindowTargetId', 'OwnerInformation', 'Name', 'ResourceType']));
  const { items, NextToken } = pageOf(targets, input.MaxResults, input.NextToken, 10);
  return { Targets: items, NextToken };
}

export function updateMaintenanceWindowTarget(input: UpdateMaintenanceWindowTargetCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  const target = getTarget(window, input.WindowTargetId!);
  if (input.Replace && input.Targets === undefined) throw SsmErrors.validation('When Replace is true, the following fields are required: Targets');
  if (input.Targets) checkTargets(input.Targets);
  const keep = <T>(given: T | undefined, current: T | undefined) => (given !== undefined ? given : input.Replace ? undefined : current);
  const updated: MaintenanceWindowTarget = {
    ...target,
    Targets: input.Targets ?? target.Targets,
    OwnerInformation: keep(input.OwnerInformation, target.OwnerInformation),
    Name: keep(input.Name, target.Name),
    Description: keep(input.Description, target.Description),
  };
  window.targets.set(target.WindowTargetId!, updated);
  const { ResourceType: _type, ...result } = updated;
  return result;
}

/** With `Safe`, a target a task still uses is kept (TargetInUseException). */
export function deregisterTargetFromMaintenanceWindow(input: DeregisterTargetFromMaintenanceWindowCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  const target = getTarget(window, input.WindowTargetId!);
  const inUse = [...window.tasks.values()].some((task) => (task.Targets ?? []).some((t) => t.Key === 'WindowTargetIds' && t.Values?.includes(target.WindowTargetId!)));
  if (inUse && input.Safe) throw SsmErrors.targetInUse(`Target ${target.WindowTargetId} is being referenced by a task in window ${window.settings.WindowId}.`);
  window.targets.delete(target.WindowTargetId!);
  return { WindowId: window.settings.WindowId, WindowTargetId: target.WindowTargetId };
}
