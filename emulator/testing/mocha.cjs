// Mocha root hook plugin: `mocha --require twinstack/mocha` starts one twinstack before all tests and stops it after,
// with AWS_ENDPOINT_URL and test credentials set for the tests.
const { startForTests } = require('twinstack');

let running;

exports.mochaHooks = {
  async beforeAll() {
    this.timeout?.(30_000);
    running = await startForTests();
  },
  async afterAll() {
    await running?.stop();
  },
};
