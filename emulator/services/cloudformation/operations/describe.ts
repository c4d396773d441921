import type {
  DescribeStackEventsInput,
  DescribeStackResourceInput,
  DescribeStackResourcesInput,
  DescribeStacksInput,
  ListStackResourcesInput,
  ListStacksInput,
  Stack as StackOutput,
} from '@aws-sdk/client-cloudformation';
import { stackNotFound, validationError } from '../errors.ts';
import { describeParameters } from '../template/parameters.ts';
import type { Stack, StackResource } from '../state.ts';
import { firstPollSettled } from './first-poll.ts';
import { requireStack } from './stacks.ts';
import type { CfnContext } from './template-input.ts';

/** Pages of a list: AWS's NextToken is opaque; ours is the offset. */
export function page<T>(items: T[], token: string | undefined, size: number): { items: T[]; next?: string } {
  const start = token === undefined ? 0 : Number.parseInt(token, 10);
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw validationError('Invalid NextToken');
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}

/** One page of a list answer: the page's items, described, under the answer's member name, with its NextToken. */
export function listPage<T, R, K extends string>(key: K, items: T[], token: string | undefined, size: number, describe: (item: T) => R) {
  const { items: pageItems, next } = page(items, token, size);
  return { [key]: pageItems.map(describe), NextToken: next } as Record<K, R[]> & { NextToken?: string };
}

function stackDrift(stack: Stack) {
  return stack.drift ? { StackDriftStatus: stack.drift.status as never, LastCheckTimestamp: stack.drift.timestamp } : { StackDriftStatus: 'NOT_CHECKED' as const };
}

/**
 * The stack's last operation (change set creations aside, as AWS's DescribeStacks shows), with the one it rolled back
 * when CloudFormation rolled a failure back itself.
 */
function lastOperations(stack: Stack) {
  const operations = stack.operations ?? [];
  const last = operations.find((o) => o.type !== 'CREATE_CHANGESET') ?? operations[0];
  if (!last) return undefined;
  const undone = last.undoes === undefined ? undefined : operations.find((o) => o.id === last.undoes);
  return [last, ...(undone ? [undone] : [])].map((o) => ({ OperationType: o.type, OperationId: o.id }));
}

export function describeStack(stack: Stack): StackOutput {
  // A deleted stack no longer shows its termination protection, nor one whose creation was rolled back (its resources
  // deleted) its change set (AWS's recordings of such stacks).
  const deleted = stack.status === 'DELETE_COMPLETE';
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    ChangeSetId: stack.deleted ? undefined : stack.changeSetId,
    Description: stack.description,
    Parameters: stack.parameters.length ? describeParameters(stack.parameters) : undefined,
    CreationTime: stack.created,
    DeletionTime: stack.deleted,
    LastUpdatedTime: stack.updated,
    RollbackConfiguration: {},
    StackStatus: stack.status as never,
    StackStatusReason: stack.statusReason,
    DisableRollback: stack.disableRollback,
    NotificationARNs: stack.notificationArns,
    TimeoutInMinutes: stack.timeoutInMinutes,
    Capabilities: stack.capabilities.length ? (stack.capabilities as never) : undefined,
    Outputs: stack.outputs.length ? stack.outputs : undefined,
    RoleARN: stack.roleArn,
    Tags: stack.tags,
    EnableTerminationProtection: deleted ? undefined : stack.terminationProtection,
    ParentId: stack.parentId,
    RootId: stack.rootId,
    DriftInformation: stackDrift(stack),
    LastOperations: lastOperations(stack),
  };
}

export async function describeStacks(input: DescribeStacksInput, ctx: CfnContext) {
  if (input.StackName) {
    const found = ctx.state.find(input.StackName);
    if (!found) throw stackNotFound(input.StackName);
    await firstPollSettled(ctx.state, found.stackId);
    // Looked up again: a stack named by name that was deleted meanwhile is not found, as it would be now.
    const stack = ctx.state.find(input.StackName);
    if (!stack) throw stackNotFound(input.StackName);
    return { Stacks: [describeStack(stack)] };
  }
  const live = ctx.state.stacks.filter((s) => s.status !== 'DELETE_COMPLETE').reverse();
  return listPage('Stacks', live, input.NextToken, 100, describeStack);
}

