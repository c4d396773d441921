import assert from 'node:assert/strict';
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetDashboardCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListDashboardsCommand,
  ListMetricsCommand,
  ListTagsForResourceCommand,
  PutCompositeAlarmCommand,
  PutDashboardCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  TagResourceCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  PutMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Expected shapes and messages are AWS's, from the recorded snapshots in shared/reference/aws-snapshots/cloudwatch.
const ACCOUNT = '000000000000';

describe('CloudWatch metrics and alarms with the AWS SDK v3 (AWS JSON 1.0)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let cw: CloudWatchClient;
  let logs: CloudWatchLogsClient;
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}-${++counter}`;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['cloudwatch', 'logs'] });
    const options = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    cw = new CloudWatchClient(options);
    logs = new CloudWatchLogsClient(options);
  });
  after(async () => {
    cw.destroy();
    logs.destroy();
    await aws.stop();
  });

  /** Waits (on real time) until a check passes: alarm evaluation runs in the background. */
  async function eventually<T>(check: () => Promise<T>, timeoutMs = 3000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  it('stores values, statistic sets and value lists, and answers GetMetricStatistics', async () => {
    const namespace = fresh('test/ns');
    const now = new Date(Math.floor(aws.emulator.clock.now() / 60_000) * 60_000 + 1000);
    await cw.send(
      new PutMetricDataCommand({
        Namespace: namespace,
        MetricData: [
          { MetricName: 'metric', Value: 0, Timestamp: now },
          { MetricName: 'metric', Values: [1, 2, 3, 4], Counts: [1, 1, 1, 1], Timestamp: now },
          { MetricName: 'metric', StatisticValues: { SampleCount: 5, Sum: 35, Minimum: 5, Maximum: 9 }, Timestamp: now },
        ],
      }),
    );
    const stats = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: namespace,
        MetricName: 'metric',
        StartTime: new Date(now.getTime() - 60_000),
        EndTime: new Date(now.getTime() + 60_000),
        Period: 60,
        Statistics: ['Average', 'Maximum', 'Minimum', 'SampleCount', 'Sum'],
      }),
    );
    assert.equal(stats.Label, 'metric');
    assert.equal(stats.Datapoints!.length, 1);
    const { Timestamp, ...point } = stats.Datapoints![0];
    assert.ok(Timestamp instanceof Date);
    assert.deepEqual(point, { Average: 4.5, Maximum: 9, Minimum: 0, SampleCount: 10, Sum: 45, Unit: 'None' });
  });

  it('refuses invalid metric data and time ranges with AWS messages', async () => {
    const namespace = fresh('test/ns');
    await assert.rejects(cw.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: [{ MetricName: 'm', Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }] })), {
      name: 'InvalidParameterCombinationException',
      Code: 'InvalidParameterCombination',
      message: 'The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.',
    });
    await assert.rejects(cw.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: [{ MetricName: 'm', Values: [1, 2], Counts: [1] }] })), {
      name: 'InvalidParameterValueException',
      Code: 'InvalidParameterValue',
      message: 'The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.',
    });
    const now = aws.emulator.clock.now();
    await assert.rejects(
      cw.send(new GetMetricStatisticsCommand({ Namespace: namespace, MetricName: 'm', StartTime: new Date(now), EndTime: new Date(now - 1000), Period: 60, Statistics: ['Sum'] })),
      { name: 'InvalidParameterValueException', Code: 'InvalidParameterValue', message: 'The parameter StartTime must be less than the parameter EndTime.' },
    );
    await assert.rejects(
      cw.send(new GetMetricStatisticsCommand({ Namespace: namespace, MetricName: 'm', StartTime: new Date(now - 86_400_000), EndTime: new Date(now), Period: 1, Statistics: ['Sum'] })),
      {
        name: 'InvalidParameterCombinationException',
        Code: 'InvalidParameterCombination',
        message: 'You have requested up to 86400 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
      },
    );
  });

  it('answers GetMetricData with labels and metric math, and lists metrics', async () => {
    const namespace = fresh('test/ns');
    const t = new Date(Math.floor(aws.emulator.clock.now() / 60_000) * 60_000);
    for (const [name, value] of [['metric1', 50], ['metric2', 25]] as const) {
      await cw.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: [{ MetricName: name, Value: value, Timestamp: t, Dimensions: [{ Name: 'Host', Value: 'a' }] }] }));
    }
    const stat = (name: string) => ({ Metric: { Namespace: namespace, MetricName: name, Dimensions: [{ Name: 'Host', Value: 'a' }] }, Period: 60, Stat: 'Sum' });
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(t.getTime() - 60_000),
        EndTime: new Date(t.getTime() + 60_000),
        MetricDataQueries: [
          { Id: 'result1', MetricStat: stat('metric1') },
          { Id: 'result2', MetricStat: stat('metric2') },
          { Id: 'total', Expression: 'result1 + result2 * 2', Label: 'weighted' },
        ],
      }),
    );
    assert.deepEqual(
      out.MetricDataResults!.map((r) => [r.Id, r.Label, r.StatusCode, r.Values]),
      [
        ['result1', 'metric1', 'Complete', [50]],
        ['result2', 'metric2', 'Complete', [25]],
        ['total', 'weighted', 'Complete', [100]],
      ],
    );
    assert.deepEqual(out.Messages, []);
    const listed = await cw.send(new ListMetricsCommand({ Namespace: namespace, Dimensions: [{ Name: 'Host' }] }));
    assert.deepEqual(listed.Metrics!.map((m) => m.MetricName).sort(), ['metric1', 'metric2']);
  });

  it('describes a minimal alarm as AWS does, sets its state, keeps history and tags', async () => {
    const name = fresh('alarm');
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: name,
        MetricName: 'm',
        Namespace: fresh('test/ns'),
        Statistic: 'Sum',
        Period: 10,
        EvaluationPeriods: 1,
        Threshold: 30,
        ComparisonOperator: 'GreaterThanThreshold',
        Tags: [{ Key: 'Environment', Value: 'Production' }],
      }),
    );
    const [alarm] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms!;
    assert.equal(alarm.AlarmArn, `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:${name}`);
    assert.deepEqual(
      [alarm.StateValue, alarm.StateReason, alarm.ActionsEnabled, alarm.Dimensions, alarm.OKActions, alarm.Threshold],
      ['INSUFFICIENT_DATA', 'Unchecked: Initial alarm creation', true, [], [], 30],
    );
    await cw.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: 'ALARM', StateReason: 'testing alarm' }));
    const [set] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms!;
    assert.deepEqual([set.StateValue, set.StateReason], ['ALARM', 'testing alarm']);
    const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: name, HistoryItemType: 'StateUpdate' }));
    assert.equal(history.AlarmHistoryItems![0].HistorySummary, 'Alarm updated from INSUFFICIENT_DATA to ALARM');
    await assert.rejects(cw.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: 'INVALID' as 'OK', StateReason: 'test' })), {
      // AWS answers Coral's ValidationException, whose query code is ValidationError (recorded).
      name: 'ValidationException',
      Code: 'ValidationError',
      message: "1 validation error detected: Value 'INVALID' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]",
    });
    await assert.rejects(cw.send(new SetAlarmStateCommand({ AlarmName: `${name}-nonexistent`, StateValue: 'OK', StateReason: 'test' })), (error: Error & { $metadata: { httpStatusCode: number } }) => {
      assert.equal(error.name, 'ResourceNotFound');
      assert.equal(error.$metadata.httpStatusCode, 404);
      return true;
    });
    await cw.send(new TagResourceCommand({ ResourceARN: alarm.AlarmArn, Tags: [{ Key: 'tag1', Value: 'foo' }] }));
    assert.deepEqual((await cw.send(new ListTagsForResourceCommand({ ResourceARN: alarm.AlarmArn }))).Tags, [
      { Key: 'Environment', Value: 'Production' },
      { Key: 'tag1', Value: 'foo' },
    ]);
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: [name] }));
    assert.deepEqual((await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms, []);
  });

  it('evaluates alarms on the emulator clock: a metric filter feeding an alarm, and a composite alarm', async () => {
    const group = fresh('/app/logs');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's' }));
    const namespace = fresh('App');
    await logs.send(
      new PutMetricFilterCommand({
        logGroupName: group,
        filterName: 'errors',
        filterPattern: '{ $.level = "error" }',
        metricTransformations: [{ metricName: 'Errors', metricNamespace: namespace, metricValue: '1' }],
      }),
    );
    const alarm = fresh('errors-alarm');
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: alarm,
        MetricName: 'Errors',
        Namespace: namespace,
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 2,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    );
    const composite = fresh('composite');
    await cw.send(new PutCompositeAlarmCommand({ AlarmName: composite, AlarmRule: `ALARM("${alarm}")` }));
    const now = aws.emulator.clock.now();
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: group,
        logStreamName: 's',
        logEvents: [0, 1, 2].map((i) => ({ timestamp: now + i, message: JSON.stringify({ level: i < 2 ? 'error' : 'info' }) })),
      }),
    );
    aws.emulator.clock.advance(60_000);
    const [metricAlarm] = await eventually(async () => {
      const found = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [alarm] }))).MetricAlarms!;
      assert.equal(found[0].StateValue, 'ALARM');
      return found;
    });
    assert.match(metricAlarm.StateReason!, /^Threshold Crossed: 1 out of the last 1 datapoints \[2\.0 \(/);
    const composites = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [composite], AlarmTypes: ['CompositeAlarm'] }))).CompositeAlarms!;
    assert.equal(composites[0].StateValue, 'ALARM');
  });

  it('keeps dashboards', async () => {
    const name = fresh('dash');
    const body = JSON.stringify({ widgets: [{ type: 'metric', x: 0, y: 0, width: 6, height: 6, properties: { metrics: [['AWS/EC2', 'CPUUtilization']] } }] });
    await cw.send(new PutDashboardCommand({ DashboardName: name, DashboardBody: body }));
    const got = await cw.send(new GetDashboardCommand({ DashboardName: name }));
    assert.deepEqual([got.DashboardArn, got.DashboardBody], [`arn:aws:cloudwatch::${ACCOUNT}:dashboard/${name}`, body]);
    const { DashboardEntries } = await cw.send(new ListDashboardsCommand({ DashboardNamePrefix: name }));
    assert.equal(DashboardEntries![0].Size, Buffer.byteLength(body));
    await assert.rejects(cw.send(new PutDashboardCommand({ DashboardName: 'bad name!', DashboardBody: body })), {
      name: 'InvalidParameterValueException',
      Code: 'InvalidParameterValue',
      message: 'The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).\n',
    });
  });
});
