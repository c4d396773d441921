import assert from 'node:assert/strict';
import { Hash } from '@smithy/hash-node';
import { APIGatewayClient, CreateApiKeyCommand, CreateUsagePlanCommand, CreateUsagePlanKeyCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, CreateDeploymentCommand, CreateIntegrationCommand, CreateRouteCommand, CreateRouteResponseCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { SignatureV4 } from '@smithy/signature-v4';
import WebSocket from 'ws';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

const REGION = 'us-east-1';
const ROOT = { accessKeyId: 'test', secretAccessKey: 'test' };

// `$connect` with API keys and IAM authorization as AWS's "Controlling access to WebSocket APIs" describes it (API keys
// and usage plans on the $connect route; IAM: a SigV4-signed handshake, execute-api:Invoke on the route's ARN); no
// AWS-recorded snapshots of WebSocket APIs exist in the reference data.
describe('API Gateway WebSocket $connect with API keys and IAM', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let v1: APIGatewayClient;
  let v2: ApiGatewayV2Client;
  let iam: IAMClient;
  const opened: WebSocket[] = [];

  before(async () => {
    // Strict signatures and identity policies: the handshake's signature and the signer's policies are judged by the core.
    aws = await startTwinstack({ port: 0, services: ['apigateway', 'apigatewayv2', 'iam', 'sts'], strictSignatures: true, enforceIam: true, credentials: [ROOT] });
    const options = { endpoint: aws.endpoint, region: REGION, credentials: ROOT };
    v1 = new APIGatewayClient(options);
    v2 = new ApiGatewayV2Client(options);
    iam = new IAMClient(options);
  });
  after(async () => {
    for (const socket of opened) socket.terminate();
    v1.destroy();
    v2.destroy();
    iam.destroy();
    await aws.stop();
  });

  /** Opens a connection; resolves with the messages it will receive once open, or rejects with the refusal's status. */
  const connect = (url: string, headers: Record<string, string> = {}) =>
    new Promise<{ socket: WebSocket; messages: string[] }>((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      opened.push(socket);
      const messages: string[] = [];
      socket.on('message', (data) => messages.push(data.toString()));
      socket.once('open', () => resolve({ socket, messages }));
      socket.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode })));
      socket.once('error', reject);
    });
  const refusedWith = (promise: Promise<unknown>, status: number) => assert.rejects(promise, (e: { status?: number }) => e.status === status);

  /** A WebSocket API whose `$connect` has the given settings and whose `$default` echoes the request context. */
  async function webSocketApi(connect: Record<string, unknown>): Promise<string> {
    const api = await v2.send(new CreateApiCommand({ Name: 'ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    const id = api.ApiId!;
    await v2.send(new CreateRouteCommand({ ApiId: id, RouteKey: '$connect', ...connect }));
    const mock = await v2.send(new CreateIntegrationCommand({ ApiId: id, IntegrationType: 'MOCK', TemplateSelectionExpression: '\\$default', RequestTemplates: { $default: '{"statusCode": 200}' } }));
    const route = await v2.send(new CreateRouteCommand({ ApiId: id, RouteKey: '$default', Target: `integrations/${mock.IntegrationId}`, RouteResponseSelectionExpression: '$default' }));
    await v2.send(new CreateRouteResponseCommand({ ApiId: id, RouteId: route.RouteId, RouteResponseKey: '$default' }));
    const { CreateIntegrationResponseCommand } = await import('@aws-sdk/client-apigatewayv2');
    await v2.send(
      new CreateIntegrationResponseCommand({
        ApiId: id,
        IntegrationId: mock.IntegrationId,
        IntegrationResponseKey: '$default',
        ResponseTemplates: { $default: '{"apiKeyId": "$context.identity.apiKeyId", "userArn": "$context.identity.userArn", "accessKey": "$context.identity.accessKey"}' },
      }),
    );
    const deployment = await v2.send(new CreateDeploymentCommand({ ApiId: id }));
    await v2.send(new CreateStageCommand({ ApiId: id, StageName: 'prod', DeploymentId: deployment.DeploymentId }));
    return id;
  }

  const wsUrl = (id: string) => `${aws.endpoint.replace(/^http/, 'ws')}/_aws/execute-api/${id}/prod`;

  const firstMessage = async (client: { socket: WebSocket; messages: string[] }) => {
    client.socket.send('{"action":"x"}');
    for (let i = 0; i < 50 && !client.messages.length; i++) await new Promise((r) => setTimeout(r, 50));
    return JSON.parse(client.messages[0]);
  };

  it('requires an API key of a usage plan of the stage, within its quota', async () => {
    const id = await webSocketApi({ ApiKeyRequired: true });
    const key = await v1.send(new CreateApiKeyCommand({ name: 'client', enabled: true, value: 'k'.repeat(30) }));
    const disabled = await v1.send(new CreateApiKeyCommand({ name: 'off', enabled: false, value: 'd'.repeat(30) }));
    const plan = await v1.send(new CreateUsagePlanCommand({ name: 'ws-plan', apiStages: [{ apiId: id, stage: 'prod' }], quota: { limit: 2, period: 'DAY' } }));
    await assert.rejects(v1.send(new CreateUsagePlanCommand({ name: 'bad', apiStages: [{ apiId: id, stage: 'nope' }] })), { name: 'BadRequestException' });
    for (const k of [key, disabled]) await v1.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: k.id, keyType: 'API_KEY' }));

    await refusedWith(connect(wsUrl(id)), 403);
    await refusedWith(connect(wsUrl(id), { 'x-api-key': 'wrong'.repeat(6) }), 403);
    await refusedWith(connect(wsUrl(id), { 'x-api-key': disabled.value! }), 403);
    const client = await connect(wsUrl(id), { 'x-api-key': key.value! });
    assert.equal((await firstMessage(client)).apiKeyId, key.id);
    await connect(wsUrl(id), { 'x-api-key': key.value! });
    // The plan's daily quota of 2 is spent: 429.
    await refusedWith(connect(wsUrl(id), { 'x-api-key': key.value! }), 429);
  });

  it('requires a SigV4-signed handshake whose signer may execute-api:Invoke the $connect route', async () => {
    const id = await webSocketApi({ AuthorizationType: 'AWS_IAM' });
    const user = async (name: string, allow: boolean) => {
      await iam.send(new CreateUserCommand({ UserName: name }));
      const resource = `arn:aws:execute-api:${REGION}:000000000000:${id}/prod/$connect`;
      if (allow) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'ws', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resource }] }) }));
      const created = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
      return { accessKeyId: created.AccessKeyId!, secretAccessKey: created.SecretAccessKey! };
    };
    const alice = await user('alice', true);
    const bob = await user('bob', false);
    const signed = async (credentials: { accessKeyId: string; secretAccessKey: string }) => {
      const url = new URL(wsUrl(id));
      const signer = new SignatureV4({ service: 'execute-api', region: REGION, credentials, sha256: Hash.bind(null, 'sha256') });
      const request = await signer.sign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, headers: { host: url.host }, query: {} });
      return request.headers as Record<string, string>;
    };

    await refusedWith(connect(wsUrl(id)), 403);
    await refusedWith(connect(wsUrl(id), await signed(bob)), 403);
    await refusedWith(connect(wsUrl(id), await signed({ ...alice, secretAccessKey: 'wrong' })), 403);
    const client = await connect(wsUrl(id), await signed(alice));
    const identity = await firstMessage(client);
    assert.deepEqual([identity.userArn, identity.accessKey], ['arn:aws:iam::000000000000:user/alice', alice.accessKeyId]);
  });
});
