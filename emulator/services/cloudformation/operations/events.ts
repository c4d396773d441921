import type { DescribeEventsInput, OperationEvent, StackEvent } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import type { Stack, StackOperation } from '../state.ts';
import { findChangeSet } from './change-sets.ts';
import { listPage } from './describe.ts';
import type { CfnContext } from './template-input.ts';

const failed = (event: StackEvent) => Boolean(event.ResourceStatus?.endsWith('_FAILED'));

/** The stack's own status changes are stack events; a resource's failure is a provisioning error; the rest is progress. */
function eventType(stack: Stack, event: StackEvent): OperationEvent['EventType'] {
  if (event.PhysicalResourceId === stack.stackId && event.ResourceType === 'AWS::CloudFormation::Stack') return 'STACK_EVENT';
  return failed(event) ? 'PROVISIONING_ERROR' : 'PROGRESS_EVENT';
}

function operationEvent(stack: Stack, operation: StackOperation, event: StackEvent): OperationEvent {
  const type = eventType(stack, event);
  return {
    EventId: event.EventId,
    StackId: stack.stackId,
    OperationId: operation.id,
    OperationType: operation.type,
    OperationStatus: operation.status,
    EventType: type,
    LogicalResourceId: event.LogicalResourceId,
    PhysicalResourceId: event.PhysicalResourceId,
    ResourceType: event.ResourceType,
    Timestamp: event.Timestamp,
    // The operation's span goes with the stack's own events.
    StartTime: type === 'STACK_EVENT' ? operation.started : undefined,
    EndTime: type === 'STACK_EVENT' ? operation.ended : undefined,
    ResourceStatus: event.ResourceStatus,
    ResourceStatusReason: event.ResourceStatusReason,
    ResourceProperties: event.ResourceProperties,
    ClientRequestToken: event.ClientRequestToken,
    DetailedStatus: event.DetailedStatus,
  };
}

/** Stacks whose events a request asks about, and which of their operations. */
function selection(input: DescribeEventsInput, ctx: CfnContext): { stacks: Stack[]; keep: (operation: StackOperation) => boolean } {
  if (input.ChangeSetName !== undefined) {
    const changeSet = findChangeSet(ctx, input.ChangeSetName, input.StackName);
    const stack = ctx.state.stacks.find((s) => s.stackId === changeSet.stackId)!;
    return { stacks: [stack], keep: (o) => o.changeSetId === changeSet.id && (input.OperationId === undefined || o.id === input.OperationId) };
  }
  if (input.StackName !== undefined) {
    const stack = ctx.state.find(input.StackName);
    if (!stack) throw validationError(`Stack [${input.StackName}] does not exist`);
    return { stacks: [stack], keep: (o) => input.OperationId === undefined || o.id === input.OperationId };
  }
  if (input.OperationId !== undefined) {
    const stacks = ctx.state.stacks.filter((s) => s.operations?.some((o) => o.id === input.OperationId));
    return { stacks, keep: (o) => o.id === input.OperationId };
  }
  throw validationError('One of ChangeSetName, OperationId or StackName must be specified.');
}

/**
 * The events of a stack's operations (all of them, those of one operation, or those of a change set's creation and
 * execution), newest first, each with its operation's id, type and status; FailedEvents keeps the failures only.
 */
export function describeEvents(input: DescribeEventsInput, ctx: CfnContext) {
  const { stacks, keep } = selection(input, ctx);
  const events: OperationEvent[] = [];
  for (const stack of stacks) {
    const operations = new Map((stack.operations ?? []).filter(keep).map((o) => [o.id, o]));
    for (const event of stack.events) {
      const operation = event.OperationId === undefined ? undefined : operations.get(event.OperationId);
      if (!operation || (input.Filters?.FailedEvents && !failed(event))) continue;
      events.push(operationEvent(stack, operation, event));
    }
  }
  return listPage('OperationEvents', events, input.NextToken, 100, (e) => e);
}
