import { randomUUID } from 'node:crypto';
import type {
  CreateEventSourceMappingRequest,
  DeleteEventSourceMappingRequest,
  EventSourceMappingConfiguration,
  GetEventSourceMappingRequest,
  ListEventSourceMappingsRequest,
  UpdateEventSourceMappingRequest,
} from '@aws-sdk/client-lambda';
import { buildArn, parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { RequestContext } from '../../../core/service.ts';
import { parsePatterns } from '../esm/filter.ts';
import { startSqsPoller } from '../esm/sqs-poller.ts';
import { checkSelfManagedKafka, isSelfManagedKafka, selfManagedKafkaConfig } from '../esm/self-managed-kafka.ts';
import { startStreamPoller } from '../esm/stream-poller.ts';
import { functionArn } from '../function.ts';
import { page, parseFunctionRef } from '../lookup.ts';
import type { EventSourceMapping, LambdaState } from '../state.ts';
import { checkTagCount, checkTagKeys } from './tags.ts';

type Ctx = RequestContext<LambdaState>;
type SourceKind = 'sqs' | 'kinesis' | 'dynamodb' | 'kafka';

function sourceKind(source: Pick<EventSourceMappingConfiguration, 'EventSourceArn' | 'SelfManagedEventSource'>): SourceKind {
  if (isSelfManagedKafka(source)) return 'kafka';
  const arn = source.EventSourceArn;
  const service = arn ? parseArn(arn)?.service : undefined;
  if (service === 'sqs' || service === 'kinesis') return service;
  if (service === 'dynamodb' && arn!.includes('/stream/')) return 'dynamodb';
  throw new AwsError('InvalidParameterValueException', 'Unrecognized event source.');
}

/** The function (and qualifier) a mapping invokes, as a qualified or unqualified ARN. */
function targetArn(ctx: Ctx, name: string): string {
  const ref = parseFunctionRef(ctx.state, name);
  const fn = ctx.state.functions.get(ref.name);
  if (!fn || (ref.qualifier && ref.qualifier !== '$LATEST' && !fn.versions.has(ref.qualifier) && !fn.aliases.has(ref.qualifier))) {
    throw new AwsError('InvalidParameterValueException', 'Function does not exist');
  }
  return functionArn(ctx.state.region, ctx.state.accountId, fn.name, ref.qualifier);
}

function checkBatching(kind: SourceKind, batchSize: number, windowSeconds: number) {
  if (kind === 'sqs' && batchSize > 10 && windowSeconds === 0) {
    throw new AwsError('InvalidParameterValueException', 'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
  }
}

/** Settings only stream sources take, refused for SQS as AWS refuses them. */
const STREAM_ONLY = ['ParallelizationFactor', 'MaximumRecordAgeInSeconds', 'BisectBatchOnFunctionError', 'MaximumRetryAttempts', 'TumblingWindowInSeconds'] as const;

function checkStreamSettings(kind: SourceKind, input: Pick<CreateEventSourceMappingRequest, (typeof STREAM_ONLY)[number]>) {
  const factor = input.ParallelizationFactor;
  if (factor !== undefined && (!Number.isInteger(factor) || factor < 1 || factor > 10)) {
    const bound = factor < 1 ? 'greater than or equal to 1' : 'less than or equal to 10';
    throw new AwsError('ValidationException', `1 validation error detected: Value '${factor}' at 'parallelizationFactor' failed to satisfy constraint: Member must have value ${bound}`);
  }
  if (kind !== 'sqs') return;
  const given = STREAM_ONLY.find((key) => input[key] !== undefined);
  if (given) throw new AwsError('InvalidParameterValueException', `Unsupported ${given} parameter for given event source mapping type.`);
}

/** Checks that the source exists, through its service, as AWS does when the mapping is created. */
async function checkSource(ctx: Ctx, kind: SourceKind, arn: string) {
  const source = parseArn(arn)!;
  const options = { caller: ctx.caller, region: source.region, accountId: source.accountId };
  try {
    if (kind === 'sqs') await ctx.emulator.call('sqs', 'GetQueueUrl', { QueueName: source.resource, QueueOwnerAWSAccountId: source.accountId }, options);
    else if (kind === 'kinesis') await ctx.emulator.call('kinesis', 'DescribeStreamSummary', { StreamARN: arn }, options);
    else await ctx.emulator.call('dynamodbstreams', 'DescribeStream', { StreamArn: arn }, options);
  } catch (error) {
    if (kind === 'sqs') {
      throw new AwsError(
        'InvalidParameterValueException',
        'Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.',
      );
    }
    throw new AwsError('InvalidParameterValueException', `Stream not found: ${arn}`, { fields: { cause: (error as Error).message } });
  }
}

/** Starts a mapping's poller (on creation, and for each mapping of a restored state). */
export function startMapping(emulator: Emulator, state: LambdaState, mapping: EventSourceMapping) {
  const kind = sourceKind(mapping.config);
  if (kind === 'kafka') return;
  const stop = kind === 'sqs' ? startSqsPoller(emulator, state, mapping) : startStreamPoller(emulator, state, mapping, kind);
  state.pollers.set(mapping.config.UUID!, stop);
}

export async function createEventSourceMapping(input: CreateEventSourceMappingRequest, ctx: Ctx) {
  const kind = sourceKind(input);
  if (kind === 'kafka') return createSelfManagedKafkaMapping(input, ctx);
  // Refused before the function is looked up (AWS-recorded test_event_source_mapping_exceptions).
  if (kind === 'sqs' && input.DestinationConfig) {
    throw new AwsError('InvalidParameterValueException', 'Unsupported DestinationConfig parameter for given event source mapping type.');
  }
  const fnArn = targetArn(ctx, input.FunctionName!);
  if (kind !== 'sqs' && !input.StartingPosition) {
    throw new AwsError('InvalidParameterValueException', "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
  }
  if (kind === 'dynamodb' && input.StartingPosition === 'AT_TIMESTAMP') {
    throw new AwsError('InvalidParameterValueException', `Unsupported starting position for arn type: ${input.EventSourceArn}`);
  }
  const batchSize = input.BatchSize ?? (kind === 'sqs' ? 10 : 100);
  const window = input.MaximumBatchingWindowInSeconds ?? 0;
  checkBatching(kind, batchSize, window);
  checkStreamSettings(kind, input);
  parsePatterns(input.FilterCriteria?.Filters);
  checkTagCount(Object.keys(input.Tags ?? {}).length);
  checkTagKeys(input.Tags, ctx.caller);
  await checkSource(ctx, kind, input.EventSourceArn!);
  checkDuplicate(ctx, kind, input.EventSourceArn!, fnArn);
  const uuid = randomUUID();
  const config: EventSourceMappingConfiguration = {
    UUID: uuid,
    BatchSize: batchSize,
    MaximumBatchingWindowInSeconds: window,
    EventSourceArn: input.EventSourceArn,
    FilterCriteria: input.FilterCriteria?.Filters?.length ? input.FilterCriteria : undefined,
    FunctionArn: fnArn,
    LastModified: ctx.emulator.clock.date(),
    State: 'Enabled',
    StateTransitionReason: kind === 'sqs' ? 'USER_INITIATED' : 'User action',
    FunctionResponseTypes: input.FunctionResponseTypes ?? [],
    EventSourceMappingArn: buildArn({ service: 'lambda', region: ctx.state.region, accountId: ctx.state.accountId, resource: `event-source-mapping:${uuid}` }),
    ScalingConfig: input.ScalingConfig,
  };
  if (kind !== 'sqs') {
    Object.assign(config, {
      StartingPosition: input.StartingPosition,
      StartingPositionTimestamp: input.StartingPositionTimestamp,
      ParallelizationFactor: input.ParallelizationFactor ?? 1,
      MaximumRecordAgeInSeconds: input.MaximumRecordAgeInSeconds ?? -1,
      BisectBatchOnFunctionError: input.BisectBatchOnFunctionError ?? false,
      MaximumRetryAttempts: input.MaximumRetryAttempts ?? -1,
      TumblingWindowInSeconds: input.TumblingWindowInSeconds ?? 0,
      DestinationConfig: { OnFailure: {}, ...input.DestinationConfig },
      LastProcessingResult: 'No records processed',
    });
  }
  const mapping: EventSourceMapping = { config, tags: new Map(Object.entries(input.Tags ?? {})) };
  if (input.Enabled === false) config.State = 'Disabled';
  ctx.state.eventSourceMappings.set(uuid, mapping);
  startMapping(ctx.emulator, ctx.state, mapping);
  // A mapping created disabled answers so at once (AWS-recorded test_fifo_message_group_parallelism).
  return { ...config, State: input.Enabled === false ? 'Disabled' : 'Creating' };
}

async function createSelfManagedKafkaMapping(input: CreateEventSourceMappingRequest, ctx: Ctx) {
  const fnArn = targetArn(ctx, input.FunctionName!);
  checkSelfManagedKafka(input, fnArn, ctx.state.eventSourceMappings.values());
  parsePatterns(input.FilterCriteria?.Filters);
  checkTagCount(Object.keys(input.Tags ?? {}).length);
  checkTagKeys(input.Tags, ctx.caller);
  const uuid = randomUUID();
  const config: EventSourceMappingConfiguration = {
    UUID: uuid,
    BatchSize: input.BatchSize ?? 100,
    MaximumBatchingWindowInSeconds: input.MaximumBatchingWindowInSeconds,
    FilterCriteria: input.FilterCriteria?.Filters?.length ? input.FilterCriteria : undefined,
    FunctionArn: fnArn,
    LastModified: ctx.emulator.clock.date(),
    State: input.Enabled === false ? 'Disabled' : 'Enabled',
    StateTransitionReason: 'USER_INITIATED',
    EventSourceMappingArn: buildArn({ service: 'lambda', region: ctx.state.region, accountId: ctx.state.accountId, resource: `event-source-mapping:${uuid}` }),
    ...selfManagedKafkaConfig(input, uuid),
  };
  ctx.state.eventSourceMappings.set(uuid, { config, tags: new Map(Object.entries(input.Tags ?? {})) });
  return { ...config, State: input.Enabled === false ? 'Disabled' : 'Creating' };
}

/** One mapping per source and function (AWS-recorded test_duplicate_event_source_mappings of each source), in AWS's words. */
function checkDuplicate(ctx: Ctx, kind: SourceKind, sourceArn: string, fnArn: string) {
  const existing = [...ctx.state.eventSourceMappings.values()].find((m) => m.config.EventSourceArn === sourceArn && m.config.FunctionArn === fnArn);
  if (!existing) return;
  const name = fnArn.split(':')[6];
  const uuid = existing.config.UUID;
  throw new AwsError(
    'ResourceConflictException',
    kind === 'sqs'
      ? `An event source mapping with SQS arn (" ${sourceArn} ") and function (" ${name} ") already exists. Please update or delete the existing mapping with UUID ${uuid}`
      : `The event source arn (" ${sourceArn} ") and function (" ${name} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${uuid}`,
  );
}

function find(ctx: Ctx, uuid: string): EventSourceMapping {
  const mapping = ctx.state.eventSourceMappings.get(uuid);
  if (!mapping) throw new AwsError('ResourceNotFoundException', 'The resource you requested does not exist.');
  return mapping;
}

export function getEventSourceMapping(input: GetEventSourceMappingRequest, ctx: Ctx) {
  return find(ctx, input.UUID!).config;
}

export function updateEventSourceMapping(input: UpdateEventSourceMappingRequest, ctx: Ctx) {
  const mapping = find(ctx, input.UUID!);
  const config = mapping.config;
  const kind = sourceKind(config);
  const batchSize = input.BatchSize ?? config.BatchSize!;
  const window = input.MaximumBatchingWindowInSeconds ?? config.MaximumBatchingWindowInSeconds ?? 0;
  checkBatching(kind, batchSize, window);
  checkStreamSettings(kind, input);
  if (input.FilterCriteria) parsePatterns(input.FilterCriteria.Filters);
  if (input.FunctionName) config.FunctionArn = targetArn(ctx, input.FunctionName);
  config.BatchSize = batchSize;
  config.MaximumBatchingWindowInSeconds = window;
  if (input.FilterCriteria) config.FilterCriteria = input.FilterCriteria.Filters?.length ? input.FilterCriteria : undefined;
  if (input.FunctionResponseTypes) config.FunctionResponseTypes = input.FunctionResponseTypes;
  if (input.ScalingConfig) config.ScalingConfig = input.ScalingConfig;
  for (const key of ['MaximumRecordAgeInSeconds', 'BisectBatchOnFunctionError', 'MaximumRetryAttempts', 'ParallelizationFactor', 'TumblingWindowInSeconds', 'DestinationConfig'] as const) {
    if (input[key] !== undefined) Object.assign(config, { [key]: input[key] });
  }
  if (input.Enabled !== undefined) config.State = input.Enabled ? 'Enabled' : 'Disabled';
  config.LastModified = ctx.emulator.clock.date();
  return { ...config, State: input.Enabled === false ? 'Disabling' : input.Enabled === true && config.State === 'Enabled' ? 'Enabling' : 'Updating' };
}

export function deleteEventSourceMapping(input: DeleteEventSourceMappingRequest, ctx: Ctx) {
  const mapping = find(ctx, input.UUID!);
  ctx.state.pollers.get(input.UUID!)?.();
  ctx.state.pollers.delete(input.UUID!);
  ctx.state.eventSourceMappings.delete(input.UUID!);
  return { ...mapping.config, State: 'Deleting' };
}

export function listEventSourceMappings(input: ListEventSourceMappingsRequest, ctx: Ctx) {
  let fnArn: string | undefined;
  if (input.FunctionName) {
    const ref = parseFunctionRef(ctx.state, input.FunctionName);
    fnArn = functionArn(ctx.state.region, ctx.state.accountId, ref.name, ref.qualifier);
  }
  const all = [...ctx.state.eventSourceMappings.values()]
    .map((m) => m.config)
    .filter((c) => (!input.EventSourceArn || c.EventSourceArn === input.EventSourceArn) && (!fnArn || c.FunctionArn === fnArn));
  const { items, next } = page(all, input.Marker, input.MaxItems, 100);
  return { EventSourceMappings: items, NextMarker: next };
}
