import assert from 'node:assert/strict';
import { AddPermissionCommand, CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
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
});
