// Jest globalTeardown: stops the twinstack that twinstack/jest/setup started.
module.exports = async function teardown() {
  await globalThis.__twinstack?.stop();
};
