import { randomBytes } from 'node:crypto';
import { invalidArgument } from '../errors.ts';

/** What a prefix expression can name: `!{timestamp:yyyy}`, `!{firehose:random-string}`, `!{partitionKeyFromQuery:id}`... */
type Namespace = 'timestamp' | 'firehose' | 'partitionKeyFromQuery' | 'partitionKeyFromLambda';
type Part = string | { namespace: Namespace; value: string };

const EXPRESSION = /!\{([^}:]*):([^}]*)\}/g;
const NAMESPACES = new Set<string>(['timestamp', 'firehose', 'partitionKeyFromQuery', 'partitionKeyFromLambda']);
const FIREHOSE_VALUES = new Set(['error-output-type', 'random-string']);
/** The Java DateTimeFormatter letters Firehose prefixes use. */
const DATE_LETTERS = /^[yMdHhmsSDa]$/;
const DEFAULT_TIME = 'yyyy/MM/dd/HH/';

export function parsePrefix(prefix: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of prefix.matchAll(EXPRESSION)) {
    if (match.index > last) parts.push(prefix.slice(last, match.index));
    if (!NAMESPACES.has(match[1])) throw invalidArgument(`The expression ${match[0]} is not valid: namespace ${match[1]} is not supported.`);
    if (match[1] === 'firehose' && !FIREHOSE_VALUES.has(match[2])) throw invalidArgument(`The expression ${match[0]} is not valid: ${match[2]} is not a firehose namespace value.`);
    if (match[1] === 'timestamp') dateTokens(match[2]);
    parts.push({ namespace: match[1] as Namespace, value: match[2] });
    last = match.index + match[0].length;
  }
  if (last < prefix.length) parts.push(prefix.slice(last));
  if (parts.some((p) => typeof p === 'string' && p.includes('!{'))) throw invalidArgument(`The prefix ${prefix} contains an expression that is not closed.`);
  return parts;
}

const uses = (parts: Part[], namespace: Namespace, value?: string) =>
  parts.some((p) => typeof p !== 'string' && p.namespace === namespace && (value === undefined || p.value === value));

/** AWS's rules for Prefix and ErrorOutputPrefix of S3 destinations (Custom Prefixes for Amazon S3 Objects). */
export function validatePrefixes(prefix: string | undefined, errorPrefix: string | undefined, dynamicPartitioning: boolean) {
  const parts = parsePrefix(prefix ?? '');
  const errorParts = parsePrefix(errorPrefix ?? '');
  const expressions = parts.some((p) => typeof p !== 'string');
  if (uses(parts, 'firehose', 'error-output-type')) throw invalidArgument('The !{firehose:error-output-type} expression is only allowed in ErrorOutputPrefix.');
  if (expressions && errorPrefix === undefined) throw invalidArgument('ErrorOutputPrefix cannot be null when Prefix contains expressions');
  if (errorParts.some((p) => typeof p !== 'string') && !uses(errorParts, 'firehose', 'error-output-type')) {
    throw invalidArgument('ErrorOutputPrefix must contain !{firehose:error-output-type} when it contains expressions');
  }
  if (uses(errorParts, 'partitionKeyFromQuery') || uses(errorParts, 'partitionKeyFromLambda')) {
    throw invalidArgument('partitionKeyFromQuery and partitionKeyFromLambda namespaces are not allowed in ErrorOutputPrefix');
  }
  const partitioned = uses(parts, 'partitionKeyFromQuery') || uses(parts, 'partitionKeyFromLambda');
  if (partitioned && !dynamicPartitioning) {
    throw invalidArgument('Dynamic Partitioning Namespaces can only be specified when Dynamic Partitioning is enabled');
  }
  if (dynamicPartitioning && !partitioned) {
    throw invalidArgument('Dynamic Partitioning is enabled, but no Dynamic Partitioning Namespaces are specified in the Prefix');
  }
  if (dynamicPartitioning && errorPrefix === undefined) throw invalidArgument('ErrorOutputPrefix is required when Dynamic Partitioning is enabled');
}

/** The partition key names a prefix uses, per namespace. */
export function partitionKeyNames(prefix: string | undefined): { query: string[]; lambda: string[] } {
  const parts = parsePrefix(prefix ?? '').filter((p) => typeof p !== 'string');
  return {
    query: parts.filter((p) => p.namespace === 'partitionKeyFromQuery').map((p) => p.value),
    lambda: parts.filter((p) => p.namespace === 'partitionKeyFromLambda').map((p) => p.value),
  };
}

