import type { DeliveryAttribute } from './types.ts';

/**
 * The delays of an EventBridge-style retry policy (EventBridge targets, Scheduler targets): exponential back-off from
 * 1 s, capped at 5 minutes, for at most `attempts` retries (AWS's default 185) within `maxAgeSeconds` (default 24 h).
 */
export function retryPolicyDelays(policy: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number } | undefined): number[] {
  const attempts = policy?.MaximumRetryAttempts ?? 185;
  const maxAgeMs = (policy?.MaximumEventAgeInSeconds ?? 86_400) * 1000;
  const delays: number[] = [];
  let total = 0;
  for (let i = 0; i < attempts; i++) {
    const delay = Math.min(1000 * 2 ** i, 300_000);
    if (total + delay > maxAgeMs) break;
    delays.push(delay);
    total += delay;
  }
  return delays;
}

/**
 * The message attributes EventBridge and Scheduler put on an event sent to a target's dead-letter queue, saying why it
 * was not delivered, beside those naming the rule or schedule and the target (`extra`).
 */
export function deadLetterAttributes(error: unknown, extra: Record<string, string>): Record<string, DeliveryAttribute> {
  const failure = error as { code?: string; message?: string };
  const values: Record<string, string> = {
    ERROR_CODE: failure.code ?? 'InternalException',
    ERROR_MESSAGE: failure.message ?? String(error),
    EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
    ...extra,
  };
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { DataType: 'String', StringValue: value }]));
}
