import { parseCidr } from './cidr.ts';
import { JsonCursor, PatternSyntaxError } from './json-cursor.ts';
import type { CompiledPattern, FieldRule, Matcher, NumericBound } from './types.ts';
import { wildcardRegExp, wildcardSyntaxProblem, wildcardTooComplex } from './wildcard.ts';

/** Patterns expand `$or` into alternatives; AWS bounds the result, and so does twinstack. */
const MAX_ALTERNATIVES = 1000;

/**
 * Compiles an event pattern the way AWS reads it, token by token, so that an invalid pattern is refused with AWS's
 * reason and source location. Throws PatternSyntaxError with the message after "Event pattern is not valid. Reason: ".
 */
export function compilePattern(source: string): CompiledPattern {
  const cursor = new JsonCursor(source);
  if (cursor.nextToken() !== 'START_OBJECT') throw cursor.error('Filter is not an object');
  const rules = parseObject(cursor, '');
  for (const rule of rules) for (const field of rule) checkComplexity(field.matchers);
  return rules;
}

function parseObject(cursor: JsonCursor, prefix: string): FieldRule[][] {
  let rules: FieldRule[][] = [[]];
  let fields = 0;
  while (cursor.nextToken() !== 'END_OBJECT') {
    fields++;
    const name = cursor.currentName;
    const token = cursor.nextToken();
    const path = prefix ? `${prefix}.${name}` : name;
    if (name === '$or') {
      if (token !== 'START_ARRAY') throw cursor.error('Value of $or must be an array.');
      rules = product(rules, parseOr(cursor, prefix), cursor);
    } else if (token === 'START_OBJECT') rules = product(rules, parseObject(cursor, path), cursor);
    else if (token === 'START_ARRAY') {
      const field = { path, matchers: parseMatchers(cursor) };
      rules = rules.map((rule) => [...rule, field]);
    } else throw cursor.error(`"${name}" must be an object or an array`);
  }
  if (!fields) throw cursor.error('Empty objects are not allowed');
  return rules;
}

function parseOr(cursor: JsonCursor, prefix: string): FieldRule[][] {
  const alternatives: FieldRule[][] = [];
  let count = 0;
  while (cursor.nextToken() !== 'END_ARRAY') {
    count++;
    if (cursor.currentToken !== 'START_OBJECT') throw cursor.error('Elements of $or must be objects.');
    alternatives.push(...parseObject(cursor, prefix));
  }
  if (count < 2) throw cursor.error('There must have at least 2 Object inside $or Array.');
  return alternatives;
}

function product(left: FieldRule[][], right: FieldRule[][], cursor: JsonCursor): FieldRule[][] {
  if (left.length * right.length > MAX_ALTERNATIVES) throw cursor.error('Rule is too complex - too many $or alternatives');
  return left.flatMap((l) => right.map((r) => [...l, ...r]));
}

function parseMatchers(cursor: JsonCursor): Matcher[] {
  const matchers: Matcher[] = [];
  for (let token = cursor.nextToken(); token !== 'END_ARRAY'; token = cursor.nextToken()) {
    if (token === 'START_OBJECT') matchers.push(parseMatchExpression(cursor));
    else if (token === 'START_ARRAY') throw cursor.error('Match value must be String, number, true, false, or null');
    else matchers.push({ type: 'exact', value: scalar(cursor) });
  }
  if (!matchers.length) throw cursor.error('Empty arrays are not allowed');
  return matchers;
}

function scalar(cursor: JsonCursor): string | number | boolean | null {
  switch (cursor.currentToken) {
    case 'VALUE_STRING':
      return cursor.getText();
    case 'VALUE_NUMBER':
      return Number(cursor.getText());
    case 'VALUE_TRUE':
      return true;
    case 'VALUE_FALSE':
      return false;
    default:
      return null;
  }
}

