/**
 * ProjectionExpression and KeyConditionExpression. Semantics from the AWS docs ("Projection expressions",
 * "Key condition expressions for Query"); key condition messages from real responses quoted in public issues
 * (aws-athena-query-federation#746 "Invalid operator used in KeyConditionExpression: OR", ServiceStack.Aws#5 "...: IN",
 * without an "Invalid KeyConditionExpression: " prefix; dynamoose#353 "Query condition missed key schema element:
 * local"), from dynalite's test/query.js, which runs against real DynamoDB, and for the condition count checks from
 * paritysuite/dynamodb-conformance queryKeyConditionOperands.test.ts (pinned against real AWS, October 2026).
 */
import assert from 'node:assert/strict';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { parseKeyCondition, parseProjection, project } from '../../../emulator/services/dynamodb/expressions/index.ts';
import { context, N, S, throwsValidation } from './helpers.ts';

const item: Record<string, AttributeValue> = {
  id: S('1'),
  a: S('x'),
  m: { M: { b: N('1'), c: { M: { d: S('deep') } } } },
  l: { L: [S('zero'), S('one'), { M: { e: S('two') } }] },
};

describe('DynamoDB expressions: projection', () => {
  const paths = (expression: string, names?: Record<string, string>) => parseProjection(expression, context(undefined, names));

  it('projects top-level, nested and list paths', () => {
    assert.deepEqual(project(item, paths('a, m.c.d, l[2].e, l[0], absent')), {
      a: S('x'),
      m: { M: { c: { M: { d: S('deep') } } } },
      l: { L: [S('zero'), { M: { e: S('two') } }] },
    });
    assert.deepEqual(project(item, paths('#i', { '#i': 'id' })), { id: S('1') });
    assert.deepEqual(project(item, paths('m.zz, l[9]')), {});
  });

  it('reports projection errors', () => {
    throwsValidation(() => paths(''), 'Invalid ProjectionExpression: The expression can not be empty;');
    throwsValidation(() => paths('a, name'), 'Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name');
    throwsValidation(() => paths('a,'), 'Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ","');
    throwsValidation(
      () => paths('m, m.b'),
      'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, b]',
    );
  });
});

describe('DynamoDB expressions: key conditions', () => {
  const schema = { partitionKey: 'pk', sortKey: 'sk' };
  const values = { ':p': S('p'), ':a': N('1'), ':b': N('5') };
  const key = (expression: string, v: Record<string, AttributeValue> = values, names?: Record<string, string>) =>
    parseKeyCondition(expression, context(v, names), schema);

  it('extracts the partition key and sort key condition', () => {
    assert.deepEqual(key('pk = :p', { ':p': S('p') }), { partitionKey: { name: 'pk', value: S('p') } });
    assert.deepEqual(key('pk = :p AND sk BETWEEN :a AND :b'), {
      partitionKey: { name: 'pk', value: S('p') },
      sortKey: { name: 'sk', op: 'BETWEEN', values: [N('1'), N('5')] },
    });
    assert.deepEqual(key('(#s >= :a) AND (:p = #k)', { ':p': S('p'), ':a': N('1') }, { '#s': 'sk', '#k': 'pk' }), {
      partitionKey: { name: 'pk', value: S('p') },
      sortKey: { name: 'sk', op: '>=', values: [N('1')] },
    });
    assert.deepEqual(key(':a < sk AND pk = :p', { ':p': S('p'), ':a': N('1') }).sortKey, { name: 'sk', op: '>', values: [N('1')] });
    assert.deepEqual(key('pk = :p AND begins_with(sk, :s)', { ':p': S('p'), ':s': S('x') }).sortKey, {
      name: 'sk',
      op: 'BEGINS_WITH',
      values: [S('x')],
    });
  });

  it('rejects operators a key condition cannot use', () => {
    throwsValidation(() => key('pk = :p OR sk = :a', { ':p': S('p'), ':a': N('1') }), 'Invalid operator used in KeyConditionExpression: OR');
    throwsValidation(() => key('pk = :p AND sk IN (:a, :b)'), 'Invalid operator used in KeyConditionExpression: IN');
    throwsValidation(() => key('pk = :p AND sk <> :a', { ':p': S('p'), ':a': N('1') }), 'Invalid operator used in KeyConditionExpression: <>');
    throwsValidation(() => key('pk = :p AND NOT sk = :a', { ':p': S('p'), ':a': N('1') }), 'Invalid operator used in KeyConditionExpression: NOT');
  });

  it('matches the key schema', () => {
    throwsValidation(() => key('sk = :a', { ':a': N('1') }), 'Query condition missed key schema element: pk');
    throwsValidation(() => key('pk > :p', { ':p': S('p') }), 'Query key condition not supported');
    throwsValidation(() => key('pk = :p AND colour = :a', { ':p': S('p'), ':a': N('1') }), 'Query key condition not supported');
    throwsValidation(
      () => key('pk = :p AND sk > :a AND sk < :b'),
      'Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key',
    );
    throwsValidation(
      () => key('pk = :p AND sk > :a AND colour = :b'),
      'The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)',
    );
    throwsValidation(() => key('pk = :p AND pk = :p', { ':p': S('p') }), 'Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key');
  });

  it('reports sizes, nested paths and misplaced attributes (dynalite test/query.js)', () => {
    const v = { ':p': S('p'), ':a': N('1') };
    throwsValidation(() => key('attribute_exists(pk)'), 'Invalid operator used in KeyConditionExpression: attribute_exists');
    throwsValidation(() => key('pk = :p AND size(sk) > :a', v), 'KeyConditionExpressions cannot contain nested operations');
    throwsValidation(() => key('pk = :p AND sk BETWEEN size(pk) AND :a', v), 'KeyConditionExpressions cannot contain nested operations');
    throwsValidation(() => key('pk.x = :p', v), 'KeyConditionExpressions cannot have conditions on nested attributes');
    throwsValidation(() => key('pk = :p AND sk > pk', v), 'Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
    throwsValidation(() => key('pk = :p AND :a > :p', v), 'Invalid condition in KeyConditionExpression: No key attribute specified');
    throwsValidation(
      () => key('pk = :p AND :a BETWEEN sk AND :a', v),
      'Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand',
    );
  });

  it('validates values and names like other expressions', () => {
    throwsValidation(
      () => key('pk = :p AND begins_with(sk, :a)', { ':p': S('p'), ':a': N('1') }),
      'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    );
    throwsValidation(
      () => key('pk = :p AND sk BETWEEN :b AND :a'),
      'Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}',
    );
    throwsValidation(
      () => key('pk = :missing', { ':p': S('p') }),
      'Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :missing',
    );
  });
});
