/**
 * UpdateExpression. Semantics from the AWS docs "Using update expressions in DynamoDB" (SET/REMOVE/ADD/DELETE,
 * list_append, if_not_exists, arithmetic, list index behaviour); error wordings from real DynamoDB responses quoted
 * in public issues (e.g. aws/aws-sdk-js-v3#7171 for list_append operand types).
 */
import assert from 'node:assert/strict';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { applyUpdate, parseUpdate } from '../../../emulator/services/dynamodb/expressions/index.ts';
import { context, N, S, throwsValidation } from './helpers.ts';

type Item = Record<string, AttributeValue>;

function update(expression: string, item: Item | undefined, values?: Record<string, AttributeValue>, names?: Record<string, string>) {
  const ctx = context(values, names);
  const plan = parseUpdate(expression, ctx);
  ctx.assertAllUsed();
  return applyUpdate(plan, item, ['id']);
}

describe('DynamoDB expressions: update application', () => {
  it('SETs top-level and nested attributes and list elements', () => {
    const { item } = update(
      'SET a = :s, m.nested = :n, l[1] = :s, l[10] = :n',
      { id: S('1'), m: { M: {} }, l: { L: [N('0'), N('1')] } },
      { ':s': S('x'), ':n': N('2.50') },
    );
    assert.deepEqual(item, { id: S('1'), a: S('x'), m: { M: { nested: N('2.5') } }, l: { L: [N('0'), S('x'), N('2.5')] } });
  });

  it('does not modify the original item', () => {
    const original: Item = { id: S('1'), m: { M: { a: N('1') } } };
    update('SET m.a = :n', original, { ':n': N('2') });
    assert.deepEqual(original, { id: S('1'), m: { M: { a: N('1') } } });
  });

  it('evaluates every SET value against the item before the update', () => {
    const { item } = update('SET a = b, b = a', { id: S('1'), a: N('1'), b: N('2') });
    assert.deepEqual(item, { id: S('1'), a: N('2'), b: N('1') });
  });

  it('supports arithmetic, if_not_exists and list_append', () => {
    const { item } = update(
      'SET c = if_not_exists(c, :zero) + :one, d = d - :one, l = list_append(if_not_exists(l, :empty), :more), f = list_append(:more, f)',
      { id: S('1'), d: N('0.1'), f: { L: [S('z')] } },
      { ':zero': N('0'), ':one': N('1'), ':empty': { L: [] }, ':more': { L: [S('y')] } },
    );
    assert.deepEqual(item, {
      id: S('1'),
      c: N('1'),
      d: N('-0.9'),
      l: { L: [S('y')] },
      f: { L: [S('y'), S('z')] },
    });
  });

  it('keeps 38-digit precision in arithmetic', () => {
    const { item } = update('SET n = n + :d', { id: S('1'), n: N('12345678901234567890123456789012345678') }, { ':d': N('1') });
    assert.deepEqual(item.n, N('12345678901234567890123456789012345679'));
  });

  it('REMOVEs attributes, nested members and list elements (indexes as before the update)', () => {
    const { item } = update('REMOVE a, m.x, l[0], l[2], absent', {
      id: S('1'),
      a: S('a'),
      m: { M: { x: N('1'), y: N('2') } },
      l: { L: [S('0'), S('1'), S('2'), S('3')] },
    });
    assert.deepEqual(item, { id: S('1'), m: { M: { y: N('2') } }, l: { L: [S('1'), S('3')] } });
  });

  it('ADDs numbers and set members; DELETE removes members and the emptied attribute', () => {
    const { item } = update(
      'ADD n :one, fresh :one, s :more, ns :nums DELETE gone :all, d :some',
      { id: S('1'), n: N('41'), s: { SS: ['a'] }, ns: { NS: ['1'] }, gone: { SS: ['x', 'y'] }, d: { SS: ['p', 'q'] } },
      { ':one': N('1'), ':more': { SS: ['a', 'b'] }, ':nums': { NS: ['1.0', '2'] }, ':all': { SS: ['x', 'y'] }, ':some': { SS: ['q', 'zz'] } },
    );
    assert.deepEqual(item, {
      id: S('1'),
      n: N('42'),
      fresh: N('1'),
      s: { SS: ['a', 'b'] },
      ns: { NS: ['1', '2'] },
      d: { SS: ['p'] },
    });
  });

  it('creates the item when there is none and reports the updated paths', () => {
    const result = update('SET a.b = :v', { id: S('1'), a: { M: {} } }, { ':v': S('x') });
    assert.deepEqual(result.updatedPaths, [['a', 'b']]);
    assert.deepEqual(update('SET a = :v', undefined, { ':v': S('x') }).item, { a: S('x') });
  });

  it('fails at run time as DynamoDB does', () => {
    throwsValidation(() => update('SET a = b', { id: S('1') }), 'The provided expression refers to an attribute that does not exist in the item');
    throwsValidation(
      () => update('SET a = b + :n', { id: S('1'), b: S('x') }, { ':n': N('1') }),
      'An operand in the update expression has an incorrect data type',
    );
    throwsValidation(
      () => update('SET a = list_append(b, :l)', { id: S('1'), b: S('x') }, { ':l': { L: [] } }),
      'An operand in the update expression has an incorrect data type',
    );
    throwsValidation(() => update('ADD a :n', { id: S('1'), a: S('x') }, { ':n': N('1') }), 'An operand in the update expression has an incorrect data type');
    throwsValidation(
      () => update('DELETE a :s', { id: S('1'), a: { NS: ['1'] } }, { ':s': { SS: ['1'] } }),
      'An operand in the update expression has an incorrect data type',
    );
    throwsValidation(() => update('SET a.b = :v', { id: S('1') }, { ':v': N('1') }), 'The document path provided in the update expression is invalid for update');
    throwsValidation(
      () => update('SET a[0] = :v', { id: S('1'), a: { M: {} } }, { ':v': N('1') }),
      'The document path provided in the update expression is invalid for update',
    );
    throwsValidation(
      () => update('SET id = :v', { id: S('1') }, { ':v': S('2') }),
      'One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key',
    );
  });
});

