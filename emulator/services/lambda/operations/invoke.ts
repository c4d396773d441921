import type { InvocationRequest } from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { enqueueEvent } from '../async-invoke.ts';
import { functionArn } from '../function.ts';
import { checkConcurrency, logTail, runInvocation } from '../invoke.ts';
import { notFound, parseFunctionRef, resolveVersion, type FunctionRef } from '../lookup.ts';
import { mayAccess, notAuthorized } from '../../../core/access.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;

/** AWS's request payload limits: 6 MB for synchronous invocations, 1 MB for asynchronous ones (raised from 256 KB in 2025). */
export const MAX_SYNC_PAYLOAD = 6_291_456;
export const MAX_ASYNC_PAYLOAD = 1_048_576;

function checkPayload(payload: Buffer, limit: number) {
  if (payload.length > limit) {
    throw new AwsError('RequestTooLargeException', `Request must be smaller than ${limit} bytes for the InvokeFunction operation`, { status: 413 });
  }
  if (payload.length === 0) return;
  try {
    JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new AwsError('InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`, {
      status: 400,
    });
  }
}

/**
 * The state that holds the function: the caller's own, or (for a full or partial ARN of another account) that
 * account's, when the function's resource policy lets the caller invoke it.
 */
function owningState(ctx: Ctx, ref: FunctionRef): LambdaState {
  if (!ref.accountId || ref.accountId === ctx.state.accountId) return ctx.state;
  const other = ctx.emulator.state<LambdaState>('lambda', ref.accountId, ctx.state.region);
  const arn = functionArn(other.region, other.accountId, ref.name, ref.qualifier);
  const policy = other.functions.get(ref.name)?.policies.get(ref.qualifier ?? '');
  const document = policy ? { Statement: policy.statements } : undefined;
  if (!mayAccess(ctx, 'lambda:InvokeFunction', arn, other.accountId, document)) {
    throw new AwsError('AccessDeniedException', notAuthorized(ctx.caller, 'lambda:InvokeFunction', arn), { status: 403 });
  }
  return other;
}

export async function invoke(input: InvocationRequest & { Payload?: Buffer }, ctx: Ctx) {
  const type = input.InvocationType ?? 'RequestResponse';
  const payload = input.Payload ? Buffer.from(input.Payload) : Buffer.alloc(0);
  const ref = parseFunctionRef(ctx.state, input.FunctionName!, input.Qualifier);
  const state = owningState(ctx, ref);
  // AWS names a missing function with the version it would have run (AWS-recorded test_invoke_exceptions, 2025).
  if (!state.functions.has(ref.name)) throw notFound(state, ref.name, ref.qualifier ?? '$LATEST');
  const { fn, version } = resolveVersion(state, ref.name, ref.qualifier, { route: true });
  const invokedArn = functionArn(state.region, state.accountId, fn.name, ref.qualifier);
  if (type === 'Event') {
    checkPayload(payload, MAX_ASYNC_PAYLOAD);
    if (fn.reservedConcurrency === 0) checkConcurrency(state, fn);
    enqueueEvent(ctx.emulator, state, { fn, qualifier: ref.qualifier, payload: payload.length ? payload : Buffer.from('{}'), requestId: ctx.requestId });
    return { StatusCode: 202 };
  }
  checkPayload(payload, MAX_SYNC_PAYLOAD);
  checkConcurrency(state, fn);
  if (type === 'DryRun') return { StatusCode: 204 };
  const outcome = await runInvocation(ctx.emulator, state, fn, version, {
    payload: payload.length ? payload : Buffer.from('{}'),
    invokedArn,
    clientContext: input.ClientContext,
    requestId: ctx.requestId,
  });
  return {
    StatusCode: 200,
    Payload: outcome.payload,
    ExecutedVersion: outcome.executedVersion,
    FunctionError: outcome.functionError,
    LogResult: input.LogType === 'Tail' ? logTail(outcome.log) : undefined,
  };
}

/** The deprecated InvokeAsync: an Event invocation answered with status 202. */
export async function invokeAsync(input: { FunctionName?: string; InvokeArgs?: Uint8Array }, ctx: Ctx) {
  await invoke({ FunctionName: input.FunctionName, InvocationType: 'Event', Payload: input.InvokeArgs ? Buffer.from(input.InvokeArgs) : undefined }, ctx);
  return { Status: 202 };
}
