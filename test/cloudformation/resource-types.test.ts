import assert from 'node:assert/strict';
import { DeleteStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { APIGatewayClient, GetModelCommand, GetRestApiCommand, GetStageCommand, GetUsagePlanCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetRoutesCommand } from '@aws-sdk/client-apigatewayv2';
import { CloudWatchLogsClient, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeDeliveryStreamCommand, FirehoseClient } from '@aws-sdk/client-firehose';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetScheduleGroupCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Twinstack } from '../../emulator/index.ts';
import { http } from '../apigateway/support.ts';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation, settled } from './serve.ts';

const REST_API = `
Parameters:
  Word: { Type: String }
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: greetings, EndpointConfiguration: { Types: [REGIONAL] } }
  Hello:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: hello }
  Validator:
    Type: AWS::ApiGateway::RequestValidator
    Properties: { RestApiId: !Ref Api, Name: body-only, ValidateRequestBody: true, ValidateRequestParameters: false }
  Greeting:
    Type: AWS::ApiGateway::Model
    Properties: { RestApiId: !Ref Api, Name: Greeting, ContentType: application/json, Schema: { type: object } }
  Get:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Hello
      HttpMethod: GET
      AuthorizationType: NONE
      ApiKeyRequired: true
      MethodResponses: [{ StatusCode: 200, ResponseModels: { application/json: !Ref Greeting } }]
      Integration:
        Type: MOCK
        RequestTemplates: { application/json: '{"statusCode": 200}' }
        IntegrationResponses:
          - StatusCode: 200
            ResponseTemplates: { application/json: !Sub '{"greeting": "\${Word}"}' }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: Get
    Properties: { RestApiId: !Ref Api, Description: first }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
      Variables: { greeting: !Ref Greeting }
      MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', MetricsEnabled: true, ThrottlingBurstLimit: 50 }]
  Key:
    Type: AWS::ApiGateway::ApiKey
    DependsOn: Stage
    Properties: { Enabled: true, Value: abcdefghijklmnopqrstuvwxyz0123456789 }
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    DependsOn: Stage
    Properties:
      ApiStages: [{ ApiId: !Ref Api, Stage: prod }]
      Quota: { Limit: 5000, Period: MONTH }
  PlanKey:
    Type: AWS::ApiGateway::UsagePlanKey
    Properties: { KeyId: !Ref Key, KeyType: API_KEY, UsagePlanId: !Ref Plan }
Outputs:
  ApiId: { Value: !Ref Api }
  Root: { Value: !GetAtt Api.RootResourceId }
  Stage: { Value: !Ref Stage }
  Plan: { Value: !Ref Plan }
  PlanKey: { Value: !Ref PlanKey }
  Model: { Value: !Ref Greeting }
  Validator: { Value: !GetAtt Validator.RequestValidatorId }
`;

