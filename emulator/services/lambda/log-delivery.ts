import type { Emulator } from '../../core/emulator.ts';
import { AwsError } from '../../core/errors.ts';
import type { LambdaFunction } from './function.ts';
import { executionRoleCaller } from './role.ts';
import type { LambdaState } from './state.ts';

/** PutLogEvents takes at most this many events per call. */
const MAX_EVENTS_PER_PUT = 10_000;

/**
 * Sends an invocation's log lines to CloudWatch Logs (the function's log group, the environment's log stream) when
 * the Logs service runs here, as the function's execution role, in the background and in order per account and region.
 */
export function deliverLogs(emulator: Emulator, state: LambdaState, fn: LambdaFunction, stream: string, events: { timestamp: number; message: string }[]): void {
  if (!events.length || !emulator.serviceNames().includes('logs')) return;
  const group = fn.latest.config.LoggingConfig?.LogGroup ?? `/aws/lambda/${fn.name}`;
  const options = { caller: executionRoleCaller(fn, state.region), region: state.region, accountId: state.accountId };
  const ensure = async (operation: string, input: object) => {
    try {
      await emulator.call('logs', operation, input, options);
    } catch (error) {
      if (!(error instanceof AwsError && error.code === 'ResourceAlreadyExistsException')) throw error;
    }
  };
  state.logDelivery = state.logDelivery
    .then(async () => {
      if (!state.logTargets.has(group)) await ensure('CreateLogGroup', { logGroupName: group });
      state.logTargets.add(group);
      if (!state.logTargets.has(`${group}\n${stream}`)) await ensure('CreateLogStream', { logGroupName: group, logStreamName: stream });
      state.logTargets.add(`${group}\n${stream}`);
      for (let i = 0; i < events.length; i += MAX_EVENTS_PER_PUT) {
        await emulator.call('logs', 'PutLogEvents', { logGroupName: group, logStreamName: stream, logEvents: events.slice(i, i + MAX_EVENTS_PER_PUT) }, options);
      }
    })
    .catch((error: unknown) => {
      // A deleted group or stream is created again with the next invocation.
      state.logTargets.clear();
      console.warn(`[twinstack] lambda ${fn.name}: logs not delivered to CloudWatch Logs: ${(error as Error)?.message ?? error}`);
    });
}
