import assert from 'node:assert/strict';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import type { KinesisState } from '../../emulator/services/kinesis/state.ts';
import { useKinesis } from './support.ts';

/**
 * A stored record costs its own size: its data must not be a view of the request body or a slice of Node's shared
 * 8 KiB buffer pool, either of which pins a whole allocation per small record (~6.7 KiB per 200-byte record before).
 * Records are packed into allocations of their shard's own instead (one per record cost more CPU than the copy).
 */
describe('Kinesis record memory', function () {
  this.timeout(30_000);
  const context = useKinesis();

  it('stores the data of records put singly and in batches in allocations that hold records only', async () => {
    await context.kinesis.send(new CreateStreamCommand({ StreamName: 'memory', ShardCount: 1 }));
    const data = (i: number) => Buffer.alloc(200, i % 256);
    for (let i = 0; i < 20; i++) await context.kinesis.send(new PutRecordCommand({ StreamName: 'memory', Data: data(i), PartitionKey: `k${i}` }));
    await context.kinesis.send(new PutRecordsCommand({ StreamName: 'memory', Records: Array.from({ length: 20 }, (_, i) => ({ Data: data(i), PartitionKey: `b${i}` })) }));

    const stream = context.aws.emulator.state<KinesisState>('kinesis', '000000000000', 'us-east-1').streams.get('memory')!;
    const records = stream.shards[0].records;
    assert.equal(records.length, 40);
    const stores = new Map<ArrayBufferLike, number>();
    for (const record of records) {
      assert.equal(record.data.length, 200);
      stores.set(record.data.buffer, (stores.get(record.data.buffer) ?? 0) + record.data.length);
    }
    // Every allocation is filled with records (the newest one is still filling), and none is large.
    const newest = records.at(-1)!.data.buffer;
    for (const [store, bytes] of stores) {
      if (store !== newest) assert.ok(store.byteLength - bytes < 200, `an allocation of ${store.byteLength} bytes holds ${bytes} bytes of records`);
      assert.ok(store.byteLength <= 64 * 1024);
    }
    // And the copies hold what was sent.
    const { ShardIterator } = await context.kinesis.send(new GetShardIteratorCommand({ StreamName: 'memory', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const got = await context.kinesis.send(new GetRecordsCommand({ ShardIterator }));
    assert.deepEqual(Buffer.from(got.Records![5].Data!), data(5));
    assert.deepEqual(Buffer.from(got.Records![25].Data!), data(5));
  });

  // Issue 22's soak: a stream only ever written to kept every record past its retention until someone read it.
  it('drops records past their retention as new ones are put, with no reader', async () => {
    await context.kinesis.send(new CreateStreamCommand({ StreamName: 'write-only', ShardCount: 1 }));
    for (let i = 0; i < 10; i++) await context.kinesis.send(new PutRecordCommand({ StreamName: 'write-only', Data: Buffer.alloc(200), PartitionKey: `k${i}` }));
    const stream = context.aws.emulator.state<KinesisState>('kinesis', '000000000000', 'us-east-1').streams.get('write-only')!;
    assert.equal(stream.shards[0].records.length, 10);
    context.aws.advanceClock('25h');
    await context.kinesis.send(new PutRecordCommand({ StreamName: 'write-only', Data: Buffer.alloc(200), PartitionKey: 'after' }));
    assert.deepEqual(
      stream.shards[0].records.map((r) => r.partitionKey),
      ['after'],
    );
  });
});
