import type { SendTaskFailureInput, SendTaskHeartbeatInput, SendTaskSuccessInput } from '@aws-sdk/client-sfn';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { SfnErrors } from '../errors.ts';
import type { PendingTask } from '../runtime/task-tokens.ts';
import type { SfnState } from '../state.ts';

type Ctx = RequestContext<SfnState>;

/** The task a token names; a token that never was, or whose task has ended, is TaskTimedOut or InvalidToken. */
function pending(ctx: Ctx, token: string): PendingTask {
  const task = ctx.state.tokens?.get(token);
  if (task) return task;
  // Well-formed tokens of tasks that have ended get TaskTimedOut, as on AWS; anything else is not a token at all.
  if (/^[A-Za-z0-9_-]{100,}$/.test(token)) throw new AwsError('TaskTimedOut', 'Task Timed Out');
  throw SfnErrors.invalidToken();
}

export function sendTaskSuccess(input: SendTaskSuccessInput, ctx: Ctx): object {
  const task = pending(ctx, input.taskToken!);
  try {
    JSON.parse(input.output!);
  } catch {
    throw new AwsError('InvalidOutput', `Invalid Output: '${input.output}'`);
  }
  ctx.state.tokens!.release(input.taskToken!);
  task.succeed(input.output!);
  return {};
}

export function sendTaskFailure(input: SendTaskFailureInput, ctx: Ctx): object {
  const task = pending(ctx, input.taskToken!);
  ctx.state.tokens!.release(input.taskToken!);
  task.fail(input.error, input.cause);
  return {};
}

export function sendTaskHeartbeat(input: SendTaskHeartbeatInput, ctx: Ctx): object {
  pending(ctx, input.taskToken!).heartbeat?.();
  return {};
}
