import assert from 'node:assert/strict';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startTwinstack, type Twinstack } from '../../../emulator/index.ts';
import { runBoto3Script } from '../../support/boto3.ts';

/**
 * Fault injection seen by real clients: the AWS SDK v3's and boto3's retry logic must see exactly the injected
 * errors (a rule with a count of n makes n attempts fail), dropped connections and latency.
 */
describe('fault injection', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  const config = () => ({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const control = async (method: string, body?: unknown, path = '/_twinstack/faults') => {
    const response = await fetch(`${aws.endpoint}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  };

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb', 'sts'] });
    const dynamodb = new DynamoDBClient(config());
    await dynamodb.send(new CreateTableCommand({
      TableName: 'faults',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
    dynamodb.destroy();
  });
  afterEach(() => aws.faults.clear());
  after(() => aws.stop());

  it('the SDK v3 retries exactly the injected throttling errors, then succeeds', async () => {
    await control('POST', { service: 'dynamodb', operation: 'GetItem', count: 2, error: { code: 'ProvisionedThroughputExceededException' } });
    const dynamodb = new DynamoDBClient(config());
    const result = await dynamodb.send(new GetItemCommand({ TableName: 'faults', Key: { pk: { S: 'x' } } }));
    assert.equal(result.$metadata.attempts, 3);
    const { body } = await control('GET');
    assert.equal(body.rules[0].injected, 2);
    assert.equal(body.rules[0].matched, 2);
    dynamodb.destroy();
  });

  it('when the rule outlasts the retries, the SDK v3 surfaces the injected error with its status', async () => {
    aws.faults.add([{ service: 'dynamodb', operation: 'PutItem', error: { code: 'InternalServerError', message: 'boom' } }]);
    const dynamodb = new DynamoDBClient({ ...config(), maxAttempts: 2 });
    const error = await dynamodb.send(new PutItemCommand({ TableName: 'faults', Item: { pk: { S: 'x' } } })).catch((e) => e);
    assert.equal(error.name, 'InternalServerError');
    assert.equal(error.message, 'boom');
    assert.equal(error.$metadata.httpStatusCode, 500);
    assert.equal(error.$metadata.attempts, 2);
    assert.equal(aws.faults.list().rules[0].injected, 2);
    dynamodb.destroy();
  });

  it("boto3's standard retry mode sees exactly the injected errors", async () => {
    const out = await runBoto3Script<Record<string, Record<string, unknown>>>(new URL('./boto3-retries.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out.throttled, { retries: 2, injected: 2 });
    assert.deepEqual(out.unavailable, { retries: 1 });
    // botocore's max_attempts counts retries: 3 retries after the first attempt, each failing on an injected error.
    assert.deepEqual(out.exhausted, { code: 'InternalError', status: 500, retries: 3, injected: 4 });
  });

  it('a connection reset is retried by the SDK v3 as a transient error', async () => {
    aws.faults.add([{ service: 'sts', operation: 'GetCallerIdentity', count: 1, connection: 'reset' }]);
    const sts = new STSClient(config());
    const result = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(result.$metadata.attempts, 2);
    sts.destroy();
  });

  it('a timeout leaves the request unanswered until the client gives up', async () => {
    aws.faults.add([{ service: 'sts', count: 1, connection: 'timeout' }]);
    const sts = new STSClient({ ...config(), maxAttempts: 1, requestHandler: new NodeHttpHandler({ requestTimeout: 300, throwOnRequestTimeout: true }) });
    const started = performance.now();
    const error = await sts.send(new GetCallerIdentityCommand({})).catch((e) => e);
    assert.equal(error.name, 'TimeoutError');
    assert.ok(performance.now() - started >= 290);
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, '000000000000');
    sts.destroy();
  });

  it('latency: fixed or a range', async () => {
    aws.faults.add([{ service: 'sts', latency: '250ms' }]);
    const sts = new STSClient(config());
    let started = performance.now();
    await sts.send(new GetCallerIdentityCommand({}));
    assert.ok(performance.now() - started >= 245);
    aws.faults.clear();
    aws.faults.add([{ service: 'sts', latency: { min: 100, max: 150 } }]);
    started = performance.now();
    await sts.send(new GetCallerIdentityCommand({}));
    assert.ok(performance.now() - started >= 95);
    sts.destroy();
  });

  it('matches on resource names, regions and accounts', async () => {
    const sqs = new SQSClient({ ...config(), maxAttempts: 1 });
    const orders = (await sqs.send(new CreateQueueCommand({ QueueName: 'orders-q' }))).QueueUrl;
    const other = (await sqs.send(new CreateQueueCommand({ QueueName: 'other-q' }))).QueueUrl;
    aws.faults.add([{ resource: '*/orders-*', error: { code: 'ThrottlingException' } }]);
    aws.faults.add([{ service: 'sqs', region: 'eu-west-1', error: { code: 'ServiceUnavailable' } }]);
    aws.faults.add([{ service: 'sqs', account: '222222222222', error: { code: 'AccessDenied', status: 403 } }]);
    await assert.rejects(sqs.send(new SendMessageCommand({ QueueUrl: orders, MessageBody: 'x' })), { name: 'ThrottlingException' });
    await sqs.send(new SendMessageCommand({ QueueUrl: other, MessageBody: 'x' }));
    const europe = new SQSClient({ ...config(), region: 'eu-west-1', maxAttempts: 1 });
    const unavailable = await europe.send(new CreateQueueCommand({ QueueName: 'q' })).catch((e) => e);
    assert.equal(unavailable.name, 'ServiceUnavailable');
    assert.equal(unavailable.$metadata.httpStatusCode, 503);
    const other_account = new SQSClient({ ...config(), credentials: { accessKeyId: '222222222222', secretAccessKey: 'x' }, maxAttempts: 1 });
    await assert.rejects(other_account.send(new CreateQueueCommand({ QueueName: 'q' })), { name: 'AccessDenied' });
    for (const client of [sqs, europe, other_account]) client.destroy();
  });

  it('a seed makes probabilistic faults reproducible', async () => {
    const sts = new STSClient({ ...config(), maxAttempts: 1 });
    const pattern = async () => {
      await control('PUT', { seed: 42, rules: [{ service: 'sts', probability: 0.5, error: { code: 'Throttling' } }] });
      const seen: boolean[] = [];
      for (let i = 0; i < 16; i++) seen.push(await sts.send(new GetCallerIdentityCommand({})).then(() => true, () => false));
      return seen;
    };
    const first = await pattern();
    assert.deepEqual(await pattern(), first);
    assert.ok(first.includes(true) && first.includes(false));
    sts.destroy();
  });

  it('a time window on the emulator clock', async () => {
    aws.faults.add([{ service: 'sts', duration: '1m', error: { code: 'Throttling' } }]);
    const sts = new STSClient({ ...config(), maxAttempts: 1 });
    await assert.rejects(sts.send(new GetCallerIdentityCommand({})), { name: 'Throttling' });
    aws.advanceClock('2m');
    await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
  });

  it('internal calls through Emulator.call take part', async () => {
    aws.faults.add([{ service: 'sqs', operation: 'GetQueueUrl', count: 1, connection: 'reset' }]);
    const caller = { accountId: '000000000000', arn: 'arn:aws:iam::000000000000:root' };
    await assert.rejects(aws.emulator.call('sqs', 'GetQueueUrl', { QueueName: 'other-q' }, { caller, region: 'us-east-1' }), { code: 'ServiceUnavailable' });
    const { QueueUrl } = await aws.emulator.call<{ QueueUrl: string }>('sqs', 'GetQueueUrl', { QueueName: 'other-q' }, { caller, region: 'us-east-1' });
    assert.match(QueueUrl, /other-q$/);
  });

  it('bad rules are refused with a 400 naming the problem, and none of the batch is added', async () => {
    const bad = await control('POST', { rules: [{ service: 'sqs', latency: 5 }, { service: 'sqs', probability: 2, error: { code: 'X' } }] });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /probability must be a number from 0 to 1/);
    assert.equal((await control('POST', { service: 'sqs', oops: 1, latency: 1 })).body.message, 'fault rule: unknown field(s) oops');
    assert.equal((await control('GET')).body.rules.length, 0);
    const added = await control('POST', { id: 'mine', service: 'sqs', latency: 1 });
    assert.equal(added.body.rules[0].id, 'mine');
    assert.equal((await control('DELETE', undefined, '/_twinstack/faults/mine')).status, 200);
    assert.equal((await control('DELETE', undefined, '/_twinstack/faults/mine')).status, 404);
  });
});

describe("LocalStack's error probability variables", function () {
  this.timeout(10_000);
  const names = ['DYNAMODB_READ_ERROR_PROBABILITY', 'KINESIS_ERROR_PROBABILITY'];
  let aws: Twinstack;
  before(async () => {
    for (const name of names) process.env[name] = '1';
    try {
      aws = await startTwinstack({ port: 0, services: ['dynamodb'] });
    } finally {
      for (const name of names) delete process.env[name];
    }
  });
  after(() => aws.stop());

  it('DYNAMODB_READ_ERROR_PROBABILITY=1 throttles every read, and no write', async () => {
    const dynamodb = new DynamoDBClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    await dynamodb.send(new CreateTableCommand({
      TableName: 'lst', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST',
    }));
    await dynamodb.send(new PutItemCommand({ TableName: 'lst', Item: { pk: { S: 'a' } } }));
    const error = await dynamodb.send(new GetItemCommand({ TableName: 'lst', Key: { pk: { S: 'a' } } })).catch((e) => e);
    assert.equal(error.name, 'ProvisionedThroughputExceededException');
    assert.match(error.message, /level of configured provisioned throughput/);
    assert.equal(error.$metadata.httpStatusCode, 400);
    dynamodb.destroy();
  });
});
