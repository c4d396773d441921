import assert from 'node:assert/strict';
import {
  CancelCommandCommand,
  CreateActivationCommand,
  DeleteActivationCommand,
  DescribeActivationsCommand,
  DescribeInstanceInformationCommand,
  DescribeInstancePatchesCommand,
  DescribePatchGroupStateCommand,
  GetAutomationExecutionCommand,
  GetCommandInvocationCommand,
  GetConnectionStatusCommand,
  GetInventoryCommand,
  ListCommandsCommand,
  ListNodesCommand,
  SSMClient,
  StartSessionCommand,
} from '@aws-sdk/client-ssm';
import { expectError } from '../support/aws-error.ts';
import { useTwinstack } from '../support/twinstack.ts';

// No SSM Agent registers with twinstack: operations about managed nodes answer as for an account that has none
// (empty lists, InvalidInstanceId, TargetNotConnected, GetConnectionStatus "notconnected"), as the SSM API reference
// describes them. Hybrid activations (CreateActivation, DescribeActivations, DeleteActivation) are kept.
describe('SSM managed-node operations for an account without managed nodes, and hybrid activations', function () {
  this.timeout(20_000);
  const context = useTwinstack({ services: ['ssm'], accessKeyId: '111111111111' }, { ssm: (settings) => new SSMClient(settings) });

  it('lists and summaries are empty; a page token names no page', async () => {
    assert.deepEqual((await context.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList, []);
    assert.deepEqual((await context.ssm.send(new ListNodesCommand({}))).Nodes, []);
    assert.deepEqual((await context.ssm.send(new GetInventoryCommand({}))).Entities, []);
    assert.deepEqual((await context.ssm.send(new ListCommandsCommand({}))).Commands, []);
    const state = await context.ssm.send(new DescribePatchGroupStateCommand({ PatchGroup: 'web' }));
    assert.equal(state.Instances, 0);
    assert.equal(state.InstancesWithMissingPatches, 0);
    await assert.rejects(context.ssm.send(new DescribeInstanceInformationCommand({ NextToken: 'abc' })), expectError('InvalidNextToken', 400));
  });

  it('a node, command, session or automation run is never found', async () => {
    await assert.rejects(context.ssm.send(new DescribeInstancePatchesCommand({ InstanceId: 'i-0123456789abcdef0' })), expectError('InvalidInstanceId', 400, 'Instance i-0123456789abcdef0 is not a managed node.'));
    await assert.rejects(context.ssm.send(new StartSessionCommand({ Target: 'i-0123456789abcdef0' })), expectError('TargetNotConnected', 400, 'i-0123456789abcdef0 is not connected.'));
    assert.deepEqual((await context.ssm.send(new GetConnectionStatusCommand({ Target: 'i-0123456789abcdef0' }))).Status, 'notconnected');
    const commandId = '01234567-89ab-cdef-0123-456789abcdef';
    await assert.rejects(context.ssm.send(new CancelCommandCommand({ CommandId: commandId })), expectError('InvalidCommandId', 400));
    await assert.rejects(context.ssm.send(new ListCommandsCommand({ CommandId: commandId })), expectError('InvalidCommandId', 400));
    await assert.rejects(context.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: 'i-0123456789abcdef0' })), expectError('InvocationDoesNotExist', 400));
    await assert.rejects(context.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: commandId })), expectError('AutomationExecutionNotFoundException', 400));
  });

  it('hybrid activations: create (24 h by default, at most 30 days), describe with filters, delete', async () => {
    context.aws.emulator.clock.set(Date.parse('2026-03-02T10:00:00Z'));
    const { ActivationId, ActivationCode } = await context.ssm.send(new CreateActivationCommand({ IamRole: 'SSMServiceRole', DefaultInstanceName: 'web', Tags: [{ Key: 'env', Value: 'dev' }] }));
    assert.match(ActivationId!, /^[0-9a-f-]{36}$/);
    assert.match(ActivationCode!, /^[A-Za-z0-9]{20}$/);
    await context.ssm.send(new CreateActivationCommand({ IamRole: 'OtherRole', RegistrationLimit: 5 }));
    const [activation] = (await context.ssm.send(new DescribeActivationsCommand({ Filters: [{ FilterKey: 'DefaultInstanceName', FilterValues: ['web'] }] }))).ActivationList!;
    const { CreatedDate, ExpirationDate, ...rest } = activation;
    assert.ok(Math.abs(CreatedDate!.getTime() - Date.parse('2026-03-02T10:00:00Z')) < 5000);
    assert.equal(ExpirationDate!.getTime() - CreatedDate!.getTime(), 24 * 3600_000);
    assert.deepEqual(
      rest,
      {
        ActivationId,
        DefaultInstanceName: 'web',
        IamRole: 'SSMServiceRole',
        RegistrationLimit: 1,
        RegistrationsCount: 0,
        Expired: false,
        Tags: [{ Key: 'env', Value: 'dev' }],
      },
    );
    assert.equal((await context.ssm.send(new DescribeActivationsCommand({}))).ActivationList!.length, 2);
    await assert.rejects(
      context.ssm.send(new CreateActivationCommand({ IamRole: 'SSMServiceRole', ExpirationDate: new Date('2026-05-01T00:00:00Z') })),
      expectError('InvalidParameters', 400),
    );
    await context.ssm.send(new DeleteActivationCommand({ ActivationId }));
    await assert.rejects(context.ssm.send(new DeleteActivationCommand({ ActivationId })), expectError('InvalidActivation', 400));
  });
});
