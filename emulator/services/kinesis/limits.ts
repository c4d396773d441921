import { limitExceeded } from './errors.ts';
import type { KinesisState } from './state.ts';

/** Default shard quota: 20,000 in US East (N. Virginia), US West (Oregon) and Europe (Ireland), 1,000 elsewhere. */
export function shardLimit(region: string): number {
  return ['us-east-1', 'us-west-2', 'eu-west-1'].includes(region) ? 20_000 : 1_000;
}

/** Default quota of on-demand streams per account and region. */
export const ON_DEMAND_STREAM_LIMIT = 50;
/** Shards of a new on-demand stream (4 MB/s write capacity). */
export const ON_DEMAND_INITIAL_SHARDS = 4;
export const MAX_TAGS_PER_STREAM = 50;
export const MIN_RETENTION_HOURS = 24;
export const MAX_RETENTION_HOURS = 8760;
export const MAX_CONSUMERS_PER_STREAM = 20;
/** GetRecords returns at most 10 MiB per call. */
export const GET_RECORDS_MAX_BYTES = 10 * 1024 * 1024;
/** PutRecords: at most 5 MiB per request, partition keys included. */
export const PUT_RECORDS_MAX_BYTES = 5 * 1024 * 1024;
/** Shard iterators expire 5 minutes after they are returned. */
export const ITERATOR_TTL_MS = 300_000;

/** Throws AWS's LimitExceededException when `additional` more open shards would pass the account's quota. */
export function checkShardLimit(state: KinesisState, additional: number) {
  const current = state.openShardCount();
  const limit = shardLimit(state.region);
  if (current + additional > limit) {
    throw limitExceeded(
      `This request would exceed the shard limit for the account ${state.accountId} in ${state.region}. ` +
        `Current shard count for the account: ${current}. Limit: ${limit}. ` +
        `Number of additional shards that would have resulted from this request: ${additional}. ` +
        'Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) ' +
        'for current limits and how to request higher limits.',
    );
  }
}
