import assert from 'node:assert/strict';
import {
  CloudWatchClient,
  DeleteAnomalyDetectorCommand,
  DescribeAnomalyDetectorsCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  PutAnomalyDetectorCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Statistic definitions follow the CloudWatch User Guide ("CloudWatch statistics definitions", "Metric math syntax
// and functions", "CloudWatch search expression syntax"); the anomaly detector shapes are AWS's recorded ones
// (shared/reference/aws-snapshots/cloudwatch, test_anomaly_detector_lifecycle).
describe('CloudWatch extended statistics, metric math and anomaly detectors (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let cw: CloudWatchClient;
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}-${++counter}`;
  let minute: number;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['cloudwatch'] });
    cw = new CloudWatchClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    minute = Math.floor(aws.emulator.clock.now() / 60_000) * 60_000 - 5 * 60_000;
  });
  after(async () => {
    cw.destroy();
    await aws.stop();
  });

  /** 1..100 in one minute, as value lists. */
  async function hundredValues(namespace: string, name = 'latency', dimensions = [{ Name: 'Host', Value: 'a' }]) {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    await cw.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: [{ MetricName: name, Dimensions: dimensions, Values: values, Timestamp: new Date(minute + 1000) }] }));
  }

  it('answers percentiles in GetMetricStatistics ExtendedStatistics, and refuses other forms', async () => {
    const namespace = fresh('stats');
    await hundredValues(namespace);
    const query = { Namespace: namespace, MetricName: 'latency', Dimensions: [{ Name: 'Host', Value: 'a' }], StartTime: new Date(minute), EndTime: new Date(minute + 60_000), Period: 60 };
    const out = await cw.send(new GetMetricStatisticsCommand({ ...query, ExtendedStatistics: ['p50', 'p99', 'p99.9', 'p100', 'p0'] }));
    assert.deepEqual(out.Datapoints![0].ExtendedStatistics, { p50: 50, p99: 99, 'p99.9': 100, p100: 100, p0: 1 });
    await assert.rejects(cw.send(new GetMetricStatisticsCommand({ ...query, ExtendedStatistics: ['tm90'] })), { name: 'InvalidParameterValueException' });
    await assert.rejects(cw.send(new GetMetricStatisticsCommand({ ...query, ExtendedStatistics: ['p101'] })), { name: 'InvalidParameterValueException' });
    await assert.rejects(cw.send(new GetMetricStatisticsCommand({ ...query, Statistics: ['Sum'], ExtendedStatistics: ['p50'] })), {
      name: 'InvalidParameterCombinationException',
    });
  });

  it('computes trimmed, winsorized, count, sum and rank statistics in GetMetricData', async () => {
    const namespace = fresh('stats');
    await hundredValues(namespace);
    const stats = ['tm90', 'TM(2%:98%)', 'TM(10:20)', 'IQM', 'wm90', 'tc90', 'TC(:50)', 'ts10', 'TS(95%:)', 'PR(:25)', 'PR(10:20)', 'p90'];
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(minute),
        EndTime: new Date(minute + 60_000),
        MetricDataQueries: stats.map((Stat, i) => ({
          Id: `q${i}`,
          MetricStat: { Metric: { Namespace: namespace, MetricName: 'latency', Dimensions: [{ Name: 'Host', Value: 'a' }] }, Period: 60, Stat },
        })),
      }),
    );
    const values = Object.fromEntries(out.MetricDataResults!.map((r, i) => [stats[i], r.Values![0]]));
    // wm90: the top 10 values count as 90 -> (sum 1..90 + 10 * 90) / 100.
    assert.deepEqual(values, {
      tm90: 45.5,
      'TM(2%:98%)': 50.5,
      'TM(10:20)': 15.5,
      IQM: 50.5,
      wm90: (4095 + 900) / 100,
      tc90: 90,
      'TC(:50)': 50,
      ts10: 55,
      'TS(95%:)': 96 + 97 + 98 + 99 + 100,
      'PR(:25)': 25,
      'PR(10:20)': 10,
      p90: 90,
    });
    await assert.rejects(
      cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(minute),
          EndTime: new Date(minute + 60_000),
          MetricDataQueries: [{ Id: 'q', MetricStat: { Metric: { Namespace: namespace, MetricName: 'latency' }, Period: 60, Stat: 'p200' } }],
        }),
      ),
      { name: 'InvalidParameterValueException', message: 'The value p200 for parameter MetricDataQueries.member.1.MetricStat.Stat is invalid.' },
    );
  });

  it('computes no percentile over statistic sets that hide their values', async () => {
    const namespace = fresh('stats');
    await cw.send(
      new PutMetricDataCommand({
        Namespace: namespace,
        MetricData: [
          { MetricName: 'm', StatisticValues: { SampleCount: 3, Sum: 15, Minimum: 5, Maximum: 5 }, Timestamp: new Date(minute + 1000) },
          { MetricName: 'n', StatisticValues: { SampleCount: 2, Sum: 10, Minimum: 1, Maximum: 9 }, Timestamp: new Date(minute + 1000) },
        ],
      }),
    );
    const ask = (name: string) =>
      cw.send(new GetMetricStatisticsCommand({ Namespace: namespace, MetricName: name, StartTime: new Date(minute), EndTime: new Date(minute + 60_000), Period: 60, ExtendedStatistics: ['p50'] }));
    assert.deepEqual((await ask('m')).Datapoints![0].ExtendedStatistics, { p50: 5 });
    assert.deepEqual((await ask('n')).Datapoints![0].ExtendedStatistics, {});
  });

  it('evaluates metric math functions, METRICS() and SEARCH()', async () => {
    const namespace = fresh('math');
    const data = [1, 3, 6].map((v, i) => ({ MetricName: 'requests', Dimensions: [{ Name: 'Host', Value: 'a' }], Value: v, Timestamp: new Date(minute + i * 60_000 + 1000) }));
    const errors = [0, 2].map((v, i) => ({ MetricName: 'errors', Dimensions: [{ Name: 'Host', Value: 'a' }], Value: v, Timestamp: new Date(minute + i * 60_000 + 1000) }));
    const other = { MetricName: 'requests', Dimensions: [{ Name: 'Host', Value: 'b' }], Value: 10, Timestamp: new Date(minute + 1000) };
    await cw.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: [...data, ...errors, other] }));
    const metric = (name: string) => ({ Metric: { Namespace: namespace, MetricName: name, Dimensions: [{ Name: 'Host', Value: 'a' }] }, Period: 60, Stat: 'Sum' });
    const expressions: Record<string, string> = {
      diff: 'DIFF(req)',
      running: 'RUNNING_SUM(req)',
      rate: 'RATE(req)',
      filled: 'FILL(err, 0)',
      repeat: 'FILL(err, REPEAT)',
      ratio: 'IF(req > 2, err / req, 0)',
      power: 'req ^ 2 - 1',
      logic: 'req >= 3 AND NOT (err == 0)',
      total: 'SUM(METRICS())',
      count: 'DATAPOINT_COUNT(req)',
      stddev: 'STDDEV(req)',
      hour: 'MINUTE(req)',
      ceil: 'CEIL(req / 4)',
    };
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(minute),
        EndTime: new Date(minute + 3 * 60_000),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [
          { Id: 'req', MetricStat: metric('requests'), ReturnData: false },
          { Id: 'err', MetricStat: metric('errors'), ReturnData: false },
          ...Object.entries(expressions).map(([Id, Expression]) => ({ Id, Expression })),
          { Id: 'found', Expression: `SEARCH('{${namespace},Host} MetricName="requests"', 'Sum', 60)` },
          { Id: 'top', Expression: `SORT(SEARCH('{${namespace},Host} requests', 'Sum'), MAX, DESC, 1)`, Period: 60 },
        ],
      }),
    );
    const byId = new Map<string, number[]>();
    for (const r of out.MetricDataResults!) if (!['found', 'top'].includes(r.Id!)) byId.set(r.Id!, r.Values!);
    const minuteOf = (i: number) => new Date(minute + i * 60_000).getUTCMinutes();
    assert.deepEqual(Object.fromEntries(byId), {
      diff: [2, 3],
      running: [1, 4, 10],
      rate: [2 / 60, 3 / 60],
      filled: [0, 2, 0],
      repeat: [0, 2, 2],
      ratio: [0, 2 / 3],
      power: [0, 8, 35],
      logic: [0, 1],
      total: [1, 5, 6],
      count: [3, 3, 3],
      stddev: Array(3).fill(Math.sqrt(((1 - 10 / 3) ** 2 + (3 - 10 / 3) ** 2 + (6 - 10 / 3) ** 2) / 3)),
      hour: [0, 1, 2].map(minuteOf),
      ceil: [1, 1, 2],
    });
    const found = out.MetricDataResults!.filter((r) => r.Id === 'found');
    assert.deepEqual(found.map((r) => [r.Label, r.Values]).sort(), [
      ['a', [1, 3, 6]],
      ['b', [10]],
    ]);
    const top = out.MetricDataResults!.filter((r) => r.Id === 'top');
    assert.deepEqual(top.map((r) => r.Label), ['b']);
    await assert.rejects(
      cw.send(new GetMetricDataCommand({ StartTime: new Date(minute), EndTime: new Date(minute + 60_000), MetricDataQueries: [{ Id: 'e', Expression: 'NOPE(1)' }] })),
      { name: 'InvalidParameterValueException', message: "Error in expression 'e': Unsupported function NOPE" },
    );
  });

  it('stores, describes and deletes anomaly detectors as AWS does', async () => {
    const dims = [{ Name: 'DimensionName', Value: 'DimensionValue' }];
    await cw.send(new PutAnomalyDetectorCommand({ MetricName: 'MyMetric', Namespace: 'MyNamespace', Stat: 'Sum', Configuration: {}, Dimensions: dims }));
    const described = await cw.send(new DescribeAnomalyDetectorsCommand({}));
    assert.deepEqual(described.AnomalyDetectors, [
      {
        Configuration: { ExcludedTimeRanges: [] },
        Dimensions: dims,
        MetricName: 'MyMetric',
        Namespace: 'MyNamespace',
        SingleMetricAnomalyDetector: { AccountId: '000000000000', Dimensions: dims, MetricName: 'MyMetric', Namespace: 'MyNamespace', Stat: 'Sum' },
        Stat: 'Sum',
        StateValue: 'PENDING_TRAINING',
      },
    ]);
    assert.equal((await cw.send(new DescribeAnomalyDetectorsCommand({ AnomalyDetectorTypes: ['METRIC_MATH'] }))).AnomalyDetectors!.length, 0);
    await cw.send(
      new DeleteAnomalyDetectorCommand({ SingleMetricAnomalyDetector: { MetricName: 'MyMetric', Namespace: 'MyNamespace', Stat: 'Sum', Dimensions: dims } }),
    );
    assert.deepEqual((await cw.send(new DescribeAnomalyDetectorsCommand({}))).AnomalyDetectors, []);
    await assert.rejects(cw.send(new DeleteAnomalyDetectorCommand({ MetricName: 'MyMetric', Namespace: 'MyNamespace', Stat: 'Sum', Dimensions: dims })), {
      name: 'ResourceNotFoundException',
    });
  });
});
