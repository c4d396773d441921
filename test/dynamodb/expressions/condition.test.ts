/**
 * ConditionExpression / FilterExpression. Semantics from the AWS docs "Condition and filter expressions, operators,
 * and functions"; error wordings from public reports of real DynamoDB responses (e.g. reserved keyword, redundant
 * parentheses in SamVerschueren/dynongo#35, size() counting UTF-16 units in ExtendDB/extenddb#67).
 */
import assert from 'node:assert/strict';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { evaluateCondition, parseCondition } from '../../../emulator/services/dynamodb/expressions/index.ts';
import { B, context, N, S, throwsValidation } from './helpers.ts';

type Item = Record<string, AttributeValue>;

function check(expression: string, item: Item | undefined, values: Record<string, AttributeValue> = {}, names?: Record<string, string>) {
  const ctx = context(Object.keys(values).length ? values : undefined, names);
  const condition = parseCondition(expression, ctx, 'ConditionExpression');
  ctx.assertAllUsed();
  return evaluateCondition(condition, item);
}

const item: Item = {
  id: S('1'),
  count: N('10'),
  name: S('Alice'),
  tags: { SS: ['red', 'blue'] },
  nums: { NS: ['1', '2.5'] },
  bin: B([1, 2, 3]),
  list: { L: [S('a'), N('2'), { M: { x: S('y') } }] },
  map: { M: { nested: { M: { deep: N('5') } }, flag: { BOOL: true } } },
  nothing: { NULL: true },
  unicode: S('é𝄞'),
};

