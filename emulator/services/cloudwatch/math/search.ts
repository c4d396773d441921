import type { StoredMetric } from '../metrics.ts';
import { MathError } from './parse.ts';

/**
 * SEARCH expressions, as the CloudWatch User Guide ("CloudWatch search expression syntax") describes them: an optional
 * schema `{Namespace, DimensionName, ...}` (the metric is in that namespace and has exactly those dimensions), then
 * terms joined by AND (the default), OR and NOT with parentheses. A bare term matches a whole word of the namespace,
 * metric name or a dimension name or value (words split at punctuation and case changes, compared ignoring case); a
 * "quoted" term matches a whole name or value exactly; `Name=value` restricts one property (MetricName, Namespace)
 * or dimension.
 */
type Matcher = (m: StoredMetric) => boolean;

const WORD = /\s*(?:(\{[^}]*\})|(\(|\))|("(?:[^"\\]|\\.)*")|([^\s()="]+)\s*=\s*(?:("(?:[^"\\]|\\.)*")|([^\s()"]+))|([^\s()"]+))/y;

function words(text: string): string[] {
  return text
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [])
    .map((w) => w.toLowerCase());
}

function matchesTerm(value: string, term: string, exact: boolean): boolean {
  if (exact) return value === term;
  const wanted = words(term);
  const have = words(value);
  if (value.toLowerCase() === term.toLowerCase()) return true;
  // Every word of the term appears, in order, as consecutive words of the value.
  return wanted.length > 0 && have.some((_, i) => wanted.every((w, j) => have[i + j] === w));
}

function fields(m: StoredMetric): string[] {
  return [m.namespace, m.name, ...m.dimensions.flatMap((d) => [d.Name!, d.Value!])];
}

function propertyMatcher(key: string, value: string, exact: boolean): Matcher {
  if (key === 'MetricName') return (m) => matchesTerm(m.name, value, exact);
  if (key === 'Namespace') return (m) => matchesTerm(m.namespace, value, exact);
  return (m) => m.dimensions.some((d) => d.Name === key && matchesTerm(d.Value!, value, exact));
}

const unquote = (s: string) => s.slice(1, -1).replace(/\\(.)/g, '$1');

export function compileSearch(text: string): Matcher {
  const tokens: { kind: 'schema' | 'paren' | 'match' | 'word'; text: string; matcher?: Matcher }[] = [];
  let at = 0;
  while (at < text.length && !/^\s*$/.test(text.slice(at))) {
    WORD.lastIndex = at;
    const m = WORD.exec(text);
    if (!m) throw new MathError(`Invalid search expression at position ${at + 1}`);
    at = WORD.lastIndex;
    if (m[1]) tokens.push({ kind: 'schema', text: m[1] });
    else if (m[2]) tokens.push({ kind: 'paren', text: m[2] });
    else if (m[3]) tokens.push({ kind: 'match', text: m[3], matcher: (x) => fields(x).some((f) => matchesTerm(f, unquote(m[3]), true)) });
    else if (m[4]) {
      const exact = m[5] !== undefined;
      tokens.push({ kind: 'match', text: m[0], matcher: propertyMatcher(m[4], exact ? unquote(m[5]) : m[6], exact) });
    } else tokens.push({ kind: 'word', text: m[7] });
  }
  let i = 0;
  const schema = tokens[0]?.kind === 'schema' ? schemaMatcher(tokens[i++].text) : undefined;
  const or = (): Matcher => {
    let left = and();
    while (tokens[i]?.text === 'OR') {
      i++;
      const [a, b] = [left, and()];
      left = (m) => a(m) || b(m);
    }
    return left;
  };
  const and = (): Matcher => {
    let left = not();
    while (i < tokens.length && tokens[i].text !== 'OR' && tokens[i].text !== ')') {
      if (tokens[i].text === 'AND') i++;
      const [a, b] = [left, not()];
      left = (m) => a(m) && b(m);
    }
    return left;
  };
  const not = (): Matcher => {
    if (tokens[i]?.text === 'NOT') {
      i++;
      const inner = not();
      return (m) => !inner(m);
    }
    const token = tokens[i++];
    if (!token) throw new MathError('Incomplete search expression');
    if (token.text === '(') {
      const inner = or();
      if (tokens[i++]?.text !== ')') throw new MathError('Unbalanced parentheses in search expression');
      return inner;
    }
    if (token.matcher) return token.matcher;
    if (token.kind === 'word') return (m) => fields(m).some((f) => matchesTerm(f, token.text, false));
    throw new MathError(`Unexpected ${token.text} in search expression`);
  };
  const terms = i < tokens.length ? or() : () => true;
  if (i < tokens.length) throw new MathError(`Unexpected ${tokens[i].text} in search expression`);
  return schema ? (m) => schema(m) && terms(m) : terms;
}

function schemaMatcher(text: string): Matcher {
  const parts = text
    .slice(1, -1)
    .split(',')
    .map((p) => p.trim())
    .map((p) => (p.startsWith('"') ? unquote(p) : p));
  const [namespace, ...dimensions] = parts;
  if (!namespace) throw new MathError('A search schema names a namespace');
  const wanted = [...dimensions].sort().join('\n');
  return (m) =>
    m.namespace === namespace &&
    m.dimensions
      .map((d) => d.Name!)
      .sort()
      .join('\n') === wanted;
}
