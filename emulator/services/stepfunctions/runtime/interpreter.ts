import type { MachineDef, QueryLanguage, StateDef } from '../asl/definition.ts';
import { asStatesError, StatesError } from '../asl/errors.ts';
import { evaluateIntrinsic, isIntrinsic } from '../asl/intrinsics.ts';
import { isJsonata, type Json } from '../asl/query.ts';
import { matches } from './choice-rules.ts';
import { rootsOf, type ExecutionEnv, type Thread } from './env.ts';
import { payload } from './events.ts';
import { runMap, stallsOnEntering } from './map.ts';
import { runParallel } from './parallel.ts';
import { findCatcher, retryDelayMs, testRetry } from './retry.ts';
import { sleep, untilAborted } from './running.ts';
import { referenced, StateIO } from './state-io.ts';
import { runTask } from './task.ts';
import { waitMs } from './wait.ts';

/** Where a state leads: the next state's name, or the end of its machine (or branch, or iteration). */
export interface Outcome {
  next?: string;
  output: Json;
}

/** Runs a machine (the execution's, a Parallel branch, a Map iteration) from StartAt to an end; throws its unhandled error. */
export async function runMachine(env: ExecutionEnv, thread: Thread, machine: MachineDef, input: Json): Promise<Json> {
  let name = machine.StartAt;
  let value = input;
  for (;;) {
    env.signal.throwIfAborted();
    thread.onEnter?.(name, value);
    const outcome = await runState(env, thread, name, machine.States[name], value);
    if (outcome.next === undefined) return outcome.output;
    name = outcome.next;
    value = outcome.output;
  }
}

/** AWS prefixes errors that a state's own evaluation raises with where they happened (not under TestState). */
function located(error: unknown, name: string, enteredId: number, test: boolean): StatesError {
  const e = asStatesError(error);
  if (test || !['States.Runtime', 'States.QueryEvaluationError', 'States.IntrinsicFailure'].includes(e.error) || e.causeText?.startsWith('An error occurred while executing the state')) return e;
  return new StatesError(e.error, `An error occurred while executing the state '${name}' (entered at the event id #${enteredId}). ${e.causeText ?? ''}`, e.location);
}

export async function runState(env: ExecutionEnv, thread: Thread, name: string, def: StateDef, raw: Json): Promise<Outcome> {
  const language: QueryLanguage = def.QueryLanguage ?? thread.language;
  const resumed = env.resumed;
  env.resumed = undefined;
  // RetryCount only in states that retry (withRetryAndCatch sets it): AWS's `$$.State` of a Pass state has none.
  const context = env.test?.context
    ? { ...env.test.context }
    : {
        ...env.context,
        // TestState names the state it tests "StateName" in `$$`, whatever its name in the definition.
        State: { Name: env.test ? 'StateName' : name, EnteredTime: env.emulator.clock.date().toISOString() },
        ...thread.extraContext,
      };
  const io = new StateIO(def, language, raw, context, thread.vars, env.test?.inspect);
  if (!resumed && !env.test && env.execution.config.type === 'STANDARD' && stallsOnEntering(io)) await untilAborted(new Promise(() => {}), env.signal);
  const enteredAt = resumed?.enteredAt ?? env.emulator.clock.now();
  const enteredId =
    resumed?.enteredId ??
    env.log.add(thread.frame, `${def.Type}StateEntered`, {
      // Even the first state's input is written as AWS re-serializes it, not as the client sent it (AWS's recordings
      // since 2024-07; the ones before kept the client's text there).
      stateEnteredEventDetails: { name, input: payload(raw), inputDetails: { truncated: false } },
    });
  const scope: StateScope = { env, thread, name, def, io, enteredId };
  try {
    switch (def.Type) {
      case 'Pass':
        return await exit(scope, await io.output(await passResult(io)));
      case 'Succeed': {
        const output = io.jsonata ? (def.Output === undefined ? raw : await io.value(def.Output, 'Output')) : io.applyOutputPath(io.afterInputPath());
        return await exit(scope, { output }, true);
      }
      case 'Fail':
        throw await failError(io);
      case 'Wait': {
        const input = io.jsonata ? raw : io.afterInputPath();
        // From when the state was entered: a Wait resumed after a restart waits only what is left.
        const ms = (await waitMs(io, input, enteredAt)) - (env.emulator.clock.now() - enteredAt);
        if (!env.test) await sleep((task, delay) => env.emulator.schedule(task, delay), Math.max(0, ms), env.signal);
        const result = io.jsonata ? raw : input;
        return await exit(scope, io.jsonata ? await io.output(result) : { output: io.applyOutputPath(result), assigned: await jsonPathAssign(io, result) });
      }
      case 'Choice':
        return await choose(scope);
      case 'Task':
      case 'Parallel':
      case 'Map':
        return await withRetryAndCatch(scope);
    }
  } catch (thrown) {
    const error = located(thrown, name, enteredId, !!env.test);
    // JSONata evaluation errors are reported on their own before the failure they cause.
    if (error.error === 'States.QueryEvaluationError' && !env.signal.aborted) logEvaluationFailed(scope, error);
    throw error;
  }
}

