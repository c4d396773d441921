import assert from 'node:assert/strict';
import { compareOutput, readPath } from '../../verifier/replay/compare.ts';
import { literal, literalParts, matchTemplate, render, UnboundVariable } from '../../verifier/replay/template.ts';
import { placeholderTemplate, snapshotToExpectation } from '../../verifier/port/snapshot-expectation.ts';

describe('templates and matchers', () => {
  it('renders known variables and refuses unknown ones in requests', () => {
    assert.equal(render('q-{{suffix}}', new Map([['suffix', 'ab1']])), 'q-ab1');
    assert.throws(() => render('{{queueUrl}}', new Map()), UnboundVariable);
  });

  it('keeps an escaped \\{{ literal in requests and expectations, next to real variables', () => {
    const vars = new Map([['suffix', 'ab1']]);
    const text = literal('TopicName: {{resolve:ssm:p}}\n');
    assert.equal(render(`${text}Name: p-{{suffix}}`, vars), 'TopicName: {{resolve:ssm:p}}\nName: p-ab1');
    assert.ok(matchTemplate('\\{{resolve:ssm:{{name}}}}', '{{resolve:ssm:param-1}}', vars));
    assert.equal(vars.get('name'), 'param-1');
    assert.equal(matchTemplate('\\{{x}}', 'anything', vars), false);
    assert.deepEqual(literalParts('a\\{{b}}{{suffix}}c'), ['a{{b}}', 'c']);
  });

  it('binds unknown variables on first use and holds them to it', () => {
    const vars = new Map([['region', 'us-east-1']]);
    assert.ok(matchTemplate('arn:aws:sqs:{{region}}:{{accountId}}:{{resource:1}}', 'arn:aws:sqs:us-east-1:000000000000:q-1', vars));
    assert.equal(vars.get('accountId'), '000000000000');
    assert.equal(vars.get('resource:1'), 'q-1');
    assert.equal(matchTemplate('{{resource:1}}', 'q-2', vars), false);
    assert.equal(matchTemplate('arn:aws:sqs:{{region}}:1:x', 'arn:aws:sqs:eu-west-1:1:x', vars), false);
    assert.ok(matchTemplate('id {{*}} end', 'id anything at all end', vars));
  });

  it('reads a list member by the value of one of its fields (a stack output by its OutputKey)', () => {
    const stack = { Stacks: [{ Outputs: [{ OutputKey: 'A', OutputValue: 'a' }, { OutputKey: "it's", OutputValue: { v: 'b' } }] }] };
    assert.equal(readPath(stack, "$.Stacks[0].Outputs[?(@.OutputKey=='A')].OutputValue"), 'a');
    assert.equal(readPath(stack, "$.Stacks[0].Outputs[?(@.OutputKey=='it\\'s')].OutputValue.v"), 'b');
    assert.equal(readPath(stack, "$.Stacks[0].Outputs[?(@.OutputKey=='C')].OutputValue"), undefined);
    assert.equal(readPath(stack, "$.Stacks[?(@.OutputKey=='A')]"), undefined);
  });

  it('judges a list the snapshot holds as an object keyed by a field of its members (a stack\'s outputs)', () => {
    const expectation = { output: { A: 'a', B: 'b' }, select: '$.Stacks[0].Outputs', keyedBy: { key: 'OutputKey', value: 'OutputValue' } };
    const outputs = (b: string) => ({ Stacks: [{ Outputs: [{ OutputKey: 'B', OutputValue: b, Description: 'x' }, { OutputKey: 'A', OutputValue: 'a' }] }] });
    assert.deepEqual(compareOutput(expectation, outputs('b'), new Map()), []);
    assert.deepEqual(compareOutput(expectation, outputs('c'), new Map()).map((m) => m.path), ['$.Stacks[0].Outputs.B']);
  });

  it("judges only the test's own items of an account-wide list (keep), whatever else the account holds", () => {
    const expectation = {
      select: '$.Exports',
      keep: { member: 'ExportingStackId', values: ['{{stackId}}'] },
      unordered: ['$'],
      output: [
        { ExportingStackId: '{{stackId}}', Name: 'stack-{{suffix}}-A', Value: 'test' },
        { ExportingStackId: '{{stackId}}', Name: 'stack-{{suffix}}-B', Value: 'test' },
      ],
    };
    const vars = new Map([
      ['stackId', 'arn:stack/mine'],
      ['suffix', 's1'],
    ]);
    const exports = (value: string) => ({
      Exports: [
        { ExportingStackId: 'arn:stack/other', Name: 'other-A', Value: 'x' },
        { ExportingStackId: 'arn:stack/mine', Name: 'stack-s1-B', Value: value },
        { ExportingStackId: 'arn:stack/mine', Name: 'stack-s1-A', Value: 'test' },
      ],
    });
    assert.deepEqual(compareOutput(expectation, exports('test'), new Map(vars)), []);
    assert.equal(compareOutput(expectation, exports('changed'), new Map(vars)).length, 1);
  });

  it('reports every mismatch with its path: values, missing and extra members, list length, matchers', () => {
    const mismatches = compareOutput(
      {
        output: { Attributes: { A: '1', B: 'x', T: 'timestamp' }, List: [1, 2] },
        matchers: { '$.Attributes.T': { match: 'timestamp' } },
      },
      { Attributes: { A: '2', T: 'not-a-date', C: 'extra' }, List: [1] },
      new Map(),
    );
    assert.deepEqual(mismatches.map((m) => m.path).sort(), ['$.Attributes.A', '$.Attributes.B', '$.Attributes.C', '$.Attributes.T', '$.List'].sort());
  });

  it('judges text split into lines member by member, with redacted parts of a line as any text', () => {
    const expectation = snapshotToExpectation(
      { log: { line00: 'Execution log for request <request-id-1>', line01: 'DDD MMM dd hh:mm:ss UTC yyyy : Starting', line02: '' } },
      'rest-json',
      { lines: ['$.log'], redactedText: ['DDD MMM dd hh:mm:ss UTC yyyy'] },
    );
    assert.deepEqual(expectation.matchers, { '$.log': { match: 'lines' } });
    assert.deepEqual(compareOutput(expectation, { log: 'Execution log for request r-1\nSun Dec 06 08:20:00 UTC 2026 : Starting\n' }, new Map()), []);
    const mismatches = compareOutput(expectation, { log: 'Execution log for request r-1\nSun Dec 06 08:20:00 UTC 2026 : Stopped' }, new Map());
    assert.deepEqual(mismatches.map((m) => m.path), ['$.log.line01', '$.log.line02']);
  });

  it('reads a list element by a member\'s value (a stack output by its OutputKey) for captures', () => {
    const output = { Stacks: [{ Outputs: [{ OutputKey: 'A', OutputValue: '1' }, { OutputKey: "B'x", OutputValue: '2' }] }] };
    assert.equal(readPath(output, "$.Stacks[0].Outputs[?(@.OutputKey=='A')].OutputValue"), '1');
    assert.equal(readPath(output, "$.Stacks[0].Outputs[?(@.OutputKey=='B\\'x')].OutputValue"), '2');
    assert.equal(readPath(output, "$.Stacks[0].Outputs[?(@.OutputKey=='C')].OutputValue"), undefined);
    assert.equal(readPath(output, '$.Stacks[0].Outputs[1].OutputKey'), "B'x");
  });

  it("judges a JSON document a service wrapped: IAM's URL-encoded policy, API Gateway's policy with escaped quotes", () => {
    const expectation = { output: { policy: { Version: '2012-10-17' } }, matchers: { '$.policy': { match: 'json' as const } } };
    assert.deepEqual(compareOutput(expectation, { policy: '%7B%22Version%22%3A%222012-10-17%22%7D' }, new Map()), []);
    assert.deepEqual(compareOutput(expectation, { policy: '{\\"Version\\":\\"2012-10-17\\"}' }, new Map()), []);
    assert.deepEqual(compareOutput(expectation, { policy: '{\\"Version\\":\\"2008-10-17\\"}' }, new Map()).map((m) => m.path), ['$.policy.Version']);
  });

  it('judges as text an element of a json-matched list that the snapshot kept as text, being no document', () => {
    const expectation = { output: [{ Body: '{not a json body' }, { Body: { message: 2 } }], matchers: { '$[*].Body': { match: 'json' as const } }, unordered: ['$'] };
    assert.deepEqual(compareOutput(expectation, [{ Body: '{"message":2}' }, { Body: '{not a json body' }], new Map()), []);
    assert.equal(compareOutput(expectation, [{ Body: '{"message":2}' }, { Body: '{not json either' }], new Map()).length, 1);
    // A text that does not look like a document still needs one (an Invoke payload of a JSON string).
    assert.equal(compareOutput({ output: { Payload: 'hello' }, matchers: { '$.Payload': { match: 'json' as const } } }, { Payload: 'hello' }, new Map()).length, 1);
  });

  it('compares unordered lists as multisets', () => {
    const expectation = { output: { Ids: ['a', 'b'] }, unordered: ['$.Ids'] };
    assert.deepEqual(compareOutput(expectation, { Ids: ['b', 'a'] }, new Map()), []);
    assert.equal(compareOutput(expectation, { Ids: ['b', 'c'] }, new Map()).length, 1);
  });

  it('turns LocalStack snapshot redactions into templates and timestamp matchers', () => {
    assert.equal(placeholderTemplate('arn:<partition>:sqs:<region>:111111111111:<resource:1>'), 'arn:{{partition}}:sqs:{{region}}:{{accountId}}:{{resource:1}}');
    const expectation = snapshotToExpectation(
      { Attributes: { CreatedTimestamp: 'timestamp', VisibilityTimeout: '30' }, ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 200 } },
      'json',
    );
    assert.deepEqual(expectation, {
      status: 200,
      output: { Attributes: { CreatedTimestamp: 'timestamp', VisibilityTimeout: '30' } },
      matchers: { '$.Attributes.CreatedTimestamp': { match: 'timestamp' } },
    });
    const error = snapshotToExpectation(
      { Error: { Code: 'InvalidParameterValue', Message: 'm', QueryErrorCode: 'InvalidParameterValueException', Type: 'Sender' }, ResponseMetadata: { HTTPStatusCode: 400 } },
      'json',
    );
    assert.deepEqual(error, { status: 400, error: { code: 'InvalidParameterValue', message: 'm', type: 'Sender', shapeName: 'InvalidParameterValueException' } });
  });
});
