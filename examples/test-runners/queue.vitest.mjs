// Vitest's globals (test, expect) are on: see vitest.config.mjs.
import shared from './queue.shared.cjs';

test('a queue round trip through the SDK (Vitest)', async () => {
  const result = await shared.roundTrip('vitest-jobs');
  expect(result.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(result.bodies).toEqual(['hello from vitest-jobs']);
});
