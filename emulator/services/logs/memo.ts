/**
 * A function of a text, remembered by the text (parsed policies, compiled transformers: pure derivations, so shared
 * between states), forgetting all past `limit` entries so that it cannot grow without end.
 */
export function memoized<T>(build: (text: string) => T, limit = 256): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      if (known.size >= limit) known.clear();
      value = build(text);
      known.set(text, value);
    }
    return value;
  };
}
