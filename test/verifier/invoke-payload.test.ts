import assert from 'node:assert/strict';
import { loadModel } from '../../emulator/models/load.ts';
import { parseResponse } from '../../verifier/model/parse-response.ts';
import { compareOutput } from '../../verifier/replay/compare.ts';

describe("rest-json outputs with a payload member and header-bound members (Lambda's Invoke)", () => {
  const model = loadModel('lambda');
  const headers = { 'x-amz-executed-version': '$LATEST', 'x-amz-function-error': 'Unhandled' };

  it('reads the body as the payload blob and the headers as their members, as a client does', () => {
    const parsed = parseResponse(model, 'Invoke', 'rest-json', 200, headers, '{"errorMessage":"boom"}');
    assert.deepEqual(parsed.output, {
      Payload: Buffer.from('{"errorMessage":"boom"}').toString('base64'),
      StatusCode: 200,
      ExecutedVersion: '$LATEST',
      FunctionError: 'Unhandled',
    });
    // A body that is no JSON document is still a payload, not a parse failure.
    assert.equal(parseResponse(model, 'Invoke', 'rest-json', 200, {}, 'plain text').output?.Payload, Buffer.from('plain text').toString('base64'));
  });

  it('judges a JSON document in the payload blob with the json matcher, member by member', () => {
    const parsed = parseResponse(model, 'Invoke', 'rest-json', 200, headers, '{"a":1,"b":[true]}');
    const expectation = (payload: { a: number; b: boolean[] }) => ({
      output: { Payload: payload, StatusCode: 200, ExecutedVersion: '$LATEST', FunctionError: 'Unhandled' },
      matchers: { '$.Payload': { match: 'json' as const } },
    });
    assert.deepEqual(compareOutput(expectation({ a: 1, b: [true] }), parsed.output, new Map()), []);
    assert.deepEqual(
      compareOutput(expectation({ a: 2, b: [true] }), parsed.output, new Map()).map((m) => m.path),
      ['$.Payload.a'],
    );
  });
});
