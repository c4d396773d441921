import { randomBytes } from 'node:crypto';
import type {
  CreateEndpointRequest,
  CreateEndpointResponse,
  DeleteEndpointRequest,
  DescribeEndpointRequest,
  DescribeEndpointResponse,
  Endpoint,
  ListEndpointsRequest,
  ListEndpointsResponse,
  UpdateEndpointRequest,
  UpdateEndpointResponse,
} from '@aws-sdk/client-eventbridge';
import { parseArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { alreadyExists, limitExceeded, notFound, validation } from '../errors.ts';
import { page } from '../pages.ts';
import type { EventsState, GlobalEndpoint } from '../state.ts';

type Ctx = RequestContext<EventsState>;

/** AWS's default quota of global endpoints per account and region. */
const MAX_ENDPOINTS = 100;

const endpointNotFound = (name: string) => notFound(`Endpoint ${name} does not exist.`);

/**
 * A global endpoint's configuration, checked as the EventBridge API reference describes it: two event buses of the
 * same name, one in this (the primary) region and one in the secondary region the failover route names; event
 * replication needs a role.
 */
function checkConfig(config: Pick<GlobalEndpoint, 'routingConfig' | 'eventBuses' | 'replicationConfig' | 'roleArn'>, ctx: Ctx): void {
  const buses = config.eventBuses.map((b) => ({ arn: b.EventBusArn!, parts: parseArn(b.EventBusArn!) }));
  for (const bus of buses) {
    if (!bus.parts || bus.parts.service !== 'events' || !bus.parts.resource.startsWith('event-bus/')) {
      throw validation(`Parameter EventBuses is not valid. Reason: ${bus.arn} is not a valid event bus ARN.`);
    }
  }
  const [a, b] = buses.map((bus) => bus.parts!);
  if (a.resource !== b.resource) throw validation('Parameter EventBuses is not valid. Reason: The event buses must have the same name.');
  if (a.accountId !== ctx.accountId || b.accountId !== ctx.accountId) throw validation('Parameter EventBuses is not valid. Reason: The event buses must be in this account.');
  const secondary = config.routingConfig.FailoverConfig?.Secondary?.Route;
  if (!config.routingConfig.FailoverConfig?.Primary?.HealthCheck || !secondary) {
    throw validation('Parameter RoutingConfig is not valid. Reason: FailoverConfig needs a Primary HealthCheck and a Secondary Route.');
  }
  if (secondary === ctx.region) throw validation('Parameter RoutingConfig is not valid. Reason: The secondary Route must be a region other than the primary one.');
  const regions = [a.region, b.region].sort();
  if (regions.join() !== [ctx.region, secondary].sort().join()) {
    throw validation(`Parameter EventBuses is not valid. Reason: The event buses must be in the primary region ${ctx.region} and the secondary region ${secondary}.`);
  }
  if (config.replicationConfig?.State !== 'DISABLED' && !config.roleArn) {
    throw validation('Parameter RoleArn is not valid. Reason: A RoleArn is required when event replication is enabled.');
  }
}

export function createEndpoint(input: CreateEndpointRequest, ctx: Ctx): CreateEndpointResponse {
  const name = input.Name!;
  if (ctx.state.endpoints.has(name)) throw alreadyExists(`Endpoint ${name} already exists.`);
  if (ctx.state.endpoints.size >= MAX_ENDPOINTS) throw limitExceeded();
  const config = { routingConfig: input.RoutingConfig!, eventBuses: input.EventBuses!, replicationConfig: input.ReplicationConfig ?? { State: 'ENABLED' as const }, roleArn: input.RoleArn };
  checkConfig(config, ctx);
  // An endpoint id is two dot-separated random labels; its URL is under endpoint.events.<domain>.
  const endpointId = `${randomBytes(5).toString('hex').slice(0, 8)}.${randomBytes(3).toString('hex').slice(0, 3)}`;
  const now = ctx.emulator.clock.date();
  const endpoint: GlobalEndpoint = {
    name,
    description: input.Description,
    arn: ctx.state.arn(`endpoint/${name}`),
    ...config,
    endpointId,
    endpointUrl: `https://${endpointId}.endpoint.events.amazonaws.com`,
    created: now,
    modified: now,
  };
  ctx.state.endpoints.set(name, endpoint);
  // Creation is immediate here: the response says CREATING as AWS's does, the endpoint is ACTIVE from then on.
  return { Name: name, Arn: endpoint.arn, RoutingConfig: endpoint.routingConfig, ReplicationConfig: endpoint.replicationConfig, EventBuses: endpoint.eventBuses, RoleArn: endpoint.roleArn, State: 'CREATING' };
}

export function updateEndpoint(input: UpdateEndpointRequest, ctx: Ctx): UpdateEndpointResponse {
  const endpoint = ctx.state.endpoints.get(input.Name!);
  if (!endpoint) throw endpointNotFound(input.Name!);
  const next = {
    routingConfig: input.RoutingConfig ?? endpoint.routingConfig,
    eventBuses: input.EventBuses ?? endpoint.eventBuses,
    replicationConfig: input.ReplicationConfig ?? endpoint.replicationConfig,
    roleArn: input.RoleArn ?? endpoint.roleArn,
  };
  checkConfig(next, ctx);
  Object.assign(endpoint, next, { description: input.Description ?? endpoint.description, modified: ctx.emulator.clock.date() });
  return {
    Name: endpoint.name,
    Arn: endpoint.arn,
    RoutingConfig: endpoint.routingConfig,
    ReplicationConfig: endpoint.replicationConfig,
    EventBuses: endpoint.eventBuses,
    RoleArn: endpoint.roleArn,
    EndpointId: endpoint.endpointId,
    EndpointUrl: endpoint.endpointUrl,
    State: 'UPDATING',
  };
}

export function describeEndpoint(input: DescribeEndpointRequest, ctx: Ctx): DescribeEndpointResponse {
  const endpoint = ctx.state.endpoints.get(input.Name!);
  if (!endpoint || (input.HomeRegion !== undefined && input.HomeRegion !== ctx.region)) throw endpointNotFound(input.Name!);
  return view(endpoint);
}

export function listEndpoints(input: ListEndpointsRequest, ctx: Ctx): ListEndpointsResponse {
  const matching = [...ctx.state.endpoints.values()].filter(
    (e) => (!input.NamePrefix || e.name.startsWith(input.NamePrefix)) && (input.HomeRegion === undefined || input.HomeRegion === ctx.region),
  );
  const { items, nextToken } = page(matching, input.NextToken, input.MaxResults);
  return { Endpoints: items.map(view), NextToken: nextToken };
}

export function deleteEndpoint(input: DeleteEndpointRequest, ctx: Ctx): object {
  if (!ctx.state.endpoints.delete(input.Name!)) throw endpointNotFound(input.Name!);
  return {};
}

function view(e: GlobalEndpoint): Endpoint {
  return {
    Name: e.name,
    Description: e.description,
    Arn: e.arn,
    RoutingConfig: e.routingConfig,
    ReplicationConfig: e.replicationConfig,
    EventBuses: e.eventBuses,
    RoleArn: e.roleArn,
    EndpointId: e.endpointId,
    EndpointUrl: e.endpointUrl,
    State: 'ACTIVE',
    CreationTime: e.created,
    LastModifiedTime: e.modified,
  };
}
