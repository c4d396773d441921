import type { FilterLogEventsRequest, FilterLogEventsResponse, FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, invalidToken } from '../errors.ts';
import { FilterPattern } from '../filter-pattern/index.ts';
import { findGroup, retained } from '../groups.ts';
import type { LogsState } from '../state.ts';
import { shown } from '../data-protection.ts';

const MAX_EVENTS = 10_000;
const MAX_BYTES = 1_048_576;

/** A 56-digit event id that orders like the event: timestamp, stream, arrival. */
export function eventId(timestamp: number, streamIndex: number, seq: number): string {
  return `${String(timestamp).padStart(20, '0')}${String(streamIndex).padStart(10, '0')}${String(seq).padStart(26, '0')}`;
}

export function parsePattern(text: string | undefined): FilterPattern {
  try {
    return FilterPattern.parse(text ?? '');
  } catch {
    throw invalidParameter('Invalid filter pattern');
  }
}

export function filterLogEvents(input: FilterLogEventsRequest, ctx: RequestContext<LogsState>): FilterLogEventsResponse {
  const group = findGroup(ctx.state, input);
  if (input.logStreamNames && input.logStreamNamePrefix !== undefined) {
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  }
  let after = '';
  if (input.nextToken !== undefined) {
    const decoded = Buffer.from(input.nextToken, 'base64url').toString('utf8');
    if (!/^e\/\d{56}$/.test(decoded)) throw invalidToken();
    after = decoded.slice(2);
  }
  const pattern = parsePattern(input.filterPattern);
  const now = ctx.emulator.clock.now();
  const candidates: FilteredLogEvent[] = [];
  [...group.streams.values()].forEach((stream, streamIndex) => {
    if (input.logStreamNames && !input.logStreamNames.includes(stream.name)) return;
    if (input.logStreamNamePrefix && !stream.name.startsWith(input.logStreamNamePrefix)) return;
    for (const e of retained(group, stream, now)) {
      if (input.startTime !== undefined && e.timestamp < input.startTime) continue;
      if (input.endTime !== undefined && e.timestamp > input.endTime) continue;
      const id = eventId(e.timestamp, streamIndex, e.seq);
      if (id <= after || !pattern.match(e.message)) continue;
      candidates.push({ logStreamName: stream.name, timestamp: e.timestamp, message: shown(e, input.unmask), ingestionTime: e.ingestionTime, eventId: id });
    }
  });
  candidates.sort((a, b) => (a.eventId! < b.eventId! ? -1 : 1));
  const limit = Math.min(input.limit ?? MAX_EVENTS, MAX_EVENTS);
  const events: FilteredLogEvent[] = [];
  let bytes = 0;
  for (const e of candidates) {
    if (events.length >= limit || bytes + Buffer.byteLength(e.message!) > MAX_BYTES) break;
    bytes += Buffer.byteLength(e.message!);
    events.push(e);
  }
  const more = events.length < candidates.length;
  return {
    events,
    searchedLogStreams: [],
    nextToken: more ? Buffer.from(`e/${events[events.length - 1].eventId}`).toString('base64url') : undefined,
  };
}
