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
