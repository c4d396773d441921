/** AWS schedule expressions, shared by EventBridge rules and EventBridge Scheduler. */
import { nextCronTime, parseCron, type Cron } from './cron.ts';

/** A parsed schedule expression: `rate(n unit)`, `cron(six fields)` or (Scheduler) `at(yyyy-mm-ddThh:mm:ss)`. */
export type Schedule = { kind: 'rate'; periodMs: number } | { kind: 'cron'; cron: Cron } | { kind: 'at'; atMs: number };

const UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export function parseSchedule(expression: string, options: { allowAt?: boolean } = {}): Schedule | undefined {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2].replace(/s$/, '');
    // AWS wants the singular unit for 1 and the plural otherwise.
    if (n < 1 || (n === 1) !== (rate[2] === unit)) return undefined;
    return { kind: 'rate', periodMs: n * UNITS[unit] };
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) {
    const parsed = parseCron(cron[1]);
    return parsed && { kind: 'cron', cron: parsed };
  }
  const at = options.allowAt ? /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression) : null;
  if (at) {
    const ms = Date.parse(`${at[1]}Z`);
    return Number.isNaN(ms) ? undefined : { kind: 'at', atMs: ms };
  }
  return undefined;
}

/** When a schedule fires next after `afterMs` (rates count from `startMs`); undefined when it never will again. */
export function nextFireTime(schedule: Schedule, startMs: number, afterMs: number, timeZone?: string): number | undefined {
  switch (schedule.kind) {
    case 'rate': {
      const periods = Math.floor((afterMs - startMs) / schedule.periodMs) + 1;
      return startMs + Math.max(1, periods) * schedule.periodMs;
    }
    case 'cron':
      return nextCronTime(schedule.cron, afterMs, timeZone);
    case 'at':
      return schedule.atMs > afterMs ? schedule.atMs : undefined;
  }
}
