import type { Dimension } from '@aws-sdk/client-cloudwatch';
import type { INamespace, Type } from 'protobufjs';

/*
 * The OpenTelemetry output formats of metric streams ("Metric streams output in OpenTelemetry 0.7.0 / 1.0.0 format"
 * and their "Translations" pages, CloudWatch User Guide): each minute of a metric is a Summary data point (sum,
 * count, quantile 0 = minimum, 1 = maximum, and the stream's additional percentiles), in ExportMetricsServiceRequest
 * messages of the OTLP protobuf schema of that version, each written with its length as a varint before it. The
 * message types are declared here by their field numbers in opentelemetry-proto v0.7.0 and v1.0.0.
 */

export type OtlpVersion = 'opentelemetry0.7' | 'opentelemetry1.0';

const field = (type: string, id: number, rule?: 'repeated') => ({ type, id, ...(rule ? { rule } : {}) });

const COMMON: INamespace['nested'] = {
  AnyValue: {
    oneofs: { value: { oneof: ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'] } },
    fields: {
      stringValue: field('string', 1),
      boolValue: field('bool', 2),
      intValue: field('int64', 3),
      doubleValue: field('double', 4),
      arrayValue: field('ArrayValue', 5),
      kvlistValue: field('KeyValueList', 6),
      bytesValue: field('bytes', 7),
    },
  },
  ArrayValue: { fields: { values: field('AnyValue', 1, 'repeated') } },
  KeyValueList: { fields: { values: field('KeyValue', 1, 'repeated') } },
  KeyValue: { fields: { key: field('string', 1), value: field('AnyValue', 2) } },
  Resource: { fields: { attributes: field('KeyValue', 1, 'repeated'), droppedAttributesCount: field('uint32', 2) } },
  ValueAtQuantile: { fields: { quantile: field('double', 1), value: field('double', 2) } },
  ExportMetricsServiceRequest: { fields: { resourceMetrics: field('ResourceMetrics', 1, 'repeated') } },
};

const summaryPoint = (attributes: object) => ({
  fields: {
    ...attributes,
    startTimeUnixNano: field('fixed64', 2),
    timeUnixNano: field('fixed64', 3),
    count: field('fixed64', 4),
    sum: field('double', 5),
    quantileValues: field('ValueAtQuantile', 6, 'repeated'),
  },
});

const SCHEMAS: Record<OtlpVersion, INamespace> = {
  'opentelemetry0.7': {
    nested: {
      ...COMMON,
      StringKeyValue: { fields: { key: field('string', 1), value: field('string', 2) } },
      ResourceMetrics: { fields: { resource: field('Resource', 1), instrumentationLibraryMetrics: field('InstrumentationLibraryMetrics', 2, 'repeated') } },
      InstrumentationLibraryMetrics: { fields: { metrics: field('Metric', 2, 'repeated') } },
      Metric: { fields: { name: field('string', 1), description: field('string', 2), unit: field('string', 3), doubleSummary: field('DoubleSummary', 11) } },
      DoubleSummary: { fields: { dataPoints: field('DoubleSummaryDataPoint', 1, 'repeated') } },
      DoubleSummaryDataPoint: summaryPoint({ labels: field('StringKeyValue', 1, 'repeated') }),
    },
  },
  'opentelemetry1.0': {
    nested: {
      ...COMMON,
      ResourceMetrics: { fields: { resource: field('Resource', 1), scopeMetrics: field('ScopeMetrics', 2, 'repeated'), schemaUrl: field('string', 3) } },
      ScopeMetrics: { fields: { metrics: field('Metric', 2, 'repeated'), schemaUrl: field('string', 3) } },
      Metric: { fields: { name: field('string', 1), description: field('string', 2), unit: field('string', 3), summary: field('Summary', 11) } },
      Summary: { fields: { dataPoints: field('SummaryDataPoint', 1, 'repeated') } },
      SummaryDataPoint: summaryPoint({ attributes: field('KeyValue', 7, 'repeated'), flags: field('uint32', 8) }),
    },
  },
};

/** The ExportMetricsServiceRequest type of a version; protobufjs loads on the first OpenTelemetry stream, not at start. */
const requestTypes = new Map<OtlpVersion, Type>();

export async function exportRequestType(version: OtlpVersion): Promise<Type> {
  let type = requestTypes.get(version);
  if (!type) {
    const { Root } = (await import('protobufjs/light.js')).default;
    type = Root.fromJSON(SCHEMAS[version]).lookupType('ExportMetricsServiceRequest');
    requestTypes.set(version, type);
  }
  return type;
}

/** CloudWatch units as the translation table writes them (UCUM); units joined by a slash translate each side. */
const UNITS: Record<string, string> = {
  Second: 's',
  Seconds: 's',
  Microseconds: 'us',
  Milliseconds: 'ms',
  Bytes: 'By',
  Kilobytes: 'kBy',
  Megabytes: 'MBy',
  Gigabytes: 'GBy',
  Terabytes: 'TBy',
  Bits: 'bit',
  Kilobits: 'kbit',
  Megabits: 'MBit',
  Gigabits: 'GBit',
  Terabits: 'Tbit',
  Percent: '%',
  Count: '{Count}',
  None: '1',
};

export function otelUnit(unit: string | undefined): string {
  return (unit ?? 'None')
    .split('/')
    .map((part) => (Object.hasOwn(UNITS, part) ? UNITS[part] : part))
    .join('/');
}

/** One minute of one metric, with the quantiles its stream exports. */
export interface SummaryMinute {
  startMs: number;
  endMs: number;
  count: number;
  sum: number;
  quantiles: { quantile: number; value: number }[];
}

export interface OtlpMetric {
  namespace: string;
  name: string;
  dimensions: Dimension[];
  unit?: string;
  minutes: SummaryMinute[];
}

const nanos = (ms: number) => BigInt(ms) * 1_000_000n;
const text = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** The data point of one minute, with its metric's namespace, name and dimensions as the version encodes them. */
function dataPoint(version: OtlpVersion, metric: OtlpMetric, minute: SummaryMinute): object {
  const point = {
    startTimeUnixNano: nanos(minute.startMs).toString(),
    timeUnixNano: nanos(minute.endMs).toString(),
    count: minute.count,
    sum: minute.sum,
    quantileValues: minute.quantiles,
  };
  if (version === 'opentelemetry0.7') {
    const labels = [{ key: 'Namespace', value: metric.namespace }, { key: 'MetricName', value: metric.name }, ...metric.dimensions.map((d) => ({ key: d.Name!, value: d.Value! }))];
    return { ...point, labels };
  }
  const dimensions = { key: 'Dimensions', value: { kvlistValue: { values: metric.dimensions.map((d) => text(d.Name!, d.Value!)) } } };
  return { ...point, attributes: [text('Namespace', metric.namespace), text('MetricName', metric.name), dimensions] };
}

/**
 * One ExportMetricsServiceRequest for one metric, length-prefixed: the resource names the account, region and stream
 * (`aws.exporter.arn`), the metric is `amazonaws.com/<namespace>/<name>` with one Summary data point per minute.
 */
export function encodeMetric(type: Type, version: OtlpVersion, resource: { accountId: string; region: string; streamArn: string }, metric: OtlpMetric): Uint8Array {
  const attributes = [text('cloud.provider', 'aws'), text('cloud.account.id', resource.accountId), text('cloud.region', resource.region), text('aws.exporter.arn', resource.streamArn)];
  const points = metric.minutes.map((m) => dataPoint(version, metric, m));
  const otelMetric = {
    name: `amazonaws.com/${metric.namespace}/${metric.name}`,
    unit: otelUnit(metric.unit),
    ...(version === 'opentelemetry0.7' ? { doubleSummary: { dataPoints: points } } : { summary: { dataPoints: points } }),
  };
  const scope = version === 'opentelemetry0.7' ? { instrumentationLibraryMetrics: [{ metrics: [otelMetric] }] } : { scopeMetrics: [{ metrics: [otelMetric] }] };
  const message = type.fromObject({ resourceMetrics: [{ resource: { attributes }, ...scope }] });
  return type.encodeDelimited(message).finish();
}
