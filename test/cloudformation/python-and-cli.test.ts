import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';
import { serveCloudFormation } from './serve.ts';

describe('CloudFormation through boto3 and the AWS CLI', function () {
  this.timeout(120_000);
  let endpoint: string;
  let cfn: CloudFormationClient;
  serveCloudFormation((aws, client) => {
    endpoint = aws.endpoint;
    cfn = client;
  });

  it('boto3: create with the stack_create_complete waiter, describe, delete', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./boto3-clients.py', import.meta.url), endpoint);
    assert.equal(out.status, 'CREATE_COMPLETE');
    assert.deepEqual(out.tags, [{ Key: 'team', Value: 'a' }]);
    const [output] = out.outputs as { OutputKey: string; OutputValue: string; ExportName: string }[];
    assert.match(output.OutputValue, /^arn:aws:sns:us-east-1:000000000000:boto3-stack-Topic-[A-Z0-9]{12}$/);
    assert.equal(output.ExportName, 'boto3-topic');
    assert.deepEqual(out.exports, ['boto3-topic']);
    assert.deepEqual(out.resources, [['Topic', 'AWS::SNS::Topic', 'CREATE_COMPLETE']]);
    assert.deepEqual(out.missing, ['ValidationError', 'Stack with id nope does not exist', 400]);
    assert.equal(out.deleted, 'DELETE_COMPLETE');
  });

  it('boto3: a self-managed stack set deploys one stack per region and deletes them', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./boto3-stack-sets.py', import.meta.url), endpoint);
    assert.match(out.id as string, /^boto3-set:[0-9a-f-]{36}$/);
    assert.equal(out.created, 'SUCCEEDED');
    assert.deepEqual(out.instances, [['eu-west-1', 'CURRENT', 'SUCCEEDED'], ['us-east-1', 'CURRENT', 'SUCCEEDED']]);
    assert.equal(out.stack, 'CREATE_COMPLETE');
    assert.deepEqual(out.results, ['SUCCEEDED', 'SUCCEEDED']);
    assert.equal(out.deleted, 'SUCCEEDED');
    assert.deepEqual(out.summaries, [['boto3-set', 'DELETED']]);
    assert.deepEqual(out.missing, ['StackSetNotFoundException', 'StackSet boto3-set not found', 404]);
  });

  it('aws cloudformation deploy: creates, updates with parameter overrides, and reports no changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-cli-'));
    const file = join(dir, 'template.yaml');
    writeFileSync(file, [
      'Parameters:',
      '  Delay: { Type: Number, Default: 1 }',
      'Resources:',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '    Properties: { DelaySeconds: !Ref Delay }',
      'Outputs:',
      '  Url: { Value: !Ref Queue }',
      '',
    ].join('\n'));
    // The CLI names each change set after the current second (awscli-cloudformation-package-deploy-<epoch>), and the
    // executed one keeps its name: deploys here finish within a second, so each waits for the next one.
    let last = 0;
    const deploy = async (...extra: string[]) => {
      const wait = 1000 - (Date.now() - last);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      try {
        return await promisify(execFile)('aws', ['--endpoint-url', endpoint, 'cloudformation', 'deploy', '--stack-name', 'cli-stack', '--template-file', file, ...extra], { env: BOTO3_ENV });
      } finally {
        last = Date.now();
      }
    };
    try {
      const started = Date.now();
      assert.match((await deploy()).stdout, /Successfully created\/updated stack - cli-stack/);
      assert.ok(Date.now() - started < 20_000, 'the change set and stack waiters find the work done at their first look');
      await deploy('--parameter-overrides', 'Delay=5');
      const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'cli-stack' }));
      assert.equal(Stacks![0].StackStatus, 'UPDATE_COMPLETE');
      assert.deepEqual(Stacks![0].Parameters, [{ ParameterKey: 'Delay', ParameterValue: '5' }]);
      const again = await deploy('--parameter-overrides', 'Delay=5', '--no-fail-on-empty-changeset');
      assert.match(again.stdout, /No changes to deploy\. Stack cli-stack is up to date/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
