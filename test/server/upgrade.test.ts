import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/** One HTTP/1.1 request with `Connection: upgrade`; resolves with the plain answer, or 'upgraded' if the server switched. */
function upgradeRequest(endpoint: string, path: string, upgrade: string, body = '', extra: Record<string, string> = {}): Promise<{ status: number; body: string } | 'upgraded'> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { connection: 'upgrade', upgrade, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)), ...extra };
    const req = request(`${endpoint}${path}`, { method: body ? 'POST' : 'GET', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve('upgraded');
    });
    req.on('error', reject);
    req.end(body);
  });
}

// Node hands every request with an Upgrade header to the server's upgrade listener (which WebSocket APIs need):
// requests that are not WebSocket handshakes for a WebSocket API must still be served as plain requests.
describe('server: HTTP/1.1 upgrade requests', () => {
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'apigateway'] });
  });
  after(() => aws.stop());

  it('serves an h2c upgrade request with its body as a plain request', async () => {
    const answer = await upgradeRequest(aws.endpoint, '/', 'h2c', 'Action=CreateQueue&QueueName=upgraded&Version=2012-11-05');
    assert.notEqual(answer, 'upgraded');
    if (answer === 'upgraded') return;
    assert.equal(answer.status, 200);
    assert.match(answer.body, /<QueueUrl>[^<]*\/upgraded<\/QueueUrl>/);
    const health = await upgradeRequest(aws.endpoint, '/_twinstack/health', 'h2c');
    assert.ok(health !== 'upgraded' && health.status === 200);
  });

  it('answers a WebSocket handshake nobody takes with a plain HTTP error, never a switch', async () => {
    const key = { 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-version': '13' };
    const unknownApi = await upgradeRequest(aws.endpoint, '/_aws/execute-api/nosuchapi/prod', 'websocket', '', key);
    assert.ok(unknownApi !== 'upgraded' && unknownApi.status === 403);
    const sqs = await upgradeRequest(aws.endpoint, '/?Action=ListQueues&Version=2012-11-05', 'websocket', '', key);
    assert.ok(sqs !== 'upgraded' && sqs.status === 200);
  });
});
