import type { Datapoint, GetMetricStatisticsInput, GetMetricStatisticsOutput } from '@aws-sdk/client-cloudwatch';
import type { RequestContext } from '../../../core/service.ts';
import { invalidCombination, invalidValue } from '../errors.ts';
import { sampleGauges } from '../gauges.ts';
import { aggregateByPeriod, isStatistic, metricKey, statistic, unitsIn } from '../metrics.ts';
import type { CloudWatchState } from '../state.ts';

/** AWS returns at most 1,440 datapoints per call. */
export const MAX_DATAPOINTS = 1440;

export function checkTimeRange(start: Date, end: Date, periodSeconds: number): void {
  if (start.getTime() >= end.getTime()) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  const requested = Math.ceil((end.getTime() - start.getTime()) / (periodSeconds * 1000));
  if (requested > MAX_DATAPOINTS) {
    throw invalidCombination(
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_DATAPOINTS}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
    );
  }
}

export function getMetricStatistics(input: GetMetricStatisticsInput, ctx: RequestContext<CloudWatchState>): GetMetricStatisticsOutput {
  if (!input.Statistics?.length && !input.ExtendedStatistics?.length) {
    throw invalidCombination('Must specify either Statistics or ExtendedStatistics.');
  }
  if (input.Statistics?.length && input.ExtendedStatistics?.length) {
    throw invalidCombination('Must specify either Statistics or ExtendedStatistics, but not both.');
  }
  // GetMetricStatistics takes percentiles only, p0.0 to p100 (the other extended statistics are GetMetricData's).
  input.ExtendedStatistics?.forEach((name, i) => {
    if (!/^p/.test(name) || !isStatistic(name)) throw invalidValue(`The value ${name} for parameter ExtendedStatistics.member.${i + 1} is invalid.`);
  });
  const [start, end] = [new Date(input.StartTime!), new Date(input.EndTime!)];
  checkTimeRange(start, end, input.Period!);
  sampleGauges(ctx.state, ctx.emulator, [input.Namespace]);
  const metric = ctx.state.metrics.get(metricKey(input.Namespace!, input.MetricName!, input.Dimensions));
  // Without a unit, each unit the data was put with gets its own data points (AWS converts none into another).
  const units = input.Unit ? [input.Unit] : metric ? unitsIn(metric.samples, start.getTime(), end.getTime()) : [];
  const buckets = units.flatMap((unit) => [...aggregateByPeriod(metric?.samples ?? [], start.getTime(), end.getTime(), input.Period! * 1000, unit)]);
  const datapoints: Datapoint[] = buckets
    .sort(([a], [b]) => a - b)
    .map(([time, aggregate]) => {
      const point: Datapoint = { Timestamp: new Date(time), Unit: aggregate.unit as Datapoint['Unit'] };
      for (const stat of input.Statistics ?? []) (point as Record<string, unknown>)[stat] = statistic(aggregate, stat);
      if (input.ExtendedStatistics?.length) {
        point.ExtendedStatistics = {};
        for (const name of input.ExtendedStatistics) {
          const value = statistic(aggregate, name);
          if (value !== undefined) point.ExtendedStatistics[name] = value;
        }
      }
      return point;
    });
  return { Label: input.MetricName, Datapoints: datapoints };
}
