import { randomUUID } from 'node:crypto';
import type { LiveTailSessionLogEvent, StartLiveTailRequest } from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter } from '../errors.ts';
import { findGroup } from '../groups.ts';
import { watchIngestion } from '../live-tail.ts';
import type { LogGroup, LogsState } from '../state.ts';
import { parsePattern } from './filter-log-events.ts';

type Ctx = RequestContext<LogsState>;

/** AWS ends a session after three hours, sends updates about once a second, at most 500 events each (then samples). */
const SESSION_MS = 3 * 3_600_000;
const UPDATE_MS = 1000;
const MAX_EVENTS_PER_UPDATE = 500;

/**
 * StartLiveTail: an event stream that opens with `sessionStart` and then sends `sessionUpdate`s with the events the
 * watched groups ingest (filtered by stream names or prefixes and the filter pattern), until the client closes the
 * connection or the three hours pass (then a SessionTimeoutException).
 */
export function startLiveTail(input: StartLiveTailRequest, ctx: Ctx) {
  if (input.logStreamNames && input.logStreamNamePrefixes) {
    throw invalidParameter('logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.');
  }
  if ((input.logStreamNames || input.logStreamNamePrefixes) && input.logGroupIdentifiers!.length !== 1) {
    throw invalidParameter('Only one log group can be specified when logStreamNames or logStreamNamePrefixes are given.');
  }
  const groups = new Map<LogGroup, string>(input.logGroupIdentifiers!.map((identifier) => [findGroup(ctx.state, { logGroupIdentifier: identifier }), identifier]));
  const pattern = parsePattern(input.logEventFilterPattern);
  const streamWanted = (name: string) =>
    (!input.logStreamNames || input.logStreamNames.includes(name)) && (!input.logStreamNamePrefixes || input.logStreamNamePrefixes.some((p) => name.startsWith(p)));

  const start = {
    requestId: ctx.requestId,
    sessionId: randomUUID(),
    logGroupIdentifiers: input.logGroupIdentifiers,
    logStreamNames: input.logStreamNames,
    logStreamNamePrefixes: input.logStreamNamePrefixes,
    logEventFilterPattern: input.logEventFilterPattern,
  };

  async function* session() {
    // The session is an open connection: it lasts three hours of real time.
    const ends = Date.now() + SESSION_MS;
    const pending: LiveTailSessionLogEvent[] = [];
    let wake: (() => void) | undefined;
    // Watching starts with the stream, so a connection closed before it starts leaves nothing behind.
    const stop = watchIngestion(ctx.state, (group, stream, events) => {
      const identifier = groups.get(group);
      if (identifier === undefined || !streamWanted(stream.name)) return;
      for (const e of events) {
        if (pattern.match(e.message)) pending.push({ logStreamName: stream.name, logGroupIdentifier: identifier, message: e.message, timestamp: e.timestamp, ingestionTime: e.ingestionTime });
      }
      wake?.();
    });
    try {
      yield { sessionStart: start };
      while (Date.now() < ends) {
        if (!pending.length) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(UPDATE_MS, ends - Date.now()));
            timer.unref();
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
        }
        if (!pending.length) continue;
        const sampled = pending.length > MAX_EVENTS_PER_UPDATE;
        const results = pending.splice(0).slice(0, MAX_EVENTS_PER_UPDATE);
        yield { sessionUpdate: { sessionMetadata: { sampled }, sessionResults: results } };
      }
      throw new AwsError('SessionTimeoutException', 'Session timed out after 3 hours.');
    } finally {
      stop();
    }
  }
  return { responseStream: session() };
}
