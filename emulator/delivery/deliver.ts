import { parseArn } from '../core/arn.ts';
import type { Emulator } from '../core/emulator.ts';
import { AwsError } from '../core/errors.ts';
import type { DeliveryPayload, DeliverySource } from './types.ts';

/**
 * Delivers one payload to the resource `targetArn` names, in that resource's account and region, as the source
 * service: the target service turns it into one of its own operations, called through the emulator's front door.
 * Resolves with what that operation returned; rejects with its AwsError (missing target, policy denial, validation).
 */
export async function deliver(emulator: Emulator, targetArn: string, payload: DeliveryPayload, source: DeliverySource): Promise<unknown> {
  const target = parseArn(targetArn);
  if (!target) throw new AwsError('InvalidParameter', `Invalid target ARN: ${targetArn}`, { status: 400 });
  const service = emulator.serviceForArn(target.service);
  if (!service?.deliveryTarget) {
    throw new AwsError('InvalidParameter', `Delivery to ${target.service} is not supported by twinstack`, { status: 400 });
  }
  const caller = source.asCaller ?? {
    accountId: source.accountId,
    arn: source.sourceArn,
    servicePrincipal: source.servicePrincipal,
    sourceArn: source.sourceArn,
    sourceAccount: source.accountId,
  };
  const region = target.region || source.region;
  return service.deliveryTarget.deliver({ ...target, arn: targetArn }, payload, (operation, input) =>
    emulator.call(service.name, operation, input, { caller, accountId: target.accountId || source.accountId, region }),
  );
}

export interface RetryPolicy {
  /** Delays before each retry, in milliseconds (its length is the number of retries). */
  delaysMs: readonly number[];
}

/**
 * Delivers in the background, as AWS services do (SNS, S3 notifications, EventBridge): retries on failure after each
 * delay of the policy, then hands the last error to `onFailure` (a DLQ, a failure destination, or a log). Timers run on
 * the emulator's clock and are released when the emulator stops.
 */
export function deliverInBackground(
  emulator: Emulator,
  targetArn: string,
  payload: DeliveryPayload,
  source: DeliverySource,
  options: { retry?: RetryPolicy; onFailure?: (error: unknown) => void } = {},
): void {
  const delays = options.retry?.delaysMs ?? [];
  const attempt = (n: number) => {
    deliver(emulator, targetArn, payload, source).catch((error: unknown) => {
      if (n < delays.length) emulator.schedule(() => attempt(n + 1), delays[n]);
      else options.onFailure?.(error);
    });
  };
  emulator.schedule(() => attempt(0), 0);
}
