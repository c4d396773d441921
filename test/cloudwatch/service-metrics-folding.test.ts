import assert from 'node:assert/strict';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { collectMetrics, recordMetric } from '../../emulator/core/service-metrics.ts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// What the service-metrics recorder keeps until CloudWatch reads: at most 150 distinct values per metric and second
// (PutMetricData's limit per datum), the rest folded so that SampleCount, Sum, Minimum and Maximum stay exact, and
// nothing older than the two weeks PutMetricData accepts.
describe('Service metrics: values recorded between CloudWatch reads stay bounded and their statistics exact', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let cw: CloudWatchClient;
  const source = { namespace: 'AWS/DynamoDB', accountId: '000000000000', region: 'us-east-1' };
  const latency = (Value: number) => ({
    MetricName: 'SuccessfulRequestLatency',
    Dimensions: [
      { Name: 'TableName', Value: 'folded' },
      { Name: 'Operation', Value: 'GetItem' },
    ],
    Unit: 'Milliseconds',
    Value,
  });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['cloudwatch', 'dynamodb'] });
    cw = new CloudWatchClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  after(async () => {
    cw.destroy();
    await aws.stop();
  });

  it('folds 10,000 distinct values of one second into at most 150 bins; GetMetricStatistics stays exact but for percentiles', async () => {
    const second = Math.floor(aws.clock.now() / 1000) * 1000;
    aws.clock.set(second + 100);
    const values = Array.from({ length: 10_000 }, (_, i) => 0.01 + ((i * 7919) % 10_000) / 1000);
    for (const v of values) recordMetric(aws.emulator, source, latency(v));
    const sum = values.reduce((a, b) => a + b, 0);
    const query = { Namespace: 'AWS/DynamoDB', MetricName: 'SuccessfulRequestLatency', Dimensions: latency(0).Dimensions, StartTime: new Date(second - 60_000), EndTime: new Date(second + 60_000), Period: 60 };
    const basic = await cw.send(new GetMetricStatisticsCommand({ ...query, Statistics: ['SampleCount', 'Sum', 'Minimum', 'Maximum'] }));
    assert.equal(basic.Datapoints!.length, 1);
    const [point] = basic.Datapoints!;
    assert.equal(point.SampleCount, 10_000);
    assert.ok(Math.abs(point.Sum! - sum) < 1e-6, `Sum ${point.Sum} vs ${sum}`);
    assert.equal(point.Minimum, 0.01);
    assert.equal(point.Maximum, Math.max(...values));
    // Uniform over 0.01..10.009 ms: the median is about 5 ms and p90 about 9 ms, to within a bin's width.
    const extended = await cw.send(new GetMetricStatisticsCommand({ ...query, ExtendedStatistics: ['p50', 'p90'] }));
    const { p50, p90 } = extended.Datapoints![0].ExtendedStatistics!;
    assert.ok(Math.abs(p50 - 5.01) / 5.01 < 0.1, `p50 ${p50}`);
    assert.ok(Math.abs(p90 - 9.01) / 9.01 < 0.1, `p90 ${p90}`);
  });

  it('keeps values exactly while a second has at most 150 distinct ones', () => {
    const second = Math.floor(aws.clock.now() / 1000) * 1000 + 5000;
    aws.clock.set(second);
    for (let i = 0; i < 150; i++) recordMetric(aws.emulator, source, latency(i + 0.5), 2);
    const collected = collectMetrics(aws.emulator, source.accountId, source.region);
    assert.equal(collected.length, 1);
    assert.deepEqual(collected[0].datum.Values, Array.from({ length: 150 }, (_, i) => i + 0.5));
    assert.deepEqual(collected[0].datum.Counts, Array(150).fill(2));
    assert.deepEqual(collected[0].datum.Timestamp, new Date(second));
  });

  it('hands CloudWatch at most 450 values (150 bins of minimum, maximum and mean) for 10,000 distinct ones', () => {
    aws.clock.set(Math.floor(aws.clock.now() / 1000) * 1000 + 10_000);
    for (let i = 0; i < 10_000; i++) recordMetric(aws.emulator, source, latency(0.01 + i / 1000));
    const data = collectMetrics(aws.emulator, source.accountId, source.region).map(({ datum }) => datum);
    const values = data.flatMap((d) => d.Values);
    const counts = data.flatMap((d) => d.Counts);
    assert.ok(values.length <= 450 && data.every((d) => d.Values.length <= 150), `${values.length} values in ${data.length} data`);
    assert.equal(counts.reduce((a, b) => a + b, 0), 10_000);
  });

  it('drops seconds older than the two weeks CloudWatch accepts', () => {
    const start = aws.clock.now();
    recordMetric(aws.emulator, source, latency(1));
    aws.clock.advance(15 * 86_400_000);
    recordMetric(aws.emulator, source, latency(2));
    const collected = collectMetrics(aws.emulator, source.accountId, source.region);
    assert.deepEqual(
      collected.map(({ datum }) => [datum.Timestamp.getTime() > start + 14 * 86_400_000, datum.Values]),
      [[true, [2]]],
    );
  });
});