describe('DynamoDB expressions: conditions', () => {
  it('compares with = <> < <= > >= and treats type mismatches as false', () => {
    assert.equal(check('#c = :v', item, { ':v': N('10.0') }, { '#c': 'count' }), true);
    assert.equal(check('#c > :v', item, { ':v': N('9') }, { '#c': 'count' }), true);
    assert.equal(check('#c >= :v', item, { ':v': N('11') }, { '#c': 'count' }), false);
    assert.equal(check('#c < :v', item, { ':v': S('zzz') }, { '#c': 'count' }), false);
    assert.equal(check('#c <> :v', item, { ':v': S('10') }, { '#c': 'count' }), true);
    assert.equal(check('#n <= :v', item, { ':v': S('Alice') }, { '#n': 'name' }), true);
    assert.equal(check('absent = :v', item, { ':v': N('1') }), false);
    assert.equal(check('absent <> :v', item, { ':v': N('1') }), true);
    assert.equal(check('bin < :v', item, { ':v': B([1, 2, 4]) }), true);
  });

  it('reads nested paths and list elements', () => {
    assert.equal(check('#m.nested.deep = :v', item, { ':v': N('5') }, { '#m': 'map' }), true);
    assert.equal(check('#l[2].x = :v', item, { ':v': S('y') }, { '#l': 'list' }), true);
    assert.equal(check('#l[7] = :v', item, { ':v': S('y') }, { '#l': 'list' }), false);
    assert.equal(check('#m[0] = :v', item, { ':v': S('y') }, { '#m': 'map' }), false);
  });

  it('applies AWS precedence: NOT before AND before OR', () => {
    const values = { ':t': { BOOL: true } as AttributeValue, ':f': { BOOL: false } as AttributeValue };
    const it = { t: { BOOL: true }, f: { BOOL: false } } as Item;
    const evalWith = (e: string) => {
      const ctx = context(values);
      return evaluateCondition(parseCondition(e, ctx, 'FilterExpression'), it);
    };
    assert.equal(evalWith('t = :t OR t = :f AND t = :f'), true); // OR(t, AND(f, f))
    assert.equal(evalWith('(t = :t OR t = :f) AND t = :f'), false);
    assert.equal(evalWith('NOT t = :f AND t = :t'), true);
    assert.equal(evalWith('NOT (t = :t AND t = :t)'), false);
    assert.equal(evalWith('not t = :t or t = :t'), true); // keywords are case-insensitive
  });

  it('supports BETWEEN and IN', () => {
    assert.equal(check('#c BETWEEN :a AND :b', item, { ':a': N('10'), ':b': N('20') }, { '#c': 'count' }), true);
    assert.equal(check('#c BETWEEN :a AND :b', item, { ':a': N('11'), ':b': N('20') }, { '#c': 'count' }), false);
    assert.equal(check('#c BETWEEN :a AND :b AND id = :i', item, { ':a': N('1'), ':b': N('20'), ':i': S('1') }, { '#c': 'count' }), true);
    assert.equal(check('#n IN (:a, :b)', item, { ':a': S('Bob'), ':b': S('Alice') }, { '#n': 'name' }), true);
    assert.equal(check('#n IN (:a)', item, { ':a': S('Bob') }, { '#n': 'name' }), false);
  });

  it('implements the functions', () => {
    assert.equal(check('attribute_exists(id)', item), true);
    assert.equal(check('attribute_not_exists(id)', item), false);
    assert.equal(check('attribute_not_exists(id)', undefined), true);
    assert.equal(check('attribute_exists(#m.flag)', item, {}, { '#m': 'map' }), true);
    assert.equal(check('attribute_type(tags, :t)', item, { ':t': S('SS') }), true);
    assert.equal(check('attribute_type(nothing, :t)', item, { ':t': S('NULL') }), true);
    assert.equal(check('attribute_type(tags, :t)', item, { ':t': S('L') }), false);
    assert.equal(check('begins_with(#n, :p)', item, { ':p': S('Al') }, { '#n': 'name' }), true);
    assert.equal(check('begins_with(bin, :p)', item, { ':p': B([1, 2]) }), true);
    assert.equal(check('begins_with(#c, :p)', item, { ':p': S('1') }, { '#c': 'count' }), false);
    assert.equal(check('contains(#n, :p)', item, { ':p': S('lic') }, { '#n': 'name' }), true);
    assert.equal(check('contains(tags, :p)', item, { ':p': S('red') }), true);
    assert.equal(check('contains(tags, :p)', item, { ':p': S('re') }), false);
    assert.equal(check('contains(nums, :p)', item, { ':p': N('2.50') }), true);
    assert.equal(check('contains(#l, :p)', item, { ':p': N('2') }, { '#l': 'list' }), true);
    assert.equal(check('contains(#l, :p)', item, { ':p': { M: { x: S('y') } } }, { '#l': 'list' }), true);
    assert.equal(check('contains(bin, :p)', item, { ':p': B([2, 3]) }), true);
    assert.equal(check('contains(#n, #n)', item, {}, { '#n': 'name' }), true);
  });

  it('computes size() per type; strings count UTF-16 code units', () => {
    assert.equal(check('size(#n) = :v', item, { ':v': N('5') }, { '#n': 'name' }), true);
    assert.equal(check('size(#u) = :v', item, { ':v': N('3') }, { '#u': 'unicode' }), true);
    assert.equal(check('size(tags) = :v', item, { ':v': N('2') }), true);
    assert.equal(check('size(bin) = :v', item, { ':v': N('3') }), true);
    assert.equal(check('size(#l) > :v', item, { ':v': N('2') }, { '#l': 'list' }), true);
    assert.equal(check('size(#m) = :v', item, { ':v': N('2') }, { '#m': 'map' }), true);
    assert.equal(check('size(#c) = :v', item, { ':v': N('2') }, { '#c': 'count' }), false);
    assert.equal(check('size(absent) <> :v', item, { ':v': N('2') }), true);
  });
});

