/** A comparison in a JSON or space-delimited pattern: `=`/`!=` compare strings (with `*` wildcards) or numbers, the others numbers. */
export type Operator = '=' | '!=' | '<' | '>' | '<=' | '>=';

export interface Comparison {
  op: Operator;
  value: string | number;
  /** A quoted or wildcard value compares as text. */
  text: boolean;
}

export function compare(actual: unknown, c: Comparison): boolean {
  if (actual === undefined) return false;
  if (!c.text && typeof c.value === 'number') {
    const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : NaN;
    if (Number.isNaN(n)) return c.op === '!=';
    switch (c.op) {
      case '=':
        return n === c.value;
      case '!=':
        return n !== c.value;
      case '<':
        return n < c.value;
      case '>':
        return n > c.value;
      case '<=':
        return n <= c.value;
      default:
        return n >= c.value;
    }
  }
  if (c.op !== '=' && c.op !== '!=') return false;
  const text = typeof actual === 'string' ? actual : JSON.stringify(actual);
  const pattern = new RegExp(`^${String(c.value).split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
  return pattern.test(text) === (c.op === '=');
}

/** Reads a comparison's right side: `"quoted"`, a number, or a bare word. */
export function readValue(text: string): { value: string | number; text: boolean; rest: string } | undefined {
  const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(text);
  if (quoted) return { value: quoted[1].replace(/\\(.)/g, '$1'), text: true, rest: text.slice(quoted[0].length) };
  const bare = /^[^\s&|()\],]+/.exec(text);
  if (!bare) return undefined;
  const word = bare[0];
  const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(word);
  return { value: number ? Number(word) : word, text: !number, rest: text.slice(word.length) };
}
