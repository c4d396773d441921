import type { GetMetricDataInput, GetMetricDataOutput, MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { RequestContext } from '../../../core/service.ts';
import { invalidValue } from '../errors.ts';
import { evaluateExpression, MathError, type Series } from '../metric-math.ts';
import { aggregateByPeriod, metricKey, statistic } from '../metrics.ts';
import type { CloudWatchState } from '../state.ts';

/** AWS allows 500 queries per GetMetricData call. */
const MAX_QUERIES = 500;

/** AWS's default labels: the metric name, with the stat and period when other queries of the call share the metric. */
function defaultLabel(query: MetricDataQuery, all: MetricDataQuery[]): string {
  const stat = query.MetricStat!;
  const siblings = all.filter((q) => q.MetricStat?.Metric?.MetricName === stat.Metric!.MetricName && !q.Label);
  const parts = [stat.Metric!.MetricName!];
  if (new Set(siblings.map((q) => q.MetricStat!.Stat)).size > 1) parts.push(stat.Stat!);
  if (new Set(siblings.map((q) => q.MetricStat!.Period)).size > 1) parts.push(String(stat.Period));
  return parts.join(' ');
}

export function getMetricData(input: GetMetricDataInput, ctx: RequestContext<CloudWatchState>): GetMetricDataOutput {
  const queries = input.MetricDataQueries!;
  if (queries.length > MAX_QUERIES) throw invalidValue(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  const [start, end] = [new Date(input.StartTime!).getTime(), new Date(input.EndTime!).getTime()];
  if (start >= end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  for (const q of queries) {
    if (!q.MetricStat === !q.Expression) throw invalidValue(`The parameter MetricDataQueries.member.${queries.indexOf(q) + 1} must specify exactly one of MetricStat or Expression.`);
  }
  const series = new Map<string, Series>();
  const results: MetricDataResult[] = [];
  for (const q of queries.filter((q) => q.MetricStat)) {
    const stat = q.MetricStat!;
    const metric = ctx.state.metrics.get(metricKey(stat.Metric!.Namespace!, stat.Metric!.MetricName!, stat.Metric!.Dimensions));
    const buckets = metric ? aggregateByPeriod(metric.samples, start, end, stat.Period! * 1000, stat.Unit) : new Map();
    const values: Series = new Map();
    for (const [t, a] of buckets) {
      const v = statistic(a, stat.Stat!);
      if (v !== undefined) values.set(t, v);
    }
    series.set(q.Id!, values);
  }
  for (const q of queries) {
    let values = series.get(q.Id!);
    let label = q.Label;
    if (q.Expression) {
      try {
        const result = evaluateExpression(q.Expression, (id) => series.get(id));
        values = result instanceof Map ? result : typeof result === 'number' ? new Map([[start, result]]) : new Map();
      } catch (error) {
        if (error instanceof MathError) throw invalidValue(`Error in expression '${q.Id}': ${error.message}`);
        throw error;
      }
      series.set(q.Id!, values);
      label ??= q.Id;
    } else label ??= defaultLabel(q, queries);
    if (q.ReturnData === false) continue;
    const points = [...values!].sort(([a], [b]) => (input.ScanBy === 'TimestampAscending' ? a - b : b - a));
    const limited = input.MaxDatapoints ? points.slice(0, input.MaxDatapoints) : points;
    results.push({
      Id: q.Id,
      Label: label,
      Timestamps: limited.map(([t]) => new Date(t)),
      Values: limited.map(([, v]) => v),
      StatusCode: 'Complete',
    });
  }
  return { MetricDataResults: results, Messages: [] };
}
