import assert from 'node:assert/strict';
import {
  AddPermissionCommand,
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type QueueAttributeName,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

describe('SQS exactness', function () {
  this.timeout(20_000);
  let aws: Twinstack;
  let sqs: SQSClient;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs'] });
    sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  });
  after(async () => {
    sqs.destroy();
    await aws.stop();
  });
  const create = async (QueueName: string) => (await sqs.send(new CreateQueueCommand({ QueueName }))).QueueUrl!;

  it('returns RedrivePolicy as canonical JSON with a numeric maxReceiveCount, however it was sent', async () => {
    const dlq = await create('exact-dlq');
    const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const source = await create('exact-source');
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: source, Attributes: { RedrivePolicy: `{ "maxReceiveCount" : "5",\n "deadLetterTargetArn": "${dlqArn}" }` } }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: source, AttributeNames: ['RedrivePolicy'] }));
    assert.equal(Attributes!.RedrivePolicy, JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }));
  });

  it('AddPermission refuses actions only the queue owner may call', async () => {
    const url = await create('exact-permissions');
    for (const action of ['RemovePermission', 'CreateQueue', 'SetQueueAttributes']) {
      await assert.rejects(sqs.send(new AddPermissionCommand({ QueueUrl: url, Label: 'l', AWSAccountIds: ['123456789012'], Actions: ['SendMessage', action] })), {
        name: 'InvalidParameterValue',
        message: `Value SQS:${action} for parameter ActionName is invalid. Reason: Only the queue owner is allowed to invoke this action.`,
      });
    }
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }));
    assert.equal(Attributes?.Policy, undefined, 'nothing was granted');
  });

  it('a FIFO queue keeps deduplicating by the DeduplicationScope it was created with, whatever it is set to later', async () => {
    const bodies = async (QueueUrl: string) => ((await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }))).Messages ?? []).map((m) => m.Body);
    const send = (QueueUrl: string, MessageBody: string, MessageGroupId: string) => sqs.send(new SendMessageCommand({ QueueUrl, MessageBody, MessageGroupId, MessageDeduplicationId: 'same' }));
    const byQueue = (await sqs.send(new CreateQueueCommand({ QueueName: 'scope-queue.fifo', Attributes: { FifoQueue: 'true', DeduplicationScope: 'queue' } }))).QueueUrl!;
    await send(byQueue, 'one', 'g1');
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: byQueue, Attributes: { DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' } }));
    const shown = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: byQueue, AttributeNames: ['DeduplicationScope'] }));
    assert.equal(shown.Attributes!.DeduplicationScope, 'messageGroup');
    await send(byQueue, 'two', 'g2');
    assert.deepEqual(await bodies(byQueue), ['one']);

    const byGroup = (await sqs.send(new CreateQueueCommand({ QueueName: 'scope-group.fifo', Attributes: { FifoQueue: 'true', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' } }))).QueueUrl!;
    await send(byGroup, 'one', 'g1');
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: byGroup, Attributes: { DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue' } }));
    await send(byGroup, 'two', 'g2');
    assert.deepEqual((await bodies(byGroup)).sort(), ['one', 'two']);
  });

  it('clearing KmsMasterKeyId drops KmsDataKeyReusePeriodSeconds too, even one set in the same call', async () => {
    const url = await create('exact-kms');
    const kms = async () => (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes!;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { KmsMasterKeyId: 'testKeyId', KmsDataKeyReusePeriodSeconds: '6000' } }));
    const set = await kms();
    assert.deepEqual([set.KmsMasterKeyId, set.KmsDataKeyReusePeriodSeconds, set.SqsManagedSseEnabled], ['testKeyId', '6000', 'false']);
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { KmsMasterKeyId: '', KmsDataKeyReusePeriodSeconds: '300' } }));
    const cleared = await kms();
    assert.deepEqual([cleared.KmsMasterKeyId, cleared.KmsDataKeyReusePeriodSeconds, cleared.SqsManagedSseEnabled], [undefined, undefined, 'false']);
  });

  it('ReceiveMessage with both attribute lists: over query AttributeName.N is the list, over JSON the lists add up', async () => {
    const url = await create('exact-attribute-lists');
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '0' } }));
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'msg' }));
    // The SDK types the legacy list as queue attribute names; AWS takes message system attribute names in it.
    const legacy = ['SenderId'] as unknown as QueueAttributeName[];
    const json = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, AttributeNames: legacy, MessageSystemAttributeNames: ['All'] }));
    assert.deepEqual(Object.keys(json.Messages![0].Attributes!).sort(), ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp']);
    const form = new URLSearchParams({ Action: 'ReceiveMessage', Version: '2012-11-05', QueueUrl: url, 'AttributeName.1': 'SenderId', 'MessageSystemAttributeName.1': 'All' });
    const query = await (await fetch(aws.endpoint, { method: 'POST', body: form })).text();
    assert.deepEqual([...query.matchAll(/<Attribute><Name>(\w+)<\/Name>/g)].map((m) => m[1]), ['SenderId']);
  });
});
