import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DescribeStacksCommand, CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG } from './serve.ts';

const APP = fileURLToPath(new URL('../../examples/cdk-app/', import.meta.url));
const CDK = fileURLToPath(new URL('../../node_modules/.bin/cdk', import.meta.url));

// The aws-cdk CLI and aws-cdk-lib, unchanged, against twinstack with only the environment the README documents.
describe('CDK: cdk bootstrap, deploy, redeploy and destroy of examples/cdk-app', function () {
  this.timeout(600_000);
  let aws: Twinstack;
  let out: string;
  const cdk = (...args: string[]) =>
    promisify(execFile)(CDK, [...args, '--no-notices', '--output', out], {
      cwd: APP,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: aws.endpoint,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'us-east-1',
        CDK_DEFAULT_ACCOUNT: '000000000000',
        CDK_DEFAULT_REGION: 'us-east-1',
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        NODE_NO_WARNINGS: '1',
      },
    });

  before(async () => {
    aws = await startTwinstack({ port: 0 });
    out = mkdtempSync(join(tmpdir(), 'cdk-out-'));
  });
  after(async () => {
    await aws?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('bootstraps, deploys an app whose function handles published orders, redeploys without changes, destroys', async () => {
    await cdk('bootstrap', 'aws://000000000000/us-east-1');
    const started = Date.now();
    await cdk('deploy', '--require-approval', 'never');
    const deploySeconds = (Date.now() - started) / 1000;
    const cfn = new CloudFormationClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'OrderService' }));
    assert.equal(Stacks![0].StackStatus, 'CREATE_COMPLETE');
    const output = (key: string) => Stacks![0].Outputs!.find((o) => o.OutputKey === key)!.OutputValue!;

    const sns = new SNSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const dynamodb = new DynamoDBClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    await sns.send(new PublishCommand({ TopicArn: output('TopicArn'), Message: JSON.stringify({ id: 'o-1', item: 'book' }) }));
    let item;
    for (let i = 0; i < 300 && !item; i++) {
      item = (await dynamodb.send(new GetItemCommand({ TableName: output('TableName'), Key: { id: { S: 'o-1' } } }))).Item;
      if (!item) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(item, { id: { S: 'o-1' }, item: { S: 'book' }, status: { S: 'RECEIVED' } });

    const again = Date.now();
    // The CDK CLI prints to stdout instead of stderr when CI=true, as on CI machines.
    const { stdout, stderr } = await cdk('deploy', '--require-approval', 'never');
    const redeploySeconds = (Date.now() - again) / 1000;
    assert.match(stdout + stderr, /no changes/i);
    console.log(`      cdk deploy ${deploySeconds.toFixed(1)} s, no-op redeploy ${redeploySeconds.toFixed(1)} s (synthesis included)`);

    await cdk('destroy', '--force');
    const gone = await cfn.send(new DescribeStacksCommand({ StackName: Stacks![0].StackId }));
    assert.equal(gone.Stacks![0].StackStatus, 'DELETE_COMPLETE');
    for (const client of [cfn, sns, dynamodb]) client.destroy();
  });
});
