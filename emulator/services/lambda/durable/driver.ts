import { randomUUID } from 'node:crypto';
import type { ErrorObject } from '@aws-sdk/client-lambda';
import type { Emulator } from '../../../core/emulator.ts';
import { AwsError } from '../../../core/errors.ts';
import type { Caller } from '../../../core/service.ts';
import { functionArn, type FunctionVersion, type LambdaFunction } from '../function.ts';
import { runInvocation } from '../invoke.ts';
import type { LambdaState } from '../state.ts';
import type { ExecutionHooks } from './checkpoint.ts';
import { armTimer, CLOSED, closeExecution, durableExecutionArn, liveExecutions, newToken, record, type DurableExecution } from './execution.ts';

/** Operations an invocation's event carries; the SDK reads the rest with GetDurableExecutionState. */
const EVENT_OPERATIONS = 100;

/** The error object of a function error payload (`{errorType, errorMessage, stackTrace}`). */
export function errorObject(payload: Buffer): ErrorObject {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as { errorType?: string; errorMessage?: string; stackTrace?: string[] };
    return { ErrorType: parsed.errorType, ErrorMessage: parsed.errorMessage, StackTrace: parsed.stackTrace };
  } catch {
    return { ErrorMessage: payload.toString('utf8') };
  }
}

/** The service side of an execution: a changed operation wakes a suspended execution; chained invokes go through Invoke. */
export function hooksFor(emulator: Emulator, state: LambdaState, caller: Caller): ExecutionHooks {
  const hooks: ExecutionHooks = {
    changed(execution, operationId) {
      execution.unseen.add(operationId);
      void drive(emulator, state, execution);
    },
    async invoke(functionName, payload) {
      try {
        const out = (await emulator.call(
          'lambda',
          'Invoke',
          { FunctionName: functionName, Payload: Buffer.from(payload ?? '{}') },
          { caller, region: state.region, accountId: state.accountId },
        )) as { Payload?: Uint8Array; FunctionError?: string };
        const body = Buffer.from(out.Payload ?? []);
        return out.FunctionError ? { error: errorObject(body) } : { result: body.toString('utf8') };
      } catch (error) {
        if (!(error instanceof AwsError)) throw error;
        return { error: { ErrorType: error.code, ErrorMessage: error.message } };
      }
    },
  };
  return hooks;
}

/**
 * Starts a durable execution of a function version: an EXECUTION operation holding the input, the execution timeout
 * armed, and the first invocation under way.
 */
export function startExecution(
  emulator: Emulator,
  state: LambdaState,
  fn: LambdaFunction,
  version: FunctionVersion,
  request: { name?: string; payload: string; caller: Caller },
): DurableExecution {
  const versionName = version.config.Version ?? '$LATEST';
  const qualified = functionArn(state.region, state.accountId, fn.name, versionName);
  const name = request.name ?? randomUUID();
  const now = emulator.clock.date();
  const config = version.config.DurableConfig!;
  const execution: DurableExecution = {
    arn: durableExecutionArn(qualified, name),
    name,
    functionName: fn.name,
    version: versionName,
    functionArn: qualified,
    input: request.payload,
    status: 'RUNNING',
    start: now,
    operations: new Map(),
    events: [],
    token: newToken(),
    retentionDays: config.RetentionPeriodInDays ?? 14,
    config,
    invoking: false,
    unseen: new Set(),
    timers: new Map(),
    caller: request.caller,
    closeWaiters: [],
  };
  const rootId = randomUUID();
  execution.operations.set(rootId, { Id: rootId, Type: 'EXECUTION', StartTimestamp: now, Status: 'STARTED', ExecutionDetails: { InputPayload: request.payload } });
  record(emulator, execution, {
    EventType: 'ExecutionStarted',
    Id: rootId,
    ExecutionStartedDetails: { Input: { Payload: request.payload }, ExecutionTimeout: config.ExecutionTimeout },
  });
  liveExecutions(emulator, state).set(execution.arn, execution);
  if (config.ExecutionTimeout) {
    armTimer(emulator, execution, 'execution', config.ExecutionTimeout * 1000, () => closeExecution(emulator, execution, 'TIMED_OUT', {}));
  }
  void drive(emulator, state, execution);
  return execution;
}

