/** Tokens of DynamoDB's PartiQL subset: identifiers (bare or "quoted"), 'strings', numbers, ?, punctuation. */
import { malformed } from './errors.ts';

export type TokenType = 'identifier' | 'quoted' | 'string' | 'number' | 'punct' | 'parameter' | 'eof';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

const PUNCTUATION = ['<<', '>>', '<>', '!=', '<=', '>=', '*', ',', '.', '(', ')', '[', ']', '{', '}', '=', '<', '>', ':', '+', '-'];
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*/;

function quoted(source: string, start: number, quote: string): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  for (;;) {
    if (i >= source.length) throw malformed('Unterminated string or identifier');
    if (source[i] === quote) {
      if (source[i + 1] !== quote) return { text, end: i + 1 };
      i++; // doubled quote = literal quote
    }
    text += source[i++];
  }
}

export function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const { text, end } = quoted(source, i, c);
      tokens.push({ type: c === "'" ? 'string' : 'quoted', text, start: i, end });
      i = end;
      continue;
    }
    if (c === '?') {
      tokens.push({ type: 'parameter', text: '?', start: i, end: i + 1 });
      i++;
      continue;
    }
    const rest = source.slice(i);
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: 'number', text: number[0], start: i, end: i + number[0].length });
      i += number[0].length;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      tokens.push({ type: 'identifier', text: identifier[0], start: i, end: i + identifier[0].length });
      i += identifier[0].length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => rest.startsWith(p));
    if (!punct) throw malformed(`Unexpected character: ${c}`);
    tokens.push({ type: 'punct', text: punct, start: i, end: i + punct.length });
    i += punct.length;
  }
  tokens.push({ type: 'eof', text: '<EOF>', start: source.length, end: source.length });
  return tokens;
}
