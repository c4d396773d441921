/**
 * The legacy (pre-expression) parameters converted to the same bound forms: Expected, QueryFilter/ScanFilter,
 * KeyConditions, AttributeUpdates and AttributesToGet.
 */
import type {
  AttributeValue,
  AttributeValueUpdate,
  ComparisonOperator,
  Condition as LegacyCondition,
  ExpectedAttributeValue,
} from '@aws-sdk/client-dynamodb';
import type { Condition, Path, UpdateAction, UpdatePlan } from './bound.ts';
import { QueryErrors, validationError } from './errors.ts';
import type { Comparator } from './syntax.ts';
import { keyConditionFromTerms, type KeyCondition, type KeySchema, type SortKeyOperator } from './key-condition.ts';
import { validateAttributeValue } from './validate-value.ts';
import { compareValues, typeOf } from './values.ts';

const invalid = (message: string) => validationError(`One or more parameter values were invalid: ${message}`);

const SCALARS = ['S', 'N', 'B'];
/** Argument counts and the value types each ComparisonOperator accepts (AWS API reference, Condition). */
const OPERATORS: Record<string, { args: number | 'many'; types?: string[] }> = {
  EQ: { args: 1 },
  NE: { args: 1 },
  LE: { args: 1, types: SCALARS },
  LT: { args: 1, types: SCALARS },
  GE: { args: 1, types: SCALARS },
  GT: { args: 1, types: SCALARS },
  NOT_NULL: { args: 0 },
  NULL: { args: 0 },
  CONTAINS: { args: 1, types: SCALARS },
  NOT_CONTAINS: { args: 1, types: SCALARS },
  BEGINS_WITH: { args: 1, types: ['S', 'B'] },
  IN: { args: 'many', types: SCALARS },
  BETWEEN: { args: 2, types: SCALARS },
};

function checkArguments(operator: string, values: AttributeValue[]): void {
  const spec = OPERATORS[operator];
  const count = values.length;
  if (spec.args === 'many' ? count === 0 : count !== spec.args) {
    throw invalid(`Invalid number of argument(s) for the ${operator} ComparisonOperator`);
  }
  values.forEach((value) => validateAttributeValue(value, 'AttributeValueList'));
  for (const value of values) {
    const type = typeOf(value);
    if (spec.types && !spec.types.includes(type)) {
      throw invalid(`ComparisonOperator ${operator} is not valid for ${type} AttributeValue type`);
    }
  }
  if (operator === 'BETWEEN') {
    if (typeOf(values[0]) !== typeOf(values[1])) throw invalid('AttributeValues inside AttributeValueList must be of same type');
    if (compareValues(values[0], values[1]) > 0) {
      throw validationError('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');
    }
  }
}

const COMPARATORS: Record<string, Comparator> = { EQ: '=', NE: '<>', LE: '<=', LT: '<', GE: '>=', GT: '>' };

function comparison(name: string, operator: ComparisonOperator | string, values: AttributeValue[] = []): Condition {
  // The protocol layer's model validation rejects operators outside the enum before they get here.
  if (!(operator in OPERATORS)) throw invalid(`ComparisonOperator ${operator} is not supported`);
  checkArguments(operator, values);
  const path: Path = [name];
  const subject = { t: 'path' as const, path };
  const constant = (value: AttributeValue) => ({ t: 'const' as const, value });
  const comparator = COMPARATORS[operator];
  if (comparator) return { t: 'compare', op: comparator, left: subject, right: constant(values[0]) };
  switch (operator) {
    case 'NOT_NULL':
      return { t: 'exists', path, expected: true };
    case 'NULL':
      return { t: 'exists', path, expected: false };
    case 'CONTAINS':
      return { t: 'contains', path, operand: constant(values[0]) };
    case 'NOT_CONTAINS':
      return { t: 'not', operand: { t: 'contains', path, operand: constant(values[0]) } };
    case 'BEGINS_WITH':
      return { t: 'begins_with', subject, prefix: constant(values[0]) };
    case 'IN':
      return { t: 'in', subject, list: values.map(constant) };
    default:
      return { t: 'between', subject, low: constant(values[0]), high: constant(values[1]) };
  }
}

function combine(conditions: Condition[], operator: 'AND' | 'OR' = 'AND'): Condition {
  const t = operator === 'OR' ? 'or' : 'and';
  return conditions.reduce((left, right) => ({ t, left, right }));
}

