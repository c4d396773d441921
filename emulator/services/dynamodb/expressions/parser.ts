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
const UPDATE_SECTIONS = ['SET', 'REMOVE', 'ADD', 'DELETE'] as const;
type UpdateSection = (typeof UPDATE_SECTIONS)[number];

export class Parser {
  private readonly tokens: Token[];
  private position = 0;

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
      const args: OperandSyntax[] = [this.operand(arithmetic)];
      while (this.isPunct(',')) {
        this.position++;
        args.push(this.operand(arithmetic));
      }
      this.expectPunct(')');
      return { t: 'call', fn: token.text, args };
    }
    if (this.isPathStart()) return this.path();
    return this.fail();
  }

  // ---- conditions ----

  condition(): ConditionSyntax {
    let left = this.conjunction();
    while (this.isKeyword('OR')) {
      this.position++;
      left = { t: 'or', left, right: this.conjunction() };
    }
    return left;
  }

  private conjunction(): ConditionSyntax {
    let left = this.negation();
    while (this.isKeyword('AND')) {
      this.position++;
      left = { t: 'and', left, right: this.negation() };
    }
    return left;
  }

  private negation(): ConditionSyntax {
    if (this.isKeyword('NOT')) {
      this.position++;
      return { t: 'not', operand: this.negation() };
    }
    return this.predicate();
  }

  private predicate(): ConditionSyntax {
    if (this.isPunct('(')) {
      this.position++;
      const inner = this.condition();
      this.expectPunct(')');
      return { t: 'paren', inner };
    }
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
