import type { MetricDataQuery, MetricStat } from '@aws-sdk/client-cloudwatch';
import { isStatistic, metricKey, aggregateByPeriod, statistic, unitsIn, type StoredMetric } from '../metrics.ts';
import type { CloudWatchState } from '../state.ts';
import { evaluate, flatLine, type MathContext, type Series } from './evaluate.ts';
import { MathError, parseExpression } from './parse.ts';
import { compileSearch } from './search.ts';

/** A SEARCH finds at most 500 metrics, among those with data in the last two weeks. */
const MAX_SEARCH_RESULTS = 500;
const SEARCH_WINDOW_MS = 14 * 86_400_000;

/** AWS's default labels: the metric name, with the stat and period when other queries of the call share the metric. */
function defaultLabel(query: MetricDataQuery, all: MetricDataQuery[]): string {
  const stat = query.MetricStat!;
  const siblings = all.filter((q) => q.MetricStat?.Metric?.MetricName === stat.Metric!.MetricName && !q.Label);
  const parts = [stat.Metric!.MetricName!];
  if (new Set(siblings.map((q) => q.MetricStat!.Stat)).size > 1) parts.push(stat.Stat!);
  if (new Set(siblings.map((q) => q.MetricStat!.Period)).size > 1) parts.push(String(stat.Period));
  return parts.join(' ');
}

/**
 * One stored metric's statistic by period within [start, end). With no unit asked for and data of several units,
 * AWS computes the statistic over the first unit in name order only, and says so (observed with Count,
 * Milliseconds and Seconds: the Count data, message `Multiple units returned: '[Count, Milliseconds, Seconds]'`).
 */
function metricSeries(metric: StoredMetric | undefined, stat: string, period: number, unit: string | undefined, startMs: number, endMs: number): Pick<Series, 'points' | 'messages'> {
  const points = new Map<number, number>();
  if (!metric) return { points };
  const units = unit === undefined ? unitsIn(metric.samples, startMs, endMs) : [unit];
  for (const [t, a] of aggregateByPeriod(metric.samples, startMs, endMs, period * 1000, units[0])) {
    const v = statistic(a, stat);
    if (v !== undefined) points.set(t, v);
  }
  if (units.length < 2) return { points };
  return { points, messages: [{ Code: 'MultipleUnits', Value: `Multiple units returned: '[${units.join(', ')}]'` }] };
}

/**
 * The values of a set of metric data queries (GetMetricData's, or a metric math alarm's) over [start, end): metric
 * queries as series, expressions evaluated after the queries they name (in any order, never in a cycle). Throws
 * MathError with the failing query's id.
 */
export function evaluateQueries(state: CloudWatchState, queries: MetricDataQuery[], startMs: number, endMs: number, nowMs: number): (id: string) => Series | Series[] {
  const byId = new Map(queries.map((q) => [q.Id!, q]));
  const values = new Map<string, Series | Series[]>();
  const pending = new Set<string>();

  const statSeries = (q: MetricDataQuery, stat: MetricStat): Series => ({
    label: q.Label ?? defaultLabel(q, queries),
    period: stat.Period!,
    ...metricSeries(state.metrics.get(metricKey(stat.Metric!.Namespace!, stat.Metric!.MetricName!, stat.Metric!.Dimensions)), stat.Stat!, stat.Period!, stat.Unit, startMs, endMs),
  });

  const search = (text: string, stat: string, period: number): Series[] => {
    if (!isStatistic(stat)) throw new MathError(`Invalid statistic ${stat} in SEARCH`);
    const matches = compileSearch(text);
    const since = nowMs - SEARCH_WINDOW_MS;
    return [...state.metrics.values()]
      .filter((m) => m.lastPut >= since && matches(m))
      .slice(0, MAX_SEARCH_RESULTS)
      .map((m) => ({
        // A found metric is labelled by its dimension values (its name when it has none).
        label: m.dimensions.length ? m.dimensions.map((d) => d.Value).join(' ') : m.name,
        period,
        ...metricSeries(m, stat, period, undefined, startMs, endMs),
      }));
  };

  const valueOf = (id: string): Series | Series[] | undefined => {
    if (values.has(id)) return values.get(id);
    const q = byId.get(id);
    if (!q) return undefined;
    if (q.MetricStat) {
      values.set(id, statSeries(q, q.MetricStat));
      return values.get(id);
    }
    if (pending.has(id)) throw new MathError(`Error in expression '${id}': Circular reference`);
    pending.add(id);
    const math: MathContext = {
      startMs,
      endMs,
      period: q.Period ?? 60,
      lookup: valueOf,
      metrics: () => queries.filter((m) => m.MetricStat).map((m) => ({ id: m.Id!, series: valueOf(m.Id!) as Series })),
      search,
    };
    let result;
    try {
      result = evaluate(parseExpression(q.Expression!), math);
    } catch (error) {
      if (error instanceof MathError && !error.message.startsWith('Error in expression')) throw new MathError(`Error in expression '${q.Id}': ${error.message}`);
      throw error;
    }
    pending.delete(id);
    if (typeof result === 'string') throw new MathError(`Error in expression '${q.Id}': Unexpected ${result}`);
    // A scalar is drawn as a flat line over the time range.
    values.set(id, typeof result === 'number' ? flatLine(result, math) : result);
    return values.get(id);
  };
  return (id) => valueOf(id)!;
}
