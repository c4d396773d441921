import { partitionKeyHash } from './hash-keys.ts';
import type { KinesisState } from './state.ts';

/** For other services delivering to Kinesis (DynamoDB streaming destinations): whether a stream ARN exists. */
export function kinesisStreamExists(state: KinesisState, streamArn: string): boolean {
  return [...state.streams.values()].some((s) => s.arn === streamArn);
}

/** Puts one record as PutRecord would; false when the stream is gone. */
export function putKinesisRecord(state: KinesisState, streamArn: string, data: Buffer, partitionKey: string, now: number): boolean {
  const stream = [...state.streams.values()].find((s) => s.arn === streamArn);
  if (!stream) return false;
  stream.trimOnWrite(now);
  stream.shardFor(partitionKeyHash(partitionKey)).append(data, partitionKey, now);
  return true;
}
