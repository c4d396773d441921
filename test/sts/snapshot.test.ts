import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { loadSnapshot, Redactor } from '../support/snapshot.ts';
import { runBoto3Script } from '../support/boto3.ts';

// Reproduces every STS test recorded in LocalStack's AWS-validated snapshots (Apache-2.0, see
// shared/reference/aws-snapshots/README.md) with boto3, and compares our responses after the same redaction.
const snapshot = loadSnapshot('sts', 'test_sts.snapshot.json');
const PREFIX = 'tests/aws/services/sts/test_sts.py::';
/** Snapshot entries that record IAM CreateRole responses: twinstack has no IAM service yet. */
const IAM_ENTRIES = new Set(['create-role', 'role-1', 'role-2']);

describe('STS against the AWS-recorded snapshots (boto3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let results: Record<string, { responses: Record<string, unknown>; references: Record<string, string[]> }>;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sts'] });
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
      const expected = Object.fromEntries(Object.entries(recorded['recorded-content']).filter(([key]) => !IAM_ENTRIES.has(key)));
      assert.deepEqual(Object.keys(responses).sort(), Object.keys(expected).sort());
      const redactor = new Redactor({
        accountId: '000000000000',
        region: 'us-east-1',
        keyValues: { AccessKeyId: 'access-key-id', SecretAccessKey: 'secret-access-key', SessionToken: 'session-token' },
        references,
      });
      for (const key of Object.keys(recorded['recorded-content'])) {
        if (IAM_ENTRIES.has(key)) continue;
        assert.deepEqual(redactor.redact(responses[key]), expected[key], key);
      }
    });
  }
});
