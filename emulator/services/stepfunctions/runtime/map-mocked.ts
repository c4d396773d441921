import { statesRuntime, StatesError } from '../asl/errors.ts';
import { selectOrThrow } from '../asl/jsonpath.ts';
import type { Json } from '../asl/query.ts';
import { rootsOf } from './env.ts';
import type { StateScope } from './interpreter.ts';
import { maxConcurrency } from './map.ts';
import { tolerances } from './map-distributed.ts';

/**
 * A Map state under TestState with a mock: its iterations do not run, the mock is their result (or the error one of
 * them raised), and `mapIterationFailureCount` iterations count as failed against the tolerated failures the state
 * sets (a state setting none tolerates them all, as AWS's TestState answers). The settings it reads are reported.
 */
export async function runMockedMap(scope: StateScope): Promise<Json> {
  const { env, def, io } = scope;
  const test = env.test!;
  const input = io.jsonata ? io.raw : io.afterInputPath();
  if (!io.jsonata && def.ItemsPath !== undefined) {
    const path = def.ItemsPath as string;
    const items = selectOrThrow(path, rootsOf(input, io.context, io.vars));
    // AWS names a context path from the context object's root (`$$.Execution.Input` as `$.Execution.Input`).
    if (!Array.isArray(items)) throw statesRuntime(`Reference path "${path.startsWith('$$') ? path.slice(1) : path}" must point to array.`);
    test.inspect('afterItemsPath', items);
  }
  test.inspect('maxConcurrency', await maxConcurrency(scope, input));
  const tolerance = await tolerances(scope, input);
  const countSet = def.ToleratedFailureCount !== undefined || def.ToleratedFailureCountPath !== undefined;
  const percentageSet = def.ToleratedFailurePercentage !== undefined || def.ToleratedFailurePercentagePath !== undefined;
  if (countSet) test.inspect('toleratedFailureCount', tolerance.count);
  if (percentageSet) test.inspect('toleratedFailurePercentage', tolerance.percentage);
  const result = test.mock!();
  const failures = test.configuration.mapIterationFailureCount ?? 0;
  const total = Array.isArray(result) ? result.length : 0;
  const exceeded = (countSet && failures > tolerance.count) || (percentageSet && total > 0 && (failures / total) * 100 > tolerance.percentage);
  if (exceeded) throw new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
  return result;
}
