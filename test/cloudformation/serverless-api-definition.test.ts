import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { APIGatewayClient, GetGatewayResponseCommand, GetRestApiCommand } from '@aws-sdk/client-api-gateway';
import type { Twinstack } from '../../emulator/index.ts';
import { http } from '../apigateway/support.ts';
import { CLIENT_CONFIG, deployTransformed, output, serveCloudFormation } from './serve.ts';
import { answering, samFunction } from './sam-templates.ts';

describe('CloudFormation: SAM REST API GatewayResponses, BinaryMediaTypes and EndpointConfiguration through API Gateway', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('writes them into the definition as SAM does, and the deployed API answers with its gateway responses', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      EndpointConfiguration: { Type: REGIONAL }
      BinaryMediaTypes: [image~1png]
      GatewayResponses:
        MISSING_AUTHENTICATION_TOKEN:
          StatusCode: 404
          ResponseParameters: { Headers: { X-Missing: "'yes'" } }
          ResponseTemplates: { application/json: '{"message": "no such route"}' }
${samFunction('Items', { code: answering('items'), properties: `
      Events:
        List: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: get } }
` })}
Outputs:
  Api: { Value: !Ref Api }
`;
    const { stack, processed } = await deployTransformed(cfn, 'sam-definition', template);
    const { Resources } = processed;
    const api = Resources.Api.Properties;
    assert.deepEqual(api.EndpointConfiguration, { Types: ['REGIONAL'] });
    assert.deepEqual(api.Parameters, { endpointConfigurationTypes: 'REGIONAL' });
    assert.deepEqual(api.BinaryMediaTypes, ['image~1png']);
    assert.deepEqual(api.Body['x-amazon-apigateway-binary-media-types'], ['image/png']);
    assert.deepEqual(api.Body['x-amazon-apigateway-gateway-responses'], {
      MISSING_AUTHENTICATION_TOKEN: {
        responseParameters: { 'gatewayresponse.header.X-Missing': "'yes'" },
        responseTemplates: { 'application/json': '{"message": "no such route"}' },
        statusCode: '404',
      },
    });

    const id = output(stack, 'Api');
    const apigateway = new APIGatewayClient({ ...CLIENT_CONFIG, endpoint: aws.endpoint });
    assert.deepEqual((await apigateway.send(new GetRestApiCommand({ restApiId: id }))).binaryMediaTypes, ['image/png']);
    const response = await apigateway.send(new GetGatewayResponseCommand({ restApiId: id, responseType: 'MISSING_AUTHENTICATION_TOKEN' }));
    assert.equal(response.statusCode, '404');
    const url = (path: string) => `${aws.endpoint}/restapis/${id}/dev/_user_request_${path}`;
    assert.equal((await http(url('/items'))).text, 'items');
    const missing = await http(url('/nowhere'));
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['x-missing'], 'yes');
    assert.deepEqual(JSON.parse(missing.text), { message: 'no such route' });
  });
});
