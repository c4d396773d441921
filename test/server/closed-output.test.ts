import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { stopCli } from '../support/cli-process.ts';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// A supervisor (or a test) that stops reading the CLI's output closes its pipes: the lines the server prints then
// fail with EPIPE, which must not end the server.
describe('twinstack start whose stdout and stderr are closed', () => {
  let child: ChildProcess;
  after(() => stopCli(child));

  it('keeps serving', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['emulator/cli/bin.js', 'start', '--port', String(port), '--services', 'sts'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy();
    child.stderr!.destroy();
    let status = 0;
    for (let i = 0; i < 100 && !status && child.exitCode === null; i++) {
      status = await fetch(`http://127.0.0.1:${port}/_localstack/health`).then((r) => r.status, () => 0);
      if (!status) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(child.exitCode, null, 'the server exited');
    assert.equal(status, 200);
  });
});
