// Jest globalSetup: `globalSetup: 'twinstack/jest/setup', globalTeardown: 'twinstack/jest/teardown'` starts one
// twinstack for the whole run; the workers Jest starts afterwards inherit AWS_ENDPOINT_URL and test credentials.
const { startForTests } = require('twinstack');

module.exports = async function setup() {
  globalThis.__twinstack = await startForTests();
};
