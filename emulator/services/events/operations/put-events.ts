import { randomUUID } from 'node:crypto';
import type { PutEventsRequest, PutEventsRequestEntry, PutEventsResponse, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { evaluateAccess, notAuthorized } from '../../../core/access.ts';
import { parseArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { busNameOf } from '../buses.ts';
import { newEvent, parseDetail, routeEvent } from '../dispatch.ts';
import { validation } from '../errors.ts';
import { endpointRoutes, type EndpointRoute } from '../global-endpoints.ts';
import type { EventBus, EventsState } from '../state.ts';

type Ctx = RequestContext<EventsState>;

/** AWS's limit on a PutEvents request: 256 KB, counted as AWS counts entry sizes. */
const MAX_REQUEST_BYTES = 256 * 1024;

export function putEvents(input: PutEventsRequest, ctx: Ctx): PutEventsResponse {
  const entries = input.Entries!;
  if (entries.reduce((total, e) => total + entrySize(e), 0) > MAX_REQUEST_BYTES) {
    throw validation('Total size of the entries in the request is over the limit.');
  }
  // Through a global endpoint, every entry goes to the endpoint's bus in the region(s) its routing picks now.
  const routes = input.EndpointId === undefined ? undefined : endpointRoutes(ctx, input.EndpointId);
  const results: PutEventsResultEntry[] = entries.map((entry) => putEntry(entry, ctx, routes));
  return { FailedEntryCount: results.filter((r) => r.ErrorCode).length, Entries: results };
}

/** https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html */
function entrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time ? 14 : 0;
  for (const text of [entry.Source, entry.DetailType, entry.Detail, ...(entry.Resources ?? [])]) if (text) size += Buffer.byteLength(text);
  return size;
}

function failure(code: string, message: string): PutEventsResultEntry {
  return { ErrorCode: code, ErrorMessage: message };
}

function putEntry(entry: PutEventsRequestEntry, ctx: Ctx, routes: EndpointRoute[] | undefined): PutEventsResultEntry {
  if (!entry.Source) return failure('InvalidArgument', 'Parameter Source is not valid. Reason: Source is a required argument.');
  if (!entry.DetailType) return failure('InvalidArgument', 'Parameter DetailType is not valid. Reason: DetailType is a required argument.');
  if (!entry.Detail) return failure('InvalidArgument', 'Parameter Detail is not valid. Reason: Detail is a required argument.');
  const detail = parseDetail(entry.Detail);
  if (!detail) return failure('MalformedDetail', 'Detail is malformed.');
  const time = entry.Time ? new Date(entry.Time) : ctx.emulator.clock.date();
  if (routes) {
    const ids = routes.map(({ state, bus }) => {
      const event = newEvent({ source: entry.Source!, detailType: entry.DetailType!, detail, account: state.accountId, region: state.region, time, resources: entry.Resources });
      routeEvent(state, ctx.emulator, bus, event);
      return event.id;
    });
    return { EventId: ids[0] ?? randomUUID() };
  }
  const { bus, state, denied } = targetBus(entry.EventBusName, ctx);
  if (denied) {
    return failure('AccessDeniedException', notAuthorized(ctx.caller, 'events:PutEvents', denied.arn));
  }
  const event = newEvent({ source: entry.Source, detailType: entry.DetailType, detail, account: state.accountId, region: state.region, time, resources: entry.Resources });
  // AWS accepts an event for a bus that does not exist, and drops it (recorded: an EventId, no failure).
  if (bus) routeEvent(state, ctx.emulator, bus, event);
  return { EventId: event.id };
}

/**
 * The bus an entry goes to: the caller's own, or one in another account or region named by ARN, whose policy must let
 * the caller put events (else `denied` names it).
 */
function targetBus(nameOrArn: string | undefined, ctx: Ctx): { bus?: EventBus; state: EventsState; denied?: EventBus } {
  const arn = nameOrArn ? parseArn(nameOrArn) : undefined;
  if (!arn || (arn.accountId === ctx.accountId && arn.region === ctx.region)) {
    return { bus: ctx.state.buses.get(busNameOf(nameOrArn)), state: ctx.state };
  }
  const state = ctx.emulator.state<EventsState>('events', arn.accountId, arn.region).ensureDefaultBus(ctx.emulator.clock.date());
  const bus = state.buses.get(busNameOf(nameOrArn));
  // Another account's bus takes events when its policy allows the sending account (for a rule targeting the bus too).
  const sender = { ...ctx.caller, servicePrincipal: undefined };
  if (bus && arn.accountId !== ctx.caller.accountId && ctx.emulator.crossAccount !== 'open' && evaluateAccess(sender, 'events:PutEvents', bus.arn, arn.accountId, bus.policy) === 'deny') {
    return { state, denied: bus };
  }
  return { bus, state };
}
