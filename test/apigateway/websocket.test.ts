import assert from 'node:assert/strict';
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import {
  ApiGatewayV2Client,
  type CreateIntegrationRequest,
  CreateApiCommand,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateIntegrationCommand,
  CreateIntegrationResponseCommand,
  CreateRouteCommand,
  CreateRouteResponseCommand,
  CreateStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import WebSocket from 'ws';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { apiFunction, executeHost, http } from './support.ts';

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** A connected client that queues what it receives. */
class Client {
  readonly messages: string[] = [];
  private waiters: (() => void)[] = [];
  closed?: { code: number; reason: string };

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(data.toString());
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  private wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  async next(): Promise<string> {
    const deadline = Date.now() + 10_000;
    while (!this.messages.length) {
      if (this.closed || Date.now() > deadline) throw new Error(`no message (closed: ${JSON.stringify(this.closed)})`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.messages.shift()!;
  }

  async closedWith(): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + 10_000;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('not closed');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.closed;
  }
}

// Behaviour from AWS's WebSocket API documentation (routes and selection expressions, $connect/$disconnect, route
// responses, @connections); no AWS-recorded snapshots of WebSocket APIs exist in the reference data.
describe('API Gateway WebSocket APIs (v2)', function () {
  this.timeout(90_000);
  let aws: Twinstack;
  let v2: ApiGatewayV2Client;
  let lambda: LambdaClient;
  let apiId: string;
  const opened: WebSocket[] = [];

  const nodeFunction = async (source: string) => `arn:aws:lambda:${REGION}:000000000000:function:${await apiFunction(lambda, source)}`;
  const lambdaUri = (arn: string) => `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${arn}/invocations`;
  const wsUrl = (id: string, path: string) => `${aws.endpoint.replace(/^http/, 'ws')}/_aws/execute-api/${id}${path}`;

  /** Opens a connection; resolves with the client once open, or rejects with the refused handshake's status. */
  const connect = (url: string, headers: Record<string, string> = {}, protocols?: string[]) =>
    new Promise<Client>((resolve, reject) => {
      const socket = new WebSocket(url, protocols, { headers });
      opened.push(socket);
      const client = new Client(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode })));
      socket.once('error', reject);
    });

  const management = (stage: string) => new ApiGatewayManagementApiClient({ endpoint: `${aws.endpoint}/_aws/execute-api/${apiId}/${stage}`, region: REGION, credentials: CREDENTIALS });

  async function route(id: string, key: string, integration: CreateIntegrationRequest | undefined, twoWay = false, extra: Record<string, unknown> = {}) {
    const target = integration ? `integrations/${(await v2.send(new CreateIntegrationCommand({ ...integration, ApiId: id }))).IntegrationId}` : undefined;
    const created = await v2.send(new CreateRouteCommand({ ApiId: id, RouteKey: key, Target: target, ...(twoWay ? { RouteResponseSelectionExpression: '$default' } : {}), ...extra }));
    if (twoWay) await v2.send(new CreateRouteResponseCommand({ ApiId: id, RouteId: created.RouteId, RouteResponseKey: '$default' }));
    return created;
  }

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigatewayv2', 'lambda', 'sts'] });
    const options = { endpoint: aws.endpoint, region: REGION, credentials: CREDENTIALS };
    v2 = new ApiGatewayV2Client(options);
    lambda = new LambdaClient(options);
    const api = await v2.send(new CreateApiCommand({ Name: 'chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    apiId = api.ApiId!;
    assert.equal(api.ApiEndpoint, `ws://${apiId}.execute-api.localhost.localstack.cloud:${new URL(aws.endpoint).port}`);
    const echo = await nodeFunction('exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });');
    const onConnect = await nodeFunction('exports.handler = async (event) => (event.queryStringParameters && event.queryStringParameters.deny ? { statusCode: 403 } : { statusCode: 200, headers: event.headers["Sec-WebSocket-Protocol"] ? { "Sec-WebSocket-Protocol": "chat.v1" } : {} });');
    // Pushes to its own connection through the @connections API, as a chat backend does.
    const push = await nodeFunction(`
      const { ApiGatewayManagementApiClient, PostToConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');
      exports.handler = async (event) => {
        const { apiId, stage, connectionId } = event.requestContext;
        const client = new ApiGatewayManagementApiClient({ endpoint: process.env.AWS_ENDPOINT_URL + '/_aws/execute-api/' + apiId + '/' + stage });
        const body = JSON.parse(event.body);
        await client.send(new PostToConnectionCommand({ ConnectionId: body.to || connectionId, Data: 'pushed:' + body.text }));
        return { statusCode: 200 };
      };`);
    const failing = await nodeFunction('exports.handler = async () => { throw new Error("boom"); };');
    await route(apiId, '$connect', { ApiId: apiId, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri(onConnect) });
    await route(apiId, '$default', { ApiId: apiId, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri(echo) }, true);
    await route(apiId, 'echo', { ApiId: apiId, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri(echo) }, true);
    await route(apiId, 'oneway', { ApiId: apiId, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri(echo) });
    await route(apiId, 'push', { ApiId: apiId, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri(push) });
    await route(apiId, 'fail', { ApiId: apiId, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri(failing) });
    const mock = await v2.send(new CreateIntegrationCommand({ ApiId: apiId, IntegrationType: 'MOCK', TemplateSelectionExpression: '\\$default', RequestTemplates: { $default: '{"statusCode": 200}' } }));
    await v2.send(new CreateIntegrationResponseCommand({ ApiId: apiId, IntegrationId: mock.IntegrationId, IntegrationResponseKey: '$default', ResponseTemplates: { $default: '{"route": "$context.routeKey", "connection": "$context.connectionId"}' } }));
    const mockRoute = await v2.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: 'mock', Target: `integrations/${mock.IntegrationId}`, RouteResponseSelectionExpression: '$default' }));
    await v2.send(new CreateRouteResponseCommand({ ApiId: apiId, RouteId: mockRoute.RouteId, RouteResponseKey: '$default' }));
    await v2.send(new CreateStageCommand({ ApiId: apiId, StageName: 'prod', AutoDeploy: true, StageVariables: { color: 'blue' } }));
  });

  after(async () => {
    for (const socket of opened) socket.terminate();
    v2.destroy();
    lambda.destroy();
    await aws.stop();
  });

  it('runs $connect, then routes messages by the selection expression to two-way Lambda routes with AWS event shapes', async () => {
    const client = await connect(wsUrl(apiId, '/prod'), { 'User-Agent': 'ws-test' });
    client.socket.send(JSON.stringify({ action: 'echo', text: 'hi' }));
    const event = JSON.parse(await client.next());
    assert.equal(event.body, JSON.stringify({ action: 'echo', text: 'hi' }));
    assert.equal(event.isBase64Encoded, false);
    const context = event.requestContext;
    assert.equal(context.routeKey, 'echo');
    assert.equal(context.eventType, 'MESSAGE');
    assert.equal(context.messageDirection, 'IN');
    assert.equal(context.stage, 'prod');
    assert.equal(context.apiId, apiId);
    assert.match(context.connectionId, /^[A-Za-z0-9+/]{15}=$/);
    assert.match(context.messageId, /^[A-Za-z0-9+/]{15}=$/);
    assert.equal(context.identity.userAgent, 'ws-test');
    assert.equal(typeof context.connectedAt, 'number');
    assert.match(context.requestTime, /^\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);

    // Not JSON, or an action no route has: the $default route.
    client.socket.send('plain text');
    assert.equal(JSON.parse(await client.next()).requestContext.routeKey, '$default');
    client.socket.send(JSON.stringify({ action: 'nothing-like-it' }));
    assert.equal(JSON.parse(await client.next()).requestContext.routeKey, '$default');
  });

  it('sends nothing back from one-way routes, and AWS error frames when an integration fails', async () => {
    const client = await connect(wsUrl(apiId, '/prod'));
    client.socket.send(JSON.stringify({ action: 'oneway' }));
    client.socket.send(JSON.stringify({ action: 'fail' }));
    const error = JSON.parse(await client.next());
    assert.equal(error.message, 'Internal server error');
    assert.match(error.connectionId, /=$/);
    assert.ok(error.requestId);
    assert.equal(client.messages.length, 0);
  });

  it('answers a MOCK integration with its integration response template', async () => {
    const client = await connect(wsUrl(apiId, '/prod'));
    client.socket.send(JSON.stringify({ action: 'mock' }));
    const answer = JSON.parse(await client.next());
    assert.equal(answer.route, 'mock');
    assert.match(answer.connection, /=$/);
  });

  it('lets a function push to connections through the @connections API (SDK v3 client inside Lambda)', async () => {
    const a = await connect(wsUrl(apiId, '/prod'));
    const b = await connect(wsUrl(apiId, '/prod'));
    a.socket.send(JSON.stringify({ action: 'echo' }));
    const aId = JSON.parse(await a.next()).requestContext.connectionId;
    b.socket.send(JSON.stringify({ action: 'push', to: aId, text: 'hello a' }));
    assert.equal(await a.next(), 'pushed:hello a');
    b.socket.send(JSON.stringify({ action: 'push', text: 'to myself' }));
    assert.equal(await b.next(), 'pushed:to myself');
  });

  it('serves GetConnection, PostToConnection and DeleteConnection, then GoneException', async () => {
    const client = await connect(wsUrl(apiId, '/prod'), { 'User-Agent': 'agent-x' });
    client.socket.send(JSON.stringify({ action: 'echo' }));
    const connectionId = JSON.parse(await client.next()).requestContext.connectionId as string;
    const manager = management('prod');
    const described = await manager.send(new GetConnectionCommand({ ConnectionId: connectionId }));
    assert.ok(described.ConnectedAt instanceof Date);
    assert.ok(described.LastActiveAt instanceof Date);
    assert.equal(described.Identity?.UserAgent, 'agent-x');
    assert.equal(described.Identity?.SourceIp, '127.0.0.1');
    await manager.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from('{"from":"server"}') }));
    assert.equal(await client.next(), '{"from":"server"}');
    await manager.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    assert.equal((await client.closedWith()).code, 1000);
    await assert.rejects(manager.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from('x') })), (error: unknown) => error instanceof GoneException && error.$metadata.httpStatusCode === 410);
    await assert.rejects(manager.send(new GetConnectionCommand({ ConnectionId: 'AAAAAAAAAAAAAAA=' })), GoneException);
    // Another stage's endpoint does not reach the connection.
    const other = await connect(wsUrl(apiId, '/prod'));
    other.socket.send(JSON.stringify({ action: 'echo' }));
    const otherId = JSON.parse(await other.next()).requestContext.connectionId as string;
    await assert.rejects(management('dev').send(new GetConnectionCommand({ ConnectionId: otherId })), GoneException);
    manager.destroy();
  });

  it('answers at the execute-api host name, and the @connections API on the bare endpoint', async () => {
    const client = await connect(`${aws.endpoint.replace(/^http/, 'ws')}/prod`, { host: executeHost(aws.endpoint, apiId) });
    client.socket.send(JSON.stringify({ action: 'echo' }));
    const event = JSON.parse(await client.next());
    assert.equal(event.requestContext.domainName, executeHost(aws.endpoint, apiId).replace(/:\d+$/, ''));
    const bare = new ApiGatewayManagementApiClient({ endpoint: aws.endpoint, region: REGION, credentials: CREDENTIALS });
    await bare.send(new PostToConnectionCommand({ ConnectionId: event.requestContext.connectionId, Data: Buffer.from('via bare endpoint') }));
    assert.equal(await client.next(), 'via bare endpoint');
    bare.destroy();
    // A plain request (no upgrade) to the WebSocket endpoint is refused.
    assert.equal((await http(`${aws.endpoint}/_aws/execute-api/${apiId}/prod`)).status, 403);
  });

  it('refuses the handshake with the status $connect answers, and 403 for unknown stages', async () => {
    await assert.rejects(connect(wsUrl(apiId, '/prod?deny=1')), { status: 403 });
    await assert.rejects(connect(wsUrl(apiId, '/nostage')), { status: 403 });
  });

  it('agrees a sub-protocol only when $connect returns it', async () => {
    const client = await connect(wsUrl(apiId, '/prod'), {}, ['chat.v1']);
    assert.equal(client.socket.protocol, 'chat.v1');
  });

  it('closes on binary frames (1003), oversized messages (1009) and after 10 idle minutes on the emulator clock (1001)', async () => {
    const binary = await connect(wsUrl(apiId, '/prod'));
    binary.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    assert.equal((await binary.closedWith()).code, 1003);
    const large = await connect(wsUrl(apiId, '/prod'));
    large.socket.send('x'.repeat(128 * 1024 + 1));
    assert.equal((await large.closedWith()).code, 1009);
    const idle = await connect(wsUrl(apiId, '/prod'));
    await aws.advanceClock('11m');
    assert.deepEqual(await idle.closedWith(), { code: 1001, reason: 'Going away' });
  });

  it('runs $disconnect with the close status, and a $connect Lambda authorizer (401 without identity, 403 denied)', async () => {
    const api = await v2.send(new CreateApiCommand({ Name: 'guarded', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    const id = api.ApiId!;
    const authorizerFn = await nodeFunction(`exports.handler = async (event) => ({
      principalId: 'user-' + event.queryStringParameters.token,
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: event.queryStringParameters.token === 'good' ? 'Allow' : 'Deny', Resource: event.methodArn }] },
      context: { team: 'blue' },
    });`);
    const authorizer = await v2.send(new CreateAuthorizerCommand({ ApiId: id, Name: 'auth', AuthorizerType: 'REQUEST', AuthorizerUri: lambdaUri(authorizerFn), IdentitySource: ['route.request.querystring.token'] }));
    // $disconnect pushes what it was told to a watching connection named in the stage variables.
    const onDisconnect = await nodeFunction(`
      const { ApiGatewayManagementApiClient, PostToConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');
      exports.handler = async (event) => {
        const client = new ApiGatewayManagementApiClient({ endpoint: process.env.AWS_ENDPOINT_URL + '/_aws/execute-api/${apiId}/prod' });
        const c = event.requestContext;
        await client.send(new PostToConnectionCommand({ ConnectionId: event.stageVariables ? '' : process.env.WATCHER, Data: JSON.stringify({ type: c.eventType, code: c.disconnectStatusCode, reason: c.disconnectReason, authorizer: c.authorizer }) }));
        return { statusCode: 200 };
      };`);
    const echo = await nodeFunction('exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) });');
    await route(id, '$connect', undefined, false, { AuthorizationType: 'CUSTOM', AuthorizerId: authorizer.AuthorizerId });
    await route(id, '$disconnect', { ApiId: id, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri(onDisconnect) });
    await route(id, '$default', { ApiId: id, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri(echo) }, true);
    const deployment = await v2.send(new CreateDeploymentCommand({ ApiId: id }));
    await v2.send(new CreateStageCommand({ ApiId: id, StageName: 'live', DeploymentId: deployment.DeploymentId }));

    await assert.rejects(connect(wsUrl(id, '/live')), { status: 401 });
    await assert.rejects(connect(wsUrl(id, '/live?token=bad')), { status: 403 });
    const watcher = await connect(wsUrl(apiId, '/prod'));
    watcher.socket.send(JSON.stringify({ action: 'echo' }));
    const watcherId = JSON.parse(await watcher.next()).requestContext.connectionId as string;
    const { UpdateFunctionConfigurationCommand } = await import('@aws-sdk/client-lambda');
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: onDisconnect, Environment: { Variables: { WATCHER: watcherId } } }));

    const client = await connect(wsUrl(id, '/live?token=good'));
    client.socket.send('hello');
    assert.deepEqual(JSON.parse(await client.next()), { team: 'blue', principalId: 'user-good', integrationLatency: 0 });
    client.socket.close(4000, 'done here');
    assert.deepEqual(JSON.parse(await watcher.next()), { type: 'DISCONNECT', code: 4000, reason: 'done here', authorizer: { team: 'blue', principalId: 'user-good', integrationLatency: 0 } });
  });
});
