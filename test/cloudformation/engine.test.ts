import assert from 'node:assert/strict';
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  UpdateStackCommand,
  waitUntilStackCreateComplete,
} from '@aws-sdk/client-cloudformation';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

describe('CloudFormation engine through the AWS SDK v3', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let sqs: SQSClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
    sqs = new SQSClient({ endpoint: a.endpoint, ...CLIENT_CONFIG });
  });

  it("restores CloudFormation's defaults when an update drops a queue's properties (MaximumMessageSize 262144, as AWS's recording shows)", async () => {
    const queue = (properties: object) => JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: properties } }, Outputs: { Url: { Value: { Ref: 'Q' } } } });
    await cfn.send(new CreateStackCommand({ StackName: 'dropped', TemplateBody: queue({}) }));
    const url = (await settled(cfn, 'dropped')).Outputs![0].OutputValue!;
    const size = async () => (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['MaximumMessageSize', 'VisibilityTimeout'] }))).Attributes;
    assert.deepEqual(await size(), { MaximumMessageSize: '1048576', VisibilityTimeout: '30' });
    await cfn.send(new UpdateStackCommand({ StackName: 'dropped', TemplateBody: queue({ MaximumMessageSize: 4321, VisibilityTimeout: 31 }) }));
    assert.equal((await settled(cfn, 'dropped')).StackStatus, 'UPDATE_COMPLETE');
    assert.deepEqual(await size(), { MaximumMessageSize: '4321', VisibilityTimeout: '31' });
    await cfn.send(new UpdateStackCommand({ StackName: 'dropped', TemplateBody: queue({}) }));
    assert.equal((await settled(cfn, 'dropped')).StackStatus, 'UPDATE_COMPLETE');
    assert.deepEqual(await size(), { MaximumMessageSize: '262144', VisibilityTimeout: '30' });
  });

  it('creates a queue and its dead-letter queue in dependency order, with outputs, and deletes them', async () => {
    const template = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Retention: { Type: Number, Default: 600 }
Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Work:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: !Ref Retention
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: 3
Outputs:
  WorkUrl: { Value: !Ref Work }
  DlqArn: { Value: !GetAtt Dlq.Arn, Export: { Name: !Sub '\${AWS::StackName}-dlq' } }
`;
    const { StackId } = await cfn.send(new CreateStackCommand({ StackName: 'queues', TemplateBody: template }));
    assert.match(StackId!, /^arn:aws:cloudformation:us-east-1:000000000000:stack\/queues\/[0-9a-f-]{36}$/);
    await waitUntilStackCreateComplete({ client: cfn, maxWaitTime: 20, minDelay: 1 }, { StackName: 'queues' });
    const stack = await settled(cfn, 'queues');
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE');
    const url = stack.Outputs!.find((o) => o.OutputKey === 'WorkUrl')!.OutputValue!;
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    assert.equal(Attributes!.MessageRetentionPeriod, '600');
    const dlqArn = stack.Outputs!.find((o) => o.OutputKey === 'DlqArn')!;
    assert.equal(JSON.parse(Attributes!.RedrivePolicy!).deadLetterTargetArn, dlqArn.OutputValue);
    assert.equal(dlqArn.ExportName, 'queues-dlq');
    assert.match(url, /\/000000000000\/queues-Work-[A-Z0-9]{12}$/);

    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'queues' }));
    const order = StackEvents!.reverse().map((e) => `${e.LogicalResourceId}:${e.ResourceStatus}`);
    assert.deepEqual(order, [
      'queues:CREATE_IN_PROGRESS',
      'Dlq:CREATE_IN_PROGRESS',
      'Dlq:CREATE_IN_PROGRESS',
      'Dlq:CREATE_COMPLETE',
      'Work:CREATE_IN_PROGRESS',
      'Work:CREATE_IN_PROGRESS',
      'Work:CREATE_COMPLETE',
      'queues:CREATE_COMPLETE',
    ]);

    await cfn.send(new UpdateStackCommand({ StackName: 'queues', UsePreviousTemplate: true, Parameters: [{ ParameterKey: 'Retention', ParameterValue: '900' }] }));
    assert.equal((await settled(cfn, 'queues')).StackStatus, 'UPDATE_COMPLETE');
    const updated = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['MessageRetentionPeriod'] }));
    assert.equal(updated.Attributes!.MessageRetentionPeriod, '900');

    await cfn.send(new DeleteStackCommand({ StackName: StackId }));
    assert.equal((await settled(cfn, StackId!)).StackStatus, 'DELETE_COMPLETE');
    await assert.rejects(sqs.send(new GetQueueAttributesCommand({ QueueUrl: url })), { name: 'QueueDoesNotExist' });
    await assert.rejects(cfn.send(new DescribeStackResourcesCommand({ StackName: 'queues' })), { name: 'ValidationError', message: 'Stack with id queues does not exist' });
    void aws;
  });
});

describe('CloudFormation state export and import', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('restores stacks, their resources and exports from an exported state', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'kept', TemplateBody: JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } }, Outputs: { U: { Value: { Ref: 'Q' }, Export: { Name: 'kept-url' } } } }) }));
    const before = await settled(cfn, 'kept');
    const saved = await aws.exportState();
    await aws.reset();
    await assert.rejects(cfn.send(new DescribeStackResourcesCommand({ StackName: 'kept' })), { name: 'ValidationError' });
    await aws.importState(saved);
    const after = await settled(cfn, 'kept');
    assert.deepEqual(after, before);
    const { StackResources } = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'kept' }));
    assert.equal(StackResources![0].PhysicalResourceId, before.Outputs![0].OutputValue);
  });
});
