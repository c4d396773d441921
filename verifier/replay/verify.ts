import type { ContractFile, Provenance } from '../contract/types.ts';
import { closeConnections, runScenario, type InteractionResult, type Target } from './run.ts';

export interface VerifyOptions {
  target: Target;
  contracts: ContractFile[];
  service?: string[];
  operation?: string[];
  /** 1-based shard index and count: scenario i goes to shard (i mod n) + 1. */
  shard?: { index: number; count: number };
  /** Scenarios replayed at once (each has its own resource names). */
  concurrency?: number;
  onResult?: (results: InteractionResult[], done: number, total: number) => void;
}

export interface ScenarioSummary {
  id: string;
  service: string;
  protocol: string;
  provenance: Provenance;
}

export interface VerifyRun {
  startedAt: string;
  durationMs: number;
  target: string;
  scenarios: ScenarioSummary[];
  results: InteractionResult[];
}

/** Picks the scenarios of this shard and service filter (operation filters select interactions, not scenarios). */
export function selectContracts(contracts: ContractFile[], options: Pick<VerifyOptions, 'service' | 'operation' | 'shard'>): ContractFile[] {
  return contracts
    .filter((c) => !options.service?.length || options.service.includes(c.metadata.twinstack.service))
    .filter((c) => !options.operation?.length || c.interactions.some((i) => options.operation!.includes(i.comments.twinstack.operation)))
    .filter((_, i) => !options.shard || i % options.shard.count === options.shard.index - 1);
}

/**
 * How long a scenario is expected to keep a worker waiting, for longest-first scheduling: the seconds its long polls
 * may wait (a poll that is meant to come back empty waits them all), a cold start for each Lambda scenario, and the
 * generation of large RSA keys. Started first, these waits overlap the rest of the corpus instead of trailing after it.
 */
function expectedWait(contract: ContractFile): number {
  let seconds = contract.metadata.twinstack.service === 'lambda' ? 0.5 : 0;
  for (const interaction of contract.interactions) {
    const request = JSON.stringify(interaction.request);
    const poll = /WaitTimeSeconds\W{1,4}(\d+)/.exec(request);
    if (poll) seconds += Number(poll[1]);
    const rsa = /RSA_(\d{4})/.exec(request);
    if (rsa) seconds += Number(rsa[1]) / 1024;
  }
  return seconds;
}

/**
 * Replays contracts against a target and judges every interaction: the function behind `twinstack verify`, also the
 * one a benchmark calls (`verifyContracts({ target, contracts })` -> results with per-interaction timings).
 */
export async function verifyContracts(options: VerifyOptions): Promise<VerifyRun> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const selected = selectContracts(options.contracts, options);
  const filter = options.operation?.length ? (i: { comments: { twinstack: { operation: string } } }) => options.operation!.includes(i.comments.twinstack.operation) : undefined;
  const results: InteractionResult[][] = new Array(selected.length);
  let done = 0;
  const run = async (index: number) => {
    results[index] = await runScenario(selected[index], options.target, filter);
    done++;
    options.onResult?.(results[index], done, selected.length);
  };
  // A target whose clock moves for the waits: scenarios that wait run last and alone, since moving the clock would
  // otherwise expire what a concurrent scenario is still counting on. So do scenarios that change an account-wide
  // resource others use.
  const waits = (c: ContractFile) =>
    Boolean(c.metadata.twinstack.exclusive) || (Boolean(options.target.advanceClock) && c.interactions.some((i) => i.comments.twinstack.delaySeconds));
  const weight = selected.map(expectedWait);
  const concurrent = selected.flatMap((c, i) => (waits(c) ? [] : [i])).sort((a, b) => weight[b] - weight[a]);
  const alone = selected.flatMap((c, i) => (waits(c) ? [i] : []));
  let next = 0;
  const worker = async () => {
    while (next < concurrent.length) await run(concurrent[next++]);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 16, concurrent.length) }, worker));
    for (const index of alone) await run(index);
  } finally {
    await closeConnections();
  }
  return {
    startedAt,
    durationMs: performance.now() - started,
    target: options.target.endpoint,
    scenarios: selected.map((c) => ({ id: c.metadata.twinstack.id, service: c.metadata.twinstack.service, protocol: c.metadata.twinstack.protocol, provenance: c.metadata.twinstack.provenance })),
    results: results.flat(),
  };
}
