import type { Emulator } from '../../core/emulator.ts';
import { recordMetric, type MetricDimension } from '../../core/service-metrics.ts';
import type { LambdaFunction } from './function.ts';
import type { InvocationResult } from './runtime/environment.ts';
import type { LambdaState } from './state.ts';

/**
 * The AWS/Lambda metrics of one invocation — Invocations, Errors (function errors) and Duration — by FunctionName and
 * across all functions (no dimension), as Lambda publishes them.
 */
export function recordInvocation(emulator: Emulator, state: LambdaState, fn: LambdaFunction, result: InvocationResult): void {
  const source = { namespace: 'AWS/Lambda', servicePrincipal: 'lambda.amazonaws.com', accountId: state.accountId, region: state.region };
  const dimensionSets: MetricDimension[][] = [[{ Name: 'FunctionName', Value: fn.name }], []];
  for (const Dimensions of dimensionSets) {
    recordMetric(emulator, source, { MetricName: 'Invocations', Dimensions, Unit: 'Count', Value: 1 });
    recordMetric(emulator, source, { MetricName: 'Errors', Dimensions, Unit: 'Count', Value: result.functionError ? 1 : 0 });
    recordMetric(emulator, source, { MetricName: 'Duration', Dimensions, Unit: 'Milliseconds', Value: Math.round(result.durationMs * 100) / 100 });
  }
}
