import assert from 'node:assert/strict';
import {
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleGroupCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListScheduleGroupsCommand,
  ListSchedulesCommand,
  ListTagsForResourceCommand,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Scheduler's API shapes and behaviour from AWS's documentation (no AWS-recorded snapshots exist for it here).
const ACCOUNT = '000000000000';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/scheduler`;

describe('EventBridge Scheduler with the AWS SDK v3 (rest-json)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let scheduler: SchedulerClient;
  let sqs: SQSClient;
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}-${++counter}`;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['scheduler', 'sqs'] });
    const options = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    scheduler = new SchedulerClient(options);
    sqs = new SQSClient(options);
  });
  after(async () => {
    scheduler.destroy();
    sqs.destroy();
    await aws.stop();
  });

  /** A queue whose policy lets Scheduler send to it, as AWS requires for templated targets. */
  async function queue() {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: fresh('sched') }));
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const Policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arn }] });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy } }));
    return { url: QueueUrl!, arn };
  }

  async function receive(url: string): Promise<string[]> {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    for (const m of out.Messages ?? []) await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }));
    return (out.Messages ?? []).map((m) => m.Body!);
  }

  it('runs a rate schedule against an SQS target as the emulator clock moves', async () => {
    const { url, arn } = await queue();
    const name = fresh('every-minute');
    const { ScheduleArn } = await scheduler.send(
      new CreateScheduleCommand({
        Name: name,
        ScheduleExpression: 'rate(1 minute)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: arn, RoleArn: ROLE, Input: '{"hello": "world"}' },
      }),
    );
    assert.equal(ScheduleArn, `arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule/default/${name}`);
    assert.deepEqual(await receive(url), []);
    aws.emulator.clock.advance(60_000);
    assert.deepEqual(await receive(url), ['{"hello": "world"}']);
    const got = await scheduler.send(new GetScheduleCommand({ Name: name }));
    assert.deepEqual([got.State, got.GroupName, got.ScheduleExpression, got.FlexibleTimeWindow], ['ENABLED', 'default', 'rate(1 minute)', { Mode: 'OFF' }]);
    await scheduler.send(
      new UpdateScheduleCommand({
        Name: name,
        ScheduleExpression: 'rate(1 minute)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'DISABLED',
        Target: { Arn: arn, RoleArn: ROLE, Input: '{}' },
      }),
    );
    aws.emulator.clock.advance(120_000);
    assert.deepEqual(await receive(url), []);
  });

  it('runs a one-time at() schedule with a universal target and deletes it afterwards', async () => {
    const { url } = await queue();
    const name = fresh('once');
    const at = new Date(aws.emulator.clock.now() + 120_000).toISOString().slice(0, 19);
    await scheduler.send(
      new CreateScheduleCommand({
        Name: name,
        ScheduleExpression: `at(${at})`,
        FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 5 },
        ActionAfterCompletion: 'DELETE',
        Target: { Arn: 'arn:aws:scheduler:::aws-sdk:sqs:sendMessage', RoleArn: ROLE, Input: JSON.stringify({ QueueUrl: url, MessageBody: 'universal' }) },
      }),
    );
    aws.emulator.clock.advance(121_000);
    assert.deepEqual(await receive(url), ['universal']);
    await assert.rejects(scheduler.send(new GetScheduleCommand({ Name: name })), { name: 'ResourceNotFoundException' });
  });

  it('manages schedule groups and validates schedules', async () => {
    const group = fresh('group');
    const { ScheduleGroupArn } = await scheduler.send(new CreateScheduleGroupCommand({ Name: group, Tags: [{ Key: 'team', Value: 'a' }] }));
    assert.equal(ScheduleGroupArn, `arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule-group/${group}`);
    assert.equal((await scheduler.send(new GetScheduleGroupCommand({ Name: group }))).State, 'ACTIVE');
    assert.deepEqual((await scheduler.send(new ListTagsForResourceCommand({ ResourceArn: ScheduleGroupArn }))).Tags, [{ Key: 'team', Value: 'a' }]);
    const names = (await scheduler.send(new ListScheduleGroupsCommand({}))).ScheduleGroups!.map((g) => g.Name);
    assert.ok(names.includes('default') && names.includes(group));
    await assert.rejects(
      scheduler.send(new CreateScheduleCommand({ Name: 'x', GroupName: 'missing', ScheduleExpression: 'rate(5 minutes)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: 'arn:aws:sqs:us-east-1:000000000000:q', RoleArn: ROLE } })),
      { name: 'ResourceNotFoundException' },
    );
    await assert.rejects(
      scheduler.send(new CreateScheduleCommand({ Name: 'x', GroupName: group, ScheduleExpression: 'rate(5 secs)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: 'arn:aws:sqs:us-east-1:000000000000:q', RoleArn: ROLE } })),
      { name: 'ValidationException' },
    );
    await scheduler.send(
      new CreateScheduleCommand({
        Name: 'tz',
        GroupName: group,
        ScheduleExpression: 'cron(0 9 ? * MON-FRI *)',
        ScheduleExpressionTimezone: 'Europe/Paris',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: 'arn:aws:sqs:us-east-1:000000000000:q', RoleArn: ROLE },
      }),
    );
    assert.deepEqual((await scheduler.send(new ListSchedulesCommand({ GroupName: group }))).Schedules!.map((s) => s.Name), ['tz']);
    await scheduler.send(new DeleteScheduleGroupCommand({ Name: group }));
    await assert.rejects(scheduler.send(new GetScheduleGroupCommand({ Name: group })), { name: 'ResourceNotFoundException' });
  });
});
