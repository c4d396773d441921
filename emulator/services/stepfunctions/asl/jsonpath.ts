import { statesRuntime } from './errors.ts';

/**
 * JSONPath as Step Functions evaluates it (Jayway semantics): `$` the input, `$$` the context object, `$name` a
 * variable; dot and bracket members, indexes (negative from the end), `*`, slices, unions, deep scan `..`, filters
 * `[?(@.price < 10 && @.tag)]` and `length()`. A path with a wildcard, slice, union, deep scan or filter is
 * indefinite: it yields the list of matches (possibly empty); a definite path yields its one value, or nothing.
 */
type Segment =
  | { kind: 'member'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'slice'; start?: number; end?: number; step?: number }
  | { kind: 'union'; keys: (string | number)[] }
  | { kind: 'deep'; then: Segment }
  | { kind: 'filter'; test: Filter }
  | { kind: 'length' };

type Filter = (item: unknown) => boolean;

export interface CompiledPath {
  readonly text: string;
  /** `$`, `$$`, or the variable's name. */
  readonly root: string;
  readonly segments: Segment[];
  readonly definite: boolean;
}

export interface PathRoots {
  input: unknown;
  context?: unknown;
  variables?: ReadonlyMap<string, unknown>;
}

const cache = new Map<string, CompiledPath>();

export function compilePath(text: string): CompiledPath {
  let compiled = cache.get(text);
  if (!compiled) {
    compiled = new Parser(text).parse();
    if (cache.size > 10_000) cache.clear();
    cache.set(text, compiled);
  }
  return compiled;
}

export function isPath(text: string): boolean {
  try {
    compilePath(text);
    return true;
  } catch {
    return false;
  }
}

/** Every match of the path (a definite path's value as the only element, or none). */
export function selectAll(text: string, roots: PathRoots): unknown[] {
  const path = compilePath(text);
  let current: unknown[] = [rootValue(path, roots)];
  for (const segment of path.segments) current = current.flatMap((value) => step(segment, value));
  return current;
}

/** A path's value: one value for a definite path, the list of matches for an indefinite one; `found` false when a definite path misses. */
export function select(text: string, roots: PathRoots): { found: boolean; value: unknown } {
  const path = compilePath(text);
  const values = selectAll(text, roots);
  if (path.definite) return values.length ? { found: true, value: values[0] } : { found: false, value: undefined };
  return { found: true, value: values };
}

/** A path's value, or States.Runtime as AWS words it when a definite path finds nothing. */
export function selectOrThrow(text: string, roots: PathRoots): unknown {
  const { found, value } = select(text, roots);
  if (!found) throw statesRuntime(`Invalid path '${text}' : No results for path: ${canonical(compilePath(text))}`);
  return value;
}

function rootValue(path: CompiledPath, roots: PathRoots): unknown {
  if (path.root === '$') return roots.input;
  if (path.root === '$$') return roots.context;
  const name = path.root.slice(1);
  if (!roots.variables?.has(name)) throw statesRuntime(`The JSONPath '${path.text}' could not be found: variable '${path.root}' is not defined`);
  return roots.variables.get(name);
}

