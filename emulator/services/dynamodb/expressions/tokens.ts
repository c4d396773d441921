/** Lexer shared by every DynamoDB expression kind. */

export type TokenType = 'name' | 'alias' | 'value' | 'number' | 'punct' | 'eof' | 'bad';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const TWO_CHAR_PUNCT = new Set(['<>', '<=', '>=']);
const ONE_CHAR_PUNCT = new Set(['(', ')', '[', ']', ',', '.', '=', '<', '>', '+', '-']);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let type: TokenType;
    if (c === 35 /* # */ || c === 58 /* : */) {
      i++;
      while (i < source.length && isWordChar(source.charCodeAt(i))) i++;
      type = i === start + 1 ? 'bad' : c === 35 ? 'alias' : 'value';
    } else if (isDigit(c)) {
      while (i < source.length && isDigit(source.charCodeAt(i))) i++;
      // "1a" is one malformed token, as in AWS's "token: \"1a\"" style reports
      while (i < source.length && isWordChar(source.charCodeAt(i))) i++;
      type = /^\d+$/.test(source.slice(start, i)) ? 'number' : 'bad';
    } else if (isWordChar(c)) {
      while (i < source.length && isWordChar(source.charCodeAt(i))) i++;
      type = 'name';
    } else if (TWO_CHAR_PUNCT.has(source.slice(i, i + 2))) {
      i += 2;
      type = 'punct';
    } else {
      i += String.fromCodePoint(source.codePointAt(i)!).length;
      type = ONE_CHAR_PUNCT.has(source[start]) ? 'punct' : 'bad';
    }
    tokens.push({ type, text: source.slice(start, i), start, end: i });
  }
  tokens.push({ type: 'eof', text: '<EOF>', start: source.length, end: source.length });
  return tokens;
}
