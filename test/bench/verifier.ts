import { loadContracts } from '../../verifier/contract/load.ts';
import { verifyContracts } from '../../verifier/replay/verify.ts';
import { cpuMicros } from './process-stats.ts';
import type { LoadResult } from './load.ts';
import type { StartedServer } from './server.ts';

/**
 * The parity verifier's throughput: the whole contract corpus for the services the server has, replayed at
 * concurrency 1 and 16 (scenarios in parallel), with the server's CPU time per replayed interaction.
 */
export async function runVerifier(server: StartedServer, contractsDir: string): Promise<{ name: string; results?: LoadResult[]; note?: string }> {
  const contracts = loadContracts(contractsDir)
    .map((c) => c.contract)
    .filter((c) => server.services.includes(c.metadata.twinstack.service));
  if (contracts.length === 0) return { name: 'verifier (contract replay)', note: 'skipped: no contracts for the served services' };
  const target = { endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const results: LoadResult[] = [];
  let failed = 0;
  for (const concurrency of [1, 16]) {
    const cpuBefore = cpuMicros(server.pid);
    const run = await verifyContracts({ target, contracts, concurrency });
    const cpu = cpuMicros(server.pid) - cpuBefore;
    const seconds = run.durationMs / 1000;
    failed = run.results.filter((r) => !r.passed).length;
    results.push({
      concurrency,
      requests: run.results.length,
      errors: 0,
      seconds,
      requestsPerSecond: run.results.length / seconds,
      serverCpuMicros: cpu / run.results.length,
    });
  }
  return {
    name: 'verifier (contract replay)',
    results,
    note: `${contracts.length} scenarios, ${results[0].requests} interactions per run (${failed} not passing); interactions/s`,
  };
}
