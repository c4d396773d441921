import { compare, readValue, type Comparison, type Operator } from './compare.ts';

/** A compiled space-delimited pattern: whether a log line's fields satisfy it (recording each named field). */
export type DelimitedPattern = (message: string, fields: Map<string, unknown>) => boolean;

interface FieldSpec {
  name: string;
  /** Alternatives (`||`) of conjunctions (`&&`) of comparisons on this field. */
  conditions: Comparison[][];
}

const OPERATORS: Operator[] = ['!=', '<=', '>=', '=', '<', '>'];

/** Parses `[ip, id, user, timestamp, request = "*html*", status = 4* || status = 5*, bytes > 1000]` (`...` matches any fields). */
export function parseSpaceDelimited(text: string): DelimitedPattern {
  if (!text.endsWith(']')) throw new Error('Invalid character(s) in term');
  const specs: (FieldSpec | 'ellipsis')[] = [];
  for (const part of splitTopLevel(text.slice(1, -1))) {
    const trimmed = part.trim();
    if (trimmed === '...') {
      specs.push('ellipsis');
      continue;
    }
    const name = /^[A-Za-z_][\w-]*/.exec(trimmed)?.[0];
    if (!name) throw new Error('Invalid character(s) in term');
    specs.push({ name, conditions: parseConditions(trimmed, name) });
  }
  return (message, fields) => {
    const values = tokenize(message);
    const assigned = assign(specs, values);
    if (!assigned) return false;
    for (const [spec, value] of assigned) {
      fields.set(`$${spec.name}`, value);
      if (spec.conditions.length && !spec.conditions.some((all) => all.every((c) => compare(value, c)))) return false;
    }
    return true;
  };
}

function parseConditions(text: string, name: string): Comparison[][] {
  if (text === name) return [];
  return text.split('||').map((alternative) =>
    alternative.split('&&').map((conjunct) => {
      let rest = conjunct.trim();
      if (!rest.startsWith(name)) throw new Error('Invalid character(s) in term');
      rest = rest.slice(name.length).trimStart();
      const op = OPERATORS.find((o) => rest.startsWith(o));
      const value = op && readValue(rest.slice(op.length).trimStart());
      if (!op || !value) throw new Error('Invalid character(s) in term');
      return { op, value: value.value, text: value.text };
    }),
  );
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** Splits a log line on spaces, keeping `"quoted"` and `[bracketed]` values whole (without their delimiters). */
function tokenize(message: string): string[] {
  const out: string[] = [];
  for (const m of message.matchAll(/"([^"]*)"|\[([^\]]*)\]|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** Pairs specs with values; an ellipsis takes whatever count makes the rest line up. */
function assign(specs: (FieldSpec | 'ellipsis')[], values: string[]): [FieldSpec, string][] | undefined {
  const ellipsis = specs.indexOf('ellipsis');
  const named = specs.filter((s): s is FieldSpec => s !== 'ellipsis');
  if (ellipsis < 0) return named.length === values.length ? named.map((s, i) => [s, values[i]]) : undefined;
  if (values.length < named.length) return undefined;
  const before = specs.slice(0, ellipsis).filter((s): s is FieldSpec => s !== 'ellipsis');
  const after = specs.slice(ellipsis + 1).filter((s): s is FieldSpec => s !== 'ellipsis');
  return [...before.map((s, i): [FieldSpec, string] => [s, values[i]]), ...after.map((s, i): [FieldSpec, string] => [s, values[values.length - after.length + i]])];
}
