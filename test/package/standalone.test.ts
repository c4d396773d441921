import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_SERVICE_NAMES } from '../../emulator/services/index.ts';
import { buildStandalone, STANDALONE_DIR } from '../../emulator/cli/build-standalone.ts';
import { runBoto3Script } from '../support/boto3.ts';

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
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await rm(folder, { recursive: true, force: true });
  });

  it('starts from an empty folder with plain node and serves every service', async () => {
    child = spawn(process.execPath, ['twinstack.mjs', 'start', '--port', '0'], { cwd: folder, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (chunk) => (output += chunk));
    const endpoint = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk) => {
        output += chunk;
        const ready = /ready on (http:\/\/\S+)/.exec(output);
        if (ready) resolve(ready[1]);
      });
      child!.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const results = await runBoto3Script<Record<string, { operation: string; status?: number; error?: string }>>(new URL('./standalone_probe.py', import.meta.url), endpoint);
    assert.deepEqual(Object.keys(results).sort(), [...ALL_SERVICE_NAMES].sort());
    for (const [service, result] of Object.entries(results)) assert.equal(result.status, 200, `${service} ${result.operation}: ${result.error}`);
    // The web console's page ships in the folder too.
    const ui = await fetch(`${endpoint}/_twinstack/ui`);
    assert.equal(ui.status, 200);
    assert.match(await ui.text(), /<html/i);
  });
});
