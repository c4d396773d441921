import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { APIGatewayClient, GetClientCertificateCommand, GetDocumentationPartCommand, GetDocumentationVersionCommand, GetVpcLinkCommand } from '@aws-sdk/client-api-gateway';
import { expectError } from '../support/aws-error.ts';
import { CLIENT_CONFIG, creationFailure, deleteStack, deploy, output, serveCloudFormation } from './serve.ts';

const NLB = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/net/private/50dc6c495c0c9188';

describe('CloudFormation API Gateway documentation, client certificate and VPC link types', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let apigateway: APIGatewayClient;
  serveCloudFormation((aws, c) => {
    cfn = c;
    apigateway = new APIGatewayClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => apigateway.destroy());

  it('documents an API, updating the part and the version in place and replacing a part at a new location', async () => {
    const template = (type: string, text: string, description: string, withPart = true) => `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: documented }
${withPart ? `  Part:
    Type: AWS::ApiGateway::DocumentationPart
    Properties:
      RestApiId: !Ref Api
      Location: { Type: ${type} }
      Properties: '{"description":"${text}"}'
  Version:
    Type: AWS::ApiGateway::DocumentationVersion
    DependsOn: Part
    Properties: { RestApiId: !Ref Api, DocumentationVersion: v1, Description: ${description} }
` : ''}Outputs:
  Api: { Value: !Ref Api }
${withPart ? `  Part: { Value: !Ref Part }
  PartId: { Value: !GetAtt Part.DocumentationPartId }
  Version: { Value: !Ref Version }
` : ''}`;
    const stack = await deploy(cfn, 'documented', template('API', 'pets', 'first'));
    const restApiId = output(stack, 'Api');
    const partId = output(stack, 'Part');
    assert.equal(output(stack, 'PartId'), partId);
    assert.equal(output(stack, 'Version'), 'v1');
    const part = await apigateway.send(new GetDocumentationPartCommand({ restApiId, documentationPartId: partId }));
    assert.deepEqual([part.location, part.properties], [{ type: 'API' }, '{"description":"pets"}']);
    assert.equal((await apigateway.send(new GetDocumentationVersionCommand({ restApiId, documentationVersion: 'v1' }))).description, 'first');

    const updated = await deploy(cfn, 'documented', template('API', 'cats', 'second'), {}, true);
    assert.equal(output(updated, 'Part'), partId);
    assert.equal((await apigateway.send(new GetDocumentationPartCommand({ restApiId, documentationPartId: partId }))).properties, '{"description":"cats"}');
    assert.equal((await apigateway.send(new GetDocumentationVersionCommand({ restApiId, documentationVersion: 'v1' }))).description, 'second');

    const moved = await deploy(cfn, 'documented', template('MODEL', 'cats', 'second').replace('{ Type: MODEL }', '{ Type: MODEL, Name: Empty }'), {}, true);
    assert.notEqual(output(moved, 'Part'), partId);
    await assert.rejects(apigateway.send(new GetDocumentationPartCommand({ restApiId, documentationPartId: partId })), expectError('NotFoundException', 404));
    assert.deepEqual((await apigateway.send(new GetDocumentationPartCommand({ restApiId, documentationPartId: output(moved, 'Part') }))).location, { type: 'MODEL', name: 'Empty' });

    await deploy(cfn, 'documented', template('MODEL', 'cats', 'second', false), {}, true);
    await assert.rejects(apigateway.send(new GetDocumentationPartCommand({ restApiId, documentationPartId: output(moved, 'Part') })), expectError('NotFoundException', 404));
    await assert.rejects(apigateway.send(new GetDocumentationVersionCommand({ restApiId, documentationVersion: 'v1' })), expectError('NotFoundException', 404));
    await deleteStack(cfn, stack);
  });

  it('generates a client certificate and a VPC link, tagged, updated in place, replaced for new targets and deleted', async () => {
    const template = (description: string, team: string, target: string) => `
Resources:
  Certificate:
    Type: AWS::ApiGateway::ClientCertificate
    Properties: { Description: ${description}, Tags: [{ Key: team, Value: ${team} }] }
  Link:
    Type: AWS::ApiGateway::VpcLink
    Properties: { Name: link-${description}, Description: ${description}, TargetArns: ["${target}"], Tags: [{ Key: team, Value: ${team} }] }
Outputs:
  Certificate: { Value: !Ref Certificate }
  CertificateId: { Value: !GetAtt Certificate.ClientCertificateId }
  Link: { Value: !Ref Link }
  LinkId: { Value: !GetAtt Link.VpcLinkId }
`;
    const stack = await deploy(cfn, 'links', template('first', 'a', NLB));
    const certificateId = output(stack, 'Certificate');
    const linkId = output(stack, 'Link');
    assert.equal(output(stack, 'CertificateId'), certificateId);
    assert.equal(output(stack, 'LinkId'), linkId);
    const certificate = await apigateway.send(new GetClientCertificateCommand({ clientCertificateId: certificateId }));
    assert.equal(certificate.description, 'first');
    assert.equal(certificate.tags!.team, 'a');
    assert.equal(certificate.tags!['aws:cloudformation:logical-id'], 'Certificate');
    const link = await apigateway.send(new GetVpcLinkCommand({ vpcLinkId: linkId }));
    assert.deepEqual([link.name, link.description, link.targetArns, link.tags], ['link-first', 'first', [NLB], { team: 'a' }]);

    const updated = await deploy(cfn, 'links', template('second', 'b', NLB), {}, true);
    assert.deepEqual([output(updated, 'Certificate'), output(updated, 'Link')], [certificateId, linkId]);
    const changed = await apigateway.send(new GetClientCertificateCommand({ clientCertificateId: certificateId }));
    assert.deepEqual([changed.description, changed.tags!.team], ['second', 'b']);
    const renamed = await apigateway.send(new GetVpcLinkCommand({ vpcLinkId: linkId }));
    assert.deepEqual([renamed.name, renamed.description, renamed.tags], ['link-second', 'second', { team: 'b' }]);

    const retargeted = await deploy(cfn, 'links', template('second', 'b', `${NLB.slice(0, -4)}0000`), {}, true);
    const newLink = output(retargeted, 'Link');
    assert.notEqual(newLink, linkId);
    await assert.rejects(apigateway.send(new GetVpcLinkCommand({ vpcLinkId: linkId })), expectError('NotFoundException', 404, 'Invalid Vpc Link identifier specified'));

    await deleteStack(cfn, stack);
    await assert.rejects(apigateway.send(new GetVpcLinkCommand({ vpcLinkId: newLink })), expectError('NotFoundException', 404));
    await assert.rejects(apigateway.send(new GetClientCertificateCommand({ clientCertificateId: certificateId })), expectError('NotFoundException', 404, 'Invalid Client Certificate identifier specified'));
  });

  it("fails a VPC link with API Gateway's error, and a property the type does not handle", async () => {
    const empty = await creationFailure(cfn, 'link-bad', 'Resources:\n  Link:\n    Type: AWS::ApiGateway::VpcLink\n    Properties: { Name: empty, TargetArns: [] }\n', 'Link');
    assert.match(empty, /^Resource handler returned message: "Vpc link target ARNs must be non-empty"/);
    const unknown = await creationFailure(cfn, 'certificate-bad', 'Resources:\n  Certificate:\n    Type: AWS::ApiGateway::ClientCertificate\n    Properties: { PemEncodedCertificate: x }\n', 'Certificate');
    assert.equal(unknown, 'Encountered unsupported property PemEncodedCertificate');
  });
});
