import type { DescribeChangeSetHooksInput, GetHookResultInput, ListHookResultsInput } from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { validationError } from '../errors.ts';
import { findChangeSet } from './change-sets.ts';
import type { CfnContext } from './template-input.ts';

/*
 * Hooks: twinstack runs no hooks (it cannot run a registered hook's handlers), so no operation has hook results and
 * no change set plans a hook invocation. These answers say so in AWS's forms.
 */

const INVOCATION_ID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;

export function getHookResult(input: GetHookResultInput) {
  const id = input.HookResultId ?? '';
  if (!INVOCATION_ID.test(id)) throw validationError(`1 validation error detected: Value '${id}' at 'hookResultId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$`);
  throw new AwsError('HookResultNotFoundException', `Hook result with id ${id} not found.`);
}

const TARGET_TYPES = new Set(['CHANGE_SET', 'STACK', 'RESOURCE', 'CLOUD_CONTROL']);

export function listHookResults(input: ListHookResultsInput) {
  if (input.TargetType !== undefined && !TARGET_TYPES.has(input.TargetType)) {
    throw validationError(`1 validation error detected: Value '${input.TargetType}' at 'targetType' failed to satisfy constraint: Member must satisfy enum value set: [CHANGE_SET, STACK, RESOURCE, CLOUD_CONTROL]`);
  }
  if ((input.TargetType === undefined) !== (input.TargetId === undefined)) throw validationError('TargetType and TargetId must be specified together.');
  return { TargetType: input.TargetType, TargetId: input.TargetId, HookResults: [] };
}

export function describeChangeSetHooks(input: DescribeChangeSetHooksInput, ctx: CfnContext) {
  const changeSet = findChangeSet(ctx, input.ChangeSetName ?? '', input.StackName);
  return { ChangeSetId: changeSet.id, ChangeSetName: changeSet.name, Hooks: [], Status: 'UNAVAILABLE' as const, StackId: changeSet.stackId, StackName: changeSet.stackName };
}
