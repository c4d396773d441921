import { nextFireTime, parseSchedule } from '../../core/schedule/expression.ts';
import { SsmErrors } from './errors.ts';
import type { SsmContext } from './parameters.ts';
import type { MaintenanceWindow } from './state.ts';

export function getWindow(ctx: SsmContext, windowId: string): MaintenanceWindow {
  const window = ctx.state.windows.get(windowId);
  if (!window) throw SsmErrors.doesNotExist(`Maintenance window ${windowId} does not exist`);
  return window;
}

/** A window's schedule: cron, rate or at expressions; ScheduleOffset only with cron; the cutoff below the duration. */
export function checkWindowSettings(settings: MaintenanceWindow['settings']): void {
  const schedule = parseSchedule(settings.Schedule!, { allowAt: true });
  if (!schedule) throw SsmErrors.validation(`Invalid schedule expression: ${settings.Schedule}`);
  if (settings.ScheduleOffset !== undefined && schedule.kind !== 'cron') throw SsmErrors.validation('ScheduleOffset can be used only with cron expressions.');
  if (settings.Cutoff! >= settings.Duration!) throw SsmErrors.validation('The cutoff must be less than the duration of the maintenance window.');
  if (settings.ScheduleTimezone !== undefined && !validTimeZone(settings.ScheduleTimezone)) {
    throw SsmErrors.validation(`Invalid schedule time zone: ${settings.ScheduleTimezone}`);
  }
  for (const date of [settings.StartDate, settings.EndDate]) {
    if (date !== undefined && Number.isNaN(Date.parse(date))) throw SsmErrors.validation(`Invalid date: ${date}. Specify the date in ISO-8601 extended format.`);
  }
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** When an enabled window next opens, as SSM writes it (`2019-05-18T23:00Z`), within its start and end dates. */
export function nextExecutionTime(ctx: SsmContext, window: MaintenanceWindow): string | undefined {
  const s = window.settings;
  const schedule = parseSchedule(s.Schedule!, { allowAt: true });
  if (!s.Enabled || !schedule) return undefined;
  const now = ctx.emulator.clock.now();
  const start = s.StartDate ? Math.max(Date.parse(s.StartDate), now) : now;
  const next = nextFireTime(schedule, s.CreatedDate!.getTime(), start, s.ScheduleTimezone);
  if (next === undefined || (s.EndDate && next > Date.parse(s.EndDate))) return undefined;
  return `${new Date(next).toISOString().slice(0, 16)}Z`;
}
