import type { CancelUpdateStackInput } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { checkToken, requireStack } from './stacks.ts';
import type { CfnContext } from './template-input.ts';

/**
 * Stops the update in progress: no new resource work starts, resources waiting for signals fail with
 * "Resource creation cancelled", and the stack rolls back to UPDATE_ROLLBACK_COMPLETE.
 */
export function cancelUpdateStack(input: CancelUpdateStackInput, ctx: CfnContext) {
  checkToken(input.ClientRequestToken);
  const stack = requireStack(ctx, input.StackName);
  if (stack.status !== 'UPDATE_IN_PROGRESS' || stack.cancelling) throw validationError('CancelUpdateStack cannot be called from current stack status');
  stack.cancelling = true;
  return {};
}
