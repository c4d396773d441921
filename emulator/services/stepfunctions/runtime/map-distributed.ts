import { randomUUID } from 'node:crypto';
import type { MachineDef } from '../asl/definition.ts';
import { StatesError, statesRuntime } from '../asl/errors.ts';
import { evaluateTemplate, type Json } from '../asl/query.ts';
import type { Execution, MapRun } from '../state.ts';
import { rootsOf, Variables, type ExecutionEnv } from './env.ts';
import { EventLog, Frame, payload } from './events.ts';
import type { StateScope } from './interpreter.ts';
import { integerAt, itemInput, mapItems, maxConcurrency, processorOf } from './map.ts';
import { readItems } from './item-reader.ts';
import type { RunMachine } from './parallel.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- Map fields are user JSON */

/**
 * A distributed Map: items from ItemReader (S3 through the front door) or the input, batched by ItemBatcher, each
 * run as a child execution of a map run (DescribeMapRun, ListMapRuns, ListExecutions by mapRunArn), failures judged
 * against ToleratedFailureCount/Percentage, results written by ResultWriter to S3.
 */
export async function runDistributedMap(scope: StateScope, runMachine: RunMachine): Promise<Json> {
  const { env, thread, def, io, name } = scope;
  const input = io.jsonata ? io.raw : io.afterInputPath();
  const concurrency = await maxConcurrency(scope, input);
  const items = def.ItemReader ? await readItems(scope, input) : await mapItems(scope, input);
  const units = await batches(scope, input, items);
  env.log.add(thread.frame, 'MapStateStarted', { mapStateStartedEventDetails: { length: units.length } });
  const tolerance = await tolerances(scope, input);
  const label = (def.Label as string | undefined) ?? name;
  const redriven = redrivenRun(scope);
  if (redriven) return finishRun(scope, redriven.run, { units, tolerance, previous: redriven.children, label }, runMachine, input);
  const run: MapRun = {
    arn: env.state.arn(`mapRun:${env.execution.machineName}/${label}:${randomUUID()}`),
    executionArn: env.execution.arn,
    stateMachineArn: env.execution.stateMachineArn,
    status: 'RUNNING',
    startDate: env.emulator.clock.date(),
    maxConcurrency: concurrency,
    toleratedFailurePercentage: tolerance.percentage,
    toleratedFailureCount: tolerance.count,
    itemCounts: counts(units.length),
    executionCounts: counts(units.length),
    redriveCount: 0,
  };
  env.state.mapRuns.set(run.arn, run);
  if (thread.onEnter && env.execution.resumeAt) Object.assign(env.execution.resumeAt, { mapRunArn: run.arn, done: env.execution.resumeAt.done ?? {} });
  env.log.add(thread.frame, 'MapRunStarted', { mapRunStartedEventDetails: { mapRunArn: run.arn } });
  return finishRun(scope, run, { units, tolerance, previous: [], label }, runMachine, input);
}

/** The map run a redrive of the execution's failed distributed Map state redrives, with its child executions in item order. */
function redrivenRun(scope: StateScope): { run: MapRun; children: Execution[] } | undefined {
  const { env, thread } = scope;
  const at = thread.onEnter ? env.execution.resumeAt : undefined;
  const run = at?.redriven && at.mapRunArn ? env.state.mapRuns.get(at.mapRunArn) : undefined;
  if (!run || run.status === 'SUCCEEDED') return undefined;
  delete at!.redriven;
  Object.assign(run, { status: 'RUNNING', redriveCount: run.redriveCount + 1, redriveDate: env.emulator.clock.date(), stopDate: undefined });
  env.log.add(thread.frame, 'MapRunRedriven', { mapRunRedrivenEventDetails: { mapRunArn: run.arn, redriveCount: run.redriveCount } });
  const children = [...env.state.executions.values()].filter((e) => e.mapRunArn === run.arn);
  // Counts start again from what succeeded: the others are pending their redrive.
  const kept = children.filter((c) => c.status === 'SUCCEEDED').length;
  for (const counts of [run.itemCounts, run.executionCounts]) Object.assign(counts, { pending: counts.total - kept, running: 0, succeeded: kept, failed: 0, timedOut: 0, aborted: 0 });
  return { run, children };
}

