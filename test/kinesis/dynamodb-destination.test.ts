import assert from 'node:assert/strict';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DisableKinesisStreamingDestinationCommand,
  DynamoDBClient,
  EnableKinesisStreamingDestinationCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { runBoto3Script } from '../support/boto3.ts';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('DynamoDB streaming to Kinesis destinations', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let ddb: DynamoDBClient;
  let kinesis: KinesisClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['dynamodb', 'kinesis'] });
    ddb = new DynamoDBClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials });
    kinesis = new KinesisClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials });
  });
  after(async () => {
    ddb.destroy();
    kinesis.destroy();
    await aws.stop();
  });

  async function tableAndStream(name: string) {
    await ddb.send(
      new CreateTableCommand({
        TableName: name,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
    const description = (await kinesis.send(new DescribeStreamCommand({ StreamName: name }))).StreamDescription!;
    return { arn: description.StreamARN!, shardId: description.Shards![0].ShardId! };
  }

  /** The stream's records once `count` have arrived (DynamoDB delivers asynchronously, as on AWS). */
  async function records(name: string, shardId: string, count: number) {
    const deadline = Date.now() + 5000;
    for (;;) {
      const { ShardIterator } = await kinesis.send(new GetShardIteratorCommand({ StreamName: name, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
      const { Records } = await kinesis.send(new GetRecordsCommand({ ShardIterator }));
      if (Records!.length >= count || Date.now() > deadline) {
        return Records!.map((r) => ({ partitionKey: r.PartitionKey!, data: JSON.parse(Buffer.from(r.Data!).toString('utf8')) }));
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('reproduces the AWS-recorded test_enable_kinesis_streaming_destination (boto3)', async () => {
    // LocalStack's AWS-validated snapshot (github localstack/localstack, Apache-2.0; see
    // shared/reference/aws-snapshots/README.md), redacted the same way.
    const recorded = loadSnapshot('dynamodbstreams', 'test_dynamodb_streams.snapshot.json')[
      'tests/aws/services/dynamodbstreams/test_dynamodb_streams.py::TestDynamoDBStreams::test_enable_kinesis_streaming_destination'
    ]['recorded-content'];
    type KinesisRecord = { SequenceNumber: string; PartitionKey: string; Data: Record<string, unknown> & { dynamodb: object } };
    const { table, 'result-records': result } = await runBoto3Script<{ table: string; 'result-records': KinesisRecord[] }>(
      new URL('./snapshot/dynamodb_destination.py', import.meta.url),
      aws.endpoint,
    );
    const redacted = result.map((r, i) => ({
      ...r,
      SequenceNumber: `<sequence-number:${i + 1}>`,
      PartitionKey: `<partition-key:${i + 1}>`,
      Data: {
        ...r.Data,
        awsRegion: '<region>',
        eventID: `<event-i-d:${i + 1}>`,
        tableName: r.Data.tableName === table ? '<table-name:1>' : r.Data.tableName,
        dynamodb: { ...r.Data.dynamodb, ApproximateCreationDateTime: 'approximate-creation-date-time' },
      },
    }));
    assert.deepEqual(redacted, recorded['result-records']);
  });

  it('delivers inserts, modifications and removals with their images, keyed per item', async () => {
    const { arn, shardId } = await tableAndStream('changes');
    const enabled = await ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'changes', StreamArn: arn }));
    assert.equal(enabled.DestinationStatus, 'ENABLING');
    await ddb.send(new PutItemCommand({ TableName: 'changes', Item: { id: { S: 'a' }, n: { N: '1' }, b: { B: Buffer.from([1, 2]) } } }));
    await ddb.send(
      new UpdateItemCommand({ TableName: 'changes', Key: { id: { S: 'a' } }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '2' } } }),
    );
    await ddb.send(new DeleteItemCommand({ TableName: 'changes', Key: { id: { S: 'a' } } }));
    const got = await records('changes', shardId, 3);
    assert.deepEqual(
      got.map((r) => r.data.eventName),
      ['INSERT', 'MODIFY', 'REMOVE'],
    );
    assert.equal(new Set(got.map((r) => r.partitionKey)).size, 1);
    const [insert, modify, remove] = got.map((r) => r.data);
    assert.deepEqual(insert.dynamodb.NewImage, { id: { S: 'a' }, n: { N: '1' }, b: { B: 'AQI=' } });
    assert.equal(insert.dynamodb.OldImage, undefined);
    assert.deepEqual(modify.dynamodb.OldImage.n, { N: '1' });
    assert.deepEqual(modify.dynamodb.NewImage.n, { N: '2' });
    assert.deepEqual(remove.dynamodb.Keys, { id: { S: 'a' } });
    assert.equal(remove.dynamodb.NewImage, undefined);
    for (const record of [insert, modify, remove]) {
      assert.equal(record.recordFormat, 'application/json');
      assert.equal(record.eventSource, 'aws:dynamodb');
      assert.equal(record.tableName, 'changes');
      assert.equal(record.userIdentity, null);
      assert.equal(typeof record.dynamodb.ApproximateCreationDateTime, 'number');
    }
  });

  it('stops delivering once the destination is disabled', async () => {
    const { arn, shardId } = await tableAndStream('disabled');
    await ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'disabled', StreamArn: arn }));
    await ddb.send(new PutItemCommand({ TableName: 'disabled', Item: { id: { S: 'before' } } }));
    const disabled = await ddb.send(new DisableKinesisStreamingDestinationCommand({ TableName: 'disabled', StreamArn: arn }));
    assert.equal(disabled.DestinationStatus, 'DISABLING');
    await ddb.send(new PutItemCommand({ TableName: 'disabled', Item: { id: { S: 'after' } } }));
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(
      (await records('disabled', shardId, 1)).map((r) => r.data.dynamodb.Keys.id.S),
      ['before'],
    );
  });

  it('refuses a destination stream that does not exist', async () => {
    await tableAndStream('nostream');
    await assert.rejects(
      ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'nostream', StreamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/missing' })),
      { name: 'ValidationException' },
    );
  });
});
