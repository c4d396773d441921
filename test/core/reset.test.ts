import assert from 'node:assert/strict';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, ListQueuesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/** Clearing state between tests under twinstack's, LocalStack's and moto's conventions. */
describe('state reset', function () {
  let aws: Twinstack;
  let sqs: SQSClient;
  let dynamodb: DynamoDBClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb'] });
    const config = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    sqs = new SQSClient(config);
    dynamodb = new DynamoDBClient(config);
  });
  after(async () => {
    sqs.destroy();
    dynamodb.destroy();
    await aws.stop();
  });

  async function seed() {
    await sqs.send(new CreateQueueCommand({ QueueName: 'reset-me' }));
    await dynamodb.send(new CreateTableCommand({
      TableName: 'reset-me',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
  }
  const queues = async () => (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
  const tables = async () => (await dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
  const post = (path: string, body?: unknown) => fetch(`${aws.endpoint}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

  for (const path of ['/_localstack/state/reset', '/_twinstack/reset', '/moto-api/reset']) {
    it(`POST ${path} clears every service`, async () => {
      await seed();
      const response = await post(path);
      assert.equal(response.status, 200);
      assert.deepEqual((await response.json()).reset.sort(), ['dynamodb', 'sqs']);
      assert.deepEqual(await queues(), []);
      assert.deepEqual(await tables(), []);
    });
  }

  it('one service at a time: /_localstack/state/<service>/reset, /_twinstack/reset/<service> and ?service=', async () => {
    await seed();
    assert.equal((await post('/_localstack/state/sqs/reset')).status, 200);
    assert.deepEqual(await queues(), []);
    assert.deepEqual(await tables(), ['reset-me']);
    assert.equal((await post('/_twinstack/reset/dynamodb')).status, 200);
    assert.deepEqual(await tables(), []);
    await seed();
    assert.equal((await post('/_twinstack/reset?service=dynamodb')).status, 200);
    assert.equal((await queues()).length, 1);
    assert.deepEqual(await tables(), []);
    assert.equal((await post('/_twinstack/reset', { services: ['sqs'] })).status, 200);
    assert.deepEqual(await queues(), []);
  });

  it('a long poll waiting on a reset queue ends with no messages', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'reset-poll' }));
    const started = performance.now();
    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
    await new Promise((r) => setTimeout(r, 100));
    await aws.reset(['sqs']);
    assert.equal((await polling).Messages, undefined);
    assert.ok(performance.now() - started < 5000);
  });

  it('an unknown service or a GET is refused with a clear message', async () => {
    const unknown = await post('/_twinstack/reset/nosuch');
    assert.equal(unknown.status, 400);
    assert.match((await unknown.json()).message, /not enabled: nosuch/);
    assert.equal((await fetch(`${aws.endpoint}/_twinstack/reset`)).status, 405);
  });
});
