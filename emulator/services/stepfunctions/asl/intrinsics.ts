import { createHash, randomUUID } from 'node:crypto';
import { statesRuntime, StatesError } from './errors.ts';
import { selectOrThrow, type PathRoots } from './jsonpath.ts';

/**
 * ASL's intrinsic functions (`States.Format('{} {}', $.a, 'b')`, nested calls, paths and literals as arguments),
 * as the Amazon States Language specification and AWS's documentation define them.
 */
type Arg = { kind: 'literal'; value: unknown } | { kind: 'path'; path: string } | { kind: 'call'; name: string; args: Arg[] };

export function isIntrinsic(text: string): boolean {
  return /^States\.[A-Za-z0-9]+\(/.test(text.trim());
}

export function evaluateIntrinsic(text: string, roots: PathRoots): unknown {
  const parser = new IntrinsicParser(text.trim());
  const call = parser.call();
  parser.end();
  return run(call, roots);
}

function run(arg: Arg, roots: PathRoots): unknown {
  if (arg.kind === 'literal') return arg.value;
  if (arg.kind === 'path') return selectOrThrow(arg.path, roots);
  const fn = Object.hasOwn(FUNCTIONS, arg.name) ? FUNCTIONS[arg.name] : undefined;
  if (!fn) throw statesRuntime(`The function '${arg.name}' is not supported`);
  return fn(arg.args.map((a) => run(a, roots)), arg.name);
}

const failure = (message: string) => new StatesError('States.IntrinsicFailure', message);

function expectArgs(name: string, args: unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw failure(`${name} expects ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`);
}

function expectString(name: string, value: unknown): string {
  if (typeof value !== 'string') throw failure(`${name}: expected a string argument, got ${JSON.stringify(value)}`);
  return value;
}

function expectArray(name: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw failure(`${name}: expected an array argument, got ${JSON.stringify(value)}`);
  return value;
}

function expectInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw failure(`${name}: expected a number argument, got ${JSON.stringify(value)}`);
  return Math.trunc(value);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A seeded generator (mulberry32) for States.MathRandom's optional seed: same seed, same number. */
function seeded(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function format(args: unknown[], name: string): string {
  if (args.length < 1) throw failure(`${name} expects at least 1 argument`);
  const template = expectString(name, args[0]);
  const values = args.slice(1);
  const placeholders = template.match(/(?<!\\)\{\}/g)?.length ?? 0;
  if (placeholders !== values.length) throw failure(`Number of arguments in ${name} do not match the occurrences of {}`);
  let i = 0;
  return template.replace(/\\([{}\\'])|\{\}/g, (_match, escaped: string | undefined) => {
    if (escaped !== undefined) return escaped;
    return javaText(values[i++]);
  });
}

/** How AWS's runtime (Java) prints a JSON value inside a formatted string: `{a=1, b=[x, y]}`. */
function javaText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(javaText).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${javaText(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

function mergeDeep(a: unknown, b: unknown): unknown {
  if (typeof a !== 'object' || a === null || Array.isArray(a) || typeof b !== 'object' || b === null || Array.isArray(b)) return b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [key, value] of Object.entries(b as Record<string, unknown>)) out[key] = Object.hasOwn(out, key) ? mergeDeep(out[key], value) : value;
  return out;
}

const HASHES: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

const FUNCTIONS: Record<string, (args: unknown[], name: string) => unknown> = {
  'States.Format': format,
  'States.StringToJson': (args, name) => {
    expectArgs(name, args, 1);
    const text = expectString(name, args[0]);
    try {
      return text.trim() === '' ? null : JSON.parse(text);
    } catch {
      throw failure(`${name}: the argument is not valid JSON: ${text}`);
    }
  },
  'States.JsonToString': (args, name) => {
    expectArgs(name, args, 1);
    return JSON.stringify(args[0]);
  },
  'States.Array': (args) => args,
  'States.ArrayPartition': (args, name) => {
    expectArgs(name, args, 2);
    const array = expectArray(name, args[0]);
    const size = expectInteger(name, args[1]);
    if (size <= 0) throw failure(`${name}: the chunk size must be greater than 0`);
    const out: unknown[][] = [];
    for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
    return out;
  },
  'States.ArrayContains': (args, name) => {
    expectArgs(name, args, 2);
    return expectArray(name, args[0]).some((item) => sameJson(item, args[1]));
  },
  'States.ArrayRange': (args, name) => {
    expectArgs(name, args, 3);
    const [start, end, by] = args.map((a) => expectInteger(name, a));
    if (by === 0) throw failure(`${name}: the step cannot be 0`);
    const out: number[] = [];
    for (let i = start; by > 0 ? i <= end : i >= end; i += by) {
      out.push(i);
      if (out.length > 1000) throw failure(`${name}: the array cannot contain more than 1000 items`);
    }
    return out;
  },
  'States.ArrayGetItem': (args, name) => {
    expectArgs(name, args, 2);
    const array = expectArray(name, args[0]);
    const index = expectInteger(name, args[1]);
    if (index < 0 || index >= array.length) throw failure(`${name}: index ${index} is out of bounds for an array of ${array.length} items`);
    return array[index];
  },
  'States.ArrayLength': (args, name) => {
    expectArgs(name, args, 1);
    return expectArray(name, args[0]).length;
  },
  'States.ArrayUnique': (args, name) => {
    expectArgs(name, args, 1);
    const seen = new Set<string>();
    return expectArray(name, args[0]).filter((item) => {
      const key = JSON.stringify(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
  'States.Base64Encode': (args, name) => {
    expectArgs(name, args, 1);
    const text = expectString(name, args[0]);
    if (text.length > 10_000) throw failure(`${name}: the input cannot exceed 10000 characters`);
    return Buffer.from(text, 'utf8').toString('base64');
  },
  'States.Base64Decode': (args, name) => {
    expectArgs(name, args, 1);
    const text = expectString(name, args[0]);
    if (text.length > 10_000) throw failure(`${name}: the input cannot exceed 10000 characters`);
    return Buffer.from(text, 'base64').toString('utf8');
  },
  'States.Hash': (args, name) => {
    expectArgs(name, args, 2);
    const algorithm = expectString(name, args[1]);
    if (!Object.hasOwn(HASHES, algorithm)) throw failure(`${name}: the hash algorithm '${algorithm}' is not one of ${Object.keys(HASHES).join(', ')}`);
    const data = typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
    if (data.length > 10_000) throw failure(`${name}: the input cannot exceed 10000 characters`);
    return createHash(HASHES[algorithm]).update(data, 'utf8').digest('hex');
  },
  'States.JsonMerge': (args, name) => {
    expectArgs(name, args, 3);
    const [a, b, deep] = args;
    const isObj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!isObj(a) || !isObj(b)) throw failure(`${name}: both arguments to merge must be JSON objects`);
    if (typeof deep !== 'boolean') throw failure(`${name}: the third argument must be a boolean`);
    return deep ? mergeDeep(a, b) : { ...(a as object), ...(b as object) };
  },
  'States.MathRandom': (args, name) => {
    expectArgs(name, args, 2, 3);
    const start = expectInteger(name, args[0]);
    const end = expectInteger(name, args[1]);
    const random = args.length === 3 ? seeded(expectInteger(name, args[2])) : Math.random;
    return start + Math.floor(random() * (end - start));
  },
  'States.MathAdd': (args, name) => {
    expectArgs(name, args, 2);
    // AWS rounds each operand to the nearest integer (halves up) before adding.
    const round = (v: unknown) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw failure(`${name}: expected a number argument, got ${JSON.stringify(v)}`);
      return Math.round(v);
    };
    return round(args[0]) + round(args[1]);
  },
  'States.StringSplit': (args, name) => {
    expectArgs(name, args, 2);
    const text = expectString(name, args[0]);
    const delimiters = [...expectString(name, args[1])];
    let parts = [text];
    for (const d of delimiters) parts = parts.flatMap((p) => p.split(d));
    return parts.filter((p) => p !== '');
  },
  'States.UUID': (args, name) => {
    expectArgs(name, args, 0);
    return randomUUID();
  },
};

class IntrinsicParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  private fail(): never {
    throw statesRuntime(`Invalid intrinsic function: '${this.text}'`);
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  end(): void {
    this.skipSpaces();
    if (this.pos !== this.text.length) this.fail();
  }

  call(): Arg {
    const name = /^States\.[A-Za-z0-9]+/.exec(this.text.slice(this.pos));
    if (!name) this.fail();
    this.pos += name[0].length;
    if (this.text[this.pos] !== '(') this.fail();
    this.pos++;
    const args: Arg[] = [];
    this.skipSpaces();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return { kind: 'call', name: name[0], args };
    }
    for (;;) {
      this.skipSpaces();
      args.push(this.arg());
      this.skipSpaces();
      const c = this.text[this.pos++];
      if (c === ')') return { kind: 'call', name: name[0], args };
      if (c !== ',') this.fail();
    }
  }

  private arg(): Arg {
    const rest = this.text.slice(this.pos);
    if (rest.startsWith("'")) return { kind: 'literal', value: this.string() };
    if (rest.startsWith('States.')) return this.call();
    if (rest.startsWith('$')) return { kind: 'path', path: this.path() };
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      this.pos += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    const keyword = /^(null|true|false)\b/.exec(rest);
    if (keyword) {
      this.pos += keyword[0].length;
      return { kind: 'literal', value: JSON.parse(keyword[0]) };
    }
    return this.fail();
  }

  /** A quoted string: `\'`, `\\`, `\{` and `\}` are escapes; `\{`/`\}` stay escaped for States.Format. */
  private string(): string {
    let out = '';
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++];
      if (c === "'") return out;
      if (c === '\\') {
        const next = this.text[this.pos++];
        out += next === '{' || next === '}' ? `\\${next}` : next;
      } else out += c;
    }
    return this.fail();
  }

  /** A path argument runs to the next top-level `,` or `)`. */
  private path(): string {
    let depth = 0;
    let quote: string | undefined;
    const start = this.pos;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || (c === ')' && depth > 0)) depth--;
      else if (depth === 0 && (c === ',' || c === ')')) break;
    }
    return this.text.slice(start, this.pos).trim();
  }
}
