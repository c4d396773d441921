import assert from 'node:assert/strict';
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackSetCommand,
  DescribeStacksCommand,
  DetectStackResourceDriftCommand,
  ListStackInstancesCommand,
  ListStackSetOperationsCommand,
  UpdateStackCommand,
  UpdateStackSetCommand,
} from '@aws-sdk/client-cloudformation';
import type { Twinstack } from '../../emulator/index.ts';
import { creationFailure, deleteStack, output, serveCloudFormation, settled } from './serve.ts';
import { ADMIN, clientsFor, createStackSetRoles, queueRetention, queueTemplate, TARGET } from './stack-set-support.ts';

const PREFIX = 'res-set';

interface Group {
  accounts: string[];
  regions: string[];
  overrides?: Record<string, string>;
}

function parameters(values: Record<string, string>) {
  return Object.entries(values).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
}

/** A stack whose one resource is a stack set of the instance template, with the given properties and instances. */
function template(properties: Record<string, unknown>, groups: Group[]): string {
  const StackInstancesGroup = groups.map((g) => ({
    DeploymentTargets: { Accounts: g.accounts },
    Regions: g.regions,
    ...(g.overrides ? { ParameterOverrides: parameters(g.overrides) } : {}),
  }));
  return JSON.stringify({
    Resources: { Set: { Type: 'AWS::CloudFormation::StackSet', Properties: { PermissionModel: 'SELF_MANAGED', TemplateBody: queueTemplate(PREFIX), ...properties, StackInstancesGroup } } },
    Outputs: { Ref: { Value: { Ref: 'Set' } }, Id: { Value: { 'Fn::GetAtt': ['Set', 'StackSetId'] } } },
  });
}

