import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { loadSnapshot, Redactor } from '../support/snapshot.ts';
import { runBoto3Script } from '../support/boto3.ts';

// Reproduces every STS test recorded in LocalStack's AWS-validated snapshots (Apache-2.0, see
// shared/reference/aws-snapshots/README.md) with boto3, and compares our responses after the same redaction.
const snapshot = loadSnapshot('sts', 'test_sts.snapshot.json');
const PREFIX = 'tests/aws/services/sts/test_sts.py::';

describe('STS against the AWS-recorded snapshots (boto3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let results: Record<string, { responses: Record<string, unknown>; references: Record<string, string[]> }>;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sts', 'iam'] });
    results = await runBoto3Script(new URL('./snapshot/scenarios.py', import.meta.url), aws.endpoint);
  });
  after(() => aws.stop());

  it('covers every recorded test', () => {
    assert.deepEqual(Object.keys(results).map((t) => PREFIX + t).sort(), Object.keys(snapshot).sort());
  });

  for (const [nodeId, recorded] of Object.entries(snapshot)) {
    const test = nodeId.slice(PREFIX.length);
    it(test, () => {
      const { responses, references } = results[test];
      const expected = recorded['recorded-content'];
      assert.deepEqual(Object.keys(responses).sort(), Object.keys(expected).sort());
      const redactor = new Redactor({
        accountId: '000000000000',
        region: 'us-east-1',
        keyValues: { AccessKeyId: 'access-key-id', SecretAccessKey: 'secret-access-key', SessionToken: 'session-token' },
        references,
      });
      for (const key of Object.keys(expected)) {
        assert.deepEqual(redactor.redact(responses[key]), expected[key], key);
      }
    });
  }
});
