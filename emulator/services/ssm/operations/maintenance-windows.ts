import type {
  CreateMaintenanceWindowCommandInput,
  DeleteMaintenanceWindowCommandInput,
  DescribeMaintenanceWindowsCommandInput,
  GetMaintenanceWindowCommandInput,
  UpdateMaintenanceWindowCommandInput,
} from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';
import type { MaintenanceWindow } from '../state.ts';
import { hexId } from '../ids.ts';
import { checkWindowSettings, getWindow, nextExecutionTime } from '../windows.ts';
import { checkTagCount } from './tags.ts';

/** Maintenance windows per account and region (Systems Manager service quotas). */
const MAX_WINDOWS = 50;
const OPTIONAL = ['Description', 'StartDate', 'EndDate', 'ScheduleTimezone', 'ScheduleOffset'] as const;
const REQUIRED = ['Name', 'Schedule', 'Duration', 'Cutoff', 'AllowUnassociatedTargets'] as const;

export function createMaintenanceWindow(input: CreateMaintenanceWindowCommandInput, ctx: SsmContext) {
  const { ClientToken, Tags, ...request } = input;
  if (ClientToken !== undefined) {
    const earlier = [...ctx.state.windows.values()].find((w) => w.clientToken?.token === ClientToken);
    if (earlier) {
      if (earlier.clientToken!.request !== JSON.stringify(request)) throw SsmErrors.idempotentMismatch();
      return { WindowId: earlier.settings.WindowId };
    }
  }
  const now = ctx.emulator.clock.date();
  const settings: MaintenanceWindow['settings'] = {
    WindowId: hexId('mw'),
    Name: input.Name,
    Description: input.Description,
    StartDate: input.StartDate,
    EndDate: input.EndDate,
    Schedule: input.Schedule,
    ScheduleTimezone: input.ScheduleTimezone,
    ScheduleOffset: input.ScheduleOffset,
    Duration: input.Duration,
    Cutoff: input.Cutoff,
    AllowUnassociatedTargets: input.AllowUnassociatedTargets,
    Enabled: true,
    CreatedDate: now,
    ModifiedDate: now,
  };
  checkWindowSettings(settings);
  if (Tags) checkTagCount(Tags.length);
  if (ctx.state.windows.size >= MAX_WINDOWS) {
    throw new AwsError('ResourceLimitExceededException', `Maximum number of maintenance windows (${MAX_WINDOWS}) reached.`);
  }
  ctx.state.windows.set(settings.WindowId!, {
    settings,
    clientToken: ClientToken === undefined ? undefined : { token: ClientToken, request: JSON.stringify(request) },
    targets: new Map(),
    tasks: new Map(),
    tags: (Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
  });
  return { WindowId: settings.WindowId };
}

export function getMaintenanceWindow(input: GetMaintenanceWindowCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  return { ...window.settings, NextExecutionTime: nextExecutionTime(ctx, window) };
}

/** With `Replace`, the required settings must be given and optional ones not given are cleared. */
export function updateMaintenanceWindow(input: UpdateMaintenanceWindowCommandInput, ctx: SsmContext) {
  const window = getWindow(ctx, input.WindowId!);
  if (input.Replace) {
    const missing = REQUIRED.filter((k) => input[k] === undefined);
    if (missing.length) throw SsmErrors.validation(`When Replace is true, the following fields are required: ${missing.join(', ')}`);
  }
  const settings = { ...window.settings };
  for (const key of [...REQUIRED, ...OPTIONAL, 'Enabled'] as const) {
    if (input[key] !== undefined) (settings as Record<string, unknown>)[key] = input[key];
    else if (input.Replace && (OPTIONAL as readonly string[]).includes(key)) (settings as Record<string, unknown>)[key] = undefined;
  }
  checkWindowSettings(settings);
  settings.ModifiedDate = ctx.emulator.clock.date();
  window.settings = settings;
  const { CreatedDate: _created, ModifiedDate: _modified, ...result } = settings;
  return result;
}

/** AWS answers success for a window that does not exist (the operation models no not-found error). */
export function deleteMaintenanceWindow(input: DeleteMaintenanceWindowCommandInput, ctx: SsmContext) {
  ctx.state.windows.delete(input.WindowId!);
  return { WindowId: input.WindowId };
}

export function describeMaintenanceWindows(input: DescribeMaintenanceWindowsCommandInput, ctx: SsmContext) {
  const filters = input.Filters ?? [];
  for (const f of filters) {
    if (f.Key !== 'Name' && f.Key !== 'Enabled') throw SsmErrors.validation(`Filter key ${f.Key} is not valid. Valid keys are Name, Enabled.`);
  }
  const windows = [...ctx.state.windows.values()].filter((w) =>
    filters.every((f) => (f.Values ?? []).includes(f.Key === 'Name' ? w.settings.Name! : String(w.settings.Enabled))),
  );
  const { items, NextToken } = pageOf(windows, input.MaxResults, input.NextToken, 10);
  return {
    WindowIdentities: items.map((w) => {
      const s = w.settings;
      return {
        WindowId: s.WindowId,
        Name: s.Name,
        Description: s.Description,
        Enabled: s.Enabled,
        Duration: s.Duration,
        Cutoff: s.Cutoff,
        Schedule: s.Schedule,
        ScheduleTimezone: s.ScheduleTimezone,
        ScheduleOffset: s.ScheduleOffset,
        EndDate: s.EndDate,
        StartDate: s.StartDate,
        NextExecutionTime: nextExecutionTime(ctx, w),
      };
    }),
    NextToken,
  };
}
