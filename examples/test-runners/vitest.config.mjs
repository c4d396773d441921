// One twinstack for the whole Vitest run; its endpoint reaches the tests as AWS_ENDPOINT_URL.
export default { test: { globalSetup: ['twinstack/vitest'], globals: true, include: ['queue.vitest.mjs'] } };
