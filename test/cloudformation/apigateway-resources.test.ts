import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { APIGatewayClient, GetMethodCommand, GetRestApiCommand, GetUsagePlanCommand } from '@aws-sdk/client-api-gateway';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation } from './serve.ts';

// Expected values are AWS's, from LocalStack's AWS-validated snapshots of
// tests/aws/services/cloudformation/resources/test_apigateway.py.
describe('CloudFormation API Gateway resources as AWS records them', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let apigateway: APIGatewayClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
    apigateway = new APIGatewayClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => apigateway.destroy());

  it('takes a YAML template indented as a whole, and answers the policy given as a document escaped', async () => {
    // A test's triple-quoted text: every line, the first too, indented by four spaces.
    const template = `
    Resources:
      Api:
        Type: AWS::ApiGateway::RestApi
        Properties:
          Name: guarded
          Policy:
            Version: "2012-10-17"
            Statement: [{ Effect: Deny, Principal: "*", Action: execute-api:Invoke, Resource: "*" }]
    Outputs:
      ApiId: { Value: !Ref Api }
    `;
    const stack = await deploy(cfn, 'policy', template);
    const api = await apigateway.send(new GetRestApiCommand({ restApiId: output(stack, 'ApiId') }));
    assert.equal(api.policy, '{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Deny\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"execute-api:Invoke\\",\\"Resource\\":\\"*\\"}]}');
  });

  it("joins the template's binary media types to those of the OpenAPI document read from S3", async () => {
    const s3 = new S3Client({ endpoint: aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
    await s3.send(new CreateBucketCommand({ Bucket: 'swagger' }));
    const document = { swagger: '2.0', info: { title: 'pets', version: '1.0.0' }, 'x-amazon-apigateway-binary-media-types': ['image/png', 'image/jpg'], paths: {} };
    await s3.send(new PutObjectCommand({ Bucket: 'swagger', Key: 'pets.json', Body: JSON.stringify(document) }));
    s3.destroy();
    const template = `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BinaryMediaTypes: [image/gif, image/png]
      BodyS3Location: { Bucket: swagger, Key: pets.json }
Outputs:
  ApiId: { Value: !Ref Api }
`;
    const stack = await deploy(cfn, 'binary', template);
    const api = await apigateway.send(new GetRestApiCommand({ restApiId: output(stack, 'ApiId') }));
    assert.deepEqual([...api.binaryMediaTypes!].sort(), ['image/gif', 'image/jpg', 'image/png']);
    assert.equal(api.name, 'pets');
  });

  it('puts a MOCK method without a connection type, numeric selection patterns as text, and a quota offset of 0', async () => {
    const template = `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: mock }
  Post:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: POST
      AuthorizationType: NONE
      Integration:
        Type: MOCK
        ConnectionType: INTERNET
        IntegrationResponses:
          - { StatusCode: 200 }
          - { StatusCode: 404, SelectionPattern: 404 }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: Post
    Properties: { RestApiId: !Ref Api, StageName: dev }
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    DependsOn: Deployment
    Properties:
      ApiStages: [{ ApiId: !Ref Api, Stage: dev }]
      Quota: { Limit: 5000, Period: MONTH }
Outputs:
  ApiId: { Value: !Ref Api }
  Root: { Value: !GetAtt Api.RootResourceId }
  Plan: { Value: !Ref Plan }
`;
    const stack = await deploy(cfn, 'mock', template);
    const method = await apigateway.send(new GetMethodCommand({ restApiId: output(stack, 'ApiId'), resourceId: output(stack, 'Root'), httpMethod: 'POST' }));
    assert.equal(method.methodIntegration!.connectionType, undefined);
    assert.deepEqual(method.methodIntegration!.integrationResponses, { 200: { statusCode: '200' }, 404: { statusCode: '404', selectionPattern: '404' } });
    const plan = await apigateway.send(new GetUsagePlanCommand({ usagePlanId: output(stack, 'Plan') }));
    assert.deepEqual(plan.quota, { limit: 5000, offset: 0, period: 'MONTH' });
  });
});
