import { inRange } from './cidr.ts';
import type { CompiledPattern, FieldRule, Matcher, Scalar } from './types.ts';

/** A leaf of an event and the array elements it sits in (array id → index), for AWS's array consistency. */
interface Leaf {
  value: Scalar;
  trail: ReadonlyMap<number, number>;
}

/** An event flattened to its leaves by dotted path (`detail.state`); keys that contain dots join the same way. */
export type FlatEvent = Map<string, Leaf[]>;

export function flattenEvent(event: unknown): FlatEvent {
  const out: FlatEvent = new Map();
  let arrays = 0;
  const walk = (value: unknown, path: string, trail: ReadonlyMap<number, number>) => {
    if (Array.isArray(value)) {
      const id = arrays++;
      value.forEach((item, i) => walk(item, path, new Map(trail).set(id, i)));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key, trail);
    } else {
      let leaves = out.get(path);
      if (!leaves) out.set(path, (leaves = []));
      leaves.push({ value: value as Scalar, trail });
    }
  };
  walk(event, '', new Map());
  return out;
}

/**
 * Whether an event matches a pattern: every field of one of the pattern's alternatives has a matching leaf, and the
 * leaves chosen inside arrays of objects come from the same array element (AWS's array consistency).
 */
export function matchesPattern(pattern: CompiledPattern, event: FlatEvent): boolean {
  return pattern.some((rule) => fieldsMatch(rule, 0, event, new Map()));
}

function fieldsMatch(rule: FieldRule[], i: number, event: FlatEvent, chosen: ReadonlyMap<number, number>): boolean {
  if (i === rule.length) return true;
  const { path, matchers } = rule[i];
  const leaves = event.get(path) ?? [];
  for (const matcher of matchers) {
    if (matcher.type === 'exists' && !matcher.exists) {
      if (!leaves.length && fieldsMatch(rule, i + 1, event, chosen)) return true;
      continue;
    }
    for (const leaf of leaves) {
      if (!consistent(leaf.trail, chosen) || !matchesLeaf(matcher, leaf.value)) continue;
      if (fieldsMatch(rule, i + 1, event, merge(chosen, leaf.trail))) return true;
    }
  }
  return false;
}

function consistent(trail: ReadonlyMap<number, number>, chosen: ReadonlyMap<number, number>): boolean {
  for (const [id, index] of trail) if (chosen.has(id) && chosen.get(id) !== index) return false;
  return true;
}

function merge(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): ReadonlyMap<number, number> {
  if (!b.size) return a;
  return new Map([...a, ...b]);
}

export function matchesLeaf(matcher: Matcher, value: Scalar): boolean {
  switch (matcher.type) {
    case 'exact':
      return matcher.value === value;
    case 'prefix':
    case 'suffix': {
      if (typeof value !== 'string') return false;
      const [text, target] = matcher.ignoreCase ? [value.toLowerCase(), matcher.text.toLowerCase()] : [value, matcher.text];
      return matcher.type === 'prefix' ? text.startsWith(target) : text.endsWith(target);
    }
    case 'equals-ignore-case':
      return typeof value === 'string' && value.toLowerCase() === matcher.text.toLowerCase();
    case 'wildcard':
      return typeof value === 'string' && matcher.regex.test(value);
    case 'numeric':
      return typeof value === 'number' && matcher.bounds.every((b) => compare(value, b.op, b.value));
    case 'exists':
      return matcher.exists;
    case 'cidr':
      return typeof value === 'string' && inRange(matcher.range, value);
    case 'anything-but':
      return !matcher.inner.some((inner) => matchesLeaf(inner, value));
  }
}

function compare(value: number, op: string, bound: number): boolean {
  switch (op) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    default:
      return value === bound;
  }
}
