import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, GetRecordsCommand as GetStreamRecordsCommand, GetShardIteratorCommand as GetStreamIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const clients = (endpoint: string) => {
  const config = { endpoint, region: 'us-east-1', credentials };
  return {
    sqs: new SQSClient(config),
    dynamodb: new DynamoDBClient(config),
    streams: new DynamoDBStreamsClient(config),
    kinesis: new KinesisClient(config),
    sts: new STSClient(config),
  };
};
type Clients = ReturnType<typeof clients>;

/** Fills every service with state worth checking: in-flight and delayed messages, items, stream records, credentials. */
async function seed(c: Clients) {
  const standard = (await c.sqs.send(new CreateQueueCommand({ QueueName: 'persist-std', Attributes: { VisibilityTimeout: '43200' } }))).QueueUrl!;
  const fifo = (await c.sqs.send(new CreateQueueCommand({ QueueName: 'persist.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } }))).QueueUrl!;
  await c.sqs.send(new SendMessageCommand({ QueueUrl: standard, MessageBody: 'in flight' }));
  const inFlight = await c.sqs.send(new ReceiveMessageCommand({ QueueUrl: standard }));
  await c.sqs.send(new SendMessageCommand({ QueueUrl: standard, MessageBody: 'delayed', DelaySeconds: 600 }));
  await c.sqs.send(new SendMessageCommand({ QueueUrl: standard, MessageBody: 'visible' }));
  for (const body of ['g1', 'g2', 'g3']) await c.sqs.send(new SendMessageCommand({ QueueUrl: fifo, MessageBody: body, MessageGroupId: 'g' }));
  await c.dynamodb.send(new CreateTableCommand({
    TableName: 'persist-table',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }, { AttributeName: 'g', AttributeType: 'S' }],
    GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  }));
  await c.dynamodb.send(new UpdateTimeToLiveCommand({ TableName: 'persist-table', TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' } }));
  for (let i = 0; i < 5; i++) {
    await c.dynamodb.send(new PutItemCommand({ TableName: 'persist-table', Item: { pk: { S: 'p' }, sk: { N: String(i) }, g: { S: i % 2 ? 'odd' : 'even' }, blob: { B: Buffer.from([i, 255]) } } }));
  }
  await c.kinesis.send(new CreateStreamCommand({ StreamName: 'persist-stream', ShardCount: 2 }));
  await c.kinesis.send(new PutRecordsCommand({ StreamName: 'persist-stream', Records: ['a', 'b', 'c'].map((d) => ({ Data: Buffer.from(d), PartitionKey: d })) }));
  const role = await c.sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/persisted', RoleSessionName: 'persist-session' }));
  return { standard, fifo, receipt: inFlight.Messages![0].ReceiptHandle!, role: role.Credentials! };
}
type Seeded = Awaited<ReturnType<typeof seed>>;

/** Checks, through the same clients, that everything `seed` made is there as it was. */
async function verify(aws: Twinstack, c: Clients, seeded: Seeded) {
  const role = new STSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: {
    accessKeyId: seeded.role.AccessKeyId!, secretAccessKey: seeded.role.SecretAccessKey!, sessionToken: seeded.role.SessionToken!,
  } });
  const identity = await role.send(new GetCallerIdentityCommand({}));
  assert.equal(identity.Account, '123456789012');
  assert.match(identity.Arn!, /assumed-role\/persisted\/persist-session$/);
  role.destroy();
  const counts = await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl: seeded.standard, AttributeNames: ['All'] }));
  assert.equal(counts.Attributes?.ApproximateNumberOfMessages, '1');
  assert.equal(counts.Attributes?.ApproximateNumberOfMessagesNotVisible, '1');
  assert.equal(counts.Attributes?.ApproximateNumberOfMessagesDelayed, '1');
  assert.equal(counts.Attributes?.VisibilityTimeout, '43200');
  const visible = await c.sqs.send(new ReceiveMessageCommand({ QueueUrl: seeded.standard, MaxNumberOfMessages: 10 }));
  assert.deepEqual(visible.Messages?.map((m) => m.Body), ['visible']);
  // The receipt handle issued before still deletes its message; FIFO order and group blocking survive.
  const fifo = await c.sqs.send(new ReceiveMessageCommand({ QueueUrl: seeded.fifo, MaxNumberOfMessages: 10 }));
  assert.deepEqual(fifo.Messages?.map((m) => m.Body), ['g1', 'g2', 'g3']);
  aws.advanceClock('12h');
  const back = await c.sqs.send(new ReceiveMessageCommand({ QueueUrl: seeded.standard, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
  const bodies = Object.fromEntries(back.Messages!.map((m) => [m.Body, m.Attributes?.ApproximateReceiveCount]));
  assert.deepEqual(bodies, { 'in flight': '2', delayed: '1', visible: '2' });
  await c.sqs.send(new DeleteMessageCommand({ QueueUrl: seeded.standard, ReceiptHandle: seeded.receipt }));

  const item = await c.dynamodb.send(new GetItemCommand({ TableName: 'persist-table', Key: { pk: { S: 'p' }, sk: { N: '3' } } }));
  assert.deepEqual(item.Item?.blob.B, new Uint8Array([3, 255]));
  const odd = await c.dynamodb.send(new QueryCommand({ TableName: 'persist-table', IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'odd' } } }));
  assert.equal(odd.Count, 2);
  const table = await c.dynamodb.send(new DescribeTableCommand({ TableName: 'persist-table' }));
  assert.equal(table.Table?.ItemCount, 5);
  const streamArn = table.Table!.LatestStreamArn!;
  const iterator = await c.streams.send(new GetStreamIteratorCommand({ StreamArn: streamArn, ShardId: (await shardOfStream(c, streamArn)), ShardIteratorType: 'TRIM_HORIZON' }));
  const records = await c.streams.send(new GetStreamRecordsCommand({ ShardIterator: iterator.ShardIterator }));
  assert.equal(records.Records?.length, 5);
  // Writes after the restore reach the stream too (its subscription was re-made).
  await c.dynamodb.send(new PutItemCommand({ TableName: 'persist-table', Item: { pk: { S: 'p' }, sk: { N: '9' }, g: { S: 'odd' } } }));
  const more = await c.streams.send(new GetStreamRecordsCommand({ ShardIterator: records.NextShardIterator }));
  assert.equal(more.Records?.length, 1);

  const shards = await c.kinesis.send(new ListShardsCommand({ StreamName: 'persist-stream' }));
  let data: string[] = [];
  for (const shard of shards.Shards!) {
    const it = await c.kinesis.send(new GetShardIteratorCommand({ StreamName: 'persist-stream', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
    const got = await c.kinesis.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator }));
    data = data.concat(got.Records!.map((r) => Buffer.from(r.Data!).toString()));
  }
  assert.deepEqual(data.sort(), ['a', 'b', 'c']);

}

async function shardOfStream(c: Clients, streamArn: string): Promise<string> {
  const { DescribeStreamCommand } = await import('@aws-sdk/client-dynamodb-streams');
  return (await c.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription!.Shards![0].ShardId!;
}

const destroy = (c: Clients) => Object.values(c).forEach((client) => client.destroy());
const SERVICES = ['sqs', 'dynamodb', 'dynamodbstreams', 'kinesis', 'sts'];

describe('persistence', function () {
  this.timeout(30_000);
  let dir: string;
  /** Emulators and clients a test made: stopped after it whatever happened (a timed-out test's emulator would keep mocha running). */
  let running: Twinstack[] = [];
  let open: Clients[] = [];
  const start = async (persist?: { dir: string; mode: 'wal' | 'snapshot' }) => {
    const aws = await startTwinstack({ port: 0, services: SERVICES, persist });
    running.push(aws);
    return aws;
  };
  const clientsOf = (aws: Twinstack) => {
    const c = clients(aws.endpoint);
    open.push(c);
    return c;
  };
  /** Stops an emulator now (as the next start on its directory needs) rather than after the test. */
  const stop = async (aws: Twinstack) => {
    running = running.filter((other) => other !== aws);
    await aws.stop();
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'twinstack-persist-'))));
  afterEach(async () => {
    open.forEach(destroy);
    // Newest first: a later emulator on the same directory stops before the one whose lock it shares.
    for (const aws of running.reverse()) await aws.stop();
    open = [];
    running = [];
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET /_twinstack/state exports everything; POST restores it after a reset', async () => {
    const aws = await start();
    const c = clientsOf(aws);
    const seeded = await seed(c);
    const exported = await (await fetch(`${aws.endpoint}/_twinstack/state`)).text();
    await fetch(`${aws.endpoint}/_twinstack/reset`, { method: 'POST' });
    assert.equal((await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl: seeded.standard, AttributeNames: ['All'] })).catch((e) => e)).name, 'QueueDoesNotExist');
    const imported = await fetch(`${aws.endpoint}/_twinstack/state`, { method: 'POST', body: exported });
    assert.equal(imported.status, 200);
    await verify(aws, c, seeded);
  });

  for (const mode of ['wal', 'snapshot'] as const) {
    it(`${mode} mode: state survives a clean restart`, async () => {
      const first = await start({ dir, mode });
      const seeded = await seed(clientsOf(first));
      await stop(first);
      const aws = await start({ dir, mode });
      await verify(aws, clientsOf(aws), { ...seeded, standard: seeded.standard.replace(/:\d+\//, `:${aws.port}/`), fifo: seeded.fifo.replace(/:\d+\//, `:${aws.port}/`) });
    });
  }

  it('wal mode: the log alone restores everything (no clean stop), each write logging only what it changed', async () => {
    const first = await start({ dir, mode: 'wal' });
    const c = clientsOf(first);
    const seeded = await seed(c);
    const big = (await c.sqs.send(new CreateQueueCommand({ QueueName: 'persist-big' }))).QueueUrl!;
    await c.dynamodb.send(new CreateTableCommand({
      TableName: 'persist-big', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST',
    }));
    await c.kinesis.send(new CreateStreamCommand({ StreamName: 'persist-big', ShardCount: 1 }));
    // The three services' writes go side by side: the test waits for 200 round trips rather than 600.
    for (let i = 0; i < 2000; i += 10) {
      await Promise.all([
        c.sqs.send(new SendMessageBatchCommand({ QueueUrl: big, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, MessageBody: `m${i + j} ${'x'.repeat(200)}` })) })),
        c.dynamodb.send(new PutItemCommand({ TableName: 'persist-big', Item: { pk: { S: `big${i}` }, data: { S: 'x'.repeat(200) } } })),
        c.kinesis.send(new PutRecordsCommand({ StreamName: 'persist-big', Records: Array.from({ length: 10 }, (_, j) => ({ Data: Buffer.from('x'.repeat(200)), PartitionKey: `k${i + j}` })) })),
      ]);
    }
    const logSize = () => statSync(join(dir, 'state.wal')).size;
    // With 2,000 messages, 200 items and 2,000 Kinesis records stored, one more of each logs that message or item (and the small rest of the graph), not the 400 KB stored.
    let before = logSize();
    await c.sqs.send(new SendMessageCommand({ QueueUrl: big, MessageBody: 'one more' }));
    const sendBytes = logSize() - before;
    before = logSize();
    await c.dynamodb.send(new PutItemCommand({ TableName: 'persist-big', Item: { pk: { S: 'one-more' } } }));
    const putBytes = logSize() - before;
    before = logSize();
    await c.kinesis.send(new PutRecordsCommand({ StreamName: 'persist-big', Records: [{ Data: Buffer.from('one more'), PartitionKey: 'one-more' }] }));
    const recordBytes = logSize() - before;
    assert.ok(recordBytes > 0 && recordBytes < 8192, `PutRecords logged ${recordBytes} bytes`);
    assert.ok(sendBytes > 0 && sendBytes < 8192, `SendMessage logged ${sendBytes} bytes`);
    assert.ok(putBytes > 0 && putBytes < 8192, `PutItem logged ${putBytes} bytes`);
    // A second emulator on the directory (the lock is this process's own) finds only the log, as after a crash; the
    // first one stops only after the test (afterEach), never cleanly before the second reads the log.
    const second = await start({ dir, mode: 'wal' });
    const d = clientsOf(second);
    const moved = (url: string) => url.replace(/:\d+\//, `:${second.port}/`);
    const counts = await d.sqs.send(new GetQueueAttributesCommand({ QueueUrl: moved(big), AttributeNames: ['ApproximateNumberOfMessages'] }));
    assert.equal(counts.Attributes?.ApproximateNumberOfMessages, '2001');
    const item = await d.dynamodb.send(new GetItemCommand({ TableName: 'persist-big', Key: { pk: { S: 'big1990' } } }));
    assert.equal(item.Item?.data.S, 'x'.repeat(200));
    const shards = (await d.kinesis.send(new ListShardsCommand({ StreamName: 'persist-big' }))).Shards!;
    let count = 0;
    for (const shard of shards) {
      let iterator = (await d.kinesis.send(new GetShardIteratorCommand({ StreamName: 'persist-big', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      for (;;) {
        const got = await d.kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
        count += got.Records!.length;
        if (!got.Records!.length) break;
        iterator = got.NextShardIterator;
      }
    }
    assert.equal(count, 2000 + 1);
    await verify(second, d, { ...seeded, standard: moved(seeded.standard), fifo: moved(seeded.fifo) });
  });

  it('a snapshot of a newer format version fails with a clear message', async () => {
    writeFileSync(join(dir, 'state.snapshot'), `${JSON.stringify({ format: 'twinstack-snapshot', version: 99, seq: 0, crc32: 0 })}\n{}`);
    await assert.rejects(startTwinstack({ port: 0, services: ['sqs'], persist: { dir } }), /format version 99; this twinstack reads version 2/);
  });

  it('the directory is locked while an emulator uses it', async () => {
    writeFileSync(join(dir, 'lock'), String(process.ppid));
    await assert.rejects(startTwinstack({ port: 0, services: ['sqs'], persist: { dir } }), /in use by another twinstack/);
    assert.equal(readFileSync(join(dir, 'lock'), 'utf8'), String(process.ppid));
  });
});
