const assert = require('node:assert/strict');
const { roundTrip } = require('./queue.shared.cjs');

it('a queue round trip through the SDK (mocha)', async () => {
  const result = await roundTrip('mocha-jobs');
  assert.match(result.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.deepEqual(result.bodies, ['hello from mocha-jobs']);
});
