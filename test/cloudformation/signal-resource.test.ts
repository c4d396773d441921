import assert from 'node:assert/strict';
import { CreateStackCommand, DescribeStackEventsCommand, DescribeStackResourceCommand, DescribeStacksCommand, SignalResourceCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { creationInitiated, serveCloudFormation, settled } from './serve.ts';

/** A wait condition that is its CreationPolicy, and a queue that waits for its own signal before it completes. */
const TEMPLATE = `
Parameters:
  Count: { Type: Number, Default: 2 }
Resources:
  Wait:
    Type: AWS::CloudFormation::WaitCondition
    CreationPolicy:
      ResourceSignal: { Count: !Ref Count, Timeout: PT1M }
  Queue:
    Type: AWS::SQS::Queue
    CreationPolicy:
      ResourceSignal: { Timeout: PT1M }
`;

describe('CloudFormation: SignalResource and CreationPolicy resource signals', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, c) => (cfn = c));

  it('completes resources once Count SUCCESS signals with distinct UniqueIds arrive, recording each signal as an event', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'signals', TemplateBody: TEMPLATE }));
    await creationInitiated(cfn, 'signals', 'Wait');
    await cfn.send(new SignalResourceCommand({ StackName: 'signals', LogicalResourceId: 'Wait', UniqueId: 'host-1', Status: 'SUCCESS' }));
    // The same UniqueId again counts once.
    await cfn.send(new SignalResourceCommand({ StackName: 'signals', LogicalResourceId: 'Wait', UniqueId: 'host-1', Status: 'SUCCESS' }));
    await new Promise((r) => setTimeout(r, 300));
    const waiting = await cfn.send(new DescribeStackResourceCommand({ StackName: 'signals', LogicalResourceId: 'Wait' }));
    assert.equal(waiting.StackResourceDetail!.ResourceStatus, 'CREATE_IN_PROGRESS');
    await cfn.send(new SignalResourceCommand({ StackName: 'signals', LogicalResourceId: 'Wait', UniqueId: 'host-2', Status: 'SUCCESS' }));
    await creationInitiated(cfn, 'signals', 'Queue');
    await cfn.send(new SignalResourceCommand({ StackName: 'signals', LogicalResourceId: 'Queue', UniqueId: 'q', Status: 'SUCCESS' }));
    assert.equal((await settled(cfn, 'signals')).StackStatus, 'CREATE_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'signals' }));
    const received = StackEvents!.filter((e) => e.ResourceStatus === 'CREATE_IN_PROGRESS' && e.ResourceStatusReason?.startsWith('Received')).map((e) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`);
    assert.deepEqual(received.reverse(), [
      'Wait: Received SUCCESS signal with UniqueId host-1',
      'Wait: Received SUCCESS signal with UniqueId host-1',
      'Wait: Received SUCCESS signal with UniqueId host-2',
      'Queue: Received SUCCESS signal with UniqueId q',
    ]);
    await assert.rejects(cfn.send(new SignalResourceCommand({ StackName: 'signals', LogicalResourceId: 'Queue', UniqueId: 'late', Status: 'SUCCESS' })), {
      name: 'ValidationError',
      message: 'Resource Queue is in CREATE_COMPLETE state and cannot be signaled',
    });
  });

  it('fails the resource on a FAILURE signal, cancels resources still waiting, and rolls the stack back', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'signal-fails', TemplateBody: TEMPLATE, Parameters: [{ ParameterKey: 'Count', ParameterValue: '1' }] }));
    await creationInitiated(cfn, 'signal-fails', 'Wait');
    await cfn.send(new SignalResourceCommand({ StackName: 'signal-fails', LogicalResourceId: 'Wait', UniqueId: 'i-1', Status: 'FAILURE' }));
    assert.equal((await settled(cfn, 'signal-fails')).StackStatus, 'ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'signal-fails' }));
    const failed = StackEvents!.find((e) => e.LogicalResourceId === 'Wait' && e.ResourceStatus === 'CREATE_FAILED')!;
    assert.equal(failed.ResourceStatusReason, 'Received FAILURE signal with UniqueId i-1');
    // The queue, still waiting for its own signal, is cancelled rather than left to time out.
    const cancelled = StackEvents!.find((e) => e.LogicalResourceId === 'Queue' && e.ResourceStatus === 'CREATE_FAILED')!;
    assert.equal(cancelled.ResourceStatusReason, 'Resource creation cancelled');
  });

  it('answers ValidationError for an unknown stack or resource', async () => {
    await assert.rejects(cfn.send(new SignalResourceCommand({ StackName: 'nope', LogicalResourceId: 'Wait', UniqueId: 'a', Status: 'SUCCESS' })), {
      name: 'ValidationError',
      message: 'Stack with id nope does not exist',
    });
    await assert.rejects(cfn.send(new SignalResourceCommand({ StackName: 'signals', LogicalResourceId: 'Missing', UniqueId: 'a', Status: 'SUCCESS' })), {
      name: 'ValidationError',
      message: 'Resource Missing does not exist for stack signals',
    });
  });

  it("lets the first DescribeStacks after the operation's answer wait for the operation, then answer its final state", async () => {
    const template = 'Resources:\n  Wait:\n    Type: AWS::CloudFormation::WaitCondition\n    CreationPolicy:\n      ResourceSignal: { Timeout: PT1M }\n';
    // The creation waits for a signal, so CreateStack answers while it is still under way.
    await cfn.send(new CreateStackCommand({ StackName: 'first-poll', TemplateBody: template }));
    await creationInitiated(cfn, 'first-poll', 'Wait');
    const firstPoll = cfn.send(new DescribeStacksCommand({ StackName: 'first-poll' }));
    await new Promise((r) => setTimeout(r, 300));
    await cfn.send(new SignalResourceCommand({ StackName: 'first-poll', LogicalResourceId: 'Wait', UniqueId: 'x', Status: 'SUCCESS' }));
    assert.equal((await firstPoll).Stacks![0].StackStatus, 'CREATE_COMPLETE');
  });
});