/** AWS reports query evaluation errors in an event of their own, linked to what preceded the state's entry. */
function logEvaluationFailed(scope: StateScope, error: StatesError): void {
  if (scope.evaluationLogged) return;
  scope.evaluationLogged = true;
  const entered = scope.env.log.events[scope.enteredId - 1];
  const details = { error: error.error, cause: error.causeText, ...(error.location !== undefined ? { location: error.location } : {}), state: scope.name };
  scope.env.log.add(scope.thread.frame, 'EvaluationFailed', { evaluationFailedEventDetails: details }, { previous: entered.previousEventId ?? 0 });
}

export interface StateScope {
  env: ExecutionEnv;
  thread: Thread;
  name: string;
  def: StateDef;
  io: StateIO;
  enteredId: number;
  evaluationLogged?: boolean;
}

async function passResult(io: StateIO): Promise<Json> {
  if (io.jsonata) return io.raw;
  if (io.def.Result !== undefined) return io.def.Result;
  return io.effectiveInput();
}

async function jsonPathAssign(io: StateIO, value: Json): Promise<Record<string, Json> | undefined> {
  return io.def.Assign === undefined ? undefined : (await io.output(value)).assigned;
}

async function failError(io: StateIO): Promise<StatesError> {
  const { def } = io;
  // AWS's TestState reports a Fail state's input as having passed an InputPath (a Fail state has none).
  if (!io.jsonata) io.afterInputPath();
  const pick = async (field: 'Error' | 'Cause'): Promise<string | undefined> => {
    const literal = def[field];
    if (io.jsonata) return literal === undefined ? undefined : String(await io.value(literal, field));
    const path = def[`${field}Path`] as string | undefined;
    if (path === undefined) return literal as string | undefined;
    if (isIntrinsic(path)) return String(evaluateIntrinsic(path, rootsOf(io.raw, io.context, io.vars)));
    return String(referenced(path, io, io.raw, (p) => `The JSONPath '${p}' specified for the field '${field}Path' could not be found in the input '${JSON.stringify(io.raw)}'`));
  };
  // A Fail state without Error fails the execution without an error name, as on AWS.
  return new StatesError((await pick('Error')) ?? '', await pick('Cause'));
}

async function choose(scope: StateScope): Promise<Outcome> {
  const { def, io } = scope;
  const input = io.jsonata ? io.raw : io.afterInputPath();
  for (const [i, rule] of ((def.Choices ?? []) as Record<string, Json>[]).entries()) {
    const hit = io.jsonata
      ? (await io.value(rule.Condition, `Choices[${i}]/Condition`)) === true
      : matches(rule, rootsOf(input, io.context, io.vars));
    if (!hit) continue;
    const processed = io.jsonata ? await io.output(io.raw, { catcher: rule as never }) : { output: io.applyOutputPath(input), assigned: rule.Assign === undefined ? undefined : (await io.output(input, { catcher: { Assign: rule.Assign as Record<string, Json>, ResultPath: null } })).assigned };
    return exit(scope, processed, false, rule.Next as string);
  }
  if (def.Default === undefined) throw new StatesError('States.NoChoiceMatched', `An error occurred while executing the state '${scope.name}' (entered at the event id #${scope.enteredId}). Failed to transition out of the state. The state does not point to a next state.`);
  const processed = io.jsonata ? await io.output(io.raw) : { output: io.applyOutputPath(input), assigned: await jsonPathAssign(io, input) };
  return exit(scope, processed, false, def.Default as string);
}

