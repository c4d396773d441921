import { randomUUID } from 'node:crypto';
import { parseArn } from '../../core/arn.ts';
import type { Emulator } from '../../core/emulator.ts';
import { deadLetterAttributes, retryPolicyDelays } from '../../delivery/retry-policy.ts';
import type { DeliveryPayload } from '../../delivery/types.ts';
import type { Schedule, SchedulerState } from './state.ts';

/** The service names of universal targets (`arn:aws:scheduler:::aws-sdk:<service>:<apiAction>`) that differ from twinstack's. */
const SDK_SERVICES: Record<string, string> = { eventbridge: 'events', cloudwatchlogs: 'logs' };

/**
 * Invokes a schedule's target: a universal target calls the named API action with the Input as its parameters, as
 * the schedule's role; a templated target (SQS, SNS, Lambda, Kinesis, an event bus...) gets the Input through the
 * delivery layer. Failures are retried by the retry policy, then sent to the dead-letter queue.
 */
export function invokeTarget(state: SchedulerState, emulator: Emulator, schedule: Schedule): void {
  const target = schedule.target;
  const input = target.Input ?? '{}';
  const universal = /^arn:[^:]+:scheduler:::aws-sdk:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(target.Arn!);
  if (universal) {
    const service = SDK_SERVICES[universal[1]] ?? universal[1];
    const operation = universal[2].charAt(0).toUpperCase() + universal[2].slice(1);
    const role = parseArn(target.RoleArn!);
    const caller = { accountId: role?.accountId || state.accountId, arn: target.RoleArn! };
    const attempt = (n: number, delays: number[]) => {
      Promise.resolve()
        .then(() => emulator.call(service, operation, JSON.parse(input), { caller, region: state.region }))
        .catch((error: unknown) => {
          if (n < delays.length) emulator.schedule(() => attempt(n + 1, delays), delays[n]);
          else deadLetter(state, emulator, schedule, input, error);
        });
    };
    attempt(0, retryPolicyDelays(target.RetryPolicy));
    return;
  }
  const payload: DeliveryPayload = {
    body: target.EventBridgeParameters
      ? JSON.stringify({ version: '0', id: randomUUID(), 'detail-type': target.EventBridgeParameters.DetailType, source: target.EventBridgeParameters.Source, detail: JSON.parse(input) })
      : input,
    messageGroupId: target.SqsParameters?.MessageGroupId,
    partitionKey: target.KinesisParameters?.PartitionKey,
  };
  emulator.deliverInBackground(
    target.Arn!,
    payload,
    { servicePrincipal: 'scheduler.amazonaws.com', sourceArn: schedule.arn, accountId: state.accountId, region: state.region },
    { retry: { delaysMs: retryPolicyDelays(target.RetryPolicy) }, onFailure: (error) => deadLetter(state, emulator, schedule, input, error) },
  );
}

function deadLetter(state: SchedulerState, emulator: Emulator, schedule: Schedule, body: string, error: unknown): void {
  const dlq = schedule.target.DeadLetterConfig?.Arn;
  if (!dlq) return;
  emulator.deliverInBackground(
    dlq,
    {
      body,
      attributes: deadLetterAttributes(error, { SCHEDULE_ARN: schedule.arn, TARGET_ARN: schedule.target.Arn! }),
    },
    { servicePrincipal: 'scheduler.amazonaws.com', sourceArn: schedule.arn, accountId: state.accountId, region: state.region },
  );
}
