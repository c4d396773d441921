import assert from 'node:assert/strict';
import {
  CloudControlClient,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourcesCommand,
  UpdateResourceCommand,
} from '@aws-sdk/client-cloudcontrol';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { expectError } from '../support/aws-error.ts';
import { CLIENT_CONFIG, serveCloudFormation } from './serve.ts';

describe('Cloud Control API over the CloudFormation resource types', function () {
  this.timeout(30_000);
  let cc: CloudControlClient;
  let sqs: SQSClient;
  serveCloudFormation((aws) => {
    cc = new CloudControlClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    sqs = new SQSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });

  it('creates, reads, patches, lists and deletes a queue', async () => {
    const { ProgressEvent } = await cc.send(new CreateResourceCommand({ TypeName: 'AWS::SQS::Queue', DesiredState: JSON.stringify({ QueueName: 'cc-queue', DelaySeconds: 2 }) }));
    assert.equal(ProgressEvent!.OperationStatus, 'SUCCESS');
    const url = ProgressEvent!.Identifier!;
    assert.match(url, /\/000000000000\/cc-queue$/);
    const status = await cc.send(new GetResourceRequestStatusCommand({ RequestToken: ProgressEvent!.RequestToken }));
    assert.equal(status.ProgressEvent!.Operation, 'CREATE');
    const got = await cc.send(new GetResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: url }));
    // The queue as SQS has it now (read back through the type), with the schema's types.
    assert.deepEqual(JSON.parse(got.ResourceDescription!.Properties!), {
      QueueName: 'cc-queue',
      DelaySeconds: 2,
      MaximumMessageSize: 1048576,
      MessageRetentionPeriod: 345600,
      ReceiveMessageWaitTimeSeconds: 0,
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 30,
      Arn: 'arn:aws:sqs:us-east-1:000000000000:cc-queue',
      QueueUrl: url,
    });
    const patched = await cc.send(new UpdateResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: url, PatchDocument: JSON.stringify([{ op: 'replace', path: '/DelaySeconds', value: 7 }]) }));
    assert.equal(patched.ProgressEvent!.OperationStatus, 'SUCCESS');
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['DelaySeconds'] }));
    assert.equal(Attributes!.DelaySeconds, '7');
    const renamed = await cc.send(new UpdateResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: url, PatchDocument: JSON.stringify([{ op: 'replace', path: '/QueueName', value: 'other' }]) }));
    assert.equal(renamed.ProgressEvent!.OperationStatus, 'FAILED');
    const list = await cc.send(new ListResourcesCommand({ TypeName: 'AWS::SQS::Queue' }));
    assert.deepEqual(list.ResourceDescriptions!.map((r) => r.Identifier), [url]);
    const deleted = await cc.send(new DeleteResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: url }));
    assert.equal(deleted.ProgressEvent!.OperationStatus, 'SUCCESS');
    await assert.rejects(sqs.send(new GetQueueAttributesCommand({ QueueUrl: url })), { name: 'QueueDoesNotExist' });
    await assert.rejects(cc.send(new GetResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: url })), expectError('ResourceNotFoundException', 400));
    await assert.rejects(cc.send(new CreateResourceCommand({ TypeName: 'AWS::Nope::Thing', DesiredState: '{}' })), expectError('TypeNotFoundException', 400));
  });

  it('reads, updates and deletes resources it did not create, through each type\'s read handler', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'made-by-sqs', Attributes: { VisibilityTimeout: '45' } }));
    const got = await cc.send(new GetResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: QueueUrl }));
    const model = JSON.parse(got.ResourceDescription!.Properties!);
    assert.equal(model.VisibilityTimeout, 45);
    assert.equal(model.Arn, 'arn:aws:sqs:us-east-1:000000000000:made-by-sqs');
    const patched = await cc.send(new UpdateResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: QueueUrl, PatchDocument: JSON.stringify([{ op: 'replace', path: '/VisibilityTimeout', value: 60 }]) }));
    assert.equal(patched.ProgressEvent!.OperationStatus, 'SUCCESS');
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout'] }));
    assert.equal(Attributes!.VisibilityTimeout, '60');
    assert.equal((await cc.send(new DeleteResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: QueueUrl }))).ProgressEvent!.OperationStatus, 'SUCCESS');
    await assert.rejects(sqs.send(new GetQueueAttributesCommand({ QueueUrl })), { name: 'QueueDoesNotExist' });
    await assert.rejects(cc.send(new GetResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: QueueUrl })), expectError('ResourceNotFoundException', 400));
  });

  it('reports a failing service call in the progress event', async () => {
    const { ProgressEvent } = await cc.send(new CreateResourceCommand({ TypeName: 'AWS::SQS::Queue', DesiredState: JSON.stringify({ DelaySeconds: 9999 }) }));
    assert.equal(ProgressEvent!.OperationStatus, 'FAILED');
    assert.equal(ProgressEvent!.ErrorCode, 'InvalidRequest');
  });
});
