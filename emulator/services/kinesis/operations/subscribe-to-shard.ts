import type { SubscribeToShardCommandInput } from '@aws-sdk/client-kinesis';
import type { Clock } from '../../../core/clock.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument } from '../errors.ts';
import type { Shard, StoredRecord } from '../shard.ts';
import type { KinesisState } from '../state.ts';
import type { Stream } from '../stream.ts';
import { childShards, findShard, recordOutput, resolvePosition } from './get-records.ts';

type Ctx = RequestContext<KinesisState>;

/** A subscription lasts 5 minutes; the consumer then subscribes again from its ContinuationSequenceNumber. */
const SUBSCRIPTION_MS = 300_000;
/** Without new records, an (empty) event still arrives every few seconds, as with AWS. */
const HEARTBEAT_MS = 5_000;
/** Records put in a burst go out in one event. */
const BATCH_DELAY_MS = 50;
const MAX_RECORDS_PER_EVENT = 10_000;

export function subscribeToShard(input: SubscribeToShardCommandInput, ctx: Ctx) {
  const { stream } = ctx.state.consumerByArn(input.ConsumerARN!);
  const shard = findShard(stream, input.ShardId!);
  const start = input.StartingPosition!;
  if (start.Type === 'AT_SEQUENCE_NUMBER' || start.Type === 'AFTER_SEQUENCE_NUMBER' || start.Type === 'AT_TIMESTAMP') {
    if (start.Type === 'AT_TIMESTAMP' ? start.Timestamp === undefined : start.SequenceNumber === undefined) {
      throw invalidArgument(`StartingPosition of type ${start.Type} requires ${start.Type === 'AT_TIMESTAMP' ? 'Timestamp' : 'SequenceNumber'}.`);
    }
  }
  const position = resolvePosition(stream, shard, start, 'SubscribeToShard', ctx.emulator.clock.now());
  return { EventStream: events(stream, shard, position, ctx.emulator.clock) };
}

/** Waits until a record arrives in the shard or `ms` pass, whichever is first. */
function nextRecordOrTimeout(shard: Shard, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    const unsubscribe = shard.subscribe(() => setTimeout(done, BATCH_DELAY_MS).unref());
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

async function* events(stream: Stream, shard: Shard, position: { sequenceNumber: bigint; inclusive: boolean }, clock: Clock) {
  // The subscription is an open connection: it lasts five minutes of real time. Record ages follow the emulator clock.
  const ends = Date.now() + SUBSCRIPTION_MS;
  let { sequenceNumber, inclusive } = position;
  for (let first = true; Date.now() < ends; first = false) {
    const from = shard.indexFrom(sequenceNumber, inclusive);
    if (from >= shard.records.length && shard.open && !first) {
      await nextRecordOrTimeout(shard, Math.min(HEARTBEAT_MS, ends - Date.now()));
    }
    const start = shard.indexFrom(sequenceNumber, inclusive);
    const batch: StoredRecord[] = shard.records.slice(start, start + MAX_RECORDS_PER_EVENT);
    if (batch.length) {
      sequenceNumber = batch[batch.length - 1].sequenceNumber;
      inclusive = false;
    }
    const remaining = shard.records.length - start - batch.length;
    const finished = !shard.open && remaining === 0;
    if (first && batch.length === 0 && !finished) continue;
    yield {
      SubscribeToShardEvent: {
        Records: batch.map((r) => recordOutput(r, stream)),
        ContinuationSequenceNumber: (finished ? undefined : sequenceNumber.toString()),
        MillisBehindLatest: remaining ? Math.max(0, clock.now() - shard.records[start + batch.length].arrival.getTime()) : 0,
        ChildShards: finished ? childShards(stream, shard) : undefined,
      },
    };
    if (finished) return;
  }
}
