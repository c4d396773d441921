import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { formatDecimal, normalizeNumber, parseDecimal } from '../expressions/numbers.ts';
import type { Item } from '../values.ts';

/**
 * Amazon Ion text as DynamoDB exports and imports it (Developer Guide, "DynamoDB table export output format", Ion):
 * strings, decimals for numbers, blobs, booleans, null, lists and structs, and sets as lists annotated
 * `$dynamodb_SS`, `$dynamodb_NS` and `$dynamodb_BS`.
 */

const SET_ANNOTATION: Record<string, 'SS' | 'NS' | 'BS'> = { $dynamodb_SS: 'SS', $dynamodb_NS: 'NS', $dynamodb_BS: 'BS' };
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const KEYWORDS = new Set(['null', 'true', 'false', 'nan']);

/** A DynamoDB number as an Ion decimal, trailing zeros folded into the exponent as AWS writes them (600 is `6d2`). */
export function ionDecimal(number: string): string {
  const decimal = parseDecimal(number);
  const sign = decimal.negative ? '-' : '';
  if (decimal.digits === '') return '0.';
  if (decimal.exponent === 0) return `${sign}${decimal.digits}.`;
  return decimal.exponent > 0 ? `${sign}${decimal.digits}d${decimal.exponent}` : formatDecimal(decimal);
}

