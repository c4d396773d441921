/**
 * The entry point of every expression parse: DynamoDB's limits on the raw text first, then the parse, both cached
 * per expression text (requests repeat the same expressions, and so do their errors).
 */
import type { ExpressionKind } from './errors.ts';
import { checkExpressionSize, checkOperatorCount } from './limits.ts';

const MAX_ENTRIES = 2000;

type Entry = { value: unknown } | { error: unknown };
const entries = new Map<string, Entry>();

export function cachedParse<T>(kind: ExpressionKind, expression: string, parse: () => T): T {
  // before the cache, so that oversized texts are never kept in it
  checkExpressionSize(kind, expression);
  const key = `${kind}\u0000${expression}`;
  let entry = entries.get(key);
  if (!entry) {
    try {
      checkOperatorCount(kind, expression);
      entry = { value: parse() };
    } catch (error) {
      entry = { error };
    }
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, entry);
  }
  if ('error' in entry) throw entry.error;
  return entry.value as T;
}