describe('CloudFormation: AWS::CloudFormation::StackSet (the stack set and its instances through the StackSet API)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => ((aws = a), (cfn = c)));

  before(() => createStackSetRoles(aws, [ADMIN, TARGET]));

  const retention = (account: string, region: string) => queueRetention(aws, PREFIX, account, region);
  const failure = (stackName: string, body: string) => creationFailure(cfn, stackName, body, 'Set');

  async function instances(stackSetId: string): Promise<string[]> {
    const { Summaries } = await cfn.send(new ListStackInstancesCommand({ StackSetName: stackSetId }));
    return Summaries!.map((i) => `${i.Account}/${i.Region} ${i.Status}`).sort();
  }

  async function describeIn(account: string, region: string, stackId: string) {
    return (await clientsFor(aws, account, region).cfn.send(new DescribeStacksCommand({ StackName: stackId }))).Stacks![0];
  }

  /** The stack of a stack instance, in its account and region. */
  async function instanceStack(stackSetId: string, account: string, region: string) {
    const { Summaries } = await cfn.send(new ListStackInstancesCommand({ StackSetName: stackSetId, StackInstanceAccount: account, StackInstanceRegion: region }));
    return describeIn(account, region, Summaries![0].StackId!);
  }

  it('creates the stack set and its instances, updates instances, parameters and overrides in place, and deletes them all', async () => {
    const properties = { StackSetName: 'res-queues', Description: 'queues', Parameters: parameters({ Retention: '600' }), Tags: [{ Key: 'team', Value: 'a' }] };
    const groups: Group[] = [{ accounts: [ADMIN, TARGET], regions: ['us-east-1', 'eu-west-1'] }];
    await cfn.send(new CreateStackCommand({ StackName: 'with-set', TemplateBody: template(properties, groups) }));
    const stack = await settled(cfn, 'with-set');
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
    const id = output(stack, 'Ref');
    assert.match(id, /^res-queues:[0-9a-f-]{36}$/);
    assert.equal(output(stack, 'Id'), id);

    const { StackSet } = await cfn.send(new DescribeStackSetCommand({ StackSetName: 'res-queues' }));
    assert.equal(StackSet!.StackSetId, id);
    assert.equal(StackSet!.Status, 'ACTIVE');
    assert.equal(StackSet!.Description, 'queues');
    assert.equal(StackSet!.PermissionModel, 'SELF_MANAGED');
    assert.deepEqual(StackSet!.Parameters, parameters({ Retention: '600' }));
    // Stack sets do not take CloudFormation's aws:cloudformation:* tags (their schema's cloudFormationSystemTags is false).
    assert.deepEqual(StackSet!.Tags, [{ Key: 'team', Value: 'a' }]);
    assert.deepEqual(await instances(id), [`${ADMIN}/eu-west-1 CURRENT`, `${ADMIN}/us-east-1 CURRENT`, `${TARGET}/eu-west-1 CURRENT`, `${TARGET}/us-east-1 CURRENT`]);
    const inTarget = await instanceStack(id, TARGET, 'eu-west-1');
    assert.equal(inTarget.StackStatus, 'CREATE_COMPLETE');
    assert.match(inTarget.StackName!, /^StackSet-res-queues-[0-9a-f-]{36}$/);
    assert.deepEqual(inTarget.Tags, [{ Key: 'team', Value: 'a' }]);
    assert.equal(await retention(TARGET, 'eu-west-1'), '600');

    // TARGET leaves eu-west-1, ADMIN's eu-west-1 instance gets an override, and the stack set a new parameter value.
    const next: Group[] = [
      { accounts: [ADMIN, TARGET], regions: ['us-east-1'] },
      { accounts: [ADMIN], regions: ['eu-west-1'], overrides: { Retention: '900' } },
    ];
    await cfn.send(new UpdateStackCommand({ StackName: 'with-set', TemplateBody: template({ ...properties, Parameters: parameters({ Retention: '1200' }) }, next) }));
    const updated = await settled(cfn, 'with-set');
    assert.equal(updated.StackStatus, 'UPDATE_COMPLETE', updated.StackStatusReason);
    assert.equal(output(updated, 'Ref'), id);
    assert.deepEqual(await instances(id), [`${ADMIN}/eu-west-1 CURRENT`, `${ADMIN}/us-east-1 CURRENT`, `${TARGET}/us-east-1 CURRENT`]);
    assert.equal(await retention(TARGET, 'eu-west-1'), undefined);
    assert.equal(await retention(TARGET, 'us-east-1'), '1200');
    assert.equal(await retention(ADMIN, 'eu-west-1'), '900');
    const ops = (await cfn.send(new ListStackSetOperationsCommand({ StackSetName: id }))).Summaries!;
    assert.deepEqual(ops.map((o) => `${o.Action} ${o.Status}`), ['UPDATE SUCCEEDED', 'UPDATE SUCCEEDED', 'DELETE SUCCEEDED', 'CREATE SUCCEEDED']);

    await deleteStack(cfn, stack);
    assert.equal((await cfn.send(new DescribeStackSetCommand({ StackSetName: id }))).StackSet!.Status, 'DELETED');
    for (const [account, region] of [[ADMIN, 'us-east-1'], [ADMIN, 'eu-west-1'], [TARGET, 'us-east-1']]) assert.equal(await retention(account, region), undefined);
  });

  it('replaces the stack set when its name changes, deleting the old one with its instances', async () => {
    const groups: Group[] = [{ accounts: [TARGET], regions: ['us-west-2'] }];
    await cfn.send(new CreateStackCommand({ StackName: 'renamed-set', TemplateBody: template({ StackSetName: 'res-first' }, groups) }));
    const first = output(await settled(cfn, 'renamed-set'), 'Ref');
    const firstStack = await instanceStack(first, TARGET, 'us-west-2');
    await cfn.send(new UpdateStackCommand({ StackName: 'renamed-set', TemplateBody: template({ StackSetName: 'res-second' }, groups) }));
    const updated = await settled(cfn, 'renamed-set');
    assert.equal(updated.StackStatus, 'UPDATE_COMPLETE', updated.StackStatusReason);
    const second = output(updated, 'Ref');
    assert.match(second, /^res-second:/);
    assert.equal((await cfn.send(new DescribeStackSetCommand({ StackSetName: first }))).StackSet!.Status, 'DELETED');
    assert.deepEqual(await instances(second), [`${TARGET}/us-west-2 CURRENT`]);
    assert.equal((await instanceStack(second, TARGET, 'us-west-2')).StackStatus, 'CREATE_COMPLETE');
    assert.equal((await describeIn(TARGET, 'us-west-2', firstStack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    await deleteStack(cfn, updated);
  });

  it('passes managed execution, operation preferences and CallAs through to the StackSet API', async () => {
    const properties = { StackSetName: 'res-prefs', ManagedExecution: { Active: true }, OperationPreferences: { MaxConcurrentCount: 2, FailureToleranceCount: 1, RegionConcurrencyType: 'PARALLEL' } };
    const tags = [{ Key: 'stage', Value: 'one' }];
    const groups: Group[] = [{ accounts: [ADMIN, TARGET], regions: ['ap-south-1'] }];
    await cfn.send(new CreateStackCommand({ StackName: 'prefs-set', TemplateBody: template({ ...properties, Tags: tags }, groups) }));
    const stack = await settled(cfn, 'prefs-set');
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
    const id = output(stack, 'Ref');
    const before = (await cfn.send(new DescribeStackSetCommand({ StackSetName: id }))).StackSet!;
    assert.deepEqual([before.ManagedExecution, before.Tags], [{ Active: true }, tags]);
    const [created] = (await cfn.send(new ListStackSetOperationsCommand({ StackSetName: id }))).Summaries!;
    assert.deepEqual([created.Action, created.Status, created.OperationPreferences], ['CREATE', 'SUCCEEDED', properties.OperationPreferences]);

    await cfn.send(new UpdateStackCommand({ StackName: 'prefs-set', TemplateBody: template({ ...properties, ManagedExecution: { Active: false }, Description: 'now described' }, groups) }));
    assert.equal((await settled(cfn, 'prefs-set')).StackStatus, 'UPDATE_COMPLETE');
    const { StackSet } = await cfn.send(new DescribeStackSetCommand({ StackSetName: id }));
    // The tags the template no longer gives are removed.
    assert.deepEqual([StackSet!.ManagedExecution, StackSet!.Description, StackSet!.Tags], [{ Active: false }, 'now described', []]);
    assert.deepEqual(await instances(id), [`${ADMIN}/ap-south-1 CURRENT`, `${TARGET}/ap-south-1 CURRENT`]);
    await deleteStack(cfn, stack);

    // Delegated administrators belong to an organization; this account is in none.
    assert.equal(await failure('delegated-set', template({ StackSetName: 'res-delegated', CallAs: 'DELEGATED_ADMIN' }, [])), 'Account used is not a delegated administrator');
  });

  it('detects drift of the stack set\'s settings against DescribeStackSet', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'drifting-set', TemplateBody: template({ StackSetName: 'res-drift', Description: 'as deployed' }, []) }));
    const stack = await settled(cfn, 'drifting-set');
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
    const drift = async () => (await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'drifting-set', LogicalResourceId: 'Set' }))).StackResourceDrift!;
    assert.equal((await drift()).StackResourceDriftStatus, 'IN_SYNC');
    await cfn.send(new UpdateStackSetCommand({ StackSetName: 'res-drift', UsePreviousTemplate: true, Description: 'changed by hand' }));
    const modified = await drift();
    assert.equal(modified.StackResourceDriftStatus, 'MODIFIED');
    assert.deepEqual(modified.PropertyDifferences, [{ PropertyPath: '/Description', ExpectedValue: 'as deployed', ActualValue: 'changed by hand', DifferenceType: 'NOT_EQUAL' }]);
    await deleteStack(cfn, stack);
  });

  it('fails with the StackSet API\'s and the resource handler\'s reasons, rolling back the stack set it made', async () => {
    const groups: Group[] = [{ accounts: [TARGET], regions: ['us-east-1'] }];
    assert.equal(await failure('no-permission-model', template({ StackSetName: 'res-x', PermissionModel: undefined }, groups)), 'Properties validation failed for resource Set with message: #: required key [PermissionModel] not found');
    assert.equal(
      await failure('service-managed', template({ StackSetName: 'res-org', PermissionModel: 'SERVICE_MANAGED' }, groups)),
      'You must enable organizations access to operate a service managed stack set',
    );
    // An execution role no target has: the CREATE operation fails, and so does the resource.
    const reason = await failure('no-role', template({ StackSetName: 'res-norole', ExecutionRoleName: 'Missing' }, groups));
    assert.match(reason, /^Resource handler returned message: "Stack set operation \[[0-9a-f-]{36}\] was unexpectedly stopped or failed" \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: InternalFailure\)$/);
    await assert.rejects(cfn.send(new DescribeStackSetCommand({ StackSetName: 'res-norole' })), { name: 'StackSetNotFoundException' });
  });
});
