/** Request context keys (lower-case) and their values; single-valued keys hold a one-element list. */
export type ContextValues = Map<string, string[]>;

/** Builds a context from plain key/value pairs, lower-casing the keys. Undefined values are left out. */
export function contextOf(entries: Record<string, string | string[] | undefined>): ContextValues {
  const context: ContextValues = new Map();
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    context.set(key.toLowerCase(), Array.isArray(value) ? value : [value]);
  }
  return context;
}
