import { AwsError } from '../../core/errors.ts';
import type { TableStream } from '../dynamodb/streams.ts';

/** Shard iterators expire 15 minutes after they are handed out. */
const ITERATOR_LIFETIME_MS = 15 * 60 * 1000;

export interface ShardIterator {
  streamArn: string;
  shardId: string;
  /** Sequence number of the next record to return. */
  position: bigint;
  created: number;
}

const validation = (message: string) => new AwsError('ValidationException', message, { status: 400 });

export function encodeIterator(stream: TableStream, position: bigint, now: number): string {
  const payload = Buffer.from(JSON.stringify({ a: stream.arn, s: stream.shardId, p: position.toString(), t: now })).toString('base64url');
  return `${stream.arn}|1|${payload}`;
}

export function decodeIterator(text: string, now: number): ShardIterator {
  let iterator: ShardIterator;
  try {
    const payload = JSON.parse(Buffer.from(text.slice(text.lastIndexOf('|') + 1), 'base64url').toString('utf8'));
    iterator = { streamArn: payload.a, shardId: payload.s, position: BigInt(payload.p), created: Number(payload.t) };
  } catch {
    throw validation('Invalid ShardIterator');
  }
  if (typeof iterator.streamArn !== 'string' || !Number.isFinite(iterator.created)) throw validation('Invalid ShardIterator');
  if (now - iterator.created > ITERATOR_LIFETIME_MS) {
    throw new AwsError('ExpiredIteratorException', 'Iterator expired. The iterator was created more than 15 minutes ago.');
  }
  return iterator;
}

export function checkNotTrimmed(stream: TableStream, position: bigint) {
  if (stream.trimmedThrough !== undefined && position <= stream.trimmedThrough) {
    throw new AwsError('TrimmedDataAccessException', 'The operation attempted to read past the oldest stream record in a shard.');
  }
}

/** Where an iterator of the given type starts reading. */
export function positionFor(stream: TableStream, type: string, sequenceNumber: string | undefined): bigint {
  const last = stream.latestSequenceNumber;
  switch (type) {
    case 'TRIM_HORIZON':
      return stream.records.values().next().value?.sequenceNumber ?? (stream.trimmedThrough !== undefined ? stream.trimmedThrough + 1n : stream.startingSequenceNumber);
    case 'LATEST':
      return last !== undefined ? last + 1n : stream.startingSequenceNumber;
    default: {
      if (!/^\d{1,40}$/.test(sequenceNumber!)) throw validation(`Invalid SequenceNumber: ${sequenceNumber}`);
      const position = BigInt(sequenceNumber!) + (type === 'AFTER_SEQUENCE_NUMBER' ? 1n : 0n);
      checkNotTrimmed(stream, position);
      return position;
    }
  }
}
