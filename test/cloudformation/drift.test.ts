import assert from 'node:assert/strict';
import {
  CreateStackCommand,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand,
  DescribeStacksCommand,
  DetectStackDriftCommand,
  DetectStackResourceDriftCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DeleteParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

const TEMPLATE = `
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: 60, DelaySeconds: 5 }
  Setting:
    Type: AWS::SSM::Parameter
    Properties: { Type: String, Value: blue }
  Handle:
    Type: AWS::CloudFormation::WaitConditionHandle
`;

describe('CloudFormation: drift detection against the live resources', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('finds a stack in sync, then a modified queue and a deleted parameter, with AWS\'s property differences', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'drifty', TemplateBody: TEMPLATE }));
    const stack = await settled(cfn, 'drifty');
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE');
    assert.deepEqual(stack.DriftInformation, { StackDriftStatus: 'NOT_CHECKED' });

    const first = await cfn.send(new DetectStackDriftCommand({ StackName: 'drifty' }));
    const status = await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: first.StackDriftDetectionId }));
    assert.deepEqual([status.DetectionStatus, status.StackDriftStatus, status.DriftedStackResourceCount], ['DETECTION_COMPLETE', 'IN_SYNC', 0]);

    const sqs = new SQSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const ssm = new SSMClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const queueUrl = (await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'drifty', LogicalResourceId: 'Queue' }))).StackResourceDrift!.PhysicalResourceId!;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { VisibilityTimeout: '90' } }));
    const parameter = (await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'drifty', LogicalResourceId: 'Setting' }))).StackResourceDrift!.PhysicalResourceId!;
    await ssm.send(new DeleteParameterCommand({ Name: parameter }));

    const second = await cfn.send(new DetectStackDriftCommand({ StackName: 'drifty' }));
    const drifted = await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: second.StackDriftDetectionId }));
    assert.deepEqual([drifted.StackDriftStatus, drifted.DriftedStackResourceCount], ['DRIFTED', 2]);
    const { StackResourceDrifts } = await cfn.send(new DescribeStackResourceDriftsCommand({ StackName: 'drifty' }));
    const byId = Object.fromEntries(StackResourceDrifts!.map((d) => [d.LogicalResourceId!, d]));
    assert.equal(byId.Queue.StackResourceDriftStatus, 'MODIFIED');
    assert.deepEqual(byId.Queue.PropertyDifferences, [{ PropertyPath: '/VisibilityTimeout', ExpectedValue: '60', ActualValue: '90', DifferenceType: 'NOT_EQUAL' }]);
    assert.equal(byId.Setting.StackResourceDriftStatus, 'DELETED');
    // AWS does not check wait condition handles for drift.
    assert.equal(byId.Handle.StackResourceDriftStatus, 'NOT_CHECKED');
    const modifiedOnly = await cfn.send(new DescribeStackResourceDriftsCommand({ StackName: 'drifty', StackResourceDriftStatusFilters: ['MODIFIED'] }));
    assert.deepEqual(modifiedOnly.StackResourceDrifts!.map((d) => d.LogicalResourceId), ['Queue']);
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'drifty' }));
    assert.equal(Stacks![0].DriftInformation!.StackDriftStatus, 'DRIFTED');
    for (const client of [sqs, ssm]) client.destroy();
  });
});
