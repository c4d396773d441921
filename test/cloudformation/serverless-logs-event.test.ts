import assert from 'node:assert/strict';
import { GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CloudWatchLogsClient, DescribeSubscriptionFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { deleteStack, deployTransformed, output, physicalId, serveWithClients } from './serve.ts';
import { samFunction, samTemplate } from './sam-templates.ts';

describe('CloudFormation: SAM CloudWatchLogs events', function () {
  this.timeout(60_000);
  const served = serveWithClients({ lambda: LambdaClient, logs: CloudWatchLogsClient });

  it('subscribes the function to a log group once Logs may invoke it', async () => {
    const template = samTemplate(`
Resources:
  Group:
    Type: AWS::Logs::LogGroup
${samFunction('Reader', { properties: `
      Events:
        Errors:
          Type: CloudWatchLogs
          Properties: { LogGroupName: !Ref Group, FilterPattern: ERROR }
` })}
Outputs:
  Group: { Value: !Ref Group }
  Reader: { Value: !GetAtt Reader.Arn }
`);
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-logs-event', template);
    assert.deepEqual(processed.Resources.ReaderErrors.DependsOn, ['ReaderErrorsPermission']);
    const { subscriptionFilters } = await served.logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: output(stack, 'Group') }));
    assert.deepEqual(subscriptionFilters!.map((f) => [f.filterPattern, f.destinationArn]), [['ERROR', output(stack, 'Reader')]]);
    const functionName = await physicalId(served.cfn, 'sam-logs-event', 'Reader');
    const policy = JSON.parse((await served.lambda.send(new GetPolicyCommand({ FunctionName: functionName }))).Policy!);
    assert.ok(policy.Statement.some((s: { Principal: { Service: string } }) => s.Principal.Service === 'logs.amazonaws.com'));
    await deleteStack(served.cfn, stack);
  });
});
