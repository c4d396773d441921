import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadContracts } from '../../verifier/contract/load.ts';
import { verifyContracts } from '../../verifier/replay/verify.ts';

const CONTRACTS = join(import.meta.dirname, '..', '..', 'contracts');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// `--target` works against any endpoint: moto (installed in this machine's python3) serves the STS subset.
describe('verify --target against another emulator (moto)', function () {
  this.timeout(30_000);
  let moto: ChildProcess;
  let endpoint: string;

  before(async () => {
    const port = await freePort();
    moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    endpoint = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${endpoint}/moto-api/`)).status < 500) return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('moto did not start');
  });
  after(() => moto.kill());

  it('replays STS contracts and judges moto by the same AWS expectations', async () => {
    const contracts = loadContracts(CONTRACTS).map((c) => c.contract);
    const run = await verifyContracts({ target: { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }, contracts, service: ['sts'] });
    assert.equal(run.target, endpoint);
    assert.ok(run.results.length >= 7);
    assert.ok(run.results.every((r) => r.service === 'sts' && r.status !== undefined), 'every request got an HTTP answer');
    // moto answers GetFederationToken like AWS does; what it misses is recorded with paths, not thrown.
    assert.ok(run.results.some((r) => r.operation === 'GetFederationToken'));
    for (const r of run.results.filter((x) => !x.passed)) assert.ok(r.mismatches.every((m) => m.path.length > 0));
  });
});
