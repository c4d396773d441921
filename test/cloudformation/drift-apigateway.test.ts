import assert from 'node:assert/strict';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import {
  APIGatewayClient,
  CreateStageCommand,
  DeleteDocumentationVersionCommand,
  DeleteDomainNameAccessAssociationCommand,
  DeleteGatewayResponseCommand,
  DeleteModelCommand,
  DeleteUsagePlanKeyCommand,
  GetUsagePlanCommand,
  UpdateAccountCommand,
  UpdateApiKeyCommand,
  UpdateAuthorizerCommand,
  UpdateBasePathMappingCommand,
  UpdateClientCertificateCommand,
  UpdateDeploymentCommand,
  UpdateDocumentationPartCommand,
  UpdateDomainNameCommand,
  UpdateMethodCommand,
  UpdateRequestValidatorCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
  UpdateVpcLinkCommand,
} from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  DeleteIntegrationResponseCommand,
  DeleteModelCommand as DeleteV2ModelCommand,
  GetRoutesCommand,
  TagResourceCommand,
  UpdateApiCommand,
  UpdateApiMappingCommand,
  UpdateAuthorizerCommand as UpdateV2AuthorizerCommand,
  UpdateDeploymentCommand as UpdateV2DeploymentCommand,
  UpdateIntegrationCommand,
  UpdateRouteCommand,
  UpdateRouteResponseCommand,
  UpdateStageCommand as UpdateV2StageCommand,
  UpdateVpcLinkCommand as UpdateV2VpcLinkCommand,
} from '@aws-sdk/client-apigatewayv2';
import { deploy, output, serveWithClients, stackDrift } from './serve.ts';
import { ACM_CERTIFICATE, PETS_RESOURCE } from './templates.ts';

const NLB = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/net/private/50dc6c495c0c9188';

const AUTHORIZER_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:auth/invocations';

const REST_API = `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: pets
      Description: the pet store
      BinaryMediaTypes: [image~1png]
      EndpointConfiguration: { Types: [REGIONAL] }
      Policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*" }] }
      Tags: [{ Key: team, Value: a }]
${PETS_RESOURCE}
  Validator:
    Type: AWS::ApiGateway::RequestValidator
    Properties: { RestApiId: !Ref Api, Name: body-only, ValidateRequestBody: true, ValidateRequestParameters: false }
  PetModel:
    Type: AWS::ApiGateway::Model
    Properties: { RestApiId: !Ref Api, Name: Pet, ContentType: application/json, Description: a pet, Schema: { type: object, properties: { name: { type: string } } } }
  Tokens:
    Type: AWS::ApiGateway::Authorizer
    Properties: { RestApiId: !Ref Api, Name: tokens, Type: TOKEN, IdentitySource: method.request.header.Authorization, AuthorizerUri: "${AUTHORIZER_URI}", AuthorizerResultTtlInSeconds: 60 }
  GetPets:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Pets
      HttpMethod: GET
      AuthorizationType: NONE
      RequestValidatorId: !Ref Validator
      RequestParameters: { method.request.querystring.kind: false }
      MethodResponses: [{ StatusCode: 200, ResponseModels: { application/json: Empty } }]
      Integration:
        Type: MOCK
        RequestTemplates: { application/json: '{"statusCode": 200}' }
        IntegrationResponses: [{ StatusCode: 200, ResponseTemplates: { application/json: '[]' } }]
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: GetPets
    Properties: { RestApiId: !Ref Api, Description: first }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
      Variables: { tier: gold }
      MethodSettings: [{ ResourcePath: /*, HttpMethod: "*", MetricsEnabled: true, ThrottlingBurstLimit: 50 }]
      Tags: [{ Key: team, Value: a }]
  Missing:
    Type: AWS::ApiGateway::GatewayResponse
    Properties: { RestApiId: !Ref Api, ResponseType: MISSING_AUTHENTICATION_TOKEN, StatusCode: 404, ResponseTemplates: { application/json: '{"message":"no such path"}' } }
  Key:
    Type: AWS::ApiGateway::ApiKey
    DependsOn: Stage
    Properties: { Name: partner, Enabled: true, Value: abcdefghijklmnopqrstuvwxyz, StageKeys: [{ RestApiId: !Ref Api, StageName: prod }] }
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    DependsOn: Stage
    Properties:
      UsagePlanName: basic
      ApiStages: [{ ApiId: !Ref Api, Stage: prod, Throttle: { /pets/GET: { RateLimit: 5, BurstLimit: 10 } } }]
      Quota: { Limit: 100, Period: DAY }
      Throttle: { RateLimit: 10, BurstLimit: 20 }
  PlanKey:
    Type: AWS::ApiGateway::UsagePlanKey
    Properties: { UsagePlanId: !Ref Plan, KeyId: !Ref Key, KeyType: API_KEY }
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: pets.example.com, RegionalCertificateArn: "${ACM_CERTIFICATE}", EndpointConfiguration: { Types: [REGIONAL] }, Tags: [{ Key: team, Value: a }] }
  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    DependsOn: Stage
    Properties: { DomainName: !Ref Domain, RestApiId: !Ref Api, Stage: prod, BasePath: pets }
  Account:
    Type: AWS::ApiGateway::Account
    Properties: { CloudWatchRoleArn: "arn:aws:iam::000000000000:role/apigateway-logs" }
Outputs:
  Api: { Value: !Ref Api }
  Deployment: { Value: !Ref Deployment }
  Validator: { Value: !Ref Validator }
  Tokens: { Value: !Ref Tokens }
  Pets: { Value: !Ref Pets }
  Key: { Value: !Ref Key }
  Plan: { Value: !Ref Plan }
`;

