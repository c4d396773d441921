import type {
  DeleteDeliveryDestinationPolicyRequest,
  DeleteDeliveryDestinationRequest,
  DeliveryDestination as DeliveryDestinationShape,
  DescribeDeliveryDestinationsRequest,
  DescribeDeliveryDestinationsResponse,
  GetDeliveryDestinationPolicyRequest,
  GetDeliveryDestinationPolicyResponse,
  GetDeliveryDestinationRequest,
  GetDeliveryDestinationResponse,
  PutDeliveryDestinationPolicyRequest,
  PutDeliveryDestinationPolicyResponse,
  PutDeliveryDestinationRequest,
  PutDeliveryDestinationResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { buildArn, parseArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { conflict, destinationNotFound, validation } from '../delivery/errors.ts';
import { page } from '../pages.ts';
import type { DeliveryDestination, LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/** The destination type an ARN's service implies: an S3 bucket, a log group, a Firehose stream. */
function typeOf(arn: string): DeliveryDestination['type'] {
  const parts = parseArn(arn);
  if (parts?.service === 's3') return 'S3';
  if (parts?.service === 'logs' && parts.resource.startsWith('log-group:')) return 'CWL';
  if (parts?.service === 'firehose' && parts.resource.startsWith('deliverystream/')) return 'FH';
  throw validation(`Invalid destinationResourceArn: ${arn}`);
}

export function putDeliveryDestination(input: PutDeliveryDestinationRequest, ctx: Ctx): PutDeliveryDestinationResponse {
  const resourceArn = input.deliveryDestinationConfiguration?.destinationResourceArn;
  let type: DeliveryDestination['type'];
  if (input.deliveryDestinationType === 'XRAY') {
    if (resourceArn !== undefined) throw validation('deliveryDestinationConfiguration must not be specified for an XRAY delivery destination.');
    type = 'XRAY';
  } else {
    if (resourceArn === undefined) throw validation('deliveryDestinationConfiguration is required.');
    type = typeOf(resourceArn);
    if (input.deliveryDestinationType !== undefined && input.deliveryDestinationType !== type) {
      throw validation(`deliveryDestinationType ${input.deliveryDestinationType} does not match the destinationResourceArn.`);
    }
  }
  const existing = ctx.state.deliveryDestinations.get(input.name!);
  if (existing && existing.type !== type && [...ctx.state.deliveries.values()].some((d) => d.destinationArn === existing.arn)) {
    throw conflict('The type of a delivery destination in use by a delivery cannot be changed.');
  }
  const destination: DeliveryDestination = {
    name: input.name!,
    arn: buildArn({ service: 'logs', region: ctx.region, accountId: ctx.accountId, resource: `delivery-destination:${input.name}` }),
    type,
    outputFormat: input.outputFormat,
    resourceArn,
    policy: existing?.policy,
    tags: existing?.tags ?? new Map(Object.entries(input.tags ?? {})),
  };
  ctx.state.deliveryDestinations.set(destination.name, destination);
  // AWS's answer to a put leaves the tags out (recorded), though the request's tags are kept.
  return { deliveryDestination: { ...view(destination), tags: undefined } };
}

export function findDestination(state: LogsState, name: string): DeliveryDestination {
  const destination = state.deliveryDestinations.get(name);
  if (!destination) throw destinationNotFound();
  return destination;
}

export function getDeliveryDestination(input: GetDeliveryDestinationRequest, ctx: Ctx): GetDeliveryDestinationResponse {
  return { deliveryDestination: view(findDestination(ctx.state, input.name!)) };
}

export function describeDeliveryDestinations(input: DescribeDeliveryDestinationsRequest, ctx: Ctx): DescribeDeliveryDestinationsResponse {
  const { items, nextToken } = page([...ctx.state.deliveryDestinations.values()], input.nextToken, input.limit ?? 50);
  return { deliveryDestinations: items.map(view), nextToken };
}

export function deleteDeliveryDestination(input: DeleteDeliveryDestinationRequest, ctx: Ctx): object {
  const destination = findDestination(ctx.state, input.name!);
  if ([...ctx.state.deliveries.values()].some((d) => d.destinationArn === destination.arn)) {
    throw conflict('Delivery destination is in use by a delivery; delete its deliveries first.');
  }
  ctx.state.deliveryDestinations.delete(destination.name);
  return {};
}

export function putDeliveryDestinationPolicy(input: PutDeliveryDestinationPolicyRequest, ctx: Ctx): PutDeliveryDestinationPolicyResponse {
  const destination = findDestination(ctx.state, input.deliveryDestinationName!);
  try {
    JSON.parse(input.deliveryDestinationPolicy!);
  } catch {
    throw validation('Invalid policy document: the policy must be a valid JSON document.');
  }
  destination.policy = input.deliveryDestinationPolicy;
  return { policy: { deliveryDestinationPolicy: destination.policy } };
}

export function getDeliveryDestinationPolicy(input: GetDeliveryDestinationPolicyRequest, ctx: Ctx): GetDeliveryDestinationPolicyResponse {
  const destination = findDestination(ctx.state, input.deliveryDestinationName!);
  return { policy: destination.policy === undefined ? {} : { deliveryDestinationPolicy: destination.policy } };
}

export function deleteDeliveryDestinationPolicy(input: DeleteDeliveryDestinationPolicyRequest, ctx: Ctx): object {
  findDestination(ctx.state, input.deliveryDestinationName!).policy = undefined;
  return {};
}

function view(d: DeliveryDestination): DeliveryDestinationShape {
  return {
    name: d.name,
    arn: d.arn,
    deliveryDestinationType: d.type,
    outputFormat: d.outputFormat as DeliveryDestinationShape['outputFormat'],
    ...(d.resourceArn ? { deliveryDestinationConfiguration: { destinationResourceArn: d.resourceArn } } : {}),
    ...(d.tags.size ? { tags: Object.fromEntries(d.tags) } : {}),
  };
}
