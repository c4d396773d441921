import { statesRuntime } from '../asl/errors.ts';
import { select, type PathRoots } from '../asl/jsonpath.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- choice rules are user JSON, read field by field */

/** Whether a JSONPath Choice rule (with And/Or/Not and every comparison operator ASL defines) matches. */
export function matches(rule: any, roots: PathRoots): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r: any) => matches(r, roots));
  if (Array.isArray(rule.Or)) return rule.Or.some((r: any) => matches(r, roots));
  if (rule.Not) return !matches(rule.Not, roots);
  const variable = select(rule.Variable, roots);
  if (rule.IsPresent !== undefined) return variable.found === rule.IsPresent;
  if (!variable.found) throw statesRuntime(`Invalid path '${rule.Variable}': The choice state's condition path references an invalid value.`);
  const value = variable.value;
  for (const [operator, operand] of Object.entries(rule)) {
    if (operator === 'Variable' || operator === 'Next' || operator === 'Comment' || operator === 'Assign' || operator === 'Output') continue;
    const base = operator.endsWith('Path') ? operator.slice(0, -4) : operator;
    const expected = operator.endsWith('Path') ? select(operand as string, roots) : { found: true, value: operand };
    if (!expected.found) throw statesRuntime(`Invalid path '${operand as string}': The choice state's condition path references an invalid value.`);
    return compare(base, value, expected.value);
  }
  return false;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

function ordered(a: unknown, b: unknown, kind: 'String' | 'Numeric' | 'Timestamp'): number | undefined {
  if (kind === 'String') return typeof a === 'string' && typeof b === 'string' ? (a < b ? -1 : a > b ? 1 : 0) : undefined;
  if (kind === 'Numeric') return typeof a === 'number' && typeof b === 'number' ? a - b : undefined;
  return isTimestamp(a) && isTimestamp(b) ? Date.parse(a) - Date.parse(b) : undefined;
}

function wildcard(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') source += '.*';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function compare(operator: string, value: unknown, operand: unknown): boolean {
  switch (operator) {
    case 'IsNull':
      return (value === null) === operand;
    case 'IsNumeric':
      return (typeof value === 'number') === operand;
    case 'IsString':
      return (typeof value === 'string') === operand;
    case 'IsBoolean':
      return (typeof value === 'boolean') === operand;
    case 'IsTimestamp':
      return isTimestamp(value) === operand;
    case 'BooleanEquals':
      return typeof value === 'boolean' && value === operand;
    case 'StringMatches':
      return typeof value === 'string' && typeof operand === 'string' && wildcard(operand).test(value);
  }
  const kind = (['String', 'Numeric', 'Timestamp'] as const).find((k) => operator.startsWith(k));
  if (!kind) throw statesRuntime(`Unsupported choice operator: ${operator}`);
  const order = ordered(value, operand, kind);
  if (order === undefined) return false;
  switch (operator.slice(kind.length)) {
    case 'Equals':
      return order === 0;
    case 'LessThan':
      return order < 0;
    case 'GreaterThan':
      return order > 0;
    case 'LessThanEquals':
      return order <= 0;
    case 'GreaterThanEquals':
      return order >= 0;
  }
  throw statesRuntime(`Unsupported choice operator: ${operator}`);
}
