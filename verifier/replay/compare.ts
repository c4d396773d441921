import type { Expectation, JsonValue, Matcher } from '../contract/types.ts';
import { matchTemplate, render, type Vars } from './template.ts';
import { xmlDocument } from './xml-document.ts';

export interface Mismatch {
  /** `status`, `error.code`, `header:<name>`, or a JSONPath into the parsed response. */
  path: string;
  expected: unknown;
  actual: unknown;
  reason?: string;
}

export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `${path}.${key}` : `${path}['${key.replace(/'/g, "\\'")}']`;
}

/** The member names and indexes of a concrete JSONPath (`$.a.b[0]['c.d']` -> a, b, 0, c.d); `[*]` is not allowed. */
export function pathKeys(path: string): (string | number)[] {
  return [...path.slice(1).matchAll(/\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]/g)].map(
    (part) => part[1] ?? (part[2] !== undefined ? Number(part[2]) : part[3].replace(/\\'/g, "'")),
  );
}

/** `[?(@.Key=='value')]`: the first element of a list whose member Key is that text (a stack output by its OutputKey). */
const FILTER = /^\[\?\(@\.([A-Za-z0-9_]+)=='((?:[^'\\]|\\.)*)'\)\]/;

/**
 * Reads a concrete JSONPath (`$.a.b[0]['c.d']`), whose list steps may also be filters (`Outputs[?(@.OutputKey=='Url')]`,
 * the first match); `[*]` is not allowed here. `intoJsonText`: the path may go on inside a JSON document a response holds
 * as text (a template body).
 */
