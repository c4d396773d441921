import type {
  ActivateEventSourceRequest,
  CreatePartnerEventSourceRequest,
  CreatePartnerEventSourceResponse,
  DeactivateEventSourceRequest,
  DeletePartnerEventSourceRequest,
  DescribeEventSourceRequest,
  DescribeEventSourceResponse,
  DescribePartnerEventSourceRequest,
  DescribePartnerEventSourceResponse,
  EventSource,
  ListEventSourcesRequest,
  ListEventSourcesResponse,
  ListPartnerEventSourceAccountsRequest,
  ListPartnerEventSourceAccountsResponse,
  ListPartnerEventSourcesRequest,
  ListPartnerEventSourcesResponse,
  PutPartnerEventsRequest,
  PutPartnerEventsResponse,
  PutPartnerEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import { AwsError } from '../../../core/errors.ts';
import { buildArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { newEvent, parseDetail, routeEvent } from '../dispatch.ts';
import { alreadyExists, notFound } from '../errors.ts';
import { page } from '../pages.ts';
import type { EventsState, PartnerEventSource } from '../state.ts';

type Ctx = RequestContext<EventsState>;

const sourceNotFound = (name: string) => notFound(`Event source ${name} does not exist.`);
const key = (name: string, account: string) => `${name}\n${account}`;
const customerState = (ctx: Ctx, account: string) => ctx.emulator.state<EventsState>('events', account, ctx.region);

/**
 * Partner event sources: a SaaS partner's account creates a source for a customer account; the customer sees it
 * (PENDING), associates it by creating an event bus of the same name (then ACTIVE), and the partner's
 * PutPartnerEvents reach that bus while the source is active.
 */
export function createPartnerEventSource(input: CreatePartnerEventSourceRequest, ctx: Ctx): CreatePartnerEventSourceResponse {
  const name = input.Name!;
  if (ctx.state.partnerSources.has(key(name, input.Account!)) || customerState(ctx, input.Account!).eventSources.has(name)) {
    throw alreadyExists(`Event source ${name} already exists.`);
  }
  const source: PartnerEventSource = {
    name,
    // Event source ARNs have no account: the name is unique in the region.
    arn: buildArn({ service: 'events', region: ctx.region, accountId: '', resource: `event-source/${name}` }),
    account: input.Account!,
    createdBy: ctx.accountId,
    created: ctx.emulator.clock.date(),
    state: 'PENDING',
  };
  ctx.state.partnerSources.set(key(name, source.account), source);
  customerState(ctx, source.account).eventSources.set(name, source);
  return { EventSourceArn: source.arn };
}

function partnerSourcesNamed(ctx: Ctx, name: string): PartnerEventSource[] {
  return [...ctx.state.partnerSources.values()].filter((s) => s.name === name);
}

export function describePartnerEventSource(input: DescribePartnerEventSourceRequest, ctx: Ctx): DescribePartnerEventSourceResponse {
  const [source] = partnerSourcesNamed(ctx, input.Name!);
  if (!source) throw sourceNotFound(input.Name!);
  return { Arn: source.arn, Name: source.name };
}

export function listPartnerEventSources(input: ListPartnerEventSourcesRequest, ctx: Ctx): ListPartnerEventSourcesResponse {
  const names = new Map<string, PartnerEventSource>();
  for (const s of ctx.state.partnerSources.values()) if (s.name.startsWith(input.NamePrefix!) && !names.has(s.name)) names.set(s.name, s);
  const { items, nextToken } = page([...names.values()], input.NextToken, input.Limit);
  return { PartnerEventSources: items.map((s) => ({ Arn: s.arn, Name: s.name })), NextToken: nextToken };
}

export function listPartnerEventSourceAccounts(input: ListPartnerEventSourceAccountsRequest, ctx: Ctx): ListPartnerEventSourceAccountsResponse {
  const sources = partnerSourcesNamed(ctx, input.EventSourceName!);
  if (!sources.length) throw sourceNotFound(input.EventSourceName!);
  const { items, nextToken } = page(sources, input.NextToken, input.Limit);
  return { PartnerEventSourceAccounts: items.map((s) => ({ Account: s.account, CreationTime: s.created, State: s.state })), NextToken: nextToken };
}

export function deletePartnerEventSource(input: DeletePartnerEventSourceRequest, ctx: Ctx): object {
  const source = ctx.state.partnerSources.get(key(input.Name!, input.Account!));
  if (!source) return {};
  ctx.state.partnerSources.delete(key(source.name, source.account));
  // The customer keeps seeing the source, DELETED, until its event bus is deleted.
  source.state = 'DELETED';
  return {};
}

function customerSource(ctx: Ctx, name: string): PartnerEventSource {
  const source = ctx.state.eventSources.get(name);
  if (!source) throw sourceNotFound(name);
  return source;
}

function view(s: PartnerEventSource): EventSource {
  return { Arn: s.arn, CreatedBy: s.createdBy, CreationTime: s.created, Name: s.name, State: s.state };
}

export function describeEventSource(input: DescribeEventSourceRequest, ctx: Ctx): DescribeEventSourceResponse {
  return view(customerSource(ctx, input.Name!));
}

export function listEventSources(input: ListEventSourcesRequest, ctx: Ctx): ListEventSourcesResponse {
  const matching = [...ctx.state.eventSources.values()].filter((s) => !input.NamePrefix || s.name.startsWith(input.NamePrefix));
  const { items, nextToken } = page(matching, input.NextToken, input.Limit);
  return { EventSources: items.map(view), NextToken: nextToken };
}

export function activateEventSource(input: ActivateEventSourceRequest, ctx: Ctx): object {
  const source = customerSource(ctx, input.Name!);
  if (source.state === 'DELETED') throw new AwsError('InvalidStateException', `Event source ${source.name} is in state DELETED.`);
  if (!ctx.state.buses.has(source.name)) throw new AwsError('InvalidStateException', `Event source ${source.name} has no event bus associated with it.`);
  source.state = 'ACTIVE';
  return {};
}

export function deactivateEventSource(input: DeactivateEventSourceRequest, ctx: Ctx): object {
  const source = customerSource(ctx, input.Name!);
  if (source.state === 'DELETED') throw new AwsError('InvalidStateException', `Event source ${source.name} is in state DELETED.`);
  source.state = 'PENDING';
  return {};
}

/** A partner's events go to the customer's partner event bus for the source, while the source is active. */
export function putPartnerEvents(input: PutPartnerEventsRequest, ctx: Ctx): PutPartnerEventsResponse {
  const results: PutPartnerEventsResultEntry[] = input.Entries!.map((entry) => {
    if (!entry.Source) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' };
    if (!entry.DetailType) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' };
    const detail = parseDetail(entry.Detail);
    if (!detail) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    const sources = partnerSourcesNamed(ctx, entry.Source);
    if (!sources.length) return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter Source is not valid. Reason: Event source ${entry.Source} does not exist.` };
    const time = entry.Time ? new Date(entry.Time) : ctx.emulator.clock.date();
    // One event, one id, for every customer account the source is offered to.
    const event = newEvent({ source: entry.Source, detailType: entry.DetailType, detail, account: '', region: ctx.region, time, resources: entry.Resources });
    for (const source of sources) {
      const customer = customerState(ctx, source.account);
      const bus = customer.buses.get(source.name);
      if (source.state === 'ACTIVE' && bus) routeEvent(customer, ctx.emulator, bus, { ...event, account: source.account });
    }
    return { EventId: event.id };
  });
  return { FailedEntryCount: results.filter((r) => r.ErrorCode).length, Entries: results };
}
