import { selectError } from './errors.ts';

/**
 * The SQL S3 Select accepts (AWS's "SQL reference for Amazon S3 Select"): `SELECT * | projection [AS alias], ...
 * FROM S3Object[*].path [[AS] alias] [WHERE condition] [LIMIT n]`, with literals, column references (`s._1`,
 * `s.name`, `s."Name"`, `s.a[0].b`), arithmetic, comparison, logical, LIKE, BETWEEN, IN, IS [NOT] NULL/MISSING,
 * `||`, CASE, CAST and the scalar and aggregate functions. No subqueries, joins or GROUP BY, as on AWS.
 */

/** A step into a record: a field (`quoted`: matched case-sensitively), an array index, or every element (`[*]`). */
export type PathStep = { name: string; quoted: boolean } | { index: number } | { wildcard: true };

export type Expr =
  | { kind: 'literal'; value: unknown }
  | { kind: 'path'; steps: PathStep[] }
  | { kind: 'unary'; op: 'NOT' | '-'; arg: Expr }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'like'; arg: Expr; pattern: Expr; escape?: Expr; not: boolean }
  | { kind: 'between'; arg: Expr; low: Expr; high: Expr; not: boolean }
  | { kind: 'in'; arg: Expr; list: Expr[]; not: boolean }
  | { kind: 'is'; arg: Expr; what: 'NULL' | 'MISSING' | 'TRUE' | 'FALSE'; not: boolean }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'cast'; arg: Expr; type: string }
  | { kind: 'case'; operand?: Expr; whens: [Expr, Expr][]; otherwise?: Expr }
  | { kind: 'aggregate'; name: string; arg?: Expr };

export interface Projection {
  expr: Expr;
  alias?: string;
}

export interface Query {
  /** `undefined` for `SELECT *`. */
  projections?: Projection[];
  /** The path after `S3Object[*]` (JSON documents only). */
  from: PathStep[];
  where?: Expr;
  limit?: number;
  aggregate: boolean;
}

type Token =
  | { type: 'word'; text: string; upper: string }
  | { type: 'quoted'; text: string }
  | { type: 'string'; text: string }
  | { type: 'number'; value: number }
  | { type: 'op'; text: string }
  | { type: 'end' };

const OPERATORS = ['<>', '!=', '<=', '>=', '||', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ',', '.', '[', ']'];

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))![0];
      tokens.push({ type: 'word', text: word, upper: word.toUpperCase() });
      i += word.length;
    } else if (/[0-9]/.test(c)) {
      const number = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?/.exec(sql.slice(i))![0];
      tokens.push({ type: 'number', value: Number(number) });
      i += number.length;
    } else if (c === "'" || c === '"') {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) throw selectError('ParseUnexpectedToken');
        if (sql[j] === c) {
          if (sql[j + 1] !== c) break;
          j++;
        }
        text += sql[j++];
      }
      tokens.push(c === "'" ? { type: 'string', text } : { type: 'quoted', text });
      i = j + 1;
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i));
      if (!op) throw selectError('LexerInvalidChar');
      tokens.push({ type: 'op', text: op });
      i += op.length;
    }
  }
  tokens.push({ type: 'end' });
  return tokens;
}

const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX']);
const TYPES = new Set(['BOOL', 'BOOLEAN', 'INT', 'INTEGER', 'STRING', 'FLOAT', 'DECIMAL', 'NUMERIC', 'TIMESTAMP']);
/** Words that end an expression or a projection: never column names. */
const RESERVED = new Set(['SELECT', 'FROM', 'WHERE', 'LIMIT', 'AS', 'AND', 'OR', 'NOT', 'LIKE', 'ESCAPE', 'BETWEEN', 'IN', 'IS', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'GROUP', 'ORDER', 'JOIN']);