export function readPath(root: unknown, path: string, intoJsonText = false): unknown {
  const at = path.indexOf('[?');
  const filter = at < 0 ? null : FILTER.exec(path.slice(at));
  if (!filter) return readKeys(root, pathKeys(path), intoJsonText);
  const list = readKeys(root, pathKeys(path.slice(0, at)), intoJsonText);
  if (!Array.isArray(list)) return undefined;
  const [segment, member, text] = filter;
  const found: unknown = list.find((item) => item !== null && typeof item === 'object' && (item as Record<string, unknown>)[member] === text.replace(/\\'/g, "'"));
  return found === undefined ? undefined : readPath(found, `$${path.slice(at + segment.length)}`, intoJsonText);
}

/** A copy of `root` with `value` at a concrete JSONPath (no filters), the objects on the way made where missing. */
export function withValueAt(root: unknown, path: string, value: unknown): unknown {
  const put = (node: unknown, keys: (string | number)[]): unknown => {
    if (!keys.length) return value;
    const [key, ...rest] = keys;
    const copy = (Array.isArray(node) ? [...node] : node !== null && typeof node === 'object' ? { ...node } : {}) as Record<string | number, unknown>;
    copy[key] = put(copy[key], rest);
    return copy;
  };
  return put(root, pathKeys(path));
}

function readKeys(root: unknown, keys: (string | number)[], intoJsonText: boolean): unknown {
  let value = root;
  for (const key of keys) {
    if (intoJsonText && typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        value = JSON.parse(value);
      } catch {
        return undefined;
      }
    }
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function generalise(path: string): string {
  return path.replace(/\[\d+\]/g, '[*]');
}

class Comparison {
  readonly mismatches: Mismatch[] = [];
  constructor(
    private readonly expectation: Expectation,
    readonly vars: Vars,
  ) {}

  private matcherAt(path: string): Matcher | undefined {
    const matchers = this.expectation.matchers;
    return matchers?.[path] ?? matchers?.[generalise(path)];
  }

  private isUnordered(path: string): boolean {
    return !!this.expectation.unordered?.some((p) => p === path || p === generalise(path));
  }

  private fail(path: string, expected: unknown, actual: unknown, reason?: string) {
    this.mismatches.push({ path, expected, actual, ...(reason ? { reason } : {}) });
  }

  value(expected: JsonValue | undefined, actual: unknown, path: string): void {
    const matcher = this.matcherAt(path);
    if (matcher) return this.byMatcher(matcher, expected, actual, path);
    this.structure(expected, actual, path);
  }

  /** Compares without the matcher at `path` itself (deeper paths still consult theirs). */
  private structure(expected: JsonValue | undefined, actual: unknown, path: string): void {
    if (actual === undefined) return this.fail(path, expected, undefined, 'missing');
    if (expected === undefined || expected === null || typeof expected !== 'object') return this.scalar(expected ?? null, actual, path);
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual)) return this.fail(path, expected, actual, 'expected a list');
      if (this.isUnordered(path)) return this.unorderedList(expected, actual, path);
      if (expected.length !== actual.length) this.fail(path, expected.length, actual.length, 'list length');
      expected.forEach((item, i) => i < actual.length && this.value(item, actual[i], childPath(path, i)));
      return;
    }
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return this.fail(path, expected, actual, 'expected an object');
    const actualObject = actual as Record<string, unknown>;
    const matched = new Set<string>();
    for (const [key, item] of Object.entries(expected)) {
      // A templated key (a map keyed by a redacted name, e.g. BatchGetItem's Responses by table) takes the first
      // actual key that no expected key names literally and that fits the template.
      const actualKey = key.includes('{{')
        ? (Object.keys(actualObject).find((k) => !(k in expected) && !matched.has(k) && matchTemplate(key, k, this.vars)) ?? key)
        : key;
      matched.add(actualKey);
      this.value(item, actualObject[actualKey], childPath(path, actualKey));
    }
    if (this.expectation.compare !== 'subset') {
      for (const key of Object.keys(actualObject)) {
        const keyPath = childPath(path, key);
        if (!matched.has(key) && this.matcherAt(keyPath)?.match !== 'ignore') this.fail(keyPath, undefined, actualObject[key], 'unexpected member');
      }
    }
  }

  private scalar(expected: JsonValue, actual: unknown, path: string) {
    // A value redacted to a word the snapshot gives no type for (an index, a sequence token) may be any scalar.
    if (expected === '{{*}}' && (actual === null || typeof actual !== 'object')) return;
    if (typeof expected === 'string' && typeof actual === 'string') {
      if (!matchTemplate(expected, actual, this.vars)) this.fail(path, expected, actual);
      return;
    }
    if (expected !== actual) this.fail(path, expected, actual);
  }

  private unorderedList(expected: JsonValue[], actual: unknown[], path: string) {
    if (expected.length !== actual.length) this.fail(path, expected.length, actual.length, 'list length');
    const remaining = actual.map((item, index) => ({ item, index }));
    for (const [i, item] of expected.entries()) {
      const found = remaining.findIndex((candidate) => {
        const trial = new Comparison(this.expectation, new Map(this.vars));
        trial.value(item, candidate.item, childPath(path, candidate.index));
        return trial.mismatches.length === 0;
      });
      if (found < 0) {
        this.fail(childPath(path, i), item, undefined, 'no matching element (unordered list)');
        continue;
      }
      // Re-run on the chosen element so its bindings land in the scenario's variables.
      this.value(item, remaining[found].item, childPath(path, remaining[found].index));
      remaining.splice(found, 1);
    }
  }

  private byMatcher(matcher: Matcher, expected: JsonValue | undefined, actual: unknown, path: string) {
    switch (matcher.match) {
      case 'ignore':
        return;
      case 'absent':
        if (actual !== undefined) this.fail(path, '(absent)', actual, 'unexpected member');
        return;
      case 'present':
        if (actual === undefined) this.fail(path, '(present)', undefined, 'missing');
        return;
    }
    if (actual === undefined) return this.fail(path, expected, undefined, 'missing');
    switch (matcher.match) {
      case 'type':
        if (jsonType(expected) !== jsonType(actual)) this.fail(path, `a ${jsonType(expected)}`, actual, 'type');
        return;
      case 'regex':
        if (!matchTemplate(matcher.regex, String(actual), this.vars, true)) this.fail(path, `/${matcher.regex}/`, actual);
        return;
      case 'template':
        if (!matchTemplate(matcher.template, String(actual), this.vars)) this.fail(path, matcher.template, actual);
        return;
      case 'timestamp':
        if (!isTimestamp(actual)) this.fail(path, '(a timestamp)', actual);
        return;
      case 'json': {
        let parsed: unknown;
        try {
          parsed = typeof actual === 'string' ? parseJsonOrBlob(unescapedJsonText(actual)) : undefined;
        } catch {
          parsed = undefined;
        }
        // A matcher naming every element of a list (`$[*].Body`) meets elements the snapshot kept as text because they
        // only look like a document (a message body of `{not a json body`): those are judged as text.
        if (parsed === undefined && typeof expected === 'string' && /^\s*(\[|\{(?!\{))/.test(expected)) return this.scalar(expected, actual, path);
        if (parsed === undefined) return this.fail(path, expected, actual, 'expected a JSON document in a string');
        return this.structure(expected, parsed, path);
      }
      case 'xml': {
        const parsed = typeof actual === 'string' ? xmlDocument(actual) : undefined;
        if (parsed === undefined) return this.fail(path, expected, actual, 'expected an XML document in a string');
        return this.structure(expected, parsed, path);
      }
      case 'lines': {
        if (typeof actual !== 'string') return this.fail(path, expected, actual, 'expected text');
        const lines = Object.fromEntries(actual.split('\n').map((line, i) => [`line${String(i).padStart(2, '0')}`, line]));
        return this.structure(expected, lines, path);
      }
      case 'number': {
        const n = typeof actual === 'number' ? actual : Number.NaN;
        if (Number.isNaN(n) || (matcher.min !== undefined && n < matcher.min) || (matcher.max !== undefined && n > matcher.max)) {
          this.fail(path, `(a number${matcher.min !== undefined ? ` >= ${matcher.min}` : ''}${matcher.max !== undefined ? ` <= ${matcher.max}` : ''})`, actual);
        }
        return;
      }
    }
  }
}

/**
 * The JSON text a service wrapped: IAM returns its policy documents URL-encoded (RFC 3986), API Gateway a REST API's
 * policy with its quotes escaped (`{\"Version\":...}`, read back by the tests with Python's unicode_escape).
 */
function unescapedJsonText(text: string): string {
  if (text.startsWith('%7B')) return decodeURIComponent(text);
  if (text.startsWith('{\\"')) return JSON.parse(`"${text}"`) as string;
  return text;
}

/** A JSON document in a string, or in a blob (base64 text, as parsed responses give blobs: Lambda's Invoke Payload). */
function parseJsonOrBlob(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/^[A-Za-z0-9+/]+=*$/.test(text)) throw error;
    return JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  }
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * ISO date-times, and epoch seconds or milliseconds as numbers or digit strings (SQS attributes); a list of them where
 * the snapshot redacted a whole list (GetMetricData's `Timestamps`) to one word.
 */
function isTimestamp(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isTimestamp);
  if (typeof value === 'number') return Number.isFinite(value) && value > 0;
  if (typeof value !== 'string') return false;
  if (/^\d{9,13}(\.\d+)?$/.test(value)) return true;
  return /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Compares the parsed body with `expect.output` (after `select`), binding unknown template variables in `vars`.
 * Matcher paths are paths in `output`; reported paths are paths in the whole response.
 */
export function compareOutput(expectation: Expectation, actualOutput: unknown, vars: Vars): Mismatch[] {
  if (!expectation.output) return [];
  const comparison = new Comparison(expectation, vars);
  const select = expectation.select ?? '$';
  const selected = readPath(actualOutput ?? {}, select, true);
  const { keyedBy, keep } = expectation;
  const own = keep && Array.isArray(selected) ? selected.filter((m: Record<string, unknown>) => keep.values.some((v) => m?.[keep.member] === render(v, vars))) : selected;
  const actual = keyedBy && Array.isArray(own) ? Object.fromEntries(own.map((m: Record<string, unknown>) => [String(m?.[keyedBy.key]), m?.[keyedBy.value]])) : own;
  comparison.value(expectation.output, actual, '$');
  if (expectation.compare === 'subset') {
    // Extra members are fine in subset mode, except those an `absent` matcher forbids.
    for (const [path, matcher] of Object.entries(expectation.matchers ?? {})) {
      if (matcher.match !== 'absent' || path.includes('[*]') || readPath(expectation.output, path) !== undefined) continue;
      const value = readPath(actual, path);
      if (value !== undefined) comparison.mismatches.push({ path, expected: '(absent)', actual: value, reason: 'unexpected member' });
    }
  }
  return select === '$' ? comparison.mismatches : comparison.mismatches.map((m) => ({ ...m, path: select + m.path.slice(1) }));
}

export { matchTemplate };
