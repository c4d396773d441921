import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeStackResourcesCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  ValidateTemplateCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { APIGatewayClient, GetBasePathMappingsCommand, GetDomainNameCommand, GetMethodCommand, GetResourcesCommand, GetRestApiCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { Twinstack } from '../../emulator/index.ts';
import { http } from '../apigateway/support.ts';
import { CLIENT_CONFIG, deleteStack, deployTransformed, serveCloudFormation, settled, transformRefused } from './serve.ts';
import { answering, samFunction } from './sam-templates.ts';

const TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs20.x
    Timeout: 10
    Environment: { Variables: { GREETING: hello } }
Resources:
  Orders:
    Type: AWS::Serverless::SimpleTable
    Properties: { PrimaryKey: { Name: orderId, Type: String } }
  Jobs:
    Type: AWS::SQS::Queue
  Hello:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Environment: { Variables: { TABLE: !Ref Orders } }
      InlineCode: |
        exports.handler = async (event) => ({
          statusCode: 200,
          body: JSON.stringify({ greeting: process.env.GREETING, table: process.env.TABLE, path: event.rawPath ?? event.path }),
        });
      Policies:
        - DynamoDBCrudPolicy: { TableName: !Ref Orders }
      Events:
        Rest: { Type: Api, Properties: { Path: /hello, Method: get } }
        Http: { Type: HttpApi, Properties: { Path: /hi, Method: GET } }
        Work: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn, BatchSize: 5 } }
        Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
Outputs:
  RestApi: { Value: !Ref ServerlessRestApi }
  HttpApi: { Value: !Ref ServerlessHttpApi }
  Table: { Value: !Ref Orders }
  Role: { Value: !Ref HelloRole }
`;

describe('CloudFormation: the AWS::Serverless-2016-10-31 (SAM) transform', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('asks for CAPABILITY_AUTO_EXPAND on CreateStack, and validates the template with its declared transform', async () => {
    await assert.rejects(cfn.send(new CreateStackCommand({ StackName: 'sam', TemplateBody: TEMPLATE, Capabilities: ['CAPABILITY_IAM'] })), {
      name: 'InsufficientCapabilitiesException',
      message: 'Requires capabilities : [CAPABILITY_AUTO_EXPAND]',
    });
    const validated = await cfn.send(new ValidateTemplateCommand({ TemplateBody: TEMPLATE }));
    assert.deepEqual(validated.DeclaredTransforms, ['AWS::Serverless-2016-10-31']);
  });

  it('deploys a function with REST, HTTP, SQS and schedule events and a simple table through a change set, and serves both APIs', async () => {
    const { Id } = await cfn.send(new CreateChangeSetCommand({ StackName: 'sam', ChangeSetName: 'initial', ChangeSetType: 'CREATE', TemplateBody: TEMPLATE, Capabilities: ['CAPABILITY_IAM'] }));
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const stack = await settled(cfn, 'sam');
    const { StackResources } = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'sam' }));
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE', JSON.stringify(StackResources!.filter((r) => r.ResourceStatusReason).map((r) => r.ResourceStatusReason)));
    const types = Object.fromEntries(StackResources!.map((r) => [r.LogicalResourceId!, r.ResourceType!]));
    const deployment = Object.keys(types).find((id) => /^ServerlessRestApiDeployment[0-9a-f]{10}$/.test(id))!;
    assert.deepEqual({ ...types, [deployment]: types[deployment] }, {
      Orders: 'AWS::DynamoDB::Table',
      Jobs: 'AWS::SQS::Queue',
      Hello: 'AWS::Lambda::Function',
      HelloRole: 'AWS::IAM::Role',
      HelloRestPermissionProd: 'AWS::Lambda::Permission',
      HelloHttpPermission: 'AWS::Lambda::Permission',
      HelloWork: 'AWS::Lambda::EventSourceMapping',
      HelloNightly: 'AWS::Events::Rule',
      HelloNightlyPermission: 'AWS::Lambda::Permission',
      ServerlessRestApi: 'AWS::ApiGateway::RestApi',
      [deployment]: 'AWS::ApiGateway::Deployment',
      ServerlessRestApiProdStage: 'AWS::ApiGateway::Stage',
      ServerlessHttpApi: 'AWS::ApiGatewayV2::Api',
      ServerlessHttpApiApiGatewayDefaultStage: 'AWS::ApiGatewayV2::Stage',
    });
    const output = (key: string) => stack.Outputs!.find((o) => o.OutputKey === key)!.OutputValue!;

    const rest = await http(`${aws.endpoint}/restapis/${output('RestApi')}/Prod/_user_request_/hello`);
    assert.equal(rest.status, 200, rest.text);
    assert.deepEqual(rest.json(), { greeting: 'hello', table: output('Table'), path: '/hello' });
    const httpApi = await http(`${aws.endpoint}/_aws/execute-api/${output('HttpApi')}/hi`);
    assert.equal(httpApi.status, 200, httpApi.text);
    assert.equal(httpApi.json<{ path: string }>().path, '/hi');

    const dynamodb = new DynamoDBClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: output('Table') }));
    assert.deepEqual(Table!.KeySchema, [{ AttributeName: 'orderId', KeyType: 'HASH' }]);
    assert.equal(Table!.BillingModeSummary!.BillingMode, 'PAY_PER_REQUEST');

    const original = await cfn.send(new GetTemplateCommand({ StackName: 'sam' }));
    assert.equal(original.TemplateBody, TEMPLATE);
    const processed = JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: 'sam', TemplateStage: 'Processed' }))).TemplateBody!);
    assert.equal(processed.Transform, undefined);
    assert.equal(processed.Globals, undefined);
    assert.equal(processed.Resources.Hello.Properties.Environment.Variables.GREETING, 'hello');

    await deleteStack(cfn, stack);
    dynamodb.destroy();
  });

  it('adds SAM\'s CORS preflight methods to a REST API with Cors, and refuses what SAM refuses', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      Cors: { AllowOrigin: "'https://example.com'", AllowHeaders: "'Content-Type'", MaxAge: "'600'", AllowCredentials: true }
${samFunction('Items', { code: answering('items'), properties: `
      Events:
        List: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: get } }
        Add: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: post } }
