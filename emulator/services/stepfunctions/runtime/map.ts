import type { MachineDef } from '../asl/definition.ts';
import { statesQueryEvaluation, statesRuntime } from '../asl/errors.ts';
import { selectOrThrow } from '../asl/jsonpath.ts';
import { evaluateTemplate, expectType, isJsonata, type Json } from '../asl/query.ts';
import { rootsOf, type Thread } from './env.ts';
import type { StateScope } from './interpreter.ts';
import { runDistributedMap } from './map-distributed.ts';
import { runMockedMap } from './map-mocked.ts';
import type { RunMachine } from './parallel.ts';
import { partsMemory } from './redrive.ts';
import type { StateIO } from './state-io.ts';

/** The items a Map state iterates: ItemsPath of the input (JSONPath) or Items (JSONata); an array or States.Runtime. */
export async function mapItems(scope: StateScope, input: Json): Promise<Json[]> {
  const { def, io } = scope;
  if (io.jsonata) {
    if (def.Items === undefined) return checkArray(io.raw);
    const items = await io.value(def.Items, 'Items');
    if (isJsonata(def.Items)) expectType(items, 'array', (def.Items as string).slice(2, -2).trim(), 'Items');
    return items as Json[];
  }
  const items = def.ItemsPath === undefined ? input : selectOrThrow(def.ItemsPath as string, rootsOf(input, io.context, io.vars));
  return checkArray(items);
}

function checkArray(items: Json): Json[] {
  if (!Array.isArray(items)) throw statesQueryEvaluation(`Map state input must be an array but was: ${JSON.stringify(items)}`);
  return items;
}

/** One item's input to the processor: the item, or ItemSelector (Parameters in the legacy form) with `$$.Map.Item`. */
export async function itemInput(scope: StateScope, input: Json, item: Json, index: number): Promise<Json> {
  const { def, io } = scope;
  const selector = def.ItemSelector ?? def.Parameters;
  if (selector === undefined) return item;
  const context = { ...io.context, Map: { Item: { Index: index, Value: item } } };
  if (io.jsonata) return io.value(selector, 'ItemSelector', { context });
  return evaluateTemplate(selector, rootsOf(input, context, io.vars), input);
}

export function processorOf(scope: StateScope): MachineDef {
  return (scope.def.ItemProcessor ?? scope.def.Iterator) as MachineDef;
}

/** MaxConcurrency, MaxConcurrencyPath (an integer, or States.Runtime as AWS words it) or its JSONata form. */
export async function maxConcurrency(scope: StateScope, input: Json): Promise<number> {
  const { def, io } = scope;
  if (def.MaxConcurrencyPath !== undefined) return integerAt(scope, input, 'MaxConcurrencyPath', 'integer');
  const value = io.jsonata && def.MaxConcurrency !== undefined ? await io.value(def.MaxConcurrency, 'MaxConcurrency') : def.MaxConcurrency;
  return (value as number | undefined) ?? 0;
}

/**
 * AWS never enters a Map state whose MaxConcurrencyPath finds a negative integer: a standard execution stays RUNNING
 * with no further event (recorded 2024-04; LocalStack's maintainers saw it every time) until it is stopped or times out.
 */
export function stallsOnEntering(io: StateIO): boolean {
  const path = io.def.MaxConcurrencyPath;
  if (io.def.Type !== 'Map' || io.jsonata || typeof path !== 'string') return false;
  try {
    const value = selectOrThrow(path, rootsOf(io.afterInputPath(), io.context, io.vars));
    return typeof value === 'number' && Number.isInteger(value) && value < 0;
  } catch {
    // A path that finds nothing fails the state once it is entered.
    return false;
  }
}

/** A `...Path` field's number: `The <field> field refers to value "<v>" which is not a valid integer: <path>` otherwise. */
export function integerAt(scope: StateScope, input: Json, field: string, kind: 'integer' | 'float'): number {
  const path = scope.def[field] as string;
  const value = selectOrThrow(path, rootsOf(input, scope.io.context, scope.io.vars));
  if (typeof value !== 'number' || (kind === 'integer' && !Number.isInteger(value)))
    throw statesRuntime(`The ${field} field refers to value "${typeof value === 'string' ? value : JSON.stringify(value)}" which is not a valid ${kind}: ${path}`);
  return value;
}

/** A Map state. Inline iterations run one after another, which is the order AWS's histories of such maps show. */
export async function runMap(scope: StateScope, runMachine: RunMachine): Promise<Json> {
  const { def } = scope;
  if (scope.env.test?.mock) return runMockedMap(scope);
  if (((def.ItemProcessor ?? def.Iterator) as { ProcessorConfig?: { Mode?: string } } | undefined)?.ProcessorConfig?.Mode === 'DISTRIBUTED') return runDistributedMap(scope, runMachine);
  const { env, thread, name, io } = scope;
  const input = io.jsonata ? io.raw : io.afterInputPath();
  await maxConcurrency(scope, input);
  const items = await mapItems(scope, input);
  const processor = processorOf(scope);
  env.log.add(thread.frame, 'MapStateStarted', { mapStateStartedEventDetails: { length: items.length } });
  const results: Json[] = [];
  const memory = partsMemory(env, thread);
  let lastSucceeded = thread.frame.last;
  for (const [index, item] of items.entries()) {
    const reused = memory?.reused(index);
    if (reused !== undefined) {
      results.push(reused);
      continue;
    }
    const iteration: Thread = { frame: thread.frame.fork(), vars: thread.vars.child(), language: processor.QueryLanguage ?? io.language, extraContext: { Map: { Item: { Index: index, Value: item } } } };
    env.log.add(iteration.frame, 'MapIterationStarted', { mapIterationStartedEventDetails: { name, index } });
    try {
      results.push(await runMachine(env, iteration, processor, await itemInput(scope, input, item, index)));
      memory?.succeeded(index, results[results.length - 1]);
    } catch (error) {
      if (!env.signal.aborted) {
        env.log.add(iteration.frame, 'MapIterationFailed', { mapIterationFailedEventDetails: { name, index } }, { detached: true });
        thread.frame.last = iteration.frame.last;
      }
      throw error;
    }
    thread.frame.last = iteration.frame.last;
    lastSucceeded = env.log.add(iteration.frame, 'MapIterationSucceeded', { mapIterationSucceededEventDetails: { name, index } }, { detached: true });
  }
  thread.frame.last = lastSucceeded;
  env.log.add(thread.frame, 'MapStateSucceeded', {}, { detached: true });
  return results;
}
