import type { GetMetricDataInput, GetMetricDataOutput, MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { RequestContext } from '../../../core/service.ts';
import { invalidValue } from '../errors.ts';
import { MathError } from '../math/parse.ts';
import { evaluateQueries } from '../math/queries.ts';
import { sampleGauges } from '../gauges.ts';
import { isStatistic } from '../metrics.ts';
import type { CloudWatchState } from '../state.ts';

/** AWS allows 500 queries per GetMetricData call. */
const MAX_QUERIES = 500;

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
  // Gauges are sampled for the namespaces the metric queries name (a SEARCH finds those already sampled).
  sampleGauges(ctx.state, ctx.emulator, queries.map((q) => q.MetricStat?.Metric?.Namespace));
  const valueOf = evaluateQueries(ctx.state, queries, startMs, endMs, ctx.emulator.clock.now());
  const results: MetricDataResult[] = [];
  for (const q of queries) {
    let value;
    try {
      value = valueOf(q.Id!);
    } catch (error) {
      if (error instanceof MathError) throw invalidValue(error.message);
      throw error;
    }
    if (q.ReturnData === false) continue;
    const list = Array.isArray(value) ? value : [{ ...value, label: q.Label ?? (q.Expression ? q.Id! : value.label) }];
    for (const s of list) {
      const points = [...s.points].sort(([a], [b]) => (input.ScanBy === 'TimestampAscending' ? a - b : b - a));
      const limited = input.MaxDatapoints ? points.slice(0, input.MaxDatapoints) : points;
      results.push({
        Id: q.Id,
        Label: s.label,
        Timestamps: limited.map(([t]) => new Date(t)),
        Values: limited.map(([, v]) => v),
        StatusCode: 'Complete',
        ...(s.messages ? { Messages: s.messages } : {}),
      });
    }
  }
  return { MetricDataResults: results, Messages: [] };
}
