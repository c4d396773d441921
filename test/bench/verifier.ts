import type { ContractFile } from '../../verifier/contract/types.ts';
import { loadContracts } from '../../verifier/contract/load.ts';
import { verifyContracts } from '../../verifier/replay/verify.ts';
import { twinstackClockOf, type Target } from '../../verifier/replay/run.ts';
import { cpuMicros } from './process-stats.ts';
import type { LoadResult } from './load.ts';
import { startCliServer } from './server.ts';

/** Sequential replay stops after this long: scenarios wait on purpose (long polls; the clock is moved for other waits). */
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
 * The parity verifier's throughput (`verifyContracts`, what `twinstack verify` runs): the contract corpus, one scenario
 * at a time (for a few seconds) and 16 scenarios at once (the whole corpus), with the server's CPU time per replayed
 * interaction. The server is one of its own, set up as `twinstack verify`'s embedded one: fresh (no workload's queues,
 * tables or buckets in the lists scenarios read), checking signatures with the verifier's key (scenarios expect AWS's
 * signature errors for wrongly signed and expired requests), its clock moved for the scenarios' waits.
 */
export async function runVerifier(contractsDir: string): Promise<{ name: string; results?: LoadResult[]; note?: string }> {
  const name = 'verifier (contract replay, interactions/s)';
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const server = await startCliServer(30_000, { TWINSTACK_CREDENTIALS: `${credentials.accessKeyId}:${credentials.secretAccessKey}` }, ['--strict-signatures']);
  try {
    const contracts = loadContracts(contractsDir)
      .map((c) => c.contract)
      .filter((c) => server.services.includes(c.metadata.twinstack.service));
    if (contracts.length === 0) return { name, note: 'skipped: no contracts for the served services' };
    const target: Target = { endpoint: server.endpoint, region: 'us-east-1', credentials, ...(await twinstackClockOf(server.endpoint)) };
    const sequential = await replay(target, contracts, 1, server.pid, SEQUENTIAL_BUDGET_MS);
    const parallel = await replay(target, contracts, 16, server.pid);
    return {
      name,
      results: [sequential.result, parallel.result],
      note:
        `c=16: all ${contracts.length} scenarios, ${parallel.result.requests} interactions (${parallel.failed} not passing); ` +
        `c=1: ${sequential.result.requests} interactions in ${SEQUENTIAL_BUDGET_MS / 1000} s`,
    };
  } finally {
    await server.stop();
  }
}
