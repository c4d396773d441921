import type {
  DeleteDestinationRequest,
  DescribeDestinationsRequest,
  DescribeDestinationsResponse,
  Destination,
  PutDestinationPolicyRequest,
  PutDestinationRequest,
  PutDestinationResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { buildArn, parseArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { page } from '../pages.ts';
import type { LogDestination, LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

export const destinationNotFound = () => notFound('The specified destination does not exist.');

/** Destinations forward subscribed events (of this or another account) to a Kinesis stream or Firehose stream. */
export function putDestination(input: PutDestinationRequest, ctx: Ctx): PutDestinationResponse {
  const target = parseArn(input.targetArn!);
  if (!target || (target.service !== 'kinesis' && target.service !== 'firehose')) throw invalidParameter(`Invalid targetArn: ${input.targetArn}`);
  if (!parseArn(input.roleArn!)) throw invalidParameter(`Invalid roleArn: ${input.roleArn}`);
  const existing = ctx.state.destinations.get(input.destinationName!);
  const destination: LogDestination = {
    name: input.destinationName!,
    arn: buildArn({ service: 'logs', region: ctx.region, accountId: ctx.accountId, resource: `destination:${input.destinationName}` }),
    targetArn: input.targetArn!,
    roleArn: input.roleArn!,
    accessPolicy: existing?.accessPolicy,
    created: existing?.created ?? ctx.emulator.clock.now(),
    tags: existing?.tags ?? new Map(Object.entries(input.tags ?? {})),
  };
  ctx.state.destinations.set(destination.name, destination);
  return { destination: view(destination) };
}

export function putDestinationPolicy(input: PutDestinationPolicyRequest, ctx: Ctx): object {
  const destination = ctx.state.destinations.get(input.destinationName!);
  if (!destination) throw destinationNotFound();
  try {
    JSON.parse(input.accessPolicy!);
  } catch {
    throw invalidParameter('Invalid access policy: the policy must be a valid JSON document.');
  }
  destination.accessPolicy = input.accessPolicy;
  return {};
}

export function describeDestinations(input: DescribeDestinationsRequest, ctx: Ctx): DescribeDestinationsResponse {
  const matching = [...ctx.state.destinations.values()]
    .filter((d) => !input.DestinationNamePrefix || d.name.startsWith(input.DestinationNamePrefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(matching, input.nextToken, input.limit ?? 50);
  return { destinations: items.map(view), nextToken };
}

export function deleteDestination(input: DeleteDestinationRequest, ctx: Ctx): object {
  if (!ctx.state.destinations.delete(input.destinationName!)) throw destinationNotFound();
  return {};
}

function view(d: LogDestination): Destination {
  return { destinationName: d.name, targetArn: d.targetArn, roleArn: d.roleArn, accessPolicy: d.accessPolicy, arn: d.arn, creationTime: d.created };
}
