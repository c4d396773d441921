import { createHmac, randomBytes } from 'node:crypto';
import { AwsError } from '../../core/errors.ts';
import { invalidArgument } from './errors.ts';
import { ITERATOR_TTL_MS } from './limits.ts';

/** Where a shard iterator points: at or after a sequence number of one shard of one stream. */
export interface IteratorPosition {
  /** The stream's ARN: its account and region too, so that an iterator of a shared stream reads that stream. */
  streamArn: string;
  /** Tells a stream apart from a later one of the same name. */
  streamCreated: number;
  shardId: string;
  sequenceNumber: bigint;
  inclusive: boolean;
}

// Iterators are opaque to clients and must not be forgeable: they carry a MAC under a key of this process.
const KEY = randomBytes(32);

function mac(payload: string): string {
  return createHmac('sha256', KEY).update(payload).digest('base64url').slice(0, 22);
}

export function encodeIterator(position: IteratorPosition, issuedAt: number): string {
  const payload = [issuedAt, position.streamCreated, position.shardId, position.sequenceNumber, position.inclusive ? 1 : 0, position.streamArn].join('|');
  return Buffer.from(`${payload}|${mac(payload)}`).toString('base64');
}

/** Decodes an iterator (AWS also accepts one wrapped in double quotes); throws AWS's errors for bad or expired ones. */
export function decodeIterator(iterator: string, now: number): IteratorPosition {
  const text = Buffer.from(iterator.replace(/^"(.*)"$/, '$1'), 'base64').toString('utf8');
  const cut = text.lastIndexOf('|');
  const payload = text.slice(0, cut);
  const fields = payload.split('|');
  if (cut < 0 || fields.length < 6 || text.slice(cut + 1) !== mac(payload)) throw invalidArgument('Invalid ShardIterator.');
  const [issuedAt, streamCreated, shardId, sequenceNumber, inclusive] = fields;
  if (now - Number(issuedAt) > ITERATOR_TTL_MS) {
    throw new AwsError(
      'ExpiredIteratorException',
      `Iterator expired. The iterator was created at time ${amzUtc(Number(issuedAt))} while right now it is ${amzUtc(now)} ` +
        `which is further in the future than the tolerated delay of ${ITERATOR_TTL_MS} milliseconds.`,
    );
  }
  return {
    streamArn: fields.slice(5).join('|'),
    streamCreated: Number(streamCreated),
    shardId,
    sequenceNumber: BigInt(sequenceNumber),
    inclusive: inclusive === '1',
  };
}

/** AWS writes these times like `Tue, 05 Mar 2024 10:00:00 UTC`. */
function amzUtc(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', 'UTC');
}
