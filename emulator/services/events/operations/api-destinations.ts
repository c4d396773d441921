import type {
  CreateApiDestinationRequest,
  CreateApiDestinationResponse,
  DeleteApiDestinationRequest,
  DescribeApiDestinationRequest,
  DescribeApiDestinationResponse,
  ListApiDestinationsRequest,
  ListApiDestinationsResponse,
  UpdateApiDestinationRequest,
} from '@aws-sdk/client-eventbridge';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/service.ts';
import { alreadyExists, notFound } from '../errors.ts';
import { page } from '../pages.ts';
import type { ApiDestination, EventsState } from '../state.ts';
import { findConnection } from './connections.ts';

type Ctx = RequestContext<EventsState>;

/** AWS's default invocation rate limit. */
const DEFAULT_RATE_LIMIT = 300;

function find(state: EventsState, name: string): ApiDestination {
  const destination = state.apiDestinations.get(name);
  if (!destination) throw notFound(`Failed to describe the api-destination(s). An api-destination '${name}' does not exist.`);
  return destination;
}

function connectionName(arn: string): string {
  return arn.split(':connection/')[1]?.split('/')[0] ?? arn;
}

/** A destination is active while its connection is authorized. */
function state(ctx: Ctx, d: ApiDestination): 'ACTIVE' | 'INACTIVE' {
  return ctx.state.connections.get(connectionName(d.connectionArn))?.state === 'AUTHORIZED' ? 'ACTIVE' : 'INACTIVE';
}

function summary(ctx: Ctx, d: ApiDestination) {
  return { ApiDestinationArn: d.arn, ApiDestinationState: state(ctx, d), CreationTime: d.created, LastModifiedTime: d.modified };
}

export function createApiDestination(input: CreateApiDestinationRequest, ctx: Ctx): CreateApiDestinationResponse {
  if (ctx.state.apiDestinations.has(input.Name!)) throw alreadyExists(`An api-destination '${input.Name}' already exists.`);
  findConnection(ctx.state, connectionName(input.ConnectionArn!));
  const now = ctx.emulator.clock.date();
  const destination: ApiDestination = {
    name: input.Name!,
    arn: ctx.state.arn(`api-destination/${input.Name}/${randomUUID()}`),
    description: input.Description,
    connectionArn: input.ConnectionArn!,
    endpoint: input.InvocationEndpoint!,
    httpMethod: input.HttpMethod!,
    rateLimit: input.InvocationRateLimitPerSecond ?? DEFAULT_RATE_LIMIT,
    created: now,
    modified: now,
  };
  ctx.state.apiDestinations.set(destination.name, destination);
  return summary(ctx, destination);
}

function describe(ctx: Ctx, d: ApiDestination) {
  return {
    ...summary(ctx, d),
    Name: d.name,
    ConnectionArn: d.connectionArn,
    InvocationEndpoint: d.endpoint,
    HttpMethod: d.httpMethod as DescribeApiDestinationResponse['HttpMethod'],
    InvocationRateLimitPerSecond: d.rateLimit,
  };
}

export function describeApiDestination(input: DescribeApiDestinationRequest, ctx: Ctx): DescribeApiDestinationResponse {
  const d = find(ctx.state, input.Name!);
  return { ...describe(ctx, d), Description: d.description };
}

export function updateApiDestination(input: UpdateApiDestinationRequest, ctx: Ctx) {
  const d = find(ctx.state, input.Name!);
  if (input.ConnectionArn !== undefined) {
    findConnection(ctx.state, connectionName(input.ConnectionArn));
    d.connectionArn = input.ConnectionArn;
  }
  if (input.Description !== undefined) d.description = input.Description;
  if (input.InvocationEndpoint !== undefined) d.endpoint = input.InvocationEndpoint;
  if (input.HttpMethod !== undefined) d.httpMethod = input.HttpMethod;
  if (input.InvocationRateLimitPerSecond !== undefined) d.rateLimit = input.InvocationRateLimitPerSecond;
  d.modified = ctx.emulator.clock.date();
  return summary(ctx, d);
}

export function deleteApiDestination(input: DeleteApiDestinationRequest, ctx: Ctx): object {
  find(ctx.state, input.Name!);
  ctx.state.apiDestinations.delete(input.Name!);
  return {};
}

export function listApiDestinations(input: ListApiDestinationsRequest, ctx: Ctx): ListApiDestinationsResponse {
  const destinations = [...ctx.state.apiDestinations.values()]
    .filter((d) => (!input.NamePrefix || d.name.startsWith(input.NamePrefix)) && (!input.ConnectionArn || d.connectionArn === input.ConnectionArn))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, nextToken } = page(destinations, input.NextToken, input.Limit);
  return { ApiDestinations: items.map((d) => describe(ctx, d)), NextToken: nextToken };
}
