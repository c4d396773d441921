import type {
  DescribeStackSetOperationInput,
  ListStackSetOperationResultsInput,
  ListStackSetOperationsInput,
  StackSetOperationSummary,
  StopStackSetOperationInput,
} from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { validationError } from '../errors.ts';
import type { StackSet, StackSetOperation } from '../stack-sets/model.ts';
import { checkCallAs, findStackSet, stackSetNotFound } from '../stack-sets/requests.ts';
import { listPage } from './describe.ts';
import { checkMaxResults } from './stack-sets.ts';
import type { CfnContext } from './template-input.ts';

/** Operations stay readable after their stack set is deleted (by its id). */
function stackSetOf(ctx: CfnContext, name: string | undefined): StackSet {
  const set = findStackSet(ctx, name);
  if (!set) throw stackSetNotFound(name);
  return set;
}

function operationOf(set: StackSet, id: string | undefined): StackSetOperation {
  const op = set.operations.find((o) => o.id === id);
  if (!op) throw new AwsError('OperationNotFoundException', `Operation ${id ?? ''} not found for StackSet ${set.id}`);
  return op;
}

function failedCount(op: StackSetOperation): { StatusDetails?: { FailedStackInstancesCount: number } } {
  const failed = [...op.results.values()].filter((r) => r.status === 'FAILED').length;
  return failed ? { StatusDetails: { FailedStackInstancesCount: failed } } : {};
}

function summary(op: StackSetOperation): StackSetOperationSummary {
  return {
    OperationId: op.id,
    Action: op.action,
    Status: op.status as never,
    CreationTimestamp: op.created,
    EndTimestamp: op.ended,
    StatusReason: op.statusReason,
    ...failedCount(op),
    OperationPreferences: op.preferences,
  };
}

export function describeStackSetOperation(input: DescribeStackSetOperationInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = stackSetOf(ctx, input.StackSetName);
  const op = operationOf(set, input.OperationId);
  return {
    StackSetOperation: {
      ...summary(op),
      StackSetId: set.id,
      RetainStacks: op.retainStacks,
      AdministrationRoleARN: op.adminRoleArn,
      ExecutionRoleName: op.executionRoleName,
    },
  };
}

export function listStackSetOperations(input: ListStackSetOperationsInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = stackSetOf(ctx, input.StackSetName);
  return listPage('Summaries', set.operations, input.NextToken, checkMaxResults(input.MaxResults), summary);
}

export function listStackSetOperationResults(input: ListStackSetOperationResultsInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = stackSetOf(ctx, input.StackSetName);
  const op = operationOf(set, input.OperationId);
  const filters = input.Filters ?? [];
  for (const filter of filters) {
    if (filter.Name !== 'OPERATION_RESULT_STATUS') {
      throw validationError(`1 validation error detected: Value '${filter.Name}' at 'filters.1.member.name' failed to satisfy constraint: Member must satisfy enum value set: [OPERATION_RESULT_STATUS]`);
    }
  }
  const results = [...op.results.values()].filter((r) => filters.every((f) => r.status === f.Values));
  return listPage('Summaries', results, input.NextToken, checkMaxResults(input.MaxResults), (r) => ({
    Account: r.account,
    Region: r.region,
    Status: r.status as never,
    StatusReason: r.statusReason,
    AccountGateResult: r.accountGate ? { Status: r.accountGate.status as never, StatusReason: r.accountGate.statusReason } : undefined,
  }));
}

/** Stops an operation: targets not yet started are cancelled, and the operation ends STOPPED. */
export function stopStackSetOperation(input: StopStackSetOperationInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = stackSetOf(ctx, input.StackSetName);
  const op = operationOf(set, input.OperationId);
  if (op.status !== 'RUNNING' && op.status !== 'QUEUED') throw new AwsError('InvalidOperationException', `Operation ${op.id} is in ${op.status} state and can not be stopped`);
  op.stopRequested = true;
  op.status = 'STOPPING';
  return {};
}
