import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(endpoint: string, options: { method?: string; path?: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint}${options.path ?? '/'}`, { method: options.method ?? 'POST', headers: options.headers, setHost: !options.headers.host }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const createQueue = (name: string) => `Action=CreateQueue&QueueName=${name}&Version=2012-11-05`;

// A web page the developer opens must not be able to drive the local cloud: cross-origin form posts (no preflight)
// and DNS-rebinding host names are refused.
describe('browser safety: origins and host names', () => {
  let aws: Twinstack;
  let own: string;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs'], guard: { allowedOrigins: ['https://console.example.com'], allowedHosts: ['twin.example.com'] } });
    own = `http://localhost:${aws.port}`;
  });
  after(() => aws.stop());

  it('refuses a cross-origin form post from another site, and nothing is created', async () => {
    const answer = await send(aws.endpoint, { headers: { ...FORM, origin: 'https://evil.example' }, body: createQueue('from-evil') });
    assert.equal(answer.status, 403);
    assert.equal(answer.headers['access-control-allow-origin'], undefined);
    const list = await send(aws.endpoint, { headers: FORM, body: 'Action=ListQueues&Version=2012-11-05' });
    assert.doesNotMatch(list.body, /from-evil/);
  });

  it('refuses preflights from origins that are not allowed, and answers allowed ones', async () => {
    const preflight = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-amz-target,content-type' };
    assert.equal((await send(aws.endpoint, { method: 'OPTIONS', headers: { ...preflight, origin: 'https://evil.example' } })).status, 403);
    assert.equal((await send(aws.endpoint, { method: 'OPTIONS', headers: { ...preflight, origin: 'null' } })).status, 403);
    const allowed = await send(aws.endpoint, { method: 'OPTIONS', headers: { ...preflight, origin: own } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers['access-control-allow-origin'], own);
    assert.match(String(allowed.headers['access-control-allow-methods']), /POST/);
    assert.equal(allowed.headers['access-control-allow-headers'], 'x-amz-target,content-type');
  });

  it('serves the emulator\'s own origins and configured ones, with CORS headers', async () => {
    for (const origin of [own, `http://127.0.0.1:${aws.port}`, 'https://console.example.com', 'https://app.localstack.cloud']) {
      const answer = await send(aws.endpoint, { headers: { ...FORM, origin }, body: createQueue('allowed') });
      assert.equal(answer.status, 200, origin);
      assert.equal(answer.headers['access-control-allow-origin'], origin);
    }
    // Another port on localhost is another site.
    assert.equal((await send(aws.endpoint, { headers: { ...FORM, origin: 'http://localhost:1' }, body: createQueue('x') })).status, 403);
  });

  it('answers only host names that are its own: a DNS-rebinding name is refused', async () => {
    const hosts: [string, number][] = [
      [`evil.example:${aws.port}`, 403],
      [`127.0.0.1.nip.io:${aws.port}`, 403],
      [`localhost:${aws.port}`, 200],
      [`127.0.0.1:${aws.port}`, 200],
      [`[::1]:${aws.port}`, 200],
      [`10.1.2.3:${aws.port}`, 200],
      [`twinstack:${aws.port}`, 200],
      [`sqs.eu-west-1.localhost.localstack.cloud:${aws.port}`, 200],
      [`sqs.us-east-1.amazonaws.com`, 200],
      [`twin.example.com:${aws.port}`, 200],
    ];
    for (const [host, status] of hosts) {
      const answer = await send(aws.endpoint, { headers: { ...FORM, host }, body: 'Action=ListQueues&Version=2012-11-05' });
      assert.equal(answer.status, status, host);
    }
  });

  it('LocalStack\'s DISABLE_CORS_CHECKS and EXTRA_CORS_ALLOWED_ORIGINS settings', async () => {
    const { guardFromEnv } = await import('../../emulator/index.ts');
    assert.deepEqual(guardFromEnv({ DISABLE_CORS_CHECKS: '1', EXTRA_CORS_ALLOWED_ORIGINS: 'https://a.example, https://b.example', TWINSTACK_ALLOWED_HOSTS: 'h.example' }), {
      disableCorsChecks: true,
      allowedOrigins: ['https://a.example', 'https://b.example'],
      allowedHosts: ['h.example'],
    });
    const open = await startTwinstack({ port: 0, services: ['sqs'], guard: { disableCorsChecks: true } });
    try {
      const answer = await send(open.endpoint, { headers: { ...FORM, origin: 'https://anything.example' }, body: 'Action=ListQueues&Version=2012-11-05' });
      assert.equal(answer.status, 200);
    } finally {
      await open.stop();
    }
  });
});
