import type { InputLogEvent, PutLogEventsRequest, PutLogEventsResponse, RejectedLogEventsInfo } from '@aws-sdk/client-cloudwatch-logs';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter } from '../errors.ts';
import { findGroup, findStream } from '../groups.ts';
import { publishMetrics } from '../metric-publisher.ts';
import type { LogEvent, LogsState } from '../state.ts';
import { forwardToSubscriptions } from '../subscriptions.ts';
import { sequenceToken } from './log-streams.ts';
import { countIncoming } from '../incoming-metrics.ts';
import { notifyIngestion } from '../live-tail.ts';
import { mask, maskerFor } from '../data-protection.ts';
import { compileTransformer } from '../transformer/index.ts';

type Ctx = RequestContext<LogsState>;

const DAY_MS = 86_400_000;
/** AWS's limits: 1 MiB per batch counting 26 bytes of overhead per event, 24 hours per batch, events up to 14 days old or 2 hours ahead. */
const MAX_BATCH_BYTES = 1_048_576;
const EVENT_OVERHEAD_BYTES = 26;
const MAX_SPAN_MS = DAY_MS;
const MAX_AGE_MS = 14 * DAY_MS;
const MAX_AHEAD_MS = 2 * 3_600_000;

export function putLogEvents(input: PutLogEventsRequest, ctx: Ctx): PutLogEventsResponse {
  const events = input.logEvents!;
  for (let i = 1; i < events.length; i++) {
    if (events[i].timestamp! < events[i - 1].timestamp!) {
      throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
    }
  }
  if (events.length && events[events.length - 1].timestamp! - events[0].timestamp! > MAX_SPAN_MS) {
    throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  }
  const size = events.reduce((total, e) => total + Buffer.byteLength(e.message!) + EVENT_OVERHEAD_BYTES, 0);
  if (size > MAX_BATCH_BYTES) throw invalidParameter(`Upload too large: ${size} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
  const group = findGroup(ctx.state, input);
  const stream = findStream(group, input.logStreamName!);

  const now = ctx.emulator.clock.now();
  const rejected: RejectedLogEventsInfo = {};
  const retentionLimit = group.retentionInDays === undefined ? -Infinity : now - group.retentionInDays * DAY_MS;
  const accepted: LogEvent[] = [];
  // Masking and transforming happen at ingestion, as on AWS: events put before a policy or transformer stay as they were.
  const masker = maskerFor(ctx.state, group);
  const transformer = group.transformer && compileTransformer(group.transformer.config);
  events.forEach((event: InputLogEvent, index) => {
    const timestamp = event.timestamp!;
    if (timestamp > now + MAX_AHEAD_MS) {
      rejected.tooNewLogEventStartIndex ??= index;
    } else if (timestamp < now - MAX_AGE_MS) {
      rejected.tooOldLogEventEndIndex = index;
    } else if (timestamp < retentionLimit) {
      rejected.expiredLogEventEndIndex = index;
    } else {
      const accept: LogEvent = { timestamp, message: event.message!, ingestionTime: now, seq: stream.nextSeq++ };
      if (masker) accept.masked = mask(masker, accept.message);
      if (transformer) accept.transformed = transformer(accept.message);
      accepted.push(accept);
    }
  });
  if (accepted.length) {
    stream.add(accepted);
    stream.lastIngestionTime = now;
    publishMetrics(ctx, group, accepted);
    countIncoming(ctx.emulator, ctx.state, group.name, accepted);
    notifyIngestion(ctx.state, group, stream, accepted);
    forwardToSubscriptions(ctx, group, stream, accepted);
  }
  return {
    nextSequenceToken: sequenceToken(stream.nextSeq),
    rejectedLogEventsInfo: Object.keys(rejected).length ? rejected : undefined,
  };
}
