import assert from 'node:assert/strict';
import { CreateStackCommand, DetectStackResourceDriftCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import type { Twinstack } from '../../emulator/index.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';
import { echoFunction, LAMBDA_ROLE } from './templates.ts';

/** AWS's recorded drift of a Lambda function (LocalStack's test_drift_detection_on_lambda, validated against AWS). */
const recorded = Object.values(loadSnapshot('cloudformation', 'api/test_drift_detection.snapshot.json'))[0]['recorded-content'].drift_detection as {
  StackResourceDrift: { ExpectedProperties: Record<string, unknown>; ActualProperties: Record<string, unknown>; PropertyDifferences: Record<string, string>[]; StackResourceDriftStatus: string };
};

const TEMPLATE = JSON.stringify({
  Resources: {
    Role: LAMBDA_ROLE,
    Function: echoFunction({ Description: 'function to test lambda function url', Environment: { Variables: { ENDPOINT_URL: 'aws.amazon.com' } } }),
  },
});

describe('CloudFormation: drift of a Lambda function, as AWS reports it', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('compares the properties the template set (not the code) and lists the differences by path', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'drifting-function', TemplateBody: TEMPLATE, Capabilities: ['CAPABILITY_IAM'] }));
    assert.equal((await settled(cfn, 'drifting-function')).StackStatus, 'CREATE_COMPLETE');
    const inSync = await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'drifting-function', LogicalResourceId: 'Function' }));
    assert.equal(inSync.StackResourceDrift!.StackResourceDriftStatus, 'IN_SYNC');

    const lambda = new LambdaClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: inSync.StackResourceDrift!.PhysicalResourceId, Description: 'different description', Environment: { Variables: { ENDPOINT_URL: 'localhost.localstack.cloud' } }, Runtime: 'python3.11' }));
    lambda.destroy();
    const { StackResourceDrift: drift } = await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'drifting-function', LogicalResourceId: 'Function' }));
    const want = recorded.StackResourceDrift;
    assert.equal(drift!.StackResourceDriftStatus, want.StackResourceDriftStatus);
    assert.deepEqual(Object.keys(JSON.parse(drift!.ExpectedProperties!)).sort(), Object.keys(want.ExpectedProperties).sort());
    assert.deepEqual(Object.keys(JSON.parse(drift!.ActualProperties!)).sort(), Object.keys(want.ActualProperties).sort());
    // The same three differences (the recording's runtimes were python3.9 -> python3.8).
    const runtimes = (d: Record<string, string | undefined>) => (d.PropertyPath === '/Runtime' ? { ...d, ExpectedValue: 'expected', ActualValue: 'actual' } : d);
    // In AWS's order: by property path.
    const paths = (list: Record<string, string | undefined>[]) => list.map(runtimes);
    assert.deepEqual(paths(drift!.PropertyDifferences! as unknown as Record<string, string>[]), paths(want.PropertyDifferences));
  });
});
