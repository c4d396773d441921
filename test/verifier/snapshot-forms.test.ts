import assert from 'node:assert/strict';
import { pythonBytesToBase64, snapshotToExpectation } from '../../verifier/port/snapshot-expectation.ts';
import { compareOutput } from '../../verifier/replay/compare.ts';
import { validateContract } from '../../verifier/contract/validate.ts';

describe('snapshot values stored in another form than the client parses them', () => {
  it('compares a JSON document sent as a string with its decoded snapshot, down to the member that differs', () => {
    const expectation = snapshotToExpectation(
      { Attributes: { Policy: { Version: '2008-10-17', Id: 'arn:<partition>:sqs:<region>:111111111111:<resource:1>/x' } }, ResponseMetadata: { HTTPStatusCode: 200 } },
      'json',
      { jsonStrings: ['$.Attributes.Policy'] },
    );
    assert.deepEqual(expectation.matchers, { '$.Attributes.Policy': { match: 'json' } });
    const policy = (version: string) => ({ Attributes: { Policy: JSON.stringify({ Version: version, Id: 'arn:aws:sqs:us-east-1:000000000000:q/x' }) } });
    const vars = new Map([['region', 'us-east-1'], ['partition', 'aws']]);
    assert.deepEqual(compareOutput(expectation, policy('2008-10-17'), vars), []);
    assert.deepEqual(compareOutput(expectation, policy('2012-10-17'), new Map(vars)), [{ path: '$.Attributes.Policy.Version', expected: '2008-10-17', actual: '2012-10-17' }]);
    assert.equal(compareOutput(expectation, { Attributes: { Policy: '{not json' } }, new Map(vars))[0].reason, 'expected a JSON document in a string');
  });

  it("turns Python's repr of bytes into the base64 a parsed response gives blobs", () => {
    assert.equal(pythonBytesToBase64("b'a\\x1eb\\\\c\\'d\\n'"), Buffer.from("a\x1eb\\c'd\n").toString('base64'));
    const expectation = snapshotToExpectation({ Value: "b'x\\x00'", ResponseMetadata: { HTTPStatusCode: 200 } }, 'json', { pythonBytes: ['$.Value'] });
    assert.deepEqual(expectation.output, { Value: Buffer.from([0x78, 0]).toString('base64') });
  });

  it('keeps a part of a response (an ARN, a list of messages) as the expected output, without a status', () => {
    assert.deepEqual(snapshotToExpectation('arn:<partition>:sqs:<region>:111111111111:<resource:1>', 'json'), {
      output: 'arn:{{partition}}:sqs:{{region}}:{{accountId}}:{{resource:1}}',
    });
    const list = snapshotToExpectation([{ Body: 'm', Attributes: { SentTimestamp: 'timestamp' } }], 'query');
    assert.deepEqual(list.matchers, { '$[0].Attributes.SentTimestamp': { match: 'timestamp' } });
    const expectation = { ...list, select: '$.Messages', unordered: ['$'] };
    assert.deepEqual(compareOutput(expectation, { Messages: [{ Body: 'm', Attributes: { SentTimestamp: '1700000000000' } }] }, new Map()), []);
  });

  it('accepts a scoring interaction that knows the selected output but not the status', () => {
    const contract = (expect: object) => ({
      consumer: { name: 'c' },
      provider: { name: 'p' },
      interactions: [{ type: 'Synchronous/HTTP', description: 'x', request: { method: 'POST', path: '/' }, response: { status: 200 }, comments: { twinstack: { step: 0, service: 'sqs', operation: 'X', protocol: 'json', scoring: true, expect } } }],
      metadata: { pactSpecification: { version: '4.0' }, twinstack: { formatVersion: 1, id: 'sqs/x', service: 'sqs', protocol: 'json', provenance: { kind: 'aws-docs-example', url: 'u', retrievedAt: 'd' } } },
    });
    assert.deepEqual(validateContract(contract({ select: '$.Messages', output: [] })), []);
    assert.ok(validateContract(contract({ output: {} })).some((p) => p.includes('expect.status')));
  });
});
