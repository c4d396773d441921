import { cpuMicros } from './process-stats.ts';

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  /** Server user+system CPU per request, in microseconds. */
  serverCpuMicros: number;
  firstError?: string;
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  /** Stop earlier when this many operations have been issued (e.g. receipt handles to delete). */
  maxRequests?: number;
  /** The server process whose CPU time is charged to the requests. */
  serverPid: number;
}

/** Runs `op` from `concurrency` workers until the duration or request budget is spent. */
export async function runLoad(op: (i: number) => Promise<unknown>, options: LoadOptions): Promise<LoadResult> {
  const max = options.maxRequests ?? Number.POSITIVE_INFINITY;
  let issued = 0;
  let completed = 0;
  let errors = 0;
  let firstError: string | undefined;
  const cpuBefore = cpuMicros(options.serverPid);
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline && issued < max) {
      const i = issued++;
      try {
        await op(i);
        completed++;
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        // A failing workload should not spin: one error per worker ends it.
        if (errors >= options.concurrency) return;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuMicros(options.serverPid) - cpuBefore;
  const requests = completed + errors;
  return {
    concurrency: options.concurrency,
    requests,
    errors,
    seconds,
    requestsPerSecond: requests / seconds,
    serverCpuMicros: requests ? cpu / requests : Number.NaN,
    firstError,
  };
}

/** A workload measured in turn with the null server's answer to the same request, for a ratio both see the same load in. */
export interface PairedResult {
  /** All rounds of the workload together. */
  result: LoadResult;
  /** All rounds of the null server together (the same number of requests as the workload, at the same concurrency). */
  baseline: LoadResult;
  /** The median over the rounds of (workload CPU per request) / (null CPU per request in the round right after it). */
  ratio: number;
  /** The lowest and highest of the rounds' ratios. */
  spread: [number, number];
}

export interface PairedOptions {
  concurrency: number;
  /** The workload's share of the time, split evenly over the rounds; the null rounds add about as much again. */
  durationMs: number;
  maxRequests?: number;
  serverPid: number;
  nullPid: number;
  rounds: number;
}

/**
 * Rounds of the workload, each followed by as many requests to the null server at the same concurrency: machine load
 * that changes from one row to the next (other processes on a shared machine) weighs on both sides of each ratio.
 */
export async function runPaired(op: (i: number) => Promise<unknown>, nullOp: (i: number) => Promise<unknown>, options: PairedOptions): Promise<PairedResult> {
  const results: LoadResult[] = [];
  const baselines: LoadResult[] = [];
  const ratios: number[] = [];
  let remaining = options.maxRequests ?? Number.POSITIVE_INFINITY;
  let issued = 0;
  for (let round = 0; round < options.rounds && remaining > 0; round++) {
    // `i` keeps counting across rounds: workloads use it for distinct keys and bodies.
    const offset = issued;
    const result = await runLoad((i) => op(offset + i), { concurrency: options.concurrency, durationMs: options.durationMs / options.rounds, maxRequests: remaining, serverPid: options.serverPid });
    if (!result.requests) break;
    issued += result.requests;
    remaining -= result.requests;
    // The null server is faster than any workload; the time limit only guards against a hung one.
    const baseline = await runLoad(nullOp, { concurrency: options.concurrency, durationMs: options.durationMs * 10, maxRequests: result.requests, serverPid: options.nullPid });
    results.push(result);
    baselines.push(baseline);
    ratios.push(result.serverCpuMicros / baseline.serverCpuMicros);
  }
  return {
    result: merge(results, options.concurrency),
    baseline: merge(baselines, options.concurrency),
    ratio: ratios.length ? median(ratios) : Number.NaN,
    spread: ratios.length ? [Math.min(...ratios), Math.max(...ratios)] : [Number.NaN, Number.NaN],
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function merge(parts: LoadResult[], concurrency: number): LoadResult {
  const requests = parts.reduce((sum, p) => sum + p.requests, 0);
  const seconds = parts.reduce((sum, p) => sum + p.seconds, 0);
  const cpu = parts.reduce((sum, p) => sum + p.serverCpuMicros * p.requests, 0);
  return {
    concurrency,
    requests,
    errors: parts.reduce((sum, p) => sum + p.errors, 0),
    seconds,
    requestsPerSecond: seconds ? requests / seconds : 0,
    serverCpuMicros: requests ? cpu / requests : Number.NaN,
    firstError: parts.find((p) => p.firstError)?.firstError,
  };
}