const HTTP_AND_WEBSOCKET_APIS = `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: shop
      ProtocolType: HTTP
      Description: the shop
      CorsConfiguration: { AllowOrigins: [https://a.example.com], AllowMethods: [GET] }
      Tags: { team: a }
  Items:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: HTTP_PROXY, IntegrationUri: https://example.com/items, IntegrationMethod: GET, PayloadFormatVersion: "1.0", TimeoutInMillis: 5000 }
  Jwt:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Api
      Name: jwt
      AuthorizerType: JWT
      IdentitySource: [$request.header.Authorization]
      JwtConfiguration: { Audience: [shop], Issuer: https://issuer.example.com }
  ListItems:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: GET /items, Target: !Sub "integrations/\${Items}", AuthorizationType: JWT, AuthorizerId: !Ref Jwt, AuthorizationScopes: [read] }
  Deployment:
    Type: AWS::ApiGatewayV2::Deployment
    DependsOn: ListItems
    Properties: { ApiId: !Ref Api, Description: first }
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref Api
      StageName: prod
      DeploymentId: !Ref Deployment
      StageVariables: { tier: gold }
      DefaultRouteSettings: { ThrottlingBurstLimit: 10 }
      Tags: { team: a }
  Domain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: shop.example.com
      DomainNameConfigurations: [{ CertificateArn: "${ACM_CERTIFICATE}", EndpointType: REGIONAL }]
      Tags: { team: a }
  Mapping:
    Type: AWS::ApiGatewayV2::ApiMapping
    DependsOn: [Domain, Stage]
    Properties: { DomainName: shop.example.com, ApiId: !Ref Api, Stage: prod, ApiMappingKey: v1 }
  Link:
    Type: AWS::ApiGatewayV2::VpcLink
    Properties: { Name: private, SubnetIds: [subnet-0b, subnet-0a], SecurityGroupIds: [sg-0123456789abcdef0] }
  Quick:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: quick, ProtocolType: HTTP, Target: "https://example.com/quick", RouteKey: "GET /quick" }
  Overrides:
    Type: AWS::ApiGatewayV2::ApiGatewayManagedOverrides
    Properties: { ApiId: !Ref Quick, Route: { OperationName: quick }, Integration: { TimeoutInMillis: 8000 }, Stage: { StageVariables: { tier: gold } } }
  Chat:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }
  Mock:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Chat, IntegrationType: MOCK }
  Send:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Chat, RouteKey: send, Target: !Sub "integrations/\${Mock}", RouteResponseSelectionExpression: $default }
  Message:
    Type: AWS::ApiGatewayV2::Model
    Properties: { ApiId: !Ref Chat, Name: Message, ContentType: application/json, Schema: { type: object } }
  SendResponse:
    Type: AWS::ApiGatewayV2::RouteResponse
    Properties: { ApiId: !Ref Chat, RouteId: !Ref Send, RouteResponseKey: $default, ModelSelectionExpression: $default, ResponseModels: { $default: !Ref Message } }
  MockResponse:
    Type: AWS::ApiGatewayV2::IntegrationResponse
    Properties: { ApiId: !Ref Chat, IntegrationId: !Ref Mock, IntegrationResponseKey: $default, TemplateSelectionExpression: $default }
Outputs:
  Api: { Value: !Ref Api }
  Items: { Value: !Ref Items }
  Jwt: { Value: !Ref Jwt }
  ListItems: { Value: !Ref ListItems }
  Deployment: { Value: !Ref Deployment }
  Mapping: { Value: !Ref Mapping }
  Link: { Value: !Ref Link }
  Quick: { Value: !Ref Quick }
  Chat: { Value: !Ref Chat }
  Message: { Value: !Ref Message }
  Mock: { Value: !Ref Mock }
  Send: { Value: !Ref Send }
  SendResponse: { Value: !Ref SendResponse }
  MockResponse: { Value: !Ref MockResponse }
`;