function versionOf(state: LambdaState, execution: DurableExecution): { fn: LambdaFunction; version: FunctionVersion } | undefined {
  const fn = state.functions.get(execution.functionName);
  const version = execution.version === '$LATEST' ? fn?.latest : fn?.versions.get(execution.version);
  return fn && version ? { fn, version } : undefined;
}

/** What the durable SDK answers at the end of an invocation. */
interface InvocationOutput {
  Status?: 'SUCCEEDED' | 'FAILED' | 'PENDING';
  Result?: string;
  Error?: ErrorObject;
}

function parseOutput(payload: Buffer): InvocationOutput | undefined {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as InvocationOutput;
    return parsed && typeof parsed === 'object' && ['SUCCEEDED', 'FAILED', 'PENDING'].includes(String(parsed.Status)) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Invokes the function with the execution's state until it closes or suspends (answers PENDING) with nothing new to
 * tell it; one invocation at a time. A suspended execution is driven again when the service changes an operation.
 */
async function drive(emulator: Emulator, state: LambdaState, execution: DurableExecution): Promise<void> {
  if (execution.invoking || CLOSED.has(execution.status)) return;
  execution.invoking = true;
  try {
    while (execution.status === 'RUNNING' && !state.disposed) {
      const target = versionOf(state, execution);
      if (!target) {
        closeExecution(emulator, execution, 'FAILED', { error: { ErrorType: 'ResourceNotFoundException', ErrorMessage: `Function not found: ${execution.functionArn}` } });
        return;
      }
      execution.unseen.clear();
      execution.token = newToken();
      const operations = [...execution.operations.values()];
      const event = {
        DurableExecutionArn: execution.arn,
        CheckpointToken: execution.token,
        InitialExecutionState: {
          Operations: operations.slice(0, EVENT_OPERATIONS),
          ...(operations.length > EVENT_OPERATIONS ? { NextMarker: String(EVENT_OPERATIONS) } : {}),
        },
      };
      const started = emulator.clock.date();
      const outcome = await runInvocation(emulator, state, target.fn, target.version, {
        payload: Buffer.from(JSON.stringify(event)),
        invokedArn: execution.functionArn,
      });
      const output = outcome.functionError ? undefined : parseOutput(outcome.payload);
      const failure = outcome.functionError
        ? errorObject(outcome.payload)
        : output
          ? output.Error
          : { ErrorType: 'InvalidDurableExecutionResponse', ErrorMessage: 'The function did not answer as a durable execution handler does (Status SUCCEEDED, FAILED or PENDING).' };
      record(emulator, execution, {
        EventType: 'InvocationCompleted',
        InvocationCompletedDetails: {
          StartTimestamp: started,
          EndTimestamp: emulator.clock.date(),
          RequestId: outcome.requestId,
          ...(output?.Status === 'FAILED' || !output ? { Error: { Payload: failure } } : {}),
        },
      });
      if (execution.status !== 'RUNNING') return;
      if (output?.Status === 'SUCCEEDED') {
        closeExecution(emulator, execution, 'SUCCEEDED', { result: output.Result });
      } else if (output?.Status !== 'PENDING') {
        closeExecution(emulator, execution, 'FAILED', { error: failure });
      } else if (execution.unseen.size === 0) {
        return;
      }
    }
  } finally {
    execution.invoking = false;
  }
}

/** The Invoke answer of a closed execution: its result, or its error as a function error. */
export function invokeAnswer(execution: DurableExecution): { payload: Buffer; functionError?: string } {
  if (execution.status === 'SUCCEEDED') return { payload: Buffer.from(execution.result || 'null') };
  const error = execution.error ?? { ErrorType: `Execution.${execution.status}`, ErrorMessage: `The durable execution ended with status ${execution.status}.` };
  return {
    payload: Buffer.from(JSON.stringify({ errorType: error.ErrorType, errorMessage: error.ErrorMessage, ...(error.StackTrace ? { stackTrace: error.StackTrace } : {}) })),
    functionError: 'Unhandled',
  };
}
