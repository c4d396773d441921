import type { Emulator } from '../../core/emulator.ts';
import { ClockWatcher } from '../../core/clock-watcher.ts';
import { changeState } from './alarm-state.ts';
import { sampleGauges } from './gauges.ts';
import type { Series } from './math/evaluate.ts';
import { MathError } from './math/parse.ts';
import { evaluateQueries } from './math/queries.ts';
import { aggregateByPeriod, metricKey, statistic } from './metrics.ts';
import type { AlarmState, CloudWatchState, MetricAlarm } from './state.ts';

/** AWS evaluates alarms every minute, or every period when it is shorter (high-resolution alarms). */
const EVALUATION_INTERVAL_MS = 60_000;

const COMPARE: Record<string, (v: number, t: number) => boolean> = {
  GreaterThanOrEqualToThreshold: (v, t) => v >= t,
  GreaterThanThreshold: (v, t) => v > t,
  LessThanThreshold: (v, t) => v < t,
  LessThanOrEqualToThreshold: (v, t) => v <= t,
};

const WORDS: Record<string, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

const nextEvaluation = new WeakMap<MetricAlarm, number>();

/** Starts evaluating the state's metric alarms on the emulator clock (once per state). */
export function watchAlarms(state: CloudWatchState, emulator: Emulator): void {
  state.watcher ??= new ClockWatcher(
    emulator.clock,
    () => {
      const times = metricAlarms(state).map((a) => nextEvaluation.get(a) ?? emulator.clock.now());
      return times.length ? Math.min(...times) : undefined;
    },
    (now) => {
      for (const alarm of metricAlarms(state)) {
        if ((nextEvaluation.get(alarm) ?? now) > now) continue;
        nextEvaluation.set(alarm, now + Math.min(EVALUATION_INTERVAL_MS, alarmPeriod(alarm) * 1000));
        evaluateMetricAlarm(state, emulator, alarm, now);
      }
    },
  );
  state.watcher.poke();
}

/** A new or changed alarm is evaluated at the next interval. */
export function scheduleEvaluation(alarm: MetricAlarm, nowMs: number): void {
  nextEvaluation.set(alarm, nowMs + Math.min(EVALUATION_INTERVAL_MS, alarmPeriod(alarm) * 1000));
}

function metricAlarms(state: CloudWatchState): MetricAlarm[] {
  return [...state.alarms.values()].filter((a): a is MetricAlarm => a.kind === 'MetricAlarm' && (a.metricName !== undefined || a.metrics !== undefined));
}

/** The query a metric math alarm watches: the one that returns data. */
function watchedQuery(alarm: MetricAlarm) {
  return alarm.metrics!.find((q) => q.ReturnData !== false) ?? alarm.metrics![0];
}

/** An alarm's period: its own, or for metric math that of the watched query (or of the first metric it reads). */
function alarmPeriod(alarm: MetricAlarm): number {
  if (!alarm.metrics) return alarm.period ?? 60;
  const watched = watchedQuery(alarm);
  return watched.MetricStat?.Period ?? watched.Period ?? alarm.metrics.find((q) => q.MetricStat)?.MetricStat?.Period ?? 60;
}

/** A period's datapoint: the alarm's value, and for a metric alarm how many samples it aggregates. */
interface Datapoint {
  value?: number;
  sampleCount?: number;
}

/** The alarm's datapoint in each period of [start, end): its metric's statistic, or the watched query's series. */
function valuesByPeriod(state: CloudWatchState, alarm: MetricAlarm, start: number, end: number, now: number): (time: number) => Datapoint {
  if (alarm.metrics) {
    let series: Series | Series[] | undefined;
    try {
      series = evaluateQueries(state, alarm.metrics, start, end, now)(watchedQuery(alarm).Id!);
    } catch (error) {
      if (!(error instanceof MathError)) throw error;
    }
    const single = Array.isArray(series) ? series[0] : series;
    return (time) => ({ value: single?.points.get(time) });
  }
  const metric = state.metrics.get(metricKey(alarm.namespace!, alarm.metricName!, alarm.dimensions));
  const buckets = metric ? aggregateByPeriod(metric.samples, start, end, alarm.period! * 1000, alarm.unit) : new Map();
  return (time) => {
    const a = buckets.get(time);
    return a ? { value: statistic(a, alarm.extendedStatistic ?? alarm.statistic ?? 'Average'), sampleCount: a.sampleCount } : {};
  };
}

