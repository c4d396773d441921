import assert from 'node:assert/strict';
import { CloudWatchClient, DescribeAlarmHistoryCommand, DescribeAlarmsCommand, PutMetricAlarmCommand, PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, PutMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTopicCommand, SetTopicAttributesCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// The end-to-end path: a Logs metric filter feeds an alarm, which notifies an SNS topic that a queue
// subscribes to. The notification's fields are AWS's (recorded in test_cloudwatch's test_breaching_alarm_actions).
describe('CloudWatch: a metric filter feeding an alarm that notifies an SNS topic subscribed by a queue', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['logs', 'cloudwatch', 'sns', 'sqs'] });
  });
  after(() => aws.stop());

  it('delivers the ALARM notification through SNS to SQS when the clock moves past the period', async () => {
    const options = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const [logs, cw, sns, sqs] = [new CloudWatchLogsClient(options), new CloudWatchClient(options), new SNSClient(options), new SQSClient(options)];
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'alarms' }));
    // The topic policy AWS documents for letting CloudWatch alarms publish.
    const topicPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: TopicArn }],
    });
    await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'Policy', AttributeValue: topicPolicy }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'alarm-inbox' }));
    const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const Policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn }] });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy } }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'true' } }));

    await logs.send(new CreateLogGroupCommand({ logGroupName: '/app' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/app', logStreamName: 'web' }));
    await logs.send(
      new PutMetricFilterCommand({
        logGroupName: '/app',
        filterName: 'server-errors',
        filterPattern: '[ip, method, path, status = 5*, ...]',
        metricTransformations: [{ metricName: 'ServerErrors', metricNamespace: 'App', metricValue: '1' }],
      }),
    );
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'too-many-5xx',
        AlarmDescription: '5xx responses',
        MetricName: 'ServerErrors',
        Namespace: 'App',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [TopicArn!],
      }),
    );
    const now = aws.emulator.clock.now();
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/app',
        logStreamName: 'web',
        logEvents: ['10.0.0.1 GET / 200', '10.0.0.2 GET /a 502', '10.0.0.3 POST /b 503'].map((message, i) => ({ timestamp: now + i, message })),
      }),
    );
    aws.emulator.clock.advance(60_000);
    let body: string | undefined;
    for (let i = 0; i < 10 && !body; i++) body = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }))).Messages?.[0]?.Body;
    assert.ok(body, 'the queue received the alarm notification');
    const notification = JSON.parse(body);
    assert.deepEqual(
      [notification.AlarmName, notification.AlarmDescription, notification.NewStateValue, notification.OldStateValue, notification.Region, notification.AWSAccountId],
      ['too-many-5xx', '5xx responses', 'ALARM', 'INSUFFICIENT_DATA', 'US East (N. Virginia)', '000000000000'],
    );
    assert.equal(notification.AlarmArn, 'arn:aws:cloudwatch:us-east-1:000000000000:alarm:too-many-5xx');
    assert.deepEqual(notification.Trigger, {
      MetricName: 'ServerErrors',
      Namespace: 'App',
      StatisticType: 'Statistic',
      Statistic: 'SUM',
      Unit: null,
      Dimensions: [],
      Period: 60,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 1,
      TreatMissingData: '',
      EvaluateLowSampleCountPercentile: '',
    });
    assert.match(notification.NewStateReason, /^Threshold Crossed: 1 out of the last 1 datapoints \[2\.0 \(/);
    const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'too-many-5xx', HistoryItemType: 'Action' }));
    assert.match(history.AlarmHistoryItems![0].HistorySummary!, /^Successfully executed action arn:aws:sns:us-east-1:000000000000:alarms$/);
    for (const client of [logs, cw, sns, sqs]) client.destroy();
  });

  // AWS-recorded test_enable_disable_alarm_actions: the fixture's topic keeps its default policy, whose Allow holds
  // for requests whose AWS:SourceOwner is the topic's account, as an alarm of that account publishing is.
  it('publishes to a topic with its default policy, from an alarm of the same account only', async () => {
    const client = (region: string, accessKeyId: string) => ({ endpoint: aws.endpoint, region, credentials: { accessKeyId, secretAccessKey: 'test' } });
    const [cw, sns, sqs] = [new CloudWatchClient(client('eu-west-1', 'test')), new SNSClient(client('eu-west-1', 'test')), new SQSClient(client('eu-west-1', 'test'))];
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'default-policy' }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'default-policy-inbox' }));
    const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const Policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn }] });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy } }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queueArn }));
    const alarm = { MetricName: 'm', Namespace: 'n', Statistic: 'Average' as const, Period: 10, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' as const };
    await cw.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'same-account', AlarmActions: [TopicArn!] }));
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'same-account', StateValue: 'ALARM', StateReason: 'testing alarm' }));
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 2 }));
    assert.deepEqual(received.Messages?.map((m) => JSON.parse(JSON.parse(m.Body!).Message).NewStateReason), ['testing alarm']);

    // Another account's alarm is no source the default policy names.
    const other = new CloudWatchClient(client('eu-west-1', '111111111111'));
    await other.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'other-account', AlarmActions: [TopicArn!] }));
    await other.send(new SetAlarmStateCommand({ AlarmName: 'other-account', StateValue: 'ALARM', StateReason: 'testing alarm' }));
    let summary: string | undefined;
    for (let i = 0; i < 20 && !summary; i++) {
      summary = (await other.send(new DescribeAlarmHistoryCommand({ AlarmName: 'other-account', HistoryItemType: 'Action' }))).AlarmHistoryItems?.[0]?.HistorySummary;
      if (!summary) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(summary, `Failed to execute action ${TopicArn}`);
    for (const c of [cw, sns, sqs, other]) c.destroy();
  });

  // StateReasonData as AWS recorded it: over missing data (test_breaching_alarm_actions) no startDate, and over data
  // (test_put_metric_alarm) a startDate and each datapoint's sample count; the alarm's unit in both.
  it('words StateReasonData as AWS does, with and without datapoints', async () => {
    const cw = new CloudWatchClient({ endpoint: aws.endpoint, region: 'ap-south-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const alarm = { Namespace: 'reason', Period: 10, EvaluationPeriods: 1, Threshold: 21, ComparisonOperator: 'GreaterThanThreshold' as const, Statistic: 'Average' as const, Unit: 'Seconds' as const };
    await cw.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'no-data', MetricName: 'quiet', TreatMissingData: 'breaching' }));
    await cw.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'data', MetricName: 'busy' }));
    const now = aws.emulator.clock.now();
    const at = new Date(Math.floor(now / 10_000) * 10_000 + 1);
    await cw.send(new PutMetricDataCommand({ Namespace: 'reason', MetricData: [20, 23].map((Value) => ({ MetricName: 'busy', Value, Unit: 'Seconds', Timestamp: at })) }));
    aws.emulator.clock.advance(11_000);
    const reasons: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 20 && Object.keys(reasons).length < 2; i++) {
      for (const a of (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['no-data', 'data'] }))).MetricAlarms ?? []) {
        if (a.StateValue === 'ALARM') reasons[a.AlarmName!] = JSON.parse(a.StateReasonData!) as Record<string, unknown>;
      }
      if (Object.keys(reasons).length < 2) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(Object.keys(reasons['no-data']), ['version', 'queryDate', 'unit', 'statistic', 'period', 'recentDatapoints', 'threshold', 'evaluatedDatapoints']);
    assert.deepEqual(reasons['no-data'].evaluatedDatapoints, [{ timestamp: (reasons['no-data'].evaluatedDatapoints as { timestamp: string }[])[0].timestamp }]);
    assert.deepEqual(Object.keys(reasons.data), ['version', 'queryDate', 'startDate', 'unit', 'statistic', 'period', 'recentDatapoints', 'threshold', 'evaluatedDatapoints']);
    assert.deepEqual(reasons.data.recentDatapoints, [21.5]);
    assert.deepEqual((reasons.data.evaluatedDatapoints as object[]).map((p) => Object.entries(p).slice(1)), [[['sampleCount', 2], ['value', 21.5]]]);
    cw.destroy();
  });
});
