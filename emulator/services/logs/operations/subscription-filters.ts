import type {
  DeleteSubscriptionFilterRequest,
  DescribeSubscriptionFiltersRequest,
  DescribeSubscriptionFiltersResponse,
  PutSubscriptionFilterRequest,
} from '@aws-sdk/client-cloudwatch-logs';
import { mayAccess, notAuthorized } from '../../../core/access.ts';
import { parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { findGroup } from '../groups.ts';
import { page } from '../pages.ts';
import type { LogsState } from '../state.ts';
import { checkDestination, destinationOf } from '../subscriptions.ts';
import { destinationNotFound } from './destinations.ts';
import { parsePattern } from './filter-log-events.ts';

type Ctx = RequestContext<LogsState>;

/** AWS allows two subscription filters per log group. */
const MAX_SUBSCRIPTION_FILTERS = 2;

/** A destination of another account takes subscriptions only where its access policy allows the subscriber. */
function checkLogsDestination(ctx: Ctx, arn: string): void {
  const destination = destinationOf(ctx, arn);
  if (!destination) throw destinationNotFound();
  const owner = parseArn(arn)!.accountId;
  if (owner !== ctx.accountId && !mayAccess(ctx, 'logs:PutSubscriptionFilter', arn, owner, destination.accessPolicy)) {
    throw new AwsError('AccessDeniedException', notAuthorized(ctx.caller, 'logs:PutSubscriptionFilter', arn));
  }
}

export async function putSubscriptionFilter(input: PutSubscriptionFilterRequest, ctx: Ctx): Promise<object> {
  // AWS judges the destination before it looks the group up (recorded: a cross-account Lambda on a missing group is AccessDenied).
  const destination = parseArn(input.destinationArn!);
  if (!destination) throw invalidParameter(`Invalid destinationArn: ${input.destinationArn}`);
  if ((destination.service === 'kinesis' || destination.service === 'firehose') && !input.roleArn) {
    throw invalidParameter(`destinationArn for vendor ${destination.service} cannot be used without roleArn`);
  }
  if (destination.service === 'lambda' && destination.accountId !== ctx.accountId) {
    throw new AwsError(
      'AccessDeniedException',
      'Cross-account lambda invocation passing is not allowed. You must use DestinationPolicies to create cross account lambda triggers.',
    );
  }
  const group = findGroup(ctx.state, input);
  if (destination.service === 'logs') checkLogsDestination(ctx, input.destinationArn!);
  const compiled = parsePattern(input.filterPattern);
  if (!group.subscriptionFilters.has(input.filterName!) && group.subscriptionFilters.size >= MAX_SUBSCRIPTION_FILTERS) {
    throw new AwsError('LimitExceededException', 'Resource limit exceeded.');
  }
  if ((destination.service === 'kinesis' || destination.service === 'firehose') && !(await checkDestination(ctx, group.name, input.destinationArn!, input.roleArn))) {
    const [vendor, given] = destination.service === 'kinesis' ? ['Kinesis', 'kinesis'] : ['Firehose', 'Firehose'];
    throw invalidParameter(`Could not deliver test message to specified ${vendor} stream. Check if the given ${given} stream is in ACTIVE state.`);
  }
  group.subscriptionFilters.set(input.filterName!, {
    name: input.filterName!,
    pattern: input.filterPattern!,
    compiled,
    destinationArn: input.destinationArn!,
    roleArn: input.roleArn,
    distribution: input.distribution ?? 'ByLogStream',
    created: ctx.emulator.clock.now(),
    applyOnTransformedLogs: input.applyOnTransformedLogs ?? false,
    fieldSelectionCriteria: input.fieldSelectionCriteria,
    emitSystemFields: input.emitSystemFields,
  });
  return {};
}

export function deleteSubscriptionFilter(input: DeleteSubscriptionFilterRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, input);
  if (!group.subscriptionFilters.delete(input.filterName!)) throw notFound('The specified subscription filter does not exist.');
  return {};
}

export function describeSubscriptionFilters(input: DescribeSubscriptionFiltersRequest, ctx: Ctx): DescribeSubscriptionFiltersResponse {
  const group = findGroup(ctx.state, input);
  const filters = [...group.subscriptionFilters.values()].filter((f) => !input.filterNamePrefix || f.name.startsWith(input.filterNamePrefix));
  const { items, nextToken } = page(filters, input.nextToken, input.limit ?? 50);
  return {
    subscriptionFilters: items.map((f) => ({
      filterName: f.name,
      logGroupName: group.name,
      filterPattern: f.pattern,
      destinationArn: f.destinationArn,
      roleArn: f.roleArn,
      distribution: f.distribution as 'ByLogStream',
      applyOnTransformedLogs: f.applyOnTransformedLogs,
      creationTime: f.created,
      fieldSelectionCriteria: f.fieldSelectionCriteria,
      emitSystemFields: f.emitSystemFields,
    })),
    nextToken,
  };
}