function parseMatchExpression(cursor: JsonCursor): Matcher {
  if (cursor.nextToken() !== 'FIELD_NAME') throw cursor.error('Match expression name not found');
  const name = cursor.currentName;
  const matcher = parseMatchValue(cursor, name);
  if (cursor.nextToken() !== 'END_OBJECT') throw cursor.error('Only one key allowed in match expression');
  return matcher;
}

function parseMatchValue(cursor: JsonCursor, name: string): Matcher {
  const token = cursor.nextToken();
  switch (name) {
    case 'prefix':
    case 'suffix': {
      if (token === 'START_OBJECT') return { type: name, text: parseIgnoreCaseObject(cursor, name), ignoreCase: true };
      if (token !== 'VALUE_STRING') throw cursor.error(`${name} match pattern must be a string`);
      return { type: name, text: cursor.getText(), ignoreCase: false };
    }
    case 'equals-ignore-case':
      if (token !== 'VALUE_STRING') throw cursor.error('equals-ignore-case match pattern must be a string');
      return { type: 'equals-ignore-case', text: cursor.getText() };
    case 'wildcard':
      if (token !== 'VALUE_STRING') throw cursor.error('wildcard match pattern must be a string');
      return wildcard(cursor);
    case 'numeric':
      if (token !== 'START_ARRAY') throw cursor.error('Value of numeric must be an array.');
      return { type: 'numeric', bounds: parseNumeric(cursor) };
    case 'exists':
      if (token !== 'VALUE_TRUE' && token !== 'VALUE_FALSE') throw cursor.error('exists match pattern must be either true or false.');
      return { type: 'exists', exists: token === 'VALUE_TRUE' };
    case 'cidr': {
      // AWS words this one as if it were a prefix.
      if (token !== 'VALUE_STRING') throw cursor.error('prefix match pattern must be a string');
      const range = parseCidr(cursor.getText());
      if (typeof range === 'string') throw new PatternSyntaxError(range);
      return { type: 'cidr', range };
    }
    case 'anything-but':
      return { type: 'anything-but', inner: parseAnythingBut(cursor) };
    default:
      throw cursor.error(`Unrecognized match type ${name}`);
  }
}

function parseIgnoreCaseObject(cursor: JsonCursor, name: string): string {
  if (cursor.nextToken() !== 'FIELD_NAME' || cursor.currentName !== 'equals-ignore-case') {
    throw cursor.error(`Unsupported ${name} pattern: ${cursor.currentName}`);
  }
  if (cursor.nextToken() !== 'VALUE_STRING') throw cursor.error('equals-ignore-case match pattern must be a string');
  const text = cursor.getText();
  if (cursor.nextToken() !== 'END_OBJECT') throw cursor.error('Only one key allowed in match expression');
  return text;
}

function wildcard(cursor: JsonCursor): Matcher {
  const text = cursor.getText();
  const problem = wildcardSyntaxProblem(text);
  if (problem) throw cursor.error(problem);
  return { type: 'wildcard', text, regex: wildcardRegExp(text) };
}

function parseNumeric(cursor: JsonCursor): NumericBound[] {
  const bounds: NumericBound[] = [];
  for (let token = cursor.nextToken(); token !== 'END_ARRAY'; token = cursor.nextToken()) {
    if (token !== 'VALUE_STRING') throw cursor.error(`Invalid member in numeric match: ${cursor.getText()}`);
    const op = cursor.getText();
    if (op !== '=' && op !== '<' && op !== '<=' && op !== '>' && op !== '>=') throw cursor.error(`Unrecognized numeric range operator: ${op}`);
    const lower = op.startsWith('>');
    if (op === '=' ? bounds.length > 0 : bounds.some((b) => b.op === '=' || b.op.startsWith('>') === lower)) {
      throw cursor.error(`Bad numeric range operator: ${op}`);
    }
    if (cursor.nextToken() !== 'VALUE_NUMBER') throw cursor.error(`Value of ${op} must be numeric`);
    bounds.push({ op, value: Number(cursor.getText()) });
  }
  const low = bounds.find((b) => b.op.startsWith('>'));
  const high = bounds.find((b) => b.op.startsWith('<'));
  if (low && high && low.value >= high.value) throw cursor.error('Bottom must be less than top');
  if (!bounds.length) throw cursor.error('Empty numeric match');
  return bounds;
}