/** AWS's limit on a state's input or output: 256 KiB of UTF-8 text. */
const MAX_PAYLOAD_BYTES = 256 * 1024;

/** The StateExited event, variables assigned, and where to go next. */
export async function exit(scope: StateScope, processed: { output: Json; assigned?: Record<string, Json> }, end = false, next?: string): Promise<Outcome> {
  const { env, thread, name, def } = scope;
  const output = payload(processed.output);
  if (Buffer.byteLength(output) > MAX_PAYLOAD_BYTES) throw new StatesError('States.DataLimitExceeded', `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`);
  const details: Record<string, unknown> = { name, output, outputDetails: { truncated: false } };
  // An empty Assign assigns nothing, and AWS then writes no assignedVariables.
  if (processed.assigned && Object.keys(processed.assigned).length) {
    details.assignedVariables = Object.fromEntries(Object.entries(processed.assigned).map(([k, v]) => [k, payload(v)]));
    details.assignedVariablesDetails = { truncated: false };
    for (const [k, v] of Object.entries(processed.assigned)) thread.vars.set(k, v);
  }
  env.log.add(thread.frame, `${def.Type}StateExited`, { stateExitedEventDetails: details });
  if (end || (next === undefined && def.End === true)) return { output: processed.output };
  return { next: next ?? (def.Next as string), output: processed.output };
}

/** Task, Parallel and Map: the work, retried by Retry, its errors handled by Catch. */
async function withRetryAndCatch(scope: StateScope): Promise<Outcome> {
  const { env, def, io } = scope;
  const attempts: number[] = [];
  for (let retryCount = 0; ; retryCount++) {
    // A context object TestState was given is `$$` exactly as given (AWS adds no RetryCount to it).
    if (!env.test?.context) (io.context.State as Record<string, unknown>).RetryCount = env.test?.configuration.retrierRetryCount ?? retryCount;
    try {
      const result = await work(scope);
      return await exit(scope, await io.output(result, { selector: true }));
    } catch (thrown) {
      if (env.signal.aborted) throw thrown;
      const error = located(thrown, scope.name, scope.enteredId, !!env.test);
      if (env.test) {
        // TestState retries nothing: it answers whether a retrier would retry, and after what wait.
        const retry = testRetry(def.Retry, error.error, env.test.configuration.retrierRetryCount ?? 0);
        if (retry) env.test.report.errorDetails = retry;
        if (retry?.retryBackoffIntervalSeconds !== undefined) {
          env.test.report.retriable = true;
          throw error;
        }
      } else {
        const delay = retryDelayMs(def.Retry, error.error, attempts);
        if (delay !== undefined) {
          await sleep((task, ms) => env.emulator.schedule(task, ms), delay, env.signal);
          continue;
        }
      }
      if (error.error === 'States.QueryEvaluationError') logEvaluationFailed(scope, error);
      // Map and Parallel log their failure once no retry follows (a runtime error ends the execution at once).
      if (def.Type !== 'Task' && error.error !== 'States.Runtime') env.log.add(scope.thread.frame, `${def.Type}StateFailed`);
      const catcher = findCatcher(def.Catch, error.error);
      if (!catcher) throw error;
      if (env.test) {
        env.test.report.errorDetails = { catchIndex: (def.Catch ?? []).indexOf(catcher) };
        env.test.report.caught = { error: error.error, cause: error.causeText };
      }
      const errorOutput = { Error: error.error, Cause: error.causeText ?? '' };
      return exit(scope, await io.output(errorOutput, { errorOutput, catcher }), false, catcher.Next);
    }
  }
}

function work(scope: StateScope): Promise<Json> {
  if (scope.def.Type === 'Task') return runTask(scope);
  if (scope.def.Type === 'Parallel') return runParallel(scope, runMachine);
  return runMap(scope, runMachine);
}

export { isJsonata };
