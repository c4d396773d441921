import type { ErrorObject, Operation, OperationUpdate } from '@aws-sdk/client-lambda';
import type { Emulator } from '../../../core/emulator.ts';
import type { LambdaState } from '../state.ts';
import { armTimer, closeExecution, invalidParameter, newCallbackId, record, type DurableExecution } from './execution.ts';

/** The actions each operation type takes, as the durable SDKs send them. */
const ACTIONS: Record<string, string[]> = {
  EXECUTION: ['SUCCEED', 'FAIL'],
  CONTEXT: ['START', 'SUCCEED', 'FAIL'],
  STEP: ['START', 'SUCCEED', 'FAIL', 'RETRY'],
  WAIT: ['START', 'CANCEL'],
  CALLBACK: ['START', 'CANCEL'],
  CHAINED_INVOKE: ['START', 'CANCEL'],
};

/** What the service does on its own for an execution: tell it an operation changed (and wake it if suspended). */
export interface ExecutionHooks {
  changed(execution: DurableExecution, operationId: string): void;
  /** Runs a chained invoke as the execution's function would (through Lambda's own Invoke). */
  invoke(functionName: string, payload: string | undefined): Promise<{ result?: string; error?: ErrorObject }>;
}

export function checkUpdates(execution: DurableExecution, updates: OperationUpdate[]): void {
  for (const update of updates) {
    if (!ACTIONS[update.Type!]?.includes(update.Action!)) throw invalidParameter(`Action ${update.Action} is not valid for an operation of type ${update.Type}.`);
    const existing = execution.operations.get(update.Id!);
    if (existing && existing.Type !== update.Type) throw invalidParameter(`Operation ${update.Id} is of type ${existing.Type}, not ${update.Type}.`);
    if (update.ParentId !== undefined && !execution.operations.has(update.ParentId) && !updates.some((u) => u.Id === update.ParentId)) {
      throw invalidParameter(`Parent operation ${update.ParentId} does not exist.`);
    }
    if (update.Type === 'WAIT' && update.Action === 'START' && !update.WaitOptions?.WaitSeconds) throw invalidParameter('WaitOptions.WaitSeconds is required to start a wait.');
    if (update.Type === 'CHAINED_INVOKE' && update.Action === 'START' && !update.ChainedInvokeOptions?.FunctionName) {
      throw invalidParameter('ChainedInvokeOptions.FunctionName is required to start a chained invoke.');
    }
  }
}

function operationFor(emulator: Emulator, execution: DurableExecution, update: OperationUpdate): Operation {
  let op = execution.operations.get(update.Id!);
  if (!op) {
    op = { Id: update.Id, Type: update.Type, StartTimestamp: emulator.clock.date(), Status: 'STARTED' };
    execution.operations.set(update.Id!, op);
  }
  if (update.ParentId !== undefined) op.ParentId = update.ParentId;
  if (update.Name !== undefined) op.Name = update.Name;
  if (update.SubType !== undefined) op.SubType = update.SubType;
  return op;
}

function finish(emulator: Emulator, op: Operation, status: Operation['Status']): void {
  op.Status = status;
  op.EndTimestamp = emulator.clock.date();
}

const eventOf = (op: Operation) => ({ Id: op.Id, Name: op.Name, ParentId: op.ParentId, SubType: op.SubType });

/** Applies one checkpoint's updates in order (checked first, so that a refused checkpoint changes nothing). */
export function applyUpdates(emulator: Emulator, state: LambdaState, execution: DurableExecution, updates: OperationUpdate[], hooks: ExecutionHooks): string[] {
  checkUpdates(execution, updates);
  const touched: string[] = [];
  for (const update of updates) {
    if (update.Type === 'EXECUTION') {
      const status = update.Action === 'SUCCEED' ? 'SUCCEEDED' : 'FAILED';
      closeExecution(emulator, execution, status, status === 'SUCCEEDED' ? { result: update.Payload } : { error: update.Error });
      continue;
    }
    const op = operationFor(emulator, execution, update);
    touched.push(op.Id!);
    APPLY[op.Type!](emulator, state, execution, op, update, hooks);
  }
  return touched;
}

