/**
 * Recursive-descent parser for the DynamoDB expression grammar (AWS docs "Condition and filter expressions,
 * operators, and functions" and "Update expressions"). Precedence, lowest first: OR, AND, NOT, then
 * comparisons / BETWEEN / IN / functions; parentheses group. Syntax errors carry AWS's token/near report: the
 * offending token and the source text from the previous token to the next one.
 */
import { Detail, invalidExpression, type ExpressionKind } from './errors.ts';
import type { Comparator, ConditionSyntax, OperandSyntax, PathSyntax, SegmentSyntax, UpdateActionSyntax } from './syntax.ts';
import { tokenize, type Token } from './tokens.ts';

const COMPARATORS = new Set<string>(['=', '<>', '<', '<=', '>', '>=']);
/** Above the deepest nesting a 4 KB expression can hold ("f(...)" nests 1363 deep), below what would exhaust the stack. */
const MAX_NESTING = 2048;
const UPDATE_SECTIONS = ['SET', 'REMOVE', 'ADD', 'DELETE'] as const;
type UpdateSection = (typeof UPDATE_SECTIONS)[number];

export class Parser {
  private readonly tokens: Token[];
  private position = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly kind: ExpressionKind,
  ) {
    if (source.trim() === '') throw invalidExpression(kind, Detail.empty());
    this.tokens = tokenize(source);
  }

  private get current(): Token {
    return this.tokens[this.position];
  }

  private advance(): Token {
    return this.tokens[this.position++];
  }

  private isKeyword(word: string, token = this.current): boolean {
    return token.type === 'name' && token.text.toUpperCase() === word;
  }

  private isPunct(text: string, token = this.current): boolean {
    return token.type === 'punct' && token.text === text;
  }

  /**
   * Nesting bookkeeping: a NOT or a function call weighs 1, a parenthesized group 2 (its recursion takes more stack).
   * Any expression within the size and operator limits (limits.ts) stays below MAX_NESTING; other input given to the
   * parser directly is refused here instead of exhausting the stack.
   */
  private enter(weight: number): void {
    this.depth += weight;
    if (this.depth > MAX_NESTING) throw invalidExpression(this.kind, Detail.tooDeep());
  }

  private leave(weight: number): void {
    this.depth -= weight;
  }

  fail(): never {
    const token = this.current;
    const previous = this.position > 0 ? this.tokens[this.position - 1] : undefined;
    const next = token.type === 'eof' ? undefined : this.tokens[this.position + 1];
    const start = previous ? previous.start : token.start;
    const end = next && next.type !== 'eof' ? next.end : this.source.length;
    throw invalidExpression(this.kind, Detail.syntax(token.text, this.source.slice(start, end)));
  }

  private expectPunct(text: string): void {
    if (!this.isPunct(text)) this.fail();
    this.position++;
  }

  expectEnd(): void {
    if (this.current.type !== 'eof') this.fail();
  }

  // ---- paths and operands ----

  private isPathStart(token = this.current): boolean {
    return token.type === 'alias' || (token.type === 'name' && !this.isGrammarKeyword(token));
  }

  private isGrammarKeyword(token: Token): boolean {
    const upper = token.text.toUpperCase();
    return upper === 'AND' || upper === 'OR' || upper === 'NOT' || upper === 'BETWEEN' || upper === 'IN';
  }

  private segment(): SegmentSyntax {
    const token = this.current;
    if (token.type === 'alias') {
      this.position++;
      return { kind: 'alias', alias: token.text };
    }
    if (token.type === 'name' && !this.isGrammarKeyword(token)) {
      this.position++;
      return { kind: 'name', name: token.text };
    }
    return this.fail();
  }

  path(): PathSyntax {
    const segments = [this.segment()];
    for (;;) {
      if (this.isPunct('.')) {
        this.position++;
        segments.push(this.segment());
      } else if (this.isPunct('[')) {
        this.position++;
        if (this.current.type !== 'number') this.fail();
        segments.push({ kind: 'index', index: Number(this.advance().text) });
        this.expectPunct(']');
      } else {
        return { t: 'path', segments };
      }
    }
  }

  /** operand := path | :value | function '(' operand, ... ')'; arithmetic only where `arithmetic` (SET values). */
  operand(arithmetic = false): OperandSyntax {
    const left = this.simpleOperand(arithmetic);
    if (arithmetic && (this.isPunct('+') || this.isPunct('-'))) {
      const op = this.advance().text as '+' | '-';
      return { t: 'arith', op, left, right: this.simpleOperand(arithmetic) };
    }
    return left;
  }

  private simpleOperand(arithmetic: boolean): OperandSyntax {
    const token = this.current;
    if (token.type === 'value') {
      this.position++;
      return { t: 'value', ref: token.text };
    }
    if (token.type === 'name' && this.isPunct('(', this.tokens[this.position + 1])) {
      this.position += 2;
      this.enter(1);
      const args: OperandSyntax[] = [this.operand(arithmetic)];
      while (this.isPunct(',')) {
        this.position++;
        args.push(this.operand(arithmetic));
      }
      this.expectPunct(')');
      this.leave(1);
      return { t: 'call', fn: token.text, args };
    }
    if (this.isPathStart()) return this.path();
    return this.fail();
  }

  // ---- conditions ----

  condition(): ConditionSyntax {
    return this.disjunctionFrom(this.conjunction());
  }

  private disjunctionFrom(first: ConditionSyntax): ConditionSyntax {
    let left = first;
    while (this.isKeyword('OR')) {
      this.position++;
      left = { t: 'or', left, right: this.conjunction() };
    }
    return left;
  }

  private conjunction(): ConditionSyntax {
    return this.conjunctionFrom(this.negation());
  }

  private conjunctionFrom(first: ConditionSyntax): ConditionSyntax {
    let left = first;
    while (this.isKeyword('AND')) {
      this.position++;
      left = { t: 'and', left, right: this.negation() };
    }
    return left;
  }

  private negation(): ConditionSyntax {
    if (this.isKeyword('NOT')) {
      this.position++;
      this.enter(1);
      const operand = this.negation();
      this.leave(1);
      return { t: 'not', operand };
    }
    return this.predicate();
  }

  /**
   * A run of opening parentheses is read in one loop: after the innermost group closes, each enclosing group goes on
   * with the AND/OR that follow it. "((((a<b))))" thus costs one recursion, not one per parenthesis.
   */
  private parenthesized(): ConditionSyntax {
    let open = 0;
    while (this.isPunct('(')) {
      this.position++;
      open++;
    }
    this.enter(2);
    let group = this.condition();
    for (;;) {
      this.expectPunct(')');
      group = { t: 'paren', inner: group };
      if (--open === 0) break;
      group = this.disjunctionFrom(this.conjunctionFrom(group));
    }
    this.leave(2);
    return group;
  }

  private predicate(): ConditionSyntax {
    if (this.isPunct('(')) return this.parenthesized();
    const subject = this.operand();
    const token = this.current;
    if (token.type === 'punct' && COMPARATORS.has(token.text)) {
      this.position++;
      return { t: 'compare', op: token.text as Comparator, left: subject, right: this.operand() };
    }
    if (this.isKeyword('BETWEEN')) {
      this.position++;
      const low = this.operand();
      if (!this.isKeyword('AND')) this.fail();
      this.position++;
      return { t: 'between', subject, low, high: this.operand() };
    }
    if (this.isKeyword('IN')) {
      this.position++;
      this.expectPunct('(');
      const list = [this.operand()];
      while (this.isPunct(',')) {
        this.position++;
        list.push(this.operand());
      }
      this.expectPunct(')');
      return { t: 'in', subject, list };
    }
    if (subject.t === 'call') return { t: 'function', call: subject };
    return this.fail();
  }

  // ---- update expressions ----

  private section(): UpdateSection | undefined {
    return UPDATE_SECTIONS.find((section) => this.isKeyword(section));
  }

  /** Parses all sections; reports the first repeated section after the whole expression parsed. */
  update(): { actions: UpdateActionSyntax[]; repeated?: UpdateSection } {
    const actions: UpdateActionSyntax[] = [];
    const seen = new Set<UpdateSection>();
    let repeated: UpdateSection | undefined;
    do {
      const section = this.section();
      if (!section) this.fail();
      this.position++;
      if (seen.has(section) && !repeated) repeated = section;
      seen.add(section);
      do {
        actions.push(this.action(section));
      } while (this.isPunct(',') && ++this.position);
    } while (this.current.type !== 'eof');
    return { actions, repeated };
  }

  private action(section: UpdateSection): UpdateActionSyntax {
    const path = this.path();
    if (section === 'REMOVE') return { t: 'REMOVE', path };
    if (section === 'SET') {
      this.expectPunct('=');
      return { t: 'SET', path, value: this.operand(true) };
    }
    if (this.current.type !== 'value') this.fail();
    return { t: section, path, value: this.operand() };
  }

  projection(): PathSyntax[] {
    const paths = [this.path()];
    while (this.isPunct(',')) {
      this.position++;
      paths.push(this.path());
    }
    return paths;
  }
}
