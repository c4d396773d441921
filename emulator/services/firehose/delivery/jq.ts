/**
 * The part of jq 1.6 that Firehose's inline parsing (MetadataExtraction, `JsonParsingEngine: JQ-1.6`) is used with:
 * paths (`.a.b`, `.["k"]`, `.[0]`), pipes, `//`, object construction (`{id: .customer.id, year: .ts|strftime("%Y")}`),
 * literals, parentheses and the string, number and date functions below. Each expression yields one value.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = (input: Json) => Json;

export class JqError extends Error {}

const TOKEN = /\s*(\/\/|\.\[|[.|,:(){}[\]]|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_$][A-Za-z0-9_]*)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (/^\s*$/.test(text.slice(start))) break;
      throw new JqError(`jq: syntax error at position ${start}`);
    }
    tokens.push(match[1]);
  }
  return tokens;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** C strftime in UTC, as jq 1.6 formats epoch seconds. */
function strftime(seconds: Json, format: Json): string {
  if (typeof seconds !== 'number') throw new JqError('strftime/1 requires parsed datetime inputs');
  if (typeof format !== 'string') throw new JqError('strftime/1 requires a string format');
  const d = new Date(seconds * 1000);
  const dayOfYear = Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  const codes: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()),
    y: () => pad(d.getUTCFullYear() % 100),
    m: () => pad(d.getUTCMonth() + 1),
    d: () => pad(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2, ' '),
    H: () => pad(d.getUTCHours()),
    I: () => pad(d.getUTCHours() % 12 || 12),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    j: () => pad(dayOfYear, 3),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    A: () => DAYS[d.getUTCDay()],
    a: () => DAYS[d.getUTCDay()].slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()],
    b: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    s: () => String(Math.floor(seconds)),
    Z: () => 'UTC',
    z: () => '+0000',
    F: () => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    T: () => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    '%': () => '%',
  };
  return format.replace(/%(.)/g, (all, code: string) => (Object.hasOwn(codes, code) ? codes[code]() : all));
}

function typeName(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
}

function index(value: Json, key: Json): Json {
  if (value === null) return null;
  if (typeof key === 'string' && typeof value === 'object' && !Array.isArray(value)) return Object.hasOwn(value, key) ? value[key] : null;
  if (typeof key === 'number' && Array.isArray(value)) return value.at(Math.trunc(key)) ?? null;
  throw new JqError(`Cannot index ${typeName(value)} with ${typeof key === 'string' ? `"${key}"` : typeName(key)}`);
}

function tostring(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const FUNCTIONS: Record<string, (input: Json, args: Json[]) => Json> = {
  tostring: (v) => tostring(v),
  tonumber: (v) => {
    const n = typeof v === 'number' ? v : Number(v);
    if (typeof v !== 'number' && (typeof v !== 'string' || v.trim() === '' || Number.isNaN(n))) throw new JqError(`Cannot parse ${tostring(v)} as a number`);
    return n;
  },
  ascii_downcase: (v) => (typeof v === 'string' ? v.replace(/[A-Z]/g, (c) => c.toLowerCase()) : fail('ascii_downcase input must be a string')),
  ascii_upcase: (v) => (typeof v === 'string' ? v.replace(/[a-z]/g, (c) => c.toUpperCase()) : fail('ascii_upcase input must be a string')),
  length: (v) => (v === null ? 0 : typeof v === 'string' || Array.isArray(v) ? v.length : typeof v === 'object' ? Object.keys(v).length : typeof v === 'number' ? Math.abs(v) : fail('boolean has no length')),
  keys: (v) => (v !== null && typeof v === 'object' ? (Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v).sort()) : fail(`${typeName(v)} has no keys`)),
  tojson: (v) => JSON.stringify(v),
  fromjson: (v) => (typeof v === 'string' ? (JSON.parse(v) as Json) : fail('fromjson input must be a string')),
  floor: (v) => (typeof v === 'number' ? Math.floor(v) : fail('floor input must be a number')),
  not: (v) => v === null || v === false,
  strftime: (v, [format]) => strftime(v, format),
  todate: (v) => strftime(v, '%Y-%m-%dT%H:%M:%SZ'),
  split: (v, [sep]) => (typeof v === 'string' && typeof sep === 'string' ? v.split(sep) : fail('split input and separator must be strings')),
  join: (v, [sep]) => (Array.isArray(v) && typeof sep === 'string' ? v.map((x) => (x === null ? '' : tostring(x))).join(sep) : fail('Cannot join with a non-array')),
  ltrimstr: (v, [s]) => (typeof v === 'string' && typeof s === 'string' && v.startsWith(s) ? v.slice(s.length) : v),
  rtrimstr: (v, [s]) => (typeof v === 'string' && typeof s === 'string' && s && v.endsWith(s) ? v.slice(0, -s.length) : v),
  startswith: (v, [s]) => (typeof v === 'string' && typeof s === 'string' ? v.startsWith(s) : fail('startswith() requires string inputs')),
  endswith: (v, [s]) => (typeof v === 'string' && typeof s === 'string' ? v.endsWith(s) : fail('endswith() requires string inputs')),
};
const ARITY: Record<string, number> = { strftime: 1, split: 1, join: 1, ltrimstr: 1, rtrimstr: 1, startswith: 1, endswith: 1 };

