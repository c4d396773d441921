import type { InvocationRequest } from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import { readPayload } from '../../../core/payload.ts';
import type { RequestContext } from '../../../core/service.ts';
import { enqueueEvent } from '../async-invoke.ts';
import { ChunkQueue } from '../chunk-queue.ts';
import { functionArn, governingStatements } from '../function.ts';
import { checkConcurrency, logTail, runInvocation } from '../invoke.ts';
import { invokeDurable } from '../durable/invoke.ts';
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
 * account's. Another account's principal, and an AWS service delivering for a resource (SNS, S3, EventBridge), may
 * invoke only what the function's resource policy allows them, as on AWS.
 */
function owningState(ctx: Ctx, ref: FunctionRef): LambdaState {
  const other = ref.accountId && ref.accountId !== ctx.state.accountId;
  const state = other ? ctx.emulator.state<LambdaState>('lambda', ref.accountId!, ctx.state.region) : ctx.state;
  if (!other && !ctx.caller.servicePrincipal) return state;
  const arn = functionArn(state.region, state.accountId, ref.name, ref.qualifier);
  const fn = state.functions.get(ref.name);
  const statements = governingStatements(fn, ref.qualifier);
  if (!mayAccess(ctx, 'lambda:InvokeFunction', arn, state.accountId, { Statement: statements })) {
    throw new AwsError('AccessDeniedException', notAuthorized(ctx.caller, 'lambda:InvokeFunction', arn), { status: 403 });
  }
  return state;
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
  if (version.config.DurableConfig) return invokeDurable(ctx, state, fn, version, { type, payload, name: input.DurableExecutionName });
  if (type === 'Event') {
    checkPayload(payload, MAX_ASYNC_PAYLOAD);
    enqueueEvent(ctx.emulator, state, { fn, qualifier: ref.qualifier, payload: payload.length ? payload : Buffer.from('{}'), requestId: ctx.requestId });
    return { StatusCode: 202 };
  }
  checkPayload(payload, MAX_SYNC_PAYLOAD);
  checkConcurrency(ctx.emulator, state, fn, version.config.Version);
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

/** The errorType and errorMessage of a function error payload (any text, for custom runtimes). */
function errorOf(payload: Buffer): { errorType?: string; errorMessage?: string } {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as { errorType?: string; errorMessage?: string };
  } catch {
    // not JSON
  }
  return { errorMessage: payload.toString('utf8') };
}

/**
 * InvokeWithResponseStream: the function's response as PayloadChunk events (each chunk a streaming handler writes, or
 * the whole response of a buffered one), then InvokeComplete with the error, if any, and the log tail.
 */
export async function invokeWithResponseStream(input: InvocationRequest & { Payload?: Buffer }, ctx: Ctx) {
  const payload = input.Payload ? Buffer.from(input.Payload) : Buffer.alloc(0);
  const ref = parseFunctionRef(ctx.state, input.FunctionName!, input.Qualifier);
  const state = owningState(ctx, ref);
  if (!state.functions.has(ref.name)) throw notFound(state, ref.name, ref.qualifier ?? '$LATEST');
  const { fn, version } = resolveVersion(state, ref.name, ref.qualifier, { route: true });
  checkPayload(payload, MAX_SYNC_PAYLOAD);
  checkConcurrency(ctx.emulator, state, fn, version.config.Version);
  if (input.InvocationType === 'DryRun') return { StatusCode: 204 };
  const events = new ChunkQueue<Record<string, unknown>>();
  const chunk = (bytes: Buffer) => events.push({ PayloadChunk: { Payload: bytes } });
  void runInvocation(ctx.emulator, state, fn, version, {
    payload: payload.length ? payload : Buffer.from('{}'),
    invokedArn: functionArn(state.region, state.accountId, fn.name, ref.qualifier),
    clientContext: input.ClientContext,
    requestId: ctx.requestId,
    onChunk: chunk,
  }).then(
    (outcome) => {
      if (!outcome.streamed && !outcome.functionError) chunk(outcome.payload);
      const error = outcome.functionError ? errorOf(outcome.payload) : undefined;
      const log = input.LogType === 'Tail' ? { LogResult: logTail(outcome.log) } : {};
      events.end({ InvokeComplete: { ...(error ? { ErrorCode: error.errorType ?? 'Unhandled', ErrorDetails: error.errorMessage ?? '' } : {}), ...log } });
    },
    () => events.end({ InvokeComplete: { ErrorCode: 'ServiceException', ErrorDetails: 'The invocation could not run' } }),
  );
  return { StatusCode: 200, ExecutedVersion: version.config.Version, EventStream: events };
}

/** The deprecated InvokeAsync: an Event invocation answered with status 202. */
export async function invokeAsync(input: { FunctionName?: string; InvokeArgs?: unknown }, ctx: Ctx) {
  // InvokeArgs is a streaming member: it arrives as the body's chunks.
  const payload = input.InvokeArgs === undefined ? undefined : await readPayload(input.InvokeArgs);
  await invoke({ FunctionName: input.FunctionName, InvocationType: 'Event', Payload: payload }, ctx);
  return { Status: 202 };
}
