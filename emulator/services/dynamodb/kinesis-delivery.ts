import { createHash, randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { parseArn, partitionOf } from '../../core/arn.ts';
import type { Emulator } from '../../core/emulator.ts';
import { AwsError } from '../../core/errors.ts';
import type { Caller } from '../../core/service.ts';
import type { ItemChange } from './changes.ts';
import { itemSize } from './expressions/index.ts';
import type { DynamoState } from './state.ts';
import type { Item } from './values.ts';

/**
 * Delivery of item changes to Kinesis Data Streams destinations, in AWS's "DynamoDB Kinesis Data Streams record"
 * JSON format, through the delivery layer (a Kinesis PutRecord as DynamoDB's service-linked role), one item's changes
 * in order. Works when the emulator serves Kinesis; otherwise destinations keep their settings only.
 */
const delivering = new WeakSet<DynamoState>();

/** DynamoDB writing to a stream of its own account, as the role AWS creates for Kinesis streaming destinations. */
function replicationRole(accountId: string, region: string): Caller {
  return { accountId, arn: `arn:${partitionOf(region)}:sts::${accountId}:assumed-role/AWSServiceRoleForDynamoDBKinesisDataStreamsReplication/DynamoDB` };
}

/**
 * Whether a destination stream is missing (DescribeStreamSummary through Kinesis' front door says so); false when the
 * emulator does not serve Kinesis, where destinations keep their settings only.
 */
export async function kinesisStreamMissing(emulator: Emulator, streamArn: string, caller: Caller, region: string): Promise<boolean> {
  const stream = parseArn(streamArn);
  if (stream?.service !== 'kinesis') return true;
  try {
    await emulator.call('kinesis', 'DescribeStreamSummary', { StreamARN: streamArn }, { caller, region: stream.region || region, accountId: stream.accountId });
    return false;
  } catch (error) {
    return !(error instanceof AwsError && error.code === 'ServiceNotEnabled');
  }
}

export function startKinesisDelivery(state: DynamoState, emulator: Emulator) {
  if (delivering.has(state)) return;
  delivering.add(state);
  state.changes.subscribe(
    (change) => {
      for (const [streamArn, destination] of change.table.kinesisDestinations) {
        if (destination.status !== 'ACTIVE') continue;
        const record = kinesisRecord(change, state.region, destination.precision);
        const key = partitionKey(change);
        emulator.deliverInBackground(
          streamArn,
          { body: '', data: Buffer.from(JSON.stringify(record)), partitionKey: key },
          { servicePrincipal: 'dynamodb.amazonaws.com', sourceArn: change.table.arn, accountId: state.accountId, region: state.region, asCaller: replicationRole(state.accountId, state.region) },
          { orderingKey: `${streamArn} ${key}` },
        );
      }
    },
    (table) => table.kinesisDestinations.size > 0,
  );
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
      SizeBytes: itemSize(change.keys) + change.newSize + change.oldSize,
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
