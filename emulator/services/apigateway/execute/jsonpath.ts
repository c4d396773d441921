/** The JSONPath subset mapping templates use (`$`, `$.a.b`, `$.a[0]`, `$['a b']`, `$.a[*].b`), on parsed JSON. */
export function jsonPath(document: unknown, path: string): unknown {
  if (!path.startsWith('$')) return undefined;
  const tokens: string[] = [];
  const re = /\.([^.[\]]+)|\[(\d+|\*)\]|\['([^']*)'\]|\["([^"]*)"\]|\.\*/g;
  let match: RegExpExecArray | null;
  let consumed = 1;
  re.lastIndex = 1;
  while ((match = re.exec(path)) && match.index === consumed) {
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '*');
    consumed = re.lastIndex;
  }
  if (consumed !== path.length) return undefined;
  let current: unknown[] = [document];
  let many = false;
  for (const token of tokens) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      if (token === '*') {
        many = true;
        next.push(...(Array.isArray(value) ? value : Object.values(value)));
      } else if (Array.isArray(value) && /^\d+$/.test(token)) {
        if (Number(token) < value.length) next.push(value[Number(token)]);
      } else if (Object.hasOwn(value, token)) next.push((value as Record<string, unknown>)[token]);
    }
    current = next;
  }
  return many ? current : current[0];
}