describe('CloudFormation resource types of API Gateway, Step Functions, Firehose, Logs and Scheduler', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('deploys a REST API (resource, MOCK method, model, validator, deployment, stage, key, usage plan) that answers, updates and deletes it', async () => {
    const apigateway = new APIGatewayClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    let stack = await deploy(cfn, 'rest', REST_API, { Word: 'hello' });
    const id = output(stack, 'ApiId');
    assert.match(id, /^[a-z0-9]{10}$/);
    assert.equal(output(stack, 'Stage'), 'prod');
    assert.equal(output(stack, 'Model'), 'Greeting');
    assert.equal(output(stack, 'PlanKey').split(':')[1], output(stack, 'Plan'));
    const call = (key?: string) => http(`${aws.endpoint}/restapis/${id}/prod/_user_request_/hello`, { headers: key ? { 'x-api-key': key } : {} });
    assert.equal((await call()).status, 403);
    const answer = await call('abcdefghijklmnopqrstuvwxyz0123456789');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json(), { greeting: 'hello' });

    const stage = await apigateway.send(new GetStageCommand({ restApiId: id, stageName: 'prod' }));
    assert.deepEqual(stage.variables, { greeting: 'Greeting' });
    assert.equal(stage.methodSettings!['*/*'].metricsEnabled, true);
    assert.equal(stage.methodSettings!['*/*'].throttlingBurstLimit, 50);
    const plan = await apigateway.send(new GetUsagePlanCommand({ usagePlanId: output(stack, 'Plan') }));
    assert.deepEqual(plan.apiStages, [{ apiId: id, stage: 'prod' }]);
    assert.equal((await apigateway.send(new GetModelCommand({ restApiId: id, modelName: 'Greeting' }))).schema, '{"type":"object"}');

    // The method's integration changes in place; a new deployment would be needed for the stage to serve it.
    const updated = REST_API.replace('Description: first', 'Description: second').replace('Limit: 5000', 'Limit: 7000');
    stack = await deploy(cfn, 'rest', updated, { Word: 'bonjour' }, true);
    assert.equal(output(stack, 'ApiId'), id);
    const plan2 = await apigateway.send(new GetUsagePlanCommand({ usagePlanId: output(stack, 'Plan') }));
    assert.equal(plan2.quota!.limit, 7000);

    await cfn.send(new DeleteStackCommand({ StackName: 'rest' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    await assert.rejects(apigateway.send(new GetRestApiCommand({ restApiId: id })), { name: 'NotFoundException' });
    apigateway.destroy();
  });

  it('deploys an HTTP API with an HTTP integration, a route and an auto-deployed stage', async () => {
    const template = `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: http-api, ProtocolType: HTTP }
  Backend:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: HTTP_PROXY, IntegrationMethod: GET, IntegrationUri: 'http://localhost:1/unused', PayloadFormatVersion: '1.0' }
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: 'GET /items', Target: !Sub 'integrations/\${Backend}' }
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: !Ref Api, StageName: $default, AutoDeploy: true }
Outputs:
  ApiId: { Value: !Ref Api }
  Endpoint: { Value: !GetAtt Api.ApiEndpoint }
  RouteId: { Value: !GetAtt Route.RouteId }
  Stage: { Value: !Ref Stage }
`;
    const stack = await deploy(cfn, 'http-api', template);
    const apiId = output(stack, 'ApiId');
    assert.match(output(stack, 'Endpoint'), new RegExp(`^http://${apiId}\\.execute-api\\.`));
    assert.equal(output(stack, 'Stage'), '$default');
    const v2 = new ApiGatewayV2Client({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { Items } = await v2.send(new GetRoutesCommand({ ApiId: apiId }));
    assert.deepEqual(Items!.map((r) => [r.RouteId, r.RouteKey]), [[output(stack, 'RouteId'), 'GET /items']]);
    await cfn.send(new DeleteStackCommand({ StackName: 'http-api' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    v2.destroy();
  });

  it('deploys a state machine with definition substitutions, a delivery stream to S3, log filters and a schedule group', async () => {
    const template = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: [states.amazonaws.com, firehose.amazonaws.com] }, Action: sts:AssumeRole }] }
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt Role.Arn
      DefinitionSubstitutions: { Answer: 42 }
      Definition: { StartAt: Done, States: { Done: { Type: Pass, Result: { answer: '\${Answer}' }, End: true } } }
  Bucket:
    Type: AWS::S3::Bucket
  Stream:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamType: DirectPut
      ExtendedS3DestinationConfiguration: { BucketARN: !GetAtt Bucket.Arn, RoleARN: !GetAtt Role.Arn, BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 1 } }
  Group:
    Type: AWS::Logs::LogGroup
  Errors:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: !Ref Group
      FilterPattern: ERROR
      MetricTransformations: [{ MetricName: Errors, MetricNamespace: App, MetricValue: '1' }]
  Schedules:
    Type: AWS::Scheduler::ScheduleGroup
    Properties: { Name: nightly }
Outputs:
  Machine: { Value: !Ref Machine }
  MachineName: { Value: !GetAtt Machine.Name }
  Stream: { Value: !Ref Stream }
  StreamArn: { Value: !GetAtt Stream.Arn }
  Filter: { Value: !Ref Errors }
  Group: { Value: !Ref Group }
  Schedules: { Value: !GetAtt Schedules.Arn }
`;
    const stack = await deploy(cfn, 'workflows', template);
    const sfn = new SFNClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const machine = output(stack, 'Machine');
    assert.match(machine, new RegExp(`^arn:aws:states:us-east-1:000000000000:stateMachine:${output(stack, 'MachineName')}$`));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: machine }));
    let execution;
    do execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    while (execution.status === 'RUNNING');
    assert.equal(execution.output, '{"answer":"42"}');

    const firehose = new FirehoseClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { DeliveryStreamDescription } = await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: output(stack, 'Stream') }));
    assert.equal(DeliveryStreamDescription!.DeliveryStreamARN, output(stack, 'StreamArn'));
    const logs = new CloudWatchLogsClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { metricFilters } = await logs.send(new DescribeMetricFiltersCommand({ logGroupName: output(stack, 'Group') }));
    assert.deepEqual(metricFilters!.map((f) => [f.filterName, f.filterPattern]), [[output(stack, 'Filter'), 'ERROR']]);
    const scheduler = new SchedulerClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    assert.equal((await scheduler.send(new GetScheduleGroupCommand({ Name: 'nightly' }))).Arn, output(stack, 'Schedules'));

    await cfn.send(new DeleteStackCommand({ StackName: 'workflows' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    await assert.rejects(scheduler.send(new GetScheduleGroupCommand({ Name: 'nightly' })), { name: 'ResourceNotFoundException' });
    for (const client of [sfn, firehose, logs, scheduler]) client.destroy();
  });
});
