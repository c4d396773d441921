import assert from 'node:assert/strict';
import { DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { http } from '../apigateway/support.ts';
import { deployTransformed, output, serveWithClients, transformRefused } from './serve.ts';
import { answering, samFunction, transformFailed } from './sam-templates.ts';

describe('CloudFormation: SAM implicit API Conditions, managed policy names, DeploymentPreference and ScheduleV2 state machine events', function () {
  this.timeout(60_000);
  const served = serveWithClients({ iam: IAMClient, scheduler: SchedulerClient });

  it('makes the implicit API and its paths conditional on their functions\' conditions, and serves only the paths whose condition holds', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Parameters:
  Beta: { Type: String, Default: 'no' }
Conditions:
  Live: !Equals [true, true]
  WithBeta: !Equals [!Ref Beta, 'yes']
Resources:
${samFunction('Items', { code: answering('items'), attributes: '    Condition: Live', properties: `
      Events:
        List: { Type: Api, Properties: { Path: /items, Method: get } }
` })}
${samFunction('Beta', { code: answering('beta'), attributes: '    Condition: WithBeta', properties: `
      Events:
        Try: { Type: Api, Properties: { Path: /beta, Method: get } }
        List: { Type: Api, Properties: { Path: /items, Method: post } }
` })}
Outputs:
  Api: { Value: !Ref ServerlessRestApi }
`;
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-conditions', template);
    const { Resources, Conditions } = processed;
    // The API serves both functions' methods: it exists when either condition holds; /beta only with WithBeta; /items
    // (methods of both) when either holds, each method under its function's condition.
    assert.deepEqual(Conditions.ServerlessRestApiCondition, { 'Fn::Or': [{ Condition: 'Live' }, { Condition: 'WithBeta' }] });
    assert.deepEqual(Conditions.ServerlessRestApiSLASHitemsPathCondition, { 'Fn::Or': [{ Condition: 'Live' }, { Condition: 'WithBeta' }] });
    for (const id of Object.keys(Resources).filter((k) => k.startsWith('ServerlessRestApi'))) assert.equal(Resources[id].Condition, 'ServerlessRestApiCondition', id);
    const paths = Resources.ServerlessRestApi.Properties.Body.paths;
    assert.equal(paths['/beta']['Fn::If'][0], 'WithBeta');
    assert.equal(paths['/items']['Fn::If'][0], 'ServerlessRestApiSLASHitemsPathCondition');
    const items = paths['/items']['Fn::If'][1];
    assert.equal(items.get['Fn::If'][0], 'Live');
    assert.deepEqual(items.get['Fn::If'][1]['x-amazon-apigateway-integration'].uri['Fn::If'][0], 'Live');
    assert.equal(items.post['Fn::If'][0], 'WithBeta');

    const url = (path: string) => `${served.aws.endpoint}/restapis/${output(stack, 'Api')}/Prod/_user_request_${path}`;
    const listed = await http(url('/items'));
    assert.equal(listed.status, 200);
    assert.equal(listed.text, 'items');
    // Without the beta function, neither its path nor its method exists.
    assert.equal((await http(url('/beta'))).status, 403);
    assert.equal((await http(url('/items'), { method: 'POST' })).status, 403);
    assert.equal(Resources.Beta.Condition, 'WithBeta');
  });

  it('resolves managed policy names as SAM does, paths included, and IAM attaches those policies', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
${samFunction('Reader', { properties: `
      Policies: [AmazonS3ReadOnlyAccess, AWSLambdaRole, AWSLambdaBasicExecutionRole]
` })}
`;
    const { processed } = await deployTransformed(served.cfn, 'sam-managed-policies', template);
    const arns = [
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
    ];
    // AWSLambdaBasicExecutionRole, which SAM adds itself, is listed once.
    assert.deepEqual(processed.Resources.ReaderRole.Properties.ManagedPolicyArns, arns);
    const { StackResourceDetail } = await served.cfn.send(new DescribeStackResourceCommand({ StackName: 'sam-managed-policies', LogicalResourceId: 'ReaderRole' }));
    const roleName = StackResourceDetail!.PhysicalResourceId!;
    const { AttachedPolicies } = await served.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
    assert.deepEqual(AttachedPolicies!.map((p) => p.PolicyArn).sort(), [...arns].sort());
  });

  it('refuses a DeploymentPreference with SAM\'s messages, and its CodeDeploy resources as types twinstack does not serve', async () => {
    const fn = (properties: string) => `
Transform: AWS::Serverless-2016-10-31
Resources:
${samFunction('Fn')}
${properties}
`;
    const failed = `${transformFailed(1)} Resource with id [Fn] is invalid.`;
    await transformRefused(served.cfn, 'sam-dp-alias', fn('      DeploymentPreference: { Type: AllAtOnce }'), `${failed} 'DeploymentPreference' requires AutoPublishAlias property to be specified.`);
    await transformRefused(served.cfn, 'sam-dp-type', fn('      AutoPublishAlias: live\n      DeploymentPreference: { Enabled: true }'), `${failed} 'DeploymentPreference' is missing required Property 'Type'`);
    await transformRefused(served.cfn, 'sam-pc-alias', fn('      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 }'), `${failed} To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on the function`);
    await transformRefused(served.cfn, 'sam-dp-codedeploy', fn('      AutoPublishAlias: live\n      DeploymentPreference: { Type: Canary10Percent5Minutes }'), 'Template format error: Unrecognized resource types: [AWS::CodeDeploy::Application, AWS::CodeDeploy::DeploymentGroup]');
    // Disabled, it makes nothing: the function deploys with its alias.
    const { processed } = await deployTransformed(served.cfn, 'sam-dp-disabled', fn('      AutoPublishAlias: live\n      DeploymentPreference: { Enabled: false, Type: AllAtOnce }'));
    assert.deepEqual(Object.values(processed.Resources).map((r) => r.Type).sort(), ['AWS::IAM::Role', 'AWS::Lambda::Alias', 'AWS::Lambda::Function', 'AWS::Lambda::Version']);
  });

  it('makes a state machine\'s ScheduleV2 event an EventBridge Scheduler schedule with its role and SAM\'s dead-letter queue, and refuses a bad DeadLetterConfig', async () => {
    const machine = (events: string) => `
Transform: AWS::Serverless-2016-10-31
Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
      Policies: []
      Events:
${events}
`;
    const { processed } = await deployTransformed(served.cfn, 'sam-schedule-v2', machine('        Nightly: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(1 day), DeadLetterConfig: { Type: SQS }, RetryPolicy: { MaximumRetryAttempts: 2 } } }'));
    const { Resources } = processed;
    assert.deepEqual(Resources.MachineNightlyQueue, { Type: 'AWS::SQS::Queue', Properties: {} });
    assert.deepEqual(Resources.MachineNightlyRole.Properties.Policies.map((p: { PolicyName: string }) => p.PolicyName), ['MachineNightlyStartExecutionPolicy', 'MachineNightlySQSPolicy']);
    const schedule = await served.scheduler.send(new GetScheduleCommand({ Name: 'MachineNightly' }));
    assert.equal(schedule.ScheduleExpression, 'rate(1 day)');
    assert.match(schedule.Target!.Arn!, /:stateMachine:/);
    assert.match(schedule.Target!.DeadLetterConfig!.Arn!, /:sqs:us-east-1:\d{12}:/);
    assert.equal(schedule.Target!.RetryPolicy!.MaximumRetryAttempts, 2);
    assert.deepEqual(schedule.FlexibleTimeWindow, { Mode: 'OFF' });
    // SAM names a state machine's event source alone in these errors.
    const failed = transformFailed(1);
    await transformRefused(served.cfn, 'sam-schedule-v2-dlq', machine('        Nightly: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(1 day), DeadLetterConfig: { Type: SNS } } }'), `${failed} Event with id [MachineNightly] is invalid. The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.`);
  });
});
