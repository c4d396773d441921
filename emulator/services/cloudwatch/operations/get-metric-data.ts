import type { GetMetricDataInput, GetMetricDataOutput, MetricDataQuery, MetricDataResult, MetricStat } from '@aws-sdk/client-cloudwatch';
import type { RequestContext } from '../../../core/service.ts';
import { invalidValue } from '../errors.ts';
import { evaluate, flatLine, type MathContext, type Series } from '../math/evaluate.ts';
import { MathError, parseExpression } from '../math/parse.ts';
import { compileSearch } from '../math/search.ts';
import { aggregateByPeriod, isStatistic, metricKey, statistic, type StoredMetric } from '../metrics.ts';
import type { CloudWatchState } from '../state.ts';

/** AWS allows 500 queries per GetMetricData call, and a SEARCH finds at most 500 metrics with data in the last two weeks. */
const MAX_QUERIES = 500;
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

/** One stored metric's statistic by period within [start, end). */
function metricSeries(metric: StoredMetric | undefined, stat: string, period: number, unit: string | undefined, startMs: number, endMs: number): Map<number, number> {
  const points = new Map<number, number>();
  if (!metric) return points;
  for (const [t, a] of aggregateByPeriod(metric.samples, startMs, endMs, period * 1000, unit)) {
    const v = statistic(a, stat);
    if (v !== undefined) points.set(t, v);
  }
  return points;
}

function validate(queries: MetricDataQuery[], start: number, end: number): void {
  if (queries.length > MAX_QUERIES) throw invalidValue(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  if (start >= end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  const ids = new Set<string>();
  queries.forEach((q, i) => {
    const at = `MetricDataQueries.member.${i + 1}`;
    if (!q.MetricStat === !q.Expression) throw invalidValue(`The parameter ${at} must specify exactly one of MetricStat or Expression.`);
    if (ids.has(q.Id!)) throw invalidValue(`The value ${q.Id} for parameter ${at}.Id is not unique.`);
    ids.add(q.Id!);
    if (q.MetricStat && !isStatistic(q.MetricStat.Stat!)) throw invalidValue(`The value ${q.MetricStat.Stat} for parameter ${at}.MetricStat.Stat is invalid.`);
  });
}

export function getMetricData(input: GetMetricDataInput, ctx: RequestContext<CloudWatchState>): GetMetricDataOutput {
  const queries = input.MetricDataQueries!;
  const [startMs, endMs] = [new Date(input.StartTime!).getTime(), new Date(input.EndTime!).getTime()];
  validate(queries, startMs, endMs);
  const byId = new Map(queries.map((q) => [q.Id!, q]));
  const values = new Map<string, number | Series | Series[]>();
  const pending = new Set<string>();

  const statSeries = (q: MetricDataQuery, stat: MetricStat): Series => ({
    label: q.Label ?? defaultLabel(q, queries),
    period: stat.Period!,
    points: metricSeries(ctx.state.metrics.get(metricKey(stat.Metric!.Namespace!, stat.Metric!.MetricName!, stat.Metric!.Dimensions)), stat.Stat!, stat.Period!, stat.Unit, startMs, endMs),
  });

  const search = (text: string, stat: string, period: number): Series[] => {
    if (!isStatistic(stat)) throw new MathError(`Invalid statistic ${stat} in SEARCH`);
    const matches = compileSearch(text);
    const since = ctx.emulator.clock.now() - SEARCH_WINDOW_MS;
    return [...ctx.state.metrics.values()]
      .filter((m) => m.lastPut >= since && matches(m))
      .slice(0, MAX_SEARCH_RESULTS)
      .map((m) => ({
        // A found metric is labelled by its dimension values (its name when it has none).
        label: m.dimensions.length ? m.dimensions.map((d) => d.Value).join(' ') : m.name,
        period,
        points: metricSeries(m, stat, period, undefined, startMs, endMs),
      }));
  };

  /** A query's value, evaluating the expressions it refers to first (ids may refer to later queries, never in a cycle). */
  const valueOf = (id: string): number | Series | Series[] | undefined => {
    if (values.has(id)) return values.get(id);
    const q = byId.get(id);
    if (!q) return undefined;
    if (q.MetricStat) {
      values.set(id, statSeries(q, q.MetricStat));
      return values.get(id);
    }
    if (pending.has(id)) throw new MathError(`Circular reference involving ${id}`);
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
      if (error instanceof MathError) throw invalidValue(`Error in expression '${q.Id}': ${error.message}`);
      throw error;
    }
    pending.delete(id);
    if (typeof result === 'string') throw invalidValue(`Error in expression '${q.Id}': Unexpected ${result}`);
    // A scalar is drawn as a flat line over the time range.
    values.set(id, typeof result === 'number' ? flatLine(result, math) : result);
    return values.get(id);
  };

  const results: MetricDataResult[] = [];
  for (const q of queries) {
    const value = valueOf(q.Id!) as Series | Series[];
    if (q.ReturnData === false) continue;
    const list = Array.isArray(value) ? value : [{ ...value, label: q.Label ?? (q.Expression ? q.Id! : value.label) }];
    for (const s of list) {
      const points = [...s.points].sort(([a], [b]) => (input.ScanBy === 'TimestampAscending' ? a - b : b - a));
      const limited = input.MaxDatapoints ? points.slice(0, input.MaxDatapoints) : points;
      results.push({ Id: q.Id, Label: s.label, Timestamps: limited.map(([t]) => new Date(t)), Values: limited.map(([, v]) => v), StatusCode: 'Complete' });
    }
  }
  return { MetricDataResults: results, Messages: [] };
}
