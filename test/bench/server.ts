import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../emulator/cli/bin.js', import.meta.url));

export interface StartedServer {
  process: ChildProcess;
  pid: number;
  endpoint: string;
  /** Process spawn -> first successful health check, in ms. */
  startMs: number;
  /** Services the health endpoint reports. */
  services: string[];
  stop(): Promise<void>;
}

/** Spawns `twinstack start --port 0` (and any further flags) as users do and waits for its health endpoint to answer. */
export function startCliServer(timeoutMs = 30_000, extraEnv: Record<string, string> = {}, flags: string[] = []): Promise<StartedServer> {
  return startServerProcess([BIN, 'start', '--port', '0', '--host', '127.0.0.1', ...flags], timeoutMs, extraEnv);
}

/**
 * The floor under the start time: a bare Node HTTP server spawned and asked the same way (Node's own start, which on
 * this machine includes parsing the NODE_EXTRA_CA_CERTS bundle if the environment names one).
 */
export function startBareNodeServer(): Promise<StartedServer> {
  const source = `require('node:http').createServer((q, s) => s.end('{"services":{}}')).listen(0, '127.0.0.1', function () { console.log('ready on http://127.0.0.1:' + this.address().port); });`;
  return startServerProcess(['-e', source], 30_000, {});
}

async function startServerProcess(args: string[], timeoutMs: number, extraEnv: Record<string, string>): Promise<StartedServer> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Every service, whatever the caller's shell selects.
    env: { ...process.env, SERVICES: undefined, ...extraEnv },
  });
  let output = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`twinstack did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`twinstack exited with ${code} before it was ready:\n${output}`));
    });
  });
  let health: { services: Record<string, string> } | undefined;
  while (!health) {
    try {
      const res = await fetch(`${endpoint}/_twinstack/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) health = (await res.json()) as { services: Record<string, string> };
    } catch {
      if (performance.now() - started > timeoutMs) throw new Error('health endpoint never answered');
    }
  }
  const startMs = performance.now() - started;
  child.stdout!.resume();
  return {
    process: child,
    pid: child.pid!,
    endpoint,
    startMs,
    services: Object.keys(health.services),
    stop: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
