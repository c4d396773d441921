/**
 * Logs Insights boolean and value expressions (for `filter`): comparisons (`= != < > <= >=`), `like`/`not like` with a
 * string (substring) or /regex/, `=~ /regex/`, `in [..]`, `and`/`or`/`not`, parentheses, and the functions
 * `ispresent`, `isempty`, `isblank`, `strlen`, `tolower`, `toupper`.
 */
export type Row = Map<string, unknown>;
export type Expr = (row: Row) => unknown;

type Token = { kind: 'id' | 'str' | 'num' | 're' | 'op' | 'punct'; text: string };

export class QuerySyntaxError extends Error {}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(`[^`]*`|@?[A-Za-z_][\w.@-]*)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|(\/(?:[^/\\]|\\.)*\/)|(==|!=|<=|>=|=~|[=<>])|([(),[\]]))/y;
  let pos = 0;
  while (pos < source.length) {
    if (/^\s*$/.test(source.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(source);
    if (!m) throw new QuerySyntaxError(`unexpected symbol at ${pos}`);
    pos = re.lastIndex;
    if (m[1]) tokens.push({ kind: 'id', text: m[1].replace(/^`|`$/g, '') });
    else if (m[2]) tokens.push({ kind: 'str', text: m[2].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[3]) tokens.push({ kind: 'num', text: m[3] });
    else if (m[4]) tokens.push({ kind: 're', text: m[4].slice(1, -1) });
    else if (m[5]) tokens.push({ kind: 'op', text: m[5] });
    else tokens.push({ kind: 'punct', text: m[6] });
  }
  return tokens;
}

export function parseExpression(source: string): Expr {
  const parser = new Parser(tokenize(source));
  const expr = parser.or();
  if (!parser.done()) throw new QuerySyntaxError('unexpected input after expression');
  return expr;
}

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  ispresent: (v) => v !== undefined,
  isempty: (v) => v === undefined || v === '',
  isblank: (v) => v === undefined || (typeof v === 'string' && v.trim() === ''),
  strlen: (v) => (v === undefined ? undefined : String(v).length),
  tolower: (v) => (v === undefined ? undefined : String(v).toLowerCase()),
  toupper: (v) => (v === undefined ? undefined : String(v).toUpperCase()),
};

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private keyword(word: string): boolean {
    const t = this.peek();
    if (t?.kind === 'id' && t.text.toLowerCase() === word) {
      this.i++;
      return true;
    }
    return false;
  }

  private punct(text: string): boolean {
    if (this.peek()?.text === text && this.peek()?.kind === 'punct') {
      this.i++;
      return true;
    }
    return false;
  }

  or(): Expr {
    const parts = [this.and()];
    while (this.keyword('or')) parts.push(this.and());
    return parts.length === 1 ? parts[0] : (row) => parts.some((p) => truthy(p(row)));
  }

  private and(): Expr {
    const parts = [this.not()];
    while (this.keyword('and')) parts.push(this.not());
    return parts.length === 1 ? parts[0] : (row) => parts.every((p) => truthy(p(row)));
  }

  private not(): Expr {
    if (this.keyword('not')) {
      const inner = this.not();
      return (row) => !truthy(inner(row));
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.value();
    const t = this.peek();
    if (t?.kind === 'op') {
      this.i++;
      const right = t.text === '=~' ? this.regex() : this.value();
      return (row) => compare(t.text, left(row), right(row));
    }
    const negated = this.keyword('not');
    if (this.keyword('like')) {
      const pattern = this.regex();
      return (row) => {
        const value = left(row);
        const p = pattern(row);
        const hit = value !== undefined && (p instanceof RegExp ? p.test(String(value)) : String(value).includes(String(p)));
        return negated ? !hit : hit;
      };
    }
    if (this.keyword('in')) {
      if (!this.punct('[')) throw new QuerySyntaxError('expected [ after in');
      const items: Expr[] = [];
      while (!this.punct(']')) {
        items.push(this.value());
        this.punct(',');
      }
      return (row) => {
        const value = left(row);
        const hit = items.some((item) => looseEqual(value, item(row)));
        return negated ? !hit : hit;
      };
    }
    if (negated) throw new QuerySyntaxError('expected like or in after not');
    return left;
  }

  private regex(): Expr {
    const t = this.tokens[this.i++];
    if (t?.kind === 're') {
      const re = new RegExp(t.text);
      return () => re;
    }
    if (t?.kind === 'str') return () => t.text;
    throw new QuerySyntaxError('expected a string or /regex/');
  }

  private value(): Expr {
    const t = this.tokens[this.i++];
    if (!t) throw new QuerySyntaxError('unexpected end of expression');
    if (t.kind === 'str') return () => t.text;
    if (t.kind === 'num') return () => Number(t.text);
    if (t.kind === 'punct' && t.text === '(') {
      const inner = this.or();
      if (!this.punct(')')) throw new QuerySyntaxError('expected )');
      return inner;
    }
    if (t.kind === 'id') {
      const fn = FUNCTIONS[t.text.toLowerCase()];
      if (fn && this.punct('(')) {
        const args: Expr[] = [];
        while (!this.punct(')')) {
          args.push(this.value());
          this.punct(',');
        }
        return (row) => fn(...args.map((a) => a(row)));
      }
      return (row) => row.get(t.text);
    }
    throw new QuerySyntaxError(`unexpected ${t.text}`);
  }
}

function truthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false && v !== 0 && v !== '';
}

function looseEqual(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return String(a) === String(b);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (op === '=~') return a !== undefined && b instanceof RegExp && b.test(String(a));
  if (op === '=' || op === '==') return looseEqual(a, b);
  if (op === '!=') return !looseEqual(a, b);
  if (a === undefined || b === undefined) return false;
  const [x, y] = typeof a === 'number' || typeof b === 'number' ? [Number(a), Number(b)] : [String(a), String(b)];
  if (op === '<') return x < y;
  if (op === '>') return x > y;
  if (op === '<=') return x <= y;
  return x >= y;
}