const PRIVATE_DOMAIN = `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: internal, EndpointConfiguration: { Types: [PRIVATE] } }
  Method:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: GET, AuthorizationType: NONE, Integration: { Type: MOCK } }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: Method
    Properties: { RestApiId: !Ref Api, StageName: dev }
  Domain:
    Type: AWS::ApiGateway::DomainNameV2
    Properties:
      DomainName: private.example.com
      CertificateArn: ${ACM_CERTIFICATE}
      EndpointConfiguration: { Types: [PRIVATE] }
      SecurityPolicy: TLS_1_2
      Policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*" }] }
      Tags: [{ Key: team, Value: a }]
  Mapping:
    Type: AWS::ApiGateway::BasePathMappingV2
    DependsOn: Deployment
    Properties: { DomainNameArn: !Ref Domain, RestApiId: !Ref Api, Stage: dev, BasePath: orders }
  Association:
    Type: AWS::ApiGateway::DomainNameAccessAssociation
    Properties: { DomainNameArn: !GetAtt Domain.DomainNameArn, AccessAssociationSource: vpce-0123456789abcdef0, AccessAssociationSourceType: VPCE }
Outputs:
  Api: { Value: !Ref Api }
  DomainId: { Value: !GetAtt Domain.DomainNameId }
  Association: { Value: !Ref Association }
`;

const TEMPLATE = `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: documented }
  Part:
    Type: AWS::ApiGateway::DocumentationPart
    Properties: { RestApiId: !Ref Api, Location: { Type: API }, Properties: '{"description":"pets"}' }
  Version:
    Type: AWS::ApiGateway::DocumentationVersion
    DependsOn: Part
    Properties: { RestApiId: !Ref Api, DocumentationVersion: v1, Description: first }
  Certificate:
    Type: AWS::ApiGateway::ClientCertificate
    Properties: { Description: mtls, Tags: [{ Key: team, Value: a }] }
  Link:
    Type: AWS::ApiGateway::VpcLink
    Properties: { Name: private, Description: to the NLB, TargetArns: ["${NLB}"] }
Outputs:
  Api: { Value: !Ref Api }
  Part: { Value: !Ref Part }
  Certificate: { Value: !Ref Certificate }
  Link: { Value: !Ref Link }
`;

