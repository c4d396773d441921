import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { clientsFor, EVERY_SERVICE, EVERY_SERVICE_NAME, type Clients } from './every-service-state.ts';

/** Seeds every service through its SDK client; returns what each seed made. */
async function seedAll(c: Clients): Promise<Map<string, Record<string, string>>> {
  const seeded = new Map<string, Record<string, string>>();
  for (const entry of EVERY_SERVICE) seeded.set(entry.service, await entry.seed(c));
  return seeded;
}

/** Checks every service; collects the failures so that one run names every service that lost something. */
async function verifyAll(c: Clients, seeded: Map<string, Record<string, string>>): Promise<void> {
  const failures: string[] = [];
  for (const entry of EVERY_SERVICE) {
    await entry.verify(c, seeded.get(entry.service)!).catch((error: Error) => failures.push(`${entry.service}: ${error.name}: ${error.message}`));
  }
  assert.deepEqual(failures, []);
}

async function startChild(dir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./persistence-child.ts', import.meta.url).pathname, dir, EVERY_SERVICE_NAME.join(',')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`child exited with ${code}: ${stderr}`)));
  });
  return { child, endpoint: JSON.parse(line).endpoint };
}

/**
 * Every served service keeps its state: made through its SDK client, then exported and imported, or across a
 * restart from the same --persist directory in each mode, or a SIGKILL in WAL mode; then read back through the client.
 */
describe('persistence of every served service', function () {
  this.timeout(180_000);

  it('export, reset, import', async () => {
    const aws = await startTwinstack({ port: 0, services: EVERY_SERVICE_NAME });
    const c = clientsFor(aws.endpoint);
    try {
      const seeded = await seedAll(c);
      const exported = aws.exportState() as { services: Record<string, unknown> };
      assert.deepEqual(EVERY_SERVICE_NAME.filter((name) => !exported.services[name] && name !== 'dynamodbstreams'), []);
      await aws.reset();
      await aws.importState(JSON.parse(JSON.stringify(exported)));
      await verifyAll(c, seeded);
    } finally {
      c.destroy();
      await aws.stop();
    }
  });

  for (const mode of ['snapshot', 'wal'] as const) {
    it(`a clean restart from --persist (${mode})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `twinstack-every-${mode}-`));
      let aws: Twinstack | undefined;
      try {
        aws = await startTwinstack({ port: 0, services: EVERY_SERVICE_NAME, persist: { dir, mode } });
        let c = clientsFor(aws.endpoint);
        const seeded = await seedAll(c);
        c.destroy();
        await aws.stop();
        aws = await startTwinstack({ port: 0, services: EVERY_SERVICE_NAME, persist: { dir, mode } });
        c = clientsFor(aws.endpoint);
        await verifyAll(c, seeded).finally(() => c.destroy());
      } finally {
        await aws?.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('a SIGKILL in WAL mode loses no acknowledged write of any service', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinstack-every-kill-'));
    let running: { child: ChildProcess; endpoint: string } | undefined;
    try {
      running = await startChild(dir);
      let c = clientsFor(running.endpoint);
      const seeded = await seedAll(c);
      c.destroy();
      const exited = new Promise((resolve) => running!.child.once('exit', resolve));
      running.child.kill('SIGKILL');
      await exited;
      running = await startChild(dir);
      c = clientsFor(running.endpoint);
      await verifyAll(c, seeded).finally(() => c.destroy());
    } finally {
      running?.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
