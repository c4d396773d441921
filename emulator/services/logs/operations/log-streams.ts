import type {
  CreateLogStreamRequest,
  DeleteLogStreamRequest,
  DescribeLogStreamsRequest,
  DescribeLogStreamsResponse,
  LogStream as LogStreamShape,
} from '@aws-sdk/client-cloudwatch-logs';
import type { RequestContext } from '../../../core/service.ts';
import { alreadyExists, invalidParameter } from '../errors.ts';
import { findGroup, findStream, retained } from '../groups.ts';
import { page } from '../pages.ts';
import { LogStream, type LogGroup, type LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

export function createLogStream(input: CreateLogStreamRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, input);
  if (group.streams.has(input.logStreamName!)) throw alreadyExists('The specified log stream already exists');
  const arn = `${ctx.state.groupArn(group.name)}:log-stream:${input.logStreamName}`;
  group.streams.set(input.logStreamName!, new LogStream(input.logStreamName!, arn, ctx.emulator.clock.now()));
  return {};
}

export function deleteLogStream(input: DeleteLogStreamRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, input);
  findStream(group, input.logStreamName!);
  group.streams.delete(input.logStreamName!);
  return {};
}

function describeStream(group: LogGroup, stream: LogStream, nowMs: number): LogStreamShape {
  const events = retained(group, stream, nowMs);
  const timestamps = events.map((e) => e.timestamp);
  return {
    logStreamName: stream.name,
    creationTime: stream.created,
    firstEventTimestamp: events.length ? Math.min(...timestamps) : undefined,
    lastEventTimestamp: events.length ? Math.max(...timestamps) : undefined,
    lastIngestionTime: stream.lastIngestionTime,
    uploadSequenceToken: stream.lastIngestionTime === undefined ? undefined : sequenceToken(stream.nextSeq),
    arn: stream.arn,
    storedBytes: 0,
  };
}

/** AWS's sequence tokens are long decimal numbers; PutLogEvents no longer requires them. */
export function sequenceToken(seq: number): string {
  return `4961${String(seq).padStart(52, '0')}`;
}

export function describeLogStreams(input: DescribeLogStreamsRequest, ctx: Ctx): DescribeLogStreamsResponse {
  const group = findGroup(ctx.state, input);
  if (input.orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined) {
    throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
  }
  const now = ctx.emulator.clock.now();
  let streams = [...group.streams.values()].filter((s) => !input.logStreamNamePrefix || s.name.startsWith(input.logStreamNamePrefix));
  if (input.orderBy === 'LastEventTime') {
    const last = (s: LogStream) => retained(group, s, now).reduce((m, e) => Math.max(m, e.timestamp), 0);
    streams.sort((a, b) => last(a) - last(b));
  } else streams.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (input.descending) streams = streams.reverse();
  const { items, nextToken } = page(streams, input.nextToken, input.limit ?? 50);
  return { logStreams: items.map((s) => describeStream(group, s, now)), nextToken };
}
