import assert from 'node:assert/strict';
import { CreateTableCommand, DeleteItemCommand, PutItemCommand, UpdateTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, ListStreamsCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { rejectsWith, uniqueName, useDynamo } from './support.ts';

describe('DynamoDB Streams (AWS SDK v3)', () => {
  // TTL deletion runs in the background; a short sweep interval keeps this test quick.
  const previousInterval = process.env.DYNAMODB_TTL_SWEEP_INTERVAL_MS;
  process.env.DYNAMODB_TTL_SWEEP_INTERVAL_MS = '100';
  after(() => {
    if (previousInterval === undefined) delete process.env.DYNAMODB_TTL_SWEEP_INTERVAL_MS;
    else process.env.DYNAMODB_TTL_SWEEP_INTERVAL_MS = previousInterval;
  });
  const t = useDynamo();

  const table = async (view: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES') => {
    const TableName = uniqueName(`stream-${view}`);
    const created = await t.ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: view },
      }),
    );
    const StreamArn = created.TableDescription!.LatestStreamArn!;
    const shard = (await t.streams.send(new DescribeStreamCommand({ StreamArn }))).StreamDescription!.Shards![0];
    return { TableName, StreamArn, ShardId: shard.ShardId! };
  };
  const read = async (StreamArn: string, ShardId: string, type: 'TRIM_HORIZON' | 'LATEST' = 'TRIM_HORIZON') => {
    const { ShardIterator } = await t.streams.send(new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType: type }));
    return t.streams.send(new GetRecordsCommand({ ShardIterator }));
  };

  it('records images per view type, and nothing for writes that change nothing', async () => {
    for (const view of ['NEW_IMAGE', 'OLD_IMAGE'] as const) {
      const { TableName, StreamArn, ShardId } = await table(view);
      await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'a' }, v: { N: '1' } } }));
      await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'a' }, v: { N: '1' } } }));
      await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'a' }, v: { N: '2' } } }));
      await t.ddb.send(new DeleteItemCommand({ TableName, Key: { id: { S: 'a' } } }));
      const { Records } = await read(StreamArn, ShardId);
      assert.deepEqual(Records!.map((r) => r.eventName), ['INSERT', 'MODIFY', 'REMOVE']);
      const images = Records!.map((r) => (view === 'NEW_IMAGE' ? r.dynamodb!.NewImage : r.dynamodb!.OldImage)?.v?.N);
      assert.deepEqual(images, view === 'NEW_IMAGE' ? ['1', '2', undefined] : [undefined, '1', '2']);
      for (const record of Records!) {
        assert.equal(record.eventSource, 'aws:dynamodb');
        assert.equal(record.eventVersion, '1.1');
        assert.equal(record.awsRegion, 'us-east-1');
        assert.equal(record.dynamodb!.StreamViewType, view);
        assert.deepEqual(record.dynamodb!.Keys, { id: { S: 'a' } });
      }
      const sequence = Records!.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
      assert.ok(sequence[0] < sequence[1] && sequence[1] < sequence[2]);
    }
  });

  it('starts LATEST and AFTER_SEQUENCE_NUMBER iterators where AWS does, and closes the shard when the stream is disabled', async () => {
    const { TableName, StreamArn, ShardId } = await table('KEYS_ONLY');
    await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: '1' } } }));
    const latest = await t.streams.send(new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType: 'LATEST' }));
    await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: '2' } } }));
    const fromLatest = await t.streams.send(new GetRecordsCommand({ ShardIterator: latest.ShardIterator }));
    assert.deepEqual(fromLatest.Records!.map((r) => r.dynamodb!.Keys!.id.S), ['2']);
    const all = (await read(StreamArn, ShardId)).Records!;
    const after = await t.streams.send(new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: all[0].dynamodb!.SequenceNumber }));
    assert.deepEqual((await t.streams.send(new GetRecordsCommand({ ShardIterator: after.ShardIterator }))).Records!.map((r) => r.dynamodb!.Keys!.id.S), ['2']);
    const listed = await t.streams.send(new ListStreamsCommand({ TableName }));
    assert.deepEqual(listed.Streams!.map((s) => s.StreamArn), [StreamArn]);
    await t.ddb.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: false } }));
    const described = await t.streams.send(new DescribeStreamCommand({ StreamArn }));
    assert.equal(described.StreamDescription!.StreamStatus, 'DISABLED');
    assert.ok(described.StreamDescription!.Shards![0].SequenceNumberRange!.EndingSequenceNumber);
    const drained = await read(StreamArn, ShardId);
    assert.equal(drained.Records!.length, 2);
    assert.equal(drained.NextShardIterator, undefined);
  });

  it('deletes expired items in the background and records it as the DynamoDB service', async () => {
    const { TableName, StreamArn, ShardId } = await table('NEW_AND_OLD_IMAGES');
    await t.ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
    const now = Math.floor(Date.now() / 1000);
    await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'old' }, expires: { N: String(now - 60) } } }));
    await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'fresh' }, expires: { N: String(now + 3600) } } }));
    let removal: _Record | undefined;
    for (let attempt = 0; attempt < 100 && !removal; attempt++) {
      removal = (await read(StreamArn, ShardId)).Records!.find((r) => r.eventName === 'REMOVE');
      if (!removal) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(removal, 'the expired item was deleted');
    assert.deepEqual(removal.dynamodb!.Keys, { id: { S: 'old' } });
    assert.deepEqual(removal.userIdentity, { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' });
    const records = (await read(StreamArn, ShardId)).Records!;
    assert.equal(records.filter((r) => r.eventName === 'REMOVE').length, 1);
  });

  it('answers for streams that do not exist', async () => {
    const arn = 'arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2024-11-18T14:36:44.149';
    await rejectsWith(t.streams.send(new DescribeStreamCommand({ StreamArn: arn })), 'ResourceNotFoundException', `Requested resource not found: Stream: ${arn} not found`);
  });
});
