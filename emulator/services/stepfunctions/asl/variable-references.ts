/**
 * The variables each state reads (DescribeStateMachine's `variableReferences`): `$name` in JSONata expressions and
 * JSONPath references, `$states` and JSONata's own functions aside.
 */
const JSONATA_BUILTINS = new Set(['states', 'string', 'number', 'boolean', 'count', 'sum', 'max', 'min', 'average', 'length', 'substring', 'uppercase', 'lowercase', 'join', 'split', 'map', 'filter', 'reduce', 'keys', 'lookup', 'append', 'exists', 'not', 'partition', 'range', 'hash', 'random', 'uuid', 'parse']);

function scan(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    const jsonata = /^\{%(.*)%\}$/s.exec(value);
    const text = jsonata ? jsonata[1].replace(/'[^']*'|"[^"]*"/g, '') : value;
    if (!jsonata && !value.startsWith('$')) return;
    for (const m of text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)(?!\s*\()/g)) if (!JSONATA_BUILTINS.has(m[1])) out.add(m[1]);
    return;
  }
  if (Array.isArray(value)) for (const v of value) scan(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) scan(v, out);
}

function collect(states: Record<string, Record<string, unknown>> | undefined, into: Record<string, string[]>): void {
  for (const [name, state] of Object.entries(states ?? {})) {
    const found = new Set<string>();
    for (const [field, value] of Object.entries(state)) {
      if (field === 'Branches' || field === 'ItemProcessor' || field === 'Iterator') continue;
      scan(value, found);
    }
    if (found.size) into[name] = [...found];
    for (const branch of (state.Branches as { States?: Record<string, Record<string, unknown>> }[] | undefined) ?? []) collect(branch.States, into);
    const processor = (state.ItemProcessor ?? state.Iterator) as { States?: Record<string, Record<string, unknown>> } | undefined;
    if (processor) collect(processor.States, into);
  }
}

export function variableReferences(definition: string): Record<string, string[]> | undefined {
  try {
    const out: Record<string, string[]> = {};
    collect((JSON.parse(definition) as { States?: Record<string, Record<string, unknown>> }).States, out);
    return Object.keys(out).length ? out : undefined;
  } catch {
    return undefined;
  }
}