function format(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/**
 * Evaluates a metric alarm over its last EvaluationPeriods complete periods: ALARM when at least
 * DatapointsToAlarm of them breach, OK when enough datapoints do not, INSUFFICIENT_DATA when there are none; missing
 * periods are treated as TreatMissingData says (missing, breaching, notBreaching, ignore).
 */
export function evaluateMetricAlarm(state: CloudWatchState, emulator: Emulator, alarm: MetricAlarm, now: number): void {
  const periodMs = alarmPeriod(alarm) * 1000;
  const end = Math.floor(now / periodMs) * periodMs;
  const start = end - alarm.evaluationPeriods * periodMs;
  sampleGauges(state, emulator, alarm.metrics ? alarm.metrics.map((q) => q.MetricStat?.Metric?.Namespace) : [alarm.namespace]);
  const valueAt = valuesByPeriod(state, alarm, start, end, now);
  const points: ({ time: number } & Datapoint)[] = [];
  for (let t = end - periodMs; t >= start; t -= periodMs) points.push({ time: t, ...valueAt(t) });
  const compare = COMPARE[alarm.comparisonOperator];
  if (!compare) return;
  const needed = alarm.datapointsToAlarm ?? alarm.evaluationPeriods;
  const present = points.filter((p) => p.value !== undefined);
  const missing = points.length - present.length;
  const treat = alarm.treatMissingData ?? 'missing';
  const breaching = present.filter((p) => compare(p.value!, alarm.threshold!)).length + (treat === 'breaching' ? missing : 0);
  const transition = (next: AlarmState) => `(minimum ${needed} datapoint${needed === 1 ? '' : 's'} for ${alarm.state} -> ${next} transition)`;
  let next: AlarmState;
  let reason: string;
  if (!present.length && (treat === 'missing' || treat === 'ignore')) {
    if (treat === 'ignore') return;
    next = 'INSUFFICIENT_DATA';
    reason = `Insufficient Data: ${missing} datapoint${missing === 1 ? ' was' : 's were'} unknown.`;
  } else if (!present.length) {
    next = treat === 'breaching' && breaching >= needed ? 'ALARM' : 'OK';
    reason = `Threshold Crossed: no datapoints were received for ${missing} period${missing === 1 ? '' : 's'} and ${missing} missing datapoint${
      missing === 1 ? ' was' : 's were'
    } treated as [${treat === 'breaching' ? 'Breaching' : 'NonBreaching'}].`;
  } else {
    next = breaching >= needed ? 'ALARM' : 'OK';
    const shown = present.map((p) => `${format(p.value!)} (${stamp(p.time)})`).join(', ');
    const count = next === 'ALARM' ? breaching : present.length - (breaching - (treat === 'breaching' ? missing : 0));
    const verb = next === 'ALARM' ? (count === 1 ? 'was' : 'were') : count === 1 ? 'was not' : 'were not';
    reason = `Threshold Crossed: ${count} out of the last ${points.length} datapoints [${shown}] ${verb} ${WORDS[alarm.comparisonOperator]} the threshold (${format(
      alarm.threshold!,
    )}) ${transition(next)}.`;
  }
  if (next === alarm.state) return;
  const date = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
  // AWS-recorded (test_put_metric_alarm, test_breaching_alarm_actions): startDate only when data came in, the alarm's
  // unit when it has one, and each evaluated datapoint's sample count next to its value.
  const reasonData = JSON.stringify({
    version: '1.0',
    queryDate: date(now),
    ...(present.length ? { startDate: date(start) } : {}),
    ...(alarm.unit !== undefined ? { unit: alarm.unit } : {}),
    statistic: alarm.extendedStatistic ?? alarm.statistic,
    period: alarmPeriod(alarm),
    recentDatapoints: present.map((p) => p.value),
    threshold: alarm.threshold,
    evaluatedDatapoints: points.map((p) => ({ timestamp: date(p.time), ...(p.value !== undefined ? { ...(p.sampleCount !== undefined ? { sampleCount: p.sampleCount } : {}), value: p.value } : {}) })),
  });
  changeState(state, emulator, alarm, next, reason, reasonData);
}
