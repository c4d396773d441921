import { AwsError } from '../../../core/errors.ts';
import type { Properties, ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';

/** A time the template gives as `YYYY-MM-DDThh:mm:ss`, as CloudWatch answers it. */
const isoSeconds = (time: string | Date) => new Date(time).toISOString().slice(0, 19);

const number = (value: unknown) => (value === undefined ? undefined : Number(value));
const bool = (value: unknown) => (value === undefined ? undefined : String(value) === 'true');

/** A metric math query of the template with its numbers and flags typed as the API takes them. */
function query(q: Properties) {
  return {
    ...q,
    Period: number(q.Period),
    ReturnData: bool(q.ReturnData),
    ...(q.MetricStat ? { MetricStat: { ...q.MetricStat, Period: number(q.MetricStat.Period) } } : {}),
  };
}

/** Which detector the resource is: a single metric (top-level or SingleMetricAnomalyDetector) or metric math. */
function identity(p: Properties) {
  return {
    Namespace: p.Namespace,
    MetricName: p.MetricName,
    Dimensions: p.Dimensions,
    Stat: p.Stat,
    SingleMetricAnomalyDetector: p.SingleMetricAnomalyDetector,
    MetricMathAnomalyDetector: p.MetricMathAnomalyDetector && { MetricDataQueries: (p.MetricMathAnomalyDetector.MetricDataQueries ?? []).map(query) },
  };
}

// The template spells the time zone MetricTimeZone where the API has MetricTimezone.
async function put(request: ResourceRequest) {
  const { Configuration: c, MetricCharacteristics: m } = request.properties;
  await request.call('cloudwatch', 'PutAnomalyDetector', {
    ...identity(request.properties),
    Configuration: c && {
      ExcludedTimeRanges: (c.ExcludedTimeRanges ?? []).map((r: Properties) => ({ StartTime: new Date(r.StartTime), EndTime: new Date(r.EndTime) })),
      MetricTimezone: c.MetricTimeZone,
    },
    MetricCharacteristics: m && { PeriodicSpikes: bool(m.PeriodicSpikes) },
  });
}

/** `AWS::CloudWatch::AnomalyDetector`: Ref is the resource's generated id; the configuration changes in place, the metric replaces it. */
export const anomalyDetector: ResourceType = {
  async create(request) {
    await put(request);
    return { physicalId: request.physicalName({ maxLength: 255 }), attributes: {} };
  },
  async update(request) {
    await put(request);
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('cloudwatch', 'DeleteAnomalyDetector', identity(request.properties));
  },
  async read(request) {
    const p = request.properties;
    const wanted = identity(p);
    const single = wanted.SingleMetricAnomalyDetector ?? (wanted.MetricName !== undefined ? { Namespace: p.Namespace, MetricName: p.MetricName, Dimensions: p.Dimensions, Stat: p.Stat } : undefined);
    const key = (d: Properties | undefined) => JSON.stringify([d?.Namespace, d?.MetricName, d?.Stat, ((d?.Dimensions ?? []) as Properties[]).map((x) => `${x.Name}=${x.Value}`).sort()]);
    const ids = (m: Properties | undefined) => JSON.stringify((m?.MetricDataQueries ?? []).map((q: Properties) => q.Id));
    let NextToken: string | undefined;
    do {
      const page = await request.call('cloudwatch', 'DescribeAnomalyDetectors', { NextToken, MaxResults: 100 });
      const found = (page.AnomalyDetectors as Properties[]).find((d) =>
        single ? d.SingleMetricAnomalyDetector && key(d.SingleMetricAnomalyDetector) === key(single) : d.MetricMathAnomalyDetector && ids(d.MetricMathAnomalyDetector) === ids(wanted.MetricMathAnomalyDetector),
      );
      if (found) {
        const c = found.Configuration;
        return {
          ...Object.fromEntries(['Namespace', 'MetricName', 'Dimensions', 'Stat', 'SingleMetricAnomalyDetector', 'MetricMathAnomalyDetector'].filter((name) => p[name] !== undefined).map((name) => [name, p[name]])),
          Configuration: c && {
            ...(c.ExcludedTimeRanges?.length ? { ExcludedTimeRanges: c.ExcludedTimeRanges.map((r: Properties) => ({ StartTime: isoSeconds(r.StartTime), EndTime: isoSeconds(r.EndTime) })) } : {}),
            ...(c.MetricTimezone ? { MetricTimeZone: c.MetricTimezone } : {}),
          },
          MetricCharacteristics: found.MetricCharacteristics,
        };
      }
      NextToken = page.NextToken;
    } while (NextToken);
    throw new AwsError('ResourceNotFoundException', 'No anomaly detector matches the resource.');
  },
  createOnly: ['Namespace', 'MetricName', 'Dimensions', 'Stat', 'SingleMetricAnomalyDetector', 'MetricMathAnomalyDetector'],
  properties: ['Namespace', 'MetricName', 'Dimensions', 'Stat', 'SingleMetricAnomalyDetector', 'MetricMathAnomalyDetector', 'Configuration', 'MetricCharacteristics'],
};
