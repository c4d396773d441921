import type {
  CreateStreamCommandInput,
  DeleteStreamCommandInput,
  DescribeStreamCommandInput,
  DescribeStreamSummaryCommandInput,
  ListStreamsCommandInput,
} from '@aws-sdk/client-kinesis';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument, limitExceeded, resourceInUse } from '../errors.ts';
import { checkShardLimit, ON_DEMAND_INITIAL_SHARDS, ON_DEMAND_STREAM_LIMIT } from '../limits.ts';
import { decodeToken, encodeToken } from '../page-tokens.ts';
import type { KinesisState } from '../state.ts';
import { Stream, type StreamMode } from '../stream.ts';
import { addTags } from '../tags.ts';

type Ctx = RequestContext<KinesisState>;

export function onDemandStreamCount(state: KinesisState): number {
  return [...state.streams.values()].filter((s) => s.mode === 'ON_DEMAND').length;
}

export function checkOnDemandLimit(state: KinesisState) {
  if (onDemandStreamCount(state) >= ON_DEMAND_STREAM_LIMIT) {
    throw limitExceeded(
      `This request would exceed the on-demand stream limit for the account ${state.accountId} in ${state.region}. ` +
        `Current on-demand stream count for the account: ${onDemandStreamCount(state)}. Limit: ${ON_DEMAND_STREAM_LIMIT}.`,
    );
  }
}

export function createStream(input: CreateStreamCommandInput, ctx: Ctx) {
  const { state } = ctx;
  // Without a mode, a stream with a ShardCount is provisioned and one without is on-demand.
  const mode: StreamMode = input.StreamModeDetails?.StreamMode ?? (input.ShardCount === undefined ? 'ON_DEMAND' : 'PROVISIONED');
  if (mode === 'PROVISIONED' && input.ShardCount === undefined) {
    throw invalidArgument('ShardCount is required for streams in PROVISIONED mode.');
  }
  if (mode === 'ON_DEMAND' && input.ShardCount !== undefined) {
    throw invalidArgument('ShardCount is not supported for streams in ON_DEMAND mode.');
  }
  if (state.streams.has(input.StreamName!)) {
    throw resourceInUse(`Stream ${input.StreamName} under account ${state.accountId} already exists.`);
  }
  const shardCount = input.ShardCount ?? ON_DEMAND_INITIAL_SHARDS;
  if (mode === 'ON_DEMAND') checkOnDemandLimit(state);
  checkShardLimit(state, shardCount);
  const stream = new Stream(input.StreamName!, state.accountId, state.region, mode, shardCount, ctx.emulator.clock.now());
  if (input.Tags) addTags(stream.tags, input.Tags, stream.name, state.accountId, ctx.caller);
  if (input.MaxRecordSizeInKiB !== undefined) stream.maxRecordSizeKiB = input.MaxRecordSizeInKiB;
  if (input.WarmThroughputMiBps !== undefined && mode === 'ON_DEMAND') stream.warmThroughputMiBps = input.WarmThroughputMiBps;
  state.streams.set(stream.name, stream);
  return {};
}

export function deleteStream(input: DeleteStreamCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  if (stream.consumers.size > 0 && !input.EnforceConsumerDeletion) {
    throw resourceInUse(
      `DeleteStream can’t delete ${stream.accountId}:${stream.name} because there are consumers associated with this data stream. ` +
        `To delete ${stream.name} anyway, set the EnforceConsumerDeletion parameter to true to force the deletion of all the consumers that are associated with it.`,
    );
  }
  ctx.state.streams.delete(stream.name);
  ctx.state.policies.delete(stream.arn);
  for (const consumer of stream.consumers.values()) ctx.state.policies.delete(consumer.arn);
  return {};
}

export function describeStream(input: DescribeStreamCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  stream.trim(ctx.emulator.clock.now());
  const limit = input.Limit ?? 100;
  const after = input.ExclusiveStartShardId;
  const shards = stream.shards.filter((s) => after === undefined || s.id > after);
  return {
    StreamDescription: {
      StreamName: stream.name,
      StreamARN: stream.arn,
      StreamStatus: 'ACTIVE',
      StreamModeDetails: stream.modeDetails(),
      Shards: shards.slice(0, limit).map((s) => s.describe()),
      HasMoreShards: shards.length > limit,
      RetentionPeriodHours: stream.retentionHours,
      StreamCreationTimestamp: stream.createdAt,
      EnhancedMonitoring: stream.enhancedMonitoring(),
      EncryptionType: stream.encryption.type,
      KeyId: stream.encryption.keyId,
    },
  };
}

export function describeStreamSummary(input: DescribeStreamSummaryCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  return {
    StreamDescriptionSummary: {
      StreamName: stream.name,
      StreamARN: stream.arn,
      StreamStatus: 'ACTIVE',
      StreamModeDetails: stream.modeDetails(),
      RetentionPeriodHours: stream.retentionHours,
      StreamCreationTimestamp: stream.createdAt,
      EnhancedMonitoring: stream.enhancedMonitoring(),
      EncryptionType: stream.encryption.type,
      KeyId: stream.encryption.keyId,
      OpenShardCount: stream.openShards().length,
      ConsumerCount: stream.consumers.size,
      MaxRecordSizeInKiB: stream.maxRecordSizeKiB,
      WarmThroughput:
        stream.warmThroughputMiBps === undefined ? undefined : { TargetMiBps: stream.warmThroughputMiBps, CurrentMiBps: stream.warmThroughputMiBps },
    },
  };
}

export function listStreams(input: ListStreamsCommandInput, ctx: Ctx) {
  if (input.NextToken !== undefined && input.ExclusiveStartStreamName !== undefined) {
    throw invalidArgument('ExclusiveStartStreamName and NextToken cannot be provided together.');
  }
  const after = input.NextToken !== undefined ? decodeToken(input.NextToken, 'ListStreams', ctx.emulator.clock.now()).after : input.ExclusiveStartStreamName;
  const limit = Math.min(input.Limit ?? 100, 100);
  const names = [...ctx.state.streams.keys()].sort().filter((n) => after === undefined || n > after);
  const page = names.slice(0, limit).map((n) => ctx.state.streams.get(n)!);
  const more = names.length > limit;
  return {
    StreamNames: page.map((s) => s.name),
    HasMoreStreams: more,
    NextToken: more ? encodeToken('ListStreams', page[page.length - 1].name, ctx.emulator.clock.now()) : undefined,
    StreamSummaries: page.map((s) => ({
      StreamName: s.name,
      StreamARN: s.arn,
      StreamStatus: 'ACTIVE',
      StreamModeDetails: s.modeDetails(),
      StreamCreationTimestamp: s.createdAt,
    })),
  };
}
