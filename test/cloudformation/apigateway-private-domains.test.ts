import assert from 'node:assert/strict';
import { APIGatewayClient, GetBasePathMappingCommand, GetDomainNameAccessAssociationsCommand, GetDomainNameCommand } from '@aws-sdk/client-api-gateway';
import { expectError } from '../support/aws-error.ts';
import { creationFailure, deleteStack, deploy, output, serveWithClients } from './serve.ts';

const CERTIFICATE = 'arn:aws:acm:us-east-1:000000000000:certificate/0f6e1d5b-6b1c-4a5e-9c1e-0b1f2e3d4c5b';

describe('CloudFormation API Gateway private custom domain name types', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ apigateway: APIGatewayClient }, { services: ['cloudformation', 'apigateway'] });

  it('makes a private domain name with a base path mapping and a VPC endpoint association, updated in place', async () => {
    const template = (stage: string, team: string) => `
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
    Properties: { RestApiId: !Ref Api }
  Dev:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: dev }
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: prod }
  Domain:
    Type: AWS::ApiGateway::DomainNameV2
    Properties:
      DomainName: private.example.com
      CertificateArn: ${CERTIFICATE}
      EndpointConfiguration: { Types: [PRIVATE] }
      SecurityPolicy: TLS_1_2
      Policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*" }] }
      Tags: [{ Key: team, Value: ${team} }]
  Mapping:
    Type: AWS::ApiGateway::BasePathMappingV2
    DependsOn: [Dev, Prod]
    Properties: { DomainNameArn: !Ref Domain, RestApiId: !Ref Api, Stage: ${stage}, BasePath: orders }
  Association:
    Type: AWS::ApiGateway::DomainNameAccessAssociation
    Properties: { DomainNameArn: !GetAtt Domain.DomainNameArn, AccessAssociationSource: vpce-0123456789abcdef0, AccessAssociationSourceType: VPCE }
Outputs:
  Domain: { Value: !Ref Domain }
  DomainArn: { Value: !GetAtt Domain.DomainNameArn }
  DomainId: { Value: !GetAtt Domain.DomainNameId }
  Mapping: { Value: !Ref Mapping }
  MappingArn: { Value: !GetAtt Mapping.BasePathMappingArn }
  Association: { Value: !Ref Association }
  AssociationArn: { Value: !GetAtt Association.DomainNameAccessAssociationArn }
`;
    const stack = await deploy(aws.cfn, 'private-domain', template('dev', 'a'));
    const id = output(stack, 'DomainId');
    const arn = `arn:aws:apigateway:us-east-1:000000000000:/domainnames/private.example.com+${id}`;
    assert.deepEqual([output(stack, 'Domain'), output(stack, 'DomainArn')], [arn, arn]);
    assert.equal(output(stack, 'Mapping'), `${arn}/basepathmappings/orders`);
    assert.equal(output(stack, 'MappingArn'), output(stack, 'Mapping'));
    assert.equal(output(stack, 'Association'), `arn:aws:apigateway:us-east-1:000000000000:/domainnameaccessassociations/domainname/private.example.com+${id}/vpcesource/vpce-0123456789abcdef0`);
    assert.equal(output(stack, 'AssociationArn'), output(stack, 'Association'));
    const domain = await aws.apigateway.send(new GetDomainNameCommand({ domainName: 'private.example.com', domainNameId: id }));
    assert.deepEqual([domain.endpointConfiguration!.types, domain.certificateArn, domain.tags!.team], [['PRIVATE'], CERTIFICATE, 'a']);
    assert.equal(JSON.parse(domain.policy!).Statement[0].Action, 'execute-api:Invoke');
    assert.equal((await aws.apigateway.send(new GetBasePathMappingCommand({ domainName: 'private.example.com', domainNameId: id, basePath: 'orders' }))).stage, 'dev');
    const { items } = await aws.apigateway.send(new GetDomainNameAccessAssociationsCommand({}));
    assert.deepEqual(items!.map((a) => a.domainNameArn), [arn]);

    const updated = await deploy(aws.cfn, 'private-domain', template('prod', 'b'), {}, true);
    assert.equal(output(updated, 'Domain'), arn);
    assert.equal((await aws.apigateway.send(new GetBasePathMappingCommand({ domainName: 'private.example.com', domainNameId: id, basePath: 'orders' }))).stage, 'prod');
    assert.equal((await aws.apigateway.send(new GetDomainNameCommand({ domainName: 'private.example.com', domainNameId: id }))).tags!.team, 'b');

    await deleteStack(aws.cfn, stack);
    await assert.rejects(aws.apigateway.send(new GetDomainNameCommand({ domainName: 'private.example.com', domainNameId: id })), expectError('NotFoundException', 404, 'Invalid domain name identifier specified'));
    assert.deepEqual((await aws.apigateway.send(new GetDomainNameAccessAssociationsCommand({}))).items, []);
  });

  it("fails an association with API Gateway's error", async () => {
    const reason = await creationFailure(
      aws.cfn,
      'association-bad',
      `Resources:\n  Domain:\n    Type: AWS::ApiGateway::DomainNameV2\n    Properties: { DomainName: other.example.com, CertificateArn: ${CERTIFICATE}, EndpointConfiguration: { Types: [PRIVATE] } }\n  Association:\n    Type: AWS::ApiGateway::DomainNameAccessAssociation\n    Properties: { DomainNameArn: !Ref Domain, AccessAssociationSource: vpc-123, AccessAssociationSourceType: VPCE }\n`,
      'Association',
    );
    assert.match(reason, /^Resource handler returned message: "Invalid VPC endpoint id vpc-123"/);
  });
});
