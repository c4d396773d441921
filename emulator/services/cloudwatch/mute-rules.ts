import { nextCronTime, parseCron, type Cron } from '../../core/schedule/cron.ts';
import { invalidValue } from './errors.ts';
import type { AlarmMuteRule, CloudWatchState } from './state.ts';

/** A mute rule's schedule: `at(...)` mutes once, `cron(...)` at every time it selects, each time for the duration. */
export type MuteSchedule = { kind: 'ONE_TIME'; atMs: number; durationMs: number } | { kind: 'RECURRING'; cron: Cron; durationMs: number };

/** ISO 8601 durations as mute rules take them (`PT4H`, `P1D`, `PT30M`). */
function parseDuration(text: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const ms = (((d * 24 + h) * 60 + mi) * 60 + s) * 1000;
  return ms > 0 ? ms : undefined;
}

/**
 * Parses a mute rule's schedule. Cron expressions are the five-field form the CloudFormation and CDK examples use
 * (`cron(0 2 * * *)`: minute, hour, day of month, month, day of week), or AWS's six-field form with a year.
 */
export function parseMuteSchedule(expression: string, duration: string, timezone?: string): MuteSchedule {
  const durationMs = parseDuration(duration);
  if (durationMs === undefined) throw invalidValue(`The value ${duration} for parameter Rule.Schedule.Duration is not a valid ISO 8601 duration.`);
  if (timezone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw invalidValue(`The value ${timezone} for parameter Rule.Schedule.Timezone is not a valid time zone.`);
    }
  }
  const at = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)\)$/.exec(expression);
  if (at) {
    const atMs = Date.parse(`${at[1].length === 16 ? `${at[1]}:00` : at[1]}Z`);
    if (!Number.isNaN(atMs)) return { kind: 'ONE_TIME', atMs: atMs - zoneOffsetMs(atMs, timezone), durationMs };
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) {
    const fields = cron[1].trim().split(/\s+/);
    if (fields.length === 5) {
      // The standard form has no year and takes `*` in both day fields; AWS's form wants `?` in one of them.
      if (fields[2] === '*' && fields[4] === '*') fields[4] = '?';
      else if (fields[4] === '*') fields[4] = '?';
      else if (fields[2] === '*') fields[2] = '?';
      fields.push('*');
    }
    const parsed = parseCron(fields.join(' '));
    if (parsed) return { kind: 'RECURRING', cron: parsed, durationMs };
  }
  throw invalidValue(`The value ${expression} for parameter Rule.Schedule.Expression is not a valid at() or cron() expression.`);
}

/** How far a time zone's wall clock is ahead of UTC at an instant (0 for UTC). */
function zoneOffsetMs(ms: number, timeZone?: string): number {
  if (!timeZone) return 0;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(ms / 1000) * 1000;
}

/** Whether a schedule's mute window is open at `now`. */
function windowOpen(schedule: MuteSchedule, now: number, timezone?: string): boolean {
  if (schedule.kind === 'ONE_TIME') return schedule.atMs <= now && now < schedule.atMs + schedule.durationMs;
  // The first time the expression selects after (now - duration): the window it opened is still open if it is not later than now.
  const start = nextCronTime(schedule.cron, now - schedule.durationMs, timezone);
  return start !== undefined && start <= now;
}

/** SCHEDULED, ACTIVE (muting now) or EXPIRED (past its expiry date, or a one-time window that has closed). */
export function muteStatus(rule: AlarmMuteRule, now: number): 'SCHEDULED' | 'ACTIVE' | 'EXPIRED' {
  const schedule = parseMuteSchedule(rule.expression, rule.duration, rule.timezone);
  if (rule.expireDate !== undefined && rule.expireDate <= now) return 'EXPIRED';
  if (schedule.kind === 'ONE_TIME' && schedule.atMs + schedule.durationMs <= now) return 'EXPIRED';
  if (rule.startDate !== undefined && now < rule.startDate) return 'SCHEDULED';
  return windowOpen(schedule, now, rule.timezone) ? 'ACTIVE' : 'SCHEDULED';
}

export const muteType = (rule: AlarmMuteRule) => parseMuteSchedule(rule.expression, rule.duration, rule.timezone).kind;

/** Whether an active mute rule targets the alarm now: its actions are then not run (it still changes state). */
export function isMuted(state: CloudWatchState, alarmName: string, now: number): boolean {
  for (const rule of state.muteRules.values()) {
    if (rule.alarmNames.includes(alarmName) && muteStatus(rule, now) === 'ACTIVE') return true;
  }
  return false;
}
