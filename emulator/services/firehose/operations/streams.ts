import type {
  CreateDeliveryStreamInput,
  DeleteDeliveryStreamInput,
  DescribeDeliveryStreamInput,
  ListDeliveryStreamsInput,
} from '@aws-sdk/client-firehose';
import { buildArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { DESTINATION_KINDS, FIRST_DESTINATION_ID, type Destination } from '../destinations.ts';
import { invalidArgument, limitExceeded, resourceInUse } from '../errors.ts';
import { startKinesisSource } from '../kinesis-source.ts';
import type { FirehoseState } from '../state.ts';
import { DeliveryStream } from '../stream.ts';
import { addTags } from '../tags.ts';
import { validateDestination } from '../validation.ts';
import { encryptionFrom } from './encryption.ts';

type Ctx = RequestContext<FirehoseState>;

/** Delivery streams per account and region (AWS's default quota in most regions). */
const MAX_STREAMS = 5000;

function destinationOf(input: CreateDeliveryStreamInput): Destination {
  const given = DESTINATION_KINDS.filter((kind) => input[`${kind}DestinationConfiguration`] !== undefined);
  const legacyS3 = input.S3DestinationConfiguration !== undefined;
  if (given.length + (legacyS3 ? 1 : 0) !== 1) throw invalidArgument('Exactly one destination configuration is supported for a Firehose');
  // The legacy S3DestinationConfiguration makes an Extended S3 destination too, described in both forms as on AWS.
  if (legacyS3) return { id: FIRST_DESTINATION_ID, kind: 'ExtendedS3', config: { ...input.S3DestinationConfiguration } };
  const kind = given[0];
  return { id: FIRST_DESTINATION_ID, kind, config: { ...(input[`${kind}DestinationConfiguration`] as object) } };
}

export function createDeliveryStream(input: CreateDeliveryStreamInput, ctx: Ctx) {
  const { state } = ctx;
  const name = input.DeliveryStreamName!;
  const type = input.DeliveryStreamType ?? 'DirectPut';
  if (type === 'KinesisStreamAsSource' && !input.KinesisStreamSourceConfiguration) {
    throw invalidArgument('KinesisStreamSourceConfiguration is required for delivery streams of type KinesisStreamAsSource.');
  }
  if (type !== 'KinesisStreamAsSource' && input.KinesisStreamSourceConfiguration) {
    throw invalidArgument(`KinesisStreamSourceConfiguration is not supported for delivery streams of type ${type}.`);
  }
  if (type === 'MSKAsSource' && !input.MSKSourceConfiguration) throw invalidArgument('MSKSourceConfiguration is required for delivery streams of type MSKAsSource.');
  if (type === 'DatabaseAsSource' && !input.DatabaseSourceConfiguration) {
    throw invalidArgument('DatabaseSourceConfiguration is required for delivery streams of type DatabaseAsSource.');
  }
  if (input.DeliveryStreamEncryptionConfigurationInput && type !== 'DirectPut') {
    throw invalidArgument(`Server-side encryption is not supported for delivery streams of type ${type}.`);
  }
  const destination = destinationOf(input);
  validateDestination(destination);
  const encryption = input.DeliveryStreamEncryptionConfigurationInput ? encryptionFrom(input.DeliveryStreamEncryptionConfigurationInput) : undefined;
  if (state.streams.has(name)) throw resourceInUse(`Firehose ${name} under accountId ${state.accountId} already exists`);
  if (state.streams.size >= MAX_STREAMS) {
    throw limitExceeded(`You have already consumed your firehose quota of ${MAX_STREAMS} hoses. Firehose names: ${[...state.streams.keys()].slice(0, 10).join(', ')}...`);
  }
  const tags = new Map<string, string>();
  if (input.Tags) addTags(tags, input.Tags, ctx.caller);
  const arn = buildArn({ service: 'firehose', region: state.region, accountId: state.accountId, resource: `deliverystream/${name}` });
  const now = ctx.emulator.clock.date();
  const stream = new DeliveryStream(name, arn, type, now, destination);
  for (const [k, v] of tags) stream.tags.set(k, v);
  if (encryption) stream.encryption = encryption;
  if (input.KinesisStreamSourceConfiguration) {
    stream.kinesisSource = { ...input.KinesisStreamSourceConfiguration, KinesisStreamARN: input.KinesisStreamSourceConfiguration.KinesisStreamARN!, RoleARN: input.KinesisStreamSourceConfiguration.RoleARN!, DeliveryStartTimestamp: now, positions: new Map() };
  } else if (input.DirectPutSourceConfiguration) {
    stream.sourceDescription = { DirectPutSourceDescription: { ...input.DirectPutSourceConfiguration } };
  } else if (input.MSKSourceConfiguration) {
    stream.sourceDescription = { MSKSourceDescription: { ...input.MSKSourceConfiguration, DeliveryStartTimestamp: now } };
  } else if (input.DatabaseSourceConfiguration) {
    stream.sourceDescription = { DatabaseSourceDescription: { ...input.DatabaseSourceConfiguration } };
  }
  state.streams.set(name, stream);
  if (stream.kinesisSource) startKinesisSource(ctx.emulator, state, stream);
  return { DeliveryStreamARN: arn };
}

export function deleteDeliveryStream(input: DeleteDeliveryStreamInput, ctx: Ctx) {
  const stream = ctx.state.stream(input.DeliveryStreamName!);
  stream.stopPolling?.();
  stream.cancelFlush?.();
  ctx.state.streams.delete(stream.name);
  return {};
}

export function describeDeliveryStream(input: DescribeDeliveryStreamInput, ctx: Ctx) {
  return { DeliveryStreamDescription: ctx.state.stream(input.DeliveryStreamName!).describe() };
}

export function listDeliveryStreams(input: ListDeliveryStreamsInput, ctx: Ctx) {
  const limit = input.Limit ?? 10;
  const after = input.ExclusiveStartDeliveryStreamName;
  const names = [...ctx.state.streams.values()]
    .filter((s) => !input.DeliveryStreamType || s.type === input.DeliveryStreamType)
    .map((s) => s.name)
    .sort()
    .filter((name) => after === undefined || name > after);
  return { DeliveryStreamNames: names.slice(0, limit), HasMoreDeliveryStreams: names.length > limit };
}