describe('CloudFormation: drift of API Gateway documentation, client certificates and VPC links', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ apigateway: APIGatewayClient });

  it('finds them in sync, then the changes made through API Gateway', async () => {
    const stack = await deploy(aws.cfn, 'apigateway-drift', TEMPLATE);
    const out = (name: string) => output(stack, name);
    const first = await stackDrift(aws.cfn, 'apigateway-drift');
    const checked = ['Part', 'Version', 'Certificate', 'Link'];
    assert.deepEqual(checked.map((id) => first.resources[id].StackResourceDriftStatus), ['IN_SYNC', 'IN_SYNC', 'IN_SYNC', 'IN_SYNC']);

    await aws.apigateway.send(new UpdateDocumentationPartCommand({ restApiId: out('Api'), documentationPartId: out('Part'), patchOperations: [{ op: 'replace', path: '/properties', value: '{"description":"cats"}' }] }));
    await aws.apigateway.send(new DeleteDocumentationVersionCommand({ restApiId: out('Api'), documentationVersion: 'v1' }));
    await aws.apigateway.send(new UpdateClientCertificateCommand({ clientCertificateId: out('Certificate'), patchOperations: [{ op: 'replace', path: '/description', value: 'rotated' }] }));
    await aws.apigateway.send(new UpdateVpcLinkCommand({ vpcLinkId: out('Link'), patchOperations: [{ op: 'replace', path: '/name', value: 'renamed' }] }));

    const second = await stackDrift(aws.cfn, 'apigateway-drift');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Part'), [['/Properties', '{"description":"pets"}', '{"description":"cats"}', 'NOT_EQUAL']]);
    assert.equal(second.resources.Version.StackResourceDriftStatus, 'DELETED');
    assert.deepEqual(differences('Certificate'), [['/Description', 'mtls', 'rotated', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Link'), [['/Name', 'private', 'renamed', 'NOT_EQUAL']]);
  });
});

describe('CloudFormation: drift of REST APIs and their parts', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ apigateway: APIGatewayClient, control: CloudControlClient });

  it('finds an API, its methods, stage, keys, plans, domain and account in sync, then the changes made through API Gateway', async () => {
    const stack = await deploy(aws.cfn, 'rest-drift', REST_API);
    const out = (name: string) => output(stack, name);
    const restApiId = out('Api');
    const first = await stackDrift(aws.cfn, 'rest-drift');
    const ids = Object.keys(first.resources).sort();
    assert.deepEqual(ids, ['Account', 'Api', 'Deployment', 'Domain', 'GetPets', 'Key', 'Mapping', 'Missing', 'PetModel', 'Pets', 'Plan', 'PlanKey', 'Stage', 'Tokens', 'Validator']);
    assert.deepEqual(ids.filter((id) => first.resources[id].StackResourceDriftStatus !== 'IN_SYNC'), []);
    assert.equal(first.status, 'IN_SYNC');
    // The stage's per-method throttle reaches API Gateway in its own shape.
    const plan = await aws.apigateway.send(new GetUsagePlanCommand({ usagePlanId: out('Plan') }));
    assert.deepEqual(plan.apiStages![0].throttle, { '/pets/GET': { rateLimit: 5, burstLimit: 10 } });

    const patch = (path: string, value?: string) => [{ op: value === undefined ? ('remove' as const) : ('replace' as const), path, value }];
    await aws.apigateway.send(new UpdateRestApiCommand({ restApiId, patchOperations: patch('/description', 'renamed store') }));
    await aws.apigateway.send(new UpdateMethodCommand({ restApiId, resourceId: out('Pets'), httpMethod: 'GET', patchOperations: patch('/requestParameters/method.request.querystring.kind', 'true') }));
    await aws.apigateway.send(new UpdateRequestValidatorCommand({ restApiId, requestValidatorId: out('Validator'), patchOperations: patch('/validateRequestBody', 'false') }));
    await aws.apigateway.send(new DeleteModelCommand({ restApiId, modelName: 'Pet' }));
    await aws.apigateway.send(new UpdateAuthorizerCommand({ restApiId, authorizerId: out('Tokens'), patchOperations: patch('/authorizerResultTtlInSeconds', '300') }));
    await aws.apigateway.send(new UpdateDeploymentCommand({ restApiId, deploymentId: out('Deployment'), patchOperations: patch('/description', 'second') }));
    await aws.apigateway.send(new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations: [...patch('/variables/tier', 'silver'), ...patch('/*/*/throttling/burstLimit', '100')] }));
    await aws.apigateway.send(new DeleteGatewayResponseCommand({ restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN' }));
    await aws.apigateway.send(new UpdateApiKeyCommand({ apiKey: out('Key'), patchOperations: patch('/enabled', 'false') }));
    await aws.apigateway.send(new UpdateUsagePlanCommand({ usagePlanId: out('Plan'), patchOperations: patch('/quota/limit', '500') }));
    await aws.apigateway.send(new DeleteUsagePlanKeyCommand({ usagePlanId: out('Plan'), keyId: out('Key') }));
    await aws.apigateway.send(new UpdateAccountCommand({ patchOperations: patch('/cloudwatchRoleArn', 'arn:aws:iam::000000000000:role/other') }));

    const second = await stackDrift(aws.cfn, 'rest-drift');
    assert.equal(second.status, 'DRIFTED');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Api'), [['/Description', 'the pet store', 'renamed store', 'NOT_EQUAL']]);
    assert.deepEqual(differences('GetPets'), [['/RequestParameters/method.request.querystring.kind', 'false', 'true', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Validator'), [['/ValidateRequestBody', 'true', 'false', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Tokens'), [['/AuthorizerResultTtlInSeconds', '60', '300', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Deployment'), [['/Description', 'first', 'second', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Stage'), [
      ['/MethodSettings/0/ThrottlingBurstLimit', '50', '100', 'NOT_EQUAL'],
      ['/Variables/tier', 'gold', 'silver', 'NOT_EQUAL'],
    ]);
    assert.deepEqual(differences('Key'), [['/Enabled', 'true', 'false', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Plan'), [['/Quota/Limit', '100', '500', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Account'), [['/CloudWatchRoleArn', 'arn:aws:iam::000000000000:role/apigateway-logs', 'arn:aws:iam::000000000000:role/other', 'NOT_EQUAL']]);
    assert.deepEqual(['PetModel', 'Missing', 'PlanKey'].map((id) => second.resources[id].StackResourceDriftStatus), ['DELETED', 'DELETED', 'DELETED']);
    assert.deepEqual(['Pets', 'Domain', 'Mapping'].map((id) => second.resources[id].StackResourceDriftStatus), ['IN_SYNC', 'IN_SYNC', 'IN_SYNC']);

    // Cloud Control reads the same handlers: the API as API Gateway has it now, in the template's property names.
    const { ResourceDescription } = await aws.control.send(new GetResourceCommand({ TypeName: 'AWS::ApiGateway::RestApi', Identifier: restApiId }));
    const api = JSON.parse(ResourceDescription!.Properties!);
    assert.deepEqual([api.Name, api.Description, api.BinaryMediaTypes, api.EndpointConfiguration.Types, api.Tags], ['pets', 'renamed store', ['image/png'], ['REGIONAL'], [{ Key: 'team', Value: 'a' }]]);
  });
});

describe('CloudFormation: drift of private custom domain names', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ apigateway: APIGatewayClient });

  it('finds a domain name, its mapping and association in sync, then changed or deleted', async () => {
    const stack = await deploy(aws.cfn, 'private-drift', PRIVATE_DOMAIN);
    const first = await stackDrift(aws.cfn, 'private-drift');
    assert.deepEqual(['Api', 'Method', 'Deployment', 'Domain', 'Mapping', 'Association'].map((id) => first.resources[id].StackResourceDriftStatus), Array(6).fill('IN_SYNC'));

    const domain = { domainName: 'private.example.com', domainNameId: output(stack, 'DomainId') };
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] };
    await aws.apigateway.send(new UpdateDomainNameCommand({ ...domain, patchOperations: [{ op: 'replace', path: '/policy', value: JSON.stringify(policy) }] }));
    await aws.apigateway.send(new CreateStageCommand({ restApiId: output(stack, 'Api'), stageName: 'prod', deploymentId: first.resources.Deployment.PhysicalResourceId }));
    await aws.apigateway.send(new UpdateBasePathMappingCommand({ ...domain, basePath: 'orders', patchOperations: [{ op: 'replace', path: '/stage', value: 'prod' }] }));
    await aws.apigateway.send(new DeleteDomainNameAccessAssociationCommand({ domainNameAccessAssociationArn: output(stack, 'Association') }));

    const second = await stackDrift(aws.cfn, 'private-drift');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Domain'), [['/Policy/Statement/0/Effect', 'Allow', 'Deny', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Mapping'), [['/Stage', 'dev', 'prod', 'NOT_EQUAL']]);
    assert.equal(second.resources.Association.StackResourceDriftStatus, 'DELETED');
  });
});

