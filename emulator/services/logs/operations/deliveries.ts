import type {
  CreateDeliveryRequest,
  CreateDeliveryResponse,
  DeleteDeliveryRequest,
  Delivery as DeliveryShape,
  DescribeConfigurationTemplatesRequest,
  DescribeConfigurationTemplatesResponse,
  DescribeDeliveriesRequest,
  DescribeDeliveriesResponse,
  GetDeliveryRequest,
  GetDeliveryResponse,
  UpdateDeliveryConfigurationRequest,
} from '@aws-sdk/client-cloudwatch-logs';
import { randomBytes } from 'node:crypto';
import { mayAccess, notAuthorized } from '../../../core/access.ts';
import { buildArn, parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { conflict, deliveryNotFound, destinationNotFound, validation } from '../delivery/errors.ts';
import { CONFIGURATION_TEMPLATES, templateFor } from '../delivery/templates.ts';
import { page } from '../pages.ts';
import type { Delivery, DeliveryDestination, LogsState } from '../state.ts';
import { findSource } from './delivery-sources.ts';

type Ctx = RequestContext<LogsState>;

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A delivery's destination: this account's, or another's whose delivery destination policy lets the caller in. */
function destinationFor(ctx: Ctx, arn: string): DeliveryDestination {
  const parts = parseArn(arn);
  if (parts?.service !== 'logs' || !parts.resource.startsWith('delivery-destination:')) throw validation(`Invalid deliveryDestinationArn: ${arn}`);
  if (parts.region !== ctx.region) throw destinationNotFound();
  const destination = ctx.emulator.state<LogsState>('logs', parts.accountId, parts.region).deliveryDestinations.get(parts.resource.slice('delivery-destination:'.length));
  if (!destination) throw destinationNotFound();
  if (parts.accountId !== ctx.accountId && !mayAccess(ctx, 'logs:CreateDelivery', arn, parts.accountId, destination.policy)) {
    throw new AwsError('AccessDeniedException', notAuthorized(ctx.caller, 'logs:CreateDelivery', arn));
  }
  return destination;
}

/** S3 settings apply to deliveries into S3 only. */
function checkS3Settings(type: string, s3: unknown): void {
  if (s3 !== undefined && type !== 'S3') throw validation('s3DeliveryConfiguration can only be specified for a delivery to an S3 delivery destination.');
}

export function createDelivery(input: CreateDeliveryRequest, ctx: Ctx): CreateDeliveryResponse {
  const source = findSource(ctx.state, input.deliverySourceName!);
  const destination = destinationFor(ctx, input.deliveryDestinationArn!);
  checkS3Settings(destination.type, input.s3DeliveryConfiguration);
  if ([...ctx.state.deliveries.values()].some((d) => d.sourceName === source.name && d.destinationArn === destination.arn)) {
    throw conflict('A delivery already exists between this delivery source and delivery destination.');
  }
  // Settings not given take the defaults of the source's configuration template.
  const defaults = templateFor(source.service, source.logType, destination.type)?.defaultDeliveryConfigValues;
  const id = [...randomBytes(16)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
  const delivery: Delivery = {
    id,
    arn: buildArn({ service: 'logs', region: ctx.region, accountId: ctx.accountId, resource: `delivery:${id}` }),
    sourceName: source.name,
    destinationArn: destination.arn,
    destinationType: destination.type,
    recordFields: input.recordFields ?? defaults?.recordFields,
    fieldDelimiter: input.fieldDelimiter ?? defaults?.fieldDelimiter,
    s3: destination.type === 'S3' ? { ...defaults?.s3DeliveryConfiguration, ...input.s3DeliveryConfiguration } : undefined,
    tags: new Map(Object.entries(input.tags ?? {})),
  };
  ctx.state.deliveries.set(id, delivery);
  return { delivery: view(delivery) };
}

function findDelivery(state: LogsState, id: string): Delivery {
  const delivery = state.deliveries.get(id);
  if (!delivery) throw deliveryNotFound();
  return delivery;
}

export function getDelivery(input: GetDeliveryRequest, ctx: Ctx): GetDeliveryResponse {
  return { delivery: view(findDelivery(ctx.state, input.id!)) };
}

export function describeDeliveries(input: DescribeDeliveriesRequest, ctx: Ctx): DescribeDeliveriesResponse {
  const { items, nextToken } = page([...ctx.state.deliveries.values()], input.nextToken, input.limit ?? 50);
  return { deliveries: items.map(view), nextToken };
}

export function deleteDelivery(input: DeleteDeliveryRequest, ctx: Ctx): object {
  ctx.state.deliveries.delete(findDelivery(ctx.state, input.id!).id);
  return {};
}

export function updateDeliveryConfiguration(input: UpdateDeliveryConfigurationRequest, ctx: Ctx): object {
  const delivery = findDelivery(ctx.state, input.id!);
  checkS3Settings(delivery.destinationType, input.s3DeliveryConfiguration);
  if (input.recordFields !== undefined) delivery.recordFields = input.recordFields;
  if (input.fieldDelimiter !== undefined) delivery.fieldDelimiter = input.fieldDelimiter;
  if (input.s3DeliveryConfiguration !== undefined) delivery.s3 = { ...delivery.s3, ...input.s3DeliveryConfiguration };
  return {};
}

export function describeConfigurationTemplates(input: DescribeConfigurationTemplatesRequest): DescribeConfigurationTemplatesResponse {
  const matching = CONFIGURATION_TEMPLATES.filter(
    (t) =>
      (input.service === undefined || t.service === input.service) &&
      (!input.logTypes?.length || input.logTypes.includes(t.logType!)) &&
      (!input.resourceTypes?.length || input.resourceTypes.includes(t.resourceType!)) &&
      (!input.deliveryDestinationTypes?.length || input.deliveryDestinationTypes.includes(t.deliveryDestinationType!)),
  );
  const { items, nextToken } = page(matching, input.nextToken, input.limit ?? 50);
  return { configurationTemplates: items, nextToken };
}

function view(d: Delivery): DeliveryShape {
  return {
    id: d.id,
    arn: d.arn,
    deliverySourceName: d.sourceName,
    deliveryDestinationArn: d.destinationArn,
    deliveryDestinationType: d.destinationType,
    recordFields: d.recordFields,
    fieldDelimiter: d.fieldDelimiter,
    s3DeliveryConfiguration: d.s3,
    ...(d.tags.size ? { tags: Object.fromEntries(d.tags) } : {}),
  };
}