type Apply = (emulator: Emulator, state: LambdaState, execution: DurableExecution, op: Operation, update: OperationUpdate, hooks: ExecutionHooks) => void;

const applyStep: Apply = (emulator, _state, execution, op, update, hooks) => {
  const details = (op.StepDetails ??= { Attempt: 0 });
  const retry = { CurrentAttempt: details.Attempt };
  if (update.Action === 'START') {
    op.Status = 'STARTED';
    details.Attempt = (details.Attempt ?? 0) + 1;
    details.NextAttemptTimestamp = undefined;
    record(emulator, execution, { EventType: 'StepStarted', ...eventOf(op), StepStartedDetails: {} });
  } else if (update.Action === 'SUCCEED') {
    finish(emulator, op, 'SUCCEEDED');
    details.Result = update.Payload;
    record(emulator, execution, { EventType: 'StepSucceeded', ...eventOf(op), StepSucceededDetails: { Result: { Payload: update.Payload }, RetryDetails: retry } });
  } else if (update.Action === 'FAIL') {
    finish(emulator, op, 'FAILED');
    details.Error = update.Error;
    record(emulator, execution, { EventType: 'StepFailed', ...eventOf(op), StepFailedDetails: { Error: { Payload: update.Error }, RetryDetails: retry } });
  } else {
    // RETRY: the step waits its delay (PENDING), then is READY for the handler to run it again.
    const delay = update.StepOptions?.NextAttemptDelaySeconds ?? 1;
    op.Status = 'PENDING';
    details.Error = update.Error;
    details.NextAttemptTimestamp = new Date(emulator.clock.now() + delay * 1000);
    record(emulator, execution, {
      EventType: 'StepFailed',
      ...eventOf(op),
      StepFailedDetails: { Error: { Payload: update.Error }, RetryDetails: { ...retry, NextAttemptDelaySeconds: delay } },
    });
    armTimer(emulator, execution, op.Id!, delay * 1000, () => {
      op.Status = 'READY';
      hooks.changed(execution, op.Id!);
    });
  }
};

const applyContext: Apply = (emulator, _state, execution, op, update) => {
  const details = (op.ContextDetails ??= {});
  if (update.ContextOptions?.ReplayChildren !== undefined) details.ReplayChildren = update.ContextOptions.ReplayChildren;
  if (update.Action === 'START') {
    op.Status = 'STARTED';
    record(emulator, execution, { EventType: 'ContextStarted', ...eventOf(op), ContextStartedDetails: {} });
  } else if (update.Action === 'SUCCEED') {
    finish(emulator, op, 'SUCCEEDED');
    details.Result = update.Payload;
    record(emulator, execution, { EventType: 'ContextSucceeded', ...eventOf(op), ContextSucceededDetails: { Result: { Payload: update.Payload } } });
  } else {
    finish(emulator, op, 'FAILED');
    details.Error = update.Error;
    record(emulator, execution, { EventType: 'ContextFailed', ...eventOf(op), ContextFailedDetails: { Error: { Payload: update.Error } } });
  }
};

const applyWait: Apply = (emulator, _state, execution, op, update, hooks) => {
  if (update.Action === 'CANCEL') {
    execution.timers.get(op.Id!)?.();
    execution.timers.delete(op.Id!);
    finish(emulator, op, 'CANCELLED');
    record(emulator, execution, { EventType: 'WaitCancelled', ...eventOf(op), WaitCancelledDetails: {} });
    return;
  }
  const seconds = update.WaitOptions!.WaitSeconds!;
  const end = new Date(emulator.clock.now() + seconds * 1000);
  op.Status = 'STARTED';
  op.WaitDetails = { ScheduledEndTimestamp: end };
  record(emulator, execution, { EventType: 'WaitStarted', ...eventOf(op), WaitStartedDetails: { Duration: seconds, ScheduledEndTimestamp: end } });
  armTimer(emulator, execution, op.Id!, seconds * 1000, () => {
    finish(emulator, op, 'SUCCEEDED');
    record(emulator, execution, { EventType: 'WaitSucceeded', ...eventOf(op), WaitSucceededDetails: { Duration: seconds } });
    hooks.changed(execution, op.Id!);
  });
};

