import type {
  DeleteDeliverySourceRequest,
  DeliverySource as DeliverySourceShape,
  DescribeDeliverySourcesRequest,
  DescribeDeliverySourcesResponse,
  GetDeliverySourceRequest,
  GetDeliverySourceResponse,
  PutDeliverySourceRequest,
  PutDeliverySourceResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { buildArn, parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { conflict, sourceNotFound, validation } from '../delivery/errors.ts';
import { SOURCE_LOG_TYPES } from '../delivery/templates.ts';
import { page } from '../pages.ts';
import type { DeliverySource, LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/** A delivery source names a resource of a service AWS lets deliver its logs (vended logs, "V2 permissions"). */
export function putDeliverySource(input: PutDeliverySourceRequest, ctx: Ctx): PutDeliverySourceResponse {
  const resource = parseArn(input.resourceArn!);
  const logTypes = resource && SOURCE_LOG_TYPES.get(resource.service);
  // AWS's answer for a resource of a service that delivers no logs (an S3 bucket, recorded).
  if (!resource || !logTypes) throw new AwsError('ResourceNotFoundException', 'Cannot access provided service.');
  if (!logTypes.includes(input.logType!)) throw validation(`Log type ${input.logType} is not supported for service ${resource.service}.`);
  const existing = ctx.state.deliverySources.get(input.name!);
  if (existing && existing.resourceArn !== input.resourceArn) throw conflict('The resourceArn of an existing delivery source cannot be changed.');
  const source: DeliverySource = {
    name: input.name!,
    arn: buildArn({ service: 'logs', region: ctx.region, accountId: ctx.accountId, resource: `delivery-source:${input.name}` }),
    resourceArn: input.resourceArn!,
    service: resource.service,
    logType: input.logType!,
    configuration: input.deliverySourceConfiguration,
    tags: existing?.tags ?? new Map(Object.entries(input.tags ?? {})),
  };
  ctx.state.deliverySources.set(source.name, source);
  ctx.state.deletedDeliverySources.delete(source.name);
  return { deliverySource: view(source) };
}

export function findSource(state: LogsState, name: string): DeliverySource {
  const source = state.deliverySources.get(name);
  if (!source) throw sourceNotFound(state.deletedDeliverySources.has(name));
  return source;
}

export function getDeliverySource(input: GetDeliverySourceRequest, ctx: Ctx): GetDeliverySourceResponse {
  return { deliverySource: view(findSource(ctx.state, input.name!)) };
}

export function describeDeliverySources(input: DescribeDeliverySourcesRequest, ctx: Ctx): DescribeDeliverySourcesResponse {
  const { items, nextToken } = page([...ctx.state.deliverySources.values()], input.nextToken, input.limit ?? 50);
  return { deliverySources: items.map(view), nextToken };
}

export function deleteDeliverySource(input: DeleteDeliverySourceRequest, ctx: Ctx): object {
  const source = findSource(ctx.state, input.name!);
  if ([...ctx.state.deliveries.values()].some((d) => d.sourceName === source.name)) {
    throw conflict('Delivery source is in use by a delivery; delete its deliveries first.');
  }
  ctx.state.deliverySources.delete(source.name);
  ctx.state.deletedDeliverySources.add(source.name);
  return {};
}

function view(s: DeliverySource): DeliverySourceShape {
  return {
    name: s.name,
    arn: s.arn,
    resourceArns: [s.resourceArn],
    service: s.service,
    logType: s.logType,
    ...(s.configuration ? { deliverySourceConfiguration: s.configuration } : {}),
    ...(s.tags.size ? { tags: Object.fromEntries(s.tags) } : {}),
  };
}
