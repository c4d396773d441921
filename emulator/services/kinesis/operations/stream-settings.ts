import type {
  DisableEnhancedMonitoringCommandInput,
  EnableEnhancedMonitoringCommandInput,
  MetricsName,
  StartStreamEncryptionCommandInput,
  StopStreamEncryptionCommandInput,
  UpdateMaxRecordSizeCommandInput,
  UpdateStreamModeCommandInput,
  UpdateStreamWarmThroughputCommandInput,
} from '@aws-sdk/client-kinesis';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument, validation } from '../errors.ts';
import type { KinesisState } from '../state.ts';
import { checkOnDemandLimit } from './streams.ts';

type Ctx = RequestContext<KinesisState>;

export function startStreamEncryption(input: StartStreamEncryptionCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  if (input.EncryptionType !== 'KMS') throw invalidArgument(`Invalid EncryptionType ${input.EncryptionType}. Only KMS is supported.`);
  stream.encryption = { type: 'KMS', keyId: input.KeyId };
  return {};
}

export function stopStreamEncryption(input: StopStreamEncryptionCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  stream.encryption = { type: 'NONE' };
  return {};
}

/** Every shard-level metric, in the order AWS lists them; `ALL` stands for all of them. */
const METRICS: MetricsName[] = [
  'IncomingBytes',
  'IncomingRecords',
  'OutgoingBytes',
  'OutgoingRecords',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'IteratorAgeMilliseconds',
];

function expand(metrics: MetricsName[]): Set<string> {
  return new Set(metrics.includes('ALL') ? METRICS : metrics);
}

function monitoring(input: EnableEnhancedMonitoringCommandInput, ctx: Ctx, change: (current: Set<string>, requested: Set<string>) => Set<string>) {
  const stream = ctx.state.stream(input);
  const before = [...stream.enhancedMetrics];
  const after = change(new Set(before), expand(input.ShardLevelMetrics!));
  stream.enhancedMetrics = METRICS.filter((m) => after.has(m));
  return { StreamName: stream.name, CurrentShardLevelMetrics: before, DesiredShardLevelMetrics: [...stream.enhancedMetrics], StreamARN: stream.arn };
}

export const enableEnhancedMonitoring = (input: EnableEnhancedMonitoringCommandInput, ctx: Ctx) =>
  monitoring(input, ctx, (current, requested) => new Set([...current, ...requested]));

export const disableEnhancedMonitoring = (input: DisableEnhancedMonitoringCommandInput, ctx: Ctx) =>
  monitoring(input, ctx, (current, requested) => new Set([...current].filter((m) => !requested.has(m))));

export function updateStreamMode(input: UpdateStreamModeCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  const mode = input.StreamModeDetails!.StreamMode!;
  if (mode === 'ON_DEMAND' && stream.mode !== 'ON_DEMAND') checkOnDemandLimit(ctx.state);
  stream.mode = mode;
  if (input.WarmThroughputMiBps !== undefined) stream.warmThroughputMiBps = input.WarmThroughputMiBps;
  if (mode === 'PROVISIONED') stream.warmThroughputMiBps = undefined;
  return {};
}

export function updateMaxRecordSize(input: UpdateMaxRecordSizeCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  stream.maxRecordSizeKiB = input.MaxRecordSizeInKiB!;
  return {};
}

export function updateStreamWarmThroughput(input: UpdateStreamWarmThroughputCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  if (stream.mode !== 'ON_DEMAND') throw validation(`Warm throughput can only be configured for streams in ON_DEMAND mode.`);
  const previous = stream.warmThroughputMiBps ?? 0;
  stream.warmThroughputMiBps = input.WarmThroughputMiBps;
  return { StreamARN: stream.arn, StreamName: stream.name, WarmThroughput: { TargetMiBps: input.WarmThroughputMiBps, CurrentMiBps: previous } };
}
