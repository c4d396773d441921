import assert from 'node:assert/strict';
import {
  CancelCommandCommand,
  GetCommandInvocationCommand,
  ListCommandInvocationsCommand,
  ListCommandsCommand,
  SendCommandCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { expectError } from '../support/aws-error.ts';
import { useTwinstack } from '../support/twinstack.ts';

// Run Command in an account without managed nodes: the document is checked, node ids name no managed node, and
// targets match none, so the command is done at once with no invocations.
describe('SSM Run Command without managed nodes', function () {
  this.timeout(20_000);
  const context = useTwinstack({ services: ['ssm'], accessKeyId: '111111111111' }, { ssm: (settings) => new SSMClient(settings) });
  const send = (input: Partial<ConstructorParameters<typeof SendCommandCommand>[0]>) =>
    context.ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['uptime'] }, ...input }));

  it('refuses node ids, missing documents and versions, and non-Command documents', async () => {
    await assert.rejects(send({ InstanceIds: ['i-0123456789abcdef0'] }), expectError('InvalidInstanceId', 400));
    await assert.rejects(send({ DocumentName: 'No-Such-Document', InstanceIds: ['i-0123456789abcdef0'] }), expectError('InvalidDocument', 400));
    await assert.rejects(send({ DocumentVersion: '99', Targets: [{ Key: 'tag:Env', Values: ['prod'] }] }), expectError('InvalidDocumentVersion', 400));
    await assert.rejects(send({ DocumentName: 'AWS-RestartEC2Instance', Targets: [{ Key: 'tag:Env', Values: ['prod'] }] }), expectError('InvalidDocument', 400));
  });

  it('a command to targets that match no node succeeds at once with no invocations, and is listed newest first', async () => {
    const first = (await send({ Targets: [{ Key: 'tag:Env', Values: ['prod'] }], Comment: 'first' })).Command!;
    assert.deepEqual(
      [first.Status, first.TargetCount, first.CompletedCount, first.DocumentName, first.DocumentVersion, first.Comment],
      ['Success', 0, 0, 'AWS-RunShellScript', '1', 'first'],
    );
    assert.deepEqual(first.Parameters, { commands: ['uptime'] });
    const second = (await send({ Targets: [{ Key: 'resource-groups:Name', Values: ['web'] }] })).Command!;
    assert.deepEqual((await context.ssm.send(new ListCommandsCommand({}))).Commands!.map((c) => c.CommandId), [second.CommandId, first.CommandId]);
    assert.deepEqual((await context.ssm.send(new ListCommandsCommand({ CommandId: first.CommandId }))).Commands!.map((c) => c.Comment), ['first']);
    assert.deepEqual((await context.ssm.send(new ListCommandsCommand({ InstanceId: 'i-0123456789abcdef0' }))).Commands, []);
    assert.deepEqual((await context.ssm.send(new ListCommandInvocationsCommand({ CommandId: first.CommandId }))).CommandInvocations, []);
    await context.ssm.send(new CancelCommandCommand({ CommandId: first.CommandId }));
    await assert.rejects(
      context.ssm.send(new GetCommandInvocationCommand({ CommandId: first.CommandId, InstanceId: 'i-0123456789abcdef0' })),
      expectError('InvocationDoesNotExist', 400),
    );
  });
});
