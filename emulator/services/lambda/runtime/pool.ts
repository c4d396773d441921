import { ExecutionEnvironment, type EnvironmentSpec } from './environment.ts';

/** Idle environments are stopped after this long (AWS keeps them for minutes; LocalStack for 10). */
const idleMs = () => Number(process.env.LAMBDA_KEEPALIVE_MS ?? 600_000);
/** `LAMBDA_SPARE_RUNTIMES=0` starts every runtime process on demand (see `acquire`). */
const spareRuntimes = () => process.env.LAMBDA_SPARE_RUNTIMES !== '0';

/**
 * The execution environments of one account and region, keyed by function version and revision: warm ones are
 * reused, busy ones make new ones start (scaling out under concurrent invokes), idle ones are reaped.
 */
export class EnvironmentPool {
  private readonly environments = new Map<string, Set<ExecutionEnvironment>>();
  /** Busy environments of a retired version: they finish their invocation, then stop (see `release`). */
  private readonly retiring = new Set<ExecutionEnvironment>();
  /** One spare runtime process per runtime command (see `acquire`). */
  private readonly spares = new Map<string, ExecutionEnvironment>();
  private readonly sparesStarting = new Map<string, Promise<ExecutionEnvironment | undefined>>();
  private stopped = false;
  private reaper?: NodeJS.Timeout;
  private readonly idleMs = idleMs();

  /** Environments of a function (all its versions), or of every function, that are running an invocation. */
  busyCount(functionArn?: string): number {
    let count = 0;
    for (const [key, set] of this.environments) {
      if (functionArn !== undefined && !key.startsWith(`${functionArn}:`)) continue;
      for (const env of set) if (env.status === 'busy') count++;
    }
    return count;
  }

  /**
   * A warm idle environment for `key`, or a new one for `spec()`: a spare runtime process of its runtime when one is
   * waiting, else a process started now. Either way a spare is then started for the next cold start of that runtime.
   */
  async acquire(key: string, spec: () => Promise<EnvironmentSpec>): Promise<ExecutionEnvironment> {
    const set = this.environments.get(key);
    for (const env of set ?? []) {
      if (env.status === 'idle') {
        env.status = 'busy';
        return env;
      }
    }
    const wanted = await spec();
    const spareKey = [wanted.command, ...wanted.args].join('\0');
    // A spare still starting is nearer to ready than a process started now, which would also slow it down.
    if (!this.spares.has(spareKey)) await this.sparesStarting.get(spareKey);
    const spare = this.spares.get(spareKey);
    this.spares.delete(spareKey);
    const env = spare && spare.status === 'starting' ? spare : new ExecutionEnvironment(key, wanted, (dead) => this.forget(dead));
    if (!this.environments.has(key)) this.environments.set(key, new Set());
    this.environments.get(key)!.add(env);
    if (env === spare) {
      env.assign(key, wanted);
      env.status = 'busy';
    } else {
      env.status = 'busy';
      await env.start();
    }
    if (wanted.spareable) this.prepare(wanted);
    this.startReaper();
    return env;
  }

  private forget(dead: ExecutionEnvironment) {
    this.environments.get(dead.key)?.delete(dead);
    for (const [key, spare] of this.spares) if (spare === dead) this.spares.delete(key);
  }

  /**
   * Starts a spare process of a runtime (a function of it was created, or one of its spares was taken), once the
   * request that asked for it has had the machine to itself.
   */
  prepare(launch: Pick<EnvironmentSpec, 'command' | 'args'>): void {
    const spareKey = [launch.command, ...launch.args].join('\0');
    if (!spareRuntimes() || this.stopped || this.spares.has(spareKey) || this.sparesStarting.has(spareKey)) return;
    let ready!: (spare: ExecutionEnvironment | undefined) => void;
    this.sparesStarting.set(spareKey, new Promise((resolve) => (ready = resolve)));
    setImmediate(() => {
      const like = { command: launch.command, args: launch.args, cwd: '', env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin' }, timeoutSeconds: 0, memoryMb: 0, version: '', logFormat: { json: false } };
      const spare = new ExecutionEnvironment('', like, (dead) => this.forget(dead));
      const started = () => {
        this.sparesStarting.delete(spareKey);
        if (this.stopped || spare.status !== 'starting') {
          spare.kill();
          return ready(undefined);
        }
        spare.lastUsed = performance.now();
        this.spares.set(spareKey, spare);
        ready(spare);
      };
      spare.start(true).then(started, () => {
        this.sparesStarting.delete(spareKey);
        spare.kill();
        ready(undefined);
      });
    });
  }

  /**
   * Provisioned concurrency: keeps `count` environments of `key` started ahead of any invocation (initialization type
   * `provisioned-concurrency`), never reaped while provisioned; 0 hands them back to the idle reaper.
   */
  async provision(key: string, spec: () => Promise<EnvironmentSpec>, count: number): Promise<void> {
    const provisioned = this.unprovision(key, count);
    if (provisioned >= count) return;
    const wanted = await spec();
    const like = { ...wanted, env: { ...wanted.env, AWS_LAMBDA_INITIALIZATION_TYPE: 'provisioned-concurrency' } };
    if (!this.environments.has(key)) this.environments.set(key, new Set());
    for (let i = provisioned; i < count && !this.stopped; i++) {
      const env = new ExecutionEnvironment(key, like, (dead) => this.forget(dead));
      env.provisioned = true;
      this.environments.get(key)!.add(env);
      await env.start();
    }
    this.startReaper();
  }

  /** Keeps `keep` provisioned environments of `key` and hands the others to the idle reaper; returns how many are kept. */
  unprovision(key: string, keep = 0): number {
    const provisioned = [...(this.environments.get(key) ?? [])].filter((env) => env.provisioned && env.status !== 'dead');
    for (const env of provisioned.slice(keep)) {
      env.provisioned = false;
      env.lastUsed = performance.now();
    }
    return Math.min(keep, provisioned.length);
  }

  /** Provisioned environments of `key` that have initialized (ready for, or running, an invocation). */
  provisionedReady(key: string): number {
    let ready = 0;
    for (const env of this.environments.get(key) ?? []) if (env.provisioned && (env.status === 'idle' || env.status === 'busy')) ready++;
    return ready;
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
    this.stopped = true;
    for (const env of this.retiring) env.kill();
    this.retiring.clear();
    clearInterval(this.reaper);
    this.reaper = undefined;
    for (const set of this.environments.values()) for (const env of set) env.kill();
    this.environments.clear();
    for (const spare of this.spares.values()) spare.kill();
    this.spares.clear();
  }

  private startReaper() {
    if (this.reaper) return;
    this.reaper = setInterval(() => {
      const now = performance.now();
      for (const [key, set] of this.environments) {
        for (const env of set) {
          if (env.status !== 'idle' || env.provisioned || now - env.lastUsed <= this.idleMs) continue;
          env.kill();
          set.delete(env);
        }
        if (set.size === 0) this.environments.delete(key);
      }
      for (const [key, spare] of this.spares) {
        if (now - spare.lastUsed <= this.idleMs) continue;
        spare.kill();
        this.spares.delete(key);
      }
    }, Math.min(this.idleMs, 30_000));
    this.reaper.unref();
  }
}
