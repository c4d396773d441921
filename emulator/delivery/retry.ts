import type { RetryPolicy } from './deliver.ts';

/**
 * AWS's fixed retry schedule for AWS-managed endpoints (SQS queues, Lambda functions, Firehose streams, other topics):
 * 3 immediate retries, 2 one second apart, 10 with exponential backoff from 1 to 20 seconds, then 100,000 twenty
 * seconds apart: 100,015 attempts over about 23 days (Amazon SNS developer guide, "Amazon SNS message delivery retries").
 */
export const AWS_MANAGED_RETRY: RetryPolicy = {
  retries: 100_015 - 1,
  delayMs(retry: number): number {
    if (retry < 3) return 0;
    if (retry < 5) return 1_000;
    if (retry < 15) return Math.round(1_000 * Math.pow(20, (retry - 5) / 9));
    return 20_000;
  },
};

/** The retry part of an SNS delivery policy for http/https endpoints (`healthyRetryPolicy`). */
export interface HttpRetryPolicy {
  minDelayTarget?: number;
  maxDelayTarget?: number;
  numRetries?: number;
  numNoDelayRetries?: number;
  numMinDelayRetries?: number;
  numMaxDelayRetries?: number;
  backoffFunction?: 'linear' | 'arithmetic' | 'geometric' | 'exponential';
}

/**
 * The delays of an http/https delivery policy, as SNS documents its four phases: retries without delay, retries at
 * the minimum delay, a backoff phase from the minimum to the maximum delay along the backoff function, and retries at
 * the maximum delay; `numRetries` in all. Defaults are AWS's (3 retries, 20 seconds apart).
 */
export function httpRetryPolicy(policy: HttpRetryPolicy = {}): RetryPolicy {
  const min = (policy.minDelayTarget ?? 20) * 1000;
  const max = (policy.maxDelayTarget ?? 20) * 1000;
  const total = policy.numRetries ?? 3;
  const noDelay = policy.numNoDelayRetries ?? 0;
  const atMin = policy.numMinDelayRetries ?? 0;
  const atMax = policy.numMaxDelayRetries ?? 0;
  const backoff = Math.max(0, total - noDelay - atMin - atMax);
  const delays: number[] = [];
  for (let i = 0; i < noDelay; i++) delays.push(0);
  for (let i = 0; i < atMin; i++) delays.push(min);
  for (let i = 1; i <= backoff; i++) delays.push(backoffDelay(policy.backoffFunction ?? 'linear', i, backoff, min, max));
  for (let i = 0; i < atMax; i++) delays.push(max);
  return { delaysMs: delays.slice(0, total) };
}

function backoffDelay(fn: string, step: number, steps: number, min: number, max: number): number {
  const t = steps <= 1 ? 1 : (step - 1) / (steps - 1);
  switch (fn) {
    case 'exponential':
      return Math.round(min * Math.pow(max / Math.max(min, 1), t));
    case 'geometric':
      return Math.round(min + (max - min) * Math.pow(t, 3));
    case 'arithmetic':
      return Math.round(min + (max - min) * t * t);
    default:
      return Math.round(min + (max - min) * t);
  }
}
