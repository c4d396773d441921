import assert from 'node:assert/strict';
import { CloudWatchClient, PutMetricDataCommand, PutMetricStreamCommand } from '@aws-sdk/client-cloudwatch';
import { CreateDeliveryStreamCommand, FirehoseClient } from '@aws-sdk/client-firehose';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { objects } from '../firehose/support.ts';
import { delimited, type WireMessage } from '../support/protobuf-wire.ts';

// The OpenTelemetry 0.7.0 and 1.0.0 output formats as the CloudWatch User Guide describes them ("Metric streams
// output in OpenTelemetry ... format" and "Translations with ..."): length-prefixed ExportMetricsServiceRequest
// messages, resource attributes naming the account, region and stream, metric `amazonaws.com/<ns>/<name>`, a
// Summary point per minute (quantile 0 = Minimum, 1 = Maximum, percentiles from the statistics configuration),
// units in UCUM. The messages are read here by the field numbers of opentelemetry-proto v0.7.0 / v1.0.0, schema-less.
const ACCOUNT = '000000000000';

/** AnyValue (1.0) as a plain value: string_value = 1, kvlist_value = 6 (KeyValueList.values = 1). */
function anyValue(v: WireMessage): unknown {
  if (v.fields.has(6)) return keyValues(v.message(6).messages(1));
  return v.string(1);
}
const keyValues = (list: WireMessage[]) => Object.fromEntries(list.map((kv) => [kv.string(1), anyValue(kv.message(2))]));
const quantiles = (point: WireMessage) => point.messages(6).map((q) => [q.double(1) ?? 0, q.double(2)]);

describe('CloudWatch metric streams in the OpenTelemetry formats (SDK v3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cw: CloudWatchClient;
  let s3: S3Client;
  let firehose: FirehoseClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['cloudwatch', 'firehose', 's3', 'sts', 'iam'] });
    const options = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    [cw, s3, firehose] = [new CloudWatchClient(options), new S3Client({ ...options, forcePathStyle: true }), new FirehoseClient(options)];
  });
  after(async () => {
    for (const c of [cw, s3, firehose]) c.destroy();
    await aws.stop();
  });

  /** Streams one minute of App/Latency (10, 20, 30, 40 ms by Api=orders) in a format; returns the Firehose object. */
  async function streamed(format: 'opentelemetry0.7' | 'opentelemetry1.0'): Promise<{ messages: WireMessage[]; minute: number; name: string }> {
    const name = `otel-${format.replace('.', '')}`;
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    const { DeliveryStreamARN } = await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: name,
        ExtendedS3DestinationConfiguration: { RoleARN: `arn:aws:iam::${ACCOUNT}:role/fh`, BucketARN: `arn:aws:s3:::${name}`, BufferingHints: { IntervalInSeconds: 0, SizeInMBs: 1 } },
      }),
    );
    await cw.send(
      new PutMetricStreamCommand({
        Name: name,
        FirehoseArn: DeliveryStreamARN,
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/metric-stream`,
        OutputFormat: format,
        IncludeFilters: [{ Namespace: `App-${name}` }],
        StatisticsConfigurations: [{ IncludeMetrics: [{ Namespace: `App-${name}`, MetricName: 'Latency' }], AdditionalStatistics: ['p90'] }],
      }),
    );
    const minute = Math.floor(aws.emulator.clock.now() / 60_000) * 60_000;
    await cw.send(
      new PutMetricDataCommand({
        Namespace: `App-${name}`,
        MetricData: [
          { MetricName: 'Latency', Dimensions: [{ Name: 'Api', Value: 'orders' }], Values: [10, 20, 30, 40], Unit: 'Milliseconds' },
          { MetricName: 'Throughput', Value: 5, Unit: 'Bytes/Second' },
        ],
      }),
    );
    aws.emulator.clock.advance(60_000);
    const [object] = await objects(s3, name);
    return { messages: delimited(object.body), minute, name };
  }

  for (const format of ['opentelemetry0.7', 'opentelemetry1.0'] as const) {
    it(`${format}: length-prefixed ExportMetricsServiceRequests with a Summary point per minute`, async () => {
      const { messages, minute, name } = await streamed(format);
      assert.equal(messages.length, 2);
      const metrics = messages.map((request) => {
        const [resourceMetrics] = request.messages(1);
        const resource = keyValues(resourceMetrics.message(1).messages(1));
        assert.deepEqual(resource, {
          'cloud.provider': 'aws',
          'cloud.account.id': ACCOUNT,
          'cloud.region': 'us-east-1',
          'aws.exporter.arn': `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:metric-stream/${name}`,
        });
        // 0.7.0: instrumentation_library_metrics = 2, Metric.double_summary = 11; 1.0.0: scope_metrics = 2, Metric.summary = 11.
        const [metric] = resourceMetrics.message(2).messages(2);
        const [point] = metric.message(11).messages(1);
        return { metric, point };
      });
      const byName = new Map(metrics.map((m) => [m.metric.string(1), m]));
      const latency = byName.get(`amazonaws.com/App-${name}/Latency`)!;
      assert.equal(latency.metric.string(3), 'ms');
      assert.equal(latency.point.fixed64(2), BigInt(minute) * 1_000_000n);
      assert.equal(latency.point.fixed64(3), BigInt(minute + 60_000) * 1_000_000n);
      assert.equal(latency.point.fixed64(4), 4n);
      assert.equal(latency.point.double(5), 100);
      assert.deepEqual(quantiles(latency.point), [
        [0, 10],
        [0.9, 40],
        [1, 40],
      ]);
      if (format === 'opentelemetry0.7') {
        // DoubleSummaryDataPoint.labels = 1, StringKeyValue { key = 1, value = 2 }: one pair per dimension.
        const labels = Object.fromEntries(latency.point.messages(1).map((l) => [l.string(1), l.string(2)]));
        assert.deepEqual(labels, { Namespace: `App-${name}`, MetricName: 'Latency', Api: 'orders' });
      } else {
        // SummaryDataPoint.attributes = 7 (KeyValue), the dimensions nested under Dimensions.
        assert.deepEqual(keyValues(latency.point.messages(7)), { Namespace: `App-${name}`, MetricName: 'Latency', Dimensions: { Api: 'orders' } });
      }
      const throughput = byName.get(`amazonaws.com/App-${name}/Throughput`)!;
      assert.equal(throughput.metric.string(3), 'By/s');
      assert.deepEqual(quantiles(throughput.point), [
        [0, 5],
        [1, 5],
      ]);
    });
  }
});
