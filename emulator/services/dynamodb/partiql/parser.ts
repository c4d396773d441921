/** Recursive-descent parser for the PartiQL statements DynamoDB supports (SELECT, INSERT, UPDATE, DELETE). */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Condition, Operand, Path, UpdateAction } from '../expressions/bound.ts';
import { normalizeNumber, validateAttributeValue } from '../expressions/index.ts';
import { typeOf } from '../expressions/values.ts';
import { malformed, partiqlValidation } from './errors.ts';
import { lex, type Token } from './lexer.ts';
import type { PartiqlStatement } from './statement.ts';
import { setEntry } from '../../../core/entries.ts';
import { AwsError } from '../../../core/errors.ts';

const COMPARATORS: Record<string, '=' | '<>' | '<' | '<=' | '>' | '>='> = {
  '=': '=',
  '<>': '<>',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

const MAX_NESTING = 1000;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A number literal of a statement. AWS reads it as a Java BigDecimal: an exponent or scale beyond 32 bits leaves the
 * statement "not well formed" with nothing after the colon; a readable number that breaks DynamoDB's number rules
 * gets the number message with the literal's place appended, " under root", " under root.x", " under root[1]"
 * (paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlGrammar.test.ts, pinned against real AWS).
 */
function literalNumber(text: string, path: string): string {
  const [mantissa, exponentText] = text.split(/[eE]/);
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const scale = (mantissa.split('.')[1] ?? '').length - exponent;
  if (exponent < INT32_MIN || exponent > INT32_MAX || scale < INT32_MIN || scale > INT32_MAX) throw malformed('');
  try {
    return normalizeNumber(text);
  } catch (error) {
    if (error instanceof AwsError) throw partiqlValidation(`${error.message} under ${path}`);
    throw error;
  }
}

/** Words that may follow a table name; any other word there is an alias. */
const CLAUSE_KEYWORDS = new Set(['WHERE', 'SET', 'REMOVE', 'ORDER', 'RETURNING']);

export class PartiqlParser {
  private readonly tokens: Token[];
  private position = 0;
  private parameterIndex = 0;
  private depth = 0;

  constructor(
    source: string,
    private readonly parameters: AttributeValue[],
  ) {
    this.tokens = lex(source);
  }

  private get current(): Token {
    return this.tokens[this.position];
  }

  /**
   * Nesting bookkeeping (a parenthesized condition weighs 2, a NOT or a nested literal 1), so that a deeply nested
   * statement is refused instead of exhausting the stack. AWS's answer to such statements is unknown; the limit is
   * far above what DynamoDB's 32 levels of attribute nesting and 300-operator conditions need.
   */
  private enter(weight: number): void {
    this.depth += weight;
    if (this.depth > MAX_NESTING) throw malformed('The statement has too many nesting levels');
  }

  private leave(weight: number): void {
    this.depth -= weight;
  }

  private fail(): never {
    const token = this.current;
    if (token.type === 'eof') throw malformed('Unexpected end of statement');
    throw malformed(`Unexpected ${token.type === 'identifier' ? 'keyword' : 'token'}: ${token.text}`);
  }

  private isKeyword(word: string, token = this.current): boolean {
    return token.type === 'identifier' && token.text.toUpperCase() === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.position++;
    return true;
  }

  private expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) this.fail();
  }

  private isPunct(text: string): boolean {
    return this.current.type === 'punct' && this.current.text === text;
  }

  private acceptPunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.position++;
    return true;
  }

  private expectPunct(text: string): void {
    if (!this.acceptPunct(text)) this.fail();
  }

  /** Statement parameters must all be used ("?" count = Parameters count). */
  private finish(statement: PartiqlStatement): PartiqlStatement {
    this.acceptPunct(';');
    if (this.current.type !== 'eof') throw malformed('Unexpected token after expression');
    if (this.parameterIndex !== this.parameters.length) {
      // wording as AWS returns it for a parameter count mismatch (unverified punctuation)
      throw partiqlValidation("Number of parameters in request and statement don't match.");
    }
    return statement;
  }

  statement(): PartiqlStatement {
    if (this.acceptKeyword('SELECT')) return this.finish(this.select());
    if (this.acceptKeyword('INSERT')) return this.finish(this.insert());
    if (this.acceptKeyword('UPDATE')) return this.finish(this.update());
    if (this.acceptKeyword('DELETE')) return this.finish(this.delete());
    throw malformed('Expected data manipulation');
  }

  // ---- names and paths ----

  private name(): string {
    const token = this.current;
    if (token.type === 'quoted' || token.type === 'identifier') {
      this.position++;
      return token.text;
    }
    return this.fail();
  }

  private path(): Path {
    const path: Path = [this.name()];
    for (;;) {
      if (this.acceptPunct('.')) path.push(this.name());
      else if (this.acceptPunct('[')) {
        const token = this.current;
        if (token.type === 'number' && /^\d+$/.test(token.text)) path.push(Number(token.text));
        else if (token.type === 'string') path.push(token.text);
        else this.fail();
        this.position++;
        this.expectPunct(']');
      } else return path;
    }
  }

  /** Table and index names may be written unquoted even with hyphens or digits (my-table-1), as AWS accepts. */
  private tableName(): string {
    if (this.current.type === 'quoted') return this.name();
    let text = this.name();
    for (;;) {
      const previous = this.tokens[this.position - 1];
      const token = this.current;
      const adjacent = token.start === previous.end;
      const joinable = token.type === 'identifier' || token.type === 'number' || (token.type === 'punct' && token.text === '-');
      if (!adjacent || !joinable) return text;
      text += token.text;
      this.position++;
    }
  }

  private table(): { table: string; index?: string } {
    const table = this.tableName();
    const target = this.acceptPunct('.') ? { table, index: this.tableName() } : { table };
    this.rejectAlias();
    return target;
  }

  /** `FROM "t" t` and `FROM "t" AS t`: AWS refuses table aliases in SELECT, UPDATE and DELETE in its own words. */
  private rejectAlias(): void {
    const { type, text } = this.current;
    if (type === 'identifier' && !CLAUSE_KEYWORDS.has(text.toUpperCase())) throw partiqlValidation('Aliasing is not supported');
  }

  // ---- values ----

  private isValueStart(): boolean {
    const { type, text } = this.current;
    if (type === 'string' || type === 'number' || type === 'parameter') return true;
    if (type === 'punct') return ['[', '{', '<<', '-'].includes(text);
    return ['TRUE', 'FALSE', 'NULL'].some((word) => this.isKeyword(word));
  }

  /** A literal or parameter; `path` is its place inside the attribute value, for AWS's number errors. */
  value(path = 'root'): AttributeValue {
    const token = this.current;
    this.position++;
    switch (token.type) {
      case 'string':
        return { S: token.text };
      case 'number':
        return { N: literalNumber(token.text, path) };
      case 'parameter': {
        const parameter = this.parameters[this.parameterIndex++];
        if (parameter === undefined) throw partiqlValidation("Number of parameters in request and statement don't match.");
        validateAttributeValue(parameter, 'Parameters');
        return parameter;
      }
      case 'identifier': {
        const word = token.text.toUpperCase();
        if (word === 'TRUE' || word === 'FALSE') return { BOOL: word === 'TRUE' };
        if (word === 'NULL') return { NULL: true };
        break;
      }
      case 'punct':
        if (token.text === '-' && this.current.type === 'number') return { N: literalNumber('-' + this.tokens[this.position++].text, path) };
        if (token.text === '[') return { L: this.sequence(']', path) };
        if (token.text === '<<') return this.set(this.sequence('>>', path));
        if (token.text === '{') return { M: this.map(path) };
        break;
      default:
    }
    this.position--;
    return this.fail();
  }

  private sequence(close: string, path: string): AttributeValue[] {
    const items: AttributeValue[] = [];
    this.enter(1);
    if (!this.acceptPunct(close)) {
      do items.push(this.value(`${path}[${items.length}]`));
      while (this.acceptPunct(','));
      this.expectPunct(close);
    }
    this.leave(1);
    return items;
  }

  private set(elements: AttributeValue[]): AttributeValue {
    if (elements.length === 0) throw partiqlValidation('Empty bags are not supported');
    const type = typeOf(elements[0]);
    // unverified wording: a set literal must hold strings, numbers or binaries of one type
    if (!['S', 'N', 'B'].includes(type) || elements.some((e) => typeOf(e) !== type)) {
      throw partiqlValidation('Unsupported type passed in set literal');
    }
    const members = elements.map((e) => (e as unknown as Record<string, unknown>)[type]);
    const value = { [`${type}S`]: members } as unknown as AttributeValue;
    validateAttributeValue(value, 'set');
    return value;
  }

  /** A map literal after its "{"; `path` undefined for the item of an INSERT, whose attributes are each a root. */
  private map(path: string | undefined): Record<string, AttributeValue> {
    const map: Record<string, AttributeValue> = {};
    this.enter(1);
    if (!this.acceptPunct('}')) {
      do {
        const key = this.current;
        if (key.type !== 'string' && key.type !== 'quoted') this.fail();
        this.position++;
        this.expectPunct(':');
        setEntry(map, key.text, this.value(path === undefined ? 'root' : `${path}.${key.text}`));
      } while (this.acceptPunct(','));
      this.expectPunct('}');
    }
    this.leave(1);
    return map;
  }

  // ---- conditions ----

  private operand(): Operand {
    if (this.isValueStart()) return { t: 'const', value: this.value() };
    if (this.isKeyword('SIZE') && this.tokens[this.position + 1]?.text === '(') {
      this.position += 2;
      const path = this.path();
      this.expectPunct(')');
      return { t: 'size', path };
    }
    return { t: 'path', path: this.path() };
  }

  condition(): Condition {
    let left = this.conjunction();
    while (this.acceptKeyword('OR')) left = { t: 'or', left, right: this.conjunction() };
    return left;
  }

  private conjunction(): Condition {
    let left = this.negation();
    while (this.acceptKeyword('AND')) left = { t: 'and', left, right: this.negation() };
    return left;
  }

  private negation(): Condition {
    if (!this.acceptKeyword('NOT')) return this.predicate();
    this.enter(1);
    const operand = this.negation();
    this.leave(1);
    return { t: 'not', operand };
  }

  private functionCall(): Condition | undefined {
    const name = this.current.text.toLowerCase();
    if (this.current.type !== 'identifier' || this.tokens[this.position + 1]?.text !== '(') return undefined;
    const known = ['attribute_exists', 'attribute_not_exists', 'begins_with', 'contains', 'attribute_type'];
    if (!known.includes(name)) return undefined;
    this.position += 2;
    const path = this.path();
    let second: Operand | undefined;
    if (name !== 'attribute_exists' && name !== 'attribute_not_exists') {
      this.expectPunct(',');
      second = this.operand();
    }
    this.expectPunct(')');
    if (name === 'attribute_exists' || name === 'attribute_not_exists') {
      return { t: 'exists', path, expected: name === 'attribute_exists' };
    }
    if (name === 'begins_with') return { t: 'begins_with', subject: { t: 'path', path }, prefix: second! };
    if (name === 'contains') return { t: 'contains', path, operand: second! };
    return { t: 'attribute_type', path, type: second! };
  }

  private predicate(): Condition {
    if (this.acceptPunct('(')) {
      this.enter(2);
      const inner = this.condition();
      this.expectPunct(')');
      this.leave(2);
      return inner;
    }
    const call = this.functionCall();
    if (call) return call;
    const subject = this.operand();
    const comparator = this.current.type === 'punct' ? COMPARATORS[this.current.text] : undefined;
    if (comparator) {
      this.position++;
      return { t: 'compare', op: comparator, left: subject, right: this.operand() };
    }
    if (this.acceptKeyword('IS')) {
      const negated = this.acceptKeyword('NOT');
      if (subject.t !== 'path') this.fail();
      if (this.acceptKeyword('MISSING')) return { t: 'exists', path: subject.path, expected: negated };
      this.expectKeyword('NULL');
      const isNull: Condition = { t: 'attribute_type', path: subject.path, type: { t: 'const', value: { S: 'NULL' } } };
      return negated ? { t: 'not', operand: isNull } : isNull;
    }
    if (this.acceptKeyword('BETWEEN')) {
      const low = this.operand();
      this.expectKeyword('AND');
      return { t: 'between', subject, low, high: this.operand() };
    }
    if (this.acceptKeyword('IN')) {
      const close = this.acceptPunct('[') ? ']' : (this.expectPunct('('), ')');
      const list: Operand[] = [this.operand()];
      while (this.acceptPunct(',')) list.push(this.operand());
      this.expectPunct(close);
      return { t: 'in', subject, list };
    }
    return this.fail();
  }

  // ---- statements ----

  private select(): PartiqlStatement {
    let projection: Path[] | undefined;
    if (!this.acceptPunct('*')) {
      projection = [this.path()];
      while (this.acceptPunct(',')) projection.push(this.path());
    }
    this.expectKeyword('FROM');
    const target = this.table();
    const where = this.acceptKeyword('WHERE') ? this.condition() : undefined;
    return { kind: 'select', ...target, projection, where, keyEqualities: where ? equalities(where) : {} };
  }

  private insert(): PartiqlStatement {
    this.expectKeyword('INTO');
    const table = this.tableName();
    this.expectKeyword('VALUE');
    if (!this.acceptPunct('{')) this.fail();
    const item = this.map(undefined);
    return { kind: 'insert', table, item };
  }

  private setValue(): Operand {
    const name = this.current.text.toLowerCase();
    if (this.current.type === 'identifier' && this.tokens[this.position + 1]?.text === '(' && name === 'list_append') {
      this.position += 2;
      const left = this.operand();
      this.expectPunct(',');
      const right = this.operand();
      this.expectPunct(')');
      return { t: 'list_append', left, right };
    }
    const left = this.operand();
    if (this.isPunct('+') || this.isPunct('-')) {
      const op = this.current.text as '+' | '-';
      this.position++;
      return { t: 'arith', op, left, right: this.operand() };
    }
    return left;
  }

  /** SET path = value | SET path = set_add(path, <<...>>) | SET path = set_delete(path, <<...>>) */
  private setAction(): UpdateAction {
    const path = this.path();
    this.expectPunct('=');
    const fn = this.current.text.toLowerCase();
    if (this.current.type === 'identifier' && (fn === 'set_add' || fn === 'set_delete') && this.tokens[this.position + 1]?.text === '(') {
      this.position += 2;
      this.path();
      this.expectPunct(',');
      const value = this.value();
      this.expectPunct(')');
      return { t: fn === 'set_add' ? 'ADD' : 'DELETE', path, value };
    }
    return { t: 'SET', path, value: this.setValue() };
  }

  private update(): PartiqlStatement {
    const table = this.tableName();
    this.rejectAlias();
    const actions: UpdateAction[] = [];
    for (;;) {
      if (this.acceptKeyword('SET')) {
        do actions.push(this.setAction());
        while (this.acceptPunct(','));
      } else if (this.acceptKeyword('REMOVE')) {
        do actions.push({ t: 'REMOVE', path: this.path() });
        while (this.acceptPunct(','));
      } else break;
    }
    if (actions.length === 0) this.fail();
    this.expectKeyword('WHERE');
    const where = this.condition();
    return { kind: 'update', table, key: equalities(where), plan: { actions }, where };
  }

  private delete(): PartiqlStatement {
    this.expectKeyword('FROM');
    const table = this.tableName();
    this.rejectAlias();
    this.expectKeyword('WHERE');
    const where = this.condition();
    return { kind: 'delete', table, key: equalities(where), where };
  }
}

/** Top-level attribute = constant terms joined by AND: the candidates for a key lookup. */
function equalities(condition: Condition, out: Record<string, AttributeValue> = {}): Record<string, AttributeValue> {
  if (condition.t === 'and') {
    equalities(condition.left, out);
    equalities(condition.right, out);
  } else if (condition.t === 'compare' && condition.op === '=') {
    const { left, right } = condition;
    if (left.t === 'path' && left.path.length === 1 && right.t === 'const') out[left.path[0] as string] = right.value;
    else if (right.t === 'path' && right.path.length === 1 && left.t === 'const') out[right.path[0] as string] = left.value;
  }
  return out;
}