class Parser {
  private at = 0;
  aggregate = false;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.at];
  }

  private next(): Token {
    return this.tokens[this.at++];
  }

  private isWord(upper: string): boolean {
    const t = this.peek();
    return t.type === 'word' && t.upper === upper;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.text === text;
  }

  private acceptWord(upper: string): boolean {
    if (!this.isWord(upper)) return false;
    this.at++;
    return true;
  }

  private acceptOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.at++;
    return true;
  }

  private expectWord(upper: string): void {
    if (!this.acceptWord(upper)) throw selectError('ParseExpectedKeyword');
  }

  private expectOp(text: string): void {
    if (!this.acceptOp(text)) throw selectError('ParseUnexpectedToken');
  }

  query(): Query {
    this.expectWord('SELECT');
    let projections: Projection[] | undefined;
    if (this.acceptOp('*')) {
      if (this.isOp(',')) throw selectError('ParseAsteriskIsNotAloneInSelectList');
    } else {
      if (this.isWord('FROM')) throw selectError('ParseEmptySelect');
      projections = [];
      do {
        const expr = this.expression();
        let alias: string | undefined;
        if (this.acceptWord('AS')) alias = this.identifier();
        else if (this.peek().type === 'quoted' || (this.peek().type === 'word' && !RESERVED.has((this.peek() as { upper: string }).upper))) alias = this.identifier();
        projections.push({ expr, alias });
      } while (this.acceptOp(','));
    }
    if (!this.acceptWord('FROM')) throw selectError('ParseSelectMissingFrom');
    const table = this.next();
    if (table.type !== 'word' || table.upper !== 'S3OBJECT') throw selectError('ParseUnexpectedToken');
    const from: PathStep[] = [];
    if (this.acceptOp('[')) {
      this.expectOp('*');
      this.expectOp(']');
      from.push(...this.pathSteps());
    }
    let alias = 'S3OBJECT';
    if (this.acceptWord('AS')) alias = this.identifier().toUpperCase();
    else if (this.peek().type === 'word' && !RESERVED.has((this.peek() as { upper: string }).upper)) alias = this.identifier().toUpperCase();
    const where = this.acceptWord('WHERE') ? this.expression() : undefined;
    let limit: number | undefined;
    if (this.acceptWord('LIMIT')) {
      if (this.acceptOp('-')) throw selectError('EvaluatorNegativeLimit');
      const n = this.next();
      if (n.type !== 'number' || !Number.isInteger(n.value)) throw selectError('ParseUnexpectedToken');
      limit = n.value;
    }
    if (this.peek().type !== 'end') throw selectError(this.peek().type === 'word' ? 'ParseUnsupportedSyntax' : 'ParseUnexpectedToken');
    const query: Query = { projections, from, where, limit, aggregate: this.aggregate };
    stripAlias(query, alias);
    return query;
  }

  private identifier(): string {
    const t = this.next();
    if (t.type === 'word' || t.type === 'quoted') return t.text;
    throw selectError('ParseUnexpectedToken');
  }

  /** `.name`, `."Name"`, `[0]`, `['name']` steps after a first name. */
  private pathSteps(): PathStep[] {
    const steps: PathStep[] = [];
    for (;;) {
      if (this.acceptOp('.')) {
        const t = this.next();
        if (t.type === 'word') steps.push({ name: t.text, quoted: false });
        else if (t.type === 'quoted') steps.push({ name: t.text, quoted: true });
        else throw selectError('ParseUnexpectedToken');
      } else if (this.acceptOp('[')) {
        const t = this.next();
        if (t.type === 'op' && t.text === '*') steps.push({ wildcard: true });
        else if (t.type === 'number' && Number.isInteger(t.value)) steps.push({ index: t.value });
        else if (t.type === 'string') steps.push({ name: t.text, quoted: true });
        else throw selectError('ParseUnexpectedToken');
        this.expectOp(']');
      } else return steps;
    }
  }

  expression(): Expr {
    let left = this.conjunction();
    while (this.acceptWord('OR')) left = { kind: 'binary', op: 'OR', left, right: this.conjunction() };
    return left;
  }

  private conjunction(): Expr {
    let left = this.negation();
    while (this.acceptWord('AND')) left = { kind: 'binary', op: 'AND', left, right: this.negation() };
    return left;
  }

  private negation(): Expr {
    if (this.acceptWord('NOT')) return { kind: 'unary', op: 'NOT', arg: this.negation() };
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.concatenation();
    const t = this.peek();
    if (t.type === 'op' && ['=', '<>', '!=', '<', '>', '<=', '>='].includes(t.text)) {
      this.at++;
      return { kind: 'binary', op: t.text === '!=' ? '<>' : t.text, left, right: this.concatenation() };
    }
    if (this.acceptWord('IS')) {
      const not = this.acceptWord('NOT');
      const what = this.next();
      if (what.type !== 'word' || !['NULL', 'MISSING', 'TRUE', 'FALSE'].includes(what.upper)) throw selectError('ParseUnexpectedToken');
      return { kind: 'is', arg: left, what: what.upper as 'NULL', not };
    }
    const not = this.acceptWord('NOT');
    if (this.acceptWord('LIKE')) {
      const pattern = this.concatenation();
      const escape = this.acceptWord('ESCAPE') ? this.concatenation() : undefined;
      return { kind: 'like', arg: left, pattern, escape, not };
    }
    if (this.acceptWord('BETWEEN')) {
      const low = this.concatenation();
      this.expectWord('AND');
      return { kind: 'between', arg: left, low, high: this.concatenation(), not };
    }
    if (this.acceptWord('IN')) {
      this.expectOp('(');
      const list = [this.expression()];
      while (this.acceptOp(',')) list.push(this.expression());
      this.expectOp(')');
      return { kind: 'in', arg: left, list, not };
    }
    if (not) throw selectError('ParseExpectedKeyword');
    return left;
  }

  private concatenation(): Expr {
    let left = this.additive();
    while (this.acceptOp('||')) left = { kind: 'binary', op: '||', left, right: this.additive() };
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { text: string }).text;
      left = { kind: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.next() as { text: string }).text;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.acceptOp('-')) return { kind: 'unary', op: '-', arg: this.unary() };
    if (this.acceptOp('+')) return this.unary();
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return { kind: 'literal', value: t.value };
      case 'string':
        return { kind: 'literal', value: t.text };
      case 'quoted':
        return { kind: 'path', steps: [{ name: t.text, quoted: true }, ...this.pathSteps()] };
      case 'op':
        if (t.text === '(') {
          const inner = this.expression();
          this.expectOp(')');
          return inner;
        }
        throw selectError(t.text === '*' ? 'ParseUnsupportedCallWithStar' : 'ParseExpectedExpression');
      case 'end':
        throw selectError('ParseExpectedExpression');
      default:
        return this.word(t);
    }
  }

  private word(t: Extract<Token, { type: 'word' }>): Expr {
    if (t.upper === 'TRUE' || t.upper === 'FALSE') return { kind: 'literal', value: t.upper === 'TRUE' };
    if (t.upper === 'NULL') return { kind: 'literal', value: null };
    if (t.upper === 'MISSING') return { kind: 'literal', value: undefined };
    if (t.upper === 'CASE') return this.caseExpression();
    if (RESERVED.has(t.upper)) throw selectError('ParseUnexpectedToken');
    if (!this.isOp('(')) return { kind: 'path', steps: [{ name: t.text, quoted: false }, ...this.pathSteps()] };
    this.at++;
    if (t.upper === 'CAST') {
      const arg = this.expression();
      this.expectWord('AS');
      const type = this.next();
      if (type.type !== 'word' || !TYPES.has(type.upper)) throw selectError('ParseExpectedTypeName');
      this.expectOp(')');
      return { kind: 'cast', arg, type: type.upper };
    }
    if (AGGREGATES.has(t.upper)) {
      this.aggregate = true;
      if (this.acceptOp('*')) {
        if (t.upper !== 'COUNT') throw selectError('ParseUnsupportedCallWithStar');
        this.expectOp(')');
        return { kind: 'aggregate', name: t.upper };
      }
      const arg = this.expression();
      this.expectOp(')');
      return { kind: 'aggregate', name: t.upper, arg };
    }
    return { kind: 'call', name: t.upper, args: this.callArguments(t.upper) };
  }

  /** Arguments, including SQL's keyword forms: `TRIM(LEADING 'x' FROM s)`, `SUBSTRING(s FROM 2 FOR 3)`. */
  private callArguments(name: string): Expr[] {
    const args: Expr[] = [];
    if (name === 'TRIM') {
      const where = ['LEADING', 'TRAILING', 'BOTH'].find((w) => this.acceptWord(w));
      args.push({ kind: 'literal', value: where ?? 'BOTH' });
      if (where && this.acceptWord('FROM')) args.push({ kind: 'literal', value: ' ' }, this.expression());
      else {
        const first = this.expression();
        if (this.acceptWord('FROM')) args.push(first, this.expression());
        else args.push({ kind: 'literal', value: ' ' }, first);
      }
    } else if (!this.isOp(')')) {
      args.push(this.expression());
      if (name === 'SUBSTRING' && this.acceptWord('FROM')) {
        args.push(this.expression());
        if (this.acceptWord('FOR')) args.push(this.expression());
      } else while (this.acceptOp(',')) args.push(this.expression());
    }
    this.expectOp(')');
    return args;
  }

  private caseExpression(): Expr {
    const operand = this.isWord('WHEN') ? undefined : this.expression();
    const whens: [Expr, Expr][] = [];
    while (this.acceptWord('WHEN')) {
      const when = this.expression();
      this.expectWord('THEN');
      whens.push([when, this.expression()]);
    }
    if (whens.length === 0) throw selectError('ParseExpectedKeyword');
    const otherwise = this.acceptWord('ELSE') ? this.expression() : undefined;
    this.expectWord('END');
    return { kind: 'case', operand, whens, otherwise };
  }
}

