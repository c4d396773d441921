/**
 * A pull reader over JSON text that stops where AWS's pattern compiler (a streaming Jackson parser) stops, so that
 * InvalidEventPatternException messages carry the same `line, column` AWS reports. Jackson reads ahead in known ways:
 * after a field name it has already consumed the start of the value (a whole number or literal, the opening quote of
 * a string, the bracket of an array or object); a string's text is read only when asked for.
 */
export type JsonToken =
  | 'START_OBJECT'
  | 'END_OBJECT'
  | 'START_ARRAY'
  | 'END_ARRAY'
  | 'FIELD_NAME'
  | 'VALUE_STRING'
  | 'VALUE_NUMBER'
  | 'VALUE_TRUE'
  | 'VALUE_FALSE'
  | 'VALUE_NULL';

/** A compile error with Jackson's location suffix already appended (AWS shows it after the reason). */
export class PatternSyntaxError extends Error {}

/** Jackson shows at most this many characters of the source in a location. */
const SNIPPET_LIMIT = 500;

interface Scope {
  kind: 'object' | 'array';
  entries: number;
}

export class JsonCursor {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly scopes: Scope[] = [];
  /** The value token Jackson already consumed after a field name. */
  private buffered?: JsonToken;
  /** The current string's characters have not been read yet. */
  private incomplete = false;
  private stringText = '';
  private numberText = '';
  private token?: JsonToken;
  private name = '';

  constructor(private readonly source: string) {}

  get currentToken(): JsonToken | undefined {
    return this.token;
  }

  get currentName(): string {
    return this.name;
  }

  nextToken(): JsonToken | undefined {
    if (this.buffered) {
      const token = this.buffered;
      this.buffered = undefined;
      if (token === 'START_OBJECT' || token === 'START_ARRAY') this.scopes.push({ kind: token === 'START_OBJECT' ? 'object' : 'array', entries: 0 });
      return (this.token = token);
    }
    if (this.incomplete) this.readString();
    this.skipWhitespace();
    if (this.pos >= this.source.length) {
      if (this.scopes.length) {
        const scope = this.scopes[this.scopes.length - 1];
        throw this.error(`Unexpected end-of-input: expected close marker for ${scope.kind === 'object' ? 'Object' : 'Array'}`);
      }
      return (this.token = undefined);
    }
    const scope = this.scopes[this.scopes.length - 1];
    let c = this.source[this.pos];
    if (scope && (c === '}' || c === ']')) {
      if ((c === '}') !== (scope.kind === 'object')) {
        throw this.unexpected(c, `expected close marker for ${scope.kind === 'object' ? 'Object' : 'Array'}`);
      }
      this.pos++;
      this.scopes.pop();
      return (this.token = c === '}' ? 'END_OBJECT' : 'END_ARRAY');
    }
    if (scope && scope.entries > 0) {
      if (c !== ',') throw this.unexpected(c, `was expecting comma to separate ${scope.kind === 'object' ? 'Object' : 'Array'} entries`);
      this.pos++;
      this.skipWhitespace();
      c = this.source[this.pos];
    }
    if (scope) scope.entries++;
    if (scope?.kind === 'object') {
      if (c !== '"') throw this.unexpected(c, 'was expecting double-quote to start field name');
      this.pos++;
      this.name = this.readStringBody();
      this.skipWhitespace();
      if (this.source[this.pos] !== ':') throw this.unexpected(this.source[this.pos], 'was expecting a colon to separate field name and value');
      this.pos++;
      this.skipWhitespace();
      this.buffered = this.startValue(false);
      return (this.token = 'FIELD_NAME');
    }
    const token = this.startValue(true);
    return (this.token = token);
  }

  /** The text of the current string (reading it if Jackson had not yet), or the current number's text. */
  getText(): string {
    if (this.token === 'VALUE_STRING') {
      if (this.incomplete) this.readString();
      return this.stringText;
    }
    if (this.token === 'VALUE_NUMBER') return this.numberText;
    if (this.token === 'FIELD_NAME') return this.name;
    if (this.token === 'VALUE_TRUE') return 'true';
    if (this.token === 'VALUE_FALSE') return 'false';
    if (this.token === 'VALUE_NULL') return 'null';
    return '';
  }

  /** Skips the current array or object (its start token was just returned). */
  skipChildren(): void {
    if (this.token !== 'START_OBJECT' && this.token !== 'START_ARRAY') return;
    let depth = 1;
    while (depth > 0) {
      const t = this.nextToken();
      if (t === 'START_OBJECT' || t === 'START_ARRAY') depth++;
      else if (t === 'END_OBJECT' || t === 'END_ARRAY') depth--;
    }
  }

  /** A compile error at the reader's position, worded as AWS words it. */
  error(reason: string): PatternSyntaxError {
    return new PatternSyntaxError(`${reason}\n at ${this.location()}`);
  }

  location(column = this.pos - this.lineStart + 1): string {
    const shown =
      this.source.length > SNIPPET_LIMIT
        ? `"${this.source.slice(0, SNIPPET_LIMIT)}"[truncated ${this.source.length - SNIPPET_LIMIT} chars]`
        : `"${this.source}"`;
    return `[Source: (String)${shown}; line: ${this.line}, column: ${column}]`;
  }

  private unexpected(c: string | undefined, expectation: string): PatternSyntaxError {
    if (c === undefined) return this.error(`Unexpected end-of-input: ${expectation}`);
    const column = this.pos - this.lineStart + 1;
    return new PatternSyntaxError(`Unexpected character ('${c}' (code ${c.codePointAt(0)})): ${expectation}\n at ${this.location(column)}`);
  }

  /** Reads the start of a value; `enter` opens an array or object scope now (else when the buffered token is taken). */
  private startValue(enter: boolean): JsonToken {
    const c = this.source[this.pos];
    if (c === '"') {
      this.pos++;
      this.incomplete = true;
      return 'VALUE_STRING';
    }
    if (c === '{' || c === '[') {
      this.pos++;
      if (enter) this.scopes.push({ kind: c === '{' ? 'object' : 'array', entries: 0 });
      return c === '{' ? 'START_OBJECT' : 'START_ARRAY';
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.source.slice(this.pos));
      if (!match) throw this.unexpected(this.source[this.pos + 1], 'expected digit (0-9) to follow minus sign, for valid numeric value');
      this.numberText = match[0];
      this.pos += match[0].length;
      return 'VALUE_NUMBER';
    }
    const word = /^[A-Za-z0-9_$]+/.exec(this.source.slice(this.pos))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos += word.length;
      return word === 'true' ? 'VALUE_TRUE' : word === 'false' ? 'VALUE_FALSE' : 'VALUE_NULL';
    }
    if (word) {
      this.pos += word.length;
      throw this.error(`Unrecognized token '${word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`);
    }
    throw this.unexpected(c, "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
  }

  private readString(): void {
    this.incomplete = false;
    this.stringText = this.readStringBody();
  }

  /** Reads from after an opening quote to after the closing one. */
  private readStringBody(): string {
    let out = '';
    for (;;) {
      const c = this.source[this.pos++];
      if (c === undefined) throw this.error('Unexpected end-of-input: was expecting closing quote for a string value');
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.source[this.pos++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (Object.hasOwn(simple, e)) out += simple[e];
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.source.slice(this.pos, this.pos + 4))) {
        out += String.fromCharCode(parseInt(this.source.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else throw this.error(`Unrecognized character escape '${e}' (code ${e?.codePointAt(0)})`);
    }
  }

  private skipWhitespace(): void {
    for (;;) {
      const c = this.source[this.pos];
      if (c === '\n') {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else return;
    }
  }
}
