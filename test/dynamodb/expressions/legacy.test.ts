/**
 * Legacy parameters (Expected, QueryFilter/ScanFilter, KeyConditions, AttributeUpdates, AttributesToGet), per the
 * AWS API reference "Legacy conditional parameters" and the Condition / ExpectedAttributeValue / AttributeValueUpdate
 * data types.
 */
import assert from 'node:assert/strict';
import type { AttributeValue, Condition as LegacyCondition } from '@aws-sdk/client-dynamodb';
import {
  applyUpdate,
  conditionFromExpected,
  conditionFromFilter,
  evaluateCondition,
  keyConditionFromLegacy,
  project,
  projectionFromAttributesToGet,
  updateFromAttributeUpdates,
} from '../../../emulator/services/dynamodb/expressions/index.ts';
import { N, S, throwsValidation } from './helpers.ts';

const item: Record<string, AttributeValue> = { id: S('1'), n: N('5'), s: S('hello'), tags: { SS: ['a', 'b'] } };

function filter(conditions: Record<string, LegacyCondition>, operator?: 'AND' | 'OR') {
  return evaluateCondition(conditionFromFilter(conditions, operator), item);
}

describe('DynamoDB expressions: legacy filters', () => {
  it('implements every ComparisonOperator', () => {
    const one = (ComparisonOperator: LegacyCondition['ComparisonOperator'], ...AttributeValueList: AttributeValue[]) => ({
      ComparisonOperator,
      AttributeValueList,
    });
    assert.equal(filter({ n: one('EQ', N('5.0')) }), true);
    assert.equal(filter({ n: one('NE', N('5')) }), false);
    assert.equal(filter({ absent: one('NE', N('5')) }), true);
    assert.equal(filter({ n: one('LE', N('5')) }), true);
    assert.equal(filter({ n: one('LT', N('5')) }), false);
    assert.equal(filter({ n: one('GE', N('6')) }), false);
    assert.equal(filter({ n: one('GT', N('4')) }), true);
    assert.equal(filter({ n: one('GT', S('4')) }), false);
    assert.equal(filter({ n: one('NOT_NULL') }), true);
    assert.equal(filter({ absent: one('NULL') }), true);
    assert.equal(filter({ s: one('CONTAINS', S('ell')) }), true);
    assert.equal(filter({ tags: one('CONTAINS', S('a')) }), true);
    assert.equal(filter({ tags: one('NOT_CONTAINS', S('a')) }), false);
    assert.equal(filter({ s: one('BEGINS_WITH', S('he')) }), true);
    assert.equal(filter({ n: one('IN', N('1'), N('5')) }), true);
    assert.equal(filter({ n: one('BETWEEN', N('1'), N('5')) }), true);
    assert.equal(filter({ n: one('EQ', N('5')), s: one('EQ', S('nope')) }), false);
    assert.equal(filter({ n: one('EQ', N('5')), s: one('EQ', S('nope')) }, 'OR'), true);
  });

  it('validates argument counts and types', () => {
    throwsValidation(
      () => conditionFromFilter({ n: { ComparisonOperator: 'EQ', AttributeValueList: [] } }),
      'One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator',
    );
    throwsValidation(
      () => conditionFromFilter({ n: { ComparisonOperator: 'NULL', AttributeValueList: [N('1')] } }),
      'One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator',
    );
    throwsValidation(
      () => conditionFromFilter({ n: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [N('1')] } }),
      'One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type',
    );
    throwsValidation(
      () => conditionFromFilter({ n: { ComparisonOperator: 'LT', AttributeValueList: [{ SS: ['a'] }] } }),
      'One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type',
    );
  });
});

describe('DynamoDB expressions: legacy Expected', () => {
  it('supports Exists, Value and ComparisonOperator', () => {
    assert.equal(evaluateCondition(conditionFromExpected({ id: { Exists: false } }), undefined), true);
    assert.equal(evaluateCondition(conditionFromExpected({ id: { Exists: false } }), item), false);
    assert.equal(evaluateCondition(conditionFromExpected({ n: { Value: N('5') } }), item), true);
    assert.equal(evaluateCondition(conditionFromExpected({ n: { Exists: true, Value: N('6') } }), item), false);
    assert.equal(
      evaluateCondition(conditionFromExpected({ n: { ComparisonOperator: 'GT', AttributeValueList: [N('1')] } }), item),
      true,
    );
    assert.equal(evaluateCondition(conditionFromExpected({}), item), true);
  });
});

describe('DynamoDB expressions: legacy KeyConditions', () => {
  const schema = { partitionKey: 'pk', sortKey: 'sk' };
  it('converts key conditions', () => {
    assert.deepEqual(
      keyConditionFromLegacy(
        {
          pk: { ComparisonOperator: 'EQ', AttributeValueList: [S('p')] },
          sk: { ComparisonOperator: 'BETWEEN', AttributeValueList: [N('1'), N('2')] },
        },
        schema,
      ),
      { partitionKey: { name: 'pk', value: S('p') }, sortKey: { name: 'sk', op: 'BETWEEN', values: [N('1'), N('2')] } },
    );
  });

  it('rejects non-indexable operators and missing keys', () => {
    throwsValidation(
      () => keyConditionFromLegacy({ pk: { ComparisonOperator: 'NE', AttributeValueList: [S('p')] } }, schema),
      'Attempted conditional constraint is not an indexable operation',
    );
    throwsValidation(
      () => keyConditionFromLegacy({ sk: { ComparisonOperator: 'EQ', AttributeValueList: [N('1')] } }, schema),
      'Query condition missed key schema element: pk',
    );
  });
});

describe('DynamoDB expressions: legacy AttributeUpdates and AttributesToGet', () => {
  it('applies PUT, ADD and DELETE', () => {
    const plan = updateFromAttributeUpdates({
      s: { Action: 'PUT', Value: S('new') },
      n: { Action: 'ADD', Value: N('1') },
      tags: { Action: 'DELETE', Value: { SS: ['a'] } },
      gone: { Action: 'DELETE' },
      list: { Action: 'ADD', Value: { L: [S('x')] } },
    });
    const { item: updated } = applyUpdate(plan, { ...item, gone: S('x'), list: { L: [S('w')] } }, ['id']);
    assert.deepEqual(updated, { id: S('1'), n: N('6'), s: S('new'), tags: { SS: ['b'] }, list: { L: [S('w'), S('x')] } });
  });

  it('requires a value unless deleting', () => {
    throwsValidation(
      () => updateFromAttributeUpdates({ s: { Action: 'PUT' } }),
      'One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified',
    );
  });

  it('projects AttributesToGet', () => {
    assert.deepEqual(project(item, projectionFromAttributesToGet(['n', 'absent'])), { n: N('5') });
  });
});
