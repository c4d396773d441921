import type { CatcherDef, RetrierDef } from '../asl/definition.ts';

/** Whether an error name is matched by an ErrorEquals list (`States.ALL` matches all but the terminal runtime errors). */
export function errorMatches(errorEquals: string[], error: string): boolean {
  if (errorEquals.includes(error)) return true;
  if (errorEquals.includes('States.ALL')) return error !== 'States.Runtime' && error !== 'States.DataLimitExceeded';
  // States.TaskFailed stands for any error a task can raise, except a timeout.
  if (errorEquals.includes('States.TaskFailed')) return !['States.Timeout', 'States.Runtime', 'States.DataLimitExceeded'].includes(error);
  return false;
}

/**
 * The delay before the next attempt for an error, or undefined when no retrier retries it any more. `attempts`
 * counts the retries each retrier has made so far (by index).
 */
export function retryDelayMs(retriers: RetrierDef[] | undefined, error: string, attempts: number[], random = Math.random): number | undefined {
  const index = (retriers ?? []).findIndex((r) => errorMatches(r.ErrorEquals, error));
  if (index < 0) return undefined;
  const retrier = retriers![index];
  const made = attempts[index] ?? 0;
  if (made >= (retrier.MaxAttempts ?? 3)) return undefined;
  attempts[index] = made + 1;
  let seconds = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** made;
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') seconds = random() * seconds;
  return Math.round(seconds * 1000);
}

export function findCatcher(catchers: CatcherDef[] | undefined, error: string): CatcherDef | undefined {
  return (catchers ?? []).find((c) => errorMatches(c.ErrorEquals, error));
}

/**
 * TestState's view of a retrier (it retries nothing): the retrier taking the error, and the wait before the retry
 * after `made` retries, or no wait when it has made all its attempts.
 */
export function testRetry(retriers: RetrierDef[] | undefined, error: string, made: number): { retryIndex: number; retryBackoffIntervalSeconds?: number } | undefined {
  const retryIndex = (retriers ?? []).findIndex((r) => errorMatches(r.ErrorEquals, error));
  if (retryIndex < 0) return undefined;
  const retrier = retriers![retryIndex];
  if (made >= (retrier.MaxAttempts ?? 3)) return { retryIndex };
  let seconds = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** made;
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  return { retryIndex, retryBackoffIntervalSeconds: Math.round(seconds) };
}
