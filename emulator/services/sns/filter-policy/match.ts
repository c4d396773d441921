import { isIP } from 'node:net';
import type { PublishedMessage } from '../envelope.ts';
import { ipToBigInt } from './validate.ts';

export type Condition =
  | { type: 'exact'; value: string }
  | { type: 'numeric-exact'; value: number }
  | { type: 'literal'; value: boolean | null }
  | { type: 'prefix' | 'suffix' | 'equals-ignore-case' | 'anything-but-prefix'; value: string }
  | { type: 'exists'; value: boolean }
  | { type: 'cidr'; network: bigint; bits: number; family: 4 | 6 }
  | { type: 'numeric'; ranges: { op: string; value: number }[] }
  | { type: 'anything-but'; values: (string | number)[] };

export interface PolicyNode {
  keys: { key: string; conditions?: Condition[]; nested?: PolicyNode }[];
  /** Each `$or` entry: branches of which one must match. */
  or: PolicyNode[][];
}

export interface CompiledFilter {
  matches(message: PublishedMessage): boolean;
}

/** A value found in the message: a string or a number (typed as the attribute or the JSON says), or JSON's literals. */
type Found = string | number | boolean | null;

function compareNumber(op: string, actual: number, expected: number): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    default:
      return actual >= expected;
  }
}

function conditionMatches(condition: Condition, value: Found): boolean {
  switch (condition.type) {
    case 'exact':
      return typeof value === 'string' && value === condition.value;
    case 'numeric-exact':
      return typeof value === 'number' && value === condition.value;
    case 'literal':
      return value === condition.value;
    case 'prefix':
      return typeof value === 'string' && value.startsWith(condition.value);
    case 'suffix':
      return typeof value === 'string' && value.endsWith(condition.value);
    case 'equals-ignore-case':
      return typeof value === 'string' && value.toLowerCase() === condition.value.toLowerCase();
    case 'anything-but-prefix':
      return typeof value === 'string' && !value.startsWith(condition.value);
    case 'anything-but':
      return !condition.values.some((v) => v === value);
    case 'numeric':
      return typeof value === 'number' && condition.ranges.every((r) => compareNumber(r.op, value, r.value));
    case 'cidr': {
      if (typeof value !== 'string' || isIP(value) !== condition.family) return false;
      const width = condition.family === 4 ? 32 : 128;
      return ipToBigInt(value, condition.family) >> BigInt(width - condition.bits) === condition.network;
    }
    case 'exists':
      return condition.value;
  }
}

/** Whether the values found for one key (none when the key is absent) satisfy its list of conditions (any of them). */
function keyMatches(conditions: Condition[], values: Found[] | undefined): boolean {
  return conditions.some((condition) => {
    if (condition.type === 'exists') return condition.value === (values !== undefined);
    if (values === undefined) return false;
    return values.some((value) => conditionMatches(condition, value));
  });
}

/** Attribute values as the filter sees them: numbers for Number, each element for String.Array, nothing for Binary. */
function attributeValues(message: PublishedMessage, key: string): Found[] | undefined {
  const attribute = Object.hasOwn(message.attributes, key) ? message.attributes[key] : undefined;
  if (!attribute) return undefined;
  const type = attribute.DataType ?? '';
  if (type.startsWith('Binary')) return [];
  if (type.startsWith('Number')) return [Number(attribute.StringValue)];
  if (type === 'String.Array') {
    try {
      const parsed = JSON.parse(attribute.StringValue ?? '') as unknown;
      if (Array.isArray(parsed)) return parsed.filter((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) as Found[];
    } catch {
      // Not a JSON array: matched as the plain string it is.
    }
  }
  return [attribute.StringValue ?? ''];
}

/** Values at `key` of a JSON body object, flattening arrays (of values or objects) as AWS does. */
function bodyValues(nodes: unknown[], key: string): unknown[] | undefined {
  const out: unknown[] = [];
  let present = false;
  for (const node of nodes) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, key)) continue;
    present = true;
    const value = (node as Record<string, unknown>)[key];
    if (Array.isArray(value)) out.push(...value);
    else out.push(value);
  }
  return present ? out : undefined;
}

function policyMatches(policy: PolicyNode, lookup: (key: string) => Found[] | undefined, nested: (key: string) => unknown[] | undefined): boolean {
  for (const entry of policy.keys) {
    if (entry.nested) {
      const inner = nested(entry.key);
      if (!matchesBody(entry.nested, inner ?? [])) {
        return false;
      }
    } else if (!keyMatches(entry.conditions!, lookup(entry.key))) {
      return false;
    }
  }
  return policy.or.every((branches) => branches.some((branch) => policyMatches(branch, lookup, nested)));
}

function matchesBody(policy: PolicyNode, nodes: unknown[]): boolean {
  const scalars = (values: unknown[] | undefined): Found[] | undefined =>
    values?.filter((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) as Found[] | undefined;
  return policyMatches(
    policy,
    (key) => scalars(bodyValues(nodes, key)),
    (key) => bodyValues(nodes, key)?.flatMap((v) => (Array.isArray(v) ? v : [v])),
  );
}

export function compileMatcher(policy: PolicyNode, scope: 'MessageAttributes' | 'MessageBody'): CompiledFilter {
  if (scope === 'MessageAttributes') {
    return { matches: (message) => policyMatches(policy, (key) => attributeValues(message, key), () => undefined) };
  }
  return {
    matches(message) {
      let body: unknown;
      try {
        body = JSON.parse(message.message);
      } catch {
        return false;
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
      return matchesBody(policy, [body]);
    },
  };
}