/** Column references may start with the table alias (`s._1`) or not (`_1`): paths are kept relative to the record. */
function stripAlias(query: Query, alias: string): void {
  const visit = (e: Expr | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case 'path': {
        const first = e.steps[0];
        if ('name' in first && !first.quoted && first.name.toUpperCase() === alias) e.steps.shift();
        return;
      }
      case 'unary':
        return visit(e.arg);
      case 'binary':
        visit(e.left);
        return visit(e.right);
      case 'like':
        [e.arg, e.pattern, e.escape].forEach(visit);
        return;
      case 'between':
        [e.arg, e.low, e.high].forEach(visit);
        return;
      case 'in':
        [e.arg, ...e.list].forEach(visit);
        return;
      case 'is':
      case 'cast':
        return visit(e.arg);
      case 'call':
        return e.args.forEach(visit);
      case 'case':
        [e.operand, e.otherwise, ...e.whens.flat()].forEach(visit);
        return;
      case 'aggregate':
        return visit(e.arg);
    }
  };
  query.projections?.forEach((p) => visit(p.expr));
  visit(query.where);
}

/** Parses an S3 Select expression (AWS allows up to 256 KB of it). */
export function parseQuery(sql: string): Query {
  if (Buffer.byteLength(sql) > 256 * 1024) throw selectError('ExpressionTooLong');
  return new Parser(tokenize(sql)).query();
}