const fieldName = (name: string) => (IDENTIFIER.test(name) && !KEYWORDS.has(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
const blob = (bytes: Uint8Array) => `{{${Buffer.from(bytes).toString('base64')}}}`;

function valueToIon(value: AttributeValue): string {
  if (value.S !== undefined) return JSON.stringify(value.S);
  if (value.N !== undefined) return ionDecimal(value.N);
  if (value.B !== undefined) return blob(value.B);
  if (value.BOOL !== undefined) return String(value.BOOL);
  if (value.NULL !== undefined) return 'null';
  if (value.SS !== undefined) return `$dynamodb_SS::[${value.SS.map((s) => JSON.stringify(s)).join(',')}]`;
  if (value.NS !== undefined) return `$dynamodb_NS::[${value.NS.map(ionDecimal).join(',')}]`;
  if (value.BS !== undefined) return `$dynamodb_BS::[${value.BS.map(blob).join(',')}]`;
  if (value.L !== undefined) return `[${value.L.map(valueToIon).join(',')}]`;
  return itemToIon(value.M ?? {});
}

/** An item as an Ion struct. */
export function itemToIon(item: Item): string {
  return `{${Object.entries(item).map(([name, value]) => `${fieldName(name)}:${valueToIon(value)}`).join(',')}}`;
}

/** An Ion struct of items (`{Item:{...}}`, or an incremental export's `{Keys:..., NewImage:...}`) as text. */
export function recordToIon(record: Record<string, Item | Record<string, AttributeValue>>): string {
  return `{${Object.entries(record).map(([name, item]) => `${name}:${itemToIon(item)}`).join(',')}}`;
}

/** A parsed Ion value: scalars as they map to DynamoDB, lists with their annotations. */
type IonValue =
  | { kind: 'string' | 'number'; text: string; annotations: string[] }
  | { kind: 'blob'; bytes: Buffer; annotations: string[] }
  | { kind: 'bool'; value: boolean; annotations: string[] }
  | { kind: 'null'; annotations: string[] }
  | { kind: 'list'; items: IonValue[]; annotations: string[] }
  | { kind: 'struct'; fields: [string, IonValue][]; annotations: string[] }
  | { kind: 'symbol'; text: string; annotations: string[] };

export class IonSyntaxError extends Error {}

/** Reads Ion text (the subset DynamoDB data holds): the top-level values, version markers left out. */
export function parseIon(text: string): IonValue[] {
  let at = 0;
  const fail = (what: string): never => {
    throw new IonSyntaxError(`${what} at offset ${at}`);
  };
  const skip = () => {
    for (;;) {
      while (at < text.length && /\s/.test(text[at])) at++;
      if (text.startsWith('//', at)) at = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
      else if (text.startsWith('/*', at)) at = text.indexOf('*/', at) === -1 ? fail('an unclosed comment') : text.indexOf('*/', at) + 2;
      else return;
    }
  };
  const quoted = (quote: string): string => {
    let out = '';
    at++;
    while (text[at] !== quote) {
      if (at >= text.length) fail('an unclosed string');
      if (text[at] === '\\') {
        const escape = text[at + 1];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\', '/': '/', '0': '\0', b: '\b', f: '\f', v: '\v', a: '\x07' };
        if (escape in simple) {
          out += simple[escape];
          at += 2;
        } else if (escape === 'u' || escape === 'x' || escape === 'U') {
          const length = escape === 'x' ? 2 : escape === 'u' ? 4 : 8;
          out += String.fromCodePoint(parseInt(text.slice(at + 2, at + 2 + length), 16));
          at += 2 + length;
        } else if (escape === '\n') at += 2;
        else fail('an unknown escape');
      } else out += text[at++];
    }
    at++;
    return out;
  };
  const string = (): string => {
    if (!text.startsWith("'''", at)) return quoted('"');
    // Long strings: adjacent '''…''' parts are one string.
    let out = '';
    while (text.startsWith("'''", at)) {
      const end = text.indexOf("'''", at + 3);
      if (end === -1) fail('an unclosed long string');
      out += text.slice(at + 3, end);
      at = end + 3;
      skip();
    }
    return out;
  };
  const symbol = (): string => {
    if (text[at] === "'") return quoted("'");
    const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(at, at + 256));
    if (!match) fail('an unexpected character');
    at += match![0].length;
    return match![0];
  };
  const value = (): IonValue => {
    skip();
    const annotations: string[] = [];
    // Annotations (`name::`) before the value; a symbol on its own is a value (true, false and null are keywords).
    for (;;) {
      const quotedSymbol = text[at] === "'" && !text.startsWith("'''", at);
      if (!quotedSymbol && !/[A-Za-z_$]/.test(text[at] ?? '')) break;
      const name = symbol();
      const after = at;
      skip();
      if (text.startsWith('::', at)) {
        annotations.push(name);
        at += 2;
        skip();
        continue;
      }
      at = after;
      if (!quotedSymbol && (name === 'true' || name === 'false')) return { kind: 'bool', value: name === 'true', annotations };
      if (!quotedSymbol && name === 'null') {
        // A typed null (null.string...) is a null too.
        if (text[at] === '.') {
          at++;
          symbol();
        }
        return { kind: 'null', annotations };
      }
      return { kind: 'symbol', text: name, annotations };
    }
    const c = text[at];
    if (c === '"' || text.startsWith("'''", at)) return { kind: 'string', text: string(), annotations };
    if (text.startsWith('{{', at)) {
      const end = text.indexOf('}}', at);
      if (end === -1) fail('an unclosed blob');
      const inner = text.slice(at + 2, end).trim();
      at = end + 2;
      // A clob ({{"text"}}) holds its text's bytes.
      return { kind: 'blob', bytes: inner.startsWith('"') ? Buffer.from(JSON.parse(inner) as string, 'latin1') : Buffer.from(inner.replace(/\s/g, ''), 'base64'), annotations };
    }
    if (c === '{') {
      at++;
      const fields: [string, IonValue][] = [];
      for (skip(); text[at] !== '}'; skip()) {
        const name = text[at] === '"' || text.startsWith("'''", at) ? string() : symbol();
        skip();
        if (text[at] !== ':') fail('a struct field without ":"');
        at++;
        fields.push([name, value()]);
        skip();
        if (text[at] === ',') at++;
        else if (text[at] !== '}') fail('a struct without "," or "}"');
      }
      at++;
      return { kind: 'struct', fields, annotations };
    }
    if (c === '[') {
      at++;
      const items: IonValue[] = [];
      for (skip(); text[at] !== ']'; skip()) {
        items.push(value());
        skip();
        if (text[at] === ',') at++;
        else if (text[at] !== ']') fail('a list without "," or "]"');
      }
      at++;
      return { kind: 'list', items, annotations };
    }
    const number = /^[-+]?(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|[0-9_]+(?:\.[0-9_]*)?(?:[dDeE][-+]?[0-9]+)?)/.exec(text.slice(at, at + 1024));
    if (!number || !number[0]) return fail('an unexpected character');
    at += number![0].length;
    return { kind: 'number', text: number![0], annotations };
  };
  const values: IonValue[] = [];
  for (skip(); at < text.length; skip()) {
    const next = value();
    if (!(next.kind === 'symbol' && next.text === '$ion_1_0' && !next.annotations.length)) values.push(next);
  }
  return values;
}

/** An Ion number as a DynamoDB number in its plain form; undefined when DynamoDB cannot store it. */
function numberText(text: string): string | undefined {
  const plain = text.replace(/_/g, '').replace(/^\+/, '');
  try {
    return normalizeNumber(/^-?0[xXbB]/.test(plain) ? String(BigInt(plain)) : plain.replace(/[dD]/, 'E'));
  } catch {
    return undefined;
  }
}

/** An Ion value as an attribute value; undefined when DynamoDB has no such value. */
export function attributeFromIon(value: IonValue): AttributeValue | undefined {
  const set = value.annotations.map((a) => SET_ANNOTATION[a]).find(Boolean);
  switch (value.kind) {
    case 'string':
    case 'symbol':
      return { S: value.text };
    case 'number': {
      const n = numberText(value.text);
      return n === undefined ? undefined : { N: n };
    }
    case 'blob':
      return { B: value.bytes };
    case 'bool':
      return { BOOL: value.value };
    case 'null':
      return { NULL: true };
    case 'list': {
      const items = value.items.map(attributeFromIon);
      if (items.some((v) => v === undefined)) return undefined;
      if (set === 'SS') return items.every((v) => v!.S !== undefined) ? { SS: items.map((v) => v!.S!) } : undefined;
      if (set === 'NS') return items.every((v) => v!.N !== undefined) ? { NS: items.map((v) => v!.N!) } : undefined;
      if (set === 'BS') return items.every((v) => v!.B !== undefined) ? { BS: items.map((v) => v!.B!) } : undefined;
      return { L: items as AttributeValue[] };
    }
    case 'struct': {
      const item = itemFromIon(value);
      return item && { M: item };
    }
  }
}

/** A struct as an item; undefined when it is not a struct or holds a value DynamoDB has not. */
export function itemFromIon(value: IonValue | undefined): Item | undefined {
  if (value?.kind !== 'struct') return undefined;
  const item: Item = {};
  for (const [name, field] of value.fields) {
    const attribute = attributeFromIon(field);
    if (!attribute) return undefined;
    item[name] = attribute;
  }
  return item;
}

/** The field of a struct, by name. */
export function ionField(value: IonValue, name: string): IonValue | undefined {
  return value.kind === 'struct' ? value.fields.find(([field]) => field === name)?.[1] : undefined;
}
