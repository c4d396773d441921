import { parseArn } from '../../core/arn.ts';
import type { Emulator } from '../../core/emulator.ts';
import { enqueue } from './delivery/buffer.ts';
import { firehoseCaller } from './delivery/s3-writer.ts';
import { newRecordIds } from './record-id.ts';
import type { FirehoseState } from './state.ts';
import type { BufferedRecord, DeliveryStream } from './stream.ts';

const POLL_MS = 1000;

interface KinesisRecord {
  SequenceNumber: string;
  PartitionKey: string;
  Data: Uint8Array;
  ApproximateArrivalTimestamp?: Date;
}

/**
 * Reads a delivery stream's Kinesis source through Kinesis' own operations (ListShards, GetShardIterator,
 * GetRecords), as the stream's role, once a second on the emulator clock: from the stream's creation time
 * (DeliveryStartTimestamp), then after the last sequence number read in each shard.
 */
export function startKinesisSource(emulator: Emulator, state: FirehoseState, stream: DeliveryStream) {
  const source = stream.kinesisSource!;
  const arn = parseArn(source.KinesisStreamARN);
  const caller = firehoseCaller(stream, state.accountId, source.RoleARN);
  const options = { caller, region: arn?.region || state.region, accountId: arn?.accountId || state.accountId };
  const call = <T>(operation: string, input: object) => emulator.call<T>('kinesis', operation, input, options);
  const iterators = new Map<string, string>();
  let stopped = false;
  let cancel: (() => void) | undefined;
  const alive = () => !stopped && !state.disposed && state.streams.get(stream.name) === stream;

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const known = iterators.get(shardId);
    if (known) return known;
    const after = source.positions.get(shardId);
    const out = await call<{ ShardIterator?: string }>('GetShardIterator', {
      StreamARN: source.KinesisStreamARN,
      ShardId: shardId,
      ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: after } : { ShardIteratorType: 'AT_TIMESTAMP', Timestamp: source.DeliveryStartTimestamp }),
    });
    return out.ShardIterator;
  }

  async function pollShard(shardId: string) {
    for (let iterator = await iteratorFor(shardId); iterator && alive(); ) {
      const out = await call<{ Records?: KinesisRecord[]; NextShardIterator?: string; MillisBehindLatest?: number }>('GetRecords', { ShardIterator: iterator, StreamARN: source.KinesisStreamARN });
      iterator = out.NextShardIterator;
      if (iterator) iterators.set(shardId, iterator);
      else iterators.delete(shardId);
      const ids = newRecordIds(out.Records?.length ?? 0);
      const records: BufferedRecord[] = (out.Records ?? []).map((r, i) => {
        const arrival = r.ApproximateArrivalTimestamp?.getTime() ?? emulator.clock.now();
        return {
          id: ids[i],
          data: Buffer.from(r.Data),
          arrival,
          kinesis: { shardId, partitionKey: r.PartitionKey, sequenceNumber: r.SequenceNumber, approximateArrivalTimestamp: arrival },
        };
      });
      if (!records.length) return;
      source.positions.set(shardId, records.at(-1)!.kinesis!.sequenceNumber);
      enqueue(emulator, state, stream, records);
      if (!out.MillisBehindLatest) return;
    }
  }

  async function poll() {
    if (!alive()) return;
    try {
      const shards = await call<{ Shards?: { ShardId: string }[] }>('ListShards', { StreamARN: source.KinesisStreamARN });
      for (const shard of shards.Shards ?? []) await pollShard(shard.ShardId);
    } catch {
      // the source stream is missing or refuses the role: Firehose keeps trying
      iterators.clear();
    }
    if (alive()) cancel = emulator.schedule(() => void poll(), POLL_MS);
  }

  void poll();
  stream.stopPolling = () => {
    stopped = true;
    cancel?.();
  };
}
