import type { Properties, ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';

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
  createOnly: ['Namespace', 'MetricName', 'Dimensions', 'Stat', 'SingleMetricAnomalyDetector', 'MetricMathAnomalyDetector'],
  properties: ['Namespace', 'MetricName', 'Dimensions', 'Stat', 'SingleMetricAnomalyDetector', 'MetricMathAnomalyDetector', 'Configuration', 'MetricCharacteristics'],
};