/** A callback that times out (overall or between heartbeats) fails the wait for it with a timeout. */
export function armCallbackTimeout(emulator: Emulator, execution: DurableExecution, op: Operation, key: string, seconds: number | undefined, hooks: ExecutionHooks): void {
  if (!seconds) return;
  armTimer(emulator, execution, key, seconds * 1000, () => {
    if (op.Status !== 'STARTED') return;
    finish(emulator, op, 'TIMED_OUT');
    const error = { ErrorType: 'Callback.Timeout', ErrorMessage: key.endsWith('#heartbeat') ? 'Callback heartbeat timed out' : 'Callback timed out' };
    op.CallbackDetails!.Error = error;
    record(emulator, execution, { EventType: 'CallbackTimedOut', ...eventOf(op), CallbackTimedOutDetails: { Error: { Payload: error } } });
    execution.timers.get(`${op.Id}#${key.endsWith('#heartbeat') ? 'timeout' : 'heartbeat'}`)?.();
    hooks.changed(execution, op.Id!);
  });
}

const applyCallback: Apply = (emulator, state, execution, op, update, hooks) => {
  if (update.Action === 'CANCEL') {
    finish(emulator, op, 'CANCELLED');
    return;
  }
  const callbackId = newCallbackId();
  const options = update.CallbackOptions ?? {};
  op.Status = 'STARTED';
  op.CallbackDetails = { CallbackId: callbackId };
  state.durableCallbacks.set(callbackId, { executionArn: execution.arn, operationId: op.Id!, heartbeatSeconds: options.HeartbeatTimeoutSeconds });
  record(emulator, execution, {
    EventType: 'CallbackStarted',
    ...eventOf(op),
    CallbackStartedDetails: { CallbackId: callbackId, Timeout: options.TimeoutSeconds, HeartbeatTimeout: options.HeartbeatTimeoutSeconds },
  });
  armCallbackTimeout(emulator, execution, op, `${op.Id}#timeout`, options.TimeoutSeconds, hooks);
  armCallbackTimeout(emulator, execution, op, `${op.Id}#heartbeat`, options.HeartbeatTimeoutSeconds, hooks);
};

const applyChainedInvoke: Apply = (emulator, _state, execution, op, update, hooks) => {
  if (update.Action === 'CANCEL') {
    finish(emulator, op, 'CANCELLED');
    return;
  }
  const { FunctionName, TenantId } = update.ChainedInvokeOptions!;
  op.Status = 'STARTED';
  record(emulator, execution, {
    EventType: 'ChainedInvokeStarted',
    ...eventOf(op),
    ChainedInvokeStartedDetails: { FunctionName, TenantId, Input: { Payload: update.Payload } },
  });
  void hooks.invoke(FunctionName!, update.Payload).then(({ result, error }) => {
    if (op.Status !== 'STARTED') return;
    finish(emulator, op, error ? 'FAILED' : 'SUCCEEDED');
    op.ChainedInvokeDetails = error ? { Error: error } : { Result: result };
    record(
      emulator,
      execution,
      error
        ? { EventType: 'ChainedInvokeFailed', ...eventOf(op), ChainedInvokeFailedDetails: { Error: { Payload: error } } }
        : { EventType: 'ChainedInvokeSucceeded', ...eventOf(op), ChainedInvokeSucceededDetails: { Result: { Payload: result } } },
    );
    hooks.changed(execution, op.Id!);
  });
};

const APPLY: Record<string, Apply> = { STEP: applyStep, CONTEXT: applyContext, WAIT: applyWait, CALLBACK: applyCallback, CHAINED_INVOKE: applyChainedInvoke };

