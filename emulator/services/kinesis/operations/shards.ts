import type { ListShardsCommandInput, MergeShardsCommandInput, SplitShardCommandInput, UpdateShardCountCommandInput } from '@aws-sdk/client-kinesis';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument, resourceInUse } from '../errors.ts';
import { evenRanges } from '../hash-keys.ts';
import { checkShardLimit } from '../limits.ts';
import { decodeToken, encodeToken } from '../page-tokens.ts';
import type { Shard } from '../shard.ts';
import type { KinesisState } from '../state.ts';
import type { Stream } from '../stream.ts';
import { findShard } from './get-records.ts';

type Ctx = RequestContext<KinesisState>;

/** Whether a shard was open at a time (a stream's first shards count as open from the stream's creation). */
function openAt(shard: Shard, time: number): boolean {
  return shard.createdAt.getTime() <= time && (shard.closedAt === undefined || shard.closedAt.getTime() > time);
}

function filterShards(stream: Stream, filter: NonNullable<ListShardsCommandInput['ShardFilter']>, now: number): Shard[] {
  const trimHorizon = Math.max(now - stream.retentionHours * 3_600_000, stream.shards[0].createdAt.getTime());
  const need = (present: unknown, what: string) => {
    if (present === undefined) throw invalidArgument(`${what} must be provided for ShardFilter type ${filter.Type}.`);
  };
  switch (filter.Type) {
    case 'AFTER_SHARD_ID':
      need(filter.ShardId, 'ShardId');
      return stream.shards.filter((s) => s.id > filter.ShardId!);
    case 'AT_TRIM_HORIZON':
      return stream.shards.filter((s) => openAt(s, trimHorizon));
    case 'FROM_TRIM_HORIZON':
      return stream.shards;
    case 'AT_LATEST':
      return stream.openShards();
    case 'AT_TIMESTAMP':
    case 'FROM_TIMESTAMP': {
      need(filter.Timestamp, 'Timestamp');
      const at = Math.max(filter.Timestamp!.getTime(), trimHorizon);
      return stream.shards.filter((s) => openAt(s, at) || (filter.Type === 'FROM_TIMESTAMP' && s.createdAt.getTime() > at));
    }
    default:
      return stream.shards;
  }
}

export function listShards(input: ListShardsCommandInput, ctx: Ctx) {
  const named = input.StreamName !== undefined || input.StreamARN !== undefined;
  if (input.NextToken !== undefined && named) throw invalidArgument('NextToken and StreamName cannot be provided together.');
  if (input.NextToken !== undefined && input.ExclusiveStartShardId !== undefined) {
    throw invalidArgument('NextToken and ExclusiveStartShardId cannot be provided together.');
  }
  if (input.NextToken === undefined && !named) throw invalidArgument('Either NextToken or StreamName should be provided.');
  let stream: Stream;
  let after = input.ExclusiveStartShardId;
  let filter = input.ShardFilter;
  if (input.NextToken !== undefined) {
    const token = decodeToken(input.NextToken, 'ListShards', ctx.emulator.clock.now());
    stream = ctx.state.stream({ StreamName: token.stream as string });
    after = token.after;
    filter = token.filter as typeof filter;
    if (filter?.Timestamp !== undefined) filter = { ...filter, Timestamp: new Date(filter.Timestamp) };
  } else {
    stream = ctx.state.stream(input);
  }
  stream.trim(ctx.emulator.clock.now());
  const shards = (filter ? filterShards(stream, filter, ctx.emulator.clock.now()) : stream.shards).filter((s) => after === undefined || s.id > after);
  const limit = Math.min(input.MaxResults ?? 1000, 1000);
  const page = shards.slice(0, limit);
  const more = shards.length > limit;
  return {
    Shards: page.map((s) => s.describe()),
    NextToken: more ? encodeToken('ListShards', page[page.length - 1].id, ctx.emulator.clock.now(), { stream: stream.name, filter }) : undefined,
  };
}

function openShard(stream: Stream, shardId: string): Shard {
  const shard = findShard(stream, shardId);
  if (!shard.open) {
    throw resourceInUse(
      `Shard ${shard.id} in stream ${stream.name} under account ${stream.accountId} has already been merged or split, and thus is not eligible for merging or splitting.`,
    );
  }
  return shard;
}

export function splitShard(input: SplitShardCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  const shard = openShard(stream, input.ShardToSplit!);
  const key = BigInt(input.NewStartingHashKey!);
  if (key <= shard.range.start + 1n || key >= shard.range.end) {
    throw invalidArgument(
      `NewStartingHashKey ${input.NewStartingHashKey} used in SplitShard() on shard ${shard.id} in stream ${stream.name} under account ${stream.accountId} ` +
        `is not both greater than one plus the shard's StartingHashKey ${shard.range.start} and less than the shard's EndingHashKey ${shard.range.end}.`,
    );
  }
  checkShardLimit(ctx.state, 1);
  const now = ctx.emulator.clock.now();
  shard.close(now);
  stream.addShard({ start: shard.range.start, end: key - 1n }, now, shard.id);
  stream.addShard({ start: key, end: shard.range.end }, now, shard.id);
  return {};
}

export function mergeShards(input: MergeShardsCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  const first = openShard(stream, input.ShardToMerge!);
  const second = openShard(stream, input.AdjacentShardToMerge!);
  if (first.range.end + 1n !== second.range.start && second.range.end + 1n !== first.range.start) {
    throw invalidArgument(
      `Shards ${first.id} and ${second.id} in stream ${stream.name} under account ${stream.accountId} are not an adjacent pair of shards eligible for merging`,
    );
  }
  const now = ctx.emulator.clock.now();
  first.close(now);
  second.close(now);
  const start = first.range.start < second.range.start ? first.range.start : second.range.start;
  const end = first.range.end > second.range.end ? first.range.end : second.range.end;
  stream.addShard({ start, end }, now, first.id, second.id);
  return {};
}

/**
 * Re-spreads the key space over `TargetShardCount` new shards at once. Each new shard's parents are the old shards
 * its range overlaps (AWS goes through intermediate splits and merges; the end state is the same key layout).
 */
export function updateShardCount(input: UpdateShardCountCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  if (stream.mode === 'ON_DEMAND') throw invalidArgument(`UpdateShardCount is not supported for stream ${stream.name} in ON_DEMAND mode.`);
  const current = stream.openShards();
  const target = input.TargetShardCount!;
  if (target > current.length * 2) {
    throw invalidArgument(`UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: ${current.length} Target shard count: ${target}`);
  }
  if (target * 2 < current.length) {
    throw invalidArgument(`UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: ${current.length} Target shard count: ${target}`);
  }
  if (target !== current.length) {
    checkShardLimit(ctx.state, target - current.length);
    const now = ctx.emulator.clock.now();
    for (const shard of current) shard.close(now);
    for (const range of evenRanges(target)) {
      const parents = current.filter((s) => s.range.start <= range.end && s.range.end >= range.start);
      stream.addShard(range, now, parents[0]?.id, parents[1]?.id);
    }
  }
  return { StreamName: stream.name, CurrentShardCount: current.length, TargetShardCount: target, StreamARN: stream.arn };
}
