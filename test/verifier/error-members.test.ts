import assert from 'node:assert/strict';
import { loadModel } from '../../emulator/models/load.ts';
import { parseResponse } from '../../verifier/model/parse-response.ts';
import { compareOutput } from '../../verifier/replay/compare.ts';

describe('error responses with modelled members', () => {
  const model = loadModel('dynamodb');
  const body = (extra: Record<string, unknown>) =>
    JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', Message: 'The conditional request failed', ...extra });

  it("parses the error shape's members (ConditionalCheckFailedException.Item) next to the error code", () => {
    const parsed = parseResponse(model, 'DeleteItem', 'json', 400, {}, body({ Item: { id: { S: '456' } } }));
    assert.equal(parsed.error?.code, 'ConditionalCheckFailedException');
    assert.deepEqual(parsed.output, { Item: { id: { S: '456' } } });
  });

  it('judges the members like any output: a missing Item is a mismatch at its path', () => {
    const expectation = { status: 400, output: { Item: { id: { S: '456' } } } };
    const parsed = parseResponse(model, 'DeleteItem', 'json', 400, {}, body({}));
    assert.deepEqual(
      compareOutput(expectation, parsed.output, new Map()).map((m) => m.path),
      ['$.Item'],
    );
  });
});