describe('CloudFormation: drift of HTTP and WebSocket APIs and their parts', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ v2: ApiGatewayV2Client });

  it('finds them in sync, then the changes made through API Gateway V2', async () => {
    const stack = await deploy(aws.cfn, 'v2-drift', HTTP_AND_WEBSOCKET_APIS);
    const out = (name: string) => output(stack, name);
    const first = await stackDrift(aws.cfn, 'v2-drift');
    const ids = Object.keys(first.resources);
    assert.equal(ids.length, 17);
    assert.deepEqual(ids.filter((id) => first.resources[id].StackResourceDriftStatus !== 'IN_SYNC'), []);

    const ApiId = out('Api');
    await aws.v2.send(new UpdateApiCommand({ ApiId, Description: 'the new shop' }));
    await aws.v2.send(new UpdateIntegrationCommand({ ApiId, IntegrationId: out('Items'), TimeoutInMillis: 9000 }));
    await aws.v2.send(new UpdateV2AuthorizerCommand({ ApiId, AuthorizerId: out('Jwt'), JwtConfiguration: { Audience: ['other'], Issuer: 'https://issuer.example.com' } }));
    await aws.v2.send(new UpdateRouteCommand({ ApiId, RouteId: out('ListItems'), AuthorizationScopes: ['write'] }));
    await aws.v2.send(new UpdateV2DeploymentCommand({ ApiId, DeploymentId: out('Deployment'), Description: 'second' }));
    await aws.v2.send(new UpdateV2StageCommand({ ApiId, StageName: 'prod', StageVariables: { tier: 'silver' } }));
    await aws.v2.send(new TagResourceCommand({ ResourceArn: 'arn:aws:apigateway:us-east-1::/domainnames/shop.example.com', Tags: { team: 'b' } }));
    await aws.v2.send(new UpdateApiMappingCommand({ DomainName: 'shop.example.com', ApiMappingId: out('Mapping'), ApiId, ApiMappingKey: 'v2' }));
    await aws.v2.send(new UpdateV2VpcLinkCommand({ VpcLinkId: out('Link'), Name: 'renamed' }));
    const managed = (await aws.v2.send(new GetRoutesCommand({ ApiId: out('Quick') }))).Items!.find((r) => r.ApiGatewayManaged)!;
    await aws.v2.send(new UpdateRouteCommand({ ApiId: out('Quick'), RouteId: managed.RouteId, OperationName: 'slow' }));
    await aws.v2.send(new DeleteV2ModelCommand({ ApiId: out('Chat'), ModelId: out('Message') }));
    await aws.v2.send(new UpdateRouteResponseCommand({ ApiId: out('Chat'), RouteId: out('Send'), RouteResponseId: out('SendResponse'), ModelSelectionExpression: '$request.body.kind' }));
    await aws.v2.send(new DeleteIntegrationResponseCommand({ ApiId: out('Chat'), IntegrationId: out('Mock'), IntegrationResponseId: out('MockResponse') }));

    const second = await stackDrift(aws.cfn, 'v2-drift');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Api'), [['/Description', 'the shop', 'the new shop', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Items'), [['/TimeoutInMillis', '5000', '9000', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Jwt'), [['/JwtConfiguration/Audience/0', 'shop', 'other', 'NOT_EQUAL']]);
    assert.deepEqual(differences('ListItems'), [['/AuthorizationScopes/0', 'read', 'write', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Deployment'), [['/Description', 'first', 'second', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Stage'), [['/StageVariables/tier', 'gold', 'silver', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Domain'), [['/Tags/team', 'a', 'b', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Mapping'), [['/ApiMappingKey', 'v1', 'v2', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Link'), [['/Name', 'private', 'renamed', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Overrides'), [['/Route/OperationName', 'quick', 'slow', 'NOT_EQUAL']]);
    assert.deepEqual(differences('SendResponse'), [['/ModelSelectionExpression', '$default', '$request.body.kind', 'NOT_EQUAL']]);
    assert.deepEqual(['Message', 'MockResponse'].map((id) => second.resources[id].StackResourceDriftStatus), ['DELETED', 'DELETED']);
    assert.deepEqual(['Quick', 'Chat', 'Mock', 'Send'].map((id) => second.resources[id].StackResourceDriftStatus), ['IN_SYNC', 'IN_SYNC', 'IN_SYNC', 'IN_SYNC']);
  });
});
