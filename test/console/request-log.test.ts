import assert from 'node:assert/strict';
import { RequestLog } from '../../emulator/console/request-log.ts';

describe('console request log', () => {
  it('keeps the last `capacity` requests in order, oldest first, with their clock time', () => {
    let now = Date.UTC(2026, 0, 1);
    const log = new RequestLog(() => now, 3);
    for (const operation of ['A', 'B', 'C', 'D', 'E']) {
      log.record({ service: 'sqs', operation, accountId: '000000000000', region: 'us-east-1', status: 200, latencyMs: 1 });
      now += 1000;
    }
    assert.deepEqual(log.since(0).map((r) => [r.id, r.operation, r.time]), [
      [3, 'C', '2026-01-01T00:00:02.000Z'],
      [4, 'D', '2026-01-01T00:00:03.000Z'],
      [5, 'E', '2026-01-01T00:00:04.000Z'],
    ]);
    assert.deepEqual(log.since(4).map((r) => r.operation), ['E']);
    assert.deepEqual(log.since(5), []);
  });
});
