import type { MetricDatum, PutMetricDataInput } from '@aws-sdk/client-cloudwatch';
import type { RequestContext } from '../../../core/service.ts';
import { invalidCombination, invalidValue } from '../errors.ts';
import { metricKey, StoredMetric, type Sample } from '../metrics.ts';
import type { CloudWatchState } from '../state.ts';

type Ctx = RequestContext<CloudWatchState>;

/** AWS's limits: 1,000 metrics per call, 150 values per datum, 30 dimensions, data up to two weeks old or two hours ahead. */
const MAX_DATA = 1000;
const MAX_VALUES = 150;
const MAX_DIMENSIONS = 30;
const MAX_AGE_MS = 14 * 86_400_000;
const MAX_AHEAD_MS = 2 * 3_600_000;

function validate(datum: MetricDatum, i: number, now: number): void {
  const at = `MetricData.member.${i}`;
  if (datum.Value !== undefined && datum.StatisticValues) {
    throw invalidCombination(`The parameters ${at}.Value and ${at}.StatisticValues are mutually exclusive and you have specified both.`);
  }
  if (datum.Value !== undefined && datum.Values) {
    throw invalidCombination(`The parameters ${at}.Value and ${at}.Values are mutually exclusive and you have specified both.`);
  }
  if (datum.Counts && datum.Values && datum.Counts.length !== datum.Values.length) {
    throw invalidValue(`The parameters ${at}.Values and ${at}.Counts must be of the same size.`);
  }
  if ((datum.Values?.length ?? 0) > MAX_VALUES) throw invalidValue(`The collection ${at}.Values must not have a size greater than ${MAX_VALUES}.`);
  if ((datum.Dimensions?.length ?? 0) > MAX_DIMENSIONS) throw invalidValue(`The collection ${at}.Dimensions must not have a size greater than ${MAX_DIMENSIONS}.`);
  const values = datum.Values ?? (datum.Value !== undefined ? [datum.Value] : []);
  if (values.some((v) => !Number.isFinite(v))) throw invalidValue(`The value for parameter ${at}.Value is invalid.`);
  if (datum.Timestamp) {
    const t = new Date(datum.Timestamp).getTime();
    if (t < now - MAX_AGE_MS || t > now + MAX_AHEAD_MS) {
      throw invalidValue(`The parameter ${at}.Timestamp must specify a time no more than two weeks in the past and no more than two hours in the future.`);
    }
  }
  if (datum.StorageResolution !== undefined && datum.StorageResolution !== 1 && datum.StorageResolution !== 60) {
    throw invalidValue(`The value ${datum.StorageResolution} for parameter ${at}.StorageResolution is invalid.`);
  }
}

/**
 * The samples a datum stands for: a value, a statistic set, or values with counts. AWS accepts a statistic set
 * together with values (LocalStack's AWS-validated test_put_metric_data_validation); which of them it keeps is not
 * documented, and the statistic set is kept here.
 */
function samples(datum: MetricDatum, timestamp: number): Sample[] {
  const unit = datum.Unit ?? 'None';
  if (datum.StatisticValues) {
    const s = datum.StatisticValues;
    return [{ timestamp, sampleCount: s.SampleCount!, sum: s.Sum!, min: s.Minimum!, max: s.Maximum!, unit }];
  }
  if (datum.Values) {
    return datum.Values.map((v, i) => {
      const count = datum.Counts?.[i] ?? 1;
      return { timestamp, sampleCount: count, sum: v * count, min: v, max: v, unit };
    });
  }
  if (datum.Value === undefined) return [];
  return [{ timestamp, sampleCount: 1, sum: datum.Value, min: datum.Value, max: datum.Value, unit }];
}

export function putMetricData(input: PutMetricDataInput, ctx: Ctx): object {
  if (input.Namespace!.startsWith('AWS/') && !ctx.caller.servicePrincipal) {
    throw invalidValue(`The value ${input.Namespace} for parameter Namespace is invalid.`);
  }
  const data = input.MetricData ?? [];
  if (data.length > MAX_DATA) throw invalidValue(`The collection MetricData must not have a size greater than ${MAX_DATA}.`);
  const now = ctx.emulator.clock.now();
  data.forEach((datum, i) => validate(datum, i + 1, now));
  for (const datum of data) storeDatum(ctx.state, input.Namespace!, datum, now);
  return {};
}

/** Stores one (valid) datum, creating its metric on first use; returns the metric. */
export function storeDatum(state: CloudWatchState, namespace: string, datum: MetricDatum, now: number): StoredMetric {
  const key = metricKey(namespace, datum.MetricName!, datum.Dimensions);
  let metric = state.metrics.get(key);
  if (!metric) {
    metric = new StoredMetric(namespace, datum.MetricName!, datum.Dimensions ?? [], now);
    state.metrics.set(key, metric);
  }
  metric.add(samples(datum, datum.Timestamp ? new Date(datum.Timestamp).getTime() : now), now);
  return metric;
}
