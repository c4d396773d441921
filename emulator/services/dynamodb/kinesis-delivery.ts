import { createHash, randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Emulator } from '../../core/emulator.ts';
import { kinesisStreamExists, putKinesisRecord } from '../kinesis/integration.ts';
import type { KinesisState } from '../kinesis/state.ts';
import type { ItemChange } from './changes.ts';
import { itemSize } from './expressions/index.ts';
import type { DynamoState } from './state.ts';
import type { Item } from './values.ts';

/**
 * Delivery of item changes to Kinesis Data Streams destinations, in AWS's "DynamoDB Kinesis Data Streams record"
 * JSON format. Works when the emulator serves Kinesis; otherwise destinations keep their settings only.
 */
const delivering = new WeakSet<DynamoState>();

/** The Kinesis state holding a stream ARN, or undefined when Kinesis is not enabled (or the ARN is not a stream's). */
export function kinesisStateOf(emulator: Emulator, streamArn: string): KinesisState | undefined {
  const match = /^arn:aws[\w-]*:kinesis:([^:]+):(\d{12}):stream\//.exec(streamArn);
  if (!match || !emulator.services.has('kinesis')) return undefined;
  return emulator.state<KinesisState>('kinesis', match[2], match[1]);
}

/** Whether a destination can be checked and does not exist. */
export function kinesisStreamMissing(emulator: Emulator, streamArn: string): boolean {
  const kinesis = kinesisStateOf(emulator, streamArn);
  return kinesis !== undefined && !kinesisStreamExists(kinesis, streamArn);
}

export function startKinesisDelivery(state: DynamoState, emulator: Emulator) {
  if (delivering.has(state)) return;
  delivering.add(state);
  state.changes.subscribe((change) => {
    for (const [streamArn, destination] of change.table.kinesisDestinations) {
      if (destination.status !== 'ACTIVE') continue;
      const kinesis = kinesisStateOf(emulator, streamArn);
      if (!kinesis) continue;
      const record = kinesisRecord(change, state.region, destination.precision);
      putKinesisRecord(kinesis, streamArn, Buffer.from(JSON.stringify(record)), partitionKey(change), change.at.getTime());
    }
  });
}

/** All changes of one item go to one shard, in order: the partition key derives from the table and the item's key. */
function partitionKey(change: ItemChange): string {
  const key = Object.keys(change.keys)
    .sort()
    .map((name) => [name, jsonValue(change.keys[name])]);
  return createHash('md5').update(`${change.table.name}|${JSON.stringify(key)}`).digest('hex').toUpperCase();
}

function kinesisRecord(change: ItemChange, region: string, precision: string | undefined) {
  const at = change.at.getTime();
  return {
    awsRegion: region,
    eventID: randomUUID(),
    eventName: change.eventName,
    userIdentity: change.userIdentity ? { type: change.userIdentity.type, principalId: change.userIdentity.principalId } : null,
    recordFormat: 'application/json',
    tableName: change.table.name,
    dynamodb: {
      ApproximateCreationDateTime: precision === 'MICROSECOND' ? at * 1000 : at,
      ApproximateCreationDateTimePrecision: precision,
      Keys: jsonItem(change.keys),
      NewImage: change.newImage && jsonItem(change.newImage),
      OldImage: change.oldImage && jsonItem(change.oldImage),
      SizeBytes: itemSize(change.keys) + (change.newImage ? itemSize(change.newImage) : 0) + (change.oldImage ? itemSize(change.oldImage) : 0),
    },
    eventSource: 'aws:dynamodb',
  };
}

function jsonItem(item: Item): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, jsonValue(v)]));
}

/** An attribute value as DynamoDB's JSON shows it: binaries in base64. */
function jsonValue(value: AttributeValue): unknown {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(jsonValue) };
  if (value.M !== undefined) return { M: jsonItem(value.M) };
  return value;
}
