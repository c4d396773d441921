import assert from 'node:assert/strict';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Test suites often start several emulators in one process: stopping one must not touch another's background work.
describe('two emulators in one process', () => {
  let a: Twinstack;
  let b: Twinstack;
  before(async () => {
    [a, b] = await Promise.all([startTwinstack({ port: 0, services: ['sqs'] }), startTwinstack({ port: 0, services: ['sqs'] })]);
  });
  after(() => a.stop());

  it("stopping one does not end the other's long polls", async () => {
    const sqs = new SQSClient({ endpoint: a.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'long-poll' }));
    const receiving = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
    await b.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'still waiting' }));
    const received = await receiving;
    assert.equal(received.Messages?.[0]?.Body, 'still waiting');
    sqs.destroy();
  });
});
