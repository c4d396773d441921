import { randomBytes, randomUUID } from 'node:crypto';
import type { DurableConfig, ErrorObject, Event, Operation } from '@aws-sdk/client-lambda';
import type { Emulator } from '../../../core/emulator.ts';
import type { Caller } from '../../../core/service.ts';
import { AwsError } from '../../../core/errors.ts';
import type { LambdaState } from '../state.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'STOPPED';

/**
 * One durable execution: the operations the function's durable SDK checkpointed (and the service completed: waits,
 * retries, callbacks, chained invokes), its history, and what drives it — invocations of the function with the
 * checkpointed state, one at a time, until the handler answers SUCCEEDED or FAILED.
 */
export interface DurableExecution {
  arn: string;
  name: string;
  /** The function's name and the version that runs every invocation of this execution. */
  functionName: string;
  version: string;
  /** The qualified function ARN. */
  functionArn: string;
  input: string;
  status: ExecutionStatus;
  start: Date;
  end?: Date;
  result?: string;
  error?: ErrorObject;
  operations: Map<string, Operation>;
  events: Event[];
  /** The token the next checkpoint must carry. */
  token: string;
  retentionDays: number;
  /** The version's DurableConfig when the execution started (GetDurableExecution shows it). */
  config: DurableConfig;
  /** Whether an invocation of the function is in progress. */
  invoking: boolean;
  /** Operations the service changed (timers, callbacks) not yet told to the handler: one more invocation if it suspends. */
  unseen: Set<string>;
  /** Cancels pending timers (waits, retries, callback timeouts, the execution timeout). */
  timers: Map<string, () => void>;
  /** Who started it: chained invokes act for them. */
  caller: Caller;
  /** Sync invokes waiting for the execution to close. */
  closeWaiters: (() => void)[];
}

/** Lambda's checkpoint tokens and callback ids are base64 text. */
export const newToken = () => randomBytes(48).toString('base64');
export const newCallbackId = () => randomBytes(36).toString('base64').replace(/[+/]/g, 'A');

export const CLOSED: ReadonlySet<ExecutionStatus> = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED']);

export function durableExecutionArn(functionArn: string, name: string): string {
  return `${functionArn}/durable-execution/${name}/${randomUUID()}`;
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterValueException', message);
}

/** Executions are kept for their function's RetentionPeriodInDays after they close, as on AWS. */
export function liveExecutions(emulator: Emulator, state: LambdaState): Map<string, DurableExecution> {
  const now = emulator.clock.now();
  for (const [arn, execution] of state.durableExecutions) {
    if (execution.end && execution.end.getTime() + execution.retentionDays * 86_400_000 < now) state.durableExecutions.delete(arn);
  }
  return state.durableExecutions;
}

export function findExecution(emulator: Emulator, state: LambdaState, arn: string): DurableExecution | undefined {
  const execution = liveExecutions(emulator, state).get(arn);
  return execution;
}

/** Adds a history event, numbered from 1 in order. */
export function record(emulator: Emulator, execution: DurableExecution, event: Omit<Event, 'EventId' | 'EventTimestamp'>): void {
  execution.events.push({ EventId: execution.events.length + 1, EventTimestamp: emulator.clock.date(), ...event } as Event);
}

/** Arms a timer of the execution under a key (one per operation), replacing the one there. */
export function armTimer(emulator: Emulator, execution: DurableExecution, key: string, delayMs: number, task: () => void): void {
  execution.timers.get(key)?.();
  execution.timers.set(
    key,
    emulator.schedule(() => {
      execution.timers.delete(key);
      task();
    }, delayMs),
  );
}

/** Closes the execution: its outcome, the closing event, timers released, sync callers answered. */
export function closeExecution(
  emulator: Emulator,
  execution: DurableExecution,
  status: Exclude<ExecutionStatus, 'RUNNING'>,
  outcome: { result?: string; error?: ErrorObject },
): void {
  if (CLOSED.has(execution.status)) return;
  execution.status = status;
  execution.end = emulator.clock.date();
  execution.result = outcome.result;
  execution.error = outcome.error;
  const root = [...execution.operations.values()].find((op) => op.Type === 'EXECUTION');
  if (root) {
    root.Status = status;
    root.EndTimestamp = execution.end;
  }
  const error = { Payload: outcome.error };
  if (status === 'SUCCEEDED') record(emulator, execution, { EventType: 'ExecutionSucceeded', Id: root?.Id, ExecutionSucceededDetails: { Result: { Payload: outcome.result } } });
  if (status === 'FAILED') record(emulator, execution, { EventType: 'ExecutionFailed', Id: root?.Id, ExecutionFailedDetails: { Error: error } });
  if (status === 'TIMED_OUT') record(emulator, execution, { EventType: 'ExecutionTimedOut', Id: root?.Id, ExecutionTimedOutDetails: { Error: error } });
  if (status === 'STOPPED') record(emulator, execution, { EventType: 'ExecutionStopped', Id: root?.Id, ExecutionStoppedDetails: { Error: error } });
  for (const cancel of execution.timers.values()) cancel();
  execution.timers.clear();
  for (const waiter of execution.closeWaiters.splice(0)) waiter();
}

/** Resolves once the execution has closed. */
export function whenClosed(execution: DurableExecution): Promise<void> {
  if (CLOSED.has(execution.status)) return Promise.resolve();
  return new Promise((resolve) => execution.closeWaiters.push(resolve));
}