` })}
Outputs:
  Api: { Value: !Ref Api }
`;
    const { stack, processed } = await deployTransformed(cfn, 'cors', template);
    const options = processed.Resources.Api.Properties.Body.paths['/items'].options;
    assert.deepEqual(options['x-amazon-apigateway-integration'].responses.default.responseParameters, {
      'method.response.header.Access-Control-Allow-Origin': "'https://example.com'",
      'method.response.header.Access-Control-Allow-Headers': "'Content-Type'",
      'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS,POST'",
      'method.response.header.Access-Control-Max-Age': "'600'",
      'method.response.header.Access-Control-Allow-Credentials': "'true'",
    });
    const api = stack.Outputs!.find((o) => o.OutputKey === 'Api')!.OutputValue!;
    const preflight = await http(`${aws.endpoint}/restapis/${api}/dev/_user_request_/items`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 200, preflight.text);
    assert.equal(preflight.headers['access-control-allow-origin'], 'https://example.com');
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET,OPTIONS,POST');
    await deleteStack(cfn, stack);

    const wildcard = template.replace(`"'https://example.com'"`, `"'*'"`);
    await transformRefused(cfn, 'bad-cors', wildcard, "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Api] is invalid. Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set");
  });

  it('translates Auth: a Lambda TOKEN authorizer as the default, an event opting out with NONE', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: { Runtime: nodejs20.x, Handler: index.handler }
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      Auth:
        DefaultAuthorizer: TokenAuth
        Authorizers:
          TokenAuth: { FunctionArn: !GetAtt Authorizer.Arn, Identity: { Header: X-Token, ReauthorizeEvery: 0 } }
  Authorizer:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: |
        exports.handler = async (event) => ({
          principalId: 'user',
          policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: event.authorizationToken === 'allow' ? 'Allow' : 'Deny', Resource: event.methodArn }] },
        });
  Items:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: "exports.handler = async () => ({ statusCode: 200, body: 'items' });"
      Events:
        Secure: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /secure, Method: get } }
        Open: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /open, Method: get, Auth: { Authorizer: NONE } } }
Outputs:
  Api: { Value: !Ref Api }
