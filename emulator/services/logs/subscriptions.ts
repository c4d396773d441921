import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { parseArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { roleSession } from '../../delivery/role.ts';
import type { DeliveryPayload, DeliverySource } from '../../delivery/types.ts';
import { eventId } from './operations/filter-log-events.ts';
import { filteredText, type LogDestination, type LogEvent, type LogGroup, type LogsState, type LogStream, type SubscriptionFilter } from './state.ts';

/**
 * The payload of a subscription delivery in AWS's format: the gzipped JSON message, which Kinesis and Firehose get
 * as the record's bytes and a Lambda function as `{"awslogs": {"data": <base64>}}`. Kinesis records of one log
 * stream share a partition key (distribution ByLogStream) unless the filter distributes them at random.
 */
function payloadFor(destinationArn: string, message: object, filter: SubscriptionFilter | undefined, streamName: string): DeliveryPayload {
  const data = gzipSync(JSON.stringify(message));
  if (parseArn(destinationArn)?.service === 'lambda') return { body: JSON.stringify({ awslogs: { data: data.toString('base64') } }) };
  return { body: '', data, partitionKey: filter?.distribution === 'Random' ? randomUUID() : streamName || randomUUID() };
}

function sourceFor(ctx: RequestContext<LogsState>, groupName: string, roleArn: string | undefined): DeliverySource {
  // Kinesis and Firehose destinations are written as the filter's role.
  const asCaller = roleSession(roleArn, 'CWLtoDestination');
  return { servicePrincipal: 'logs.amazonaws.com', sourceArn: ctx.state.groupArn(groupName), accountId: ctx.state.accountId, region: ctx.region, asCaller };
}

/**
 * Subscription filters send matching events to their destination (Lambda, Kinesis, Firehose) in AWS's format: a
 * gzipped DATA_MESSAGE naming the group, stream and filter.
 */
export function forwardToSubscriptions(ctx: RequestContext<LogsState>, group: LogGroup, stream: LogStream, events: LogEvent[]): void {
  const streamIndex = [...group.streams.keys()].indexOf(stream.name);
  for (const filter of group.subscriptionFilters.values()) {
    const matching = events.filter((e) => filter.compiled.match(filteredText(e, filter)));
    if (!matching.length) continue;
    const message = {
      messageType: 'DATA_MESSAGE',
      owner: ctx.state.accountId,
      logGroup: group.name,
      logStream: stream.name,
      subscriptionFilters: [filter.name],
      logEvents: matching.map((e) => ({ id: eventId(e.timestamp, streamIndex, e.seq), timestamp: e.timestamp, message: filteredText(e, filter) })),
    };
    const via = destinationOf(ctx, filter.destinationArn);
    if (via) {
      // A destination forwards to its target as its own account, with its role.
      const source = { ...sourceFor(ctx, group.name, via.roleArn), accountId: parseArn(via.arn)!.accountId };
      ctx.emulator.deliverInBackground(via.targetArn, payloadFor(via.targetArn, message, filter, stream.name), source);
    } else ctx.emulator.deliverInBackground(filter.destinationArn, payloadFor(filter.destinationArn, message, filter, stream.name), sourceFor(ctx, group.name, filter.roleArn));
  }
}

/** The CloudWatch Logs destination an ARN names (`arn:...:logs:region:account:destination:name`), in its own account and region. */
export function destinationOf(ctx: RequestContext<LogsState>, arn: string): LogDestination | undefined {
  const parts = parseArn(arn);
  if (parts?.service !== 'logs' || !parts.resource.startsWith('destination:')) return undefined;
  return ctx.emulator.state<LogsState>('logs', parts.accountId, parts.region).destinations.get(parts.resource.slice('destination:'.length));
}

/**
 * The CONTROL_MESSAGE CloudWatch Logs writes to a Kinesis or Firehose destination when a subscription filter is put,
 * to check that it can deliver; resolves false when the destination refuses it (missing, not allowed).
 */
export async function checkDestination(ctx: RequestContext<LogsState>, groupName: string, destinationArn: string, roleArn: string | undefined): Promise<boolean> {
  const vendor = parseArn(destinationArn)?.service === 'firehose' ? 'Firehose' : 'Kinesis';
  const message = {
    messageType: 'CONTROL_MESSAGE',
    owner: 'CloudwatchLogs',
    logGroup: '',
    logStream: '',
    subscriptionFilters: [],
    logEvents: [{ id: '', timestamp: ctx.emulator.clock.now(), message: `CWL CONTROL MESSAGE: Checking health of destination ${vendor === 'Firehose' ? 'Firehose' : 'Kinesis stream'}.` }],
  };
  try {
    await ctx.emulator.deliver(destinationArn, payloadFor(destinationArn, message, undefined, ''), sourceFor(ctx, groupName, roleArn));
    return true;
  } catch {
    return false;
  }
}
