import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';

// boto3 1.43 against the newer CloudWatch Logs operations: what it parses from the wire. The delivery messages and
// defaults are AWS's (shared/reference/aws-snapshots/logs/test_logs_delivery).
describe('CloudWatch Logs newer operations with boto3', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['logs'] });
  });
  after(() => aws.stop());

  it('deliveries, query definitions, transformers and masking through boto3', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./python-newer.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out.delivery, { service: 'cloudfront', type: 'S3', fields: 33, s3: { suffixPath: 'AWSLogs/{account-id}/CloudFront/', enableHiveCompatiblePath: false }, paginated: true });
    assert.deepEqual(out.delivery_errors, {
      invalid_format: {
        code: 'ValidationException',
        message: "1 validation error detected: Value 'foobar' at 'outputFormat' failed to satisfy constraint: Member must satisfy enum value set: [w3c, raw, json, plain, parquet]",
        status: 400,
      },
      missing_source: { code: 'ResourceNotFoundException', message: 'Requested Delivery Source does not exist in this account.', status: 400 },
    });
    assert.deepEqual(out.definitions, ['py/errors']);
    assert.equal(out.deleted, true);
    assert.deepEqual(out.transformed, [{ eventNumber: 1, eventMessage: '{"level": "WARN", "secret": "x", "n": 1}', transformedEventMessage: '{"level":"warn","n":1}' }]);
    assert.equal(out.masked, `from ${'*'.repeat('dan@example.com'.length)}`);
    assert.equal(out.unmasked, 'from dan@example.com');
  });
});
