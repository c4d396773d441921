import type { GetLogGroupFieldsRequest, GetLogGroupFieldsResponse, GetLogObjectRequest, GetLogRecordRequest, GetLogRecordResponse } from '@aws-sdk/client-cloudwatch-logs';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { findGroup, retained } from '../groups.ts';
import type { LogsState } from '../state.ts';
import { eventRow } from './insights.ts';

type Ctx = RequestContext<LogsState>;

/** GetLogGroupFields looks at the events of the 15 minutes up to `time`. */
const WINDOW_MS = 15 * 60_000;

/** The fields of a group's recent events, with the share of events that carry each. */
export function getLogGroupFields(input: GetLogGroupFieldsRequest, ctx: Ctx): GetLogGroupFieldsResponse {
  const group = findGroup(ctx.state, input);
  const now = ctx.emulator.clock.now();
  const end = input.time === undefined ? now : input.time * 1000;
  const counts = new Map<string, number>();
  let total = 0;
  for (const stream of group.streams.values()) {
    for (const e of retained(group, stream, now)) {
      if (e.timestamp < end - WINDOW_MS || e.timestamp > end) continue;
      total++;
      for (const field of eventRow(ctx.state, group, stream, e).keys()) {
        if (field !== '@timestamp#ms' && field !== '@ptr') counts.set(field, (counts.get(field) ?? 0) + 1);
      }
    }
  }
  return { logGroupFields: [...counts].map(([name, count]) => ({ name, percent: Math.round((count * 100) / total) })) };
}

/** One event's fields, from the `@ptr` a query result gave. */
export function getLogRecord(input: GetLogRecordRequest, ctx: Ctx): GetLogRecordResponse {
  const [groupName, streamName, seq, extra] = Buffer.from(input.logRecordPointer!, 'base64').toString('utf8').split('\n');
  if (streamName === undefined || extra !== undefined || !/^\d+$/.test(seq ?? '')) throw invalidParameter('Invalid logRecordPointer.');
  const group = findGroup(ctx.state, { logGroupName: groupName });
  const stream = group.streams.get(streamName);
  const event = stream && retained(group, stream, ctx.emulator.clock.now()).find((e) => e.seq === Number(seq));
  if (!stream || !event) throw notFound('The specified log record does not exist.');
  const row = eventRow(ctx.state, group, stream, event, input.unmask);
  row.delete('@timestamp#ms');
  row.delete('@ptr');
  return { logRecord: Object.fromEntries([...row].map(([k, v]) => [k, String(v)])) };
}

/**
 * A large log object (the excess of an oversized field) by its pointer. AWS makes them only for events ingested
 * through its OpenTelemetry (OTLP) logs endpoint, which twinstack does not serve, so none exists here.
 */
export function getLogObject(input: GetLogObjectRequest): never {
  throw notFound(`The specified log object does not exist: ${input.logObjectPointer}`);
}
