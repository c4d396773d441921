import type { ContinueUpdateRollbackInput, RollbackStackInput } from '@aws-sdk/client-cloudformation';
import { rollbackCreate, rollbackUpdate } from '../engine/deploy.ts';
import { beginOperation } from '../engine/run.ts';
import { validationError } from '../errors.ts';
import { runOf } from './stack-setup.ts';
import { checkToken, launch, requireStack } from './stacks.ts';
import type { CfnContext } from './template-input.ts';

/**
 * Rolls a stack left failed (DisableRollback / OnFailure DO_NOTHING) back to its last stable state: a failed
 * creation loses its resources (ROLLBACK_COMPLETE), a failed update is undone (UPDATE_ROLLBACK_COMPLETE).
 */
export async function rollbackStack(input: RollbackStackInput, ctx: CfnContext) {
  checkToken(input.ClientRequestToken);
  const stack = requireStack(ctx, input.StackName);
  const run = runOf(ctx, input.ClientRequestToken);
  const pending = stack.pendingRollback;
  if (stack.status === 'CREATE_FAILED' || (stack.status === 'UPDATE_FAILED' && pending)) beginOperation(stack, run, 'ROLLBACK');
  if (stack.status === 'CREATE_FAILED') {
    const deployed = { template: stack.template, templateBody: stack.templateBody, parameters: stack.parameters };
    await launch(ctx, stack.stackId, () => rollbackCreate(stack, run, 'User Initiated', deployed, 'ROLLBACK'));
  } else if (stack.status === 'UPDATE_FAILED' && pending) {
    await launch(ctx, stack.stackId, () => rollbackUpdate(stack, run, 'User Initiated', pending));
  } else {
    throw validationError(`Stack ${stack.stackId} is in ${stack.status} state and can not be rolled back`);
  }
  return { StackId: stack.stackId, OperationId: run.operation?.id };
}

/** Resumes an update rollback that failed, taking the resources named in ResourcesToSkip as rolled back. */
export async function continueUpdateRollback(input: ContinueUpdateRollbackInput, ctx: CfnContext) {
  checkToken(input.ClientRequestToken);
  const stack = requireStack(ctx, input.StackName);
  const pending = stack.pendingRollback;
  if (stack.status !== 'UPDATE_ROLLBACK_FAILED' || !pending) throw validationError(`Stack ${stack.stackId} is in ${stack.status} state and can not continue update rollback`);
  const skip = new Set(input.ResourcesToSkip ?? []);
  const unknown = [...skip].find((id) => !stack.resources.has(id));
  if (unknown) throw validationError(`Resource ${unknown} does not exist for stack ${stack.stackName}`);
  const run = runOf(ctx, input.ClientRequestToken);
  beginOperation(stack, run, 'CONTINUE_ROLLBACK');
  await launch(ctx, stack.stackId, () => rollbackUpdate(stack, run, undefined, pending, skip));
  return {};
}
