import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import type { FunctionVersion, LambdaFunction } from '../function.ts';
import type { LambdaState } from '../state.ts';
import { invokeAnswer, startExecution } from './driver.ts';
import { liveExecutions, whenClosed, type DurableExecution } from './execution.ts';

/** AWS's request payload limits for durable invocations are Invoke's: 6 MB synchronous, 1 MB asynchronous. */
const LIMITS = { RequestResponse: 6_291_456, Event: 1_048_576, DryRun: 6_291_456 };

/**
 * Invoke of a function with a DurableConfig starts a durable execution (or, for an execution name already used with
 * the same input, answers that execution: names are idempotency keys). A synchronous invoke answers when the
 * execution closes; an asynchronous one at once; both name the execution in X-Amz-Durable-Execution-Arn.
 */
export async function invokeDurable(
  ctx: RequestContext<LambdaState>,
  state: LambdaState,
  fn: LambdaFunction,
  version: FunctionVersion,
  request: { type: string; payload: Buffer; name?: string },
) {
  const limit = LIMITS[request.type as keyof typeof LIMITS] ?? LIMITS.RequestResponse;
  if (request.payload.length > limit) {
    throw new AwsError('RequestTooLargeException', `Request must be smaller than ${limit} bytes for the InvokeFunction operation`, { status: 413 });
  }
  if (request.type === 'DryRun') return { StatusCode: 204 };
  const input = request.payload.length ? request.payload.toString('utf8') : '{}';
  try {
    JSON.parse(input);
  } catch (error) {
    throw new AwsError('InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`, {
      status: 400,
    });
  }
  const execution = sameName(ctx, state, fn, request.name, input) ?? startExecution(ctx.emulator, state, fn, version, { name: request.name, payload: input, caller: ctx.caller });
  if (request.type === 'Event') return { StatusCode: 202, DurableExecutionArn: execution.arn };
  await whenClosed(execution);
  const answer = invokeAnswer(execution);
  return { StatusCode: 200, Payload: answer.payload, FunctionError: answer.functionError, ExecutedVersion: execution.version, DurableExecutionArn: execution.arn };
}

function sameName(ctx: RequestContext<LambdaState>, state: LambdaState, fn: LambdaFunction, name: string | undefined, input: string): DurableExecution | undefined {
  if (name === undefined) return undefined;
  const found = [...liveExecutions(ctx.emulator, state).values()].find((e) => e.functionName === fn.name && e.name === name);
  if (!found) return undefined;
  if (found.input !== input) {
    throw new AwsError(
      'DurableExecutionAlreadyStartedException',
      `The durable execution with the name ${name} has already been started with a different input. Use a different name or check the status of the existing execution.`,
      { status: 409 },
    );
  }
  return found;
}
