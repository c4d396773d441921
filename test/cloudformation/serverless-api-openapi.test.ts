import assert from 'node:assert/strict';
import { APIGatewayClient, GetModelsCommand, GetRequestValidatorsCommand, GetStageCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { http } from '../apigateway/support.ts';
import { deployTransformed, output, serveWithClients, transformRefused } from './serve.ts';
import { samFunction, transformFailed } from './sam-templates.ts';

const FAILED = transformFailed(1);

describe('CloudFormation: SAM REST APIs with OpenApiVersion 3, Models, MethodSettings and CanarySetting through API Gateway', function () {
  this.timeout(60_000);
  const served = serveWithClients({ apigateway: APIGatewayClient });

  it('deploys an OpenAPI 3 definition without the extra "Stage" stage, and the request model validates the body', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    OpenApiVersion: '3.0.1'
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      Models:
        Order:
          type: object
          required: [item]
          properties:
            item: { type: string }
      MethodSettings:
        - { ResourcePath: '/*', HttpMethod: '*', ThrottlingBurstLimit: 5, ThrottlingRateLimit: 10 }
      CanarySetting:
        PercentTraffic: 0
        StageVariableOverrides: { color: blue }
${samFunction('Orders', { code: "exports.handler = async (event) => ({ statusCode: 201, body: 'ordered ' + JSON.parse(event.body).item });", properties: `
      Events:
        Create:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /orders
            Method: post
            RequestModel: { Model: Order, Required: true, ValidateBody: true }
` })}
Outputs:
  Api: { Value: !Ref Api }
`;
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-openapi3', template);
    const { Resources } = processed;
    const body = Resources.Api.Properties.Body;
    assert.equal(body.openapi, '3.0.1');
    assert.equal(body.swagger, undefined);
    assert.deepEqual(body.components.schemas, { order: { type: 'object', required: ['item'], properties: { item: { type: 'string' } } } });
    assert.deepEqual(body.paths['/orders'].post.requestBody, { content: { 'application/json': { schema: { $ref: '#/components/schemas/order' } } }, required: true });
    assert.equal(body.paths['/orders'].post['x-amazon-apigateway-request-validator'], 'body-only');
    assert.deepEqual(body['x-amazon-apigateway-request-validators'], { 'body-only': { validateRequestBody: true, validateRequestParameters: false } });
    const deployment = Object.entries(Resources).find(([, r]) => r.Type === 'AWS::ApiGateway::Deployment')![1];
    assert.equal(deployment.Properties.StageName, undefined);
    assert.deepEqual(Resources.ApiliveStage.Properties.CanarySetting, { PercentTraffic: 0, StageVariableOverrides: { color: 'blue' } });

    const id = output(stack, 'Api');
    const { item: stages } = await served.apigateway.send(new GetStagesCommand({ restApiId: id }));
    assert.deepEqual(stages!.map((s) => s.stageName), ['live']);
    const live = await served.apigateway.send(new GetStageCommand({ restApiId: id, stageName: 'live' }));
    assert.deepEqual(live.methodSettings?.['*/*'] && { burst: live.methodSettings['*/*'].throttlingBurstLimit, rate: live.methodSettings['*/*'].throttlingRateLimit }, { burst: 5, rate: 10 });
    assert.equal(live.canarySettings?.percentTraffic, 0);
    assert.deepEqual(live.canarySettings?.stageVariableOverrides, { color: 'blue' });
    const { items: models } = await served.apigateway.send(new GetModelsCommand({ restApiId: id }));
    assert.deepEqual(models!.map((m) => m.name), ['order']);
    const { items: validators } = await served.apigateway.send(new GetRequestValidatorsCommand({ restApiId: id }));
    assert.deepEqual(validators!.map((v) => [v.name, v.validateRequestBody, v.validateRequestParameters]), [['body-only', true, false]]);

    const url = `${served.aws.endpoint}/restapis/${id}/live/_user_request_/orders`;
    const created = await http(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ item: 'tea' }) });
    assert.equal(created.status, 201);
    assert.equal(created.text, 'ordered tea');
    const invalid = await http(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ quantity: 2 }) });
    assert.equal(invalid.status, 400);
    assert.deepEqual(JSON.parse(invalid.text), { message: 'Invalid request body' });
  });

  it('refuses what SAM refuses about them, with its messages', async () => {
    const api = (properties: string) => `
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
${properties}
`;
    await transformRefused(served.cfn, 'sam-openapi-version', api("      OpenApiVersion: '4.0'"), `${FAILED} Resource with id [Api] is invalid. The OpenApiVersion value must be of the format '3.0.0'.`);
    await transformRefused(served.cfn, 'sam-models-uri', api('      DefinitionUri: s3://bucket/api.yaml\n      Models: { Order: { type: object } }'), `${FAILED} Resource with id [Api] is invalid. Models works only with inline Swagger specified in 'DefinitionBody' property.`);
    await transformRefused(served.cfn, 'sam-models-list', api('      Models: [Order]'), `${FAILED} Resource with id [Api] is invalid. Property 'Models' should be a map.`);
    const undefinedModel = `
Transform: AWS::Serverless-2016-10-31
Resources:
${samFunction('Fn', { properties: `
      Events:
        Get: { Type: Api, Properties: { Path: /, Method: get, RequestModel: { Model: User } } }
` })}
`;
    await transformRefused(served.cfn, 'sam-model-undefined', undefinedModel, `${FAILED} Resource with id [Fn] is invalid. Event with id [Get] is invalid. Unable to set RequestModel [User] on API method [get] for path [/] because the related API does not define any Models.`);
  });
});
