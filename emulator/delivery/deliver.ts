import { parseArn } from '../core/arn.ts';
import type { Emulator } from '../core/emulator.ts';
import { AwsError } from '../core/errors.ts';
import { HttpDeliveryError, postToEndpoint } from './http.ts';
import type { DeliveryPayload, DeliverySource } from './types.ts';

/**
 * Delivers one payload to the resource `targetArn` names, in that resource's account and region, as the source
 * service: the target service turns it into one of its own operations, called through the emulator's front door.
 * An `http://` or `https://` URL instead of an ARN is an HTTP endpoint: the body is POSTed with `payload.headers`.
 * Resolves with what that operation returned; rejects with its AwsError (missing target, policy denial, validation).
 */
export async function deliver(emulator: Emulator, targetArn: string, payload: DeliveryPayload, source: DeliverySource): Promise<unknown> {
  if (/^https?:\/\//i.test(targetArn)) return postToEndpoint(targetArn, payload);
  const target = parseArn(targetArn);
  if (!target) throw new AwsError('InvalidParameter', `Invalid target ARN: ${targetArn}`, { status: 400 });
  const service = await emulator.serviceForArn(target.service);
  if (!service?.deliveryTarget) {
    throw new AwsError('TargetServiceUnavailable', `Delivery to ${target.service} is not supported by this twinstack (service not enabled)`, {
      status: 503,
      sender: false,
    });
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
  delaysMs?: readonly number[];
  /** For long schedules (AWS-managed endpoints retry 100,014 times): the number of retries and the delay before each. */
  retries?: number;
  delayMs?(retry: number): number;
}

function delayBefore(policy: RetryPolicy | undefined, retry: number): number | undefined {
  if (!policy) return undefined;
  if (policy.delaysMs) return retry < policy.delaysMs.length ? policy.delaysMs[retry] : undefined;
  return policy.delayMs && retry < (policy.retries ?? 0) ? policy.delayMs(retry) : undefined;
}

/**
 * Whether a failed delivery is worth retrying, as SNS tells them apart: server-side failures (the target service
 * unavailable or not enabled, throttling, 5xx, network errors) are retried; client-side failures (the target deleted,
 * a policy that denies, a message the target refuses) are not, and go straight to the DLQ.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof HttpDeliveryError) return error.status === 0 || error.status >= 500 || error.status === 429;
  if (!(error instanceof AwsError)) return true;
  return !error.sender || /thrott|TooManyRequests|RequestLimitExceeded/i.test(error.code);
}

export interface BackgroundOptions {
  retry?: RetryPolicy;
  /** Called with the last error once no retry is left, or at once for an error that is not retried (DLQ, log). */
  onFailure?: (error: unknown) => void;
  /** Called once delivered. */
  onSuccess?: (result: unknown) => void;
  /**
   * Deliveries with the same key happen one after the other, in the order they were asked for, each waiting for the
   * one before it to be delivered or given up (FIFO topics: subscription + message group).
   */
  orderingKey?: string;
  /** Which errors are retried (default `isRetryable`); HTTP endpoints retry on every failure. */
  retryable?: (error: unknown) => boolean;
}

const chains = new WeakMap<Emulator, Map<string, Promise<void>>>();

/**
 * Delivers in the background, as AWS services do (SNS, S3 notifications, EventBridge): retries on failure after each
 * delay of the policy, then hands the last error to `onFailure` (a DLQ, a failure destination, or a log). Timers are
 * the emulator's and are released when the emulator stops.
 */
export function deliverInBackground(
  emulator: Emulator,
  targetArn: string,
  payload: DeliveryPayload,
  source: DeliverySource,
  options: BackgroundOptions = {},
): void {
  const retryable = options.retryable ?? isRetryable;
  const run = () =>
    new Promise<void>((done) => {
      const attempt = (n: number) => {
        deliver(emulator, targetArn, payload, source).then(
          (result) => {
            options.onSuccess?.(result);
            done();
          },
          (error: unknown) => {
            const delay = retryable(error) ? delayBefore(options.retry, n) : undefined;
            if (delay !== undefined) {
              emulator.schedule(() => attempt(n + 1), delay);
              return;
            }
            try {
              options.onFailure?.(error);
            } finally {
              done();
            }
          },
        );
      };
      emulator.schedule(() => attempt(0), 0);
    });
  if (!options.orderingKey) {
    void run();
    return;
  }
  let byKey = chains.get(emulator);
  if (!byKey) chains.set(emulator, (byKey = new Map()));
  const key = options.orderingKey;
  const next = (byKey.get(key) ?? Promise.resolve()).then(run);
  byKey.set(key, next);
  void next.then(() => {
    if (byKey.get(key) === next) byKey.delete(key);
  });
}
