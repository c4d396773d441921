import { parseArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { busNameOf } from './buses.ts';
import { notFound } from './errors.ts';
import type { EventBus, EventsState, GlobalEndpoint } from './state.ts';

/** A bus an event put through a global endpoint goes to, with the state (region) that owns it. */
export interface EndpointRoute {
  state: EventsState;
  bus: EventBus;
}

/**
 * The global endpoint an EndpointId names, in any region of the caller's account (a PutEvents to a global endpoint is
 * signed with SigV4a for every region, so the request's region need not be the endpoint's home region).
 */
function endpointById(ctx: RequestContext<EventsState>, endpointId: string): GlobalEndpoint | undefined {
  for (const [service, store] of ctx.emulator.stores()) {
    if (service !== 'events') continue;
    for (const [, state] of store.entries()) {
      const events = state as EventsState;
      if (events.accountId !== ctx.accountId) continue;
      for (const endpoint of events.endpoints.values()) if (endpoint.endpointId === endpointId) return endpoint;
    }
  }
  return undefined;
}

/**
 * Where an event put through a global endpoint goes, as the EventBridge User Guide ("Making applications
 * Regional-fault tolerant with global endpoints") describes: to the primary region's bus while the primary is healthy
 * — and to the secondary region's bus too when event replication is ENABLED — and to the secondary region's bus alone
 * when the primary is unhealthy. The health check is a Route 53 health check, which twinstack does not serve: the
 * primary counts as unhealthy when its event bus does not exist (was deleted), the failure twinstack can observe.
 */
export function endpointRoutes(ctx: RequestContext<EventsState>, endpointId: string): EndpointRoute[] {
  const endpoint = endpointById(ctx, endpointId);
  if (!endpoint) throw notFound(`Endpoint with id ${endpointId} does not exist.`);
  const home = parseArn(endpoint.arn)!.region;
  const secondary = endpoint.routingConfig.FailoverConfig!.Secondary!.Route!;
  const busIn = (region: string): EndpointRoute | undefined => {
    const arn = endpoint.eventBuses.find((b) => parseArn(b.EventBusArn!)?.region === region)?.EventBusArn;
    const state = ctx.emulator.state<EventsState>('events', ctx.accountId, region).ensureDefaultBus(ctx.emulator.clock.date());
    const bus = arn === undefined ? undefined : state.buses.get(busNameOf(arn));
    return bus && { state, bus };
  };
  const primary = busIn(home);
  const fallback = busIn(secondary);
  if (!primary) return fallback ? [fallback] : [];
  return endpoint.replicationConfig.State !== 'DISABLED' && fallback ? [primary, fallback] : [primary];
}
