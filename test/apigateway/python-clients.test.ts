import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';

// The NotFoundException message is AWS's (shared/reference/aws-snapshots/apigateway, test_apigateway_api.py).
describe('API Gateway with boto3 and the AWS CLI', function () {
  this.timeout(60_000);
  let aws: Twinstack;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigateway', 'apigatewayv2'] });
  });
  after(() => aws?.stop());

  it('builds, deploys and calls a MOCK REST API, and reads AWS errors (boto3)', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./python-clients.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out.mock, { status: 200, body: { hello: 'boto3' } });
    assert.deepEqual(out.resources, ['/', '/hello']);
    assert.deepEqual(out.missing, { code: 'NotFoundException', message: 'Invalid API identifier specified 000000000000:nope', status: 404 });
    assert.deepEqual(out.http, { protocol: 'HTTP', selection: '$request.method $request.path' });
    assert.deepEqual(out.v2missing, { code: 'NotFoundException', status: 404 });
  });

  it('creates and lists APIs with the AWS CLI v1', async () => {
    const cli = (...args: string[]) => promisify(execFile)('python3', ['-m', 'awscli', '--endpoint-url', aws.endpoint, '--output', 'json', ...args], { env: BOTO3_ENV });
    const api = JSON.parse((await cli('apigateway', 'create-rest-api', '--name', 'cli-api')).stdout);
    assert.match(api.id, /^[a-z0-9]{10}$/);
    const resources = JSON.parse((await cli('apigateway', 'get-resources', '--rest-api-id', api.id)).stdout);
    assert.deepEqual(resources.items, [{ id: api.rootResourceId, path: '/' }]);
    const httpApi = JSON.parse((await cli('apigatewayv2', 'create-api', '--name', 'cli-http', '--protocol-type', 'HTTP')).stdout);
    const listed = JSON.parse((await cli('apigatewayv2', 'get-apis')).stdout);
    assert.ok(listed.Items.some((a: { ApiId: string }) => a.ApiId === httpApi.ApiId));
    await assert.rejects(cli('apigateway', 'get-rest-api', '--rest-api-id', 'missing'), /NotFoundException.*Invalid API identifier specified 000000000000:missing/s);
  });
});