export function listStacks(input: ListStacksInput, ctx: CfnContext) {
  const filter = input.StackStatusFilter?.length ? new Set<string>(input.StackStatusFilter) : undefined;
  const stacks = ctx.state.stacks.filter((s) => !filter || filter.has(s.status)).reverse();
  return listPage('StackSummaries', stacks, input.NextToken, 100, (s) => ({
    StackId: s.stackId,
    StackName: s.stackName,
    TemplateDescription: s.description,
    CreationTime: s.created,
    LastUpdatedTime: s.updated,
    DeletionTime: s.deleted,
    StackStatus: s.status as never,
    StackStatusReason: s.statusReason,
    ParentId: s.parentId,
    RootId: s.rootId,
    DriftInformation: stackDrift(s),
    LastOperations: lastOperations(s),
  }));
}

export function describeStackEvents(input: DescribeStackEventsInput, ctx: CfnContext) {
  const stack = input.StackName ? ctx.state.find(input.StackName) : undefined;
  // DescribeStackEvents words a missing stack differently from DescribeStacks.
  if (!stack) throw validationError(`Stack [${input.StackName ?? ''}] does not exist`);
  return listPage('StackEvents', stack.events, input.NextToken, 100, (e) => e);
}

function visible(stack: Stack): StackResource[] {
  return [...stack.resources.values()].filter((r) => stack.status === 'DELETE_COMPLETE' || r.status !== 'DELETE_COMPLETE' || /ROLLBACK/.test(stack.status));
}

function resourceSummary(stack: Stack, r: StackResource) {
  return {
    StackName: stack.stackName,
    StackId: stack.stackId,
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId,
    ResourceType: r.type,
    Timestamp: r.updated,
    ResourceStatus: r.status as never,
    ResourceStatusReason: r.statusReason,
    DriftInformation: r.drift ? { StackResourceDriftStatus: r.drift.StackResourceDriftStatus!, LastCheckTimestamp: r.drift.Timestamp } : { StackResourceDriftStatus: 'NOT_CHECKED' as const },
  };
}

export function describeStackResources(input: DescribeStackResourcesInput, ctx: CfnContext) {
  let stack: Stack | undefined;
  if (input.StackName) stack = requireStack(ctx, input.StackName);
  else if (input.PhysicalResourceId) {
    stack = ctx.state.stacks.find((s) => s.status !== 'DELETE_COMPLETE' && [...s.resources.values()].some((r) => r.physicalId === input.PhysicalResourceId));
    if (!stack) throw validationError(`Stack for ${input.PhysicalResourceId} does not exist`);
  } else throw validationError('Either StackName or PhysicalResourceId must be specified.');
  const resources = visible(stack).filter((r) => input.LogicalResourceId === undefined || r.logicalId === input.LogicalResourceId);
  return { StackResources: resources.map((r) => resourceSummary(stack, r)) };
}

export function describeStackResource(input: DescribeStackResourceInput, ctx: CfnContext) {
  const stack = input.StackName ? ctx.state.find(input.StackName) : undefined;
  // DescribeStackResource words a missing stack its own way too.
  if (!stack) throw validationError(`Stack '${input.StackName ?? ''}' does not exist`);
  const resource = stack.resources.get(input.LogicalResourceId ?? '');
  // A resource deleted (by an update, or a rollback) is no longer the stack's.
  if (!resource || resource.status === 'DELETE_COMPLETE') throw validationError(`Resource ${input.LogicalResourceId} does not exist for stack ${input.StackName}`);
  const { Timestamp, ...summary } = resourceSummary(stack, resource);
  return {
    StackResourceDetail: {
      ...summary,
      LastUpdatedTimestamp: Timestamp,
      Metadata: JSON.stringify(resource.metadata ?? {}),
    },
  };
}


export function listStackResources(input: ListStackResourcesInput, ctx: CfnContext) {
  const stack = requireStack(ctx, input.StackName);
  return listPage('StackResourceSummaries', visible(stack), input.NextToken, 100, (r) => {
    const { StackName: _stackName, StackId: _stackId, Timestamp, ...summary } = resourceSummary(stack, r);
    return { ...summary, LastUpdatedTimestamp: Timestamp };
  });
}
