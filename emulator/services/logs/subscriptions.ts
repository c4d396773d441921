import { gzipSync } from 'node:zlib';
import { parseArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { eventId } from './operations/filter-log-events.ts';
import type { LogEvent, LogGroup, LogsState, LogStream } from './state.ts';

/**
 * Subscription filters send matching events to their destination in AWS's format: a gzipped, base64-encoded
 * DATA_MESSAGE, which a Lambda function receives as `{"awslogs": {"data": ...}}`. (Kinesis and Firehose destinations
 * need binary record data, which the delivery layer does not carry yet.)
 */
export function forwardToSubscriptions(ctx: RequestContext<LogsState>, group: LogGroup, stream: LogStream, events: LogEvent[]): void {
  const streamIndex = [...group.streams.keys()].indexOf(stream.name);
  for (const filter of group.subscriptionFilters.values()) {
    const matching = events.filter((e) => filter.compiled.match(e.message));
    if (!matching.length || parseArn(filter.destinationArn)?.service !== 'lambda') continue;
    const message = {
      messageType: 'DATA_MESSAGE',
      owner: ctx.state.accountId,
      logGroup: group.name,
      logStream: stream.name,
      subscriptionFilters: [filter.name],
      logEvents: matching.map((e) => ({ id: eventId(e.timestamp, streamIndex, e.seq), timestamp: e.timestamp, message: e.message })),
    };
    const data = gzipSync(JSON.stringify(message)).toString('base64');
    ctx.emulator.deliverInBackground(
      filter.destinationArn,
      { body: JSON.stringify({ awslogs: { data } }) },
      { servicePrincipal: 'logs.amazonaws.com', sourceArn: ctx.state.groupArn(group.name), accountId: ctx.state.accountId, region: ctx.region },
    );
  }
}