/** Jayway's canonical form of a path, as AWS quotes it in error causes: `$['a']['b'][0]`. */
function canonical(path: CompiledPath): string {
  return (
    path.root +
    path.segments
      .map((s) => {
        if (s.kind === 'member') return `['${s.name}']`;
        if (s.kind === 'index') return `[${s.index}]`;
        if (s.kind === 'wildcard') return '[*]';
        if (s.kind === 'length') return '.length()';
        return '';
      })
      .join('')
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function step(segment: Segment, value: unknown): unknown[] {
  switch (segment.kind) {
    case 'member':
      return isObject(value) && Object.hasOwn(value, segment.name) ? [value[segment.name]] : [];
    case 'index': {
      if (!Array.isArray(value)) return [];
      const index = segment.index < 0 ? value.length + segment.index : segment.index;
      return index >= 0 && index < value.length ? [value[index]] : [];
    }
    case 'wildcard':
      return Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
    case 'slice':
      return Array.isArray(value) ? slice(value, segment) : [];
    case 'union':
      return segment.keys.flatMap((key) => step(typeof key === 'number' ? { kind: 'index', index: key } : { kind: 'member', name: key }, value));
    case 'deep':
      return descendants(value).flatMap((v) => step(segment.then, v));
    case 'filter': {
      const items = Array.isArray(value) ? value : isObject(value) ? [value] : [];
      return items.filter((item) => segment.test(item));
    }
    case 'length':
      return Array.isArray(value) ? [value.length] : typeof value === 'string' ? [value.length] : isObject(value) ? [Object.keys(value).length] : [];
  }
}

function slice(array: unknown[], { start, end, step: by = 1 }: { start?: number; end?: number; step?: number }): unknown[] {
  const n = array.length;
  const norm = (i: number) => (i < 0 ? Math.max(0, n + i) : Math.min(n, i));
  const from = start === undefined ? 0 : norm(start);
  const to = end === undefined ? n : norm(end);
  const out: unknown[] = [];
  for (let i = from; i < to; i += Math.max(1, by)) out.push(array[i]);
  return out;
}

function descendants(value: unknown): unknown[] {
  const out: unknown[] = [value];
  const children = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  for (const child of children) out.push(...descendants(child));
  return out;
}

class Parser {
  private pos = 0;
  private definite = true;

  constructor(private readonly text: string) {}

  parse(): CompiledPath {
    const root = this.root();
    const segments: Segment[] = [];
    while (this.pos < this.text.length) segments.push(this.segment());
    return { text: this.text, root, segments, definite: this.definite };
  }

  private fail(): never {
    throw statesRuntime(`Invalid JSONPath: '${this.text}'`);
  }

  private root(): string {
    if (!this.text.startsWith('$')) this.fail();
    if (this.text.startsWith('$$')) {
      this.pos = 2;
      return '$$';
    }
    const variable = /^\$[A-Za-z_][A-Za-z0-9_]*/.exec(this.text);
    this.pos = variable ? variable[0].length : 1;
    return variable ? variable[0] : '$';
  }

  private segment(): Segment {
    const t = this.text;
    if (t.startsWith('..', this.pos)) {
      this.pos += 2;
      this.definite = false;
      if (t[this.pos] === '[') return { kind: 'deep', then: this.bracket() };
      return { kind: 'deep', then: this.dotMember() };
    }
    if (t[this.pos] === '.') {
      this.pos++;
      return this.dotMember();
    }
    if (t[this.pos] === '[') return this.bracket();
    return this.fail();
  }

  private dotMember(): Segment {
    if (this.text[this.pos] === '*') {
      this.pos++;
      this.definite = false;
      return { kind: 'wildcard' };
    }
    const match = /^[^.[\]]+/.exec(this.text.slice(this.pos));
    if (!match) this.fail();
    this.pos += match[0].length;
    if (match[0] === 'length()') return { kind: 'length' };
    return { kind: 'member', name: match[0] };
  }

  private bracket(): Segment {
    const close = this.matchingBracket(this.pos);
    const inner = this.text.slice(this.pos + 1, close).trim();
    this.pos = close + 1;
    if (inner === '*') {
      this.definite = false;
      return { kind: 'wildcard' };
    }
    if (inner.startsWith('?(') && inner.endsWith(')')) {
      this.definite = false;
      return { kind: 'filter', test: parseFilter(inner.slice(2, -1), this.text) };
    }
    const parts = splitTop(inner, ',').map((p) => p.trim());
    if (parts.length > 1) {
      this.definite = false;
      return { kind: 'union', keys: parts.map((p) => this.key(p)) };
    }
    if (/^-?\d*:-?\d*(:-?\d*)?$/.test(inner)) {
      this.definite = false;
      const [start, end, by] = inner.split(':').map((p) => (p === '' ? undefined : Number(p)));
      return { kind: 'slice', start, end, step: by };
    }
    const key = this.key(inner);
    return typeof key === 'number' ? { kind: 'index', index: key } : { kind: 'member', name: key };
  }

  private key(part: string): string | number {
    if (/^-?\d+$/.test(part)) return Number(part);
    const quoted = /^(['"])(.*)\1$/s.exec(part);
    if (!quoted) this.fail();
    return quoted[2].replace(/\\(.)/g, '$1');
  }

  private matchingBracket(open: number): number {
    let depth = 0;
    let quote: string | undefined;
    for (let i = open; i < this.text.length; i++) {
      const c = this.text[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return i;
    }
    return this.fail();
  }
}

/** Splits on a separator outside quotes, brackets and parentheses. */
function splitTop(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      out.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** A filter expression: `||` of `&&` of comparisons (`@.a == 'x'`, `@.n >= 3`, `@.flag`, `!@.flag`). */
function parseFilter(expression: string, pathText: string): Filter {
  const alternatives = splitTop(expression, '||').map((alt) => splitTop(alt, '&&').map((c) => comparison(c.trim(), pathText)));
  return (item) => alternatives.some((all) => all.every((test) => test(item)));
}

function comparison(text: string, pathText: string): Filter {
  if (text.startsWith('(') && text.endsWith(')')) return parseFilter(text.slice(1, -1), pathText);
  const match = /^(.+?)\s*(==|!=|<=|>=|<|>|=~)\s*(.+)$/s.exec(text);
  if (!match) {
    const negated = text.startsWith('!');
    const operand = operandOf(negated ? text.slice(1).trim() : text, pathText);
    return (item) => {
      const value = operand(item);
      return negated ? value === undefined : value !== undefined;
    };
  }
  const left = operandOf(match[1].trim(), pathText);
  const right = operandOf(match[3].trim(), pathText);
  const op = match[2];
  return (item) => compare(op, left(item), right(item));
}

function operandOf(text: string, pathText: string): (item: unknown) => unknown {
  if (text.startsWith('@')) {
    const sub = `$${text.slice(1)}`;
    return (item) => {
      const { found, value } = select(sub, { input: item });
      return found ? value : undefined;
    };
  }
  if (text.startsWith('/') && text.lastIndexOf('/') > 0) {
    const end = text.lastIndexOf('/');
    const regex = new RegExp(text.slice(1, end), text.slice(end + 1));
    return () => regex;
  }
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted) return () => quoted[2];
  try {
    const literal: unknown = JSON.parse(text);
    return () => literal;
  } catch {
    throw statesRuntime(`Invalid JSONPath: '${pathText}'`);
  }
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  switch (op) {
    case '==':
      return JSON.stringify(a) === JSON.stringify(b);
    case '!=':
      return JSON.stringify(a) !== JSON.stringify(b);
    case '=~':
      return b instanceof RegExp && typeof a === 'string' && b.test(a);
    default: {
      if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
      if (op === '<') return a < b;
      if (op === '<=') return a <= b;
      if (op === '>') return a > b;
      return a >= b;
    }
  }
}
