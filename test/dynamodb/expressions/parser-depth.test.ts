/**
 * The expression parser on deeply nested input: it must answer with a ValidationException, never a RangeError from
 * an exhausted stack. Through the API the 4 KB limit comes first (see limits.test.ts); these call the parser
 * directly with larger input. The too-many-nesting-levels wording is ours (unverified): AWS never gets that far.
 */
import assert from 'node:assert/strict';
import { Parser } from '../../../emulator/services/dynamodb/expressions/parser.ts';
import type { ConditionSyntax } from '../../../emulator/services/dynamodb/expressions/syntax.ts';
import { throwsValidation } from './helpers.ts';

const TOO_DEEP = 'Invalid ConditionExpression: The expression has too many nesting levels;';

function parse(expression: string): ConditionSyntax {
  const parser = new Parser(expression, 'ConditionExpression');
  const condition = parser.condition();
  parser.expectEnd();
  return condition;
}

describe('DynamoDB expression parser: nesting', () => {
  it('refuses deep nesting of NOT, function calls and parenthesized groups without exhausting the stack', () => {
    const n = 100_000;
    throwsValidation(() => parse('NOT '.repeat(n) + 'a<b'), TOO_DEEP);
    throwsValidation(() => parse('a < ' + 'f('.repeat(n) + 'b' + ')'.repeat(n)), TOO_DEEP);
    throwsValidation(() => parse('(NOT '.repeat(n) + 'a<b' + ')'.repeat(n)), TOO_DEEP);
    throwsValidation(() => parse('a<b ' + 'and (a<b '.repeat(n) + ')'.repeat(n)), TOO_DEEP);
    throwsValidation(
      () => new Parser('SET a = ' + 'if_not_exists(b, '.repeat(n) + ':v' + ')'.repeat(n), 'UpdateExpression').update(),
      'Invalid UpdateExpression: The expression has too many nesting levels;',
    );
  });

  it('reads a run of opening parentheses in one step, however long', () => {
    const n = 100_000;
    let node = parse('('.repeat(n) + 'a<b' + ')'.repeat(n));
    let depth = 0;
    while (node.t === 'paren') {
      node = node.inner;
      depth++;
    }
    assert.equal(depth, n);
    throwsValidation(() => parse('('.repeat(n)), 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "("');
  });

  it('keeps precedence when groups close inside a run', () => {
    assert.deepEqual(parse('((a<b) AND c<d OR e<f)'), {
      t: 'paren',
      inner: {
        t: 'or',
        left: {
          t: 'and',
          left: { t: 'paren', inner: compare('a', 'b') },
          right: compare('c', 'd'),
        },
        right: compare('e', 'f'),
      },
    });
    assert.deepEqual(parse('((NOT a<b) OR c<d) AND e<f'), {
      t: 'and',
      left: { t: 'paren', inner: { t: 'or', left: { t: 'paren', inner: { t: 'not', operand: compare('a', 'b') } }, right: compare('c', 'd') } },
      right: compare('e', 'f'),
    });
  });

  it('accepts the deepest nesting a 4 KB expression can hold', () => {
    const n = 1363; // "a < " + "f(" × 1363 + "b" + ")" × 1363 is 4094 bytes
    const source = 'a < ' + 'f('.repeat(n) + 'b' + ')'.repeat(n);
    assert.ok(Buffer.byteLength(source) <= 4096);
    assert.equal(parse(source).t, 'compare');
  });
});

function compare(left: string, right: string) {
  const path = (name: string) => ({ t: 'path', segments: [{ kind: 'name', name }] });
  return { t: 'compare', op: '<', left: path(left), right: path(right) };
}
