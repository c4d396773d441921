import type { GetLogEventsRequest, GetLogEventsResponse } from '@aws-sdk/client-cloudwatch-logs';
import type { RequestContext } from '../../../core/service.ts';
import { invalidToken } from '../errors.ts';
import { findGroup, findStream, retained } from '../groups.ts';
import type { LogsState } from '../state.ts';
import { shown } from '../data-protection.ts';

/** AWS returns at most 10,000 events or 1 MB per call. */
const MAX_EVENTS = 10_000;
const MAX_BYTES = 1_048_576;

/** AWS's token shape: a direction and a 56-digit position. */
function token(direction: 'f' | 'b', position: number): string {
  return `${direction}/${String(position).padStart(56, '0')}`;
}

export function getLogEvents(input: GetLogEventsRequest, ctx: RequestContext<LogsState>): GetLogEventsResponse {
  const group = findGroup(ctx.state, input);
  const stream = findStream(group, input.logStreamName!);
  let parsed: { direction: string; position: number } | undefined;
  if (input.nextToken !== undefined) {
    const m = /^([fb])\/(\d{56})$/.exec(input.nextToken);
    if (!m) throw invalidToken();
    parsed = { direction: m[1], position: Number(m[2]) };
  }
  // Events with a timestamp at or after endTime are not included.
  const events = retained(group, stream, ctx.emulator.clock.now()).filter(
    (e) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp < input.endTime),
  );
  const limit = Math.min(input.limit ?? MAX_EVENTS, MAX_EVENTS);
  const forward = parsed ? parsed.direction === 'f' : input.startFromHead === true;
  let start: number;
  let end: number;
  if (forward) {
    start = Math.min(parsed?.position ?? 0, events.length);
    end = start;
    let bytes = 0;
    while (end < events.length && end - start < limit && bytes + Buffer.byteLength(events[end].message) <= MAX_BYTES) bytes += Buffer.byteLength(events[end++].message);
  } else {
    end = Math.min(parsed?.position ?? events.length, events.length);
    start = end;
    let bytes = 0;
    while (start > 0 && end - start < limit && bytes + Buffer.byteLength(events[start - 1].message) <= MAX_BYTES) bytes += Buffer.byteLength(events[--start].message);
  }
  return {
    events: events.slice(start, end).map((e) => ({ timestamp: e.timestamp, message: shown(e, input.unmask), ingestionTime: e.ingestionTime })),
    nextForwardToken: token('f', end),
    nextBackwardToken: token('b', start),
  };
}
