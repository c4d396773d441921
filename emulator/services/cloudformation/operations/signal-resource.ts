import type { SignalResourceInput } from '@aws-sdk/client-cloudformation';
import { recordEvent } from '../engine/run.ts';
import { validationError } from '../errors.ts';
import { runOf } from './stack-setup.ts';
import { requireStack } from './stacks.ts';
import type { CfnContext } from './template-input.ts';

/**
 * Sends a SUCCESS or FAILURE signal to a resource that waits for its CreationPolicy's signals (EC2 instances,
 * Auto Scaling groups, wait conditions); the stack's events show each one received. A signal with a UniqueId already received replaces it, so retries count once.
 */
export function signalResource(input: SignalResourceInput, ctx: CfnContext) {
  const stack = requireStack(ctx, input.StackName);
  const id = input.LogicalResourceId ?? '';
  const resource = stack.resources.get(id);
  if (!resource || resource.status === 'DELETE_COMPLETE') throw validationError(`Resource ${id} does not exist for stack ${stack.stackName}`);
  if (!resource.signals) throw validationError(`Resource ${id} is in ${resource.status} state and cannot be signaled`);
  const uniqueId = input.UniqueId ?? '';
  const status = input.Status ?? '';
  resource.signals = [...resource.signals.filter((s) => s.uniqueId !== uniqueId), { uniqueId, status }];
  recordEvent(stack, runOf(ctx), { logicalId: id, physicalId: resource.physicalId, type: resource.type, status: resource.status, reason: `Received ${status} signal with UniqueId ${uniqueId}` });
  return {};
}
