// One twinstack for the whole Jest run; its endpoint reaches the tests as AWS_ENDPOINT_URL.
module.exports = { globalSetup: 'twinstack/jest/setup', globalTeardown: 'twinstack/jest/teardown', testMatch: ['**/queue.jest.cjs'] };
