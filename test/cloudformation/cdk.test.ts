import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DescribeStacksCommand, CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Twinstack } from '../../emulator/index.ts';
import { serveCdk } from './cdk-run.ts';
import { CLIENT_CONFIG } from './serve.ts';

const APP = fileURLToPath(new URL('../../examples/cdk-app/', import.meta.url));

// The aws-cdk CLI and aws-cdk-lib, unchanged, against twinstack with only the environment the README documents.
describe('CDK: cdk bootstrap, deploy, redeploy and destroy of examples/cdk-app', function () {
  this.timeout(600_000);
  const served = serveCdk(APP);
  const cdk = served.cdk;
  let aws: Twinstack;
  before(() => (aws = served.aws()));

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
    // A second no-op deploy: the CLI deletes its previous change set by name first, which must not fail.
    assert.match(Object.values(await cdk('deploy', '--require-approval', 'never')).join(''), /no changes/i);
    console.log(`      cdk deploy ${deploySeconds.toFixed(1)} s, no-op redeploy ${redeploySeconds.toFixed(1)} s (synthesis included)`);

    // --hotswap: a changed handler goes straight to Lambda (UpdateFunctionCode), without a CloudFormation deployment.
    cpSync(join(APP, 'lambda'), join(served.out(), 'handler'), { recursive: true });
    const source = join(served.out(), 'handler', 'index.mjs');
    writeFileSync(source, readFileSync(source, 'utf8').replace("'RECEIVED'", "'RECEIVED-v2'"));
    const hotswap = await cdk('deploy', '--hotswap', '--require-approval', 'never', { ORDER_HANDLER_DIR: join(served.out(), 'handler') });
    assert.match(hotswap.stdout + hotswap.stderr, /hotswap/i);
    await sns.send(new PublishCommand({ TopicArn: output('TopicArn'), Message: JSON.stringify({ id: 'o-2', item: 'pen' }) }));
    let hot;
    for (let i = 0; i < 300 && !hot; i++) {
      hot = (await dynamodb.send(new GetItemCommand({ TableName: output('TableName'), Key: { id: { S: 'o-2' } } }))).Item;
      if (!hot) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(hot?.status, { S: 'RECEIVED-v2' });
    const after = await cfn.send(new DescribeStacksCommand({ StackName: 'OrderService' }));
    assert.equal(after.Stacks![0].StackStatus, 'CREATE_COMPLETE');

    await cdk('destroy', '--force');
    const gone = await cfn.send(new DescribeStacksCommand({ StackName: Stacks![0].StackId }));
    assert.equal(gone.Stacks![0].StackStatus, 'DELETE_COMPLETE');
    for (const client of [cfn, sns, dynamodb]) client.destroy();
  });
});
