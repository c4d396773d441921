import assert from 'node:assert/strict';
import { CloudControlClient, CreateResourceCommand, DeleteResourceCommand, GetResourceCommand, ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import { deploy, output, serveWithClients } from './serve.ts';
import { ACM_CERTIFICATE, PETS_RESOURCE } from './templates.ts';


const TEMPLATE = `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: pets }
${PETS_RESOURCE}
  GetPets:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Pets, HttpMethod: GET, AuthorizationType: NONE, Integration: { Type: MOCK } }
  Validator:
    Type: AWS::ApiGateway::RequestValidator
    Properties: { RestApiId: !Ref Api, Name: body-only, ValidateRequestBody: true }
  PetModel:
    Type: AWS::ApiGateway::Model
    Properties: { RestApiId: !Ref Api, Name: Pet, ContentType: application/json, Schema: { type: object } }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: GetPets
    Properties: { RestApiId: !Ref Api, Description: first }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: prod }
  Part:
    Type: AWS::ApiGateway::DocumentationPart
    Properties: { RestApiId: !Ref Api, Location: { Type: API }, Properties: '{"description":"pets"}' }
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: pets.example.com, RegionalCertificateArn: "${ACM_CERTIFICATE}", EndpointConfiguration: { Types: [REGIONAL] } }
  Mapping:
    Type: AWS::ApiGateway::BasePathMapping
    DependsOn: Stage
    Properties: { DomainName: !Ref Domain, RestApiId: !Ref Api, Stage: prod, BasePath: v1 }
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: shop, ProtocolType: HTTP }
  Items:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Http, IntegrationType: HTTP_PROXY, IntegrationUri: https://example.com/items, IntegrationMethod: GET, PayloadFormatVersion: "1.0" }
  ListItems:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Http, RouteKey: GET /items, Target: !Sub "integrations/\${Items}" }
  Jwt:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties: { ApiId: !Ref Http, Name: jwt, AuthorizerType: JWT, IdentitySource: [$request.header.Authorization], JwtConfiguration: { Audience: [shop], Issuer: https://issuer.example.com } }
  HttpStage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: !Ref Http, StageName: live, AutoDeploy: true }
Outputs:
  Api: { Value: !Ref Api }
  Pets: { Value: !Ref Pets }
  Validator: { Value: !Ref Validator }
  Deployment: { Value: !Ref Deployment }
  Part: { Value: !Ref Part }
  Http: { Value: !Ref Http }
  Items: { Value: !Ref Items }
  ListItems: { Value: !Ref ListItems }
  Jwt: { Value: !Ref Jwt }
`;

describe("Cloud Control: GetResource of API Gateway's child resources by AWS's compound identifiers", function () {
  this.timeout(60_000);
  const aws = serveWithClients({ control: CloudControlClient });

  it('reads each child named by its parents and its own id, in the order of its primary identifier', async () => {
    const stack = await deploy(aws.cfn, 'compound-ids', TEMPLATE);
    const out = (name: string) => output(stack, name);
    const read = async (TypeName: string, Identifier: string) => {
      const { ResourceDescription } = await aws.control.send(new GetResourceCommand({ TypeName, Identifier }));
      assert.equal(ResourceDescription!.Identifier, Identifier);
      return JSON.parse(ResourceDescription!.Properties!);
    };
    const api = out('Api');
    assert.deepEqual((await read('AWS::ApiGateway::Resource', `${api}|${out('Pets')}`)).PathPart, 'pets');
    assert.deepEqual((await read('AWS::ApiGateway::Method', `${api}|${out('Pets')}|GET`)).AuthorizationType, 'NONE');
    assert.deepEqual((await read('AWS::ApiGateway::RequestValidator', `${api}|${out('Validator')}`)).Name, 'body-only');
    assert.deepEqual((await read('AWS::ApiGateway::Model', `${api}|Pet`)).ContentType, 'application/json');
    assert.deepEqual((await read('AWS::ApiGateway::Deployment', `${out('Deployment')}|${api}`)).Description, 'first');
    assert.deepEqual((await read('AWS::ApiGateway::Stage', `${api}|prod`)).DeploymentId, out('Deployment'));
    assert.deepEqual((await read('AWS::ApiGateway::DocumentationPart', `${out('Part')}|${api}`)).Properties, '{"description":"pets"}');
    assert.deepEqual((await read('AWS::ApiGateway::BasePathMapping', 'pets.example.com|v1')).RestApiId, api);

    const http = out('Http');
    assert.deepEqual((await read('AWS::ApiGatewayV2::Integration', `${http}|${out('Items')}`)).IntegrationUri, 'https://example.com/items');
    assert.deepEqual((await read('AWS::ApiGatewayV2::Route', `${http}|${out('ListItems')}`)).RouteKey, 'GET /items');
    assert.deepEqual((await read('AWS::ApiGatewayV2::Authorizer', `${out('Jwt')}|${http}`)).Name, 'jwt');
    assert.deepEqual((await read('AWS::ApiGatewayV2::Stage', `${http}|live`)).AutoDeploy, true);

    // ListResources under the parent names each child by the same identifier, whoever made it.
    const listed = async (TypeName: string, model: Record<string, string>) => {
      const { ResourceDescriptions } = await aws.control.send(new ListResourcesCommand({ TypeName, ResourceModel: JSON.stringify(model) }));
      return ResourceDescriptions!.map((d) => d.Identifier);
    };
    assert.ok((await listed('AWS::ApiGateway::Resource', { RestApiId: api })).includes(`${api}|${out('Pets')}`));
    assert.deepEqual(await listed('AWS::ApiGateway::RequestValidator', { RestApiId: api }), [`${api}|${out('Validator')}`]);
    // API Gateway gives every REST API its Empty and Error models.
    assert.deepEqual((await listed('AWS::ApiGateway::Model', { RestApiId: api })).sort(), [`${api}|Empty`, `${api}|Error`, `${api}|Pet`]);
    assert.deepEqual(await listed('AWS::ApiGateway::Deployment', { RestApiId: api }), [`${out('Deployment')}|${api}`]);
    assert.deepEqual(await listed('AWS::ApiGateway::Stage', { RestApiId: api }), [`${api}|prod`]);
    assert.deepEqual(await listed('AWS::ApiGateway::DocumentationPart', { RestApiId: api }), [`${out('Part')}|${api}`]);
    assert.deepEqual(await listed('AWS::ApiGatewayV2::Integration', { ApiId: http }), [`${http}|${out('Items')}`]);
    assert.deepEqual(await listed('AWS::ApiGatewayV2::Route', { ApiId: http }), [`${http}|${out('ListItems')}`]);
    assert.deepEqual(await listed('AWS::ApiGatewayV2::Authorizer', { ApiId: http }), [`${out('Jwt')}|${http}`]);
    assert.deepEqual(await listed('AWS::ApiGatewayV2::Stage', { ApiId: http }), [`${http}|live`]);

    // A child that is not there is not found, with Cloud Control's message.
    await assert.rejects(aws.control.send(new GetResourceCommand({ TypeName: 'AWS::ApiGateway::Model', Identifier: `${api}|Cat` })), {
      name: 'ResourceNotFoundException',
      message: `Resource of type 'AWS::ApiGateway::Model' with identifier '${api}|Cat' was not found.`,
    });
  });

  it('names a child it makes by the same compound identifier, and reads and deletes it by that identifier', async () => {
    const stack = await deploy(aws.cfn, 'compound-made', `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: made }
Outputs:
  Api: { Value: !Ref Api }
  Root: { Value: !GetAtt Api.RootResourceId }
`);
    const [api, root] = [output(stack, 'Api'), output(stack, 'Root')];
    const DesiredState = JSON.stringify({ RestApiId: api, ParentId: root, PathPart: 'cats' });
    const { ProgressEvent } = await aws.control.send(new CreateResourceCommand({ TypeName: 'AWS::ApiGateway::Resource', DesiredState }));
    assert.equal(ProgressEvent!.OperationStatus, 'SUCCESS', ProgressEvent!.StatusMessage);
    const [restApiId, resourceId] = ProgressEvent!.Identifier!.split('|');
    assert.equal(restApiId, api);
    const { ResourceDescription } = await aws.control.send(new GetResourceCommand({ TypeName: 'AWS::ApiGateway::Resource', Identifier: ProgressEvent!.Identifier }));
    assert.deepEqual(JSON.parse(ResourceDescription!.Properties!), { RestApiId: api, ParentId: root, PathPart: 'cats', ResourceId: resourceId });

    // ListResources names every resource of the API (the root, made by API Gateway, among them) by the same form.
    const { ResourceDescriptions } = await aws.control.send(new ListResourcesCommand({ TypeName: 'AWS::ApiGateway::Resource', ResourceModel: JSON.stringify({ RestApiId: api }) }));
    assert.deepEqual(ResourceDescriptions!.map((d) => d.Identifier).sort(), [`${api}|${root}`, ProgressEvent!.Identifier].sort());
    assert.deepEqual(JSON.parse(ResourceDescriptions!.find((d) => d.Identifier === ProgressEvent!.Identifier)!.Properties!), { RestApiId: api, ResourceId: resourceId, ParentId: root, PathPart: 'cats' });
    await assert.rejects(aws.control.send(new ListResourcesCommand({ TypeName: 'AWS::ApiGateway::Resource' })), {
      name: 'InvalidRequestException',
      message: 'Missing or invalid ResourceModel property in AWS::ApiGateway::Resource list handler request input.Required property: (#: required key [RestApiId] not found)',
    });
    const deleted = await aws.control.send(new DeleteResourceCommand({ TypeName: 'AWS::ApiGateway::Resource', Identifier: ProgressEvent!.Identifier }));
    assert.equal(deleted.ProgressEvent!.OperationStatus, 'SUCCESS', deleted.ProgressEvent!.StatusMessage);
    await assert.rejects(aws.control.send(new GetResourceCommand({ TypeName: 'AWS::ApiGateway::Resource', Identifier: ProgressEvent!.Identifier })), { name: 'ResourceNotFoundException' });
  });
});
