import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';

const CHECKS = ['replica_lifecycle_and_replication', 'replica_stream_in_second_region', 'replica_auto_scaling', 'legacy_global_table'];

// The checks live in boto3_checks.py; each reports null or its failure.
describe('DynamoDB global tables (boto3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let results: Record<string, string | null>;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['dynamodb', 'dynamodbstreams'] });
    results = await runBoto3Script(new URL('./global-tables/boto3_checks.py', import.meta.url), aws.endpoint);
  });
  after(() => aws.stop());

  it('ran every check', () => assert.deepEqual(Object.keys(results).sort(), [...CHECKS].sort()));
  for (const check of CHECKS) it(check, () => assert.equal(results[check], null));
});
