import type { JsonValue } from '../../verifier/contract/types.ts';

/** A JSONPath the way Pact and the verifier write it: `$.Messages[0].Body`, `$.Attributes['a.b']`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${parent}.${key}` : `${parent}['${key.replace(/'/g, "\\'")}']`;
}

/** Every string leaf of a JSON value with its path and the member name that holds it. */
export function* stringLeaves(value: JsonValue | undefined, path = '$', key?: string): Generator<{ path: string; key?: string; value: string }> {
  if (typeof value === 'string') yield { path, key, value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringLeaves(item, childPath(path, i), key);
  else if (value && typeof value === 'object') for (const [k, item] of Object.entries(value)) yield* stringLeaves(item, childPath(path, k), k);
}

/** Rebuilds a JSON value with `edit(value, path, key)` applied to each string leaf. */
export function mapLeaves(value: JsonValue, edit: (value: string, path: string, key?: string) => JsonValue, path = '$', key?: string): JsonValue {
  if (typeof value === 'string') return edit(value, path, key);
  if (Array.isArray(value)) return value.map((item, i) => mapLeaves(item, edit, childPath(path, i), key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, mapLeaves(item, edit, childPath(path, k), k)]));
  return value;
}