function fail(message: string): never {
  throw new JqError(message);
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Node {
    const node = this.pipe();
    if (this.i < this.tokens.length) throw new JqError(`jq: syntax error, unexpected ${this.tokens[this.i]}`);
    return node;
  }

  private peek = () => this.tokens[this.i];
  private next = () => this.tokens[this.i++];
  private expect(token: string) {
    if (this.next() !== token) throw new JqError(`jq: syntax error, expected ${token}`);
  }

  private pipe(): Node {
    let left = this.alternative();
    while (this.peek() === '|') {
      this.next();
      const first = left;
      const right = this.alternative();
      left = (input) => right(first(input));
    }
    return left;
  }

  private alternative(): Node {
    let left = this.postfix();
    while (this.peek() === '//') {
      this.next();
      const first = left;
      const right = this.postfix();
      left = (input) => {
        let value: Json = null;
        try {
          value = first(input);
        } catch {
          value = null;
        }
        return value === null || value === false ? right(input) : value;
      };
    }
    return left;
  }

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      const token = this.peek();
      if (token === '.' && /^[A-Za-z_]/.test(this.tokens[this.i + 1] ?? '')) {
        this.next();
        const key = this.next();
        const base = node;
        node = (input) => index(base(input), key);
      } else if (token === '[' || token === '.[') {
        this.next();
        const key = this.pipe();
        this.expect(']');
        const base = node;
        node = (input) => index(base(input), key(input));
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    const token = this.next();
    if (token === undefined) throw new JqError('jq: syntax error, unexpected end of input');
    if (token === '.') {
      if (/^[A-Za-z_]/.test(this.peek() ?? '')) {
        const key = this.next();
        return (input) => index(input, key);
      }
      return (input) => input;
    }
    if (token === '.[') {
      const key = this.pipe();
      this.expect(']');
      return (input) => index(input, key(input));
    }
    if (token.startsWith('"')) {
      const value = JSON.parse(token) as string;
      return () => value;
    }
    if (/^-?\d/.test(token)) {
      const value = Number(token);
      return () => value;
    }
    if (token === '(') {
      const inner = this.pipe();
      this.expect(')');
      return inner;
    }
    if (token === '{') return this.object();
    if (token === 'null' || token === 'true' || token === 'false') {
      const value = JSON.parse(token) as Json;
      return () => value;
    }
    if (Object.hasOwn(FUNCTIONS, token)) {
      const args: Node[] = [];
      if (this.peek() === '(') {
        this.next();
        args.push(this.pipe());
        while (this.peek() === ',') {
          this.next();
          args.push(this.pipe());
        }
        this.expect(')');
      }
      if (args.length !== (ARITY[token] ?? 0)) throw new JqError(`jq: error: ${token}/${args.length} is not defined`);
      const fn = FUNCTIONS[token];
      return (input) => fn(input, args.map((a) => a(input)));
    }
    throw new JqError(`jq: error: ${token}/0 is not defined`);
  }

  private object(): Node {
    const entries: [Node, Node][] = [];
    while (this.peek() !== '}') {
      const keyToken = this.next();
      if (keyToken === undefined) throw new JqError('jq: syntax error, unterminated object');
      const key = keyToken.startsWith('"') ? (JSON.parse(keyToken) as string) : keyToken;
      if (!keyToken.startsWith('"') && !/^[A-Za-z_]/.test(keyToken)) throw new JqError(`jq: syntax error, unexpected ${keyToken}`);
      let value: Node;
      if (this.peek() === ':') {
        this.next();
        value = this.pipe();
      } else {
        value = (input) => index(input, key);
      }
      entries.push([() => key, value]);
      if (this.peek() === ',') this.next();
      else if (this.peek() !== '}') throw new JqError('jq: syntax error in object construction');
    }
    this.next();
    return (input) => Object.fromEntries(entries.map(([k, v]) => [k(input) as string, v(input)]));
  }
}

/** Compiles a jq expression; throws JqError for what jq 1.6 would refuse (or what this subset does not know). */
export function compileJq(expression: string): (input: unknown) => unknown {
  const node = new Parser(tokenize(expression)).parse();
  return (input) => node(input as Json);
}