type Token = { letter: string; width: number } | string;

function dateTokens(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw invalidArgument(`The timestamp pattern ${pattern} has an unterminated quote.`);
      tokens.push(end === i + 1 ? "'" : pattern.slice(i + 1, end));
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      if (!DATE_LETTERS.test(c)) throw invalidArgument(`The timestamp pattern ${pattern} uses the unsupported pattern letter ${c}.`);
      let j = i;
      while (pattern[j] === c) j++;
      tokens.push({ letter: c, width: j - i });
      i = j;
    } else {
      tokens.push(c);
      i++;
    }
  }
  return tokens;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  dayOfYear: number;
}

function fieldsAt(time: number, timeZone: string | undefined): Fields {
  const date = new Date(time);
  let year = date.getUTCFullYear(), month = date.getUTCMonth() + 1, day = date.getUTCDate();
  let hour = date.getUTCHours(), minute = date.getUTCMinutes(), second = date.getUTCSeconds();
  if (timeZone && timeZone !== 'UTC') {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(date);
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    [year, month, day, hour, minute, second] = [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
  }
  const dayOfYear = Math.floor((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return { year, month, day, hour, minute, second, millisecond: date.getUTCMilliseconds(), dayOfYear };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Formats a time with a Java DateTimeFormatter pattern (the letters Firehose prefixes use). */
export function formatTime(pattern: string, time: number, timeZone?: string): string {
  const f = fieldsAt(time, timeZone);
  return dateTokens(pattern)
    .map((t) => {
      if (typeof t === 'string') return t;
      switch (t.letter) {
        case 'y':
          return t.width === 2 ? pad(f.year % 100, 2) : pad(f.year, t.width);
        case 'M':
          return pad(f.month, t.width);
        case 'd':
          return pad(f.day, t.width);
        case 'D':
          return pad(f.dayOfYear, t.width);
        case 'H':
          return pad(f.hour, t.width);
        case 'h':
          return pad(f.hour % 12 || 12, t.width);
        case 'a':
          return f.hour < 12 ? 'AM' : 'PM';
        case 'm':
          return pad(f.minute, t.width);
        case 's':
          return pad(f.second, t.width);
        default:
          return pad(f.millisecond, 3).slice(0, t.width).padEnd(t.width, '0');
      }
    })
    .join('');
}

/** 11 characters of [A-Za-z0-9], as `!{firehose:random-string}` evaluates. */
function randomString(): string {
  return randomBytes(16).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(11, 'x').slice(0, 11);
}

export interface PrefixValues {
  /** Arrival time of the oldest record in the object. */
  time: number;
  timeZone?: string;
  errorOutputType?: string;
  queryKeys?: Record<string, string>;
  lambdaKeys?: Record<string, string>;
}

/** Evaluates a prefix; a prefix without expressions gets the default `yyyy/MM/dd/HH/` time prefix appended. */
export function evaluatePrefix(prefix: string | undefined, values: PrefixValues): string {
  const parts = parsePrefix(prefix ?? '');
  if (!parts.some((p) => typeof p !== 'string')) parts.push({ namespace: 'timestamp', value: DEFAULT_TIME });
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if (p.namespace === 'timestamp') return formatTime(p.value, values.time, values.timeZone);
      if (p.namespace === 'firehose') return p.value === 'random-string' ? randomString() : (values.errorOutputType ?? '');
      const keys = p.namespace === 'partitionKeyFromQuery' ? values.queryKeys : values.lambdaKeys;
      return keys && Object.hasOwn(keys, p.value) ? keys[p.value] : '';
    })
    .join('');
}

/** The prefix of failed records: the ErrorOutputPrefix, or `<error-output-type>/yyyy/MM/dd/HH/` without one. */
export function evaluateErrorPrefix(errorPrefix: string | undefined, values: PrefixValues & { errorOutputType: string }): string {
  const parts = parsePrefix(errorPrefix ?? '');
  const template = parts.some((p) => typeof p !== 'string') ? errorPrefix! : `${errorPrefix ?? ''}!{firehose:error-output-type}/!{timestamp:${DEFAULT_TIME}}`;
  return evaluatePrefix(template, values);
}