/** The values an anything-but excludes: one string or number, a list of them, or one prefix/suffix/ignore-case/wildcard form. */
function parseAnythingBut(cursor: JsonCursor): Matcher[] {
  switch (cursor.currentToken) {
    case 'VALUE_STRING':
    case 'VALUE_NUMBER':
      return [{ type: 'exact', value: scalar(cursor) }];
    case 'START_ARRAY':
      return inList(cursor, () => listOf(cursor, 'Inside anything but list, start|null|boolean is not supported.', ['VALUE_STRING', 'VALUE_NUMBER'])).map(
        (value) => ({ type: 'exact', value }),
      );
    case 'START_OBJECT':
      break;
    default:
      throw cursor.error('Value of anything-but must be an array or single string/number value.');
  }
  if (cursor.nextToken() !== 'FIELD_NAME') throw cursor.error('Match expression name not found');
  const name = cursor.currentName;
  const token = cursor.nextToken();
  let inner: Matcher[];
  if (name === 'prefix' || name === 'suffix') {
    if (token === 'START_OBJECT') throw cursor.error('Value of anything-but must be an array or single string/number value.');
    const texts = stringOrList(cursor, 'prefix/suffix match pattern must be a string');
    inner = texts.map((text) => ({ type: name, text, ignoreCase: false }));
  } else if (name === 'equals-ignore-case') {
    const texts = stringOrList(cursor, 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
    inner = texts.map((text) => ({ type: 'equals-ignore-case', text }));
  } else if (name === 'wildcard') {
    const texts = stringOrList(cursor, 'wildcard match pattern must be a string');
    inner = texts.map((text) => {
      const problem = wildcardSyntaxProblem(text);
      if (problem) throw cursor.error(problem);
      return { type: 'wildcard', text, regex: wildcardRegExp(text) };
    });
  } else throw cursor.error(`Unsupported anything-but pattern: ${name}`);
  if (cursor.nextToken() !== 'END_OBJECT') throw cursor.error('Only one key allowed in match expression');
  return inner;

  function stringOrList(c: JsonCursor, typeError: string): string[] {
    const texts = token === 'START_ARRAY' ? inList(c, () => listOf(c, typeError, ['VALUE_STRING']) as string[]) : [single(c, typeError)];
    if ((name === 'prefix' || name === 'suffix') && texts.includes('')) throw c.error('Null prefix/suffix not allowed');
    return texts;
  }

  function single(c: JsonCursor, typeError: string): string {
    if (token !== 'VALUE_STRING') throw c.error(typeError);
    return c.getText();
  }
}

/** A list's elements, all of one of the allowed token types (AWS reports such errors twice, wrapped by the list). */
function listOf(cursor: JsonCursor, typeError: string, allowed: string[]): (string | number)[] {
  const values: (string | number)[] = [];
  let kind: string | undefined;
  for (let token = cursor.nextToken(); token !== 'END_ARRAY'; token = cursor.nextToken()) {
    if (!token || !allowed.includes(token) || (kind && kind !== token)) throw cursor.error(typeError);
    kind = token;
    values.push(scalar(cursor) as string | number);
  }
  if (!values.length) throw cursor.error('Empty arrays are not allowed');
  return values;
}

function inList<T>(cursor: JsonCursor, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof PatternSyntaxError) throw new PatternSyntaxError(`${error.message}\n at ${cursor.location()}`);
    throw error;
  }
}

function checkComplexity(matchers: Matcher[]): void {
  for (const m of matchers) {
    const sources = m.type === 'wildcard' ? [m] : m.type === 'anything-but' ? m.inner.filter((i) => i.type === 'wildcard') : [];
    for (const s of sources) {
      if (s.type === 'wildcard' && wildcardTooComplex(s.text)) {
        throw new PatternSyntaxError(
          'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
        );
      }
    }
  }
}