/**
 * Runs the map run's items: each as a child execution, or (redriving) only those whose child did not succeed, whose
 * child execution is redriven in place (same ARN, ExecutionRedriven, its redrive count up); then judges tolerances.
 */
async function finishRun(
  scope: StateScope,
  run: MapRun,
  items: { units: Json[]; tolerance: { count: number; percentage: number }; previous: Execution[]; label: string },
  runMachine: RunMachine,
  input: Json,
): Promise<Json> {
  const { env, thread, def, io } = scope;
  const { units, tolerance, previous, label } = items;
  const processor = processorOf(scope);
  const results: Execution[] = [];
  let failures = 0;
  for (const [index, unit] of units.entries()) {
    env.signal.throwIfAborted();
    const before = previous[index];
    if (before?.status === 'SUCCEEDED') {
      results.push(before);
      continue;
    }
    const child = before ?? childExecution(env, run, label);
    const childInput = await itemInput(scope, input, unit, index);
    child.input = payload(childInput);
    if (before) Object.assign(child, { status: 'RUNNING', stopDate: undefined, output: undefined, error: undefined, cause: undefined, redriveCount: child.redriveCount + 1, redriveDate: env.emulator.clock.date() });
    run.itemCounts.pending--;
    run.executionCounts.pending--;
    run.itemCounts.running++;
    run.executionCounts.running++;
    await runChild(env, child, processor, childInput, io.language, runMachine, before !== undefined);
    run.itemCounts.running--;
    run.executionCounts.running--;
    const outcome = child.status === 'SUCCEEDED' ? 'succeeded' : child.status === 'TIMED_OUT' ? 'timedOut' : child.status === 'ABORTED' ? 'aborted' : 'failed';
    run.itemCounts[outcome]++;
    run.executionCounts[outcome]++;
    if (outcome !== 'succeeded') failures++;
    results.push(child);
  }
  run.itemCounts.resultsWritten = run.executionCounts.resultsWritten = def.ResultWriter ? units.length : 0;
  const exceeded = failures > tolerance.count && (units.length === 0 || (failures / units.length) * 100 > tolerance.percentage);
  run.stopDate = env.emulator.clock.date();
  if (exceeded) {
    run.status = 'FAILED';
    env.log.add(thread.frame, 'MapRunFailed', { mapRunFailedEventDetails: { error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' } });
    throw new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
  }
  run.status = 'SUCCEEDED';
  // MapStateExited links to MapRunStarted, as AWS has written it since 2024-11 (every recording from 2024-11-13 on;
  // earlier ones linked it to MapRunSucceeded).
  const succeeded = env.log.add(thread.frame, 'MapRunSucceeded', {}, { detached: true });
  env.log.add(thread.frame, 'MapStateSucceeded', {}, { detached: true, previous: succeeded });
  if (def.ResultWriter) return writeResults(scope, run, results);
  return results.map((r) => (r.status === 'SUCCEEDED' ? (JSON.parse(r.output ?? 'null') as Json) : { Error: r.error, Cause: r.cause }));
}

function counts(total: number): Record<string, number> {
  return { pending: total, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0 };
}

export async function tolerances(scope: StateScope, input: Json): Promise<{ count: number; percentage: number }> {
  const { def, io } = scope;
  const read = async (field: 'ToleratedFailureCount' | 'ToleratedFailurePercentage'): Promise<number> => {
    let value: unknown = def[field];
    if (io.jsonata && value !== undefined) value = await io.value(value, field);
    if (def[`${field}Path`] !== undefined) value = integerAt(scope, input, `${field}Path`, field === 'ToleratedFailureCount' ? 'integer' : 'float');
    if (value === undefined) return 0;
    if (typeof value !== 'number') throw statesRuntime(`${field} must be a number`);
    if (field === 'ToleratedFailureCount' && value < 0) throw statesRuntime('ToleratedFailureCount cannot be negative.');
    if (field === 'ToleratedFailurePercentage' && (value < 0 || value > 100)) throw statesRuntime('ToleratedFailurePercentage must be between 0 and 100.');
    return value;
  };
  return { count: await read('ToleratedFailureCount'), percentage: await read('ToleratedFailurePercentage') };
}

/** ItemBatcher: items grouped `{ Items: [...], BatchInput }` by MaxItemsPerBatch and MaxInputBytesPerBatch. */
async function batches(scope: StateScope, input: Json, items: Json[]): Promise<Json[]> {
  const batcher = scope.def.ItemBatcher as any;
  if (!batcher) return items;
  const { io } = scope;
  const value = async (field: string): Promise<unknown> => {
    if (batcher[`${field}Path`] !== undefined) return (evaluateTemplate({ 'v.$': batcher[`${field}Path`] }, rootsOf(input, io.context, io.vars)) as { v: unknown }).v;
    return io.jsonata && batcher[field] !== undefined ? io.value(batcher[field], `ItemBatcher/${field}`) : batcher[field];
  };
  const maxItems = ((await value('MaxItemsPerBatch')) as number | undefined) ?? Number.MAX_SAFE_INTEGER;
  const maxBytes = ((await value('MaxInputBytesPerBatch')) as number | undefined) ?? 256 * 1024;
  const batchInput =
    batcher.BatchInput === undefined ? undefined : io.jsonata ? await io.value(batcher.BatchInput, 'ItemBatcher/BatchInput') : evaluateTemplate(batcher.BatchInput, rootsOf(input, io.context, io.vars), input);
  const out: Json[] = [];
  let current: Json[] = [];
  const flush = () => {
    if (current.length) out.push(batchInput === undefined ? { Items: current } : { BatchInput: batchInput, Items: current });
    current = [];
  };
  for (const item of items) {
    if (current.length >= maxItems || (current.length && Buffer.byteLength(JSON.stringify([...current, item])) > maxBytes)) flush();
    current.push(item);
  }
  flush();
  return out;
}

function childExecution(env: ExecutionEnv, run: MapRun, label: string): Execution {
  const name = randomUUID();
  const child: Execution = {
    arn: env.state.arn(`execution:${env.execution.machineName}/${label}:${name}`),
    name,
    stateMachineArn: env.state.arn(`stateMachine:${env.execution.machineName}/${label}`),
    config: env.execution.config,
    machineName: `${env.execution.machineName}/${label}`,
    status: 'RUNNING',
    startDate: env.emulator.clock.date(),
    input: '{}',
    events: [],
    redriveCount: 0,
    mapRunArn: run.arn,
    recorded: true,
  };
  env.state.executions.set(child.arn, child);
  return child;
}

/** A child execution's own history and outcome, interpreted in-process under the parent's abort signal. */
async function runChild(env: ExecutionEnv, child: Execution, processor: MachineDef, input: Json, language: string, runMachine: RunMachine, redriven = false): Promise<void> {
  const log = new EventLog(child.events, env.emulator.clock);
  const root = new Frame(0);
  if (redriven) {
    // A redriven child runs its item processor again from its start (AWS resumes it from its failed state).
    root.last = child.events.length;
    log.add(root, 'ExecutionRedriven', { executionRedrivenEventDetails: { redriveCount: child.redriveCount } });
  } else {
    log.add(root, 'ExecutionStarted', { executionStartedEventDetails: { input: child.input, inputDetails: { truncated: false }, roleArn: child.config.roleArn } }, { detached: true });
  }
  const childEnv: ExecutionEnv = { ...env, execution: child, log, context: { ...env.context, Execution: { ...(env.context.Execution as object), Id: child.arn, Name: child.name, Input: input } } };
  try {
    const output = await runMachine(childEnv, { frame: root, vars: new Variables(), language: processor.QueryLanguage ?? (language as 'JSONPath') }, processor, input);
    Object.assign(child, { status: 'SUCCEEDED', output: payload(output), stopDate: env.emulator.clock.date() });
    log.add(root, 'ExecutionSucceeded', { executionSucceededEventDetails: { output: payload(output), outputDetails: { truncated: false } } });
  } catch (thrown) {
    if (env.signal.aborted) {
      Object.assign(child, { status: 'ABORTED', stopDate: env.emulator.clock.date() });
      log.add(root, 'ExecutionAborted', { executionAbortedEventDetails: {} }, { previous: 0 });
      throw thrown;
    }
    const error = thrown instanceof StatesError ? thrown : new StatesError('States.Runtime', String(thrown));
    Object.assign(child, { status: 'FAILED', error: error.error || undefined, cause: error.causeText, stopDate: env.emulator.clock.date() });
    log.add(root, 'ExecutionFailed', { executionFailedEventDetails: { ...(error.error ? { error: error.error } : {}), ...(error.causeText !== undefined ? { cause: error.causeText } : {}) } });
  }
}

/** ResultWriter: `manifest.json` and the SUCCEEDED/FAILED result files under Prefix/<map run id>/, as AWS writes them. */
async function writeResults(scope: StateScope, run: MapRun, results: Execution[]): Promise<Json> {
  const { env, io, def } = scope;
  const writer = def.ResultWriter as any;
  const args = io.jsonata ? ((await io.value(writer.Arguments ?? {}, 'ResultWriter/Arguments')) as any) : evaluateTemplate(writer.Parameters ?? {}, rootsOf(io.raw, io.context, io.vars));
  const bucket = String(args.Bucket);
  const runId = run.arn.split(':').pop()!;
  const prefix = `${args.Prefix ? `${String(args.Prefix).replace(/\/$/, '')}/` : ''}${runId}`;
  const files: { key: string; status: string; items: unknown[] }[] = [];
  for (const status of ['SUCCEEDED', 'FAILED']) {
    const items = results.filter((r) => (status === 'FAILED' ? r.status !== 'SUCCEEDED' : r.status === status)).map(resultEntry);
    if (items.length) files.push({ key: `${prefix}/${status}_0.json`, status, items });
  }
  const put = (Key: string, body: string) =>
    env.emulator.call('s3', 'PutObject', { Bucket: bucket, Key, Body: Buffer.from(body), ContentType: 'application/json' }, { caller: env.caller, region: env.state.region });
  for (const file of files) await put(file.key, JSON.stringify(file.items));
  const manifest = {
    DestinationBucket: bucket,
    MapRunArn: run.arn,
    ResultFiles: Object.fromEntries(['FAILED', 'PENDING', 'SUCCEEDED'].map((s) => [s, files.filter((f) => f.status === s).map((f) => ({ Key: f.key, Size: Buffer.byteLength(JSON.stringify(f.items)) }))])),
  };
  await put(`${prefix}/manifest.json`, JSON.stringify(manifest));
  return { MapRunArn: run.arn, ResultWriterDetails: { Bucket: bucket, Key: `${prefix}/manifest.json` } };
}

/** One child execution as a result file lists it. */
function resultEntry(child: Execution): Record<string, unknown> {
  return {
    ExecutionArn: child.arn,
    Input: child.input,
    InputDetails: { Included: true },
    Name: child.name,
    ...(child.output !== undefined ? { Output: child.output, OutputDetails: { Included: true } } : {}),
    ...(child.error !== undefined ? { Error: child.error } : {}),
    ...(child.cause !== undefined ? { Cause: child.cause } : {}),
    RedriveCount: child.redriveCount,
    RedriveStatus: 'NOT_REDRIVABLE',
    StartDate: child.startDate.toISOString(),
    StateMachineArn: child.stateMachineArn,
    Status: child.status,
    StopDate: child.stopDate?.toISOString(),
  };
}
