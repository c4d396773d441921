import assert from 'node:assert/strict';
import { createVerify } from 'node:crypto';
import {
  AddPermissionCommand,
  ConfirmSubscriptionCommand,
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListTopicsCommand,
  ListSubscriptionsByTopicCommand,
  PublishBatchCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { eventually, startReceiver } from './support.ts';

// Expected shapes follow the SNS developer guide (message and JSON formats, delivery policies, FIFO) and the
// AWS-recorded snapshots in shared/reference/aws-snapshots/sns.
describe('SNS through the AWS SDK v3 (query protocol)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let sns: SNSClient;
  let sqs: SQSClient;
  let n = 0;
  const name = (suffix = '') => `sdk-${Date.now().toString(36)}-${n++}${suffix}`;
  const client = { region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

  /** A queue whose policy lets this account's topics send to it, as AWS requires of SNS subscriptions. */
  const queue = async (fifo = false, allowTopics = true) => {
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: name(fifo ? '.fifo' : ''), Attributes: fifo ? { FifoQueue: 'true' } : {} })))
      .QueueUrl!;
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    if (allowTopics) {
      const statement = {
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: arn,
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:000000000000:*' } },
      };
      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify({ Statement: [statement] }) } }));
    }
    return { url, arn };
  };
  const receiveAll = async (url: string, expected: number) => {
    const received: { Body?: string; MessageAttributes?: Record<string, unknown> }[] = [];
    return eventually(async () => {
      for (;;) {
        const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'] }));
        if (!got.Messages?.length) break;
        received.push(...got.Messages);
        // Deleted as read, so that a FIFO queue hands out the next messages of the group.
        const entries = got.Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! }));
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: entries }));
      }
      return received.length >= expected ? received : undefined;
    });
  };
  const topic = async (attributes: Record<string, string> = {}) =>
    (await sns.send(new CreateTopicCommand({ Name: name(attributes.FifoTopic ? '.fifo' : ''), Attributes: attributes }))).TopicArn!;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sns', 'sqs'] });
    sns = new SNSClient({ ...client, endpoint: aws.endpoint });
    sqs = new SQSClient({ ...client, endpoint: aws.endpoint });
  });
  after(() => aws?.stop());

  it('creates topics idempotently with AWS default attributes', async () => {
    const topicName = name();
    const arn = (await sns.send(new CreateTopicCommand({ Name: topicName, Attributes: { DisplayName: 'one' } }))).TopicArn!;
    assert.equal(arn, `arn:aws:sns:us-east-1:000000000000:${topicName}`);
    assert.equal((await sns.send(new CreateTopicCommand({ Name: topicName }))).TopicArn, arn);
    await assert.rejects(sns.send(new CreateTopicCommand({ Name: topicName, Attributes: { DisplayName: 'two' } })), {
      name: 'InvalidParameterException',
      message: 'Invalid parameter: Attributes Reason: Topic already exists with different attributes',
    });
    const attributes = (await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes!;
    assert.equal(attributes.DisplayName, 'one');
    assert.equal(attributes.Owner, '000000000000');
    assert.equal(JSON.parse(attributes.EffectiveDeliveryPolicy!).http.defaultHealthyRetryPolicy.numRetries, 3);
    await assert.rejects(sns.send(new GetTopicAttributesCommand({ TopicArn: `${arn}x` })), { name: 'NotFoundException', message: 'Topic does not exist' });
  });

  it('fans out to several queues with filter policies and raw delivery', async () => {
    const topicArn = await topic();
    const [all, raw, filtered] = [await queue(), await queue(), await queue()];
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: all.arn }));
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: raw.arn, Attributes: { RawMessageDelivery: 'true' } }));
    await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'sqs',
        Endpoint: filtered.arn,
        Attributes: { FilterPolicy: JSON.stringify({ color: ['red', { prefix: 'bl' }], size: [{ numeric: ['>', 10] }] }) },
      }),
    );
    const attrs = (color: string, size: string) => ({
      color: { DataType: 'String', StringValue: color },
      size: { DataType: 'Number', StringValue: size },
    });
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'red-big', Subject: 'hello', MessageAttributes: attrs('red', '11') }));
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'blue-small', MessageAttributes: attrs('blue', '3') }));
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'black-big', MessageAttributes: attrs('black', '99') }));

    const everything = await receiveAll(all.url, 3);
    const envelope = JSON.parse(everything.find((m) => m.Body!.includes('red-big'))!.Body!);
    assert.deepEqual(Object.keys(envelope), [
      'Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL', 'MessageAttributes',
    ]);
    assert.equal(envelope.Type, 'Notification');
    assert.deepEqual(envelope.MessageAttributes.size, { Type: 'Number', Value: '11' });

    const rawMessages = await receiveAll(raw.url, 3);
    assert.deepEqual(rawMessages.map((m) => m.Body).sort(), ['black-big', 'blue-small', 'red-big']);
    assert.deepEqual(rawMessages[0].MessageAttributes!.color, { DataType: 'String', StringValue: (rawMessages[0].Body!.split('-')[0]) });

    const matching = await receiveAll(filtered.url, 2);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(matching.map((m) => JSON.parse(m.Body!).Message).sort(), ['black-big', 'red-big']);
  });

  it('delivers nothing to a queue whose policy does not let the topic send, as on AWS', async () => {
    const topicArn = await topic();
    const [closed, open] = [await queue(false, false), await queue()];
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: closed.arn }));
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: open.arn }));
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'policy' }));
    assert.equal((await receiveAll(open.url, 1)).length, 1);
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: closed.url, WaitTimeSeconds: 1 }));
    assert.equal(got.Messages, undefined);
  });

  it('signs notifications with a certificate the emulator serves (SignatureVersion 1 and 2)', async () => {
    for (const version of ['1', '2']) {
      const topicArn = await topic({ SignatureVersion: version });
      const q = await queue();
      await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: q.arn }));
      await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'signed', Subject: 'subject' }));
      const [message] = await receiveAll(q.url, 1);
      const doc = JSON.parse(message.Body!);
      assert.equal(doc.SignatureVersion, version);
      const certificate = await (await fetch(doc.SigningCertURL)).text();
      assert.match(certificate, /^-----BEGIN CERTIFICATE-----/);
      const canonical = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'].map((k) => `${k}\n${doc[k]}\n`).join('');
      const ok = createVerify(version === '2' ? 'RSA-SHA256' : 'RSA-SHA1').update(canonical).verify(certificate, doc.Signature, 'base64');
      assert.ok(ok, `signature version ${version} verifies`);
    }
  });

  it('keeps FIFO order per message group into a FIFO queue, deduplicating', async () => {
    const topicArn = await topic({ FifoTopic: 'true', ContentBasedDeduplication: 'true' });
    const q = await queue(true);
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } }));
    const sequence: string[] = [];
    for (let i = 0; i < 20; i++) {
      const result = await sns.send(new PublishCommand({ TopicArn: topicArn, Message: `m${i}`, MessageGroupId: 'g' }));
      sequence.push(result.SequenceNumber!);
    }
    // A duplicate within the window is answered with the first message's ids (AWS-recorded for batches too).
    const first = await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'first', MessageGroupId: 'g' }));
    const again = await sns.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: [{ Id: '1', Message: 'first', MessageGroupId: 'g' }] }));
    assert.deepEqual(again.Successful?.map((e) => [e.MessageId, e.SequenceNumber]), [[first.MessageId, first.SequenceNumber]]);
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'm0', MessageGroupId: 'g' }));
    sequence.push(first.SequenceNumber!);
    assert.deepEqual([...sequence].sort(), sequence);
    const got = await receiveAll(q.url, 21);
    assert.deepEqual(got.map((m) => m.Body), [...Array.from({ length: 20 }, (_, i) => `m${i}`), 'first']);
    await assert.rejects(sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'x' })), {
      message: 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
    });
  });

  it('publishes batches with AWS limits', async () => {
    const topicArn = await topic();
    const q = await queue();
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } }));
    const result = await sns.send(
      new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: [1, 2, 3].map((i) => ({ Id: `id${i}`, Message: `b${i}` })) }),
    );
    assert.deepEqual(result.Successful!.map((s) => s.Id), ['id1', 'id2', 'id3']);
    assert.equal((await receiveAll(q.url, 3)).length, 3);
    await assert.rejects(
      sns.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: Array.from({ length: 11 }, (_, i) => ({ Id: `i${i}`, Message: 'x' })) })),
      { name: 'TooManyEntriesInBatchRequestException' },
    );
  });

  it('enforces the 256 KiB limit on a message with its attributes, and on a whole batch (AWS-recorded errors)', async () => {
    const topicArn = await topic();
    const attrs = { attr1: { DataType: 'Number', StringValue: '1' } };
    const room = 262_144 - 'attr1Number1'.length;
    await assert.rejects(sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'a'.repeat(room + 1), MessageAttributes: attrs })), {
      message: 'Invalid parameter: Message too long',
    });
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'a'.repeat(room), MessageAttributes: attrs }));
    const entries = [
      { Id: '1', Message: 'a'.repeat(room), MessageAttributes: attrs },
      { Id: '2', Message: 'b' },
    ];
    await assert.rejects(sns.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: entries })), {
      name: 'BatchRequestTooLongException',
      message: 'The length of all the messages put together is more than the limit.',
    });
  });

  it('confirms an http subscriber through its SubscribeURL and delivers to it', async () => {
    const receiver = await startReceiver();
    try {
      const topicArn = await topic();
      const sub = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: receiver.url }));
      assert.equal(sub.SubscriptionArn, 'pending confirmation');
      const confirmation = await eventually(() => receiver.received[0]);
      assert.equal(confirmation.headers['x-amz-sns-message-type'], 'SubscriptionConfirmation');
      const doc = JSON.parse(confirmation.body);
      assert.equal(doc.Type, 'SubscriptionConfirmation');
      const confirm = await fetch(doc.SubscribeURL);
      assert.equal(confirm.status, 200);
      assert.match(await confirm.text(), /<ConfirmSubscriptionResult><SubscriptionArn>arn:aws:sns:/);
      await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'to-http' }));
      const notification = await eventually(() => receiver.received[1]);
      assert.equal(notification.headers['x-amz-sns-message-type'], 'Notification');
      assert.equal(notification.headers['content-type'], 'text/plain; charset=UTF-8');
      assert.equal(JSON.parse(notification.body).Message, 'to-http');
      const listed = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
      assert.match(listed.Subscriptions![0].SubscriptionArn!, /^arn:aws:sns:us-east-1:000000000000:/);
      await assert.rejects(sns.send(new ConfirmSubscriptionCommand({ TopicArn: topicArn, Token: 'abc123' })), { message: 'Invalid parameter: Token' });
    } finally {
      await receiver.close();
    }
  });

  it('sends to the dead-letter queue once an http endpoint keeps failing', async () => {
    const receiver = await startReceiver(() => 500);
    try {
      const topicArn = await topic();
      const dlq = await queue();
      const sub = await sns.send(
        new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: receiver.url, ReturnSubscriptionArn: true }),
      );
      const doc = JSON.parse((await eventually(() => receiver.received[0])).body);
      await sns.send(new ConfirmSubscriptionCommand({ TopicArn: topicArn, Token: doc.Token }));
      await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: sub.SubscriptionArn, AttributeName: 'RedrivePolicy', AttributeValue: JSON.stringify({ deadLetterTargetArn: dlq.arn }) }));
      await sns.send(
        new SetSubscriptionAttributesCommand({
          SubscriptionArn: sub.SubscriptionArn,
          AttributeName: 'DeliveryPolicy',
          AttributeValue: JSON.stringify({ healthyRetryPolicy: { numRetries: 2, minDelayTarget: 1, maxDelayTarget: 1 } }),
        }),
      );
      const attributes = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: sub.SubscriptionArn }))).Attributes!;
      assert.equal(attributes.PendingConfirmation, 'false');
      await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'doomed' }));
      const [dead] = await receiveAll(dlq.url, 1);
      assert.equal(JSON.parse(dead.Body!).Message, 'doomed');
      // The confirmation, then the first attempt and its two retries.
      assert.equal(receiver.received.length, 4);
    } finally {
      await receiver.close();
    }
  });

  it('keeps accounts apart: another account publishes only once the topic policy allows it', async () => {
    const as = (account: string) => new SNSClient({ region: 'us-east-1', endpoint: aws.endpoint, credentials: { accessKeyId: account, secretAccessKey: 'x' } });
    const [owner, other] = [as('111122223333'), as('444455556666')];
    const topicArn = (await owner.send(new CreateTopicCommand({ Name: name() }))).TopicArn!;
    assert.match(topicArn, /:111122223333:/);
    await assert.rejects(other.send(new PublishCommand({ TopicArn: topicArn, Message: 'x' })), {
      name: 'AuthorizationErrorException',
      message: `User: arn:aws:iam::444455556666:root is not authorized to perform: SNS:Publish on resource: ${topicArn} because no resource-based policy allows the SNS:Publish action`,
    });
    await owner.send(new AddPermissionCommand({ TopicArn: topicArn, Label: 'other', AWSAccountId: ['444455556666'], ActionName: ['Publish'] }));
    assert.match((await other.send(new PublishCommand({ TopicArn: topicArn, Message: 'x' }))).MessageId!, /^[0-9a-f-]{36}$/);
    await assert.rejects(other.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sms', Endpoint: '+15551230000' })), {
      name: 'AuthorizationErrorException',
    });
    assert.deepEqual((await other.send(new ListTopicsCommand({}))).Topics ?? [], []);
  });

  it('makes another account confirm a subscription of its queue, through a message in that queue', async () => {
    const client = (account: string) => ({ region: 'us-east-1', endpoint: aws.endpoint, credentials: { accessKeyId: account, secretAccessKey: 'x' } });
    const owner = new SNSClient(client('111122223333'));
    const [queueOwnerSns, queueOwnerSqs] = [new SNSClient(client('777788889999')), new SQSClient(client('777788889999'))];
    const topicArn = (await owner.send(new CreateTopicCommand({ Name: name() }))).TopicArn!;
    const policy = { Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*', Condition: { ArnEquals: { 'aws:SourceArn': topicArn } } }] };
    const url = (await queueOwnerSqs.send(new CreateQueueCommand({ QueueName: name(), Attributes: { Policy: JSON.stringify(policy) } }))).QueueUrl!;
    const queueArn = (await queueOwnerSqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const sub = await owner.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn }));
    assert.equal(sub.SubscriptionArn, 'pending confirmation');
    const got = await queueOwnerSqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5 }));
    const confirmation = JSON.parse(got.Messages![0].Body!);
    assert.equal(confirmation.Type, 'SubscriptionConfirmation');
    const confirmed = await queueOwnerSns.send(new ConfirmSubscriptionCommand({ TopicArn: topicArn, Token: confirmation.Token }));
    assert.match(confirmed.SubscriptionArn!, new RegExp(`^${topicArn}:`));
    await owner.send(new PublishCommand({ TopicArn: topicArn, Message: 'across accounts' }));
    const delivered = await queueOwnerSqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5, VisibilityTimeout: 0 }));
    const bodies = delivered.Messages!.map((m) => JSON.parse(m.Body!));
    assert.ok(bodies.some((b) => b.Type === 'Notification' && b.Message === 'across accounts'));
  });

  it('delivers to a queue in another region (the queue ARN names it)', async () => {
    const topicArn = await topic();
    const euSqs = new SQSClient({ ...client, region: 'eu-west-1', endpoint: aws.endpoint });
    const url = (await euSqs.send(new CreateQueueCommand({ QueueName: name() }))).QueueUrl!;
    const arn = (await euSqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    assert.match(arn, /^arn:aws:sqs:eu-west-1:/);
    const policy = { Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arn }] };
    await euSqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify(policy) } }));
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: arn, Attributes: { RawMessageDelivery: 'true' } }));
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'to europe' }));
    const got = await euSqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5 }));
    assert.equal(got.Messages?.[0].Body, 'to europe');
  });

  it('records email and SMS messages at /_twinstack/sns/messages', async () => {
    const topicArn = await topic();
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sms', Endpoint: '+15551234567' }));
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'texted' }));
    await sns.send(new PublishCommand({ PhoneNumber: '+15557654321', Message: 'direct' }));
    const { messages } = (await (await fetch(`${aws.endpoint}/_twinstack/sns/messages`)).json()) as { messages: { endpoint: string; message: string }[] };
    assert.ok(messages.some((m) => m.endpoint === '+15551234567' && m.message === 'texted'));
    assert.ok(messages.some((m) => m.endpoint === '+15557654321' && m.message === 'direct'));
    const filtered = (await (await fetch(`${aws.endpoint}/_twinstack/sns/messages?endpoint=%2B15557654321`)).json()) as { messages: unknown[] };
    assert.equal(filtered.messages.length, 1);
    const deleted = (await (await fetch(`${aws.endpoint}/_twinstack/sns/messages?endpoint=%2B15557654321`, { method: 'DELETE' })).json()) as { deleted: number };
    assert.equal(deleted.deleted, 1);
    await fetch(`${aws.endpoint}/_twinstack/reset/sns`, { method: 'POST' });
    const after = (await (await fetch(`${aws.endpoint}/_twinstack/sns/messages`)).json()) as { messages: unknown[] };
    assert.deepEqual(after.messages, []);
  });
});
