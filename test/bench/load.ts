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
