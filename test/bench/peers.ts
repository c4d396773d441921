import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { stopChild } from './server.ts';

/**
 * The single-service peers of issue #8, run side by side with twinstack by `npm run bench -- --peers`: dynalite
 * (DynamoDB), kinesalite (Kinesis) and fauxqs (SQS), at the versions pinned in test/bench/peers/package.json and
 * installed apart from twinstack's dependencies (`npm ci --prefix test/bench/peers`). Each runs in memory on a free
 * loopback port; a peer that cannot start here is reported with its reason instead of a row.
 */
const PEERS_DIR = fileURLToPath(new URL('./peers/', import.meta.url));

export interface Peer {
  name: string;
  /** The bench workloads it serves (names from workloads.ts). */
  workloads: string[];
  script: string;
  args(port: number): string[];
  env?(port: number): Record<string, string>;
}

export const PEERS: Peer[] = [
  {
    name: 'dynalite',
    workloads: ['DynamoDB PutItem', 'DynamoDB GetItem'],
    script: 'dynalite/cli.js',
    args: (port) => ['--port', String(port), '--host', '127.0.0.1', '--createTableMs', '0'],
  },
  {
    name: 'kinesalite',
    workloads: ['Kinesis PutRecord (200 bytes)'],
    script: 'kinesalite/cli.js',
    args: (port) => ['--port', String(port), '--createStreamMs', '0'],
  },
  {
    name: 'fauxqs',
    workloads: ['SQS SendMessage', 'SQS ReceiveMessage', 'SQS DeleteMessage'],
    script: 'fauxqs/dist/cli.js',
    args: () => [],
    env: (port) => ({ FAUXQS_PORT: String(port), FAUXQS_HOST: '127.0.0.1', FAUXQS_LOGGER: 'false' }),
  },
];

export function peerVersion(peer: Peer): string {
  const manifest = `${PEERS_DIR}node_modules/${peer.name}/package.json`;
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : 'not installed';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a peer and waits until its port answers HTTP; rejects with its output when it exits or never answers. */
export async function startPeer(peer: Peer): Promise<{ pid: number; endpoint: string; stop(): Promise<void> }> {
  const script = `${PEERS_DIR}node_modules/${peer.script}`;
  if (!existsSync(script)) throw new Error(`not installed: run npm ci --prefix test/bench/peers`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [script, ...peer.args(port)], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...peer.env?.(port) } });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`exited with ${code}: ${lastLine(output)}`))));
  const endpoint = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await fetch(endpoint, { signal: AbortSignal.timeout(500) });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`did not answer on ${endpoint}: ${lastLine(output)}`);
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  exited.catch(() => undefined);
  return { pid: child.pid!, endpoint, stop: () => stopChild(child) };
}

function lastLine(output: string): string {
  const lines = output.split('\n').filter((l) => /error/i.test(l));
  return (lines[0] ?? output.trim().split('\n').pop() ?? '').trim().slice(0, 200);
}

/** One row per peer and workload it serves (run in the order of `workloads`, as the SQS ones feed each other). */
export async function peerRows<Row, Measured>(
  workloads: { name: string; prepare(endpoint: string): Promise<{ op: (i: number) => Promise<unknown>; budget?: (concurrency: number) => number }> }[],
  reset: () => void,
  measure: (workload: string, op: (i: number) => Promise<unknown>, pid: number, budget?: (concurrency: number) => number) => Promise<Measured>,
  row: (name: string, workload: string, measured?: Measured, note?: string) => Row,
  log: (line: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const peer of PEERS) {
    const label = `${peer.name} ${peerVersion(peer)}`;
    let server;
    try {
      server = await startPeer(peer);
    } catch (error) {
      rows.push(row(label, peer.workloads[0], undefined, `not run: ${(error as Error).message}`));
      continue;
    }
    try {
      reset();
      for (const name of peer.workloads) {
        const workload = workloads.find((w) => w.name === name)!;
        log(`  ${label}: ${name}...`);
        try {
          const { op, budget } = await workload.prepare(server.endpoint);
          rows.push(row(`${label}: ${name}`, name, await measure(name, op, server.pid, budget)));
        } catch (error) {
          rows.push(row(`${label}: ${name}`, name, undefined, `failed: ${(error as Error).message}`));
        }
      }
    } finally {
      reset();
      await server.stop();
    }
  }
  return rows;
}
