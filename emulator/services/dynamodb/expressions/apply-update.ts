/**
 * Applies an update plan to an item. As in DynamoDB, every SET value is computed from the item as it was before the
 * update; then SETs, REMOVEs, ADDs and DELETEs are applied to a copy.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Operand, Path, UpdateAction, UpdatePlan } from './bound.ts';
import { UpdateErrors, validationError } from './errors.ts';
import { resolvePath } from './evaluate.ts';
import { addDecimals, formatDecimal, parseDecimal } from './numbers.ts';
import { normalizeValue } from './validate-value.ts';
import { bytesEqual, numbersEqual, setHas, typeOf } from './values.ts';
import { setEntry } from '../../../core/entries.ts';

type Item = Record<string, AttributeValue>;

function cloneValue(value: AttributeValue): AttributeValue {
  if (value.M !== undefined) return { M: cloneItem(value.M) };
  if (value.L !== undefined) return { L: value.L.map(cloneValue) };
  return value; // scalars and sets are never mutated in place
}

function cloneItem(item: Item): Item {
  const copy: Item = {};
  for (const name in item) setEntry(copy, name, cloneValue(item[name]));
  return copy;
}

function computeValue(operand: Operand, item: Item | undefined): AttributeValue {
  switch (operand.t) {
    case 'const':
      return normalizeValue(operand.value);
    case 'path': {
      const value = resolvePath(item, operand.path);
      if (value === undefined) throw UpdateErrors.missingOperand();
      return value;
    }
    case 'if_not_exists':
      return resolvePath(item, operand.path) ?? computeValue(operand.fallback, item);
    case 'list_append': {
      const left = computeValue(operand.left, item);
      const right = computeValue(operand.right, item);
      if (left.L === undefined || right.L === undefined) throw UpdateErrors.wrongType();
      return { L: [...left.L, ...right.L] };
    }
    case 'arith': {
      const left = computeValue(operand.left, item);
      const right = computeValue(operand.right, item);
      if (left.N === undefined || right.N === undefined) throw UpdateErrors.wrongType();
      return { N: formatDecimal(addDecimals(parseDecimal(left.N), parseDecimal(right.N), operand.op === '-')) };
    }
    default:
      throw UpdateErrors.wrongType(); // size() is rejected when parsing update expressions
  }
}

/** The container holding the last path segment, or an "invalid for update" error when it is missing or mistyped. */
function parentOf(item: Item, path: Path): AttributeValue[] | Record<string, AttributeValue> {
  if (path.length === 1) return item;
  const parent = resolvePath(item, path.slice(0, -1));
  const last = path[path.length - 1];
  const container = typeof last === 'number' ? parent?.L : parent?.M;
  if (container === undefined) throw UpdateErrors.invalidPath();
  return container;
}

function setAt(item: Item, path: Path, value: AttributeValue): void {
  const container = parentOf(item, path);
  const last = path[path.length - 1];
  if (Array.isArray(container)) {
    const index = last as number;
    if (index >= container.length) container.push(value);
    else container[index] = value;
  } else {
    setEntry(container, last as string, value);
  }
}

function removeAt(item: Item, path: Path): void {
  const container = parentOf(item, path);
  const last = path[path.length - 1];
  if (Array.isArray(container)) {
    if ((last as number) < container.length) container.splice(last as number, 1);
  } else {
    delete container[last as string];
  }
}

type SetType = 'SS' | 'NS' | 'BS';
type Element = string | Uint8Array;

function setEquality(type: SetType): (a: Element, b: Element) => boolean {
  return (type === 'NS' ? numbersEqual : type === 'BS' ? bytesEqual : (a: string, b: string) => a === b) as (
    a: Element,
    b: Element,
  ) => boolean;
}

const elementsOf = (value: AttributeValue, type: SetType) => value[type] as Element[];
const makeSet = (type: SetType, elements: Element[]) => ({ [type]: elements }) as unknown as AttributeValue;

function addValues(existing: AttributeValue | undefined, value: AttributeValue, legacy: boolean): AttributeValue {
  if (existing === undefined) return normalizeValue(value);
  const type = typeOf(value);
  if (typeOf(existing) !== type) throw legacyAware(legacy);
  if (type === 'N') return { N: formatDecimal(addDecimals(parseDecimal(existing.N!), parseDecimal(value.N!))) };
  if (type === 'L') return { L: [...existing.L!, ...value.L!] };
  const current = elementsOf(existing, type as SetType);
  const equal = setEquality(type as SetType);
  const added = elementsOf(value, type as SetType).filter((element) => !setHas(current, element, equal));
  return normalizeValue(makeSet(type as SetType, [...current, ...added]));
}

function deleteValues(existing: AttributeValue, value: AttributeValue, legacy: boolean): AttributeValue | undefined {
  const type = typeOf(value) as SetType;
  if (typeOf(existing) !== type) throw legacyAware(legacy);
  const equal = setEquality(type);
  const removed = elementsOf(value, type);
  const remaining = elementsOf(existing, type).filter((element) => !setHas(removed, element, equal));
  return remaining.length === 0 ? undefined : makeSet(type, remaining);
}

// AttributeUpdates reports ADD/DELETE type mismatches in its own words (dynalite test/updateItem.js, run against real DynamoDB).
const legacyAware = (legacy: boolean) => (legacy ? validationError('Type mismatch for attribute to update') : UpdateErrors.wrongType());

function removalOrder(a: UpdateAction, b: UpdateAction): number {
  const last = (action: UpdateAction) => action.path[action.path.length - 1];
  const ia = last(a);
  const ib = last(b);
  // list elements go highest index first, so each REMOVE addresses the element the client meant
  return typeof ia === 'number' && typeof ib === 'number' ? ib - ia : 0;
}

export function applyUpdate(
  plan: UpdatePlan,
  original: Item | undefined,
  keyAttributes: string[],
): { item: Item; updatedPaths: Path[] } {
  for (const action of plan.actions) {
    const top = action.path[0] as string;
    if (keyAttributes.includes(top)) throw UpdateErrors.keyAttribute(top);
  }
  const computed = plan.actions.map((action) => (action.t === 'SET' ? computeValue(action.value, original) : undefined));
  const item = original ? cloneItem(original) : {};
  plan.actions.forEach((action, i) => {
    if (action.t === 'SET') setAt(item, action.path, computed[i]!);
  });
  const removals = plan.actions.filter((action) => action.t === 'REMOVE').sort(removalOrder);
  for (const action of removals) removeAt(item, action.path);
  for (const action of plan.actions) {
    if (action.t !== 'ADD' && action.t !== 'DELETE') continue;
    parentOf(item, action.path);
    const existing = resolvePath(item, action.path);
    if (action.t === 'ADD') setAt(item, action.path, addValues(existing, action.value, plan.legacy === true));
    else if (existing !== undefined) {
      const remaining = deleteValues(existing, action.value, plan.legacy === true);
      if (remaining === undefined) removeAt(item, action.path);
      else setAt(item, action.path, remaining);
    }
  }
  return { item, updatedPaths: plan.actions.map((action) => action.path) };
}