export function conditionFromFilter(filter: Record<string, LegacyCondition>, operator?: 'AND' | 'OR'): Condition {
  const conditions = Object.entries(filter).map(([name, c]) => comparison(name, c.ComparisonOperator!, c.AttributeValueList));
  return conditions.length === 0 ? { t: 'always' } : combine(conditions, operator);
}

/**
 * One Expected entry, checked in AWS's order with its words (dynalite test/putItem.js and test/updateItem.js, which
 * run against real DynamoDB). A Value with a ComparisonOperator is its single argument.
 */
function expectedCondition(name: string, expected: ExpectedAttributeValue): Condition {
  const { ComparisonOperator: operator, Value: value, Exists: exists, AttributeValueList: list } = expected;
  if (operator === undefined) {
    if (list !== undefined) throw invalid(`AttributeValueList can only be used with a ComparisonOperator for Attribute: ${name}`);
    if (exists === false) {
      if (value !== undefined) throw invalid(`Value cannot be used when Exists is false for Attribute: ${name}`);
      return { t: 'exists', path: [name], expected: false };
    }
    if (value === undefined) throw invalid(`Value must be provided when Exists is ${exists ?? 'null'} for Attribute: ${name}`);
    return comparison(name, 'EQ', [value]);
  }
  if (exists !== undefined) throw invalid(`Exists and ComparisonOperator cannot be used together for Attribute: ${name}`);
  if (value !== undefined && list !== undefined) {
    throw invalid(`Value and AttributeValueList cannot be used together for Attribute: ${name}`);
  }
  if (value === undefined && list === undefined && OPERATORS[operator]?.args !== 0) {
    throw invalid(`Value or AttributeValueList must be used with ComparisonOperator: ${operator} for Attribute: ${name}`);
  }
  return comparison(name, operator, value !== undefined ? [value] : list);
}

export function conditionFromExpected(expected: Record<string, ExpectedAttributeValue>, operator?: 'AND' | 'OR'): Condition {
  const conditions = Object.entries(expected).map(([name, e]) => expectedCondition(name, e));
  return conditions.length === 0 ? { t: 'always' } : combine(conditions, operator);
}

const KEY_OPERATORS: Record<string, SortKeyOperator> = {
  EQ: '=',
  LE: '<=',
  LT: '<',
  GE: '>=',
  GT: '>',
  BEGINS_WITH: 'BEGINS_WITH',
  BETWEEN: 'BETWEEN',
};

export function keyConditionFromLegacy(conditions: Record<string, LegacyCondition>, schema: KeySchema): KeyCondition {
  const entries = Object.entries(conditions);
  if (entries.length > 2) throw QueryErrors.conditionCount();
  const terms = entries.map(([name, c]) => {
    const op = KEY_OPERATORS[c.ComparisonOperator!];
    if (!op) throw validationError('Attempted conditional constraint is not an indexable operation');
    const values = c.AttributeValueList ?? [];
    checkArguments(c.ComparisonOperator!, values);
    return { name, op, values };
  });
  return keyConditionFromTerms(terms, schema);
}

export function updateFromAttributeUpdates(updates: Record<string, AttributeValueUpdate>): UpdatePlan {
  const actions = Object.entries(updates).map(([name, update]): UpdateAction => {
    const action = update.Action ?? 'PUT';
    const value = update.Value;
    if (value !== undefined) validateAttributeValue(value, name);
    if (action === 'DELETE' && value === undefined) return { t: 'REMOVE', path: [name] };
    if (value === undefined) throw invalid('Only DELETE action is allowed when no attribute value is specified');
    if (action === 'PUT') return { t: 'SET', path: [name], value: { t: 'const', value } };
    const type = typeOf(value);
    // dynalite test/updateItem.js (run against real DynamoDB) for both wordings
    if (action === 'ADD' && !['N', 'SS', 'NS', 'BS', 'L'].includes(type)) throw invalid(`ADD action is not supported for the type ${type}`);
    if (action === 'DELETE' && !['SS', 'NS', 'BS'].includes(type)) {
      throw invalid(`DELETE action with value is not supported for the type ${type}`);
    }
    return { t: action as 'ADD' | 'DELETE', path: [name], value };
  });
  return { actions, legacy: true };
}

export function projectionFromAttributesToGet(names: string[]): Path[] {
  return names.map((name) => [name]);
}
