import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { Twinstack } from '../../emulator/index.ts';
import { serveCdk } from './cdk-run.ts';
import { CLIENT_CONFIG } from './serve.ts';

const APP = fileURLToPath(new URL('./cdk-custom-resources/', import.meta.url));

// CDK's provider framework and AwsCustomResource answer the custom resource's ResponseURL with https.request: the
// URL is https on twinstack's port and the functions trust its certificate.
describe('CDK: custom resources through the provider framework (with isComplete) and AwsCustomResource', function () {
  this.timeout(600_000);
  const served = serveCdk(APP);
  const cdk = served.cdk;
  let aws: Twinstack;
  before(() => (aws = served.aws()));

  it('deploys a stack whose custom resources answer over HTTPS, reads their data in outputs, and destroys it', async () => {
    await cdk('bootstrap', 'aws://000000000000/us-east-1');
    await cdk('deploy', '--require-approval', 'never');
    const cfn = new CloudFormationClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const ssm = new SSMClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'CustomResources' }));
    assert.equal(Stacks![0].StackStatus, 'CREATE_COMPLETE');
    const outputs = Object.fromEntries(Stacks![0].Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
    assert.deepEqual(outputs, {
      MadeId: '/custom-resources/made-by-Made',
      Started: 'yes',
      MadeValue: 'made for twinstack',
      GreetingRead: 'hello from ssm',
    });
    // onEvent's work is real: the parameter it wrote is there until the stack goes.
    assert.equal((await ssm.send(new GetParameterCommand({ Name: '/custom-resources/made-by-Made' }))).Parameter!.Value, 'made for twinstack');

    await cdk('destroy', '--force');
    const gone = await cfn.send(new DescribeStacksCommand({ StackName: Stacks![0].StackId }));
    assert.equal(gone.Stacks![0].StackStatus, 'DELETE_COMPLETE');
    await assert.rejects(ssm.send(new GetParameterCommand({ Name: '/custom-resources/made-by-Made' })), { name: 'ParameterNotFound' });
    for (const client of [cfn, ssm]) client.destroy();
  });
});
