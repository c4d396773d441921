import { setTimeout as sleep } from 'node:timers/promises';
import { DroppedConnection, type OperationHook } from '../core/emulator.ts';
import { AwsError } from '../core/errors.ts';
import type { RequestContext } from '../core/service.ts';
import { compileRule, type ActiveRule, type FaultRule } from './rules.ts';

/** Statuses of common AWS error codes that a service's model may not list. */
const STATUS_BY_CODE: Record<string, number> = {
  InternalError: 500,
  InternalFailure: 500,
  InternalServerError: 500,
  ServiceUnavailable: 503,
  ServiceUnavailableException: 503,
  SlowDown: 503,
  RequestTimeout: 408,
  RequestTimeoutException: 408,
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  500: 'We encountered an internal error. Please try again.',
  503: 'Service is unavailable. Please try again.',
};

/** Request members that name the resource a request is about (top level only: matching costs nothing per byte). */
const RESOURCE_MEMBER = /(Name|Arn|ARN|Url|URL|Id|Bucket|Key)$/;

/** A small seeded generator (mulberry32): the same seed gives the same faults for the same requests. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fault injection, hooked before every operation (client requests and `Emulator.call` alike). Rules are checked in
 * the order they were added: latency-only rules add up, the first rule that injects an error or a dropped
 * connection ends the request. Connection faults on internal calls become a 503 ServiceUnavailable for the caller.
 */
export class FaultInjector implements OperationHook {
  private rules: ActiveRule[] = [];
  private random: () => number;
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    private seedValue: number = Math.floor(Math.random() * 2 ** 32),
  ) {
    this.random = seeded(seedValue);
  }

  get seed(): number {
    return this.seedValue;
  }

  /** Restarts the random sequence (and the rules' counters keep going). */
  reseed(seed: number): void {
    if (!Number.isInteger(seed)) throw new RangeError('the fault seed must be an integer');
    this.seedValue = seed;
    this.random = seeded(seed);
  }

  /** Adds rules after checking all of them (none is added if one is invalid); returns their ids. */
  add(rules: unknown[]): string[] {
    const compiled = rules.map((rule, i) => compileRule(rule, `fault-${this.nextId + i}`, this.now()));
    const ids = new Set(this.rules.map((r) => r.rule.id));
    for (const rule of compiled) {
      if (ids.has(rule.rule.id)) throw new RangeError(`a fault rule with id ${rule.rule.id} exists`);
      ids.add(rule.rule.id);
    }
    this.nextId += rules.length;
    this.rules.push(...compiled);
    return compiled.map((r) => r.rule.id);
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules with how often each matched and how often it injected its fault. */
  list(): { seed: number; rules: (FaultRule & { id: string; matched: number; injected: number })[] } {
    return { seed: this.seedValue, rules: this.rules.map((r) => ({ ...r.rule, matched: r.matched, injected: r.hits })) };
  }

  /** Nothing to wait for (undefined) while there are no rules: the request path then takes no extra turn. */
  before(ctx: RequestContext, input: object): Promise<void> | undefined {
    return this.rules.length ? this.inject(ctx, input) : undefined;
  }

  private async inject(ctx: RequestContext, input: object): Promise<void> {
    const now = this.now();
    let resources: string[] | undefined;
    for (const active of this.rules) {
      const { matchers } = active;
      if (now < active.startsAt || now >= active.endsAt) continue;
      if (active.rule.count !== undefined && active.hits >= active.rule.count) continue;
      if (matchers.service && !matchers.service.test(ctx.service)) continue;
      if (matchers.operation && !matchers.operation.test(ctx.operation)) continue;
      if (matchers.region && !matchers.region.test(ctx.region)) continue;
      if (matchers.account && !matchers.account.test(ctx.accountId)) continue;
      if (matchers.resource) {
        resources ??= resourcesOf(input);
        if (!resources.some((r) => matchers.resource!.test(r))) continue;
      }
      active.matched += 1;
      if (active.rule.probability !== undefined && this.random() >= active.rule.probability) continue;
      active.hits += 1;
      if (active.latency) await sleep(active.latency.min + this.random() * (active.latency.max - active.latency.min));
      if (active.rule.error) throw this.errorFor(active.rule.error, ctx);
      if (active.rule.connection) {
        if (ctx.protocol === 'internal') throw new AwsError('ServiceUnavailable', MESSAGE_BY_STATUS[503], { status: 503 });
        throw new DroppedConnection(active.rule.connection);
      }
    }
  }

  private errorFor(error: NonNullable<FaultRule['error']>, ctx: RequestContext): AwsError {
    const modelled = ctx.emulator.services.get(ctx.service)?.model.shapes[error.code]?.error?.httpStatusCode;
    const status = error.status ?? modelled ?? STATUS_BY_CODE[error.code] ?? 400;
    const message = error.message ?? MESSAGE_BY_STATUS[status] ?? (/Throttl|Exceeded|SlowDown/.test(error.code) ? 'Rate exceeded' : `${error.code} (injected by twinstack)`);
    return new AwsError(error.code, message, { status });
  }
}

function resourcesOf(input: object): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(input)) if (typeof value === 'string' && RESOURCE_MEMBER.test(key)) out.push(value);
  return out;
}
