import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CloudWatchClient, DescribeAlarmsCommand, ListMetricsCommand, PutMetricAlarmCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeMetricFiltersCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  PutMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient, ListRulesCommand, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateScheduleCommand, GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { ConfirmSubscriptionCommand, CreateTopicCommand, ListSubscriptionsByTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/**
 * The services that declared their state (SNS, Logs, EventBridge, CloudWatch, Scheduler) survive an export, a reset and an
 * import: what was created is listed again and still works (a subscription and a rule still deliver to SQS).
 */
describe('persistence of SNS, CloudWatch Logs, EventBridge, CloudWatch and EventBridge Scheduler', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  const config = () => ({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  before(async () => (aws = await startTwinstack({ port: 0, services: ['sqs', 'sns', 'logs', 'events', 'cloudwatch', 'scheduler'] })));
  after(() => aws.stop());

  it('export, reset, import: everything is back and still delivers', async () => {
    const sqs = new SQSClient(config());
    const sns = new SNSClient(config());
    const logs = new CloudWatchLogsClient(config());
    const events = new EventBridgeClient(config());
    const cloudwatch = new CloudWatchClient(config());
    const scheduler = new SchedulerClient(config());
    // As on AWS, SNS and EventBridge may send to the queue only where its policy allows them.
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: ['sns.amazonaws.com', 'events.amazonaws.com'] }, Action: 'sqs:SendMessage', Resource: '*' }],
    });
    const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'fanout', Attributes: { Policy } }))).QueueUrl!;
    const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'persisted-topic' }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'true' } }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/persisted' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/persisted', logStreamName: 's' }));
    await logs.send(new PutLogEventsCommand({ logGroupName: '/persisted', logStreamName: 's', logEvents: [{ timestamp: aws.clock.now(), message: 'ERROR kept' }] }));
    await logs.send(new PutMetricFilterCommand({
      logGroupName: '/persisted', filterName: 'errors', filterPattern: 'ERROR',
      metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1' }],
    }));
    await events.send(new PutRuleCommand({ Name: 'orders', EventPattern: JSON.stringify({ source: ['shop'] }) }));
    await events.send(new PutTargetsCommand({ Rule: 'orders', Targets: [{ Id: 'q', Arn: queueArn }] }));
    await events.send(new PutRuleCommand({ Name: 'every-5-minutes', ScheduleExpression: 'rate(5 minutes)' }));
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'Latency', Value: 12 }] }));
    await cloudwatch.send(new PutMetricAlarmCommand({
      AlarmName: 'slow', Namespace: 'App', MetricName: 'Latency', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 100, ComparisonOperator: 'GreaterThanThreshold',
    }));

    await scheduler.send(new CreateScheduleCommand({
      Name: 'hourly', ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: queueArn, RoleArn: 'arn:aws:iam::000000000000:role/scheduler', Input: 'tick' },
    }));

    const exported = aws.exportState() as { services: Record<string, unknown> };
    for (const name of ['sqs', 'sns', 'logs', 'events', 'cloudwatch', 'scheduler']) assert.ok(exported.services[name], `${name} was exported`);
    await aws.reset();
    assert.deepEqual((await events.send(new ListRulesCommand({}))).Rules, []);
    await aws.importState(JSON.parse(JSON.stringify(exported)));

    const subscriptions = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    assert.equal(subscriptions.Subscriptions?.[0].Endpoint, queueArn);
    await sns.send(new PublishCommand({ TopicArn, Message: 'via restored subscription' }));
    await events.send(new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'order', Detail: '{}' }] }));
    const bodies: string[] = [];
    for (let i = 0; i < 20 && bodies.length < 2; i++) {
      const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
      bodies.push(...(got.Messages ?? []).map((m) => m.Body!));
    }
    assert.ok(bodies.includes('via restored subscription'), JSON.stringify(bodies));
    assert.ok(bodies.some((b) => b.startsWith('{') && JSON.parse(b).source === 'shop'), JSON.stringify(bodies));
    const events_ = await logs.send(new GetLogEventsCommand({ logGroupName: '/persisted', logStreamName: 's' }));
    assert.deepEqual(events_.events?.map((e) => e.message), ['ERROR kept']);
    assert.equal((await logs.send(new DescribeMetricFiltersCommand({ logGroupName: '/persisted' }))).metricFilters?.[0].filterPattern, 'ERROR');
    assert.deepEqual((await events.send(new ListRulesCommand({}))).Rules?.map((r) => r.Name).sort(), ['every-5-minutes', 'orders']);
    assert.equal((await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['slow'] }))).MetricAlarms?.[0].Threshold, 100);
    assert.ok((await cloudwatch.send(new ListMetricsCommand({ Namespace: 'App' }))).Metrics?.some((m) => m.MetricName === 'Latency'));
    assert.equal((await scheduler.send(new GetScheduleCommand({ Name: 'hourly' }))).ScheduleExpression, 'rate(1 hour)');
    for (const client of [sqs, sns, logs, events, cloudwatch, scheduler]) client.destroy();
  });

  it('a pending SNS confirmation token survives a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinstack-sns-persist-'));
    let restarted = await startTwinstack({ port: 0, services: ['sns'], persist: { dir } });
    const confirmations: { Token: string }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        confirmations.push(JSON.parse(body));
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const snsOf = (twin: Twinstack) => new SNSClient({ endpoint: twin.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    let sns = snsOf(restarted);
    try {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'persist-confirm' }));
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
      for (let i = 0; i < 100 && !confirmations.length; i++) await new Promise((r) => setTimeout(r, 20));
      sns.destroy();
      await restarted.stop();
      restarted = await startTwinstack({ port: 0, services: ['sns'], persist: { dir } });
      sns = snsOf(restarted);
      const confirmed = await sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token: confirmations[0].Token }));
      assert.match(confirmed.SubscriptionArn!, /:persist-confirm:/);
    } finally {
      server.close();
      sns.destroy();
      await restarted.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
