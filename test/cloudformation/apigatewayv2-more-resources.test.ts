import assert from 'node:assert/strict';
import {
  ApiGatewayV2Client,
  GetApiMappingCommand,
  GetDomainNameCommand,
  GetIntegrationResponseCommand,
  GetIntegrationsCommand,
  GetModelCommand,
  GetRouteResponseCommand,
  GetRoutesCommand,
  GetStageCommand,
  GetVpcLinkCommand,
} from '@aws-sdk/client-apigatewayv2';
import { expectError } from '../support/aws-error.ts';
import { creationFailure, deleteStack, deploy, output, serveWithClients } from './serve.ts';

describe('CloudFormation API Gateway V2 model, response, domain name, mapping and VPC link types', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ apigw: ApiGatewayV2Client }, { services: ['cloudformation', 'apigatewayv2'] });

  it("gives a WebSocket API's route and integration their responses and a model, updated in place", async () => {
    const template = (description: string, expression: string) => `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: MOCK }
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: send, Target: !Sub "integrations/\${Integration}", RouteResponseSelectionExpression: $default }
  Message:
    Type: AWS::ApiGatewayV2::Model
    Properties:
      ApiId: !Ref Api
      Name: Message
      ContentType: application/json
      Description: ${description}
      Schema: { $schema: "http://json-schema.org/draft-04/schema#", type: object, properties: { text: { type: string } } }
  RouteResponse:
    Type: AWS::ApiGatewayV2::RouteResponse
    Properties: { ApiId: !Ref Api, RouteId: !Ref Route, RouteResponseKey: $default, ModelSelectionExpression: ${expression}, ResponseModels: { $default: !Ref Message } }
  IntegrationResponse:
    Type: AWS::ApiGatewayV2::IntegrationResponse
    Properties: { ApiId: !Ref Api, IntegrationId: !Ref Integration, IntegrationResponseKey: $default, TemplateSelectionExpression: ${expression} }
Outputs:
  Api: { Value: !Ref Api }
  Route: { Value: !Ref Route }
  Integration: { Value: !Ref Integration }
  Model: { Value: !Ref Message }
  ModelId: { Value: !GetAtt Message.ModelId }
  RouteResponse: { Value: !Ref RouteResponse }
  RouteResponseId: { Value: !GetAtt RouteResponse.RouteResponseId }
  IntegrationResponse: { Value: !Ref IntegrationResponse }
  IntegrationResponseId: { Value: !GetAtt IntegrationResponse.IntegrationResponseId }
`;
    const stack = await deploy(aws.cfn, 'websocket', template('first', '$default'));
    const ApiId = output(stack, 'Api');
    for (const kind of ['Model', 'RouteResponse', 'IntegrationResponse']) assert.equal(output(stack, `${kind}Id`), output(stack, kind));
    const model = await aws.apigw.send(new GetModelCommand({ ApiId, ModelId: output(stack, 'Model') }));
    assert.deepEqual([model.Name, model.Description, JSON.parse(model.Schema!).properties], ['Message', 'first', { text: { type: 'string' } }]);
    const routeResponse = await aws.apigw.send(new GetRouteResponseCommand({ ApiId, RouteId: output(stack, 'Route'), RouteResponseId: output(stack, 'RouteResponse') }));
    assert.deepEqual([routeResponse.RouteResponseKey, routeResponse.ResponseModels], ['$default', { $default: output(stack, 'Model') }]);
    const integrationResponse = await aws.apigw.send(new GetIntegrationResponseCommand({ ApiId, IntegrationId: output(stack, 'Integration'), IntegrationResponseId: output(stack, 'IntegrationResponse') }));
    assert.deepEqual([integrationResponse.IntegrationResponseKey, integrationResponse.TemplateSelectionExpression], ['$default', '$default']);

    const updated = await deploy(aws.cfn, 'websocket', template('second', '$request.body.kind'), {}, true);
    for (const kind of ['Model', 'RouteResponse', 'IntegrationResponse']) assert.equal(output(updated, kind), output(stack, kind));
    assert.equal((await aws.apigw.send(new GetModelCommand({ ApiId, ModelId: output(stack, 'Model') }))).Description, 'second');
    const changed = await aws.apigw.send(new GetRouteResponseCommand({ ApiId, RouteId: output(stack, 'Route'), RouteResponseId: output(stack, 'RouteResponse') }));
    assert.equal(changed.ModelSelectionExpression, '$request.body.kind');
    const changedIntegration = await aws.apigw.send(new GetIntegrationResponseCommand({ ApiId, IntegrationId: output(stack, 'Integration'), IntegrationResponseId: output(stack, 'IntegrationResponse') }));
    assert.equal(changedIntegration.TemplateSelectionExpression, '$request.body.kind');
    await deleteStack(aws.cfn, stack);
  });

  it('maps a custom domain name to a stage and makes a VPC link, updated in place or replaced as AWS documents', async () => {
    const template = (key: string, name: string, subnet: string) => `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: shop, ProtocolType: HTTP }
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: !Ref Api, StageName: prod }
  Domain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: shop.example.com
      DomainNameConfigurations: [{ CertificateArn: "arn:aws:acm:us-east-1:000000000000:certificate/0f6e1d5b-6b1c-4a5e-9c1e-0b1f2e3d4c5b", EndpointType: REGIONAL }]
      Tags: { team: ${name} }
  Mapping:
    Type: AWS::ApiGatewayV2::ApiMapping
    DependsOn: [Domain, Stage]
    Properties: { DomainName: shop.example.com, ApiId: !Ref Api, Stage: prod, ApiMappingKey: ${key} }
  Link:
    Type: AWS::ApiGatewayV2::VpcLink
    Properties: { Name: ${name}, SubnetIds: [${subnet}], SecurityGroupIds: [sg-0123456789abcdef0], Tags: { team: ${name} } }
Outputs:
  Domain: { Value: !Ref Domain }
  RegionalDomainName: { Value: !GetAtt Domain.RegionalDomainName }
  RegionalHostedZoneId: { Value: !GetAtt Domain.RegionalHostedZoneId }
  Mapping: { Value: !Ref Mapping }
  MappingId: { Value: !GetAtt Mapping.ApiMappingId }
  Link: { Value: !Ref Link }
  LinkId: { Value: !GetAtt Link.VpcLinkId }
`;
    const stack = await deploy(aws.cfn, 'domains', template('v1', 'a', 'subnet-0aaa'));
    assert.equal(output(stack, 'Domain'), 'shop.example.com');
    const domain = await aws.apigw.send(new GetDomainNameCommand({ DomainName: 'shop.example.com' }));
    assert.equal(output(stack, 'RegionalDomainName'), domain.DomainNameConfigurations![0].ApiGatewayDomainName);
    assert.equal(output(stack, 'RegionalHostedZoneId'), domain.DomainNameConfigurations![0].HostedZoneId);
    assert.equal(domain.Tags!.team, 'a');
    assert.equal(output(stack, 'MappingId'), output(stack, 'Mapping'));
    assert.equal((await aws.apigw.send(new GetApiMappingCommand({ DomainName: 'shop.example.com', ApiMappingId: output(stack, 'Mapping') }))).ApiMappingKey, 'v1');
    assert.equal(output(stack, 'LinkId'), output(stack, 'Link'));
    const link = await aws.apigw.send(new GetVpcLinkCommand({ VpcLinkId: output(stack, 'Link') }));
    assert.deepEqual([link.Name, link.SubnetIds, link.Tags!.team], ['a', ['subnet-0aaa'], 'a']);

    const updated = await deploy(aws.cfn, 'domains', template('v2', 'b', 'subnet-0aaa'), {}, true);
    assert.deepEqual([output(updated, 'Mapping'), output(updated, 'Link')], [output(stack, 'Mapping'), output(stack, 'Link')]);
    assert.equal((await aws.apigw.send(new GetApiMappingCommand({ DomainName: 'shop.example.com', ApiMappingId: output(stack, 'Mapping') }))).ApiMappingKey, 'v2');
    assert.equal((await aws.apigw.send(new GetDomainNameCommand({ DomainName: 'shop.example.com' }))).Tags!.team, 'b');
    assert.deepEqual([(await aws.apigw.send(new GetVpcLinkCommand({ VpcLinkId: output(stack, 'Link') }))).Name], ['b']);

    const moved = await deploy(aws.cfn, 'domains', template('v2', 'b', 'subnet-0bbb'), {}, true);
    assert.notEqual(output(moved, 'Link'), output(stack, 'Link'));
    await assert.rejects(aws.apigw.send(new GetVpcLinkCommand({ VpcLinkId: output(stack, 'Link') })), expectError('NotFoundException', 404));

    await deleteStack(aws.cfn, stack);
    await assert.rejects(aws.apigw.send(new GetDomainNameCommand({ DomainName: 'shop.example.com' })), expectError('NotFoundException', 404));
    await assert.rejects(aws.apigw.send(new GetVpcLinkCommand({ VpcLinkId: output(moved, 'Link') })), expectError('NotFoundException', 404));
  });

  it('overrides the route, integration and stage quick create made, in place', async () => {
    const template = (timeout: number) => `
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: quick, ProtocolType: HTTP, Target: "https://example.com/items", RouteKey: "GET /items" }
  Overrides:
    Type: AWS::ApiGatewayV2::ApiGatewayManagedOverrides
    Properties:
      ApiId: !Ref Api
      Route: { OperationName: listItems }
      Integration: { TimeoutInMillis: ${timeout}, Description: items backend }
      Stage: { Description: default stage, StageVariables: { tier: gold } }
Outputs:
  Api: { Value: !Ref Api }
  Overrides: { Value: !Ref Overrides }
`;
    const stack = await deploy(aws.cfn, 'overrides', template(10000));
    const ApiId = output(stack, 'Api');
    assert.match(output(stack, 'Overrides'), /^[a-z0-9]{8}$/);
    const [route] = (await aws.apigw.send(new GetRoutesCommand({ ApiId }))).Items!;
    assert.deepEqual([route.RouteKey, route.OperationName], ['GET /items', 'listItems']);
    const [integration] = (await aws.apigw.send(new GetIntegrationsCommand({ ApiId }))).Items!;
    assert.deepEqual([integration.TimeoutInMillis, integration.Description], [10000, 'items backend']);
    const stage = await aws.apigw.send(new GetStageCommand({ ApiId, StageName: '$default' }));
    assert.deepEqual([stage.Description, stage.StageVariables], ['default stage', { tier: 'gold' }]);

    const updated = await deploy(aws.cfn, 'overrides', template(20000), {}, true);
    assert.equal(output(updated, 'Overrides'), output(stack, 'Overrides'));
    assert.equal((await aws.apigw.send(new GetIntegrationsCommand({ ApiId }))).Items![0].TimeoutInMillis, 20000);
    await deleteStack(aws.cfn, stack);
  });

  it("fails a model with API Gateway's error, and a property the type does not handle", async () => {
    const api = 'Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties: { Name: bad, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }\n';
    const badName = await creationFailure(aws.cfn, 'model-bad', `${api}  Model:\n    Type: AWS::ApiGatewayV2::Model\n    Properties: { ApiId: !Ref Api, Name: not-alphanumeric, Schema: { type: object } }\n`, 'Model');
    assert.match(badName, /^Resource handler returned message: "Model name must be alphanumeric"/);
    const unknown = await creationFailure(aws.cfn, 'model-unknown', `${api}  Model:\n    Type: AWS::ApiGatewayV2::Model\n    Properties: { ApiId: !Ref Api, Name: Fine, Schema: { type: object }, Title: x }\n`, 'Model');
    assert.equal(unknown, 'Encountered unsupported property Title');
  });
});
