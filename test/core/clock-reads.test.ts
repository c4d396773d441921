import assert from 'node:assert/strict';
import {
  CreateBackupCommand,
  CreateGlobalTableCommand,
  CreateTableCommand,
  DescribeGlobalTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, DescribeStreamCommand, KinesisClient, ListShardsCommand, PutRecordCommand, RegisterStreamConsumerCommand, SplitShardCommand } from '@aws-sdk/client-kinesis';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/** A moment far from real time, so that a value read from the real clock cannot pass for it. */
const SET = Date.UTC(2031, 4, 6, 7, 8, 9);

describe('resource times follow the emulator clock', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  const config = () => ({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['dynamodb', 'kinesis', 'sqs'] });
    aws.clock.set(SET);
  });
  after(() => aws.stop());

  it('DynamoDB: table creation, stream label, global table, backups, point-in-time recovery, legacy replication marks', async () => {
    const dynamodb = new DynamoDBClient(config());
    await dynamodb.send(new CreateTableCommand({
      TableName: 'clocked', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }));
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: 'clocked' }));
    const created = Table!.CreationDateTime!.getTime();
    assert.ok(created >= SET && created < SET + 5_000, `CreationDateTime ${Table!.CreationDateTime!.toISOString()}`);
    assert.ok(Table!.LatestStreamLabel!.startsWith('2031-05-06T07:08:'), Table!.LatestStreamLabel);
    const backup = await dynamodb.send(new CreateBackupCommand({ TableName: 'clocked', BackupName: 'clocked-backup' }));
    assert.equal(backup.BackupDetails!.BackupCreationDateTime!.getUTCFullYear(), 2031);
    const pitr = await dynamodb.send(new UpdateContinuousBackupsCommand({ TableName: 'clocked', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
    assert.equal(pitr.ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.LatestRestorableDateTime!.getUTCFullYear(), 2031);
    await dynamodb.send(new CreateGlobalTableCommand({ GlobalTableName: 'clocked', ReplicationGroup: [{ RegionName: 'us-east-1' }] }));
    const global = await dynamodb.send(new DescribeGlobalTableCommand({ GlobalTableName: 'clocked' }));
    assert.equal(global.GlobalTableDescription!.CreationDateTime!.getUTCFullYear(), 2031);
    await dynamodb.send(new PutItemCommand({ TableName: 'clocked', Item: { pk: { S: 'a' } } }));
    const { Item } = await dynamodb.send(new GetItemCommand({ TableName: 'clocked', Key: { pk: { S: 'a' } } }));
    const marked = Number(Item!['aws:rep:updatetime'].N) * 1000;
    assert.ok(marked >= SET && marked < SET + 5_000, String(marked));
    dynamodb.destroy();
  });

  it('Kinesis: stream and shard creation, sequence numbers, closed shards', async () => {
    const kinesis = new KinesisClient(config());
    await kinesis.send(new CreateStreamCommand({ StreamName: 'clocked', ShardCount: 1 }));
    const described = await kinesis.send(new DescribeStreamCommand({ StreamName: 'clocked' }));
    assert.equal(described.StreamDescription!.StreamCreationTimestamp!.getUTCFullYear(), 2031);
    const put = await kinesis.send(new PutRecordCommand({ StreamName: 'clocked', PartitionKey: 'k', Data: Buffer.from('x') }));
    // The sequence number carries its arrival time (bits 64 to 127), taken from the emulator clock.
    const arrival = Number((BigInt(put.SequenceNumber!) >> 64n) & ((1n << 64n) - 1n));
    assert.ok(arrival >= SET && arrival < SET + 5_000, String(arrival));
    aws.advanceClock('1h');
    await kinesis.send(new SplitShardCommand({ StreamName: 'clocked', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (2n ** 127n).toString() }));
    const shards = (await kinesis.send(new ListShardsCommand({ StreamName: 'clocked' }))).Shards!;
    const child = BigInt(shards[1].SequenceNumberRange!.StartingSequenceNumber!);
    assert.ok(Number((child >> 64n) & ((1n << 64n) - 1n)) >= SET + 3_600_000);
    const { Consumer } = await kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: described.StreamDescription!.StreamARN, ConsumerName: 'clocked' }));
    assert.equal(Consumer!.ConsumerCreationTimestamp!.getUTCFullYear(), 2031);
    kinesis.destroy();
  });

  it('SQS receipt handles carry the emulator time of the receive', async () => {
    const sqs = new SQSClient(config());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'clocked' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    const issued = Number(Buffer.from(Messages![0].ReceiptHandle!, 'base64').toString().split(' ')[3]);
    assert.ok(issued >= SET && issued < SET + 2 * 3_600_000, String(issued));
    sqs.destroy();
  });
});
