import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateApiDestinationCommand,
  CreateConnectionCommand,
  DescribeConnectionCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { useEvents } from './support.ts';

// API destinations as rule targets: the call a receiving server sees (method, Basic authorization, the connection's
// invocation parameters, the target's headers and query string, the event as JSON body), as AWS documents it.
describe('EventBridge API destinations with the AWS SDK v3', function () {
  this.timeout(20_000);
  const context = useEvents(['events']);
  let server: Server;
  let endpoint: string;
  const received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  it('keeps connections without showing their secrets', async () => {
    const created = await context.events.send(
      new CreateConnectionCommand({ Name: 'secretive', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'secret' } } }),
    );
    assert.equal(created.ConnectionState, 'AUTHORIZED');
    const described = await context.events.send(new DescribeConnectionCommand({ Name: 'secretive' }));
    assert.deepEqual(described.AuthParameters, { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key' } });
    assert.match(described.SecretArn!, /^arn:aws:secretsmanager:us-east-1:000000000000:secret:events!connection\/secretive\/[0-9a-f-]{36}-[0-9a-f]{6}$/);
  });

  it('calls the endpoint of a rule target with the connection authorization and the event', async () => {
    const { ConnectionArn } = await context.events.send(
      new CreateConnectionCommand({
        Name: 'basic',
        AuthorizationType: 'BASIC',
        AuthParameters: {
          BasicAuthParameters: { Username: 'user', Password: 'pass' },
          InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-tenant', Value: 't1' }], QueryStringParameters: [{ Key: 'src', Value: 'eb' }] },
        },
      }),
    );
    const { ApiDestinationArn, ApiDestinationState } = await context.events.send(
      new CreateApiDestinationCommand({ Name: 'hook', ConnectionArn, HttpMethod: 'POST', InvocationEndpoint: `${endpoint}/orders/*` }),
    );
    assert.equal(ApiDestinationState, 'ACTIVE');
    await context.events.send(new PutRuleCommand({ Name: 'to-hook', EventPattern: '{"source": ["shop"]}' }));
    await context.events.send(
      new PutTargetsCommand({
        Rule: 'to-hook',
        Targets: [{ Id: 'hook', Arn: ApiDestinationArn, RoleArn: 'arn:aws:iam::000000000000:role/r', HttpParameters: { PathParameterValues: ['42'], HeaderParameters: { 'x-extra': 'yes' } }, InputPath: '$.detail' }],
      }),
    );
    await context.events.send(new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'order', Detail: '{"id": 42}' }] }));
    for (let i = 0; i < 50 && !received.length; i++) await new Promise((r) => setTimeout(r, 50));
    const [call] = received;
    assert.equal(call.method, 'POST');
    assert.equal(call.url, '/orders/42?src=eb');
    assert.equal(call.headers.authorization, `Basic ${Buffer.from('user:pass').toString('base64')}`);
    assert.deepEqual([call.headers['x-tenant'], call.headers['x-extra'], call.headers['content-type']], ['t1', 'yes', 'application/json; charset=utf-8']);
    assert.deepEqual(JSON.parse(call.body), { id: 42 });
  });
});
