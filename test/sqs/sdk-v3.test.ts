import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  AddPermissionCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListMessageMoveTasksCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
  TagQueueCommand,
} from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { serveSqs } from './serve.ts';

// Expected values follow the SQS API reference and developer guide (limits, error codes, FIFO semantics).
describe('SQS through the AWS SDK v3 (AWS JSON 1.0)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let sqs: SQSClient;
  let n = 0;
  const name = (suffix = '') => `sdk-${Date.now().toString(36)}-${n++}${suffix}`;
  const create = async (attributes: Record<string, string> = {}, queueName = name(attributes.FifoQueue ? '.fifo' : '')) =>
    (await sqs.send(new CreateQueueCommand({ QueueName: queueName, Attributes: attributes }))).QueueUrl!;
  const arnOf = async (url: string) =>
    (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  const counts = async (url: string) =>
    (
      await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: url,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
        }),
      )
    ).Attributes;

  serveSqs((served, client) => {
    aws = served;
    sqs = client;
  });

  it('sends and receives with message attributes (the SDK verifies the MD5 digests)', async () => {
    const url = await create();
    assert.equal(url, `${aws.endpoint}/000000000000/${url.split('/').pop()}`);
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'hello ✓',
        MessageAttributes: {
          s: { DataType: 'String', StringValue: 'v' },
          n: { DataType: 'Number', StringValue: '42' },
          b: { DataType: 'Binary', BinaryValue: new Uint8Array([0, 1, 2]) },
        },
      }),
    );
    assert.equal(sent.MD5OfMessageBody, createHash('md5').update('hello ✓').digest('hex'));
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'], AttributeNames: ['All'] }));
    const message = got.Messages![0];
    assert.equal(message.Body, 'hello ✓');
    assert.equal(message.MessageId, sent.MessageId);
    assert.equal(message.MD5OfMessageAttributes, sent.MD5OfMessageAttributes);
    assert.deepEqual([...(message.MessageAttributes!.b.BinaryValue as Uint8Array)], [0, 1, 2]);
    assert.equal(message.Attributes!.ApproximateReceiveCount, '1');
    assert.deepEqual(await counts(url), { ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '1', ApproximateNumberOfMessagesDelayed: '0' });
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle }));
    assert.equal((await counts(url))!.ApproximateNumberOfMessagesNotVisible, '0');
  });

  it('reports AWS error codes, messages and statuses', async () => {
    await assert.rejects(sqs.send(new GetQueueUrlCommand({ QueueName: 'no-such-queue' })), (e: Error & { $metadata: { httpStatusCode: number } }) => {
      assert.equal(e.name, 'QueueDoesNotExist');
      assert.equal(e.message, 'The specified queue does not exist.');
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
    const url = await create();
    await assert.rejects(sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [] })), { name: 'EmptyBatchRequest' });
    await assert.rejects(
      sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: '1' }, { Id: 'a', MessageBody: '2' }] })),
      { name: 'BatchEntryIdsNotDistinct', message: 'Id a repeated.' },
    );
    await assert.rejects(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'bad \u0001' })), { name: 'InvalidMessageContents' });
    await assert.rejects(sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'garbage' })), {
      name: 'ReceiptHandleIsInvalid',
      message: 'The input receipt handle "garbage" is not a valid receipt handle.',
    });
    await assert.rejects(sqs.send(new CreateQueueCommand({ QueueName: 'bad name!' })), { name: 'InvalidParameterValue' });
    await assert.rejects(sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '43201' } })), {
      name: 'InvalidAttributeValue',
    });
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    await assert.rejects(sqs.send(new PurgeQueueCommand({ QueueUrl: url })), (e: Error & { $metadata: { httpStatusCode: number } }) => {
      assert.equal(e.name, 'PurgeQueueInProgress');
      assert.equal(e.$metadata.httpStatusCode, 403);
      return true;
    });
  });

  it('batch send reports invalid entries as Failed and the rest as Successful', async () => {
    const url = await create();
    const out = await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'ok', MessageBody: 'fine' }, { Id: 'bad', MessageBody: '\u0001' }] }),
    );
    assert.deepEqual(out.Successful!.map((s) => s.Id), ['ok']);
    assert.equal(out.Failed![0].Id, 'bad');
    assert.equal(out.Failed![0].Code, 'InvalidMessageContents');
    assert.equal(out.Failed![0].SenderFault, true);
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    const deleted = await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl: url, Entries: got.Messages!.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) }),
    );
    assert.equal(deleted.Successful!.length, 1);
  });

  it('long polling returns as soon as a message arrives or becomes visible', async () => {
    const url = await create();
    const waiting = sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
    setTimeout(() => void sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'late' })), 100);
    assert.equal((await waiting).Messages![0].Body, 'late');

    // A delayed message wakes the waiting receiver when its delay ends.
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'delayed', DelaySeconds: 1 }));
    assert.equal((await counts(url))!.ApproximateNumberOfMessagesDelayed, '1');
    const delayed = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
    assert.equal(delayed.Messages![0].Body, 'delayed');

    // An in-flight message made visible again wakes a waiting receiver.
    const again = sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: delayed.Messages![0].ReceiptHandle, VisibilityTimeout: 0 }));
    assert.equal((await again).Messages![0].Body, 'delayed');

    // Deleting the queue answers its waiting receivers.
    const orphan = sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
    assert.equal((await orphan).Messages, undefined);
  });

  it('FIFO: ordering within a group, group blocked while in flight, deduplication and sequence numbers', async () => {
    const url = await create({ FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    const send = (body: string, group: string) => sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: group }));
    const first = await send('g1-m1', 'g1');
    await send('g2-m1', 'g2');
    const second = await send('g1-m2', 'g1');
    assert.ok(BigInt(second.SequenceNumber!) > BigInt(first.SequenceNumber!));
    const duplicate = await send('g1-m1', 'g1');
    assert.equal(duplicate.MessageId, first.MessageId);
    const batch = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 2 }));
    assert.deepEqual(batch.Messages!.map((m) => m.Body), ['g1-m1', 'g1-m2']);
    const next = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    assert.deepEqual(next.Messages!.map((m) => m.Body), ['g2-m1']);
    await assert.rejects(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })), { name: 'MissingParameter', message: 'The request must contain the parameter MessageGroupId.' });
  });

  it('FIFO: a duplicate by deduplication id keeps the first message and answers with the digests of what it sent', async () => {
    const url = await create({ FifoQueue: 'true' });
    const send = (body: string, attribute: string) =>
      sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: body,
          MessageGroupId: 'g',
          MessageDeduplicationId: 'same',
          MessageAttributes: { a: { DataType: 'String', StringValue: attribute } },
        }),
      );
    const first = await send('first', 'x');
    // The SDK checks both digests against what it sent: a mismatch would reject the call.
    const duplicate = await send('second', 'y');
    assert.equal(duplicate.MessageId, first.MessageId);
    assert.equal(duplicate.MD5OfMessageBody, createHash('md5').update('second').digest('hex'));
    assert.notEqual(duplicate.MD5OfMessageAttributes, first.MD5OfMessageAttributes);
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'] }));
    assert.deepEqual(
      got.Messages!.map((m) => [m.Body, m.MessageAttributes!.a.StringValue]),
      [['first', 'x']],
    );
  });

  it('redrives to the dead-letter queue and moves messages back with a move task', async () => {
    const dlq = await create();
    const dlqArn = await arnOf(dlq);
    const source = await create({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }), VisibilityTimeout: '0' });
    await sqs.send(new SendMessageCommand({ QueueUrl: source, MessageBody: 'poison' }));
    assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl: source }))).Messages!.length, 1);
    assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl: source }))).Messages, undefined);
    const sources = await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq }));
    assert.deepEqual(sources.queueUrls, [source]);
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq, AttributeNames: ['All'], VisibilityTimeout: 0 }));
    assert.equal(dead.Messages![0].Attributes!.DeadLetterQueueSourceArn, await arnOf(source));

    await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn }));
    const moved = await sqs.send(new ReceiveMessageCommand({ QueueUrl: source, WaitTimeSeconds: 5 }));
    assert.equal(moved.Messages![0].Body, 'poison');
    const tasks = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }));
    assert.equal(tasks.Results![0].Status, 'COMPLETED');
    assert.equal(tasks.Results![0].ApproximateNumberOfMessagesMoved, 1);
  });

  it('lists queues with pagination, tags, permissions and other queue URL forms', async () => {
    const prefix = name();
    for (const i of [0, 1, 2]) await create({}, `${prefix}-${i}`);
    const page = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 2 }));
    assert.equal(page.QueueUrls!.length, 2);
    const rest = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 2, NextToken: page.NextToken }));
    assert.deepEqual(rest.QueueUrls!.map((u) => u.split('/').pop()), [`${prefix}-2`]);
    assert.equal(rest.NextToken, undefined);

    const url = await create({}, `${prefix}-tagged`);
    await sqs.send(new TagQueueCommand({ QueueUrl: url, Tags: { team: 'a' } }));
    assert.deepEqual((await sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags, { team: 'a' });
    await sqs.send(new AddPermissionCommand({ QueueUrl: url, Label: 'l', AWSAccountIds: ['123456789012'], Actions: ['SendMessage'] }));
    const policy = JSON.parse((await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }))).Attributes!.Policy!);
    assert.equal(policy.Statement[0].Principal.AWS, 'arn:aws:iam::123456789012:root');

    for (const form of [`https://sqs.us-east-1.amazonaws.com/000000000000/${prefix}-tagged`, `https://queue.amazonaws.com/000000000000/${prefix}-tagged`]) {
      await sqs.send(new SendMessageCommand({ QueueUrl: form, MessageBody: form }));
    }
    assert.equal((await counts(url))!.ApproximateNumberOfMessages, '2');
  });

  it('other services deliver through the delivery layer, as a SendMessage to the queue', async () => {
    const url = await create();
    const arn = await arnOf(url);
    const source = { servicePrincipal: 'sns.amazonaws.com', sourceArn: 'arn:aws:sns:us-east-1:000000000000:t', accountId: '000000000000', region: 'us-east-1' };
    // AWS: "If the principal is an AWS service, then the Amazon SQS queue policy must explicitly allow access", same account too.
    await assert.rejects(aws.emulator.deliver(arn, { body: 'x' }, source), { name: 'AccessDenied', message: `Access to the resource https://sqs.us-east-1.amazonaws.com/000000000000/${url.split('/').pop()} is denied.` });
    const allowFrom = (sourceArn: string) =>
      JSON.stringify({
        Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arn, Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } } }],
      });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: allowFrom('arn:aws:sns:us-east-1:000000000000:other') } }));
    await assert.rejects(aws.emulator.deliver(arn, { body: 'x' }, source), { name: 'AccessDenied' });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: allowFrom(source.sourceArn) } }));
    await aws.emulator.deliver(arn, { body: '{"from":"sns"}', attributes: { source: { DataType: 'String', StringValue: 'sns' } } }, source);
    await assert.rejects(aws.emulator.deliver(`${arn}-missing`, { body: 'x' }, source), { name: 'QueueDoesNotExist' });
    await assert.rejects(aws.emulator.deliver(arn, { body: '' }, source), { name: 'MissingParameter' });
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }));
    assert.equal(got.Messages![0].Body, '{"from":"sns"}');
    assert.equal(got.Messages![0].MessageAttributes!.source.StringValue, 'sns');
  });
});
