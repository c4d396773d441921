import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { AddPermissionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { createFunction } from '../lambda/support.ts';
import { apiFunction, executeHost, http } from './support.ts';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const lambdaUri = (name: string) => `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}/invocations`;

// Behaviour from AWS's documentation of the proxy integration contract and the AWS-validated snapshots
// (test_apigateway_lambda.py: the v1 event, 502 "Internal server error" on malformed output).
describe('API Gateway REST API execution', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let apigw: APIGatewayClient;
  let lambda: LambdaClient;
  let backend: Server;
  let backendUrl: string;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigateway', 'lambda', 'sts', 'sqs', 'dynamodb'] });
    const options = { endpoint: aws.endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    apigw = new APIGatewayClient(options);
    lambda = new LambdaClient(options);
    backend = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-backend': 'yes' });
        res.end(JSON.stringify({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString() }));
      });
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  });
  after(async () => {
    apigw.destroy();
    lambda.destroy();
    backend.close();
    await aws.stop();
  });

  const nodeFunction = (source: string) => apiFunction(lambda, source);

  async function api(name: string) {
    const created = await apigw.send(new CreateRestApiCommand({ name }));
    return { id: created.id!, root: created.rootResourceId! };
  }

  const viaHost = (apiId: string, path: string, init: Parameters<typeof http>[1] = {}) =>
    http(`${aws.endpoint}${path}`, { ...init, headers: { ...init.headers, host: executeHost(aws.endpoint, apiId) } });

  it('Lambda proxy: the v1 event, the response contract, all three URL forms', async () => {
    const fn = await nodeFunction(`exports.handler = async (event) => ({
      statusCode: 200,
      headers: { 'x-single': 'a' },
      multiValueHeaders: { 'x-multi': ['1', '2'] },
      body: JSON.stringify(event),
    });`);
    const { id, root } = await api('proxy');
    const proxy = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: '{proxy+}' }));
    await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: proxy.id, httpMethod: 'ANY', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: id, resourceId: proxy.id, httpMethod: 'ANY', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: lambdaUri(fn) }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev', variables: { color: 'blue' } }));

    const answer = await viaHost(id, '/dev/pets/1?a=1&a=2&b=x', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test': 'v' }, body: '{"hello":1}' });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['x-single'], 'a');
    assert.equal(answer.headers['x-multi'], '1, 2');
    const event = answer.json<Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.equal(event.resource, '/{proxy+}');
    assert.equal(event.path, '/pets/1');
    assert.equal(event.httpMethod, 'POST');
    assert.deepEqual(event.pathParameters, { proxy: 'pets/1' });
    assert.deepEqual(event.queryStringParameters, { a: '2', b: 'x' });
    assert.deepEqual(event.multiValueQueryStringParameters, { a: ['1', '2'], b: ['x'] });
    assert.equal(event.headers['x-test'], 'v');
    assert.deepEqual(event.multiValueHeaders['x-test'], ['v']);
    assert.deepEqual(event.stageVariables, { color: 'blue' });
    assert.equal(event.body, '{"hello":1}');
    assert.equal(event.isBase64Encoded, false);
    assert.equal(event.requestContext.stage, 'dev');
    assert.equal(event.requestContext.path, '/dev/pets/1');
    assert.equal(event.requestContext.resourcePath, '/{proxy+}');
    assert.equal(event.requestContext.apiId, id);
    assert.equal(event.requestContext.accountId, ACCOUNT);
    assert.equal(event.requestContext.identity.sourceIp, '127.0.0.1');
    assert.match(event.requestContext.requestTime, /^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);

    const byPath = await http(`${aws.endpoint}/_aws/execute-api/${id}/dev/pets/2`);
    assert.equal(byPath.json<{ path: string }>().path, '/pets/2');
    const byUserRequest = await http(`${aws.endpoint}/restapis/${id}/dev/_user_request_/pets/3`);
    assert.equal(byUserRequest.json<{ path: string }>().path, '/pets/3');
    const noRoute = await viaHost(id, '/other/x');
    assert.equal(noRoute.status, 403);
  });

  it('Lambda proxy: malformed output and missing permission are 5xx with AWS bodies', async () => {
    const bad = await createFunction(lambda, { 'index.js': 'exports.handler = async () => ({ statusCode: 200, unexpected: true });' }, { Runtime: 'nodejs20.x', Handler: 'index.handler' });
    await lambda.send(new AddPermissionCommand({ FunctionName: bad, StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' }));
    const unpermitted = await createFunction(lambda, { 'index.js': 'exports.handler = async () => ({ statusCode: 200, body: "ok" });' }, { Runtime: 'nodejs20.x', Handler: 'index.handler' });
    const { id, root } = await api('malformed');
    for (const [part, fn] of [['bad', bad], ['denied', unpermitted]]) {
      const r = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: part }));
      await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: r.id, httpMethod: 'GET', authorizationType: 'NONE' }));
      await apigw.send(new PutIntegrationCommand({ restApiId: id, resourceId: r.id, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: lambdaUri(fn) }));
    }
    await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev' }));
    const malformed = await viaHost(id, '/dev/bad');
    assert.equal(malformed.status, 502);
    assert.deepEqual(malformed.json(), { message: 'Internal server error' });
    const denied = await viaHost(id, '/dev/denied');
    assert.equal(denied.status, 500);
    assert.deepEqual(denied.json(), { message: 'Internal server error' });
    const missing = await viaHost(id, '/dev/nothing');
    assert.equal(missing.status, 403);
    assert.deepEqual(missing.json(), { message: 'Missing Authentication Token' });
    assert.equal(missing.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
  });

  it('MOCK and Lambda non-proxy integrations with mapping templates and selection patterns', async () => {
    const fn = await nodeFunction(`exports.handler = async (event) => {
      if (event.fail) throw new Error('Bad input: ' + event.fail);
      return { greeting: 'hello ' + event.name, stage: event.stage };
    };`);
    const { id, root } = await api('mapped');
    const mock = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: 'mock' }));
    await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: mock.id, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: id, resourceId: mock.id, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigw.send(new PutMethodResponseCommand({ restApiId: id, resourceId: mock.id, httpMethod: 'GET', statusCode: '200', responseParameters: { 'method.response.header.x-mock': false } }));
    await apigw.send(
      new PutIntegrationResponseCommand({
        restApiId: id,
        resourceId: mock.id,
        httpMethod: 'GET',
        statusCode: '200',
        responseParameters: { 'method.response.header.x-mock': "'yes'" },
        responseTemplates: { 'application/json': '{"q": "$input.params(\'q\')", "stage": "$context.stage", "var": "$stageVariables.v"}' },
      }),
    );
    const greet = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: 'greet' }));
    await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: greet.id, httpMethod: 'POST', authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        restApiId: id,
        resourceId: greet.id,
        httpMethod: 'POST',
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: lambdaUri(fn),
        requestTemplates: { 'application/json': '{"name": "$input.path(\'$.name\')", "fail": $input.json(\'$.fail\'), "stage": "$context.stage"}' },
      }),
    );
    await apigw.send(new PutIntegrationResponseCommand({ restApiId: id, resourceId: greet.id, httpMethod: 'POST', statusCode: '200', responseTemplates: { 'application/json': '{"message": "$input.path(\'$.greeting\')"}' } }));
    await apigw.send(
      new PutIntegrationResponseCommand({
        restApiId: id,
        resourceId: greet.id,
        httpMethod: 'POST',
        statusCode: '400',
        selectionPattern: 'Bad input.*',
        responseTemplates: { 'application/json': '{"error": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}' },
      }),
    );
    await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod', variables: { v: 'sv' } }));

    const mocked = await viaHost(id, '/prod/mock?q=find');
    assert.equal(mocked.status, 200);
    assert.equal(mocked.headers['x-mock'], 'yes');
    assert.deepEqual(mocked.json(), { q: 'find', stage: 'prod', var: 'sv' });
    const ok = await viaHost(id, '/prod/greet', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": "ann", "fail": null}' });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json(), { message: 'hello ann' });
    const failed = await viaHost(id, '/prod/greet', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": "bob", "fail": "x"}' });
    assert.equal(failed.status, 400);
    assert.deepEqual(failed.json(), { error: 'Bad input: x' });
  });

  it('HTTP proxy and HTTP integrations reach the backend', async () => {
    const { id, root } = await api('http');
    const proxy = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: '{proxy+}' }));
    await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: proxy.id, httpMethod: 'ANY', authorizationType: 'NONE', requestParameters: { 'method.request.path.proxy': true } }));
    await apigw.send(
      new PutIntegrationCommand({
        restApiId: id,
        resourceId: proxy.id,
        httpMethod: 'ANY',
        type: 'HTTP_PROXY',
        integrationHttpMethod: 'ANY',
        uri: `${backendUrl}/base/{proxy}`,
        requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      }),
    );
    await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev' }));
    const answer = await viaHost(id, '/dev/a/b?x=1', { method: 'PUT', body: 'payload' });
    assert.equal(answer.status, 201);
    assert.equal(answer.headers['x-backend'], 'yes');
    assert.deepEqual(answer.json(), { method: 'PUT', url: '/base/a/b?x=1', body: 'payload' });
  });

  it('TOKEN authorizers with caching, API keys with usage-plan quotas, request validation', async () => {
    const authFn = await nodeFunction(`let calls = 0;
      exports.handler = async (event) => {
        calls++;
        if (event.authorizationToken === 'bad') throw new Error('Unauthorized');
        const effect = event.authorizationToken === 'deny' ? 'Deny' : 'Allow';
        return { principalId: 'user-' + calls, policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: event.methodArn }] }, context: { tier: 'gold' } };
      };`);
    const { id, root } = await api('secured');
    const authorizer = await apigw.send(new CreateAuthorizerCommand({ restApiId: id, name: 'tok', type: 'TOKEN', authorizerUri: lambdaUri(authFn), identitySource: 'method.request.header.Authorization' }));
    const secure = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: 'secure' }));
    await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: secure.id, httpMethod: 'GET', authorizationType: 'CUSTOM', authorizerId: authorizer.id }));
    await apigw.send(new PutIntegrationCommand({ restApiId: id, resourceId: secure.id, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigw.send(
      new PutIntegrationResponseCommand({ restApiId: id, resourceId: secure.id, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': '{"principal": "$context.authorizer.principalId", "tier": "$context.authorizer.tier"}' } }),
    );
    const keyed = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: 'keyed' }));
    await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: keyed.id, httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: true }));
    await apigw.send(new PutIntegrationCommand({ restApiId: id, resourceId: keyed.id, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigw.send(new PutIntegrationResponseCommand({ restApiId: id, resourceId: keyed.id, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } }));
    await apigw.send(new CreateModelCommand({ restApiId: id, name: 'Order', contentType: 'application/json', schema: JSON.stringify({ type: 'object', required: ['qty'], properties: { qty: { type: 'integer' } } }) }));
    const validator = await apigw.send(new CreateRequestValidatorCommand({ restApiId: id, name: 'all', validateRequestBody: true, validateRequestParameters: true }));
    const orders = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: 'orders' }));
    await apigw.send(
      new PutMethodCommand({
        restApiId: id,
        resourceId: orders.id,
        httpMethod: 'POST',
        authorizationType: 'NONE',
        requestValidatorId: validator.id,
        requestParameters: { 'method.request.querystring.region': true },
        requestModels: { 'application/json': 'Order' },
      }),
    );
    await apigw.send(new PutIntegrationCommand({ restApiId: id, resourceId: orders.id, httpMethod: 'POST', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigw.send(new PutIntegrationResponseCommand({ restApiId: id, resourceId: orders.id, httpMethod: 'POST', statusCode: '200', responseTemplates: { 'application/json': '{}' } }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev' }));

    const none = await viaHost(id, '/dev/secure');
    assert.deepEqual([none.status, none.json()], [401, { message: 'Unauthorized' }]);
    const bad = await viaHost(id, '/dev/secure', { headers: { authorization: 'bad' } });
    assert.deepEqual([bad.status, bad.json()], [401, { message: 'Unauthorized' }]);
    const denied = await viaHost(id, '/dev/secure', { headers: { authorization: 'deny' } });
    assert.deepEqual([denied.status, denied.json()], [403, { message: 'User is not authorized to access this resource with an explicit deny' }]);
    const first = await viaHost(id, '/dev/secure', { headers: { authorization: 'good' } });
    assert.equal(first.status, 200);
    const again = await viaHost(id, '/dev/secure', { headers: { authorization: 'good' } });
    assert.deepEqual(again.json(), first.json(), 'the cached policy answers without calling the function again');
    assert.equal(first.json<{ tier: string }>().tier, 'gold');

    const forbidden = await viaHost(id, '/dev/keyed');
    assert.deepEqual([forbidden.status, forbidden.json()], [403, { message: 'Forbidden' }]);
    const key = await apigw.send(new CreateApiKeyCommand({ name: 'k', enabled: true }));
    const plan = await apigw.send(new CreateUsagePlanCommand({ name: 'p', apiStages: [{ apiId: id, stage: 'dev' }], quota: { limit: 2, period: 'DAY' } }));
    await apigw.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
    const withKey = () => viaHost(id, '/dev/keyed', { headers: { 'x-api-key': key.value! } });
    assert.equal((await withKey()).status, 200);
    assert.equal((await withKey()).status, 200);
    const over = await withKey();
    assert.deepEqual([over.status, over.json()], [429, { message: 'Limit Exceeded' }]);
    await aws.advanceClock('25h');
    assert.equal((await withKey()).status, 200, 'the daily quota starts again the next day');

    const noParam = await viaHost(id, '/dev/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"qty": 1}' });
    assert.deepEqual([noParam.status, noParam.json()], [400, { message: 'Missing required request parameters: [region]' }]);
    const badBody = await viaHost(id, '/dev/orders?region=eu', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"qty": "x"}' });
    assert.deepEqual([badBody.status, badBody.json()], [400, { message: 'Invalid request body' }]);
    const good = await viaHost(id, '/dev/orders?region=eu', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"qty": 2}' });
    assert.equal(good.status, 200);
  });

  it('AWS service integrations reach SQS and DynamoDB through their front doors', async () => {
    const options = { endpoint: aws.endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const sqs = new SQSClient(options);
    const ddb = new DynamoDBClient(options);
    const queue = await sqs.send(new CreateQueueCommand({ QueueName: 'from-api' }));
    await ddb.send(new CreateTableCommand({ TableName: 'from-api', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
    const { id, root } = await api('service');
    const role = `arn:aws:iam::${ACCOUNT}:role/apigw`;
    const send = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: 'send' }));
    await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: send.id, httpMethod: 'POST', authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        restApiId: id,
        resourceId: send.id,
        httpMethod: 'POST',
        type: 'AWS',
        integrationHttpMethod: 'POST',
        credentials: role,
        uri: `arn:aws:apigateway:${REGION}:sqs:path/${ACCOUNT}/from-api`,
        requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
        requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
      }),
    );
    await apigw.send(
      new PutIntegrationResponseCommand({ restApiId: id, resourceId: send.id, httpMethod: 'POST', statusCode: '200', responseTemplates: { 'application/json': '{"id": "$input.path(\'$.SendMessageResponse.SendMessageResult.MessageId\')"}' } }),
    );
    const put = await apigw.send(new CreateResourceCommand({ restApiId: id, parentId: root, pathPart: 'items' }));
    await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: put.id, httpMethod: 'PUT', authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        restApiId: id,
        resourceId: put.id,
        httpMethod: 'PUT',
        type: 'AWS',
        integrationHttpMethod: 'POST',
        credentials: role,
        uri: `arn:aws:apigateway:${REGION}:dynamodb:action/PutItem`,
        requestTemplates: { 'application/json': '{"TableName": "from-api", "Item": {"id": {"S": "$input.path(\'$.id\')"}, "name": {"S": "$input.path(\'$.name\')"}}}' },
      }),
    );
    await apigw.send(new PutIntegrationResponseCommand({ restApiId: id, resourceId: put.id, httpMethod: 'PUT', statusCode: '200', responseTemplates: { 'application/json': '{"stored": true}' } }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev' }));

    const sent = await viaHost(id, '/dev/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"order": 1}' });
    assert.equal(sent.status, 200);
    const messageId = sent.json<{ id: string }>().id;
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.QueueUrl, WaitTimeSeconds: 1 }));
    assert.deepEqual([received.Messages?.[0].MessageId, received.Messages?.[0].Body], [messageId, '{"order": 1}']);
    const stored = await viaHost(id, '/dev/items', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"id": "a1", "name": "ann"}' });
    assert.deepEqual([stored.status, stored.json()], [200, { stored: true }]);
    const item = await ddb.send(new GetItemCommand({ TableName: 'from-api', Key: { id: { S: 'a1' } } }));
    assert.deepEqual(item.Item, { id: { S: 'a1' }, name: { S: 'ann' } });
    sqs.destroy();
    ddb.destroy();
  });
  // AWS's canary release documentation: percentTraffic of the stage's requests run the canary deployment, with the
  // stage variables overridden by stageVariableOverrides; $context.isCanaryRequest tells which.
  it('canary settings split a stage between two deployments, with stage variable overrides', async () => {
    const { id, root } = await api('canary');
    const setTemplate = (template: string) => apigw.send(new PutIntegrationResponseCommand({ restApiId: id, resourceId: root, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': template } }));
    await apigw.send(new PutMethodCommand({ restApiId: id, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: id, resourceId: root, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigw.send(new PutMethodResponseCommand({ restApiId: id, resourceId: root, httpMethod: 'GET', statusCode: '200' }));
    await setTemplate('{"release": "stable", "color": "$stageVariables.color", "canary": "$context.isCanaryRequest", "deployment": "$context.deploymentId"}');
    const stable = await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod', variables: { color: 'blue', size: 'L' } }));
    // Without a canary, $context.isCanaryRequest is not set (what an unset variable renders as is not asserted).
    const { canary: _unset, ...before } = (await viaHost(id, '/prod/')).json<Record<string, string>>();
    assert.deepEqual(before, { release: 'stable', color: 'blue', deployment: stable.id });

    await setTemplate('{"release": "next", "color": "$stageVariables.color", "size": "$stageVariables.size", "canary": "$context.isCanaryRequest", "deployment": "$context.deploymentId"}');
    const next = await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod', canarySettings: { percentTraffic: 100, stageVariableOverrides: { color: 'green' } } }));
    const all = (await viaHost(id, '/prod/')).json<Record<string, string>>();
    assert.deepEqual(all, { release: 'next', color: 'green', size: 'L', canary: 'true', deployment: next.id });

    await apigw.send(new UpdateStageCommand({ restApiId: id, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '0' }] }));
    assert.deepEqual((await viaHost(id, '/prod/')).json(), { release: 'stable', color: 'blue', canary: 'false', deployment: stable.id });

    await apigw.send(new UpdateStageCommand({ restApiId: id, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '50' }] }));
    const releases = await Promise.all(Array.from({ length: 60 }, async () => (await viaHost(id, '/prod/')).json<{ release: string }>().release));
    const toCanary = releases.filter((r) => r === 'next').length;
    // 60 requests at 50 %: both deployments serve (the chance of either getting none is 2 x 2^-60).
    assert.ok(toCanary > 0 && toCanary < 60, `${toCanary} of 60 went to the canary`);

    // Promoting: the canary's deployment becomes the stage's, the canary removed.
    await apigw.send(new UpdateStageCommand({ restApiId: id, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/deploymentId', value: next.id }, { op: 'remove', path: '/canarySettings' }] }));
    const { canary: _none, ...promoted } = (await viaHost(id, '/prod/')).json<Record<string, string>>();
    assert.deepEqual(promoted, { release: 'next', color: 'blue', size: 'L', deployment: next.id });
  });
});
