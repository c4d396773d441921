import assert from 'node:assert/strict';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type FaultRule, type Twinstack } from '../../emulator/index.ts';
import { consumeOnce, type ConsumerStats } from './consumer.ts';

/** Throttling, added latency and dropped connections on the consumer's calls, drawn from a seeded sequence. */
const FAULTS: FaultRule[] = [
  { service: 'sqs', operation: 'ReceiveMessage', error: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' }, probability: 0.3 },
  { service: 'sqs', operation: 'DeleteMessage', connection: 'reset', probability: 0.2 },
  { service: 'sqs', latency: { min: 5, max: 40 } },
];

async function scenario(seed: number): Promise<{ stats: ConsumerStats; deadLetters: string[]; injected: number[] }> {
  const aws: Twinstack = await startTwinstack({ port: 0, services: ['sqs'], faultSeed: seed });
  try {
    const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 5 });
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: 'payments-dlq' }));
    const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn;
    const queue = await sqs.send(
      new CreateQueueCommand({ QueueName: 'payments', Attributes: { VisibilityTimeout: '30', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }) } }),
    );
    const bodies = ['pay-1', 'pay-2', 'pay-3', 'poison', 'pay-4', 'pay-5'];
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: queue.QueueUrl, Entries: bodies.map((b, i) => ({ Id: String(i), MessageBody: b })) }));

    aws.faults.add(FAULTS);
    const stats: ConsumerStats = { handled: [], failed: 0, retries: 0 };
    const handle = async (body: string) => {
      if (body === 'poison') throw new Error('cannot parse');
    };
    // Each round: drain what is visible, then let the visibility timeout pass on the emulator clock (no waiting).
    for (let round = 0; round < 4; round++) {
      while ((await consumeOnce(sqs, queue.QueueUrl!, handle, stats)) > 0);
      aws.advanceClock('31s');
    }
    const injected = aws.faults.list().rules.map((r) => r.injected);
    aws.faults.clear();
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.QueueUrl, MaxNumberOfMessages: 10 }));
    sqs.destroy();
    return { stats, deadLetters: (dead.Messages ?? []).map((m) => m.Body!), injected };
  } finally {
    await aws.stop();
  }
}

describe('example: a queue consumer under injected faults', function () {
  this.timeout(120_000);

  it('handles every good message once despite throttling and resets, and dead-letters the poison message', async () => {
    const { stats, deadLetters, injected } = await scenario(42);
    // A reset DeleteMessage may have deleted before the connection dropped: the SDK's retry then deletes again,
    // which SQS accepts, so nothing is handled twice here.
    assert.deepEqual([...stats.handled].sort(), ['pay-1', 'pay-2', 'pay-3', 'pay-4', 'pay-5']);
    assert.equal(stats.failed, 3, 'the poison message is received maxReceiveCount times');
    assert.deepEqual(deadLetters, ['poison']);
    assert.ok(injected[0] + injected[1] > 0, 'faults were injected');
    assert.equal(stats.retries >= injected[0], true, 'the SDK retried each throttled receive');
  });

  it('is reproducible: the same seed injects the same faults', async () => {
    const first = await scenario(7);
    const second = await scenario(7);
    assert.deepEqual(second.injected, first.injected);
    assert.deepEqual(second.stats.retries, first.stats.retries);
  });
});