`;
    const { stack, processed } = await deployTransformed(cfn, 'auth', template);
    const body = processed.Resources.Api.Properties.Body;
    assert.deepEqual(body.paths['/secure'].get.security, [{ TokenAuth: [] }]);
    // SAM leaves an event's NONE in place (the translator's api_with_auth_with_default_scopes output); API Gateway reads
    // a scheme no securityDefinition names as no authorization.
    assert.deepEqual(body.paths['/open'].get.security, [{ NONE: [] }]);
    assert.equal(body.securityDefinitions.TokenAuth.name, 'X-Token');
    assert.equal(body.securityDefinitions.TokenAuth['x-amazon-apigateway-authorizer'].type, 'token');
    assert.equal(processed.Resources.ApiTokenAuthAuthorizerPermission.Type, 'AWS::Lambda::Permission');

    const api = stack.Outputs!.find((o) => o.OutputKey === 'Api')!.OutputValue!;
    const url = (path: string) => `${aws.endpoint}/restapis/${api}/dev/_user_request_${path}`;
    assert.equal((await http(url('/open'))).status, 200);
    assert.equal((await http(url('/secure'))).status, 401);
    const denied = await http(url('/secure'), { headers: { 'X-Token': 'deny' } });
    assert.equal(denied.status, 403, denied.text);
    const allowed = await http(url('/secure'), { headers: { 'X-Token': 'allow' } });
    assert.equal(allowed.status, 200, allowed.text);
    assert.equal(allowed.text, 'items');
    await deleteStack(cfn, stack);
  });

  it('translates Domain, Auth.UsagePlan (per API and shared), AWS_IAM with InvokeRole, and Auth.ResourcePolicy', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: { Runtime: nodejs20.x, Handler: index.handler }
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      Domain:
        DomainName: api.example.com
        CertificateArn: arn:aws:acm:us-east-1:000000000000:certificate/abc
        BasePath: [/orders, /users-v2]
      Auth:
        DefaultAuthorizer: AWS_IAM
        InvokeRole: CALLER_CREDENTIALS
        UsagePlan: { CreateUsagePlan: PER_API, UsagePlanName: orders-plan, Quota: { Limit: 100, Period: DAY } }
        ResourcePolicy:
          AwsAccountWhitelist: ['111111111111']
          CustomStatements: [{ Effect: Allow, Principal: '*', Action: execute-api:Invoke, Resource: execute-api:/*/GET/public }]
  Other:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth: { UsagePlan: { CreateUsagePlan: SHARED } }
  Third:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth: { UsagePlan: { CreateUsagePlan: SHARED } }
  Items:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: "exports.handler = async () => ({ statusCode: 200, body: 'items' });"
      Events:
        Signed: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: get } }
        Own: { Type: Api, Properties: { RestApiId: !Ref Api, Path: '/items/{id}', Method: get, Auth: { Authorizer: AWS_IAM, InvokeRole: 'arn:aws:iam::000000000000:role/invoker' } } }
        Public: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /public, Method: get, Auth: { Authorizer: NONE } } }
        Other: { Type: Api, Properties: { RestApiId: !Ref Other, Path: /x, Method: get } }
        Third: { Type: Api, Properties: { RestApiId: !Ref Third, Path: /y, Method: get } }
Outputs:
  Api: { Value: !Ref Api }
`;
    const { stack, processed } = await deployTransformed(cfn, 'sam-extras', template);
    const r = processed.Resources;
    // SAM's logical id for the domain: the first 10 hex digits of the SHA-1 of its name.
    const domainId = `ApiGatewayDomainName${createHash('sha1').update('api.example.com').digest('hex').slice(0, 10)}`;
    assert.deepEqual(r[domainId], {
      Type: 'AWS::ApiGateway::DomainName',
      Properties: { DomainName: 'api.example.com', RegionalCertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/abc', EndpointConfiguration: { Types: ['REGIONAL'] } },
    });
    assert.deepEqual(r.ApiordersBasePathMapping.Properties, { DomainName: { Ref: domainId }, RestApiId: { Ref: 'Api' }, Stage: { Ref: 'Apiv1Stage' }, BasePath: 'orders' });
    assert.equal(r.Apiusersv2BasePathMapping.Properties.BasePath, 'usersv2');
    assert.deepEqual(r.ApiUsagePlan, {
      Type: 'AWS::ApiGateway::UsagePlan',
      DependsOn: ['Api'],
      Properties: { ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: { Ref: 'Apiv1Stage' } }], Quota: { Limit: 100, Period: 'DAY' }, UsagePlanName: 'orders-plan' },
    });
    assert.deepEqual(r.ApiApiKey, { Type: 'AWS::ApiGateway::ApiKey', DependsOn: ['ApiUsagePlan'], Properties: { Enabled: true, StageKeys: [{ RestApiId: { Ref: 'Api' }, StageName: { Ref: 'Apiv1Stage' } }] } });
    assert.deepEqual(r.ApiUsagePlanKey, { Type: 'AWS::ApiGateway::UsagePlanKey', DependsOn: ['ApiApiKey'], Properties: { KeyId: { Ref: 'ApiApiKey' }, KeyType: 'API_KEY', UsagePlanId: { Ref: 'ApiUsagePlan' } } });
    // In SAM's order of the template's resources (its Python 2.7 dict order), as the SAM translator lists them.
    assert.deepEqual(r.ServerlessUsagePlan.DependsOn, ['Third', 'Other']);
    assert.deepEqual(r.ServerlessUsagePlan.Properties.ApiStages.map((s: { ApiId: { Ref: string } }) => s.ApiId.Ref), ['Third', 'Other']);
    assert.deepEqual(r.ServerlessApiKey, { Type: 'AWS::ApiGateway::ApiKey', DependsOn: ['ServerlessUsagePlan'], Properties: { Enabled: true } });

    const body = r.Api.Properties.Body;
    assert.deepEqual(body.securityDefinitions.AWS_IAM, { 'x-amazon-apigateway-authtype': 'awsSigv4', type: 'apiKey', name: 'Authorization', in: 'header' });
    assert.deepEqual(body.paths['/items'].get.security, [{ AWS_IAM: [] }]);
    assert.equal(body.paths['/items'].get['x-amazon-apigateway-integration'].credentials, 'arn:aws:iam::*:user/*');
    assert.equal(body.paths['/items/{id}'].get['x-amazon-apigateway-integration'].credentials, 'arn:aws:iam::000000000000:role/invoker');
    assert.deepEqual(body.paths['/public'].get.security, [{ NONE: [] }]);
    assert.equal(body.paths['/public'].get['x-amazon-apigateway-integration'].credentials, undefined);
    const resource = (method: string, path: string) => ({ 'Fn::Sub': [`execute-api:/\${__Stage__}/${method}${path}`, { __Stage__: 'v1' }] });
    // The paths in the order SAM's Python 2.7 dict iterates them (checked with SAM's translator).
    assert.deepEqual(body['x-amazon-apigateway-policy'], {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: [resource('GET', '/items/*')], Principal: { AWS: ['111111111111'] } },
        { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: [resource('GET', '/items')], Principal: { AWS: ['111111111111'] } },
        { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: [resource('GET', '/public')], Principal: { AWS: ['111111111111'] } },
        { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*/GET/public' },
      ],
    });

    // What API Gateway has now.
    const apigw = new APIGatewayClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const apiId = stack.Outputs!.find((o) => o.OutputKey === 'Api')!.OutputValue!;
    const domain = await apigw.send(new GetDomainNameCommand({ domainName: 'api.example.com' }));
    assert.deepEqual(domain.endpointConfiguration?.types, ['REGIONAL']);
    const { items: mappings } = await apigw.send(new GetBasePathMappingsCommand({ domainName: 'api.example.com' }));
    assert.deepEqual(mappings!.map((m) => [m.basePath, m.restApiId, m.stage]).sort(), [['orders', apiId, 'v1'], ['usersv2', apiId, 'v1']]);
    const plans = (await apigw.send(new GetUsagePlansCommand({}))).items!;
    assert.deepEqual(plans.find((p) => p.name === 'orders-plan')!.apiStages, [{ apiId, stage: 'v1' }]);
    const { items: resources } = await apigw.send(new GetResourcesCommand({ restApiId: apiId }));
    const items = resources!.find((x) => x.path === '/items')!;
    const method = await apigw.send(new GetMethodCommand({ restApiId: apiId, resourceId: items.id, httpMethod: 'GET' }));
    assert.deepEqual([method.authorizationType, method.apiKeyRequired, method.methodIntegration?.credentials], ['AWS_IAM', false, 'arn:aws:iam::*:user/*']);
    const { policy } = await apigw.send(new GetRestApiCommand({ restApiId: apiId }));
    assert.ok(policy?.includes('111111111111'));
    apigw.destroy();
    await deleteStack(cfn, stack);
  });

  it('translates Auth.ResourcePolicy VPC lists into SAM\'s allow-and-deny pairs on aws:SourceVpc and aws:SourceVpce', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Parameters:
  Blocked: { Type: String, Default: vpc-0bad }
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      Auth:
        ResourcePolicy:
          SourceVpcWhitelist: [vpc-0aa, vpce-0bb]
          IntrinsicVpcBlacklist: [!Ref Blocked]
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: 'exports.handler = async () => ({ statusCode: 200 });'
      Events: { Get: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: get } } }