describe('DynamoDB expressions: condition errors', () => {
  const parse = (expression: string, values?: Record<string, AttributeValue>, names?: Record<string, string>) =>
    parseCondition(expression, context(values, names), 'ConditionExpression');

  it('reports syntax errors with token and near text', () => {
    throwsValidation(() => parse('a = :v AND'), 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "AND"');
    throwsValidation(() => parse('user-id = :v'), 'Invalid ConditionExpression: Syntax error; token: "-", near: "user-id"');
    throwsValidation(() => parse('a = :v b'), 'Invalid ConditionExpression: Syntax error; token: "b", near: ":v b"');
    throwsValidation(() => parse('a = 5'), 'Invalid ConditionExpression: Syntax error; token: "5", near: "= 5"');
    throwsValidation(() => parse('(a = :v'), 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ":v"');
    throwsValidation(() => parse('a'), 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "a"');
  });

  it('rejects empty expressions', () => {
    throwsValidation(() => parse(''), 'Invalid ConditionExpression: The expression can not be empty;');
    throwsValidation(
      () => parseCondition(' ', context(), 'FilterExpression'),
      'Invalid FilterExpression: The expression can not be empty;',
    );
  });

  it('rejects reserved words used as attribute names', () => {
    throwsValidation(() => parse('status = :v'), 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status');
    throwsValidation(() => parse('a.Name = :v'), 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name');
  });

  it('reports undefined names and values', () => {
    throwsValidation(
      () => parse('#a = :v', { ':v': N('1') }),
      'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a',
    );
    throwsValidation(
      () => parse('a = :v'),
      'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v',
    );
  });

  it('rejects redundant parentheses', () => {
    throwsValidation(() => parse('((a = :v))', { ':v': N('1') }), 'Invalid ConditionExpression: The expression has redundant parentheses;');
    throwsValidation(
      () => parse('(a = :v) AND ((b = :v OR c = :v))', { ':v': N('1') }),
      'Invalid ConditionExpression: The expression has redundant parentheses;',
    );
    parse('(a = :v) AND (b = :v OR c = :v)', { ':v': N('1') });
  });

  it('checks functions', () => {
    throwsValidation(() => parse('whatever(a)'), 'Invalid ConditionExpression: Invalid function name; function: whatever');
    throwsValidation(
      () => parse('attribute_exists(a, b)'),
      'Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2',
    );
    throwsValidation(
      () => parse('attribute_exists(:v)', { ':v': N('1') }),
      'Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists',
    );
    throwsValidation(
      () => parse('begins_with(a, :v)', { ':v': N('1') }),
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    );
    throwsValidation(
      () => parse('attribute_type(a, :v)', { ':v': S('STRING') }),
      'Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}',
    );
  });

  it('checks BETWEEN bounds and IN operand counts', () => {
    throwsValidation(
      () => parse('a BETWEEN :hi AND :lo', { ':hi': N('2'), ':lo': N('1') }),
      'Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}',
    );
    throwsValidation(
      () => parse('a BETWEEN :a AND :b', { ':a': N('1'), ':b': S('x') }),
      'Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}',
    );
    const values: Record<string, AttributeValue> = {};
    for (let i = 0; i < 101; i++) values[`:v${i}`] = N(String(i));
    const list = Object.keys(values);
    parse(`a IN (${list.slice(0, 100).join(', ')})`, values);
    throwsValidation(
      () => parse(`a IN (${list.join(', ')})`, values),
      'Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101',
    );
  });

  it('reports unused and misplaced names and values', () => {
    const ctx = context({ ':v': N('1'), ':unused': N('2') }, { '#a': 'a', '#b': 'b' });
    parseCondition('#a = :v', ctx, 'ConditionExpression');
    throwsValidation(() => ctx.assertAllUsed(), 'Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}');
    const ctx2 = context({ ':v': N('1'), ':unused': N('2') });
    parseCondition('a = :v', ctx2, 'ConditionExpression');
    throwsValidation(() => ctx2.assertAllUsed(), 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}');
    throwsValidation(() => context(undefined, { '#a': 'a' }).assertAllUsed(), 'ExpressionAttributeNames can only be specified when using expressions');
    throwsValidation(() => context({ ':a': N('1') }).assertAllUsed(), 'ExpressionAttributeValues can only be specified when using expressions');
    throwsValidation(() => context({}), 'ExpressionAttributeValues must not be empty');
    throwsValidation(() => context(undefined, {}), 'ExpressionAttributeNames must not be empty');
    throwsValidation(() => context(undefined, { a: 'a' }), 'ExpressionAttributeNames contains invalid key: Syntax error; key: "a"');
    throwsValidation(() => context({ v: N('1') }), 'ExpressionAttributeValues contains invalid key: Syntax error; key: "v"');
  });

  it('caches parses but binds names and values per request', () => {
    const first = context({ ':v': N('1') }, { '#a': 'x' });
    const second = context({ ':v': N('2') }, { '#a': 'y' });
    const c1 = parseCondition('#a = :v', first, 'ConditionExpression');
    const c2 = parseCondition('#a = :v', second, 'ConditionExpression');
    assert.equal(evaluateCondition(c1, { x: N('1') }), true);
    assert.equal(evaluateCondition(c2, { x: N('1') }), false);
    assert.equal(evaluateCondition(c2, { y: N('2') }), true);
    // cached syntax errors are reported again
    for (let i = 0; i < 2; i++) throwsValidation(() => parse('a ='), 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "="');
  });
});
