import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { APIGatewayClient, DeleteDocumentationVersionCommand, UpdateClientCertificateCommand, UpdateDocumentationPartCommand, UpdateVpcLinkCommand } from '@aws-sdk/client-api-gateway';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation, stackDrift } from './serve.ts';

const NLB = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/net/private/50dc6c495c0c9188';

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
  let cfn: CloudFormationClient;
  let apigateway: APIGatewayClient;
  serveCloudFormation((aws, c) => {
    cfn = c;
    apigateway = new APIGatewayClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => apigateway.destroy());

  it('finds them in sync, then the changes made through API Gateway', async () => {
    const stack = await deploy(cfn, 'apigateway-drift', TEMPLATE);
    const out = (name: string) => output(stack, name);
    const first = await stackDrift(cfn, 'apigateway-drift');
    const checked = ['Part', 'Version', 'Certificate', 'Link'];
    assert.deepEqual(checked.map((id) => first.resources[id].StackResourceDriftStatus), ['IN_SYNC', 'IN_SYNC', 'IN_SYNC', 'IN_SYNC']);

    await apigateway.send(new UpdateDocumentationPartCommand({ restApiId: out('Api'), documentationPartId: out('Part'), patchOperations: [{ op: 'replace', path: '/properties', value: '{"description":"cats"}' }] }));
    await apigateway.send(new DeleteDocumentationVersionCommand({ restApiId: out('Api'), documentationVersion: 'v1' }));
    await apigateway.send(new UpdateClientCertificateCommand({ clientCertificateId: out('Certificate'), patchOperations: [{ op: 'replace', path: '/description', value: 'rotated' }] }));
    await apigateway.send(new UpdateVpcLinkCommand({ vpcLinkId: out('Link'), patchOperations: [{ op: 'replace', path: '/name', value: 'renamed' }] }));

    const second = await stackDrift(cfn, 'apigateway-drift');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Part'), [['/Properties', '{"description":"pets"}', '{"description":"cats"}', 'NOT_EQUAL']]);
    assert.equal(second.resources.Version.StackResourceDriftStatus, 'DELETED');
    assert.deepEqual(differences('Certificate'), [['/Description', 'mtls', 'rotated', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Link'), [['/Name', 'private', 'renamed', 'NOT_EQUAL']]);
  });
});
