const { roundTrip } = require('./queue.shared.cjs');

test('a queue round trip through the SDK (Jest)', async () => {
  const result = await roundTrip('jest-jobs');
  expect(result.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(result.bodies).toEqual(['hello from jest-jobs']);
});
