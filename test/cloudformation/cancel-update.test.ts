import assert from 'node:assert/strict';
import {
  CancelUpdateStackCommand,
  CreateStackCommand,
  DescribeStackEventsCommand,
  ListStackResourcesCommand,
  UpdateStackCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { creationInitiated, serveCloudFormation, settled } from './serve.ts';

const BEFORE = `
Resources:
  Queue: { Type: AWS::SQS::Queue }
`;
/** The update adds a wait condition that waits for a signal, which keeps the stack in UPDATE_IN_PROGRESS. */
const AFTER = `
Resources:
  Queue: { Type: AWS::SQS::Queue }
  Wait:
    Type: AWS::CloudFormation::WaitCondition
    CreationPolicy:
      ResourceSignal: { Timeout: PT1M }
`;

describe('CloudFormation: CancelUpdateStack', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, c) => (cfn = c));

  it('is refused outside UPDATE_IN_PROGRESS with AWS\'s message', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'cancels', TemplateBody: BEFORE }));
    assert.equal((await settled(cfn, 'cancels')).StackStatus, 'CREATE_COMPLETE');
    await assert.rejects(cfn.send(new CancelUpdateStackCommand({ StackName: 'cancels' })), {
      name: 'ValidationError',
      message: 'CancelUpdateStack cannot be called from current stack status',
    });
    await assert.rejects(cfn.send(new CancelUpdateStackCommand({ StackName: 'missing' })), { name: 'ValidationError', message: 'Stack with id missing does not exist' });
  });

  it('rolls an update in progress back to UPDATE_ROLLBACK_COMPLETE, removing what it created', async () => {
    await cfn.send(new UpdateStackCommand({ StackName: 'cancels', TemplateBody: AFTER }));
    await creationInitiated(cfn, 'cancels', 'Wait');
    await cfn.send(new CancelUpdateStackCommand({ StackName: 'cancels' }));
    assert.equal((await settled(cfn, 'cancels')).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'cancels' }));
    const stackEvents = StackEvents!.filter((e) => e.LogicalResourceId === 'cancels').map((e) => [e.ResourceStatus, e.ResourceStatusReason]);
    assert.deepEqual(stackEvents.slice(0, 3).reverse(), [
      ['UPDATE_ROLLBACK_IN_PROGRESS', 'Stack update cancelled'],
      ['UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', undefined],
      ['UPDATE_ROLLBACK_COMPLETE', undefined],
    ]);
    const wait = StackEvents!.find((e) => e.LogicalResourceId === 'Wait' && e.ResourceStatus === 'CREATE_FAILED')!;
    assert.equal(wait.ResourceStatusReason, 'Resource creation cancelled');
    const { StackResourceSummaries } = await cfn.send(new ListStackResourcesCommand({ StackName: 'cancels' }));
    assert.deepEqual(StackResourceSummaries!.map((r) => r.LogicalResourceId), ['Queue']);
  });
});
