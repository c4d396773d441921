import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadContracts } from '../../verifier/contract/load.ts';
import { startMoto, type RunningPeer } from '../../verifier/peers/moto.ts';
import { verifyContracts } from '../../verifier/replay/verify.ts';

const CONTRACTS = join(import.meta.dirname, '..', '..', 'contracts');

// `--target` works against any endpoint: moto (installed in this machine's python3) serves the STS subset.
describe('verify --target against another emulator (moto)', function () {
  this.timeout(30_000);
  let moto: RunningPeer;
  let endpoint: string;

  before(async () => {
    moto = await startMoto();
    endpoint = moto.endpoint;
  });
  after(() => moto.stop());

  it('replays STS contracts and judges moto by the same AWS expectations', async () => {
    const contracts = loadContracts(CONTRACTS).map((c) => c.contract);
    const run = await verifyContracts({ target: { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }, contracts, service: ['sts'] });
    assert.equal(run.target, endpoint);
    assert.ok(run.results.length >= 7);
    // STS scenarios make their roles with IAM first (test_assume_role), so IAM steps are replayed too.
    assert.ok(run.results.every((r) => (r.service === 'sts' || r.service === 'iam') && r.status !== undefined), 'every request got an HTTP answer');
    // moto answers GetFederationToken like AWS does; what it misses is recorded with paths, not thrown.
    assert.ok(run.results.some((r) => r.operation === 'GetFederationToken'));
    for (const r of run.results.filter((x) => !x.passed)) assert.ok(r.mismatches.every((m) => m.path.length > 0));
  });
});
