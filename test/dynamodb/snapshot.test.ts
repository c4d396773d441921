import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { loadSnapshot, Redactor } from '../support/snapshot.ts';
import { runBoto3Script } from '../support/boto3.ts';

// Reproduces the DynamoDB and DynamoDB Streams tests recorded in LocalStack's AWS-validated snapshots
// (github localstack/localstack, Apache-2.0; see shared/reference/aws-snapshots/README.md) with boto3, and
// compares our responses with the recorded ones after the same redaction.
const DDB_PREFIX = 'tests/aws/services/dynamodb/test_dynamodb.py::TestDynamoDB::';
const STREAMS_PREFIX = 'tests/aws/services/dynamodbstreams/test_dynamodb_streams.py::TestDynamoDBStreams::';
const recorded = {
  ...prefixed(loadSnapshot('dynamodb', 'test_dynamodb.snapshot.json'), DDB_PREFIX),
  ...prefixed(loadSnapshot('dynamodbstreams', 'test_dynamodb_streams.snapshot.json'), STREAMS_PREFIX),
};

/** Recorded tests (or entries) we cannot reproduce, and why. */
const SKIPPED: Record<string, string> = {
  test_stream_destination_records: 'no recorded responses; Kinesis delivery is tested in test/kinesis/dynamodb-destination.test.ts',
  test_enable_kinesis_streaming_destination: 'reproduced with a Kinesis stream in test/kinesis/dynamodb-destination.test.ts',
};
const SKIPPED_ENTRIES: Record<string, string[]> = {
  // KMS DescribeKey: twinstack has no KMS service.
  test_dynamodb_create_table_with_partial_sse_specification: ['KMSDescription'],
  test_dynamodb_update_table_without_sse_specification_change: ['describe_kms_key'],
};

interface Scenario {
  responses: Record<string, unknown>;
  references: Record<string, string[]>;
  literals: Record<string, string>;
  keyValues?: Record<string, string>;
  constants?: Record<string, string>;
  checks: Record<string, boolean>;
  failure?: string;
}

function prefixed<T>(entries: Record<string, T>, prefix: string): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).map(([id, v]) => [id.slice(prefix.length).replace(/\[(.*)\]$/, '_$1'), v]));
}

/** Deep map over strings (values and map keys, which hold table names) and the key each value sits under. */
function walk(value: unknown, fn: (text: string, key: string | undefined) => string, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, fn, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [fn(k, undefined), walk(v, fn, k)]));
  return typeof value === 'string' ? fn(value, key) : value;
}

describe('DynamoDB against the AWS-recorded snapshots (boto3)', function () {
  this.timeout(120_000);
  let aws: Twinstack;
  let results: Record<string, Scenario>;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['dynamodb', 'dynamodbstreams'] });
    results = await runBoto3Script(new URL('./snapshot/scenarios.py', import.meta.url), aws.endpoint);
  });
  after(() => aws.stop());

  it('reproduces every recorded test that is not skipped', () => {
    const expected = Object.keys(recorded).filter((t) => !SKIPPED[t]).sort();
    assert.deepEqual(Object.keys(results).sort(), expected);
  });

  for (const [test, entry] of Object.entries(recorded)) {
    if (SKIPPED[test]) {
      it.skip(`${test} (${SKIPPED[test]})`);
      continue;
    }
    it(test, () => {
      const scenario = results[test];
      assert.equal(scenario.failure, undefined);
      for (const [check, ok] of Object.entries(scenario.checks)) assert.ok(ok, check);
      const skippedEntries = SKIPPED_ENTRIES[test] ?? [];
      const expected = Object.fromEntries(Object.entries(entry['recorded-content']).filter(([k]) => !skippedEntries.includes(k)));
      assert.deepEqual(Object.keys(scenario.responses).sort(), Object.keys(expected).sort());
      const redactor = new Redactor({ accountId: '000000000000', region: 'us-east-1', keyValues: scenario.keyValues, references: scenario.references });
      for (const key of Object.keys(expected)) {
        const literal = walk(scenario.responses[key], (text, k) => {
          if (k && scenario.constants?.[k]) return scenario.constants[k];
          let out = text;
          for (const [value, placeholder] of Object.entries(scenario.literals)) out = out.split(value).join(placeholder);
          return out;
        });
        const redacted = walk(redactor.redact(literal), (text) => (text === '<datetime>' ? 'datetime' : text.replace(/arn:aws:/g, 'arn:<partition>:')));
        assert.deepEqual(redacted, expected[key], key);
      }
    });
  }
});
