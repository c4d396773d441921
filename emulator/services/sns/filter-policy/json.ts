/**
 * A JSON reader that keeps each value's place in the text, so that filter policy errors can name the column as AWS
 * (whose reader is Jackson) does: after the token, or just after a string's opening quote when its text was not read.
 */
export type JsonNode =
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'number'; value: number; text: string; start: number; end: number }
  | { kind: 'boolean'; value: boolean; start: number; end: number }
  | { kind: 'null'; value: null; start: number; end: number }
  | { kind: 'array'; items: JsonNode[]; start: number; end: number; openEnd: number }
  | { kind: 'object'; entries: { key: string; keyNode: JsonNode; value: JsonNode }[]; start: number; end: number; openEnd: number };

const SOURCE_REDACTED = 'REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)';

export class JsonSyntaxError extends Error {}

/** Parses JSON text; a syntax error carries Jackson's wording and position (line 1 only, as policies are one line). */
export function parsePositioned(text: string): JsonNode {
  let i = 0;
  const fail = (message: string, column: number): never => {
    throw new JsonSyntaxError(`${message}\n at [Source: ${SOURCE_REDACTED}; line: 1, column: ${column}]`);
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const charError = (expecting: string): never => {
    const ch = text[i];
    if (ch === undefined) return fail(`Unexpected end-of-input: expected ${expecting}`, i + 1);
    return fail(`Unexpected character ('${ch}' (code ${ch.codePointAt(0)})): ${expecting}`, i + 1);
  };
  const string = (): JsonNode => {
    const start = i;
    i++;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[esc] ?? esc;
        i += 2;
        continue;
      }
      out += text[i++];
    }
    if (i >= text.length) fail('Unexpected end-of-input in VALUE_STRING', i + 1);
    i++;
    return { kind: 'string', value: out, start, end: i };
  };
  const value = (): JsonNode => {
    ws();
    const start = i;
    const ch = text[i];
    if (ch === '"') return string();
    if (ch === '{') return object();
    if (ch === '[') return array();
    const word = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i))?.[0];
    if (!word) return charError('expected a valid value (JSON String, Number, Array, Object or token \'null\', \'true\' or \'false\')');
    i += word.length;
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true', start, end: i };
    if (word === 'null') return { kind: 'null', value: null, start, end: i };
    if (/^-?\d/.test(word)) return { kind: 'number', value: Number(word), text: word, start, end: i };
    return fail(
      `Unrecognized token '${word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`,
      i + 1,
    );
  };
  const array = (): JsonNode => {
    const start = i++;
    const openEnd = i;
    const items: JsonNode[] = [];
    ws();
    if (text[i] === ']') return { kind: 'array', items, start, end: ++i, openEnd };
    for (;;) {
      items.push(value());
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return { kind: 'array', items, start, end: ++i, openEnd };
      return charError("was expecting comma to separate Array entries");
    }
  };
  const object = (): JsonNode => {
    const start = i++;
    const openEnd = i;
    const entries: { key: string; keyNode: JsonNode; value: JsonNode }[] = [];
    ws();
    if (text[i] === '}') return { kind: 'object', entries, start, end: ++i, openEnd };
    for (;;) {
      ws();
      if (text[i] !== '"') return charError('was expecting double-quote to start field name');
      const keyNode = string();
      ws();
      if (text[i] !== ':') return charError("was expecting a colon to separate field name and value");
      i++;
      entries.push({ key: (keyNode as { value: string }).value, keyNode, value: value() });
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return { kind: 'object', entries, start, end: ++i, openEnd };
      return charError('was expecting comma to separate Object entries');
    }
  };
  const root = value();
  ws();
  if (i < text.length) charError('expected end of input');
  return root;
}

/** Parses JSON for an attribute (RedrivePolicy, DeliveryPolicy...), failing with `fail(<Jackson's message>)`. */
export function parseJsonStrict(text: string, fail: (message: string) => Error): unknown {
  try {
    parsePositioned(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw fail(error.message);
    throw error;
  }
  return JSON.parse(text);
}

export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'array':
      return node.items.map(toPlain);
    case 'object':
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
    default:
      return node.value;
  }
}
