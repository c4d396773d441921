import { compare, readValue, type Operator } from './compare.ts';

/** A compiled JSON pattern: whether a parsed log event satisfies it (recording the values its selectors read). */
export type JsonCondition = (document: unknown, fields: Map<string, unknown>) => boolean;

const OPERATORS: Operator[] = ['!=', '<=', '>=', '=', '<', '>'];

/** Parses `{ $.a = "x" && ($.b > 1 || $.c IS NULL) }`. */
export function parseJsonPattern(text: string): JsonCondition {
  if (!text.endsWith('}')) throw new Error('Invalid character(s) in term');
  const parser = new Parser(text.slice(1, -1));
  const condition = parser.orExpression();
  parser.skip();
  if (parser.rest) throw new Error('Invalid character(s) in term');
  return condition;
}

class Parser {
  constructor(public rest: string) {}

  skip(): void {
    this.rest = this.rest.trimStart();
  }

  orExpression(): JsonCondition {
    const parts = [this.andExpression()];
    for (this.skip(); this.rest.startsWith('||'); this.skip()) {
      this.rest = this.rest.slice(2);
      parts.push(this.andExpression());
    }
    return parts.length === 1 ? parts[0] : (d, f) => parts.some((p) => p(d, f));
  }

  private andExpression(): JsonCondition {
    const parts = [this.term()];
    for (this.skip(); this.rest.startsWith('&&'); this.skip()) {
      this.rest = this.rest.slice(2);
      parts.push(this.term());
    }
    return parts.length === 1 ? parts[0] : (d, f) => parts.every((p) => p(d, f));
  }

  private term(): JsonCondition {
    this.skip();
    if (this.rest.startsWith('(')) {
      this.rest = this.rest.slice(1);
      const inner = this.orExpression();
      this.skip();
      if (!this.rest.startsWith(')')) throw new Error('Invalid character(s) in term');
      this.rest = this.rest.slice(1);
      return inner;
    }
    const selector = /^\$((?:\.[^\s.[\]=!<>&|()]+|\[\d+\]|\.\*)*)/.exec(this.rest);
    if (!selector) throw new Error('Invalid character(s) in term');
    this.rest = this.rest.slice(selector[0].length);
    const path = [...selector[1].matchAll(/\.([^\s.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
    const key = selector[0];
    this.skip();
    const special = /^(IS\s+NULL|IS\s+TRUE|IS\s+FALSE|NOT\s+EXISTS)\b/i.exec(this.rest);
    if (special) {
      this.rest = this.rest.slice(special[0].length);
      const kind = special[1].toUpperCase().replace(/\s+/, ' ');
      return (d, f) => {
        const value = read(d, path);
        f.set(key, value);
        if (kind === 'NOT EXISTS') return value === undefined;
        if (kind === 'IS NULL') return value === null;
        return value === (kind === 'IS TRUE');
      };
    }
    const op = OPERATORS.find((o) => this.rest.startsWith(o));
    if (!op) throw new Error('Invalid character(s) in term');
    this.rest = this.rest.slice(op.length).trimStart();
    const value = readValue(this.rest);
    if (!value) throw new Error('Invalid character(s) in term');
    this.rest = value.rest;
    return (d, f) => {
      const actual = read(d, path);
      f.set(key, actual);
      return compare(actual, { op, value: value.value, text: value.text });
    };
  }
}

function read(document: unknown, path: (string | number)[]): unknown {
  let current = document;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}
