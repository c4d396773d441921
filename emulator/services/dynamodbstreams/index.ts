import type {
  DescribeStreamInput,
  GetRecordsInput,
  GetShardIteratorInput,
  ListStreamsInput,
  StreamDescription,
} from '@aws-sdk/client-dynamodb-streams';
import { mayAccess, notAuthorized } from '../../core/access.ts';
import { parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { Handler, RequestContext, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import type { DynamoState } from '../dynamodb/state.ts';
import type { TableStream } from '../dynamodb/streams.ts';
import { checkNotTrimmed, decodeIterator, encodeIterator, positionFor } from './iterators.ts';

/** DynamoDB Streams reads the streams that the DynamoDB service of the same account and region records. */
type Ctx = RequestContext<unknown>;

const MAX_RECORDS = 1000;

function dynamo(ctx: Ctx, accountId = ctx.accountId): DynamoState {
  return ctx.emulator.state<DynamoState>('dynamodb', accountId, ctx.region);
}

const validation = (message: string) => new AwsError('ValidationException', message, { status: 400 });

/**
 * A stream ARN names its account: another account reaches the stream only where the stream's own resource policy
 * allows the action (DescribeStream, GetShardIterator and GetRecords cross accounts; ListStreams does not).
 */
function streamFor(ctx: Ctx, arn: string): TableStream {
  const parsed = parseArn(arn);
  const owner = parsed && /^\d{12}$/.test(parsed.accountId) && parsed.region === ctx.region ? parsed.accountId : ctx.accountId;
  const state = dynamo(ctx, owner);
  const stream = state.streams.streams.get(arn);
  const action = `dynamodb:${ctx.operation}`;
  if (owner !== ctx.caller.accountId && !mayAccess(ctx, action, arn, owner, stream?.resourcePolicy?.policy)) {
    throw new AwsError('AccessDeniedException', notAuthorized(ctx.caller, action, arn), { status: 400 });
  }
  if (!stream) throw new AwsError('ResourceNotFoundException', `Requested resource not found: Stream: ${arn} not found`);
  state.streams.trim(stream, ctx.emulator.clock.now());
  return stream;
}

function describe(stream: TableStream): StreamDescription {
  return {
    StreamArn: stream.arn,
    StreamLabel: stream.label,
    StreamStatus: stream.status,
    StreamViewType: stream.viewType,
    CreationRequestDateTime: stream.created,
    TableName: stream.tableName,
    KeySchema: stream.keySchema,
    Shards: [
      {
        ShardId: stream.shardId,
        SequenceNumberRange: {
          StartingSequenceNumber: stream.startingSequenceNumber.toString(),
          EndingSequenceNumber: stream.endingSequenceNumber?.toString(),
        },
      },
    ],
  };
}

const handlers: Record<string, Handler> = {
  ListStreams(input: ListStreamsInput, ctx: Ctx) {
    const all = [...dynamo(ctx).streams.streams.values()].filter((s) => !input.TableName || s.tableName === input.TableName);
    let start = 0;
    if (input.ExclusiveStartStreamArn) start = all.findIndex((s) => s.arn === input.ExclusiveStartStreamArn) + 1;
    const limit = input.Limit ?? 100;
    const page = all.slice(start, start + limit);
    return {
      Streams: page.map((s) => ({ StreamArn: s.arn, TableName: s.tableName, StreamLabel: s.label })),
      LastEvaluatedStreamArn: start + limit < all.length ? page[page.length - 1].arn : undefined,
    };
  },

  DescribeStream(input: DescribeStreamInput, ctx: Ctx) {
    const description = describe(streamFor(ctx, input.StreamArn!));
    // One shard per stream: a start after it leaves nothing to list.
    if (input.ExclusiveStartShardId !== undefined && input.ExclusiveStartShardId === description.Shards![0].ShardId) description.Shards = [];
    return { StreamDescription: description };
  },

  GetShardIterator(input: GetShardIteratorInput, ctx: Ctx) {
    const stream = streamFor(ctx, input.StreamArn!);
    if (input.ShardId !== stream.shardId) {
      throw new AwsError('ResourceNotFoundException', `Requested resource not found: Shard does not exist`);
    }
    const type = input.ShardIteratorType!;
    if ((type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') && input.SequenceNumber === undefined) {
      throw validation(`Must provide a sequence number for iterator type ${type}`);
    }
    if (type !== 'AT_SEQUENCE_NUMBER' && type !== 'AFTER_SEQUENCE_NUMBER' && input.SequenceNumber !== undefined) {
      throw validation(`Sequence number must not be provided for iterator type ${type}`);
    }
    const position = positionFor(stream, type, input.SequenceNumber);
    return { ShardIterator: encodeIterator(stream, position, ctx.emulator.clock.now()) };
  },

  GetRecords(input: GetRecordsInput, ctx: Ctx) {
    const iterator = decodeIterator(input.ShardIterator!, ctx.emulator.clock.now());
    const stream = streamFor(ctx, iterator.streamArn);
    checkNotTrimmed(stream, iterator.position);
    const limit = Math.min(input.Limit ?? MAX_RECORDS, MAX_RECORDS);
    const records = [...stream.records.values()].filter((r) => r.sequenceNumber >= iterator.position).slice(0, limit);
    const next = records.length ? records[records.length - 1].sequenceNumber + 1n : iterator.position;
    const closed = stream.endingSequenceNumber !== undefined && next > stream.endingSequenceNumber;
    return {
      Records: records.map((r) => r.record),
      NextShardIterator: closed ? undefined : encodeIterator(stream, next, ctx.emulator.clock.now()),
    };
  },
};

const service: ServiceDefinition<unknown> = {
  name: 'dynamodbstreams',
  model: loadModel('dynamodbstreams'),
  validation: 'coral',
  handlers,
  createState: () => ({}),
  responseCrc32: true,
  jsonErrorType(code) {
    if (code === 'ValidationException') return 'com.amazon.coral.validate#ValidationException';
    return `com.amazonaws.dynamodb.v20120810#${code}`;
  },
};

export default service;
