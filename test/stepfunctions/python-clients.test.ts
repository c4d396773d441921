import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';

// Error codes and messages are AWS's, as recorded in shared/reference/aws-snapshots/stepfunctions.
describe('Step Functions with boto3 and the AWS CLI', function () {
  this.timeout(60_000);
  let aws: Twinstack;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['stepfunctions'] });
  });
  after(() => aws?.stop());

  it('runs executions, reads histories and gets AWS errors (boto3)', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./python-clients.py', import.meta.url), aws.endpoint);
    assert.equal(out.status, 'SUCCEEDED');
    assert.deepEqual(out.output, { greeting: 'Hello, boto3!' });
    assert.deepEqual(out.events, ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded']);
    assert.deepEqual(out.sync, ['SUCCEEDED', { greeting: 'Hello, sync!' }]);
    assert.deepEqual(out.duplicate, { Code: 'ExecutionAlreadyExists', Message: "Execution Already Exists: 'arn:aws:states:us-east-1:000000000000:execution:py-machine:py-run'" });
    assert.deepEqual(out.missing, { Code: 'StateMachineDoesNotExist', Message: "State Machine Does Not Exist: 'arn:aws:states:us-east-1:000000000000:stateMachine:py-machine-missing'" });
  });

  it('creates, starts and describes with the AWS CLI v1', async () => {
    const cli = (...args: string[]) =>
      promisify(execFile)('python3', ['-m', 'awscli', '--endpoint-url', aws.endpoint, '--output', 'json', 'stepfunctions', ...args], { env: BOTO3_ENV });
    const definition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: 42, End: true } } });
    const { stateMachineArn } = JSON.parse((await cli('create-state-machine', '--name', 'cli-machine', '--definition', definition, '--role-arn', 'arn:aws:iam::000000000000:role/r')).stdout);
    const { executionArn } = JSON.parse((await cli('start-execution', '--state-machine-arn', stateMachineArn)).stdout);
    let described: { status: string; output?: string } = { status: 'RUNNING' };
    for (let i = 0; i < 50 && described.status === 'RUNNING'; i++) described = JSON.parse((await cli('describe-execution', '--execution-arn', executionArn)).stdout);
    assert.deepEqual([described.status, described.output], ['SUCCEEDED', '42']);
    const validated = JSON.parse((await cli('validate-state-machine-definition', '--definition', '{"StartAt":"X"}')).stdout);
    assert.deepEqual(validated.diagnostics, [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [States]', location: '/' }]);
    await assert.rejects(cli('describe-state-machine', '--state-machine-arn', 'not_a_valid_arn'), /InvalidArn.*Invalid ARN prefix: not_a_valid_arn/s);
  });
});
