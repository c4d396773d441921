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

describe('rest-xml error responses with modelled members', () => {
  const model = loadModel('s3');
  const error = (extra: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidObjectState</Code><Message>The operation is not valid for the object's storage class</Message>${extra}<RequestId>r</RequestId></Error>`;

  it("parses InvalidObjectState's StorageClass from the <Error> element, as botocore adds it to the parsed error", () => {
    const parsed = parseResponse(model, 'GetObject', 'rest-xml', 403, {}, error('<StorageClass>DEEP_ARCHIVE</StorageClass>'));
    assert.equal(parsed.error?.code, 'InvalidObjectState');
    assert.deepEqual(parsed.output, { StorageClass: 'DEEP_ARCHIVE' });
  });

  it('judges a missing member as a mismatch at its path', () => {
    const parsed = parseResponse(model, 'GetObject', 'rest-xml', 403, {}, error(''));
    assert.deepEqual(
      compareOutput({ status: 403, output: { StorageClass: 'GLACIER' } }, parsed.output, new Map()).map((m) => m.path),
      ['$.StorageClass'],
    );
  });

  it('leaves errors without modelled members (NoSuchKey) without output', () => {
    const parsed = parseResponse(model, 'GetObject', 'rest-xml', 404, {}, '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
    assert.equal(parsed.output, undefined);
  });
});
