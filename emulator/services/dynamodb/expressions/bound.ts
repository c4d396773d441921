/** Expressions with the request's names and values substituted: what evaluation and update application run. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Comparator } from './syntax.ts';

/** Attribute path, e.g. ['a', 'b', 0] for a.b[0]. */
export type Path = (string | number)[];

export type Operand =
  | { t: 'path'; path: Path }
  | { t: 'const'; value: AttributeValue }
  | { t: 'size'; path: Path }
  | { t: 'if_not_exists'; path: Path; fallback: Operand }
  | { t: 'list_append'; left: Operand; right: Operand }
  | { t: 'arith'; op: '+' | '-'; left: Operand; right: Operand };

export type Condition =
  | { t: 'compare'; op: Comparator; left: Operand; right: Operand }
  | { t: 'between'; subject: Operand; low: Operand; high: Operand }
  | { t: 'in'; subject: Operand; list: Operand[] }
  | { t: 'exists'; path: Path; expected: boolean }
  | { t: 'attribute_type'; path: Path; type: Operand }
  | { t: 'begins_with'; subject: Operand; prefix: Operand }
  | { t: 'contains'; path: Path; operand: Operand }
  | { t: 'and' | 'or'; left: Condition; right: Condition }
  | { t: 'not'; operand: Condition }
  /** An empty legacy filter (e.g. Expected: {}) matches everything. */
  | { t: 'always' };

export type UpdateAction =
  | { t: 'SET'; path: Path; value: Operand }
  | { t: 'REMOVE'; path: Path }
  | { t: 'ADD' | 'DELETE'; path: Path; value: AttributeValue };

export interface UpdatePlan {
  actions: UpdateAction[];
  /** AttributeUpdates semantics (ADD appends lists, type errors worded for the legacy API). */
  legacy?: boolean;
}

/** "[a, b, [0]]" as AWS prints document paths in overlap errors (dynalite test/updateItem.js, run against real DynamoDB). */
export function formatPath(path: Path): string {
  return `[${path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment)).join(', ')}]`;
}