`;
    const { processed } = await deployTransformed(cfn, 'sam-vpc', template);
    const policy = processed.Resources.Api.Properties.Body['x-amazon-apigateway-policy'];
    const resource = [{ 'Fn::Sub': ['execute-api:/${__Stage__}/GET/items', { __Stage__: 'v1' }] }];
    const allow = { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resource, Principal: '*' };
    assert.deepEqual(policy, {
      Version: '2012-10-17',
      Statement: [
        allow,
        { ...allow, Effect: 'Deny', Condition: { StringEquals: { 'aws:SourceVpc': [{ Ref: 'Blocked' }] } } },
        { ...allow, Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-0aa'], 'aws:SourceVpce': ['vpce-0bb'] } } },
      ],
    });
    const bad = template.replace('IntrinsicVpcBlacklist: [!Ref Blocked]', 'SourceVpcBlacklist: [!Ref Blocked]');
    await transformRefused(cfn, 'sam-vpc-bad', bad, 'Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Structure of the SAM template is invalid. SourceVpcBlacklist must be a list of strings. Use IntrinsicVpcBlacklist instead for values that use Intrinsic Functions');
  });

  it('translates state machine Events: an EventBridge rule starts executions through the role SAM makes, a schedule rule is made', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
      Policies: []
      Events:
        OrderPlaced:
          Type: EventBridgeRule
          Properties: { Pattern: { source: [shop.orders] }, InputPath: $.detail }
        Nightly:
          Type: Schedule
          Properties: { Schedule: rate(1 day), Enabled: false, Input: '{"batch": true}' }
`;
    await deployTransformed(cfn, 'sam-flow', template);
    const { StackResources } = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'sam-flow' }));
    const byId = new Map(StackResources!.map((r) => [r.LogicalResourceId!, r]));
    assert.deepEqual([...byId.keys()].sort(), ['Flow', 'FlowNightly', 'FlowNightlyRole', 'FlowOrderPlaced', 'FlowOrderPlacedRole', 'FlowRole']);
    const machineArn = byId.get('Flow')!.PhysicalResourceId!;
    const events = new EventBridgeClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const nightly = await events.send(new DescribeRuleCommand({ Name: byId.get('FlowNightly')!.PhysicalResourceId! }));
    assert.deepEqual([nightly.ScheduleExpression, nightly.State], ['rate(1 day)', 'DISABLED']);
    const { Targets } = await events.send(new ListTargetsByRuleCommand({ Rule: byId.get('FlowOrderPlaced')!.PhysicalResourceId! }));
    assert.deepEqual(Targets!.map((t) => [t.Id, t.Arn, t.InputPath]), [['FlowOrderPlacedStepFunctionsTarget', machineArn, '$.detail']]);
    assert.match(Targets![0].RoleArn!, /:role\/sam-flow-FlowOrderPlacedRole-/);
    await events.send(new PutEventsCommand({ Entries: [{ Source: 'shop.orders', DetailType: 'placed', Detail: JSON.stringify({ id: 7 }) }] }));
    const sfn = new SFNClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    let executions: { executionArn?: string }[] = [];
    for (let i = 0; i < 100 && executions.length === 0; i++) {
      executions = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn }))).executions!;
      if (!executions.length) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(executions.length, 1);
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: executions[0].executionArn }));
    assert.deepEqual(JSON.parse(execution.input!), { id: 7 });
    events.destroy();
    sfn.destroy();
  });

  it('refuses state machine events SAM cannot expand here, with the event named', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
      Events:
        Tick: { Type: Schedule, Properties: { Schedule: rate(1 day), Enabled: true, State: ENABLED } }
`;
    await transformRefused(cfn, 'bad-flow', template, 'Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Flow] is invalid. Event with id [Tick] is invalid. State and Enabled Properties cannot both be specified.');
  });

  it('fails the transform with SAM\'s wording for a function without code', async () => {
    const template = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn: { Type: AWS::Serverless::Function, Properties: { Handler: index.handler, Runtime: nodejs20.x } }\n';
    await transformRefused(cfn, 'bad-sam', template, "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. Either 'InlineCode' or 'CodeUri' must be set.");
    // SAM reports every invalid resource, counted (as users quote AWS's answer, github.com/lumigo-io/SAR-Logging/issues/21).
    const two = template + '  Other: { Type: AWS::Serverless::Function, Properties: { Handler: index.handler, Runtime: nodejs20.x } }\n';
    await transformRefused(cfn, 'bad-sam', two, "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 2. Resource with id [Fn] is invalid. Either 'InlineCode' or 'CodeUri' must be set. Resource with id [Other] is invalid. Either 'InlineCode' or 'CodeUri' must be set.");
  });
});
