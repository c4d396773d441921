import { randomUUID } from 'node:crypto';
import type { Parameter } from '@aws-sdk/client-cloudformation';
import type { Emulator } from '../../../core/emulator.ts';
import type { Caller } from '../../../core/service.ts';
import type { CloudFormationState, Stack } from '../state.ts';
import type { StackInstance, StackSet } from './model.ts';

/** A stack instance's work failed: the reason the instance and the operation result show. */
export class InstanceFailed extends Error {}

function targetState(emulator: Emulator, instance: StackInstance): CloudFormationState {
  return emulator.state<CloudFormationState>('cloudformation', instance.account, instance.region);
}

/** The instance's stack, if it has one that is not deleted. */
export function instanceStack(emulator: Emulator, instance: StackInstance): Stack | undefined {
  const stack = instance.stackId ? targetState(emulator, instance).stacks.find((s) => s.stackId === instance.stackId) : undefined;
  return stack && stack.status !== 'DELETE_COMPLETE' ? stack : undefined;
}

/** The stack set's parameters with the instance's overrides. */
function parametersOf(set: StackSet, instance: StackInstance): Parameter[] {
  const values = new Map(set.parameters.map((p) => [p.ParameterKey!, p.ParameterValue]));
  for (const p of instance.parameterOverrides) values.set(p.ParameterKey!, p.ParameterValue);
  return [...values].map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
}

/** Why a stack operation did not succeed, as stack instances report it: the first resource that failed. */
function failureOf(stack: Stack): string {
  const failed = [...stack.events].reverse().find((e) => e.ResourceStatus?.endsWith('_FAILED') && e.PhysicalResourceId !== stack.stackId);
  if (!failed) return stack.statusReason ?? stack.status;
  return `ResourceLogicalId:${failed.LogicalResourceId}, ResourceType:${failed.ResourceType}, ResourceStatusReason:${failed.ResourceStatusReason}.`;
}

async function stackCall(emulator: Emulator, caller: Caller, instance: StackInstance, operation: string, input: object): Promise<Stack | undefined> {
  let stackId: string | undefined;
  try {
    stackId = (await emulator.call<{ StackId?: string }>('cloudformation', operation, input, { caller, accountId: instance.account, region: instance.region })).StackId;
  } catch (error) {
    if ((error as Error).message === 'No updates are to be performed.') return undefined;
    throw new InstanceFailed((error as Error).message);
  }
  const state = targetState(emulator, instance);
  const id = stackId ?? instance.stackId!;
  await state.running.get(id);
  return state.stacks.find((s) => s.stackId === id);
}

async function deleteStack(emulator: Emulator, caller: Caller, instance: StackInstance, stack: Stack): Promise<void> {
  const after = await stackCall(emulator, caller, instance, 'DeleteStack', { StackName: stack.stackId });
  if (after && after.status !== 'DELETE_COMPLETE') throw new InstanceFailed(failureOf(after));
}

const UPDATABLE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);

/**
 * Brings the instance's stack to the stack set's template and parameters (with the instance's overrides): creates
 * `StackSet-<name>-<uuid>` in the target account and region, or updates the one it has (a stack whose creation
 * failed is deleted and made again). Throws InstanceFailed with the reason when the stack does not get there.
 */
export async function deployInstance(emulator: Emulator, set: StackSet, instance: StackInstance, caller: Caller): Promise<void> {
  const common = { TemplateBody: set.templateBody, Parameters: parametersOf(set, instance), Capabilities: set.capabilities, Tags: set.tags };
  let stack = instanceStack(emulator, instance);
  if (stack && !UPDATABLE.has(stack.status)) {
    await deleteStack(emulator, caller, instance, stack);
    stack = undefined;
  }
  if (stack) {
    const after = await stackCall(emulator, caller, instance, 'UpdateStack', { StackName: stack.stackId, ...common });
    if (after && after.status !== 'UPDATE_COMPLETE') throw new InstanceFailed(failureOf(after));
    return;
  }
  const created = await stackCall(emulator, caller, instance, 'CreateStack', { StackName: `StackSet-${set.name}-${randomUUID()}`, ...common });
  instance.stackId = created?.stackId;
  if (created && created.status !== 'CREATE_COMPLETE') throw new InstanceFailed(failureOf(created));
}

/** Deletes the instance's stack (unless it is retained: it then leaves the stack set and stays). */
export async function removeInstance(emulator: Emulator, instance: StackInstance, caller: Caller, retain: boolean): Promise<void> {
  const stack = instanceStack(emulator, instance);
  if (stack && !retain) await deleteStack(emulator, caller, instance, stack);
}
