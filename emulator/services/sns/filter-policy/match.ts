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

/**
 * A JSON body as AWS filters it: every leaf value under its dotted path (`{"a": {"b.c": 1}}` and `{"a.b": {"c": 1}}`
 * both give `a.b.c`), arrays (of values, objects or arrays) contributing each of their elements.
 */
function flattenBody(value: unknown, path: string, out: Map<string, Found[]>): void {
  if (Array.isArray(value)) {
    for (const item of value) flattenBody(item, path, out);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flattenBody(item, path ? `${path}.${key}` : key, out);
    return;
  }
  let values = out.get(path);
  if (!values) out.set(path, (values = []));
  values.push(value as Found);
}

/** Whether a policy (keys at `prefix`, nested keys joined with dots) holds for the values found at each path. */
function policyMatches(policy: PolicyNode, lookup: (path: string) => Found[] | undefined, prefix = ''): boolean {
  for (const entry of policy.keys) {
    const path = `${prefix}${entry.key}`;
    if (entry.nested ? !policyMatches(entry.nested, lookup, `${path}.`) : !keyMatches(entry.conditions!, lookup(path))) return false;
  }
  return policy.or.every((branches) => branches.some((branch) => policyMatches(branch, lookup, prefix)));
}

export function compileMatcher(policy: PolicyNode, scope: 'MessageAttributes' | 'MessageBody'): CompiledFilter {
  if (scope === 'MessageAttributes') return { matches: (message) => policyMatches(policy, (key) => attributeValues(message, key)) };
  return {
    matches(message) {
      let body: unknown;
      try {
        body = JSON.parse(message.message);
      } catch {
        return false;
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
      const paths = new Map<string, Found[]>();
      flattenBody(body, '', paths);
      return policyMatches(policy, (path) => paths.get(path));
    },
  };
}
