import type { ContractFile } from '../../verifier/contract/types.ts';
import { loadContracts } from '../../verifier/contract/load.ts';
import { verifyContracts } from '../../verifier/replay/verify.ts';
import { twinstackClockOf, type Target } from '../../verifier/replay/run.ts';
import { cpuMicros } from './process-stats.ts';
import type { LoadResult } from './load.ts';
import { startCliServer } from './server.ts';

/** Sequential replay stops after this long: scenarios wait on purpose (long polls; the clock is moved for other waits). */
const SEQUENTIAL_BUDGET_MS = 5000;

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * One replay on a server of its own, set up as `twinstack verify`'s embedded one: fresh (no workload's queues, tables
 * or buckets in the lists scenarios read, and none of another replay's resources under the same names), checking
 * signatures with the verifier's key (scenarios expect AWS's signature errors for wrongly signed and expired requests),
 * its clock moved for the scenarios' waits, and AWS's function URL exception for every account (the corpus's URL
 * recordings were made in an exempted account; see verifier/replay/embedded.ts).
 */
async function replayOnFreshServer(contractsDir: string, concurrency: number, budgetMs?: number) {
  const env = { TWINSTACK_CREDENTIALS: `${CREDENTIALS.accessKeyId}:${CREDENTIALS.secretAccessKey}`, LAMBDA_URL_AUTH_EXCEPTION: '*' };
  const server = await startCliServer(30_000, env, ['--strict-signatures']);
  try {
    const contracts = loadContracts(contractsDir)
      .map((c) => c.contract)
      .filter((c) => server.services.includes(c.metadata.twinstack.service));
    const target: Target = { endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS, ...(await twinstackClockOf(server.endpoint)) };
    return { scenarios: contracts.length, ...(await replay(target, contracts, concurrency, server.pid, budgetMs)) };
  } finally {
    await server.stop();
  }
}

async function replay(target: Target, contracts: ContractFile[], concurrency: number, serverPid: number, budgetMs?: number) {
  const cpuBefore = cpuMicros(serverPid);
  const started = performance.now();
  let interactions = 0;
  const failing = new Set<string>();
  let failed = 0;
  // With a budget, one scenario at a time until it is spent; without, the whole corpus at once.
  const batches = budgetMs === undefined ? [contracts] : contracts.map((c) => [c]);
  for (const batch of batches) {
    if (budgetMs !== undefined && performance.now() - started > budgetMs) break;
    const run = await verifyContracts({ target, contracts: batch, concurrency });
    interactions += run.results.length;
    for (const r of run.results.filter((r) => !r.passed)) {
      failed++;
      failing.add(r.scenario);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const result: LoadResult = {
    concurrency,
    requests: interactions,
    errors: 0,
    seconds,
    requestsPerSecond: interactions / seconds,
    serverCpuMicros: (cpuMicros(serverPid) - cpuBefore) / interactions,
  };
  return { result, failed, failing: [...failing] };
}

/**
 * The parity verifier's throughput (`verifyContracts`, what `twinstack verify` runs): the contract corpus, one scenario
 * at a time (for a few seconds) and 16 scenarios at once (the whole corpus), with the server's CPU time per replayed
 * interaction. Each replay has a fresh server (see replayOnFreshServer): the one-at-a-time replay's scenarios would
 * otherwise leave their resources, and their moved clock, to the same scenarios replayed again at once.
 */
export async function runVerifier(contractsDir: string): Promise<{ name: string; results?: LoadResult[]; note?: string }> {
  const name = 'verifier (contract replay, interactions/s)';
  const sequential = await replayOnFreshServer(contractsDir, 1, SEQUENTIAL_BUDGET_MS);
  if (sequential.scenarios === 0) return { name, note: 'skipped: no contracts for the served services' };
  const parallel = await replayOnFreshServer(contractsDir, 16);
  const notPassing = (run: typeof parallel) => (run.failed ? ` (${run.failed} not passing, in ${run.failing.slice(0, 5).join(', ')}${run.failing.length > 5 ? ` and ${run.failing.length - 5} more scenarios` : ''})` : '');
  return {
    name,
    results: [sequential.result, parallel.result],
    note: `c=16: all ${parallel.scenarios} scenarios, ${parallel.result.requests} interactions${notPassing(parallel)}; c=1: ${sequential.result.requests} interactions in ${SEQUENTIAL_BUDGET_MS / 1000} s${notPassing(sequential)}`,
  };
}
