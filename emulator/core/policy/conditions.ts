import { isIP } from 'node:net';
import type { ContextValues } from './context.ts';
import type { Condition } from './document.ts';
import { arnMatches, substituteVariables, wildcardMatch } from './match.ts';

/** Compares one request value with one policy value. */
type Comparator = (requestValue: string, policyValue: string) => boolean;

function numeric(compare: (a: number, b: number) => boolean): Comparator {
  return (a, b) => {
    const x = Number(a);
    const y = Number(b);
    return a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) && compare(x, y);
  };
}

/** Dates are ISO 8601 text or epoch seconds. */
function epochMs(text: string): number {
  return /^-?\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
}

function date(compare: (a: number, b: number) => boolean): Comparator {
  return (a, b) => {
    const x = epochMs(a);
    const y = epochMs(b);
    return Number.isFinite(x) && Number.isFinite(y) && compare(x, y);
  };
}

function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const family = isIP(base);
  if (!family || isIP(ip) !== family) return false;
  const bits = bitsText === undefined ? (family === 4 ? 32 : 128) : Number(bitsText);
  const a = ipBits(ip, family);
  const b = ipBits(base, family);
  return a.slice(0, bits) === b.slice(0, bits);
}

function ipBits(ip: string, family: number): string {
  if (family === 4) return ip.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('');
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.map((g) => parseInt(g || '0', 16).toString(2).padStart(16, '0')).join('');
}

/** Positive operators; each `Not` operator is the negation of one of these. */
const POSITIVE: Record<string, Comparator> = {
  StringEquals: (a, b) => a === b,
  StringEqualsIgnoreCase: (a, b) => a.toLowerCase() === b.toLowerCase(),
  StringLike: (a, b) => wildcardMatch(b, a),
  NumericEquals: numeric((a, b) => a === b),
  NumericLessThan: numeric((a, b) => a < b),
  NumericLessThanEquals: numeric((a, b) => a <= b),
  NumericGreaterThan: numeric((a, b) => a > b),
  NumericGreaterThanEquals: numeric((a, b) => a >= b),
  DateEquals: date((a, b) => a === b),
  DateLessThan: date((a, b) => a < b),
  DateLessThanEquals: date((a, b) => a <= b),
  DateGreaterThan: date((a, b) => a > b),
  DateGreaterThanEquals: date((a, b) => a >= b),
  Bool: (a, b) => a.toLowerCase() === b.toLowerCase(),
  BinaryEquals: (a, b) => a === b,
  IpAddress: (a, b) => ipInCidr(a, b),
  ArnEquals: (a, b) => arnMatches(b, a),
  ArnLike: (a, b) => arnMatches(b, a),
};

const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

interface ParsedOperator {
  base: string;
  set?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
}

export function parseOperator(operator: string): ParsedOperator | undefined {
  let rest = operator;
  let set: ParsedOperator['set'];
  for (const prefix of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${prefix}:`)) {
      set = prefix;
      rest = rest.slice(prefix.length + 1);
    }
  }
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  if (rest !== 'Null' && !POSITIVE[rest] && !NEGATED[rest]) return undefined;
  return { base: rest, set, ifExists };
}

/** Whether one condition (operator + key + values) holds for the request context. */
export function conditionHolds(condition: Condition, context: ContextValues): boolean {
  const op = parseOperator(condition.operator);
  if (!op) return false;
  const requestValues = context.get(condition.key);
  if (op.base === 'Null') {
    const wantsAbsent = condition.values.some((v) => v.toLowerCase() === 'true');
    return wantsAbsent === (requestValues === undefined || requestValues.length === 0);
  }
  const negated = Object.hasOwn(NEGATED, op.base);
  const compare = POSITIVE[negated ? NEGATED[op.base] : op.base];
  const policyValues = condition.values.map((v) => substituteVariables(v, context)).filter((v): v is string => v !== undefined);
  const matchesAny = (value: string) => policyValues.some((p) => compare(value, p));
  const valueHolds = (value: string) => (negated ? !matchesAny(value) : matchesAny(value));
  if (requestValues === undefined || requestValues.length === 0) {
    // A missing key: IfExists and ForAllValues hold; negated operators hold; the rest do not.
    if (op.ifExists || op.set === 'ForAllValues') return true;
    return negated && op.set !== 'ForAnyValue';
  }
  if (op.set === 'ForAllValues') return requestValues.every(valueHolds);
  if (op.set === 'ForAnyValue') return requestValues.some(valueHolds);
  return negated ? requestValues.every(valueHolds) : requestValues.some(valueHolds);
}

/** All conditions of a statement hold (operators, keys and statements combine with AND; values with OR). */
export function conditionsHold(conditions: Condition[], context: ContextValues): boolean {
  for (const condition of conditions) if (!conditionHolds(condition, context)) return false;
  return true;
}

/** Operator names IAM accepts (for validation). */
export function isKnownOperator(operator: string): boolean {
  return parseOperator(operator) !== undefined;
}
