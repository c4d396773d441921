import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemEnvironment } from '../../emulator/core/platform.ts';
import { ALL_SERVICE_NAMES } from '../../emulator/services/index.ts';
import { buildStandalone, STANDALONE_DIR } from '../../emulator/cli/build-standalone.ts';
import { runBoto3Script } from '../support/boto3.ts';
import { startCli, stopCli } from '../support/cli-process.ts';

/**
 * The standalone build as a user without npm gets it: built, copied into an empty folder (no node_modules anywhere
 * above it), started with plain `node`, and every service answering boto3.
 */
describe('the standalone build (npm run build:standalone)', function () {
  this.timeout(180_000);
  let folder: string;
  let child: ChildProcess | undefined;
  before(async () => {
    await buildStandalone();
    folder = await mkdtemp(join(tmpdir(), 'twinstack-standalone-'));
    await cp(STANDALONE_DIR, folder, { recursive: true });
  });
  after(async () => {
    if (child) await stopCli(child);
    await rm(folder, { recursive: true, force: true });
  });

  it('starts from an empty folder with plain node and serves every service', async () => {
    const started = await startCli('twinstack.mjs', [], { cwd: folder, env: systemEnvironment() });
    child = started.child;
    const endpoint = started.endpoint;
    const results = await runBoto3Script<Record<string, { operation: string; status?: number; error?: string }>>(new URL('./standalone_probe.py', import.meta.url), endpoint);
    assert.deepEqual(Object.keys(results).sort(), [...ALL_SERVICE_NAMES].sort());
    for (const [service, result] of Object.entries(results)) assert.equal(result.status, 200, `${service} ${result.operation}: ${result.error}`);
    // The web console's page ships in the folder too.
    const ui = await fetch(`${endpoint}/_twinstack/ui`);
    assert.equal(ui.status, 200);
    assert.match(await ui.text(), /<html/i);
  });
});
