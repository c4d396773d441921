import assert from 'node:assert/strict';
import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  ListEventBusesCommand,
  ListRuleNamesByTargetCommand,
  ListRulesCommand,
  ListTagsForResourceCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutPermissionCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemovePermissionCommand,
  RemoveTargetsCommand,
  StartReplayCommand,
  TagResourceCommand,
  UpdateArchiveCommand,
} from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { allowEventBridge, receiveBodies, useEvents } from './support.ts';

// Expected responses and messages are AWS's, from the recorded snapshots in shared/reference/aws-snapshots/events
// (test_events, test_events_inputs, test_events_schedule, test_archive_and_replay) and AWS's documentation.
const ACCOUNT = '000000000000';
const DETAIL = { command: 'update-account', payload: { acc_id: '0a787ecb-4015', sf_id: 'baz' } };

describe('EventBridge with the AWS SDK v3', function () {
  this.timeout(30_000);
  const context = useEvents();
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}-${++counter}`;

  async function queue(fifo = false) {
    const name = fresh('q') + (fifo ? '.fifo' : '');
    const { QueueUrl } = await context.sqs.send(
      new CreateQueueCommand({ QueueName: name, Attributes: fifo ? { FifoQueue: 'true', ContentBasedDeduplication: 'true' } : undefined }),
    );
    const attributes = await context.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    await allowEventBridge(context.sqs, QueueUrl!, attributes.Attributes!.QueueArn!);
    return { url: QueueUrl!, arn: attributes.Attributes!.QueueArn! };
  }

  const put = (entry: { Source?: string; DetailType?: string; Detail?: string; EventBusName?: string }) =>
    context.events.send(new PutEventsCommand({ Entries: [entry] }));

  it('creates, describes, lists and deletes custom buses with AWS errors', async () => {
    const name = fresh('bus');
    const created = await context.events.send(new CreateEventBusCommand({ Name: name, Description: 'test bus' }));
    assert.equal(created.EventBusArn, `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/${name}`);
    assert.equal(created.Description, 'test bus');
    await assert.rejects(context.events.send(new CreateEventBusCommand({ Name: name })), {
      name: 'ResourceAlreadyExistsException',
      message: `Event bus ${name} already exists.`,
    });
    const described = await context.events.send(new DescribeEventBusCommand({ Name: name }));
    assert.equal(described.Arn, created.EventBusArn);
    assert.ok(described.CreationTime instanceof Date && described.LastModifiedTime instanceof Date);
    const listed = await context.events.send(new ListEventBusesCommand({ NamePrefix: name }));
    assert.deepEqual(listed.EventBuses!.map((b) => b.Name), [name]);
    // A bus with rules is not deleted (AWS's message, as reported from real AWS); without them it is.
    await context.events.send(new PutRuleCommand({ Name: 'on-bus', EventBusName: name, EventPattern: JSON.stringify({ source: ['x'] }) }));
    await assert.rejects(context.events.send(new DeleteEventBusCommand({ Name: name })), {
      name: 'ValidationException',
      message: "EventBus can't be deleted since it has rules.",
    });
    assert.equal((await context.events.send(new DescribeEventBusCommand({ Name: name }))).Name, name);
    await context.events.send(new DeleteRuleCommand({ Name: 'on-bus', EventBusName: name }));
    await context.events.send(new DeleteEventBusCommand({ Name: name }));
    await assert.rejects(context.events.send(new DescribeEventBusCommand({ Name: name })), {
      name: 'ResourceNotFoundException',
      message: `Event bus ${name} does not exist.`,
    });
    await assert.rejects(context.events.send(new DeleteEventBusCommand({ Name: 'default' })), {
      name: 'ValidationException',
      message: 'Cannot delete event bus default.',
    });
  });

  it('reports invalid PutEvents entries one by one, as AWS does', async () => {
    const out = await context.events.send(
      new PutEventsCommand({
        Entries: [
          { DetailType: 'd', Detail: '{}' },
          { Source: 's', Detail: '{}' },
          { Source: 's', DetailType: 'd' },
          { Source: 's', DetailType: 'd', Detail: '["array"]' },
          { Source: 's', DetailType: 'd', Detail: '{}' },
        ],
      }),
    );
    assert.equal(out.FailedEntryCount, 4);
    assert.deepEqual(out.Entries!.slice(0, 4), [
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
    ]);
    assert.match(out.Entries![4].EventId!, /^[0-9a-f-]{36}$/);
    await assert.rejects(put({ Source: 's', DetailType: 'd', Detail: JSON.stringify({ big: 'x'.repeat(256 * 1024) }) }), {
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('delivers matching events to SQS through a pattern and an InputTransformer', async () => {
    const { url, arn } = await queue();
    const rule = fresh('rule');
    await context.events.send(
      new PutRuleCommand({
        Name: rule,
        EventPattern: JSON.stringify({ source: ['core.update-account-command'], detail: { command: [{ prefix: 'update' }] } }),
      }),
    );
    await context.events.send(
      new PutTargetsCommand({
        Rule: rule,
        Targets: [
          {
            Id: 't1',
            Arn: arn,
            InputTransformer: {
              InputPathsMap: { userId: '$.detail.payload.acc_id', payload: '$.detail.payload', type: '$.detail-type' },
              InputTemplate: '{"method": "PUT", "path": "users-service/users/<userId>", "bod": <payload>, "kind": "<type>"}',
            },
          },
        ],
      }),
    );
    await put({ Source: 'core.update-account-command', DetailType: 'core.update-account-command', Detail: JSON.stringify(DETAIL) });
    await put({ Source: 'core.update-account-command', DetailType: 'x', Detail: JSON.stringify({ command: 'delete-account' }) });
    const bodies = await receiveBodies(context.sqs, url, 2, 2);
    assert.deepEqual(
      bodies.map((b) => JSON.parse(b)),
      [{ method: 'PUT', path: 'users-service/users/0a787ecb-4015', bod: DETAIL.payload, kind: 'core.update-account-command' }],
    );
  });

  it('renders string templates with AWS quoting and refuses unknown placeholders', async () => {
    const { url, arn } = await queue();
    const rule = fresh('rule');
    await context.events.send(new PutRuleCommand({ Name: rule, EventPattern: '{"source": ["quoting"]}' }));
    await assert.rejects(
      context.events.send(
        new PutTargetsCommand({ Rule: rule, Targets: [{ Id: 'bad', Arn: arn, InputTransformer: { InputTemplate: '"<notdefinedkey>"' } }] }),
      ),
      { name: 'ValidationException', message: 'InputTemplate for target bad contains invalid placeholder notdefinedkey.' },
    );
    await assert.rejects(
      context.events.send(new PutTargetsCommand({ Rule: rule, Targets: [{ Id: 'two', Arn: arn, Input: '{}', InputPath: '$.detail' }] })),
      { name: 'ValidationException', message: 'Only one of Input, InputPath, or InputTransformer must be provided for target two.' },
    );
    await context.events.send(
      new PutTargetsCommand({
        Rule: rule,
        Targets: [
          {
            Id: 'str',
            Arn: arn,
            InputTransformer: {
              InputPathsMap: { payload: '$.detail.payload', listmulti: '$.detail.list', missing: '$.detail.nothing' },
              InputTemplate: '"Payload of <payload> and <listmulti> and <missing>"',
            },
          },
        ],
      }),
    );
    await put({ Source: 'quoting', DetailType: 'd', Detail: JSON.stringify({ payload: DETAIL.payload, list: ['ACTIVE', 'INACTIVE'] }) });
    assert.deepEqual(await receiveBodies(context.sqs, url, 1), ['"Payload of {acc_id:0a787ecb-4015,sf_id:baz} and [ACTIVE,INACTIVE] and "']);
  });

  it('sends InputPath selections and whole events, and FIFO targets carry the MessageGroupId', async () => {
    const fifo = await queue(true);
    const plain = await queue();
    const rule = fresh('rule');
    await context.events.send(new PutRuleCommand({ Name: rule, EventPattern: '{"detail-type": ["fifo"]}' }));
    await context.events.send(
      new PutTargetsCommand({
        Rule: rule,
        Targets: [
          { Id: 'fifo', Arn: fifo.arn, InputPath: '$.detail.payload.sf_id', SqsParameters: { MessageGroupId: 'group-1' } },
          { Id: 'plain', Arn: plain.arn },
        ],
      }),
    );
    const { Entries } = await put({ Source: 's', DetailType: 'fifo', Detail: JSON.stringify(DETAIL) });
    assert.deepEqual(await receiveBodies(context.sqs, fifo.url, 1), ['"baz"']);
    const [whole] = (await receiveBodies(context.sqs, plain.url, 1)).map((b) => JSON.parse(b));
    assert.deepEqual(Object.keys(whole), ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail']);
    assert.equal(whole.id, Entries![0].EventId);
    assert.match(whole.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual([whole.account, whole.region, whole.resources, whole.detail], [ACCOUNT, 'us-east-1', [], DETAIL]);
  });

  it('fires a rate(1 minute) schedule when the emulator clock moves a minute', async () => {
    const { url, arn } = await queue();
    const rule = fresh('every-minute');
    const { RuleArn } = await context.events.send(new PutRuleCommand({ Name: rule, ScheduleExpression: 'rate(1 minute)' }));
    await context.events.send(new PutTargetsCommand({ Rule: rule, Targets: [{ Id: 't', Arn: arn }] }));
    assert.deepEqual(await receiveBodies(context.sqs, url, 1, 1), []);
    context.aws.emulator.clock.advance(60_000);
    const [event] = (await receiveBodies(context.sqs, url, 1, 3)).map((b) => JSON.parse(b));
    assert.equal(event['detail-type'], 'Scheduled Event');
    assert.equal(event.source, 'aws.events');
    assert.deepEqual(event.resources, [RuleArn]);
    assert.deepEqual(event.detail, {});
    await context.events.send(new DisableRuleCommand({ Name: rule }));
    context.aws.emulator.clock.advance(120_000);
    assert.deepEqual(await receiveBodies(context.sqs, url, 1, 1), []);
  });

  it('validates schedule expressions as AWS does', async () => {
    // The invalid rates LocalStack's AWS-validated test_put_rule_with_invalid_schedule_rate checks.
    const invalidRates = ['rate(10 seconds)', 'rate(10 years)', 'rate(1 minutes)', 'rate(1 hours)', 'rate(1 days)', 'rate(10 minute)', 'rate(10 hour)'];
    invalidRates.push('rate(10 day)', 'rate()', 'rate(10)', 'rate(10 minutess)', 'rate(foo minutes)', 'rate(0 minutes)', 'rate(-10 minutes)');
    invalidRates.push('rate(10 MINUTES)', 'rate( 10 minutes )', ' rate(10 minutes)');
    for (const expression of [...invalidRates, 'cron(0 12 * * * *)', 'cron(* * * *)', 'cron(71 8 1 * ? *)', 'cron(7 20 * * NOT *)']) {
      await assert.rejects(context.events.send(new PutRuleCommand({ Name: fresh('bad'), ScheduleExpression: expression })), {
        name: 'ValidationException',
        message: 'Parameter ScheduleExpression is not valid.',
      });
    }
    for (const expression of ['rate(5 minutes)', 'cron(0 12 * * ? *)', 'cron(0/15 8-17 ? * MON-FRI *)', 'cron(0 10 L * ? *)', 'cron(0 8 ? * 2#1 *)']) {
      await context.events.send(new PutRuleCommand({ Name: fresh('ok'), ScheduleExpression: expression }));
    }
    const bus = fresh('bus');
    await context.events.send(new CreateEventBusCommand({ Name: bus }));
    await assert.rejects(context.events.send(new PutRuleCommand({ Name: 'r', EventBusName: bus, ScheduleExpression: 'rate(5 minutes)' })), {
      name: 'ValidationException',
      message: 'ScheduleExpression is supported only on the default event bus.',
    });
    // An empty expression is none (AWS accepted it with a pattern from the Step Functions tests' events_to_sqs_queue fixture).
    const patterned = fresh('patterned');
    await context.events.send(new PutRuleCommand({ Name: patterned, ScheduleExpression: '', EventPattern: '{"source": ["shop"]}' }));
    assert.equal((await context.events.send(new DescribeRuleCommand({ Name: patterned }))).ScheduleExpression, undefined);
  });

  it('manages rules and targets with AWS errors and limits', async () => {
    const bus = fresh('bus');
    await context.events.send(new CreateEventBusCommand({ Name: bus }));
    const rule = fresh('rule');
    const { RuleArn } = await context.events.send(new PutRuleCommand({ Name: rule, EventBusName: bus, EventPattern: '{"source": ["a"]}' }));
    assert.equal(RuleArn, `arn:aws:events:us-east-1:${ACCOUNT}:rule/${bus}/${rule}`);
    const described = await context.events.send(new DescribeRuleCommand({ Name: rule, EventBusName: bus }));
    assert.deepEqual(
      [described.State, described.EventBusName, described.CreatedBy, described.EventPattern],
      ['ENABLED', bus, ACCOUNT, '{"source": ["a"]}'],
    );
    await assert.rejects(context.events.send(new DescribeRuleCommand({ Name: rule })), {
      name: 'ResourceNotFoundException',
      message: `Rule ${rule} does not exist on EventBus default.`,
    });
    const targets = Array.from({ length: 5 }, (_, i) => ({ Id: `t${i}`, Arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:q${i}` }));
    await context.events.send(new PutTargetsCommand({ Rule: rule, EventBusName: bus, Targets: targets }));
    await assert.rejects(
      context.events.send(new PutTargetsCommand({ Rule: rule, EventBusName: bus, Targets: [{ Id: 'sixth', Arn: targets[0].Arn }] })),
      { name: 'LimitExceededException', message: 'The requested resource exceeds the maximum number allowed.' },
    );
    await assert.rejects(
      context.events.send(new PutTargetsCommand({ Rule: rule, EventBusName: bus, Targets: [{ Id: '!@#$@!#$', Arn: targets[0].Arn }] })),
      {
        name: 'ValidationException',
        message: "1 validation error detected: Value '!@#$@!#$' at 'targets.1.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
      },
    );
    const page = await context.events.send(new ListTargetsByRuleCommand({ Rule: rule, EventBusName: bus, Limit: 3 }));
    assert.deepEqual(page.Targets!.map((t) => t.Id), ['t0', 't1', 't2']);
    const rest = await context.events.send(new ListTargetsByRuleCommand({ Rule: rule, EventBusName: bus, NextToken: page.NextToken }));
    assert.deepEqual(rest.Targets!.map((t) => t.Id), ['t3', 't4']);
    const byTarget = await context.events.send(new ListRuleNamesByTargetCommand({ TargetArn: targets[0].Arn, EventBusName: bus }));
    assert.deepEqual(byTarget.RuleNames, [rule]);
    await assert.rejects(context.events.send(new DeleteRuleCommand({ Name: rule, EventBusName: bus })), {
      name: 'ValidationException',
      message: "Rule can't be deleted since it has targets.",
    });
    await context.events.send(new RemoveTargetsCommand({ Rule: rule, EventBusName: bus, Ids: targets.map((t) => t.Id) }));
    await context.events.send(new DeleteRuleCommand({ Name: rule, EventBusName: bus }));
    assert.deepEqual((await context.events.send(new ListRulesCommand({ EventBusName: bus }))).Rules, []);
    await assert.rejects(context.events.send(new PutRuleCommand({ Name: 'x', EventPattern: '{"int": 42}' })), {
      name: 'InvalidEventPatternException',
      message: 'Event pattern is not valid. Reason: "int" must be an object or an array\n at [Source: (String)"{"int": 42}"; line: 1, column: 11]',
    });
  });

  it('tags buses and rules', async () => {
    const rule = fresh('rule');
    const { RuleArn } = await context.events.send(new PutRuleCommand({ Name: rule, EventPattern: '{"source": ["a"]}', Tags: [{ Key: 'a', Value: '1' }] }));
    await context.events.send(new TagResourceCommand({ ResourceARN: RuleArn, Tags: [{ Key: 'b', Value: '2' }] }));
    assert.deepEqual((await context.events.send(new ListTagsForResourceCommand({ ResourceARN: RuleArn }))).Tags, [
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
    ]);
    await assert.rejects(context.events.send(new ListTagsForResourceCommand({ ResourceARN: `arn:aws:events:us-east-1:${ACCOUNT}:rule/nope` })), {
      name: 'ResourceNotFoundException',
      message: 'Rule nope does not exist on EventBus default.',
    });
  });

  it('keeps bus policies and lets another account put events only when the policy allows it', async () => {
    const bus = fresh('bus');
    const { EventBusArn } = await context.events.send(new CreateEventBusCommand({ Name: bus }));
    const { url, arn } = await queue();
    const rule = fresh('rule');
    await context.events.send(new PutRuleCommand({ Name: rule, EventBusName: bus, EventPattern: '{"source": ["other-account"]}' }));
    await context.events.send(new PutTargetsCommand({ Rule: rule, EventBusName: bus, Targets: [{ Id: 't', Arn: arn }] }));
    const { EventBridgeClient } = await import('@aws-sdk/client-eventbridge');
    const other = new EventBridgeClient({
      endpoint: context.aws.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' },
    });
    const entry = { Source: 'other-account', DetailType: 'd', Detail: '{}', EventBusName: EventBusArn };
    const denied = await other.send(new PutEventsCommand({ Entries: [entry] }));
    assert.equal(denied.FailedEntryCount, 1);
    await context.events.send(new PutPermissionCommand({ EventBusName: bus, Action: 'events:PutEvents', Principal: '111111111111', StatementId: 'allow-other' }));
    const policy = JSON.parse((await context.events.send(new DescribeEventBusCommand({ Name: bus }))).Policy!);
    assert.deepEqual(policy.Statement, [
      { Sid: 'allow-other', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'events:PutEvents', Resource: EventBusArn },
    ]);
    assert.equal((await other.send(new PutEventsCommand({ Entries: [entry] }))).FailedEntryCount, 0);
    const [event] = (await receiveBodies(context.sqs, url, 1)).map((b) => JSON.parse(b));
    assert.equal(event.source, 'other-account');
    other.destroy();
    await assert.rejects(context.events.send(new RemovePermissionCommand({ EventBusName: bus, StatementId: 'nope' })), {
      name: 'ResourceNotFoundException',
      message: 'Statement with the provided id does not exist.',
    });
  });

  it('archives events and replays them with the replay name', async () => {
    const bus = fresh('bus');
    const { EventBusArn } = await context.events.send(new CreateEventBusCommand({ Name: bus }));
    const archive = fresh('archive');
    const { ArchiveArn } = await context.events.send(new CreateArchiveCommand({ ArchiveName: archive, EventSourceArn: EventBusArn, RetentionDays: 1 }));
    await assert.rejects(context.events.send(new UpdateArchiveCommand({ ArchiveName: archive })), {
      name: 'ValidationException',
      message: 'At least one of EventPattern, RetentionDays or Description must be provided.',
    });
    const start = context.aws.emulator.clock.date();
    await put({ Source: 'archived', DetailType: 'd', Detail: JSON.stringify(DETAIL), EventBusName: bus });
    const { url, arn } = await queue();
    const rule = fresh('rule');
    await context.events.send(new PutRuleCommand({ Name: rule, EventBusName: bus, EventPattern: '{"source": ["archived"]}' }));
    await context.events.send(new PutTargetsCommand({ Rule: rule, EventBusName: bus, Targets: [{ Id: 't', Arn: arn }] }));
    const replay = fresh('replay');
    const end = new Date(context.aws.emulator.clock.now() + 1000);
    await assert.rejects(
      context.events.send(
        new StartReplayCommand({ ReplayName: replay, EventSourceArn: ArchiveArn, EventStartTime: end, EventEndTime: start, Destination: { Arn: EventBusArn } }),
      ),
      { name: 'ValidationException', message: 'Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.' },
    );
    const started = await context.events.send(
      new StartReplayCommand({ ReplayName: replay, EventSourceArn: ArchiveArn, EventStartTime: start, EventEndTime: end, Destination: { Arn: EventBusArn } }),
    );
    assert.equal(started.State, 'STARTING');
    const [event] = (await receiveBodies(context.sqs, url, 1)).map((b) => JSON.parse(b));
    assert.deepEqual(Object.keys(event), ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'replay-name', 'resources', 'detail']);
    assert.equal(event['replay-name'], replay);
    assert.equal((await context.events.send(new DescribeReplayCommand({ ReplayName: replay }))).State, 'COMPLETED');
  });
});
