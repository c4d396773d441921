import assert from 'node:assert/strict';
import {
  CloudFormationClient,
  CreateStackCommand,
  CreateStackInstancesCommand,
  CreateStackSetCommand,
  DeleteStackInstancesCommand,
  DeleteStackSetCommand,
  DescribeStackInstanceCommand,
  DescribeStackSetCommand,
  DescribeStackSetOperationCommand,
  DescribeStacksCommand,
  DetectStackSetDriftCommand,
  ListStackInstanceResourceDriftsCommand,
  ListStackInstancesCommand,
  ListStackSetAutoDeploymentTargetsCommand,
  ListStackSetOperationResultsCommand,
  ListStackSetOperationsCommand,
  ListStackSetsCommand,
  UpdateStackSetCommand,
} from '@aws-sdk/client-cloudformation';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { serveCloudFormation, settled } from './serve.ts';
import { ADMIN, clientsFor, createStackSetRoles, queueTemplate, TARGET } from './stack-set-support.ts';

const TEMPLATE = queueTemplate('set-queue');

async function finished(cfn: CloudFormationClient, StackSetName: string, OperationId: string) {
  for (;;) {
    const { StackSetOperation } = await cfn.send(new DescribeStackSetOperationCommand({ StackSetName, OperationId }));
    if (!['RUNNING', 'STOPPING', 'QUEUED'].includes(StackSetOperation!.Status!)) return StackSetOperation!;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('CloudFormation: stack sets (self-managed, deployed through the administration and execution roles)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => ((aws = a), (cfn = c)));

  it('fails the targets with AWS\'s reason while the administration role is missing, cancelling the rest', async () => {
    const { StackSetId } = await cfn.send(new CreateStackSetCommand({ StackSetName: 'no-roles', TemplateBody: TEMPLATE }));
    assert.match(StackSetId!, /^no-roles:[0-9a-f-]{36}$/);
    const { OperationId } = await cfn.send(new CreateStackInstancesCommand({ StackSetName: 'no-roles', Accounts: [ADMIN], Regions: ['us-east-1', 'us-west-2'] }));
    const op = await finished(cfn, 'no-roles', OperationId!);
    assert.equal(op.Status, 'FAILED');
    assert.equal(op.Action, 'CREATE');
    assert.deepEqual(op.OperationPreferences, { FailureToleranceCount: 0, MaxConcurrentCount: 1, RegionOrder: [] });
    assert.equal(op.AdministrationRoleARN, `arn:aws:iam::${ADMIN}:role/AWSCloudFormationStackSetAdministrationRole`);
    assert.equal(op.ExecutionRoleName, 'AWSCloudFormationStackSetExecutionRole');
    const reason = `Account ${ADMIN} should have 'AWSCloudFormationStackSetAdministrationRole' role with trust relationship to CloudFormation service.`;
    const { Summaries } = await cfn.send(new ListStackSetOperationResultsCommand({ StackSetName: 'no-roles', OperationId }));
    assert.deepEqual(Summaries, [
      { Account: ADMIN, Region: 'us-east-1', Status: 'FAILED', StatusReason: reason, AccountGateResult: { Status: 'FAILED', StatusReason: reason } },
      { Account: ADMIN, Region: 'us-west-2', Status: 'CANCELLED', StatusReason: 'Cancelled since failure tolerance has exceeded' },
    ]);
    const { StackInstance } = await cfn.send(new DescribeStackInstanceCommand({ StackSetName: 'no-roles', StackInstanceAccount: ADMIN, StackInstanceRegion: 'us-east-1' }));
    assert.deepEqual(
      { Status: StackInstance!.Status, Reason: StackInstance!.StatusReason, Detailed: StackInstance!.StackInstanceStatus, StackId: StackInstance!.StackId },
      { Status: 'OUTDATED', Reason: reason, Detailed: { DetailedStatus: 'FAILED' }, StackId: undefined },
    );
    const retained = await cfn.send(new DeleteStackInstancesCommand({ StackSetName: 'no-roles', Accounts: [ADMIN], Regions: ['us-east-1', 'us-west-2'], RetainStacks: true }));
    assert.equal((await finished(cfn, 'no-roles', retained.OperationId!)).Status, 'SUCCEEDED');
    await cfn.send(new DeleteStackSetCommand({ StackSetName: 'no-roles' }));
  });

  it('deploys instances as stacks in the target accounts and regions, updates and deletes them', async () => {
    await createStackSetRoles(aws, [ADMIN, TARGET]);

    const { StackSetId } = await cfn.send(new CreateStackSetCommand({ StackSetName: 'queues', TemplateBody: TEMPLATE, Description: 'queues everywhere', Tags: [{ Key: 'team', Value: 'a' }] }));
    await assert.rejects(cfn.send(new CreateStackSetCommand({ StackSetName: 'queues', TemplateBody: TEMPLATE })), { name: 'NameAlreadyExistsException', message: 'StackSet queues already exists' });
    const created = await cfn.send(
      new CreateStackInstancesCommand({ StackSetName: 'queues', Accounts: [ADMIN, TARGET], Regions: ['us-east-1', 'eu-west-1'], OperationPreferences: { MaxConcurrentCount: 2, FailureToleranceCount: 1, RegionOrder: ['eu-west-1'] } }),
    );
    assert.equal((await finished(cfn, 'queues', created.OperationId!)).Status, 'SUCCEEDED');
    const results = (await cfn.send(new ListStackSetOperationResultsCommand({ StackSetName: 'queues', OperationId: created.OperationId }))).Summaries!;
    assert.deepEqual(
      results.map((r) => `${r.Region} ${r.Account} ${r.Status} ${r.AccountGateResult?.Status}: ${r.AccountGateResult?.StatusReason}`),
      [ADMIN, TARGET].map((a) => `eu-west-1 ${a} SUCCEEDED SKIPPED: AWSCloudFormationStackSetAccountGate function not found`).concat(
        [ADMIN, TARGET].map((a) => `us-east-1 ${a} SUCCEEDED SKIPPED: AWSCloudFormationStackSetAccountGate function not found`),
      ),
    );

    const instances = (await cfn.send(new ListStackInstancesCommand({ StackSetName: 'queues' }))).Summaries!;
    assert.equal(instances.length, 4);
    for (const instance of instances) {
      assert.equal(instance.StackSetId, StackSetId);
      assert.equal(instance.Status, 'CURRENT');
      assert.deepEqual(instance.StackInstanceStatus, { DetailedStatus: 'SUCCEEDED' });
      assert.equal(instance.LastOperationId, created.OperationId);
      assert.match(instance.StackId!, new RegExp(`^arn:aws:cloudformation:${instance.Region}:${instance.Account}:stack/StackSet-queues-[0-9a-f-]{36}/`));
    }
    const inTarget = instances.find((i) => i.Account === TARGET && i.Region === 'eu-west-1')!;
    const targetEu = clientsFor(aws, TARGET, 'eu-west-1');
    const [stack] = (await targetEu.cfn.send(new DescribeStacksCommand({ StackName: inTarget.StackId }))).Stacks!;
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE');
    assert.deepEqual(stack.Tags, [{ Key: 'team', Value: 'a' }]);
    const { QueueUrl } = await targetEu.sqs.send(new GetQueueUrlCommand({ QueueName: `set-queue-${TARGET}-eu-west-1` }));
    assert.equal(stack.Outputs![0].OutputValue, QueueUrl);

    const updated = await cfn.send(new UpdateStackSetCommand({ StackSetName: 'queues', TemplateBody: TEMPLATE, Parameters: [{ ParameterKey: 'Retention', ParameterValue: '600' }] }));
    assert.equal((await finished(cfn, 'queues', updated.OperationId!)).Status, 'SUCCEEDED');
    const { Attributes } = await targetEu.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['MessageRetentionPeriod'] }));
    assert.equal(Attributes!.MessageRetentionPeriod, '600');
    const ops = (await cfn.send(new ListStackSetOperationsCommand({ StackSetName: 'queues' }))).Summaries!;
    assert.deepEqual(ops.map((o) => `${o.Action} ${o.Status}`), ['UPDATE SUCCEEDED', 'CREATE SUCCEEDED']);

    const { StackSet } = await cfn.send(new DescribeStackSetCommand({ StackSetName: 'queues' }));
    assert.equal(StackSet!.Description, 'queues everywhere');
    assert.deepEqual(StackSet!.Parameters, [{ ParameterKey: 'Retention', ParameterValue: '600' }]);
    assert.deepEqual(StackSet!.Regions!.sort(), ['eu-west-1', 'us-east-1']);
    assert.equal(StackSet!.PermissionModel, 'SELF_MANAGED');
    assert.equal(StackSet!.StackSetARN, `arn:aws:cloudformation:us-east-1:${ADMIN}:stackset/${StackSetId}`);

    await assert.rejects(cfn.send(new DeleteStackSetCommand({ StackSetName: 'queues' })), { name: 'StackSetNotEmptyException' });
    const deleted = await cfn.send(new DeleteStackInstancesCommand({ StackSetName: 'queues', Accounts: [ADMIN, TARGET], Regions: ['us-east-1', 'eu-west-1'], RetainStacks: false }));
    assert.equal((await finished(cfn, 'queues', deleted.OperationId!)).Status, 'SUCCEEDED');
    const [gone] = (await targetEu.cfn.send(new DescribeStacksCommand({ StackName: inTarget.StackId }))).Stacks!;
    assert.equal(gone.StackStatus, 'DELETE_COMPLETE');
    await assert.rejects(targetEu.sqs.send(new GetQueueUrlCommand({ QueueName: `set-queue-${TARGET}-eu-west-1` })), { name: 'QueueDoesNotExist' });
    await cfn.send(new DeleteStackSetCommand({ StackSetName: 'queues' }));
    await assert.rejects(cfn.send(new DescribeStackSetCommand({ StackSetName: 'queues' })), { name: 'StackSetNotFoundException', message: 'StackSet queues not found' });
    assert.equal((await cfn.send(new DescribeStackSetCommand({ StackSetName: StackSetId }))).StackSet!.Status, 'DELETED');
    const { Summaries } = await cfn.send(new ListStackSetsCommand({ Status: 'ACTIVE' }));
    assert.ok(!Summaries!.some((s) => s.StackSetName === 'queues'));
  });

  it('asks the target account gate first: a gate answering FAILED fails the target', async () => {
    const gate = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
  Gate:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: AWSCloudFormationStackSetAccountGate
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: { ZipFile: "exports.handler = async () => 'FAILED';" }
`;
    const target = clientsFor(aws, TARGET);
    await target.cfn.send(new CreateStackCommand({ StackName: 'gate', TemplateBody: gate, Capabilities: ['CAPABILITY_IAM'] }));
    assert.equal((await settled(target.cfn, 'gate')).StackStatus, 'CREATE_COMPLETE');
    await cfn.send(new CreateStackSetCommand({ StackSetName: 'gated', TemplateBody: TEMPLATE }));
    const { OperationId } = await cfn.send(new CreateStackInstancesCommand({ StackSetName: 'gated', Accounts: [TARGET, ADMIN], Regions: ['us-east-1'], OperationPreferences: { FailureToleranceCount: 1 } }));
    assert.equal((await finished(cfn, 'gated', OperationId!)).Status, 'SUCCEEDED');
    const { Summaries } = await cfn.send(new ListStackSetOperationResultsCommand({ StackSetName: 'gated', OperationId }));
    assert.deepEqual(Summaries![0], {
      Account: TARGET,
      Region: 'us-east-1',
      Status: 'FAILED',
      StatusReason: 'AWSCloudFormationStackSetAccountGate function returned FAILED',
      AccountGateResult: { Status: 'FAILED', StatusReason: 'AWSCloudFormationStackSetAccountGate function returned FAILED' },
    });
    assert.equal(Summaries![1].Status, 'SUCCEEDED');
  });

  it('detects drift on every instance in a DETECT_DRIFT operation, and lists the resource drifts it found per instance', async () => {
    const template = queueTemplate('drift-queue');
    await cfn.send(new CreateStackSetCommand({ StackSetName: 'drifting', TemplateBody: template }));
    const before = (await cfn.send(new DescribeStackSetCommand({ StackSetName: 'drifting' }))).StackSet!.StackSetDriftDetectionDetails;
    assert.deepEqual(before, { DriftStatus: 'NOT_CHECKED', TotalStackInstancesCount: 0, DriftedStackInstancesCount: 0, InSyncStackInstancesCount: 0, InProgressStackInstancesCount: 0, FailedStackInstancesCount: 0 });
    const created = await cfn.send(new CreateStackInstancesCommand({ StackSetName: 'drifting', Accounts: [ADMIN, TARGET], Regions: ['us-west-2'], OperationPreferences: { MaxConcurrentCount: 2 } }));
    // (us-west-2: the account gate of the test before fails TARGET's us-east-1 targets.)
    assert.equal((await finished(cfn, 'drifting', created.OperationId!)).Status, 'SUCCEEDED');
    const target = clientsFor(aws, TARGET, 'us-west-2');
    const { QueueUrl } = await target.sqs.send(new GetQueueUrlCommand({ QueueName: `drift-queue-${TARGET}-us-west-2` }));
    await target.sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { MessageRetentionPeriod: '1200' } }));

    const { OperationId } = await cfn.send(new DetectStackSetDriftCommand({ StackSetName: 'drifting', OperationPreferences: { MaxConcurrentCount: 2 } }));
    const op = await finished(cfn, 'drifting', OperationId!);
    assert.deepEqual([op.Action, op.Status], ['DETECT_DRIFT', 'SUCCEEDED']);
    const details = (await cfn.send(new DescribeStackSetCommand({ StackSetName: 'drifting' }))).StackSet!.StackSetDriftDetectionDetails!;
    assert.ok(details.LastDriftCheckTimestamp instanceof Date);
    assert.deepEqual({ ...details, LastDriftCheckTimestamp: undefined }, {
      DriftStatus: 'DRIFTED',
      DriftDetectionStatus: 'COMPLETED',
      LastDriftCheckTimestamp: undefined,
      TotalStackInstancesCount: 2,
      DriftedStackInstancesCount: 1,
      InSyncStackInstancesCount: 1,
      InProgressStackInstancesCount: 0,
      FailedStackInstancesCount: 0,
    });
    const { Summaries: sets } = await cfn.send(new ListStackSetsCommand({ Status: 'ACTIVE' }));
    assert.equal(sets!.find((s) => s.StackSetName === 'drifting')!.DriftStatus, 'DRIFTED');
    const { Summaries: instances } = await cfn.send(new ListStackInstancesCommand({ StackSetName: 'drifting', Filters: [{ Name: 'DRIFT_STATUS', Values: 'DRIFTED' }] }));
    assert.deepEqual(instances!.map((i) => [i.Account, i.DriftStatus, i.Status, i.LastOperationId]), [[TARGET, 'DRIFTED', 'CURRENT', created.OperationId]]);

    const drifts = await cfn.send(new ListStackInstanceResourceDriftsCommand({ StackSetName: 'drifting', StackInstanceAccount: TARGET, StackInstanceRegion: 'us-west-2', OperationId }));
    assert.deepEqual(
      drifts.Summaries!.map((d) => [d.LogicalResourceId, d.ResourceType, d.PhysicalResourceId, d.StackResourceDriftStatus, d.PropertyDifferences]),
      [['Queue', 'AWS::SQS::Queue', QueueUrl, 'MODIFIED', [{ PropertyPath: '/MessageRetentionPeriod', ExpectedValue: '345600', ActualValue: '1200', DifferenceType: 'NOT_EQUAL' }]]],
    );
    const inSync = await cfn.send(new ListStackInstanceResourceDriftsCommand({ StackSetName: 'drifting', StackInstanceAccount: ADMIN, StackInstanceRegion: 'us-west-2', OperationId, StackInstanceResourceDriftStatuses: ['MODIFIED'] }));
    assert.deepEqual(inSync.Summaries, []);
    await assert.rejects(cfn.send(new ListStackInstanceResourceDriftsCommand({ StackSetName: 'drifting', StackInstanceAccount: TARGET, StackInstanceRegion: 'eu-west-1', OperationId })), {
      name: 'StackInstanceNotFoundException',
    });
    await assert.rejects(cfn.send(new ListStackInstanceResourceDriftsCommand({ StackSetName: 'drifting', StackInstanceAccount: TARGET, StackInstanceRegion: 'us-west-2', OperationId: 'nope' })), {
      name: 'OperationNotFoundException',
    });
    // Self-managed stack sets have no organizational units to deploy to automatically.
    assert.deepEqual((await cfn.send(new ListStackSetAutoDeploymentTargetsCommand({ StackSetName: 'drifting' }))).Summaries, []);
    await assert.rejects(cfn.send(new ListStackSetAutoDeploymentTargetsCommand({ StackSetName: 'nope' })), { name: 'StackSetNotFoundException' });
  });

  it('answers as AWS does for unknown stack sets, service-managed permissions and delegated administrators', async () => {
    await cfn.send(new DeleteStackSetCommand({ StackSetName: 'non-existent-stack-set-id' }));
    const unknownId = 'foo:6d4f8d2c-1f35-4f4e-9b9c-0123456789ab';
    await assert.rejects(cfn.send(new CreateStackInstancesCommand({ StackSetName: 'non-existent-stack-set-id', Accounts: [TARGET], Regions: ['eu-west-1'] })), {
      name: 'StackSetNotFoundException',
      message: 'StackSet non-existent-stack-set-id not found',
    });
    await assert.rejects(cfn.send(new CreateStackInstancesCommand({ StackSetName: unknownId, Accounts: [TARGET], Regions: ['eu-west-1'] })), {
      name: 'StackSetNotFoundException',
      message: `StackSet ${unknownId} not found`,
    });
    await assert.rejects(cfn.send(new CreateStackSetCommand({ StackSetName: 'org', TemplateBody: TEMPLATE, PermissionModel: 'SERVICE_MANAGED' })), {
      name: 'ValidationError',
      message: 'You must enable organizations access to operate a service managed stack set',
    });
    await assert.rejects(cfn.send(new ListStackSetsCommand({ CallAs: 'DELEGATED_ADMIN' })), { name: 'ValidationError', message: 'Account used is not a delegated administrator' });
    const iamTemplate = 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties: { AssumeRolePolicyDocument: {} }\n';
    await assert.rejects(cfn.send(new CreateStackSetCommand({ StackSetName: 'iam', TemplateBody: iamTemplate })), {
      name: 'InsufficientCapabilitiesException',
      message: 'Requires capabilities : [CAPABILITY_IAM]',
    });
  });
});
