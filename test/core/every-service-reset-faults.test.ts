import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { clientsFor, EVERY_SERVICE, EVERY_SERVICE_NAME, type Clients } from './every-service-state.ts';

/**
 * Reset and fault injection reach every served service: after `POST /_localstack/state/reset` nothing a service held
 * is left (its state reads as gone, and making it again meets no leftover such as a taken bucket name or alias); a
 * fault rule naming a service fails that service's next request, which its SDK v3 client retries.
 */
describe('reset and fault injection of every served service', function () {
  this.timeout(180_000);
  let aws: Twinstack;
  let c: Clients;
  const seeded = new Map<string, Record<string, string>>();
  before(async () => {
    aws = await startTwinstack({ port: 0, services: EVERY_SERVICE_NAME });
    c = clientsFor(aws.endpoint);
    for (const entry of EVERY_SERVICE) seeded.set(entry.service, await entry.seed(c));
  });
  after(async () => {
    c.destroy();
    await aws.stop();
  });

  it('a fault rule for each service fails its next request once; the SDK retries it', async () => {
    const failures: string[] = [];
    for (const entry of EVERY_SERVICE) {
      aws.faults.clear();
      aws.faults.add([{ service: entry.service, count: 1, error: { code: 'ServiceUnavailable', status: 503, message: 'injected' } }]);
      await entry.verify(c, seeded.get(entry.service)!).catch((error: Error) => failures.push(`${entry.service}: ${error.name}: ${error.message}`));
      const [rule] = aws.faults.list().rules as { injected: number }[];
      if (rule.injected !== 1) failures.push(`${entry.service}: the rule injected ${rule.injected} times`);
    }
    aws.faults.clear();
    assert.deepEqual(failures, []);
  });

  it('POST /_localstack/state/reset leaves nothing of any service; each can be made again', async () => {
    const response = await fetch(`${aws.endpoint}/_localstack/state/reset`, { method: 'POST' });
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as { reset: string[] }).reset.sort(), [...EVERY_SERVICE_NAME].sort());
    const left: string[] = [];
    for (const entry of EVERY_SERVICE) {
      const survived = await entry.verify(c, seeded.get(entry.service)!).then(() => true, () => false);
      if (survived) left.push(entry.service);
    }
    assert.deepEqual(left, [], 'state left after the reset');
    const failures: string[] = [];
    for (const entry of EVERY_SERVICE) {
      try {
        await entry.verify(c, await entry.seed(c));
      } catch (error) {
        failures.push(`${entry.service}: ${(error as Error).name}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
