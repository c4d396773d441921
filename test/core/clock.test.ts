import assert from 'node:assert/strict';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/**
 * The emulator clock moves every time-based behaviour: tests of hours-long timeouts take milliseconds. Expected
 * behaviour from the AWS developer guides (SQS visibility timeouts and delays, DynamoDB TTL deletes expired items,
 * Kinesis iterators expire after 5 minutes and records after the retention period, STS credentials after their
 * duration).
 */
describe('emulator clock', function () {
  this.timeout(20_000);
  let aws: Twinstack;
  const config = () => ({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb', 'kinesis', 'sts'], strictSignatures: false });
  });
  after(() => aws.stop());

  async function post(path: string, body: unknown) {
    const response = await fetch(`${aws.endpoint}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  }

  it('a 12-hour SQS visibility timeout passes in milliseconds over POST /_twinstack/clock', async () => {
    const sqs = new SQSClient(config());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'clock-visibility', Attributes: { VisibilityTimeout: '43200' } }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello' }));
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    assert.equal(first.Messages?.length, 1);
    assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages, undefined);
    const started = performance.now();
    const moved = await post('/_twinstack/clock', { advance: '11h59m' });
    assert.equal(moved.status, 200);
    assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages, undefined, 'still invisible a minute before');
    await post('/_twinstack/clock', { advance: 60_000 });
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    assert.equal(again.Messages?.[0].Body, 'hello');
    assert.equal(again.Messages?.[0].Attributes?.ApproximateReceiveCount, '2');
    assert.ok(performance.now() - started < 2000);
    sqs.destroy();
  });

  it('a long poll waiting for a delayed message wakes when the clock passes the delay', async () => {
    const sqs = new SQSClient(config());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'clock-delay' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 900 }));
    const counts = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessagesDelayed'] }));
    assert.equal(counts.Attributes?.ApproximateNumberOfMessagesDelayed, '1');
    const started = performance.now();
    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
    await new Promise((r) => setTimeout(r, 100));
    aws.advanceClock('15m');
    const received = await polling;
    assert.equal(received.Messages?.[0].Body, 'later');
    assert.ok(performance.now() - started < 5000, 'the poll did not wait its 20 s');
    sqs.destroy();
  });

  it('DynamoDB TTL deletes an item once the clock passes its expiry', async () => {
    const dynamodb = new DynamoDBClient(config());
    await dynamodb.send(new CreateTableCommand({
      TableName: 'clock-ttl',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
    await dynamodb.send(new UpdateTimeToLiveCommand({ TableName: 'clock-ttl', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
    const inADay = Math.floor(aws.clock.now() / 1000) + 86_400;
    await dynamodb.send(new PutItemCommand({ TableName: 'clock-ttl', Item: { pk: { S: 'a' }, expires: { N: String(inADay) } } }));
    aws.advanceClock('1d');
    // The sweeper runs every 5 s of emulator time: another step fires it.
    aws.advanceClock('10s');
    const { Item } = await dynamodb.send(new GetItemCommand({ TableName: 'clock-ttl', Key: { pk: { S: 'a' } } }));
    assert.equal(Item, undefined);
    dynamodb.destroy();
  });

  it('Kinesis shard iterators expire after 5 minutes of emulator time', async () => {
    const kinesis = new KinesisClient(config());
    await kinesis.send(new CreateStreamCommand({ StreamName: 'clock-stream', ShardCount: 1 }));
    const { StreamDescription } = await kinesis.send(new DescribeStreamCommand({ StreamName: 'clock-stream' }));
    await kinesis.send(new PutRecordCommand({ StreamName: 'clock-stream', PartitionKey: 'k', Data: Buffer.from('x') }));
    const { ShardIterator } = await kinesis.send(new GetShardIteratorCommand({
      StreamName: 'clock-stream', ShardId: StreamDescription!.Shards![0].ShardId, ShardIteratorType: 'TRIM_HORIZON',
    }));
    aws.advanceClock('6m');
    await assert.rejects(kinesis.send(new GetRecordsCommand({ ShardIterator })), { name: 'ExpiredIteratorException' });
    kinesis.destroy();
  });

  it('STS credentials expire with the clock (strict signatures answer ExpiredToken)', async () => {
    const strict = await startTwinstack({ port: 0, services: ['sts'], strictSignatures: true, credentials: [{ accessKeyId: 'AKIDSTRICT', secretAccessKey: 'secret' }] });
    try {
      const sts = new STSClient({ endpoint: strict.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDSTRICT', secretAccessKey: 'secret' } });
      const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/r', RoleSessionName: 'clock-session', DurationSeconds: 900 }));
      const session = new STSClient({ endpoint: strict.endpoint, region: 'us-east-1', credentials: {
        accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken!,
      } });
      assert.equal((await session.send(new GetCallerIdentityCommand({}))).Account, '111111111111');
      strict.advanceClock('16m');
      await assert.rejects(session.send(new GetCallerIdentityCommand({})), { name: 'ExpiredToken' });
      sts.destroy();
      session.destroy();
    } finally {
      await strict.stop();
    }
  });

  it('GET reads the clock; bad requests get a 400 with a message', async () => {
    const view = await (await fetch(`${aws.endpoint}/_twinstack/clock`)).json();
    assert.ok(view.offsetMs > 86_400_000);
    assert.equal((await post('/_twinstack/clock', { advance: 'soon' })).status, 400);
    assert.equal((await post('/_twinstack/clock', { advance: -5 })).status, 400);
    assert.match((await post('/_twinstack/clock', {})).body.message, /exactly one/);
    const set = await post('/_twinstack/clock', { set: '2030-01-01T00:00:00Z' });
    assert.ok(Math.abs(set.body.epochMs - Date.parse('2030-01-01T00:00:00Z')) < 1000);
    const back = await post('/_twinstack/clock', { reset: true });
    assert.ok(Math.abs(back.body.offsetMs) < 1000);
  });
});
