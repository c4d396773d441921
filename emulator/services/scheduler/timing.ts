import { nextFireTime } from '../../core/schedule/expression.ts';
import type { Schedule } from './state.ts';

/** A wall-clock time in a time zone as an instant (for `at()` expressions with ScheduleExpressionTimezone). */
export function zonedToInstant(utcWallMs: number, timeZone: string | undefined): number {
  if (!timeZone) return utcWallMs;
  let guess = utcWallMs;
  for (let i = 0; i < 2; i++) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
        .formatToParts(new Date(guess))
        .map((p) => [p.type, Number(p.value)]),
    );
    const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    guess += utcWallMs - shown;
  }
  return guess;
}

/** When a schedule runs next after `afterMs`, within its start and end dates (undefined: never again). */
export function nextRun(schedule: Schedule, afterMs: number): number | undefined {
  const start = schedule.startDate?.getTime();
  const from = start !== undefined && start > afterMs ? start - 1 : afterMs;
  const parsed = schedule.parsed.kind === 'at' ? { kind: 'at' as const, atMs: zonedToInstant(schedule.parsed.atMs, schedule.timezone) } : schedule.parsed;
  const next = nextFireTime(parsed, start ?? schedule.created.getTime(), from, schedule.timezone);
  if (next === undefined || (schedule.endDate && next > schedule.endDate.getTime())) return undefined;
  return next;
}
