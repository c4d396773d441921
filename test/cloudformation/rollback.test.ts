import assert from 'node:assert/strict';
import {
  ContinueUpdateRollbackCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourceCommand,
  ListStackResourcesCommand,
  RollbackStackCommand,
  SignalResourceCommand,
  UpdateStackCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { DeleteQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, creationInitiated, serveCloudFormation, settled } from './serve.ts';

const QUEUE = `
Parameters:
  Visibility: { Type: Number, Default: 30 }
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: !Ref Visibility }
`;
/** The queue, then a wait condition (after it) that the test fails with a FAILURE signal. */
const WITH_WAIT = `${QUEUE}
  Wait:
    Type: AWS::CloudFormation::WaitCondition
    DependsOn: Queue
    CreationPolicy:
      ResourceSignal: { Timeout: PT1M }
`;

async function failWait(cfn: CloudFormationClient, stackName: string): Promise<string> {
  await creationInitiated(cfn, stackName, 'Wait');
  await cfn.send(new SignalResourceCommand({ StackName: stackName, LogicalResourceId: 'Wait', UniqueId: 'x', Status: 'FAILURE' }));
  return (await settled(cfn, stackName)).StackStatus!;
}

/** An inline policy naming no role, user or group: AWS fails its creation and its deletion alike. */
const ORPHAN_POLICY = `
Resources:
  BrokenPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: orphan
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: '*', Resource: '*' }] }
`;

/** The stack's resources not deleted (ListStackResources lists deleted ones too, as DELETE_COMPLETE). */
async function logicalIds(cfn: CloudFormationClient, stackName: string): Promise<string[]> {
  const { StackResourceSummaries } = await cfn.send(new ListStackResourcesCommand({ StackName: stackName }));
  return StackResourceSummaries!.filter((r) => r.ResourceStatus !== 'DELETE_COMPLETE').map((r) => r.LogicalResourceId!).sort();
}

describe('CloudFormation: RollbackStack and ContinueUpdateRollback', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => ((aws = a), (cfn = c)));

  it('rolls a creation left in CREATE_FAILED back to ROLLBACK_COMPLETE, deleting its resources', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'kept', TemplateBody: WITH_WAIT, DisableRollback: true }));
    assert.equal(await failWait(cfn, 'kept'), 'CREATE_FAILED');
    assert.deepEqual(await logicalIds(cfn, 'kept'), ['Queue', 'Wait']);
    const { StackId } = await cfn.send(new RollbackStackCommand({ StackName: 'kept' }));
    assert.match(StackId!, /:stack\/kept\//);
    assert.equal((await settled(cfn, 'kept')).StackStatus, 'ROLLBACK_COMPLETE');
    assert.deepEqual(await logicalIds(cfn, 'kept'), []);
  });

  it('rolls an update left in UPDATE_FAILED back to UPDATE_ROLLBACK_COMPLETE, and refuses stable stacks', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'updates', TemplateBody: QUEUE }));
    assert.equal((await settled(cfn, 'updates')).StackStatus, 'CREATE_COMPLETE');
    await assert.rejects(cfn.send(new RollbackStackCommand({ StackName: 'updates' })), { name: 'ValidationError', message: /is in CREATE_COMPLETE state and can not be rolled back$/ });
    await cfn.send(new UpdateStackCommand({ StackName: 'updates', TemplateBody: WITH_WAIT, DisableRollback: true }));
    assert.equal(await failWait(cfn, 'updates'), 'UPDATE_FAILED');
    await cfn.send(new RollbackStackCommand({ StackName: 'updates' }));
    assert.equal((await settled(cfn, 'updates')).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    assert.deepEqual(await logicalIds(cfn, 'updates'), ['Queue']);
  });

  it('continues a failed update rollback, skipping the resource that cannot roll back', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'stuck', TemplateBody: QUEUE }));
    assert.equal((await settled(cfn, 'stuck')).StackStatus, 'CREATE_COMPLETE');
    await assert.rejects(cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'stuck' })), { name: 'ValidationError' });
    await cfn.send(new UpdateStackCommand({ StackName: 'stuck', TemplateBody: WITH_WAIT, Parameters: [{ ParameterKey: 'Visibility', ParameterValue: '60' }] }));
    await creationInitiated(cfn, 'stuck', 'Wait');
    // The queue goes behind CloudFormation's back, so rolling its change back fails.
    const queue = await cfn.send(new DescribeStackResourceCommand({ StackName: 'stuck', LogicalResourceId: 'Queue' }));
    const sqs = new SQSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    await sqs.send(new DeleteQueueCommand({ QueueUrl: queue.StackResourceDetail!.PhysicalResourceId! }));
    sqs.destroy();
    assert.equal(await failWait(cfn, 'stuck'), 'UPDATE_ROLLBACK_FAILED');
    await cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'stuck' }));
    assert.equal((await settled(cfn, 'stuck')).StackStatus, 'UPDATE_ROLLBACK_FAILED');
    await cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'stuck', ResourcesToSkip: ['Queue'] }));
    assert.equal((await settled(cfn, 'stuck')).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    assert.deepEqual(await logicalIds(cfn, 'stuck'), ['Queue']);
  });

  it('stops in ROLLBACK_FAILED, then DELETE_FAILED, when a resource cannot be deleted, until DeleteStack retains it', async () => {
    const reason = 'The following resource(s) failed to delete: [BrokenPolicy]. ';
    await cfn.send(new CreateStackCommand({ StackName: 'blocked', TemplateBody: ORPHAN_POLICY, Capabilities: ['CAPABILITY_IAM'] }));
    assert.deepEqual(await settled(cfn, 'blocked').then((s) => [s.StackStatus, s.StackStatusReason]), ['ROLLBACK_FAILED', reason]);
    await assert.rejects(cfn.send(new DeleteStackCommand({ StackName: 'blocked', RetainResources: ['BrokenPolicy'] })), {
      name: 'ValidationError',
      message: /RetainResources can only be specified when stack is in DELETE_FAILED state$/,
    });
    await cfn.send(new DeleteStackCommand({ StackName: 'blocked' }));
    const failed = await settled(cfn, 'blocked');
    assert.deepEqual([failed.StackStatus, failed.StackStatusReason], ['DELETE_FAILED', reason]);
    await cfn.send(new DeleteStackCommand({ StackName: failed.StackId, RetainResources: ['BrokenPolicy'] }));
    assert.equal((await settled(cfn, failed.StackId!)).StackStatus, 'DELETE_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: failed.StackId }));
    const policyEvents = StackEvents!.filter((e) => e.LogicalResourceId === 'BrokenPolicy').reverse();
    const noIdentity = 'At least one of [Groups,Roles,Users] must be non-empty.';
    assert.deepEqual(
      policyEvents.map((e) => [e.ResourceStatus, e.ResourceStatusReason]),
      [
        ['CREATE_IN_PROGRESS', undefined],
        ['CREATE_IN_PROGRESS', 'Resource creation Initiated'],
        ['CREATE_FAILED', noIdentity],
        ['DELETE_IN_PROGRESS', undefined],
        ['DELETE_FAILED', noIdentity],
        ['DELETE_IN_PROGRESS', undefined],
        ['DELETE_FAILED', noIdentity],
        ['DELETE_SKIPPED', undefined],
      ],
    );
    // The id given when creation started is the one every later event names.
    const ids = new Set(policyEvents.slice(1).map((e) => e.PhysicalResourceId));
    assert.equal(ids.size, 1);
    assert.match([...ids][0]!, /^blocked-BrokenPolic-[A-Z0-9]{12}$/);
  });
});