describe('DynamoDB expressions: update expression errors', () => {
  const parse = (expression: string, values?: Record<string, AttributeValue>, names?: Record<string, string>) =>
    parseUpdate(expression, context(values, names));

  it('reports syntax errors', () => {
    throwsValidation(() => parse('SET'), 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "SET"');
    throwsValidation(() => parse('SET path = VALUE 1'), 'Invalid UpdateExpression: Syntax error; token: "1", near: "VALUE 1"');
    throwsValidation(() => parse('UPSERT a = :v'), 'Invalid UpdateExpression: Syntax error; token: "UPSERT", near: "UPSERT a"');
    throwsValidation(() => parse('SET a = :v + :w + :x'), 'Invalid UpdateExpression: Syntax error; token: "+", near: ":w + :x"');
    throwsValidation(() => parse(''), 'Invalid UpdateExpression: The expression can not be empty;');
  });

  it('allows each section once, in any order and case', () => {
    parse('remove a set b = :v add c :n delete d :s', { ':v': S('x'), ':n': N('1'), ':s': { SS: ['a'] } });
    throwsValidation(() => parse('SET a = :v REMOVE b SET c = :v', { ':v': S('x') }), 'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;');
  });

  it('rejects reserved words, unknown functions and misplaced functions', () => {
    throwsValidation(() => parse('SET #a = size', undefined, { '#a': 'a' }), 'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: size');
    throwsValidation(() => parse('SET a = nope(b)'), 'Invalid UpdateExpression: Invalid function name; function: nope');
    throwsValidation(
      () => parse('SET a = list_append(b)'),
      'Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1',
    );
  });

  it('checks operand types of ADD, DELETE and list_append', () => {
    throwsValidation(
      () => parse('ADD a :v', { ':v': { M: {} } }),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: MAP',
    );
    throwsValidation(
      () => parse('ADD a :v', { ':v': S('x') }),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING',
    );
    throwsValidation(
      () => parse('DELETE a :v', { ':v': N('1') }),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER',
    );
    throwsValidation(
      () => parse('SET a = list_append(a, :v)', { ':v': { M: {} } }),
      'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: M',
    );
  });

  it('rejects overlapping and conflicting document paths', () => {
    throwsValidation(
      () => parse('SET a = :v REMOVE a.b', { ':v': S('x') }),
      'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]',
    );
    throwsValidation(
      () => parse('SET #a = :v, a = :v', { ':v': S('x') }, { '#a': 'a' }),
      'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]',
    );
    throwsValidation(
      () => parse('SET a.b = :v, a[0] = :v', { ':v': S('x') }),
      'Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]',
    );
  });

  it('reports undefined names and values', () => {
    throwsValidation(
      () => parse('SET #a = :v', { ':v': S('x') }),
      'Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #a',
    );
    throwsValidation(
      () => parse('SET a = :v'),
      'Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v',
    );
  });
});
