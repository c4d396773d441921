import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  AddTagsToStreamCommand,
  CreateStreamCommand,
  DecreaseStreamRetentionPeriodCommand,
  DeleteStreamCommand,
  DescribeLimitsCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  EnableEnhancedMonitoringCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  IncreaseStreamRetentionPeriodCommand,
    ListShardsCommand,
  ListStreamsCommand,
  ListTagsForResourceCommand,
  ListTagsForStreamCommand,
  MergeShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  RegisterStreamConsumerCommand,
  RemoveTagsFromStreamCommand,
  SplitShardCommand,
  StartStreamEncryptionCommand,
  SubscribeToShardCommand,
  TagResourceCommand,
  UpdateShardCountCommand,
  type SubscribeToShardEventStream,
} from '@aws-sdk/client-kinesis';
import { useKinesis } from './support.ts';

// Expectations come from AWS's documentation and behaviour: hash key ranges split 2^128 evenly, partition keys
// map to shards by MD5, AWS's error wordings, Coral validation messages.
const ACCOUNT = '000000000000';
const HASH_MAX = (1n << 128n) - 1n;

describe('Kinesis with the AWS SDK v3 (HTTP/2)', function () {
  this.timeout(30_000);
  const context = useKinesis();
  let counter = 0;
  const fresh = () => `stream-${++counter}`;


  async function create(shards?: number) {
    const name = fresh();
    await context.kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
    return { name, description: (await context.kinesis.send(new DescribeStreamCommand({ StreamName: name }))).StreamDescription! };
  }

  async function readAll(name: string, shardId: string, type: 'TRIM_HORIZON' | 'LATEST' = 'TRIM_HORIZON') {
    const { ShardIterator } = await context.kinesis.send(new GetShardIteratorCommand({ StreamName: name, ShardId: shardId, ShardIteratorType: type }));
    return context.kinesis.send(new GetRecordsCommand({ ShardIterator }));
  }

  describe('streams', () => {
    it('splits the hash key space evenly over provisioned shards and is ACTIVE at once', async () => {
      const { name, description } = await create(3);
      assert.equal(description.StreamStatus, 'ACTIVE');
      assert.equal(description.StreamARN, `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${name}`);
      assert.deepEqual(description.StreamModeDetails, { StreamMode: 'PROVISIONED' });
      assert.equal(description.RetentionPeriodHours, 24);
      assert.equal(description.EncryptionType, 'NONE');
      assert.deepEqual(
        description.Shards!.map((s) => [s.ShardId, s.HashKeyRange!.StartingHashKey, s.HashKeyRange!.EndingHashKey]),
        [
          ['shardId-000000000000', '0', '113427455640312821154458202477256070484'],
          ['shardId-000000000001', '113427455640312821154458202477256070485', '226854911280625642308916404954512140969'],
          ['shardId-000000000002', '226854911280625642308916404954512140970', '340282366920938463463374607431768211455'],
        ],
      );
      for (const shard of description.Shards!) assert.match(shard.SequenceNumberRange!.StartingSequenceNumber!, /^\d{56}$/);
    });

    it('creates an on-demand stream with 4 shards when no shard count is given', async () => {
      const { description } = await create();
      assert.deepEqual(description.StreamModeDetails, { StreamMode: 'ON_DEMAND' });
      assert.equal(description.Shards!.length, 4);
    });

    it('accepts StreamARN wherever StreamName is accepted', async () => {
      const { description } = await create(1);
      const summary = await context.kinesis.send(new DescribeStreamSummaryCommand({ StreamARN: description.StreamARN }));
      assert.equal(summary.StreamDescriptionSummary!.StreamName, description.StreamName);
      assert.equal(summary.StreamDescriptionSummary!.OpenShardCount, 1);
      assert.equal(summary.StreamDescriptionSummary!.ConsumerCount, 0);
      const put = await context.kinesis.send(new PutRecordCommand({ StreamARN: description.StreamARN, PartitionKey: 'k', Data: Buffer.from('x') }));
      assert.equal(put.ShardId, 'shardId-000000000000');
    });

    it('answers AWS errors for missing and duplicate streams', async () => {
      await assert.rejects(context.kinesis.send(new DescribeStreamCommand({ StreamName: 'missing' })), {
        name: 'ResourceNotFoundException',
        message: `Stream missing under account ${ACCOUNT} not found.`,
      });
      const { name } = await create(1);
      await assert.rejects(context.kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 })), {
        name: 'ResourceInUseException',
        message: `Stream ${name} under account ${ACCOUNT} already exists.`,
      });
    });

    it('reports constraint violations in Coral wording, with a bare __type', async () => {
      await assert.rejects(context.kinesis.send(new CreateStreamCommand({ StreamName: 'bad name', ShardCount: 0 })), {
        name: 'ValidationException',
        message:
          "2 validation errors detected: Value 'bad name' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
          "Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
      const response = await fetch(context.aws.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.DescribeStream', authorization: 'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0' },
        body: JSON.stringify({ StreamName: 'missing' }),
      });
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), { __type: 'ResourceNotFoundException', message: `Stream missing under account ${ACCOUNT} not found.` });
    });

    it('pages ListStreams and refuses to delete a stream with consumers unless forced', async () => {
      const { name, description } = await create(1);
      const first = await context.kinesis.send(new ListStreamsCommand({ Limit: 1 }));
      assert.equal(first.StreamNames!.length, 1);
      assert.equal(first.HasMoreStreams, true);
      const rest = await context.kinesis.send(new ListStreamsCommand({ NextToken: first.NextToken }));
      assert.ok(rest.StreamSummaries!.some((s) => s.StreamName === name && s.StreamStatus === 'ACTIVE'));
      await context.kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: description.StreamARN, ConsumerName: 'c' }));
      await assert.rejects(context.kinesis.send(new DeleteStreamCommand({ StreamName: name })), { name: 'ResourceInUseException' });
      await context.kinesis.send(new DeleteStreamCommand({ StreamName: name, EnforceConsumerDeletion: true }));
      await assert.rejects(context.kinesis.send(new DescribeStreamCommand({ StreamName: name })), { name: 'ResourceNotFoundException' });
    });
  });

  describe('records', () => {
    it('routes partition keys to shards by MD5 and explicit hash keys by value', async () => {
      const { name, description } = await create(4);
      for (const key of ['alpha', 'beta', 'gamma', 'delta', 'ε']) {
        const hash = BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
        const expected = description.Shards!.find((s) => hash >= BigInt(s.HashKeyRange!.StartingHashKey!) && hash <= BigInt(s.HashKeyRange!.EndingHashKey!));
        const put = await context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: key, Data: Buffer.from(key) }));
        assert.equal(put.ShardId, expected!.ShardId, key);
      }
      const explicit = await context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'any', ExplicitHashKey: HASH_MAX.toString(), Data: Buffer.from('x') }));
      assert.equal(explicit.ShardId, 'shardId-000000000003');
      // Each shard's first and last keys, and keys of few digits, land in the shard whose range holds them.
      for (const shard of description.Shards!) {
        for (const key of [shard.HashKeyRange!.StartingHashKey!, shard.HashKeyRange!.EndingHashKey!]) {
          const put = await context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'any', ExplicitHashKey: key, Data: Buffer.from('x') }));
          assert.equal(put.ShardId, shard.ShardId, key);
        }
      }
      for (const key of ['0', '1', '15', '16']) {
        const put = await context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'any', ExplicitHashKey: key, Data: Buffer.from('x') }));
        assert.equal(put.ShardId, 'shardId-000000000000', key);
      }
      await assert.rejects(
        context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'any', ExplicitHashKey: (HASH_MAX + 1n).toString(), Data: Buffer.from('x') })),
        { name: 'InvalidArgumentException' },
      );
    });

    it('numbers records with increasing decimal sequence numbers and reads them back in order', async () => {
      const { name } = await create(1);
      const put = await context.kinesis.send(
        new PutRecordsCommand({ StreamName: name, Records: Array.from({ length: 10 }, (_, i) => ({ PartitionKey: 'p', Data: Buffer.from(`r${i}`) })) }),
      );
      assert.equal(put.FailedRecordCount, 0);
      const numbers = put.Records!.map((r) => BigInt(r.SequenceNumber!));
      assert.deepEqual([...numbers].sort((a, b) => (a < b ? -1 : 1)), numbers);
      const { ShardIterator } = await context.kinesis.send(new GetShardIteratorCommand({ StreamName: name, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
      const page = await context.kinesis.send(new GetRecordsCommand({ ShardIterator, Limit: 4 }));
      assert.deepEqual(page.Records!.map((r) => Buffer.from(r.Data!).toString()), ['r0', 'r1', 'r2', 'r3']);
      assert.ok(page.Records![0].ApproximateArrivalTimestamp instanceof Date);
      assert.ok(page.MillisBehindLatest! >= 0);
      const next = await context.kinesis.send(new GetRecordsCommand({ ShardIterator: page.NextShardIterator }));
      assert.equal(next.Records!.length, 6);
      assert.equal(next.MillisBehindLatest, 0);
    });

    it('positions iterators at, after, latest and by timestamp', async () => {
      const { name } = await create(1);
      const before = new Date(Date.now() - 60_000);
      const put = await context.kinesis.send(
        new PutRecordsCommand({ StreamName: name, Records: ['a', 'b', 'c'].map((d) => ({ PartitionKey: 'p', Data: Buffer.from(d) })) }),
      );
      const read = async (input: Partial<ConstructorParameters<typeof GetShardIteratorCommand>[0]>) => {
        const { ShardIterator } = await context.kinesis.send(
          new GetShardIteratorCommand({ StreamName: name, ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST', ...input }),
        );
        return (await context.kinesis.send(new GetRecordsCommand({ ShardIterator }))).Records!.map((r) => Buffer.from(r.Data!).toString());
      };
      const second = put.Records![1].SequenceNumber;
      assert.deepEqual(await read({ ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: second }), ['b', 'c']);
      assert.deepEqual(await read({ ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: second }), ['c']);
      assert.deepEqual(await read({ ShardIteratorType: 'LATEST' }), []);
      assert.deepEqual(await read({ ShardIteratorType: 'AT_TIMESTAMP', Timestamp: before }), ['a', 'b', 'c']);
      await assert.rejects(read({ ShardIteratorType: 'AT_SEQUENCE_NUMBER' }), { name: 'InvalidArgumentException' });
      await assert.rejects(read({ ShardId: 'shardId-000000000009' }), {
        name: 'ResourceNotFoundException',
        message: `Shard shardId-000000000009 in stream ${name} under account ${ACCOUNT} does not exist`,
      });
      await assert.rejects(context.kinesis.send(new GetRecordsCommand({ ShardIterator: 'bm90IGFuIGl0ZXJhdG9y' })), {
        name: 'InvalidArgumentException',
        message: 'Invalid ShardIterator.',
      });
    });

    it('enforces the record limits', async () => {
      const { name } = await create(1);
      await assert.rejects(
        context.kinesis.send(new PutRecordsCommand({ StreamName: name, Records: Array.from({ length: 501 }, () => ({ PartitionKey: 'p', Data: Buffer.from('x') })) })),
        { name: 'ValidationException', message: /Member must have length less than or equal to 500/ },
      );
      await assert.rejects(context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'k'.repeat(257), Data: Buffer.from('x') })), {
        name: 'ValidationException',
        message: /at 'partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256/,
      });
      await assert.rejects(context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'k', Data: Buffer.alloc(1024 * 1024 + 1) })), {
        name: 'ValidationException',
      });
      // The 1 MiB counts the partition key as well (API reference, PutRecordsRequestEntry Data).
      const maximal = await context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'k', Data: Buffer.alloc(1024 * 1024 - 1) }));
      assert.match(maximal.SequenceNumber!, /^\d+$/);
      const withKey = { name: 'InvalidArgumentException', message: 'Record size exceeds 1 MB limit' };
      await assert.rejects(context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'kk', Data: Buffer.alloc(1024 * 1024 - 1) })), withKey);
      await assert.rejects(
        context.kinesis.send(new PutRecordsCommand({ StreamName: name, Records: [{ PartitionKey: 'a', Data: Buffer.from('x') }, { PartitionKey: 'kk', Data: Buffer.alloc(1024 * 1024 - 1) }] })),
        withKey,
      );
      await assert.rejects(context.kinesis.send(new PutRecordsCommand({ StreamName: name, Records: [{ PartitionKey: 'k', Data: Buffer.alloc(1024 * 1024 + 1) }] })), {
        name: 'ValidationException',
        message: "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1048577 cap=1048577]' at 'records.1.member.data' failed to satisfy constraint: Member must have length less than or equal to 1048576",
      });
    });

    it('marks records of KMS-encrypted streams', async () => {
      const { name } = await create(1);
      await context.kinesis.send(new StartStreamEncryptionCommand({ StreamName: name, EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
      const summary = await context.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }));
      assert.equal(summary.StreamDescriptionSummary!.EncryptionType, 'KMS');
      assert.equal(summary.StreamDescriptionSummary!.KeyId, 'alias/aws/kinesis');
      const put = await context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'k', Data: Buffer.from('x') }));
      assert.equal(put.EncryptionType, 'KMS');
      assert.equal((await readAll(name, 'shardId-000000000000')).Records![0].EncryptionType, 'KMS');
    });
  });

  describe('resharding', () => {
    it('splits a shard into two children and closes the parent', async () => {
      const { name } = await create(1);
      await context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'k', Data: Buffer.from('old') }));
      const half = ((HASH_MAX + 1n) / 2n).toString();
      await context.kinesis.send(new SplitShardCommand({ StreamName: name, ShardToSplit: 'shardId-000000000000', NewStartingHashKey: half }));
      const shards = (await context.kinesis.send(new ListShardsCommand({ StreamName: name }))).Shards!;
      assert.equal(shards.length, 3);
      assert.match(shards[0].SequenceNumberRange!.EndingSequenceNumber!, /^\d+$/);
      assert.deepEqual(
        shards.slice(1).map((s) => [s.ParentShardId, s.HashKeyRange!.StartingHashKey]),
        [
          ['shardId-000000000000', '0'],
          ['shardId-000000000000', half],
        ],
      );
      const end = await readAll(name, 'shardId-000000000000');
      assert.equal(end.Records!.length, 1);
      assert.equal(end.NextShardIterator, undefined);
      assert.deepEqual(end.ChildShards!.map((c) => c.ShardId), ['shardId-000000000001', 'shardId-000000000002']);
      await assert.rejects(
        context.kinesis.send(new SplitShardCommand({ StreamName: name, ShardToSplit: 'shardId-000000000000', NewStartingHashKey: half })),
        { name: 'ResourceInUseException' },
      );
      const open = (await context.kinesis.send(new ListShardsCommand({ StreamName: name, ShardFilter: { Type: 'AT_LATEST' } }))).Shards!;
      assert.deepEqual(open.map((s) => s.ShardId), ['shardId-000000000001', 'shardId-000000000002']);
    });

    it('merges adjacent shards only', async () => {
      const { name } = await create(3);
      await assert.rejects(
        context.kinesis.send(new MergeShardsCommand({ StreamName: name, ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000002' })),
        {
          name: 'InvalidArgumentException',
          message: `Shards shardId-000000000000 and shardId-000000000002 in stream ${name} under account ${ACCOUNT} are not an adjacent pair of shards eligible for merging`,
        },
      );
      await context.kinesis.send(new MergeShardsCommand({ StreamName: name, ShardToMerge: 'shardId-000000000000', AdjacentShardToMerge: 'shardId-000000000001' }));
      const child = (await context.kinesis.send(new DescribeStreamCommand({ StreamName: name }))).StreamDescription!.Shards!.at(-1)!;
      assert.equal(child.ParentShardId, 'shardId-000000000000');
      assert.equal(child.AdjacentParentShardId, 'shardId-000000000001');
      assert.equal(child.HashKeyRange!.StartingHashKey, '0');
      assert.equal(child.HashKeyRange!.EndingHashKey, '226854911280625642308916404954512140969');
    });

    it('scales uniformly with UpdateShardCount', async () => {
      const { name } = await create(2);
      const out = await context.kinesis.send(new UpdateShardCountCommand({ StreamName: name, TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' }));
      assert.equal(out.CurrentShardCount, 2);
      assert.equal(out.TargetShardCount, 4);
      const summary = await context.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }));
      assert.equal(summary.StreamDescriptionSummary!.OpenShardCount, 4);
      await assert.rejects(context.kinesis.send(new UpdateShardCountCommand({ StreamName: name, TargetShardCount: 9, ScalingType: 'UNIFORM_SCALING' })), {
        name: 'InvalidArgumentException',
      });
    });
  });

  describe('settings', () => {
    it('changes the retention period within 24..8760 hours', async () => {
      const { name } = await create(1);
      await context.kinesis.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 48 }));
      await assert.rejects(context.kinesis.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 8761 })), {
        name: 'InvalidArgumentException',
        message: 'Maximum allowed retention period is 8760 hours. Requested retention period (8761 hours) is too long.',
      });
      await assert.rejects(context.kinesis.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 30 })), {
        name: 'InvalidArgumentException',
        message: `Requested retention period (30 hours) for stream ${name} can not be shorter than existing retention period (48 hours). Use DecreaseRetentionPeriod API.`,
      });
      await assert.rejects(context.kinesis.send(new DecreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 23 })), {
        name: 'InvalidArgumentException',
        message: 'Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.',
      });
      await context.kinesis.send(new DecreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 24 }));
      assert.equal((await context.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary!.RetentionPeriodHours, 24);
    });

    it('tags streams by name and by ARN', async () => {
      const { name, description } = await create(1);
      await context.kinesis.send(new AddTagsToStreamCommand({ StreamName: name, Tags: { b: '2', a: '1' } }));
      await context.kinesis.send(new TagResourceCommand({ ResourceARN: description.StreamARN, Tags: { c: '3' } }));
      await context.kinesis.send(new RemoveTagsFromStreamCommand({ StreamName: name, TagKeys: ['b'] }));
      const listed = await context.kinesis.send(new ListTagsForStreamCommand({ StreamName: name }));
      assert.deepEqual(listed.Tags, [
        { Key: 'a', Value: '1' },
        { Key: 'c', Value: '3' },
      ]);
      assert.equal(listed.HasMoreTags, false);
      assert.deepEqual((await context.kinesis.send(new ListTagsForResourceCommand({ ResourceARN: description.StreamARN }))).Tags, listed.Tags);
      const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
      await assert.rejects(context.kinesis.send(new AddTagsToStreamCommand({ StreamName: name, Tags: many })), { name: 'InvalidArgumentException' });
    });

    it('enables enhanced monitoring, ALL standing for every metric', async () => {
      const { name } = await create(1);
      const out = await context.kinesis.send(new EnableEnhancedMonitoringCommand({ StreamName: name, ShardLevelMetrics: ['ALL'] }));
      assert.deepEqual(out.CurrentShardLevelMetrics, []);
      assert.equal(out.DesiredShardLevelMetrics!.length, 7);
    });

    it('describes the account limits', async () => {
      const limits = await context.kinesis.send(new DescribeLimitsCommand({}));
      assert.equal(limits.OnDemandStreamCountLimit, 50);
      assert.ok(limits.OpenShardCount! > 0);
      assert.ok(limits.ShardLimit! >= limits.OpenShardCount!);
    });
  });

  it('pushes records to an enhanced fan-out consumer (SubscribeToShard event stream over HTTP/2)', async () => {
    const { name, description } = await create(1);
    const { Consumer } = await context.kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: description.StreamARN, ConsumerName: 'fan-out' }));
    assert.equal(Consumer!.ConsumerStatus, 'CREATING');
    assert.match(Consumer!.ConsumerARN!, new RegExp(`^${description.StreamARN}/consumer/fan-out:\\d+$`));
    await context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'k', Data: Buffer.from('first') }));
    const { EventStream } = await context.kinesis.send(
      new SubscribeToShardCommand({ ConsumerARN: Consumer!.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } }),
    );
    const seen: string[] = [];
    let continuation: string | undefined;
    for await (const event of EventStream as AsyncIterable<SubscribeToShardEventStream>) {
      const records = event.SubscribeToShardEvent?.Records ?? [];
      seen.push(...records.map((r) => Buffer.from(r.Data!).toString()));
      continuation = event.SubscribeToShardEvent?.ContinuationSequenceNumber;
      if (seen.length === 1) await context.kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: 'k', Data: Buffer.from('second') }));
      if (seen.length >= 2) break;
    }
    assert.deepEqual(seen, ['first', 'second']);
    assert.match(continuation!, /^\d+$/);
  });
});
