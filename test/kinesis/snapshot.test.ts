import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { runBoto3Script } from '../support/boto3.ts';

// Reproduces the Kinesis tests recorded in LocalStack's AWS-validated snapshots (github localstack/localstack,
// Apache-2.0; see shared/reference/aws-snapshots/README.md) with boto3, and compares our responses with the
// recorded ones after the same redaction as LocalStack's kinesis_api transformer.
const PREFIX = 'tests/aws/services/kinesis/test_kinesis.py::TestKinesis::';
const snapshot = loadSnapshot('kinesis', 'test_kinesis.snapshot.json');

/** Recorded tests we do not reproduce, and why. */
const SKIPPED: Record<string, string> = {
  test_cbor_exceptions: 'CBOR requests (boto3 cannot send them): reproduced in test/kinesis/cbor.test.ts',
  test_subscribe_to_shard_cbor_at_timestamp: 'CBOR requests (boto3 cannot send them): reproduced in test/kinesis/cbor.test.ts',
};

/** Values under these keys become numbered placeholders, one numbering per key. */
const KEY_PLACEHOLDERS: Record<string, string> = {
  ShardId: 'shard_id',
  StartingSequenceNumber: 'starting_sequence_number',
  SequenceNumber: 'sequence_number',
  ContinuationSequenceNumber: 'continuation_sequence_number',
};
/** Values under these keys become a constant. */
const KEY_CONSTANTS: Record<string, string> = { StartingHashKey: 'starting_hash', EndingHashKey: 'ending_hash' };

interface Scenario {
  responses?: Record<string, unknown>;
  streams?: string[];
  consumers?: string[];
  failure?: string;
}

function redactor(scenario: Scenario) {
  const numbering = new Map<string, Map<string, string>>();
  const placeholder = (name: string, value: string) => {
    const values = numbering.get(name) ?? numbering.set(name, new Map()).get(name)!;
    if (!values.has(value)) values.set(value, `<${name}:${values.size + 1}>`);
    return values.get(value)!;
  };
  const text = (value: string) => {
    let out = value;
    for (const stream of scenario.streams ?? []) {
      for (const consumer of scenario.consumers ?? []) {
        out = out.replace(new RegExp(`stream/${stream}/consumer/${consumer}:\\d+`, 'g'), '<stream-name>/<stream-consumer>');
      }
      out = out.split(`stream/${stream}`).join('<stream-name>');
    }
    return out.split('000000000000').join('111111111111').split('us-east-1').join('<region>').replace(/arn:aws:/g, 'arn:<partition>:');
  };
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    if (typeof value !== 'string') return value;
    if (key && KEY_CONSTANTS[key]) return KEY_CONSTANTS[key];
    if (key && KEY_PLACEHOLDERS[key]) return placeholder(KEY_PLACEHOLDERS[key], value);
    return text(value);
  };
  return walk;
}

describe('Kinesis against the AWS-recorded snapshots (boto3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let results: Record<string, Scenario>;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['kinesis'] });
    results = await runBoto3Script(new URL('./snapshot/scenarios.py', import.meta.url), aws.endpoint, { timeout: 50_000 });
  });
  after(() => aws.stop());

  it('reproduces every recorded test that is not skipped', () => {
    const expected = Object.keys(snapshot).map((id) => id.slice(PREFIX.length)).filter((t) => !SKIPPED[t]);
    assert.deepEqual(Object.keys(results).sort(), expected.sort());
  });

  for (const [id, recorded] of Object.entries(snapshot)) {
    const test = id.slice(PREFIX.length);
    if (SKIPPED[test]) {
      it.skip(`${test} (${SKIPPED[test]})`);
      continue;
    }
    it(test, () => {
      const scenario = results[test];
      assert.equal(scenario.failure, undefined);
      const expected = recorded['recorded-content'];
      assert.deepEqual(Object.keys(scenario.responses!).sort(), Object.keys(expected).sort());
      const redact = redactor(scenario);
      for (const key of Object.keys(expected)) assert.deepEqual(redact(scenario.responses![key]), expected[key], key);
    });
  }
});
