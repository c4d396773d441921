import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { pythonCommand } from '../../emulator/core/platform.ts';

export interface RunningPeer {
  endpoint: string;
  version: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Starts moto's server mode from this machine's python3 on a free loopback port, and waits until it answers. */
export async function startMoto(): Promise<RunningPeer> {
  const version = execFileSync(pythonCommand(), ['-c', 'import moto; print(moto.__version__)']).toString().trim();
  const port = await freePort();
  const child = spawn(pythonCommand(), ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const peer = { endpoint: `http://127.0.0.1:${port}`, version, stop: () => void child.kill() };
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${peer.endpoint}/moto-api/`)).status < 500) return peer;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  peer.stop();
  throw new Error('moto did not start');
}
