import assert from 'node:assert/strict';
import { APIGatewayClient, GetMethodCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway';
import { http } from '../apigateway/support.ts';
import { deployTransformed, output, serveWithClients, transformRefused } from './serve.ts';

describe('CloudFormation: SAM Api events\' RequestParameters and TimeoutInMillis', function () {
  this.timeout(60_000);
  const served = serveWithClients({ apigateway: APIGatewayClient });

  it('writes request parameters and the integration timeout into the method, which API Gateway imports and serves', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Items:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "exports.handler = async (e) => ({ statusCode: 200, body: String(e.queryStringParameters && e.queryStringParameters.type) });"
      Events:
        List:
          Type: Api
          Properties:
            Path: /items
            Method: get
            TimeoutInMillis: 5000
            RequestParameters:
              - method.request.querystring.type
              - method.request.header.Authorization: { Required: true, Caching: true }
Outputs:
  Api: { Value: !Ref ServerlessRestApi }
`;
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-request-parameters', template);
    const method = processed.Resources.ServerlessRestApi.Properties.Body.paths['/items'].get;
    assert.deepEqual(method.parameters, [
      { in: 'query', name: 'type', required: false, type: 'string' },
      { in: 'header', name: 'Authorization', required: true, type: 'string' },
    ]);
    assert.equal(method['x-amazon-apigateway-integration'].timeoutInMillis, 5000);
    assert.deepEqual(method['x-amazon-apigateway-integration'].cacheKeyParameters, ['method.request.header.Authorization']);

    const restApiId = output(stack, 'Api');
    const { items } = await served.apigateway.send(new GetResourcesCommand({ restApiId }));
    const resourceId = items!.find((r) => r.path === '/items')!.id!;
    const got = await served.apigateway.send(new GetMethodCommand({ restApiId, resourceId, httpMethod: 'GET' }));
    assert.deepEqual(got.requestParameters, { 'method.request.querystring.type': false, 'method.request.header.Authorization': true });
    assert.equal(got.methodIntegration!.timeoutInMillis, 5000);
    assert.deepEqual(got.methodIntegration!.cacheKeyParameters, ['method.request.header.Authorization']);
    const answer = await http(`${served.aws.endpoint}/restapis/${restApiId}/Prod/_user_request_/items?type=books`, { headers: { Authorization: 'x' } });
    assert.equal(answer.status, 200);
    assert.equal(answer.text, 'books');
  });

  it('refuses request parameters not named method.request.<querystring|path|header>.<name> with SAM\'s message', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Items:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: "exports.handler = async () => ({})"
      Events:
        List: { Type: Api, Properties: { Path: /items, Method: get, RequestParameters: [method.request.body.type] } }
`;
    await transformRefused(
      served.cfn,
      'sam-request-parameters-bad',
      template,
      "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Items] is invalid. Event with id [List] is invalid. Invalid value for 'RequestParameters' property. Keys must be in the format 'method.request.[querystring|path|header].{value}', e.g 'method.request.header.Authorization'.",
    );
  });
});
