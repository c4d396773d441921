import type { Emulator } from '../../core/emulator.ts';
import { recordMetric, type MetricDimension } from '../../core/service-metrics.ts';
import type { LambdaFunction } from './function.ts';
import type { InvocationResult } from './runtime/environment.ts';
import type { LambdaState } from './state.ts';

const sourceOf = (state: LambdaState) => ({ namespace: 'AWS/Lambda', accountId: state.accountId, region: state.region });

/**
 * The AWS/Lambda metrics of one invocation — Invocations, Errors (function errors) and Duration — by FunctionName and
 * across all functions (no dimension), as Lambda publishes them.
 */
export function recordInvocation(emulator: Emulator, state: LambdaState, fn: LambdaFunction, result: InvocationResult): void {
  const source = sourceOf(state);
  const dimensionSets: MetricDimension[][] = [[{ Name: 'FunctionName', Value: fn.name }], []];
  for (const Dimensions of dimensionSets) {
    recordMetric(emulator, source, { MetricName: 'Invocations', Dimensions, Unit: 'Count', Value: 1 });
    recordMetric(emulator, source, { MetricName: 'Errors', Dimensions, Unit: 'Count', Value: result.functionError ? 1 : 0 });
    recordMetric(emulator, source, { MetricName: 'Duration', Dimensions, Unit: 'Milliseconds', Value: Math.round(result.durationMs * 100) / 100 });
  }
}

/** Throttles: an invocation refused for want of concurrency, by FunctionName and across all functions. */
export function recordThrottle(emulator: Emulator, state: LambdaState, fn: LambdaFunction): void {
  for (const Dimensions of [[{ Name: 'FunctionName', Value: fn.name }], []]) {
    recordMetric(emulator, sourceOf(state), { MetricName: 'Throttles', Dimensions, Unit: 'Count', Value: 1 });
  }
}

/**
 * ConcurrentExecutions as an invocation starts: the environments busy then, for the function and for the account and
 * region (read with the Maximum statistic, as AWS advises).
 */
export function recordConcurrency(emulator: Emulator, state: LambdaState, fn: LambdaFunction): void {
  if (!emulator.isEnabled('cloudwatch')) return;
  const source = sourceOf(state);
  recordMetric(emulator, source, { MetricName: 'ConcurrentExecutions', Dimensions: [{ Name: 'FunctionName', Value: fn.name }], Unit: 'Count', Value: state.pool.busyCount(fn.arn) });
  recordMetric(emulator, source, { MetricName: 'ConcurrentExecutions', Dimensions: [], Unit: 'Count', Value: state.pool.busyCount() });
}
