import type { ContractFile } from '../../verifier/contract/types.ts';
import { loadContracts } from '../../verifier/contract/load.ts';
import { verifyContracts } from '../../verifier/replay/verify.ts';
import type { Target } from '../../verifier/replay/run.ts';
import { cpuMicros } from './process-stats.ts';
import type { LoadResult } from './load.ts';
import type { StartedServer } from './server.ts';

/** Sequential replay stops after this long: scenarios wait on purpose (visibility timeouts, long polls). */
const SEQUENTIAL_BUDGET_MS = 5000;

async function replay(target: Target, contracts: ContractFile[], concurrency: number, serverPid: number, budgetMs?: number) {
  const cpuBefore = cpuMicros(serverPid);
  const started = performance.now();
  let interactions = 0;
  let failed = 0;
  // With a budget, one scenario at a time until it is spent; without, the whole corpus at once.
  const batches = budgetMs === undefined ? [contracts] : contracts.map((c) => [c]);
  for (const batch of batches) {
    if (budgetMs !== undefined && performance.now() - started > budgetMs) break;
    const run = await verifyContracts({ target, contracts: batch, concurrency });
    interactions += run.results.length;
    failed += run.results.filter((r) => !r.passed).length;
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
  return { result, failed };
}

/**
 * The parity verifier's throughput (`verifyContracts`, what `twinstack verify` runs): the contract corpus for the
 * services the server has, one scenario at a time (for a few seconds) and 16 scenarios at once (the whole corpus),
 * with the server's CPU time per replayed interaction.
 */
export async function runVerifier(server: StartedServer, contractsDir: string): Promise<{ name: string; results?: LoadResult[]; note?: string }> {
  const name = 'verifier (contract replay, interactions/s)';
  const contracts = loadContracts(contractsDir)
    .map((c) => c.contract)
    .filter((c) => server.services.includes(c.metadata.twinstack.service));
  if (contracts.length === 0) return { name, note: 'skipped: no contracts for the served services' };
  const target = { endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const sequential = await replay(target, contracts, 1, server.pid, SEQUENTIAL_BUDGET_MS);
  const parallel = await replay(target, contracts, 16, server.pid);
  return {
    name,
    results: [sequential.result, parallel.result],
    note:
      `c=16: all ${contracts.length} scenarios, ${parallel.result.requests} interactions (${parallel.failed} not passing); ` +
      `c=1: ${sequential.result.requests} interactions in ${SEQUENTIAL_BUDGET_MS / 1000} s; scenarios include deliberate waits`,
  };
}
