import type {
  CheckpointDurableExecutionRequest,
  ErrorObject,
  GetDurableExecutionHistoryRequest,
  GetDurableExecutionRequest,
  GetDurableExecutionStateRequest,
  ListDurableExecutionsByFunctionRequest,
  StopDurableExecutionRequest,
} from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { applyUpdates, armCallbackTimeout } from '../durable/checkpoint.ts';
import { hooksFor } from '../durable/driver.ts';
import { CLOSED, closeExecution, findExecution, invalidParameter, liveExecutions, newToken, record, type DurableExecution } from '../durable/execution.ts';
import { findFunction, page, parseFunctionRef } from '../lookup.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;

const notFound = (arn: string) => new AwsError('ResourceNotFoundException', `Durable execution not found: ${arn}`);

function existing(ctx: Ctx, arn: string): DurableExecution {
  const execution = findExecution(ctx.emulator, ctx.state, arn);
  if (!execution) throw notFound(arn);
  return execution;
}

/** The execution a checkpoint or state read addresses, with the token of its current invocation. */
function forToken(ctx: Ctx, arn: string, token: string | undefined): DurableExecution {
  const execution = findExecution(ctx.emulator, ctx.state, arn);
  if (!execution) throw invalidParameter(`Durable execution not found: ${arn}`);
  if (token !== execution.token) throw invalidParameter('Invalid checkpoint token.');
  return execution;
}

/** The durable SDK's checkpoint: applies the updates, answers a new token and the operations changed since the last answer. */
export function checkpointDurableExecution(input: CheckpointDurableExecutionRequest, ctx: Ctx) {
  const execution = forToken(ctx, input.DurableExecutionArn!, input.CheckpointToken);
  if (CLOSED.has(execution.status)) throw invalidParameter(`Durable execution ${execution.arn} is ${execution.status}.`);
  const touched = applyUpdates(ctx.emulator, ctx.state, execution, input.Updates ?? [], hooksFor(ctx.emulator, ctx.state, execution.caller));
  const ids = new Set([...touched, ...execution.unseen]);
  execution.unseen.clear();
  execution.token = newToken();
  return {
    CheckpointToken: execution.token,
    NewExecutionState: { Operations: [...ids].map((id) => execution.operations.get(id)!).filter(Boolean) },
  };
}

export function getDurableExecutionState(input: GetDurableExecutionStateRequest, ctx: Ctx) {
  const execution = forToken(ctx, input.DurableExecutionArn!, input.CheckpointToken);
  const { items, next } = page([...execution.operations.values()], input.Marker, input.MaxItems || undefined, 1000);
  return { Operations: items, NextMarker: next };
}

function describe(execution: DurableExecution) {
  return {
    DurableExecutionArn: execution.arn,
    DurableExecutionName: execution.name,
    FunctionArn: execution.functionArn,
    Status: execution.status,
    StartTimestamp: execution.start,
    EndTimestamp: execution.end,
  };
}

export function getDurableExecution(input: GetDurableExecutionRequest, ctx: Ctx) {
  const execution = existing(ctx, input.DurableExecutionArn!);
  // Payloads (input, result, error) unless the caller asks for the metadata alone.
  const data = input.IncludeExecutionData !== false;
  return {
    ...describe(execution),
    ...(data && { InputPayload: execution.input, Result: execution.result, Error: execution.error }),
    Version: execution.version,
    ExecutionDataIncluded: data,
    DurableConfig: execution.config,
  };
}

/** Event details without the payloads (results, inputs, errors), as AWS answers unless IncludeExecutionData is set. */
function withoutData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutData) as T;
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'Payload').map(([key, inner]) => [key, withoutData(inner)])) as T;
}

export function getDurableExecutionHistory(input: GetDurableExecutionHistoryRequest, ctx: Ctx) {
  const execution = existing(ctx, input.DurableExecutionArn!);
  const events = input.ReverseOrder ? [...execution.events].reverse() : execution.events;
  const { items, next } = page(events, input.Marker, input.MaxItems || undefined, 1000);
  return { Events: input.IncludeExecutionData ? items : items.map(withoutData), NextMarker: next };
}

