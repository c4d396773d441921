// One twinstack for the whole mocha run (a root hook plugin); its endpoint reaches the tests as AWS_ENDPOINT_URL.
module.exports = { require: ['twinstack/mocha'], spec: ['queue.spec.cjs'] };
