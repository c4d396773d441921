import { ExecutionEnvironment, type EnvironmentSpec } from './environment.ts';

/** Idle environments are stopped after this long (AWS keeps them for minutes; LocalStack for 10). */
const idleMs = () => Number(process.env.LAMBDA_KEEPALIVE_MS ?? 600_000);

/**
 * The execution environments of one account and region, keyed by function version and revision: warm ones are
 * reused, busy ones make new ones start (scaling out under concurrent invokes), idle ones are reaped.
 */
export class EnvironmentPool {
  private readonly environments = new Map<string, Set<ExecutionEnvironment>>();
  /** Busy environments of a retired version: they finish their invocation, then stop (see `release`). */
  private readonly retiring = new Set<ExecutionEnvironment>();
  private reaper?: NodeJS.Timeout;
  private readonly idleMs = idleMs();

  /** Environments of a function (all its versions) that are running an invocation. */
  busyCount(functionArn: string): number {
    let count = 0;
    for (const [key, set] of this.environments) {
      if (!key.startsWith(`${functionArn}:`)) continue;
      for (const env of set) if (env.status === 'busy') count++;
    }
    return count;
  }

  /** A warm idle environment for `key`, or a new one started from `spec()`. */
  async acquire(key: string, spec: () => Promise<EnvironmentSpec>): Promise<ExecutionEnvironment> {
    const set = this.environments.get(key);
    for (const env of set ?? []) {
      if (env.status === 'idle') {
        env.status = 'busy';
        return env;
      }
    }
    const env = new ExecutionEnvironment(key, await spec(), (dead) => this.environments.get(dead.key)?.delete(dead));
    if (!this.environments.has(key)) this.environments.set(key, new Set());
    this.environments.get(key)!.add(env);
    env.status = 'busy';
    await env.start();
    this.startReaper();
    return env;
  }

  /** Stops every environment whose key starts with `prefix` (a function's code or configuration changed, or it was deleted). */
  retire(prefix: string): void {
    for (const [key, set] of this.environments) {
      if (!key.startsWith(prefix)) continue;
      for (const env of set) {
        if (env.status === 'busy') this.retiring.add(env);
        else env.kill();
      }
      this.environments.delete(key);
    }
  }

  /** Called after each invocation: an environment retired while it ran stops now. */
  release(env: ExecutionEnvironment): void {
    if (this.retiring.delete(env)) env.kill();
  }

  async killAll(): Promise<void> {
    for (const env of this.retiring) env.kill();
    this.retiring.clear();
    clearInterval(this.reaper);
    this.reaper = undefined;
    for (const set of this.environments.values()) for (const env of set) env.kill();
    this.environments.clear();
  }

  private startReaper() {
    if (this.reaper) return;
    this.reaper = setInterval(() => {
      const now = performance.now();
      for (const [key, set] of this.environments) {
        for (const env of set) {
          if (env.status !== 'idle' || now - env.lastUsed <= this.idleMs) continue;
          env.kill();
          set.delete(env);
        }
        if (set.size === 0) this.environments.delete(key);
      }
    }, Math.min(this.idleMs, 30_000));
    this.reaper.unref();
  }
}