export function listDurableExecutionsByFunction(input: ListDurableExecutionsByFunctionRequest, ctx: Ctx) {
  const ref = parseFunctionRef(ctx.state, input.FunctionName!, input.Qualifier);
  const fn = findFunction(ctx.state, ref);
  const after = input.StartedAfter?.getTime() ?? -Infinity;
  const before = input.StartedBefore?.getTime() ?? Infinity;
  const matching = [...liveExecutions(ctx.emulator, ctx.state).values()].filter(
    (e) =>
      e.functionName === fn.name &&
      (ref.qualifier === undefined || e.version === ref.qualifier || fn.aliases.get(ref.qualifier)?.FunctionVersion === e.version) &&
      (input.DurableExecutionName === undefined || e.name === input.DurableExecutionName) &&
      (!input.Statuses?.length || input.Statuses.includes(e.status)) &&
      e.start.getTime() > after &&
      e.start.getTime() < before,
  );
  if (input.ReverseOrder) matching.reverse();
  const { items, next } = page(matching, input.Marker, input.MaxItems || undefined, 1000);
  return { DurableExecutions: items.map(describe), NextMarker: next };
}

export function stopDurableExecution(input: StopDurableExecutionRequest, ctx: Ctx) {
  const execution = existing(ctx, input.DurableExecutionArn!);
  if (CLOSED.has(execution.status)) throw invalidParameter(`Durable execution ${execution.arn} is ${execution.status}; only a running execution can be stopped.`);
  closeExecution(ctx.emulator, execution, 'STOPPED', { error: input.Error });
  return { StopTimestamp: execution.end };
}

/** The execution and operation a callback id names, while the callback waits; AWS's errors otherwise. */
function pendingCallback(ctx: Ctx, callbackId: string) {
  const entry = ctx.state.durableCallbacks.get(callbackId);
  const execution = entry && findExecution(ctx.emulator, ctx.state, entry.executionArn);
  const op = execution?.operations.get(entry!.operationId);
  if (!entry || !execution || !op) throw invalidParameter('The callback ID is not valid.');
  if (op.Status === 'TIMED_OUT') throw new AwsError('CallbackTimeoutException', 'The callback has timed out.');
  if (op.Status !== 'STARTED' || execution.status !== 'RUNNING') throw invalidParameter('The callback is already completed.');
  return { execution, op, entry };
}

function completeCallback(ctx: Ctx, callbackId: string, outcome: { result?: string; error?: ErrorObject }) {
  const { execution, op } = pendingCallback(ctx, callbackId);
  op.Status = outcome.error ? 'FAILED' : 'SUCCEEDED';
  op.EndTimestamp = ctx.emulator.clock.date();
  op.CallbackDetails = { ...op.CallbackDetails, ...(outcome.error ? { Error: outcome.error } : { Result: outcome.result }) };
  for (const key of [`${op.Id}#timeout`, `${op.Id}#heartbeat`]) {
    execution.timers.get(key)?.();
    execution.timers.delete(key);
  }
  const ids = { Id: op.Id, Name: op.Name, ParentId: op.ParentId, SubType: op.SubType };
  record(
    ctx.emulator,
    execution,
    outcome.error
      ? { EventType: 'CallbackFailed', ...ids, CallbackFailedDetails: { Error: { Payload: outcome.error } } }
      : { EventType: 'CallbackSucceeded', ...ids, CallbackSucceededDetails: { Result: { Payload: outcome.result } } },
  );
  ctx.state.durableCallbacks.delete(callbackId);
  hooksFor(ctx.emulator, ctx.state, execution.caller).changed(execution, op.Id!);
  return {};
}

export function sendDurableExecutionCallbackSuccess(input: { CallbackId?: string; Result?: Uint8Array }, ctx: Ctx) {
  return completeCallback(ctx, input.CallbackId!, { result: input.Result ? Buffer.from(input.Result).toString('utf8') : undefined });
}

export function sendDurableExecutionCallbackFailure(input: { CallbackId?: string; Error?: ErrorObject }, ctx: Ctx) {
  return completeCallback(ctx, input.CallbackId!, { error: input.Error ?? {} });
}

/** A heartbeat restarts the callback's heartbeat timeout. */
export function sendDurableExecutionCallbackHeartbeat(input: { CallbackId?: string }, ctx: Ctx) {
  const { execution, op, entry } = pendingCallback(ctx, input.CallbackId!);
  armCallbackTimeout(ctx.emulator, execution, op, `${op.Id}#heartbeat`, entry.heartbeatSeconds, hooksFor(ctx.emulator, ctx.state, execution.caller));
  return {};
}
