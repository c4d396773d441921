/** Evaluation of bound conditions and operands against an item (missing attributes and type mismatches → false). */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Condition, Operand, Path } from './bound.ts';
import { beginsWith, compareValues, containsValue, sizeOf, typeOf, valuesEqual } from './values.ts';

type Item = Record<string, AttributeValue>;

export function resolvePath(item: Item | undefined, path: Path): AttributeValue | undefined {
  if (!item) return undefined;
  let current: AttributeValue | undefined = item[path[0] as string];
  for (let i = 1; i < path.length && current !== undefined; i++) {
    const segment = path[i];
    if (typeof segment === 'number') current = current.L?.[segment];
    else current = current.M !== undefined && Object.hasOwn(current.M, segment) ? current.M[segment] : undefined;
  }
  return current;
}

/** Resolves condition operands (paths, constants, size()). */
export function operandValue(operand: Operand, item: Item | undefined): AttributeValue | undefined {
  switch (operand.t) {
    case 'const':
      return operand.value;
    case 'path':
      return resolvePath(item, operand.path);
    case 'size': {
      const target = resolvePath(item, operand.path);
      const size = target === undefined ? undefined : sizeOf(target);
      return size === undefined ? undefined : { N: String(size) };
    }
    default:
      return undefined; // update-only operands never appear in conditions (the parser rejects them)
  }
}

function compare(op: string, left: AttributeValue | undefined, right: AttributeValue | undefined): boolean {
  if (op === '<>') return left === undefined || right === undefined || !valuesEqual(left, right);
  if (left === undefined || right === undefined) return false;
  if (op === '=') return valuesEqual(left, right);
  const order = compareValues(left, right);
  if (Number.isNaN(order)) return false;
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

export function evaluate(condition: Condition, item: Item | undefined): boolean {
  switch (condition.t) {
    case 'and':
      return evaluate(condition.left, item) && evaluate(condition.right, item);
    case 'or':
      return evaluate(condition.left, item) || evaluate(condition.right, item);
    case 'not':
      return !evaluate(condition.operand, item);
    case 'always':
      return true;
    case 'compare':
      return compare(condition.op, operandValue(condition.left, item), operandValue(condition.right, item));
    case 'between': {
      const subject = operandValue(condition.subject, item);
      return compare('>=', subject, operandValue(condition.low, item)) && compare('<=', subject, operandValue(condition.high, item));
    }
    case 'in': {
      const subject = operandValue(condition.subject, item);
      return subject !== undefined && condition.list.some((candidate) => compare('=', subject, operandValue(candidate, item)));
    }
    case 'exists':
      return (resolvePath(item, condition.path) !== undefined) === condition.expected;
    case 'attribute_type': {
      const target = resolvePath(item, condition.path);
      const type = operandValue(condition.type, item);
      return target !== undefined && type?.S !== undefined && typeOf(target) === type.S;
    }
    case 'begins_with': {
      const target = operandValue(condition.subject, item);
      const prefix = operandValue(condition.prefix, item);
      return target !== undefined && prefix !== undefined && beginsWith(target, prefix);
    }
    case 'contains': {
      const target = resolvePath(item, condition.path);
      const operand = operandValue(condition.operand, item);
      return target !== undefined && operand !== undefined && containsValue(target, operand);
    }
  }
}
