import type { ApiKey, UsagePlan } from '@aws-sdk/client-api-gateway';
import type { ApiGatewayState } from '../state.ts';
import { GatewayFailure } from './responses.ts';

/** The enabled key with this value that a usage plan of this stage includes, with that plan; else 403 Forbidden. */
export function checkApiKey(state: ApiGatewayState, value: string | undefined, apiId: string, stage: string): { key: ApiKey; plan: UsagePlan } {
  const key = value !== undefined ? [...state.apiKeys.values()].find((k) => k.value === value) : undefined;
  if (key?.enabled) {
    for (const plan of state.usagePlans.values()) {
      if (plan.apiStages?.some((s) => s.apiId === apiId && s.stage === stage) && state.usagePlanKeys.get(plan.id!)?.has(key.id!)) return { key, plan };
    }
  }
  throw new GatewayFailure('INVALID_API_KEY', 'Forbidden');
}

function periodStart(period: string | undefined, offset: number, now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (period === 'WEEK') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6 - offset) % 7));
  if (period === 'MONTH') day.setUTCDate(1 + offset);
  return day.toISOString().slice(0, 10);
}

/**
 * Counts a request against the plan: a token bucket for its throttle (rate per second, burst) and its quota for
 * the period; 429 with AWS's messages when either is spent.
 */
export function meter(state: ApiGatewayState, plan: UsagePlan, keyId: string, nowMs: number): void {
  const throttle = plan.throttle;
  if (throttle?.rateLimit !== undefined || throttle?.burstLimit !== undefined) {
    const bucketKey = `${plan.id}/${keyId}`;
    const burst = throttle.burstLimit ?? throttle.rateLimit ?? 0;
    const rate = throttle.rateLimit ?? 0;
    const bucket = state.buckets.get(bucketKey) ?? { tokens: burst, updatedMs: nowMs };
    bucket.tokens = Math.min(burst, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * rate);
    bucket.updatedMs = nowMs;
    state.buckets.set(bucketKey, bucket);
    if (bucket.tokens < 1) throw new GatewayFailure('THROTTLED', 'Too Many Requests');
    bucket.tokens -= 1;
  }
  const now = new Date(nowMs);
  const today = now.toISOString().slice(0, 10);
  const record = state.usage.get(`${plan.id}/${keyId}`) ?? { days: new Map<string, number>() };
  state.usage.set(`${plan.id}/${keyId}`, record);
  if (plan.quota?.limit !== undefined) {
    const from = periodStart(plan.quota.period, plan.quota.offset ?? 0, now);
    let used = 0;
    for (const [day, count] of record.days) if (day >= from) used += count;
    if (used >= plan.quota.limit) throw new GatewayFailure('QUOTA_EXCEEDED', 'Limit Exceeded');
  }
  record.days.set(today, (record.days.get(today) ?? 0) + 1);
}
