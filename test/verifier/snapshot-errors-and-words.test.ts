import assert from 'node:assert/strict';
import { snapshotToExpectation } from '../../verifier/port/snapshot-expectation.ts';
import { compareOutput } from '../../verifier/replay/compare.ts';

describe('snapshot errors as text, literal redaction words and error members', () => {
  it("reads code and message from a snapshotted str(ClientError), with the status the caller knows for the code", () => {
    const expectation = snapshotToExpectation(
      'An error occurred (ResourceInUseException) when calling the CreateTable operation: Table already exists: <test-table>',
      'json',
      { errorStatus: (code) => (code === 'ResourceInUseException' ? 400 : 500) },
    );
    assert.deepEqual(expectation, { status: 400, error: { code: 'ResourceInUseException', message: 'Table already exists: {{*}}' } });
  });

  it("turns a transformer's literal words into wildcards or timestamp matchers", () => {
    const expectation = snapshotToExpectation(
      { Shards: [{ SequenceNumberRange: { StartingSequenceNumber: 'starting-sequence-number' } }], At: 'approximate-time', ResponseMetadata: { HTTPStatusCode: 200 } },
      'json',
      { redactedWords: { 'starting-sequence-number': 'any', 'approximate-time': 'timestamp' } },
    );
    assert.deepEqual(expectation.output, { Shards: [{ SequenceNumberRange: { StartingSequenceNumber: '{{*}}' } }], At: 'approximate-time' });
    assert.deepEqual(expectation.matchers, { '$.At': { match: 'timestamp' } });
  });

  it("expects an error's modelled members, leaving botocore's repeated lower-case message to Error.Message", () => {
    const recorded = {
      Error: { Code: 'ConditionalCheckFailedException', Message: 'The conditional request failed' },
      Item: { id: { S: '456' } },
      ResponseMetadata: { HTTPStatusCode: 400 },
    };
    assert.deepEqual(snapshotToExpectation(recorded, 'json'), {
      status: 400,
      error: { code: 'ConditionalCheckFailedException', message: 'The conditional request failed' },
      output: { Item: { id: { S: '456' } } },
    });
    const withMessage = snapshotToExpectation({ ...recorded, message: 'The conditional request failed' }, 'json');
    assert.deepEqual(withMessage.matchers, { '$.message': { match: 'ignore' } });
    const plain = snapshotToExpectation({ Error: { Code: 'ResourceNotFoundException', Message: 'm' }, message: 'm', ResponseMetadata: { HTTPStatusCode: 400 } }, 'json');
    assert.equal(plain.output, undefined);
  });
});

describe('maps keyed by a redacted name', () => {
  it('templates the key and matches it against the one actual key no other expected key names', () => {
    const expectation = snapshotToExpectation({ Responses: { '<test-table>': [] }, UnprocessedKeys: {}, ResponseMetadata: { HTTPStatusCode: 200 } }, 'json');
    assert.deepEqual(expectation.output, { Responses: { '{{*}}': [] }, UnprocessedKeys: {} });
    assert.deepEqual(compareOutput(expectation, { Responses: { 'test_table_x1': [] }, UnprocessedKeys: {} }, new Map()), []);
    const mismatches = compareOutput(expectation, { Responses: { a: [], b: [] }, UnprocessedKeys: {} }, new Map());
    assert.deepEqual(mismatches.map((m) => [m.path, m.reason]), [["$.Responses.b", 'unexpected member']]);
  });
});
