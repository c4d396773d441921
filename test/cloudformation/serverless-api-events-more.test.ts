import assert from 'node:assert/strict';
import { APIGatewayClient, GetMethodCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway';
import { http } from '../apigateway/support.ts';
import { deployTransformed, output, serveWithClients, transformRefused } from './serve.ts';
import { answering, samFunction } from './sam-templates.ts';

describe('CloudFormation: SAM Api events\' RequestParameters and TimeoutInMillis, MergeDefinitions, and Auth inside Fn::If', function () {
  this.timeout(60_000);
  const served = serveWithClients({ apigateway: APIGatewayClient });

  it('writes request parameters and the integration timeout into the method, which API Gateway imports and serves', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
${samFunction('Items', { code: 'exports.handler = async (e) => ({ statusCode: 200, body: String(e.queryStringParameters && e.queryStringParameters.type) });', properties: `
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
` })}
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
${samFunction('Items', { properties: `
      Events:
        List: { Type: Api, Properties: { Path: /items, Method: get, RequestParameters: [method.request.body.type] } }
` })}
`;
    await transformRefused(
      served.cfn,
      'sam-request-parameters-bad',
      template,
      "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Items] is invalid. Event with id [List] is invalid. Invalid value for 'RequestParameters' property. Keys must be in the format 'method.request.[querystring|path|header].{value}', e.g 'method.request.header.Authorization'.",
    );
  });

  it('merges the events\' methods into a DefinitionBody with MergeDefinitions (the event\'s keys win), and leaves a body without it alone', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Merged:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      MergeDefinitions: true
      DefinitionBody:
        swagger: '2.0'
        info: { title: merged, version: '1' }
        paths:
          /items:
            get:
              summary: Lists the items
              parameters: [{ in: query, name: kind, required: true, type: string }]
              x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{"statusCode": 200}' } }
  Kept:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      DefinitionBody:
        swagger: '2.0'
        info: { title: kept, version: '1' }
        paths:
          /health:
            get:
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: { application/json: '{"statusCode": 200}' }
              responses: { '200': { description: ok } }
${samFunction('Items', { code: answering('from the function'), properties: `
      Events:
        List: { Type: Api, Properties: { RestApiId: !Ref Merged, Path: /items, Method: get } }
        Other: { Type: Api, Properties: { RestApiId: !Ref Kept, Path: /other, Method: get } }
` })}
Outputs:
  Merged: { Value: !Ref Merged }
  Kept: { Value: !Ref Kept }
`;
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-merge-definitions', template);
    const merged = processed.Resources.Merged.Properties.Body.paths['/items'].get;
    assert.equal(merged.summary, 'Lists the items');
    assert.deepEqual(merged.parameters, [{ in: 'query', name: 'kind', required: true, type: 'string' }]);
    assert.equal(merged['x-amazon-apigateway-integration'].type, 'aws_proxy');
    assert.deepEqual(merged.responses, {});
    // Without MergeDefinitions the template's body is the API's definition as given: no /other.
    assert.deepEqual(Object.keys(processed.Resources.Kept.Properties.Body.paths), ['/health']);
    assert.ok(processed.Resources.ItemsOtherPermissionlive);

    const restApiId = output(stack, 'Merged');
    const { items } = await served.apigateway.send(new GetResourcesCommand({ restApiId }));
    const got = await served.apigateway.send(new GetMethodCommand({ restApiId, resourceId: items!.find((r) => r.path === '/items')!.id!, httpMethod: 'GET' }));
    assert.deepEqual(got.requestParameters, { 'method.request.querystring.kind': true });
    const answer = await http(`${served.aws.endpoint}/restapis/${restApiId}/live/_user_request_/items?kind=a`);
    assert.equal(answer.status, 200);
    assert.equal(answer.text, 'from the function');
    const kept = await served.apigateway.send(new GetResourcesCommand({ restApiId: output(stack, 'Kept') }));
    assert.deepEqual(kept.items!.map((r) => r.path).sort(), ['/', '/health']);
  });

  it('refuses MergeDefinitions with a DefinitionUri with SAM\'s message', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: live, MergeDefinitions: true, DefinitionUri: s3://bucket/swagger.yaml }
`;
    await transformRefused(served.cfn, 'sam-merge-uri', template, "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Api] is invalid. Cannot set 'MergeDefinitions' to True when using `DefinitionUri`.");
  });

  it('gives the default authorizer to the methods of an Fn::If path and of a conditional function, and API Gateway enforces it', async () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Conditions:
  Live: !Equals [true, true]
  Off: !Equals [true, false]
Globals:
  Api:
    Auth:
      DefaultAuthorizer: Token
      Authorizers:
        Token: { FunctionArn: !GetAtt Authorizer.Arn }
Resources:
  Authorizer:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: |
        exports.handler = async (e) => {
          if (e.authorizationToken !== 'allow') throw new Error('Unauthorized');
          return { principalId: 'user', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: '*' }] } };
        };
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      DefinitionBody:
        swagger: '2.0'
        info: { title: conditional, version: '1' }
        paths:
          /mock:
            Fn::If:
              - Off
              - get:
                  x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{"statusCode": 500}' }, responses: { default: { statusCode: '500' } } }
              - get:
                  x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } }
                  responses: { '200': { description: ok } }
${samFunction('Items', { code: answering('items'), attributes: '    Condition: Live', properties: `
      Events:
        List: { Type: Api, Properties: { Path: /items, Method: get } }
` })}
Outputs:
  Api: { Value: !Ref Api }
  Implicit: { Value: !Ref ServerlessRestApi, Condition: Live }
`;
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-conditional-auth', template);
    const branches = processed.Resources.Api.Properties.Body.paths['/mock']['Fn::If'];
    for (const branch of branches.slice(1)) assert.deepEqual(branch.get.security, [{ Token: [] }]);
    // The path and its method are both under the function's condition.
    const items = processed.Resources.ServerlessRestApi.Properties.Body.paths['/items']['Fn::If'][1].get['Fn::If'];
    assert.equal(items[0], 'Live');
    assert.deepEqual(items[1].security, [{ Token: [] }]);
    // The implicit API exists under its only function's condition, and so does its authorizer's permission.
    assert.equal(processed.Resources.ServerlessRestApi.Condition, 'Live');
    assert.equal(processed.Resources.ServerlessRestApiTokenAuthorizerPermission.Condition, 'Live');

    const call = (api: string, stage: string, path: string, token?: string) =>
      http(`${served.aws.endpoint}/restapis/${output(stack, api)}/${stage}/_user_request_${path}`, token ? { headers: { Authorization: token } } : {});
    assert.equal((await call('Api', 'live', '/mock')).status, 401);
    assert.equal((await call('Api', 'live', '/mock', 'allow')).status, 200);
    assert.equal((await call('Implicit', 'Prod', '/items')).status, 401);
    const allowed = await call('Implicit', 'Prod', '/items', 'allow');
    assert.equal(allowed.status, 200);
    assert.equal(allowed.text, 'items');
  });
});
