import type {
  DescribeKinesisStreamingDestinationCommandInput,
  KinesisStreamingDestinationInput,
  UpdateKinesisStreamingDestinationCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { validation } from '../errors.ts';
import { kinesisStreamMissing, startKinesisDelivery } from '../kinesis-delivery.ts';
import type { DynamoState } from '../state.ts';

type Ctx = RequestContext<DynamoState>;

/**
 * Kinesis Data Streams destinations of a table (settings and statuses). When the emulator serves Kinesis, the
 * stream must exist and item changes are delivered to it (kinesis-delivery.ts).
 */
export async function enableKinesisStreamingDestination(input: KinesisStreamingDestinationInput, ctx: Ctx) {
  const table = ctx.state.namedTable(input.TableName!);
  if (await kinesisStreamMissing(ctx.emulator, input.StreamArn!, ctx.caller, ctx.region)) {
    throw validation(`Kinesis stream ${input.StreamArn} does not exist or is not accessible.`);
  }
  startKinesisDelivery(ctx.state, ctx.emulator);
  const precision = input.EnableKinesisStreamingConfiguration?.ApproximateCreationDateTimePrecision;
  table.kinesisDestinations.set(input.StreamArn!, { status: 'ACTIVE', precision });
  return {
    TableName: table.name,
    StreamArn: input.StreamArn,
    DestinationStatus: 'ENABLING',
    EnableKinesisStreamingConfiguration: input.EnableKinesisStreamingConfiguration ?? {},
  };
}

export function disableKinesisStreamingDestination(input: KinesisStreamingDestinationInput, ctx: Ctx) {
  const table = ctx.state.namedTable(input.TableName!);
  const destination = table.kinesisDestinations.get(input.StreamArn!);
  if (!destination || destination.status !== 'ACTIVE') {
    throw validation(`Table is not in a valid state to disable Kinesis Streaming Destination: No streaming destination with streamArn: ${input.StreamArn} found for table with tableName: ${table.name}`);
  }
  destination.status = 'DISABLED';
  return {
    TableName: table.name,
    StreamArn: input.StreamArn,
    DestinationStatus: 'DISABLING',
    EnableKinesisStreamingConfiguration: input.EnableKinesisStreamingConfiguration,
  };
}

export function describeKinesisStreamingDestination(input: DescribeKinesisStreamingDestinationCommandInput, ctx: Ctx) {
  const table = ctx.state.namedTable(input.TableName!);
  return {
    TableName: table.name,
    KinesisDataStreamDestinations: [...table.kinesisDestinations].map(([arn, d]) => ({
      StreamArn: arn,
      DestinationStatus: d.status,
      ApproximateCreationDateTimePrecision: d.precision,
    })),
  };
}

export function updateKinesisStreamingDestination(input: UpdateKinesisStreamingDestinationCommandInput, ctx: Ctx) {
  const table = ctx.state.namedTable(input.TableName!);
  const precision = input.UpdateKinesisStreamingConfiguration?.ApproximateCreationDateTimePrecision;
  if (!precision) {
    throw validation(
      'Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values',
    );
  }
  const destination = table.kinesisDestinations.get(input.StreamArn!);
  if (!destination || destination.status !== 'ACTIVE') {
    throw validation(
      `Table is not in a valid state to enable Kinesis Streaming Destination: No streaming destination with streamArn: ${input.StreamArn} found for table with tableName: ${table.name}`,
    );
  }
  if ((destination.precision ?? 'MILLISECOND') === precision) {
    throw validation(`Invalid Request: Precision is already set to the desired value of ${precision} for tableId: ${table.id}, kdsArn: ${input.StreamArn}`);
  }
  destination.precision = precision;
  return {
    TableName: table.name,
    StreamArn: input.StreamArn,
    DestinationStatus: 'UPDATING',
    UpdateKinesisStreamingConfiguration: input.UpdateKinesisStreamingConfiguration,
  };
}
