/** Parse results per expression text: requests repeat the same expressions, and so do their syntax errors. */
const MAX_ENTRIES = 2000;

type Entry = { value: unknown } | { error: unknown };
const entries = new Map<string, Entry>();

export function cachedParse<T>(kind: string, expression: string, parse: () => T): T {
  const key = `${kind}\u0000${expression}`;
  let entry = entries.get(key);
  if (!entry) {
    try {
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
