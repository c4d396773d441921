import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateQueueCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { startOptions } from '../../emulator/cli/start-options.ts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the console's JSON answers, checked member by member
type Json = Record<string, any>;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const ACCOUNT = '000000000000';

/** The console's JSON API over HTTP, against resources made with the AWS SDK v3. */
describe('web console API', () => {
  let aws: Twinstack;
  const client = <C>(Client: new (config: object) => C): C => new Client({ endpoint: aws.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  const get = async (path: string) => {
    const response = await fetch(`${aws.endpoint}${path}`);
    return { status: response.status, body: (await response.json()) as Json };
  };
  const call = async (service: string, operation: string, input: object, scope = { accountId: ACCOUNT, region: 'us-east-1' }) => {
    const response = await fetch(`${aws.endpoint}/_twinstack/ui/api/call`, { method: 'POST', body: JSON.stringify({ service, operation, input, ...scope }) });
    return { status: response.status, body: (await response.json()) as Json };
  };

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb', 's3', 'kms', 'sts', 'secretsmanager', 'ssm'] });
  });
  after(() => aws.stop());

  it('serves the page, its script and style, and 404 for other files', async () => {
    const page = await fetch(`${aws.endpoint}/_twinstack/ui`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    assert.match(await page.text(), /<title>twinstack console<\/title>/);
    assert.match((await fetch(`${aws.endpoint}/_twinstack/ui/console.js`)).headers.get('content-type')!, /javascript/);
    assert.equal((await fetch(`${aws.endpoint}/_twinstack/ui/console.css`)).status, 200);
    assert.equal((await fetch(`${aws.endpoint}/_twinstack/ui/..%2Fview.ts`)).status, 404);
    assert.equal((await fetch(`${aws.endpoint}/_twinstack/ui/constructor`)).status, 404);
  });

  it('serves the parity scorecard of this build when it exists', async () => {
    const response = await fetch(`${aws.endpoint}/_twinstack/ui/parity`);
    const exists = existsSync(new URL('../../reports/parity.html', import.meta.url));
    assert.equal(response.status, exists ? 200 : 404);
    if (exists) assert.match(await response.text(), /<html/i);
  });

  it('lists the enabled services with the default account and region', async () => {
    const { body } = await get('/_twinstack/ui/api/services');
    assert.deepEqual(body, { services: ['sqs', 'dynamodb', 's3', 'kms', 'sts', 'secretsmanager', 'ssm'], accountId: ACCOUNT, region: 'us-east-1' });
  });

  it("shows a service's declared view, a generic one from its model otherwise", async () => {
    assert.equal((await get('/_twinstack/ui/api/view?service=sqs')).body.view.list.operation, 'ListQueues');
    const kms = (await get('/_twinstack/ui/api/view?service=kms')).body.view;
    assert.match(kms.list.operation, /^(List|Describe)/);
    assert.ok(kms.columns ?? kms.list.columns.length);
    const listed = await call('kms', kms.list.operation, {});
    assert.equal(listed.status, 200);
    assert.ok(Array.isArray(listed.body.output[kms.list.items] ?? []));
    assert.equal((await get('/_twinstack/ui/api/view?service=lambda')).status, 404);
  });

  it('lists through the front door, per account and region', async () => {
    const sqs = client(SQSClient);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'console-walls' }));
    assert.deepEqual((await call('sqs', 'ListQueues', {})).body.output.QueueUrls, [QueueUrl]);
    assert.equal((await call('sqs', 'ListQueues', {}, { accountId: '111111111111', region: 'us-east-1' })).body.output.QueueUrls, undefined);
    assert.equal((await call('sqs', 'ListQueues', {}, { accountId: ACCOUNT, region: 'eu-west-1' })).body.output.QueueUrls, undefined);
  });

  it('answers AWS errors and bad requests with their status and code', async () => {
    const missing = await call('sqs', 'GetQueueUrl', { QueueName: 'nope' });
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /^AWS\.SimpleQueueService\.NonExistentQueue|^QueueDoesNotExist/);
    assert.equal((await call('sqs', 'ListQueues', {}, { accountId: 'abc', region: 'us-east-1' })).status, 400);
    assert.equal((await call('lambda', 'ListFunctions', {})).status, 404);
    assert.equal((await call('sqs', 'NoSuchOperation', {})).status, 501);
  });

  it('scans a table a page at a time and lists objects by prefix', async () => {
    const ddb = client(DynamoDBClient);
    await ddb.send(new CreateTableCommand({ TableName: 'console-t', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
    for (let i = 0; i < 3; i++) await ddb.send(new PutItemCommand({ TableName: 'console-t', Item: { id: { S: `k${i}` } } }));
    const first = (await call('dynamodb', 'Scan', { TableName: 'console-t', Limit: 2 })).body.output;
    assert.equal(first.Items.length, 2);
    const rest = (await call('dynamodb', 'Scan', { TableName: 'console-t', Limit: 2, ExclusiveStartKey: first.LastEvaluatedKey })).body.output;
    assert.equal(rest.Items.length, 1);
    const s3 = client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: 'console-b' }));
    for (const Key of ['a/1', 'a/2', 'b/1']) await s3.send(new PutObjectCommand({ Bucket: 'console-b', Key, Body: 'x' }));
    const objects = (await call('s3', 'ListObjectsV2', { Bucket: 'console-b', Prefix: 'a/' })).body.output;
    assert.deepEqual(objects.Contents.map((o: { Key: string }) => o.Key), ['a/1', 'a/2']);
  });

  it("logs clients' requests with status, latency and error code, and pages by id", async () => {
    const before = (await get('/_twinstack/ui/api/requests')).body.requests as { id: number }[];
    const since = before.at(-1)?.id ?? 0;
    await client(SQSClient).send(new GetQueueUrlCommand({ QueueName: 'absent' })).catch(() => {});
    const { requests } = (await get(`/_twinstack/ui/api/requests?since=${since}`)).body;
    assert.equal(requests.length, 1);
    const [entry] = requests;
    assert.equal(entry.id, since + 1);
    assert.deepEqual(
      { service: entry.service, operation: entry.operation, accountId: entry.accountId, region: entry.region, status: entry.status, errorCode: entry.errorCode },
      { service: 'sqs', operation: 'GetQueueUrl', accountId: ACCOUNT, region: 'us-east-1', status: 400, errorCode: 'QueueDoesNotExist' },
    );
    assert.equal(typeof entry.latencyMs, 'number');
    assert.ok(!Number.isNaN(Date.parse(entry.time)));
  });

  it('opens a logged request: headers and bodies, with signatures, tokens and secret values hidden', async () => {
    const since = ((await get('/_twinstack/ui/api/requests')).body.requests as { id: number }[]).at(-1)?.id ?? 0;
    const sessionCredentials = { ...credentials, sessionToken: 'token-from-sts' };
    await new SecretsManagerClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: sessionCredentials }).send(new CreateSecretCommand({ Name: 'db', SecretString: 'hunter2-secret' }));
    await client(SSMClient).send(new PutParameterCommand({ Name: 'p', Value: 'ssm-secret-value', Type: 'SecureString' }));
    await client(S3Client).send(new PutObjectCommand({ Bucket: 'console-b', Key: 'streamed', Body: 'object body' }));
    const [secret, parameter, object] = (await get(`/_twinstack/ui/api/requests?since=${since}`)).body.requests as { id: number }[];
    const detail = (await get(`/_twinstack/ui/api/requests/${secret.id}`)).body;
    assert.equal(detail.operation, 'CreateSecret');
    assert.equal(detail.request.method, 'POST');
    assert.equal(detail.request.headers['x-amz-target'], 'secretsmanager.CreateSecret');
    assert.match(detail.request.headers.authorization, /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-east-1\/secretsmanager\/aws4_request, SignedHeaders=[^,]+, Signature=\(redacted\)$/);
    assert.equal(detail.request.headers['x-amz-security-token'], '(redacted)');
    assert.deepEqual(JSON.parse(detail.request.body.text).SecretString, '(redacted)');
    assert.equal(JSON.parse(detail.request.body.text).Name, 'db');
    assert.equal(detail.response.status, 200);
    assert.equal(JSON.parse(detail.response.body.text).Name, 'db');
    const everything = JSON.stringify(detail);
    assert.doesNotMatch(everything, /hunter2|token-from-sts/);
    // A service's view names its own secret members: SSM parameter values.
    assert.doesNotMatch(JSON.stringify((await get(`/_twinstack/ui/api/requests/${parameter.id}`)).body), /ssm-secret-value/);
    const upload = (await get(`/_twinstack/ui/api/requests/${object.id}`)).body;
    assert.deepEqual([upload.request.method, upload.request.path, upload.request.body.note], ['PUT', '/console-b/streamed', 'streamed: not kept']);
    assert.equal((await get('/_twinstack/ui/api/requests/999999')).status, 404);
  });

  it('shows response headers as they were answered, Latin-1 text included', async () => {
    const since = ((await get('/_twinstack/ui/api/requests')).body.requests as { id: number }[]).at(-1)?.id ?? 0;
    const s3 = client(S3Client);
    await s3.send(new PutObjectCommand({ Bucket: 'console-b', Key: 'named', Body: 'named body' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'console-b', Key: 'named', ResponseContentDisposition: 'attachment; filename="café.txt"' }));
    assert.equal(await got.Body!.transformToString(), 'named body');
    const [, read] = (await get(`/_twinstack/ui/api/requests?since=${since}`)).body.requests as { id: number }[];
    const { response } = (await get(`/_twinstack/ui/api/requests/${read.id}`)).body;
    assert.equal(response.headers['content-disposition'], 'attachment; filename="café.txt"');
    assert.equal(response.body.text, 'named body');
  });

  it('keeps the first 8 KiB of a large body and says how large it was', async () => {
    const since = ((await get('/_twinstack/ui/api/requests')).body.requests as { id: number }[]).at(-1)?.id ?? 0;
    const ddb = client(DynamoDBClient);
    await ddb.send(new PutItemCommand({ TableName: 'console-t', Item: { id: { S: 'big' }, data: { S: 'x'.repeat(20_000) } } }));
    const [put] = (await get(`/_twinstack/ui/api/requests?since=${since}`)).body.requests as { id: number }[];
    const { body } = (await get(`/_twinstack/ui/api/requests/${put.id}`)).body.request;
    assert.equal(body.truncated, true);
    assert.ok(body.size > 20_000);
    assert.equal(Buffer.byteLength(body.text), 8 * 1024);
  });

  it('keeps the last 500 requests: an older one is gone (404), the page lists the 500 in order, bodies as sent', async () => {
    const first = ((await get('/_twinstack/ui/api/requests')).body.requests as { id: number }[]).at(-1)?.id ?? 0;
    const body = 'Action=GetCallerIdentity&Version=2011-06-15&Note=caf%C3%A9';
    const send = () => fetch(aws.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).then((r) => r.text());
    for (let sent = 0; sent < 520; sent += 20) await Promise.all(Array.from({ length: 20 }, send));
    const { requests, capacity } = (await get('/_twinstack/ui/api/requests')).body;
    assert.equal(capacity, 500);
    const ids = (requests as { id: number }[]).map((r) => r.id);
    assert.equal(ids.length, 500);
    assert.deepEqual(ids, Array.from({ length: 500 }, (_, i) => first + 21 + i));
    assert.equal((await get(`/_twinstack/ui/api/requests/${first + 20}`)).status, 404);
    const last = (await get(`/_twinstack/ui/api/requests/${ids.at(-1)}`)).body;
    assert.equal(last.operation, 'GetCallerIdentity');
    assert.equal(last.request.body.text, body);
    assert.equal(last.request.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.match(last.response.body.text, /<GetCallerIdentityResponse/);
  });

  it('shows the headers of a request as sent over HTTP/1.1: names in lower case, the values of a repeated one joined', async () => {
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const head = [
      'POST / HTTP/1.1',
      `Host: 127.0.0.1:${aws.port}`,
      'Content-Type: application/x-www-form-urlencoded',
      'X-Twinstack-Note: one',
      'x-twinstack-note: two',
      '__proto__: kept',
      `Content-Length: ${body.length}`,
      'Connection: close',
    ];
    const socket = connect(aws.port, '127.0.0.1');
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
    let answer = '';
    for await (const chunk of socket) answer += String(chunk);
    assert.match(answer, /^HTTP\/1\.1 200 /);
    const { requests } = (await get('/_twinstack/ui/api/requests')).body as { requests: { id: number }[] };
    const detail = (await get(`/_twinstack/ui/api/requests/${requests.at(-1)!.id}`)).body;
    assert.equal(detail.request.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(detail.request.headers['x-twinstack-note'], 'one, two');
    assert.ok(Object.hasOwn(detail.request.headers, '__proto__') && detail.request.headers['__proto__'] === 'kept', 'a header named __proto__');
    assert.equal(detail.request.body.text, body);
  });

  it('is off with ui: false, --no-ui or TWINSTACK_UI=0', async () => {
    const off = await startTwinstack({ port: 0, services: ['sqs'], ui: false });
    try {
      assert.equal((await fetch(`${off.endpoint}/_twinstack/ui`)).status, 404);
      assert.equal((await fetch(`${off.endpoint}/_twinstack/ui/api/requests`)).status, 404);
      assert.equal(off.emulator.onRequestFinished, undefined);
    } finally {
      await off.stop();
    }
    assert.equal(startOptions({ 'no-ui': true }, {}).ui, false);
    assert.equal(startOptions({}, { TWINSTACK_UI: '0' }).ui, false);
    assert.equal(startOptions({}, {}).ui, undefined);
  });
});
