import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeAlarmsCommand, PutMetricAlarmCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { PutRecordCommand, CreateDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { clientsFor, type Clients } from './every-service-state.ts';

const SERVICES = ['sqs', 'sts', 'iam', 's3', 'stepfunctions', 'scheduler', 'events', 'cloudwatch', 'firehose'];
const ROLE = 'arn:aws:iam::000000000000:role/timers';
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: ['events.amazonaws.com', 'scheduler.amazonaws.com'] }, Action: 'sqs:SendMessage', Resource: '*' }],
});

/** Work that waits on the emulator clock when the emulator stops: it must go on after the restart. */
async function seedPending(aws: Twinstack, c: Clients) {
  const queue = async (name: string) => {
    const url = (await c.sqs().send(new CreateQueueCommand({ QueueName: name, Attributes: { Policy: POLICY } }))).QueueUrl!;
    return { url, arn: (await c.sqs().send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn! };
  };
  const delayed = await queue('timers-delayed');
  await c.sqs().send(new SendMessageCommand({ QueueUrl: delayed.url, MessageBody: 'delayed', DelaySeconds: 900 }));
  // A Standard execution in the middle of a one-hour Wait.
  const definition = JSON.stringify({ StartAt: 'First', States: { First: { Type: 'Pass', Next: 'Nap' }, Nap: { Type: 'Wait', Seconds: 3600, Next: 'Done' }, Done: { Type: 'Pass', Result: 'woke', End: true } } });
  const { stateMachineArn } = await c.sfn().send(new CreateStateMachineCommand({ name: 'timers-machine', definition, roleArn: ROLE }));
  const { executionArn } = await c.sfn().send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
  for (let i = 0; i < 100; i++) {
    const { events } = await c.sfn().send(new GetExecutionHistoryCommand({ executionArn }));
    if (events?.some((e) => e.type === 'WaitStateEntered')) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  // A one-time schedule due in an hour, and a scheduled rule every hour, both sending to SQS.
  const scheduled = await queue('timers-scheduled');
  const at = new Date(aws.clock.now() + 3_600_000).toISOString().slice(0, 19);
  await c.scheduler().send(new CreateScheduleCommand({
    Name: 'timers-once', ScheduleExpression: `at(${at})`, FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: scheduled.arn, RoleArn: ROLE, Input: 'from the schedule' },
  }));
  const ruled = await queue('timers-rule');
  await c.events().send(new PutRuleCommand({ Name: 'timers-hourly', ScheduleExpression: 'rate(1 hour)' }));
  await c.events().send(new PutTargetsCommand({ Rule: 'timers-hourly', Targets: [{ Id: 'q', Arn: ruled.arn }] }));
  // An alarm whose metric is over its threshold for the next two minutes, evaluated at the next minute.
  await c.cloudwatch().send(new PutMetricAlarmCommand({
    AlarmName: 'timers-alarm', Namespace: 'Timers', MetricName: 'Load', Statistic: 'Maximum', Period: 60, EvaluationPeriods: 1, Threshold: 10, ComparisonOperator: 'GreaterThanThreshold',
  }));
  await c.cloudwatch().send(new PutMetricDataCommand({ Namespace: 'Timers', MetricData: [0, 30, 60, 90, 120].map((s) => ({ MetricName: 'Load', Value: 50, Timestamp: new Date(aws.clock.now() + s * 1000) })) }));
  // A record buffered for 5 minutes.
  await c.s3().send(new CreateBucketCommand({ Bucket: 'timers-firehose' }));
  await c.firehose().send(new CreateDeliveryStreamCommand({
    DeliveryStreamName: 'timers-delivery',
    ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::timers-firehose', BufferingHints: { IntervalInSeconds: 300, SizeInMBs: 5 } },
  }));
  await c.firehose().send(new PutRecordCommand({ DeliveryStreamName: 'timers-delivery', Record: { Data: Buffer.from('buffered') } }));
  const alarm = (await c.cloudwatch().send(new DescribeAlarmsCommand({ AlarmNames: ['timers-alarm'] }))).MetricAlarms![0];
  assert.equal(alarm.StateValue, 'INSUFFICIENT_DATA', 'the alarm was not evaluated before the restart');
  return { executionArn: executionArn!, delayed: delayed.url, scheduled: scheduled.url, ruled: ruled.url };
}

async function bodies(c: Clients, url: string): Promise<string[]> {
  const got = await c.sqs().send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
  return (got.Messages ?? []).map((m) => m.Body!);
}

async function eventually(check: () => Promise<void>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (error) {
      if (i >= 40) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * What runs on the emulator clock (SQS delays, a Step Functions Wait, a Scheduler one-time schedule, an EventBridge
 * scheduled rule, CloudWatch alarm evaluation, Firehose buffering) is armed again after a restart from --persist: the
 * clock is moved past each due time after the restart and each one happens.
 */
describe('persistence: timers are armed again after a restart', function () {
  this.timeout(120_000);

  for (const mode of ['wal', 'snapshot'] as const) {
    it(`(${mode})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `twinstack-timers-${mode}-`));
      let aws: Twinstack | undefined;
      try {
        aws = await startTwinstack({ port: 0, services: SERVICES, persist: { dir, mode } });
        let c = clientsFor(aws.endpoint);
        const seeded = await seedPending(aws, c);
        c.destroy();
        await aws.stop();
        aws = await startTwinstack({ port: 0, services: SERVICES, persist: { dir, mode } });
        c = clientsFor(aws.endpoint);
        try {
          assert.deepEqual(await bodies(c, seeded.delayed), [], 'the delay is still running');
          assert.equal((await c.sfn().send(new DescribeExecutionCommand({ executionArn: seeded.executionArn }))).status, 'RUNNING');
          // The alarm looks at the last minute: it is evaluated before the hour passes.
          aws.advanceClock('61s');
          await eventually(async () => {
            const alarm = (await c.cloudwatch().send(new DescribeAlarmsCommand({ AlarmNames: ['timers-alarm'] }))).MetricAlarms![0];
            assert.equal(alarm.StateValue, 'ALARM');
          });
          aws.advanceClock('60m');
          await eventually(async () => {
            const execution = await c.sfn().send(new DescribeExecutionCommand({ executionArn: seeded.executionArn }));
            assert.deepEqual([execution.status, execution.output], ['SUCCEEDED', '"woke"']);
          });
          // The history goes on where it stopped: the Wait state was entered once.
          const { events } = await c.sfn().send(new GetExecutionHistoryCommand({ executionArn: seeded.executionArn }));
          assert.deepEqual(events?.map((e) => [e.id, e.type, e.previousEventId]), [
            [1, 'ExecutionStarted', 0], [2, 'PassStateEntered', 0], [3, 'PassStateExited', 2], [4, 'WaitStateEntered', 3],
            [5, 'WaitStateExited', 4], [6, 'PassStateEntered', 5], [7, 'PassStateExited', 6], [8, 'ExecutionSucceeded', 7],
          ]);
          assert.deepEqual(await bodies(c, seeded.delayed), ['delayed']);
          assert.deepEqual(await bodies(c, seeded.scheduled), ['from the schedule']);
          assert.equal((await bodies(c, seeded.ruled)).length, 1);
          await eventually(async () => {
            const { Contents } = await c.s3().send(new ListObjectsV2Command({ Bucket: 'timers-firehose' }));
            assert.equal(Contents?.length, 1);
          });
        } finally {
          c.destroy();
        }
      } finally {
        await aws?.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
