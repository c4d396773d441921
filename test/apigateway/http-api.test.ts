import assert from 'node:assert/strict';
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateIntegrationCommand,
  CreateRouteCommand,
  CreateStageCommand,
  DeleteApiCommand,
  ExportApiCommand,
  GetApiCommand,
  GetApisCommand,
  GetRoutesCommand,
  GetStageCommand,
  ImportApiCommand,
  UpdateRouteCommand,
} from '@aws-sdk/client-apigatewayv2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { apiFunction, executeHost, http, jwtIssuer, type JwtIssuer } from './support.ts';

const REGION = 'us-east-1';

// Behaviour from AWS's documentation of HTTP APIs (payload formats 1.0 and 2.0, JWT and Lambda authorizers, CORS);
// no AWS-recorded snapshots of API Gateway v2 exist in the reference data.
describe('API Gateway HTTP APIs (v2)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let v2: ApiGatewayV2Client;
  let lambda: LambdaClient;
  let issuerServer: JwtIssuer;
  let issuer: string;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigatewayv2', 'lambda', 'sts'] });
    const options = { endpoint: aws.endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    v2 = new ApiGatewayV2Client(options);
    lambda = new LambdaClient(options);
    issuerServer = await jwtIssuer((req) => ({ backend: true, method: req.method, url: req.url, header: req.headers['x-mapped'] ?? null }));
    issuer = issuerServer.url;
  });
  after(async () => {
    v2.destroy();
    lambda.destroy();
    issuerServer.close();
    await aws.stop();
  });

  const token = (claims: Record<string, unknown>, audience?: string) => issuerServer.token(claims, audience);

  const nodeFunction = async (source: string) => `arn:aws:lambda:${REGION}:000000000000:function:${await apiFunction(lambda, source)}`;

  const viaHost = (apiId: string, path: string, init: Parameters<typeof http>[1] = {}) =>
    http(`${aws.endpoint}${path}`, { ...init, headers: { ...init.headers, host: executeHost(aws.endpoint, apiId) } });

  it('quick-creates an API on a Lambda with payload 2.0 on the auto-deployed $default stage', async () => {
    const fn = await nodeFunction('exports.handler = async (event) => ({ statusCode: 201, headers: { "x-h": "1" }, cookies: ["a=b"], body: JSON.stringify(event) });');
    const api = await v2.send(new CreateApiCommand({ Name: 'quick', ProtocolType: 'HTTP', Target: fn }));
    assert.equal(api.RouteSelectionExpression, '$request.method $request.path');
    assert.match(api.ApiEndpoint!, new RegExp(`^http://${api.ApiId}\\.execute-api\\.localhost\\.localstack\\.cloud:\\d+$`));
    const stage = await v2.send(new GetStageCommand({ ApiId: api.ApiId, StageName: '$default' }));
    assert.equal(stage.AutoDeploy, true);
    assert.ok(stage.DeploymentId);
    const answer = await viaHost(api.ApiId!, '/items/7?x=1&x=2', { method: 'POST', headers: { 'content-type': 'application/json', cookie: 'c=d' }, body: '{"a":1}' });
    assert.equal(answer.status, 201);
    assert.equal(answer.headers['x-h'], '1');
    const event = answer.json<Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.equal(event.version, '2.0');
    assert.equal(event.routeKey, '$default');
    assert.equal(event.rawPath, '/items/7');
    assert.equal(event.rawQueryString, 'x=1&x=2');
    assert.deepEqual(event.queryStringParameters, { x: '1,2' });
    assert.deepEqual(event.cookies, ['c=d']);
    assert.equal(event.body, '{"a":1}');
    assert.equal(event.isBase64Encoded, false);
    assert.equal(event.requestContext.http.method, 'POST');
    assert.equal(event.requestContext.stage, '$default');
    assert.equal(event.requestContext.apiId, api.ApiId);
    const viaPath = await http(`${aws.endpoint}/_aws/execute-api/${api.ApiId}/items/8`);
    assert.equal(viaPath.json<{ rawPath: string }>().rawPath, '/items/8');
  });

  it('routes by method and path on named stages, payload 1.0, HTTP proxy with parameter mapping, explicit deployments', async () => {
    const plain = await nodeFunction('exports.handler = async (event) => ({ hello: event.pathParameters ? event.pathParameters.id : null, version: event.version });');
    const v1 = await nodeFunction('exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ resource: event.resource, path: event.path, version: event.version }) });');
    const api = await v2.send(new CreateApiCommand({ Name: 'routes', ProtocolType: 'HTTP' }));
    const i2 = await v2.send(new CreateIntegrationCommand({ ApiId: api.ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: plain, PayloadFormatVersion: '2.0' }));
    const i1 = await v2.send(new CreateIntegrationCommand({ ApiId: api.ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: v1, PayloadFormatVersion: '1.0' }));
    const ih = await v2.send(
      new CreateIntegrationCommand({ ApiId: api.ApiId, IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'ANY', IntegrationUri: `${issuer}/base/{proxy}`, PayloadFormatVersion: '1.0', RequestParameters: { 'append:header.x-mapped': '$request.path.proxy' } }),
    );
    await v2.send(new CreateRouteCommand({ ApiId: api.ApiId, RouteKey: 'GET /items/{id}', Target: `integrations/${i2.IntegrationId}` }));
    await v2.send(new CreateRouteCommand({ ApiId: api.ApiId, RouteKey: 'ANY /v1/{proxy+}', Target: `integrations/${i1.IntegrationId}` }));
    await v2.send(new CreateRouteCommand({ ApiId: api.ApiId, RouteKey: 'ANY /proxy/{proxy+}', Target: `integrations/${ih.IntegrationId}` }));
    await v2.send(new CreateStageCommand({ ApiId: api.ApiId, StageName: 'dev' }));
    const notYet = await viaHost(api.ApiId!, '/dev/items/1');
    assert.deepEqual([notYet.status, notYet.json()], [404, { message: 'Not Found' }]);
    await v2.send(new CreateDeploymentCommand({ ApiId: api.ApiId, StageName: 'dev' }));

    const item = await viaHost(api.ApiId!, '/dev/items/42');
    assert.equal(item.status, 200);
    assert.deepEqual(item.json(), { hello: '42', version: '2.0' }, 'a 2.0 function may answer any JSON: a 200 with that body');
    const older = await viaHost(api.ApiId!, '/dev/v1/a/b');
    assert.deepEqual(older.json(), { resource: '/v1/{proxy+}', path: '/dev/v1/a/b', version: '1.0' });
    const proxied = await viaHost(api.ApiId!, '/dev/proxy/x/y?q=1');
    assert.deepEqual(proxied.json(), { backend: true, method: 'GET', url: '/base/x/y?q=1', header: 'x/y' });
    const missing = await viaHost(api.ApiId!, '/dev/nothing');
    assert.deepEqual([missing.status, missing.json()], [404, { message: 'Not Found' }]);
  });

  it('JWT authorizers check the issuer JWKS, audience and scopes; Lambda authorizers give simple responses', async () => {
    const echo = await nodeFunction('exports.handler = async (event) => event.requestContext.authorizer;');
    const authFn = await nodeFunction('exports.handler = async (event) => ({ isAuthorized: event.headers["x-pass"] === "yes", context: { who: "lambda" } });');
    const api = await v2.send(new CreateApiCommand({ Name: 'auth', ProtocolType: 'HTTP' }));
    const integration = await v2.send(new CreateIntegrationCommand({ ApiId: api.ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: echo, PayloadFormatVersion: '2.0' }));
    const jwt = await v2.send(
      new CreateAuthorizerCommand({ ApiId: api.ApiId, Name: 'jwt', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: issuer, Audience: ['my-app'] } }),
    );
    const simple = await v2.send(
      new CreateAuthorizerCommand({
        ApiId: api.ApiId,
        Name: 'simple',
        AuthorizerType: 'REQUEST',
        AuthorizerUri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${authFn}/invocations`,
        AuthorizerPayloadFormatVersion: '2.0',
        EnableSimpleResponses: true,
        IdentitySource: ['$request.header.x-pass'],
      }),
    );
    await v2.send(new CreateRouteCommand({ ApiId: api.ApiId, RouteKey: 'GET /jwt', Target: `integrations/${integration.IntegrationId}`, AuthorizationType: 'JWT', AuthorizerId: jwt.AuthorizerId }));
    const scoped = await v2.send(new CreateRouteCommand({ ApiId: api.ApiId, RouteKey: 'GET /scoped', Target: `integrations/${integration.IntegrationId}`, AuthorizationType: 'JWT', AuthorizerId: jwt.AuthorizerId }));
    await v2.send(new UpdateRouteCommand({ ApiId: api.ApiId, RouteId: scoped.RouteId, AuthorizationScopes: ['admin'] }));
    await v2.send(new CreateRouteCommand({ ApiId: api.ApiId, RouteKey: 'GET /lambda', Target: `integrations/${integration.IntegrationId}`, AuthorizationType: 'CUSTOM', AuthorizerId: simple.AuthorizerId }));
    await v2.send(new CreateStageCommand({ ApiId: api.ApiId, StageName: '$default', AutoDeploy: true }));

    const none = await viaHost(api.ApiId!, '/jwt');
    assert.deepEqual([none.status, none.json()], [401, { message: 'Unauthorized' }]);
    const good = await viaHost(api.ApiId!, '/jwt', { headers: { authorization: `Bearer ${await token({ sub: 'u1', scope: 'read' })}` } });
    assert.equal(good.status, 200);
    assert.equal(good.json<{ jwt: { claims: { sub: string } } }>().jwt.claims.sub, 'u1');
    const wrongAudience = await viaHost(api.ApiId!, '/jwt', { headers: { authorization: `Bearer ${await token({ sub: 'u1' }, 'other')}` } });
    assert.equal(wrongAudience.status, 401);
    const noScope = await viaHost(api.ApiId!, '/scoped', { headers: { authorization: `Bearer ${await token({ sub: 'u1', scope: 'read' })}` } });
    assert.deepEqual([noScope.status, noScope.json()], [403, { message: 'Forbidden' }]);
    const admin = await viaHost(api.ApiId!, '/scoped', { headers: { authorization: `Bearer ${await token({ sub: 'u1', scope: 'read admin' })}` } });
    assert.equal(admin.status, 200);

    const missing = await viaHost(api.ApiId!, '/lambda');
    assert.equal(missing.status, 401);
    const denied = await viaHost(api.ApiId!, '/lambda', { headers: { 'x-pass': 'no' } });
    assert.deepEqual([denied.status, denied.json()], [403, { message: 'Forbidden' }]);
    const allowed = await viaHost(api.ApiId!, '/lambda', { headers: { 'x-pass': 'yes' } });
    assert.deepEqual(allowed.json(), { lambda: { who: 'lambda' } });
  });

  it('answers CORS preflights from the API configuration and imports/exports OpenAPI 3', async () => {
    const fn = await nodeFunction('exports.handler = async () => ({ ok: true });');
    const doc = {
      openapi: '3.0.1',
      info: { title: 'imported-http', version: '1' },
      'x-amazon-apigateway-cors': { allowOrigins: ['https://app.example'], allowMethods: ['GET', 'POST'], allowHeaders: ['content-type'], maxAge: 60 },
      paths: { '/ok': { get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: fn, payloadFormatVersion: '2.0', httpMethod: 'POST' } } } },
    };
    const api = await v2.send(new ImportApiCommand({ Body: JSON.stringify(doc) }));
    assert.equal(api.Name, 'imported-http');
    assert.deepEqual(api.CorsConfiguration?.AllowOrigins, ['https://app.example']);
    const routes = await v2.send(new GetRoutesCommand({ ApiId: api.ApiId }));
    assert.deepEqual(routes.Items!.map((r) => r.RouteKey), ['GET /ok']);
    await v2.send(new CreateStageCommand({ ApiId: api.ApiId, StageName: '$default', AutoDeploy: true }));
    const preflight = await viaHost(api.ApiId!, '/ok', { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], 'https://app.example');
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET,POST');
    assert.equal(preflight.headers['access-control-max-age'], '60');
    const actual = await viaHost(api.ApiId!, '/ok', { headers: { origin: 'https://app.example' } });
    assert.deepEqual([actual.status, actual.json(), actual.headers['access-control-allow-origin']], [200, { ok: true }, 'https://app.example']);
    const exported = await v2.send(new ExportApiCommand({ ApiId: api.ApiId, Specification: 'OAS30', OutputType: 'JSON' }));
    const body = JSON.parse(Buffer.from(exported.body!).toString('utf8'));
    assert.equal(body.paths['/ok'].get['x-amazon-apigateway-integration'].type, 'aws_proxy');

    const listed = await v2.send(new GetApisCommand({}));
    assert.ok(listed.Items!.some((a) => a.ApiId === api.ApiId));
    await v2.send(new DeleteApiCommand({ ApiId: api.ApiId }));
    await assert.rejects(v2.send(new GetApiCommand({ ApiId: api.ApiId })), (e: Error) => e.name === 'NotFoundException');
  });
});
