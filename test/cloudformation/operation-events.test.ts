import assert from 'node:assert/strict';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeEventsCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStacksCommand,
  UpdateStackCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { serveCloudFormation, settled } from './serve.ts';

const queue = (visibility: number) => `
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: ${visibility} }
  Topic:
    Type: AWS::SNS::Topic
`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function lastOperations(cfn: CloudFormationClient, stackName: string) {
  const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  return Stacks![0].LastOperations!.map((o) => `${o.OperationType} ${o.OperationId}`);
}

describe('CloudFormation: stack operations and DescribeEvents', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, c) => (cfn = c));

  it('gives each stack operation an id that its events carry, and shows the last one on the stack', async () => {
    const created = await cfn.send(new CreateStackCommand({ StackName: 'ops', TemplateBody: queue(30) }));
    assert.match(created.OperationId!, UUID);
    await settled(cfn, 'ops');
    assert.deepEqual(await lastOperations(cfn, 'ops'), [`CREATE_STACK ${created.OperationId}`]);
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'ops' }));
    assert.ok(StackEvents!.every((e) => e.OperationId === created.OperationId));

    const { OperationEvents } = await cfn.send(new DescribeEventsCommand({ StackName: 'ops' }));
    assert.equal(OperationEvents!.length, StackEvents!.length);
    const stackEvents = OperationEvents!.filter((e) => e.EventType === 'STACK_EVENT');
    assert.deepEqual(stackEvents.map((e) => e.ResourceStatus), ['CREATE_COMPLETE', 'CREATE_IN_PROGRESS']);
    assert.ok(stackEvents.every((e) => e.StartTime instanceof Date && e.EndTime instanceof Date));
    const queueEvents = OperationEvents!.filter((e) => e.LogicalResourceId === 'Queue');
    // CREATE_IN_PROGRESS twice: when the resource is started, then "Resource creation Initiated".
    assert.deepEqual(queueEvents.map((e) => [e.EventType, e.ResourceStatus, e.OperationType, e.OperationStatus]), [
      ['PROGRESS_EVENT', 'CREATE_COMPLETE', 'CREATE_STACK', 'SUCCEEDED'],
      ['PROGRESS_EVENT', 'CREATE_IN_PROGRESS', 'CREATE_STACK', 'SUCCEEDED'],
      ['PROGRESS_EVENT', 'CREATE_IN_PROGRESS', 'CREATE_STACK', 'SUCCEEDED'],
    ]);

    const updated = await cfn.send(new UpdateStackCommand({ StackName: 'ops', TemplateBody: queue(60) }));
    assert.match(updated.OperationId!, UUID);
    assert.notEqual(updated.OperationId, created.OperationId);
    await settled(cfn, 'ops');
    assert.deepEqual(await lastOperations(cfn, 'ops'), [`UPDATE_STACK ${updated.OperationId}`]);
    const one = await cfn.send(new DescribeEventsCommand({ OperationId: updated.OperationId }));
    assert.ok(one.OperationEvents!.length >= 4);
    assert.ok(one.OperationEvents!.every((e) => e.OperationId === updated.OperationId && e.OperationType === 'UPDATE_STACK'));
  });

  it('counts a rollback CloudFormation starts after a failure as an operation of its own, and filters failures', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'ops-fail', TemplateBody: queue(30) }));
    await settled(cfn, 'ops-fail');
    const update = await cfn.send(new UpdateStackCommand({ StackName: 'ops-fail', TemplateBody: queue(99_999) }));
    assert.equal((await settled(cfn, 'ops-fail')).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    const [rollback, failedUpdate] = await lastOperations(cfn, 'ops-fail');
    assert.equal(failedUpdate, `UPDATE_STACK ${update.OperationId}`);
    assert.match(rollback, /^ROLLBACK /);
    const rollbackId = rollback.split(' ')[1];

    const failures = await cfn.send(new DescribeEventsCommand({ StackName: 'ops-fail', OperationId: update.OperationId, Filters: { FailedEvents: true } }));
    assert.deepEqual(
      failures.OperationEvents!.map((e) => [e.LogicalResourceId, e.EventType, e.ResourceStatus, e.OperationStatus]),
      [['Queue', 'PROVISIONING_ERROR', 'UPDATE_FAILED', 'FAILED']],
    );
    const rolledBack = await cfn.send(new DescribeEventsCommand({ OperationId: rollbackId }));
    assert.deepEqual(
      rolledBack.OperationEvents!.filter((e) => e.EventType === 'STACK_EVENT').map((e) => [e.ResourceStatus, e.OperationType, e.OperationStatus]),
      [
        ['UPDATE_ROLLBACK_COMPLETE', 'ROLLBACK', 'SUCCEEDED'],
        ['UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'ROLLBACK', 'SUCCEEDED'],
        ['UPDATE_ROLLBACK_IN_PROGRESS', 'ROLLBACK', 'SUCCEEDED'],
      ],
    );
  });

  it("groups a change set's creation and execution, and keeps a deleted stack's last operation", async () => {
    const { Id } = await cfn.send(new CreateChangeSetCommand({ StackName: 'ops-cs', ChangeSetName: 'first', ChangeSetType: 'CREATE', TemplateBody: queue(30) }));
    const review = await cfn.send(new DescribeEventsCommand({ ChangeSetName: Id }));
    assert.deepEqual(review.OperationEvents!.map((e) => [e.OperationType, e.EventType, e.ResourceStatus]), [['CREATE_CHANGESET', 'STACK_EVENT', 'REVIEW_IN_PROGRESS']]);
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const stack = await settled(cfn, 'ops-cs');
    assert.deepEqual(stack.LastOperations!.map((o) => o.OperationType), ['CREATE_STACK']);
    const all = await cfn.send(new DescribeEventsCommand({ ChangeSetName: 'first', StackName: 'ops-cs' }));
    assert.deepEqual([...new Set(all.OperationEvents!.map((e) => e.OperationType))], ['CREATE_STACK', 'CREATE_CHANGESET']);

    await cfn.send(new DeleteStackCommand({ StackName: 'ops-cs' }));
    await new Promise((r) => setTimeout(r, 200));
    const { StackSummaries } = await cfn.send(new ListStacksCommand({ StackStatusFilter: ['DELETE_COMPLETE'] }));
    const deleted = StackSummaries!.find((s) => s.StackName === 'ops-cs')!;
    assert.deepEqual(deleted.LastOperations!.map((o) => o.OperationType), ['DELETE_STACK']);
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stack.StackId }));
    assert.equal(Stacks![0].LastOperations![0].OperationId, deleted.LastOperations![0].OperationId);
  });

  it('answers bad requests with ValidationError', async () => {
    await assert.rejects(cfn.send(new DescribeEventsCommand({})), { name: 'ValidationError', message: 'One of ChangeSetName, OperationId or StackName must be specified.' });
    await assert.rejects(cfn.send(new DescribeEventsCommand({ StackName: 'nope' })), { name: 'ValidationError', message: 'Stack [nope] does not exist' });
    const unknown = await cfn.send(new DescribeEventsCommand({ OperationId: '00000000-0000-0000-0000-000000000000' }));
    assert.deepEqual(unknown.OperationEvents ?? [], []);
  });
});
