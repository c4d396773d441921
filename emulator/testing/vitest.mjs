// Vitest globalSetup: `test: { globalSetup: ['twinstack/vitest'] }` starts one twinstack for the whole run and sets
// AWS_ENDPOINT_URL (and test credentials, unless set) for the tests; see README "In a test suite".
import { startForTests } from 'twinstack';

let running;

export async function setup() {
  running = await startForTests();
}

export async function teardown() {
  await running?.stop();
}
