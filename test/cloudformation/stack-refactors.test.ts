import assert from 'node:assert/strict';
import {
  CreateStackCommand,
  CreateStackRefactorCommand,
  DescribeStackRefactorCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ExecuteStackRefactorCommand,
  ListStackRefactorActionsCommand,
  ListStackRefactorsCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

const queue = { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 40 } };
const setting = { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'kept' } };

describe('CloudFormation: stack refactors move resources between stacks', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('moves a queue into a new stack under a new logical id, leaving the queue itself untouched', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'monolith', TemplateBody: JSON.stringify({ Resources: { Queue: queue, Setting: setting }, Outputs: { Url: { Value: { Ref: 'Queue' } } } }) }));
    await settled(cfn, 'monolith');
    const before = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'monolith', LogicalResourceId: 'Queue' }));
    const queueUrl = before.StackResources![0].PhysicalResourceId!;

    const { StackRefactorId } = await cfn.send(
      new CreateStackRefactorCommand({
        Description: 'split the queue out',
        EnableStackCreation: true,
        StackDefinitions: [
          { StackName: 'monolith', TemplateBody: JSON.stringify({ Resources: { Setting: setting } }) },
          { StackName: 'queues', TemplateBody: JSON.stringify({ Resources: { Jobs: queue }, Outputs: { Url: { Value: { Ref: 'Jobs' } } } }) },
        ],
        ResourceMappings: [{ Source: { StackName: 'monolith', LogicalResourceId: 'Queue' }, Destination: { StackName: 'queues', LogicalResourceId: 'Jobs' } }],
      }),
    );
    const described = await cfn.send(new DescribeStackRefactorCommand({ StackRefactorId }));
    assert.deepEqual([described.Status, described.ExecutionStatus, described.Description, described.StackIds!.length], ['CREATE_COMPLETE', 'AVAILABLE', 'split the queue out', 2]);
    const { StackRefactorActions } = await cfn.send(new ListStackRefactorActionsCommand({ StackRefactorId }));
    assert.deepEqual(StackRefactorActions!.map((a) => [a.Action, a.Entity, a.Detection, a.PhysicalResourceId]), [
      ['CREATE', 'STACK', 'AUTO', undefined],
      ['MOVE', 'RESOURCE', 'MANUAL', queueUrl],
    ]);

    await cfn.send(new ExecuteStackRefactorCommand({ StackRefactorId }));
    assert.equal((await cfn.send(new DescribeStackRefactorCommand({ StackRefactorId }))).ExecutionStatus, 'EXECUTE_COMPLETE');
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'queues' }));
    assert.deepEqual([Stacks![0].StackStatus, Stacks![0].StackId, Stacks![0].Outputs], ['CREATE_COMPLETE', described.StackIds![1], [{ OutputKey: 'Url', OutputValue: queueUrl }]]);
    const moved = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'queues' }));
    assert.deepEqual(moved.StackResources!.map((r) => [r.LogicalResourceId, r.PhysicalResourceId]), [['Jobs', queueUrl]]);
    const left = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'monolith' }));
    assert.deepEqual(left.StackResources!.map((r) => r.LogicalResourceId), ['Setting']);
    assert.equal((await cfn.send(new DescribeStacksCommand({ StackName: 'monolith' }))).Stacks![0].StackStatus, 'UPDATE_COMPLETE');

    const sqs = new SQSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['VisibilityTimeout'] }));
    sqs.destroy();
    assert.equal(Attributes!.VisibilityTimeout, '40');

    const again = await rejection(cfn.send(new ExecuteStackRefactorCommand({ StackRefactorId })));
    assert.equal(again.name, 'ValidationError');
    const listed = await cfn.send(new ListStackRefactorsCommand({ ExecutionStatusFilter: ['EXECUTE_COMPLETE'] }));
    assert.deepEqual(listed.StackRefactorSummaries!.map((r) => r.StackRefactorId), [StackRefactorId]);
  });

  it('refuses to create or drop resources in a refactor', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'steady', TemplateBody: JSON.stringify({ Resources: { Setting: setting } }) }));
    await settled(cfn, 'steady');
    const { StackRefactorId } = await cfn.send(new CreateStackRefactorCommand({ StackDefinitions: [{ StackName: 'steady', TemplateBody: JSON.stringify({ Resources: { Setting: setting, Extra: queue } }) }] }));
    const failed = await cfn.send(new DescribeStackRefactorCommand({ StackRefactorId }));
    assert.deepEqual([failed.Status, failed.ExecutionStatus], ['CREATE_FAILED', 'UNAVAILABLE']);
    assert.match(failed.StatusReason!, /Extra/);
    const missing = await rejection(cfn.send(new CreateStackRefactorCommand({ StackDefinitions: [{ StackName: 'nowhere', TemplateBody: JSON.stringify({ Resources: { Setting: setting } }) }] })));
    assert.equal(missing.message, 'Stack [nowhere] does not exist');
    const unknown = await rejection(cfn.send(new DescribeStackRefactorCommand({ StackRefactorId: 'arn:aws:cloudformation:us-east-1:000000000000:stackRefactor/none' })));
    assert.equal(unknown.name, 'StackRefactorNotFoundException');
  });
});
