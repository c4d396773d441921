/**
 * AWS's six-field cron (`minutes hours day-of-month month day-of-week year`), evaluated in UTC or a given time zone:
 * `,` `-` `*` `/` everywhere, `?` in one of the day fields, `L` and `W` in day-of-month, `L` and `#` in day-of-week,
 * month and weekday names. Day-of-week counts SUN=1 ... SAT=7.
 */
export interface Cron {
  minutes: Set<number>;
  hours: Set<number>;
  /** Day-of-month rule, or undefined for `?`. */
  days?: (year: number, month: number, day: number) => boolean;
  months: Set<number>;
  weekdays?: (year: number, month: number, day: number) => boolean;
  years: Set<number>;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/** Parses a list field (`*`, `a`, `a-b`, `a/b`, `a-b/c`, `*\/c`, comma-separated) into the values it allows. */
function values(field: string, min: number, max: number, names: string[] = []): Set<number> | undefined {
  const out = new Set<number>();
  const value = (text: string) => {
    const named = names.indexOf(text.toUpperCase());
    const n = named >= 0 ? named + min : /^\d+$/.test(text) ? Number(text) : NaN;
    return n >= min && n <= max ? n : undefined;
  };
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : /^\d+$/.test(stepText) && Number(stepText) > 0 ? Number(stepText) : undefined;
    if (step === undefined || part.split('/').length > 2) return undefined;
    let low: number | undefined;
    let high: number | undefined;
    if (range === '*') [low, high] = [min, max];
    else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [low, high] = [value(a), value(b)];
    } else {
      low = value(range);
      high = stepText === undefined ? low : max;
    }
    if (low === undefined || high === undefined) return undefined;
    // A range may wrap (FRI-MON, 22-2), as AWS allows.
    const span = high >= low ? high - low : high + (max - min + 1) - low;
    for (let i = 0; i <= span; i += step) out.add(((low - min + i) % (max - min + 1)) + min);
  }
  return out;
}

function dayOfMonth(field: string): Cron['days'] | null {
  if (field === '?') return undefined;
  if (field === 'L') return (y, m, d) => d === daysIn(y, m);
  const w = /^(\d{1,2})W$/.exec(field);
  if (w) {
    const target = Number(w[1]);
    if (target < 1 || target > 31) return null;
    return (y, m, d) => d === nearestWeekday(y, m, Math.min(target, daysIn(y, m)));
  }
  const set = values(field, 1, 31);
  return set ? (_y, _m, d) => set.has(d) : null;
}

function nearestWeekday(year: number, month: number, day: number): number {
  const wd = weekday(year, month, day);
  if (wd === 7) return day === 1 ? 3 : day - 1;
  if (wd === 1) return day === daysIn(year, month) ? day - 2 : day + 1;
  return day;
}

function dayOfWeek(field: string): Cron['weekdays'] | null {
  if (field === '?') return undefined;
  const last = /^([1-7]|[A-Za-z]{3})L$/.exec(field);
  if (last) {
    const wd = values(last[1], 1, 7, WEEKDAYS);
    if (!wd || wd.size !== 1) return null;
    const target = [...wd][0];
    return (y, m, d) => weekday(y, m, d) === target && d + 7 > daysIn(y, m);
  }
  const nth = /^([1-7]|[A-Za-z]{3})#([1-5])$/.exec(field);
  if (nth) {
    const wd = values(nth[1], 1, 7, WEEKDAYS);
    if (!wd || wd.size !== 1) return null;
    const [target, n] = [[...wd][0], Number(nth[2])];
    return (y, m, d) => weekday(y, m, d) === target && Math.ceil(d / 7) === n;
  }
  if (field === 'L') return (y, m, d) => weekday(y, m, d) === 7;
  const set = values(field, 1, 7, WEEKDAYS);
  return set ? (y, m, d) => set.has(weekday(y, m, d)) : null;
}

export function parseCron(body: string): Cron | undefined {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [min, hour, dom, month, dow, year] = fields;
  // Exactly one of the day fields is `?`.
  if ((dom === '?') === (dow === '?')) return undefined;
  const minutes = values(min, 0, 59);
  const hours = values(hour, 0, 23);
  const months = values(month, 1, 12, MONTHS);
  const years = values(year, 1970, 2199);
  const days = dayOfMonth(dom);
  const weekdays = dayOfWeek(dow);
  if (!minutes || !hours || !months || !years || days === null || weekdays === null) return undefined;
  return { minutes, hours, days, months, weekdays, years };
}

/** Wall-clock parts of an instant in a time zone (UTC when absent). */
function wallClock(ms: number, timeZone?: string): { y: number; mo: number; d: number; h: number; mi: number } {
  if (!timeZone) {
    const t = new Date(ms);
    return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes() };
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, Number(p.value)]),
  );
  return { y: parts.year, mo: parts.month, d: parts.day, h: parts.hour, mi: parts.minute };
}

/** The first minute strictly after `afterMs` that the expression selects, or undefined within the next 5 years. */
export function nextCronTime(cron: Cron, afterMs: number, timeZone?: string): number | undefined {
  const limit = afterMs + 5 * 366 * 86_400_000;
  let t = Math.floor(afterMs / 60_000) * 60_000 + 60_000;
  while (t < limit) {
    const w = wallClock(t, timeZone);
    const dayOk =
      cron.years.has(w.y) && cron.months.has(w.mo) && (cron.days ? cron.days(w.y, w.mo, w.d) : true) && (cron.weekdays ? cron.weekdays(w.y, w.mo, w.d) : true);
    if (!dayOk) {
      // Skip to the next wall-clock midnight (time zones keep whole-hour or half-hour offsets).
      t += ((23 - w.h) * 60 + (60 - w.mi)) * 60_000;
      continue;
    }
    if (!cron.hours.has(w.h)) {
      t += (60 - w.mi) * 60_000;
      continue;
    }
    if (cron.minutes.has(w.mi)) return t;
    t += 60_000;
  }
  return undefined;
}
