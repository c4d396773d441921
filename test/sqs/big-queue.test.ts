import assert from 'node:assert/strict';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  type MessageSystemAttributeName,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { serveSqs } from './serve.ts';

/**
 * Deep queues, through the AWS SDK v3. Expectations follow the SQS developer guide: a received message stays
 * invisible until its visibility timeout ends or is changed to 0, DeleteMessage removes it for good; FIFO queues
 * deliver each message once, in send order within its group, and hold back a group while a message of it is in
 * flight. Sizes are bounded so that the file stays fast; no timing is asserted.
 */
describe('SQS with deep queues (AWS SDK v3)', function () {
  this.timeout(300_000);
  const DEPTH = 20_000;
  let sqs: SQSClient;
  serveSqs((_, client) => (sqs = client));

  /** Runs `task(0..count-1)` eight at a time. */
  async function inParallel(count: number, task: (i: number) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < count) await task(next++);
    }));
  }

  async function sendAll(url: string, count: number, group?: (n: number) => string): Promise<void> {
    await inParallel(count / 10, async (batch) => {
      const entries = Array.from({ length: 10 }, (_, j) => {
        const n = batch * 10 + j;
        return { Id: `m${j}`, MessageBody: String(n), MessageGroupId: group?.(n), MessageDeduplicationId: group ? `d${n}` : undefined };
      });
      const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
      assert.equal(out.Successful?.length, 10, JSON.stringify(out.Failed));
    });
  }

  async function receive(url: string, attributes: MessageSystemAttributeName[] = []): Promise<Message[]> {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: attributes }));
    return out.Messages ?? [];
  }

  async function deleteAll(url: string, messages: Message[]): Promise<void> {
    await inParallel(Math.ceil(messages.length / 10), async (batch) => {
      const entries = messages.slice(batch * 10, batch * 10 + 10).map((m, j) => ({ Id: `d${j}`, ReceiptHandle: m.ReceiptHandle }));
      const out = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: entries }));
      assert.equal(out.Successful?.length, entries.length, JSON.stringify(out.Failed));
    });
  }

  async function counts(url: string): Promise<number[]> {
    const names = ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] as const;
    const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [...names] }));
    return names.map((name) => Number(out.Attributes![name]));
  }

  const sorted = (bodies: string[]) => bodies.map(Number).sort((a, b) => a - b);
  const range = (count: number) => Array.from({ length: count }, (_, n) => n);

  it(`standard: ${DEPTH} messages sent in batches are each received while in flight, and deleted`, async () => {
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: `deep-${Date.now()}`, Attributes: { VisibilityTimeout: '600' } }))).QueueUrl!;
    await sendAll(url, DEPTH);
    assert.deepEqual(await counts(url), [DEPTH, 0, 0]);

    const received: Message[] = [];
    for (let batch = await receive(url); batch.length; batch = await receive(url)) received.push(...batch);
    assert.deepEqual(sorted(received.map((m) => m.Body!)), range(DEPTH), 'every message once while the others are in flight');
    assert.deepEqual(await counts(url), [0, DEPTH, 0]);

    // Half of them become visible again at once; the deep in-flight rest stays hidden.
    const returned = received.filter((m) => Number(m.Body) % 2 === 0);
    await inParallel(returned.length / 10, async (batch) => {
      const entries = returned.slice(batch * 10, batch * 10 + 10).map((m, j) => ({ Id: `v${j}`, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 }));
      const out = await sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: url, Entries: entries }));
      assert.equal(out.Successful?.length, entries.length, JSON.stringify(out.Failed));
    });
    assert.deepEqual(await counts(url), [DEPTH / 2, DEPTH / 2, 0]);
    const again: Message[] = [];
    for (let batch = await receive(url, ['ApproximateReceiveCount']); batch.length; batch = await receive(url, ['ApproximateReceiveCount'])) again.push(...batch);
    assert.deepEqual(sorted(again.map((m) => m.Body!)), sorted(returned.map((m) => m.Body!)));
    assert.ok(again.every((m) => m.Attributes!.ApproximateReceiveCount === '2'));

    // Standard queues accept any receipt handle a message was received with: the first ones for the odd half.
    await deleteAll(url, [...received.filter((m) => Number(m.Body) % 2 === 1), ...again]);
    assert.deepEqual(await counts(url), [0, 0, 0]);
    assert.deepEqual(await receive(url), []);
  });

  it('standard, 100,000 messages: single sends, receives, visibility changes and deletes move one message each', async () => {
    const depth = 100_000;
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: `deeper-${Date.now()}`, Attributes: { VisibilityTimeout: '600' } }))).QueueUrl!;
    await sendAll(url, depth);
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'one more' }));
    assert.ok(sent.MessageId);
    assert.deepEqual(await counts(url), [depth + 1, 0, 0]);

    const [message, ...others] = await receive(url, ['ApproximateReceiveCount']);
    assert.equal(others.length, 9);
    assert.equal(message.Attributes!.ApproximateReceiveCount, '1');
    assert.deepEqual(await counts(url), [depth + 1 - 10, 10, 0]);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }));
    assert.deepEqual(await counts(url), [depth + 1 - 9, 9, 0]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle }));
    await deleteAll(url, others);
    assert.deepEqual(await counts(url), [depth + 1 - 10, 0, 0]);
    // A deleted message's handle deletes nothing more (DeleteMessage succeeds for a message already deleted).
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle }));
    assert.deepEqual(await counts(url), [depth + 1 - 10, 0, 0]);
    const next = await receive(url);
    assert.equal(next.length, 10);
    assert.ok(next.every((m) => ![message, ...others].some((o) => o.MessageId === m.MessageId)), 'deleted messages are not received again');
  });

  it('FIFO: a deep queue keeps send order within each group and holds back groups in flight', async () => {
    const depth = DEPTH / 2;
    const groups = 50;
    const url = (
      await sqs.send(new CreateQueueCommand({ QueueName: `deep-${Date.now()}.fifo`, Attributes: { FifoQueue: 'true', VisibilityTimeout: '600' } }))
    ).QueueUrl!;
    // Batches are sent in parallel, so each group's send order is its sequence numbers' order, not its bodies'.
    await sendAll(url, depth, (n) => `g${n % groups}`);
    assert.deepEqual(await counts(url), [depth, 0, 0]);

    const delivered = new Map<string, { body: string; sequence: bigint }[]>();
    let total = 0;
    const groupOf = (m: Message) => m.Attributes!.MessageGroupId!;
    // Two batches at a time: the one still in flight, and the next receive, which must skip its groups.
    for (let inFlight: Message[] = []; ; ) {
      const next = await receive(url, ['All']);
      const held = new Set(inFlight.map(groupOf));
      assert.ok(next.every((m) => !held.has(groupOf(m))), 'no message of a group with messages in flight');
      for (const m of inFlight) {
        const list = delivered.get(groupOf(m)) ?? [];
        list.push({ body: m.Body!, sequence: BigInt(m.Attributes!.SequenceNumber!) });
        delivered.set(groupOf(m), list);
        total += 1;
      }
      await deleteAll(url, inFlight);
      if (!next.length && !inFlight.length) break;
      inFlight = next;
    }
    assert.equal(total, depth);
    assert.equal(delivered.size, groups);
    for (const [group, list] of delivered) {
      const sequences = list.map((m) => m.sequence);
      assert.deepEqual(sequences, [...sequences].sort((a, b) => (a < b ? -1 : 1)), `${group} in send order`);
      assert.ok(list.every((m) => `g${Number(m.body) % groups}` === group));
    }
    const bodies = [...delivered.values()].flat().map((m) => m.body);
    assert.deepEqual(sorted(bodies), range(depth), 'each message exactly once');
    assert.deepEqual(await counts(url), [0, 0, 0]);
  });
});
