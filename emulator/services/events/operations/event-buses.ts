import type {
  CreateEventBusRequest,
  CreateEventBusResponse,
  DeleteEventBusRequest,
  DescribeEventBusRequest,
  DescribeEventBusResponse,
  ListEventBusesRequest,
  ListEventBusesResponse,
  UpdateEventBusRequest,
  UpdateEventBusResponse,
} from '@aws-sdk/client-eventbridge';
import type { RequestContext } from '../../../core/service.ts';
import { busNameOf, findBus } from '../buses.ts';
import { alreadyExists, limitExceeded, notFound, validation } from '../errors.ts';
import { page } from '../pages.ts';
import { DEFAULT_BUS, newBus, type EventBus, type EventsState, type PartnerEventSource } from '../state.ts';
import { setTags, checkTagKeys } from '../tags.ts';

type Ctx = RequestContext<EventsState>;

/** AWS's default quota of event buses per account and region. */
const MAX_BUSES = 100;

/** A partner event bus is named after the partner event source it receives from, which must be offered to this account. */
function partnerSourceFor(input: CreateEventBusRequest, ctx: Ctx): PartnerEventSource | undefined {
  const partnerName = input.Name!.startsWith('aws.partner/');
  if (input.EventSourceName === undefined) {
    if (partnerName) throw validation('Event bus name must not start with aws.partner/ unless it is created for a partner event source.');
    return undefined;
  }
  if (input.EventSourceName !== input.Name) throw validation('Event source name and event bus name must be the same.');
  const source = ctx.state.eventSources.get(input.EventSourceName);
  if (!source || source.state === 'DELETED') throw notFound(`Event source ${input.EventSourceName} does not exist.`);
  return source;
}

export function createEventBus(input: CreateEventBusRequest, ctx: Ctx): CreateEventBusResponse {
  checkTagKeys(input.Tags, ctx.caller);
  const name = input.Name!;
  if (ctx.state.buses.has(name)) throw alreadyExists(`Event bus ${name} already exists.`);
  if (ctx.state.buses.size >= MAX_BUSES) throw limitExceeded();
  const source = partnerSourceFor(input, ctx);
  const bus = newBus(ctx.state, name, ctx.emulator.clock.date());
  Object.assign(bus, {
    description: input.Description,
    kmsKeyIdentifier: input.KmsKeyIdentifier,
    deadLetterConfig: input.DeadLetterConfig,
    logConfig: input.LogConfig,
  });
  ctx.state.buses.set(name, bus);
  if (source) source.state = 'ACTIVE';
  setTags(ctx.state, bus.arn, input.Tags);
  return {
    EventBusArn: bus.arn,
    Description: bus.description,
    KmsKeyIdentifier: bus.kmsKeyIdentifier,
    DeadLetterConfig: bus.deadLetterConfig,
    LogConfig: bus.logConfig,
  };
}

export function deleteEventBus(input: DeleteEventBusRequest, ctx: Ctx): object {
  if (input.Name === DEFAULT_BUS) throw validation('Cannot delete event bus default.');
  // AWS deletes a bus that does not exist without complaint (recorded).
  const bus = ctx.state.buses.get(input.Name!);
  if (!bus) return {};
  // AWS's API reference: all rules of the bus need to be deleted first (its error, as reported from real AWS).
  if (bus.rules.size) throw validation("EventBus can't be deleted since it has rules.");
  ctx.state.buses.delete(bus.name);
  ctx.state.tags.delete(bus.arn);
  return {};
}

export function describeEventBus(input: DescribeEventBusRequest, ctx: Ctx): DescribeEventBusResponse {
  const bus = findBus(ctx.state, input.Name);
  return {
    Name: bus.name,
    Arn: bus.arn,
    Description: bus.description,
    KmsKeyIdentifier: bus.kmsKeyIdentifier,
    DeadLetterConfig: bus.deadLetterConfig,
    LogConfig: bus.logConfig,
    Policy: bus.policy && JSON.stringify(bus.policy),
    CreationTime: bus.created,
    LastModifiedTime: bus.modified,
  };
}

export function listEventBuses(input: ListEventBusesRequest, ctx: Ctx): ListEventBusesResponse {
  const buses = [...ctx.state.buses.values()]
    .filter((b) => !input.NamePrefix || b.name.startsWith(input.NamePrefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(buses, input.NextToken, input.Limit);
  return { EventBuses: items.map(summary), NextToken: nextToken };
}

function summary(bus: EventBus) {
  return {
    Name: bus.name,
    Arn: bus.arn,
    Description: bus.description,
    Policy: bus.policy && JSON.stringify(bus.policy),
    CreationTime: bus.created,
    LastModifiedTime: bus.modified,
  };
}

export function updateEventBus(input: UpdateEventBusRequest, ctx: Ctx): UpdateEventBusResponse {
  const bus = findBus(ctx.state, busNameOf(input.Name));
  if (input.Description !== undefined) bus.description = input.Description;
  if (input.KmsKeyIdentifier !== undefined) bus.kmsKeyIdentifier = input.KmsKeyIdentifier || undefined;
  if (input.DeadLetterConfig !== undefined) bus.deadLetterConfig = input.DeadLetterConfig;
  if (input.LogConfig !== undefined) bus.logConfig = input.LogConfig;
  bus.modified = ctx.emulator.clock.date();
  return {
    Arn: bus.arn,
    Name: bus.name,
    Description: bus.description,
    KmsKeyIdentifier: bus.kmsKeyIdentifier,
    DeadLetterConfig: bus.deadLetterConfig,
    LogConfig: bus.logConfig,
  };
}
