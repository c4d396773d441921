import type { GetRecordsCommandInput, GetShardIteratorCommandInput } from '@aws-sdk/client-kinesis';
import { mayAccess, notAuthorized } from '../../../core/access.ts';
import { parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument, shardNotFound } from '../errors.ts';
import { GET_RECORDS_MAX_BYTES } from '../limits.ts';
import { shardIndexOf } from '../sequence-numbers.ts';
import { decodeIterator, encodeIterator, type IteratorPosition } from '../shard-iterators.ts';
import type { Shard, StoredRecord } from '../shard.ts';
import type { KinesisState } from '../state.ts';
import type { Stream } from '../stream.ts';
import { countForStream } from '../metrics.ts';

type Ctx = RequestContext<KinesisState>;

/** A record as GetRecords and SubscribeToShard return it. */
export function recordOutput(record: StoredRecord, stream: Stream) {
  return {
    SequenceNumber: record.sequenceNumber.toString(),
    ApproximateArrivalTimestamp: record.arrival,
    Data: record.data,
    PartitionKey: record.partitionKey,
    EncryptionType: stream.encryption.type === 'KMS' ? 'KMS' : undefined,
  };
}

export function childShards(stream: Stream, shard: Shard) {
  return stream.childrenOf(shard.id).map((child) => ({
    ShardId: child.id,
    ParentShards: [child.parentShardId!, child.adjacentParentShardId].filter((id): id is string => id !== undefined),
    HashKeyRange: { StartingHashKey: child.range.start.toString(), EndingHashKey: child.range.end.toString() },
  }));
}

export interface StartingPosition {
  Type?: string;
  SequenceNumber?: string;
  Timestamp?: Date;
}

/** Resolves a starting position (GetShardIterator, SubscribeToShard) to a place in the shard. */
export function resolvePosition(
  stream: Stream,
  shard: Shard,
  start: StartingPosition,
  operation: string,
  now: number,
): { sequenceNumber: bigint; inclusive: boolean } {
  const type = start.Type!;
  const bySequence = type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER';
  if (bySequence !== (start.SequenceNumber !== undefined) || (type === 'AT_TIMESTAMP') !== (start.Timestamp !== undefined)) {
    throw invalidArgument(
      'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or ' +
        '(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber or (3) AT_TIMESTAMP and Timestamp. ' +
        `Request specified ${type} and ${start.SequenceNumber === undefined ? 'no ' : ''}StartingSequenceNumber.`,
    );
  }
  stream.trim(now);
  const last = shard.records.at(-1)?.sequenceNumber ?? shard.startingSequenceNumber;
  switch (type) {
    case 'TRIM_HORIZON':
      return { sequenceNumber: shard.startingSequenceNumber, inclusive: true };
    case 'LATEST':
      return { sequenceNumber: last, inclusive: false };
    case 'AT_TIMESTAMP': {
      const at = start.Timestamp!.getTime();
      if (at > now) {
        throw invalidArgument(`The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${at}, currentTimestampInMillis: ${now}`);
      }
      const first = shard.records.find((r) => r.arrival.getTime() >= at);
      return first ? { sequenceNumber: first.sequenceNumber, inclusive: true } : { sequenceNumber: last, inclusive: false };
    }
    default: {
      const sequenceNumber = BigInt(start.SequenceNumber!);
      const encoded = shardIndexOf(sequenceNumber);
      if (encoded === undefined) {
        throw invalidArgument(
          `StartingSequenceNumber ${start.SequenceNumber} used in ${operation} on shard ${shard.id} in stream ${stream.name} under account ${stream.accountId} is invalid.`,
        );
      }
      if (encoded !== shard.index) {
        const other = `shardId-${String(encoded).padStart(12, '0')}`;
        throw invalidArgument(`Invalid StartingSequenceNumber. It encodes ${other}, while it was used in a call to a shard with ${shard.id}`);
      }
      return { sequenceNumber, inclusive: type === 'AT_SEQUENCE_NUMBER' };
    }
  }
}

export function findShard(stream: Stream, shardId: string): Shard {
  const shard = stream.shard(shardId);
  if (!shard) throw shardNotFound(shardId, stream.name, stream.accountId);
  return shard;
}

export function getShardIterator(input: GetShardIteratorCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  const shard = findShard(stream, input.ShardId!);
  const start = { Type: input.ShardIteratorType, SequenceNumber: input.StartingSequenceNumber, Timestamp: input.Timestamp };
  const position = resolvePosition(stream, shard, start, 'GetShardIterator', ctx.emulator.clock.now());
  return { ShardIterator: encodeIterator({ streamArn: stream.arn, streamCreated: stream.createdAt.getTime(), shardId: shard.id, ...position }, ctx.emulator.clock.now()) };
}

/**
 * The stream and shard an iterator reads: in the iterator's own account and region, which may be another account's
 * stream shared by its resource policy (checked again here, as the policy may have changed since).
 */
function iteratorStream(position: IteratorPosition, ctx: Ctx): { stream: Stream; shard: Shard } {
  const arn = parseArn(position.streamArn);
  const name = arn ? arn.resource.slice('stream/'.length) : '';
  const own = !arn || (arn.accountId === ctx.state.accountId && arn.region === ctx.state.region);
  const state = own ? ctx.state : ctx.emulator.state<KinesisState>('kinesis', arn.accountId, arn.region);
  const stream = state.streams.get(name);
  if (stream && !own && !mayAccess(ctx, 'kinesis:GetRecords', stream.arn, stream.accountId, state.policies.get(stream.arn))) {
    throw new AwsError('AccessDeniedException', notAuthorized(ctx.caller, 'kinesis:GetRecords', stream.arn));
  }
  const shard = stream?.createdAt.getTime() === position.streamCreated ? stream.shard(position.shardId) : undefined;
  if (!stream || !shard) throw shardNotFound(position.shardId, name, state.accountId);
  return { stream, shard };
}

export function getRecords(input: GetRecordsCommandInput, ctx: Ctx) {
  const position = decodeIterator(input.ShardIterator!, ctx.emulator.clock.now());
  const { stream, shard } = iteratorStream(position, ctx);
  stream.trim(ctx.emulator.clock.now());
  const limit = input.Limit ?? 10_000;
  const from = shard.indexFrom(position.sequenceNumber, position.inclusive);
  const batch: StoredRecord[] = [];
  let bytes = 0;
  for (let i = from; i < shard.records.length && batch.length < limit; i++) {
    const record = shard.records[i];
    bytes += record.data.length + Buffer.byteLength(record.partitionKey);
    if (batch.length > 0 && bytes > GET_RECORDS_MAX_BYTES) break;
    batch.push(record);
  }
  const next = from + batch.length;
  const caughtUp = next >= shard.records.length;
  const lastRead = batch.at(-1);
  const nextPosition = lastRead ? { ...position, sequenceNumber: lastRead.sequenceNumber, inclusive: false } : position;
  const finished = !shard.open && caughtUp;
  countForStream(ctx.emulator, stream, 'GetRecords.Records', batch.length, 'Count');
  return {
    Records: batch.map((r) => recordOutput(r, stream)),
    NextShardIterator: finished ? undefined : encodeIterator(nextPosition, ctx.emulator.clock.now()),
    MillisBehindLatest: caughtUp ? 0 : Math.max(0, ctx.emulator.clock.now() - shard.records[next].arrival.getTime()),
    ChildShards: finished ? childShards(stream, shard) : undefined,
  };
}
