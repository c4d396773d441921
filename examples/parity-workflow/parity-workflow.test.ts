import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMoto, type RunningPeer } from '../../verifier/peers/moto.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../emulator/cli/bin.js', import.meta.url));

// Steps 2 and 3 of the README: verify AWS-derived contracts against twinstack and another emulator, read the report.
describe('example: the parity workflow (verify against twinstack and moto, read the reports)', function () {
  this.timeout(180_000);
  let moto: RunningPeer;
  let reports: string;
  before(async () => {
    moto = await startMoto();
    reports = mkdtempSync(join(tmpdir(), 'twinstack-parity-workflow-'));
  });
  after(() => {
    moto.stop();
    rmSync(reports, { recursive: true, force: true });
  });

  it('writes one scorecard per target and the comparison side by side', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'verify', '--service', 'sts', '--target', 'twinstack', '--target', `moto=${moto.endpoint}`, '--report', reports, '--no-history'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    assert.match(stdout, /twinstack/);
    for (const target of ['twinstack', 'moto']) assert.ok(existsSync(join(reports, 'targets', target, 'parity.html')), `${target}'s HTML scorecard`);
    const peers = readFileSync(join(reports, 'peers.md'), 'utf8');
    // One row per operation, one column per target, each cell a pass rate judged by the same AWS expectations.
    assert.match(peers, /\| service \| twinstack \| moto \|/);
    assert.match(peers, /\| sts\.AssumeRole \| \d+ \| 100\.0% \| [\d.]+%/);
    const twinstack = JSON.parse(readFileSync(join(reports, 'targets', 'twinstack', 'parity.json'), 'utf8')) as { totals: { scoring: number; passed: number } };
    assert.equal(twinstack.totals.passed, twinstack.totals.scoring);
  });
});
