import { invalidParameter } from '../errors.ts';
import { compileGrok } from './grok.ts';
import { memoized } from '../memo.ts';

/** A log event while a transformer works on it: a JSON object, starting as `{"@message": message}`. */
type Event = Record<string, unknown>;
type Step = (event: Event) => void;
type Config = Record<string, Record<string, unknown>>;

/** AWS's limits: 20 processors per transformer; the first is a parser. */
const MAX_PROCESSORS = 20;
const PARSERS = new Set(['parseJSON', 'grok', 'csv', 'parseKeyValue', 'parseCloudfront', 'parseRoute53', 'parseVPC', 'parseWAF', 'parsePostgres', 'parseToOCSF']);
/** Parsers of AWS services' own formats, which AWS documents but twinstack does not parse. */
const UNSUPPORTED = new Set(['parseCloudfront', 'parseRoute53', 'parseVPC', 'parseWAF', 'parsePostgres', 'parseToOCSF', 'dateTimeConverter']);

const get = (event: Event, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Event)[k] : undefined), event);

function set(event: Event, path: string, value: unknown, overwrite = true): void {
  const keys = path.split('.');
  let target = event;
  for (const key of keys.slice(0, -1)) {
    if (!target[key] || typeof target[key] !== 'object') target[key] = {};
    target = target[key] as Event;
  }
  const last = keys[keys.length - 1];
  if (overwrite || !Object.hasOwn(target, last)) target[last] = value;
}

function remove(event: Event, path: string): void {
  const keys = path.split('.');
  const parent = keys.length > 1 ? get(event, keys.slice(0, -1).join('.')) : event;
  if (parent && typeof parent === 'object') delete (parent as Event)[keys[keys.length - 1]];
}

/** Puts parsed keys at `destination`, or (without one) in place of the parsed source at the event's root. */
function place(event: Event, source: string, parsed: Event, destination?: string): void {
  if (destination) return set(event, destination, parsed);
  if (source === '@message') remove(event, '@message');
  Object.assign(event, parsed);
}

// Entries' members are strings, but for overwriteIfExists, a boolean.
const entries = (p: Record<string, unknown>) => (p.entries ?? []) as (Record<string, string> & { overwriteIfExists?: boolean })[];
const keysOf = (p: Record<string, unknown>) => (p.withKeys ?? []) as string[];
const mapStrings = (f: (s: string) => string) => (p: Record<string, unknown>): Step => (e) => {
  for (const k of keysOf(p)) if (typeof get(e, k) === 'string') set(e, k, f(get(e, k) as string));
};

function convert(value: unknown, type: string): unknown {
  if (type === 'string') return typeof value === 'string' ? value : JSON.stringify(value);
  if (type === 'boolean') return value === true || String(value).toLowerCase() === 'true';
  const n = Number(value);
  if (Number.isNaN(n)) return value;
  return type === 'integer' ? Math.trunc(n) : n;
}

/** The processors, each compiled from its parameters into a step. */
const PROCESSORS: Record<string, (p: Record<string, unknown>) => Step> = {
  parseJSON: (p) => (e) => {
    const source = (p.source as string) ?? '@message';
    const parsed = JSON.parse(String(get(e, source)));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) place(e, source, parsed, p.destination as string);
  },
  grok: (p) => {
    const { regex, names } = compileGrok(p.match as string);
    return (e) => {
      const source = (p.source as string) ?? '@message';
      const found = regex.exec(String(get(e, source) ?? ''));
      if (!found) return;
      const parsed: Event = {};
      names.forEach((name, i) => found[i + 1] !== undefined && set(parsed, name, found[i + 1]));
      place(e, source, parsed);
    };
  },
  csv: (p) => (e) => {
    const source = (p.source as string) ?? '@message';
    const delimiter = (p.delimiter as string) ?? ',';
    const quote = (p.quoteCharacter as string) ?? '"';
    const values: string[] = [];
    let current = '';
    let quoted = false;
    const text = String(get(e, source) ?? '');
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === quote && quoted && text[i + 1] === quote) {
        current += quote;
        i++;
      } else if (c === quote) quoted = !quoted;
      else if (!quoted && text.startsWith(delimiter, i)) {
        values.push(current);
        current = '';
        i += delimiter.length - 1;
      } else current += c;
    }
    values.push(current);
    const columns = (p.columns as string[]) ?? values.map((_, i) => `column_${i + 1}`);
    place(e, source, Object.fromEntries(columns.map((c, i) => [c, values[i]]).filter(([, v]) => v !== undefined)));
  },
  parseKeyValue: (p) => (e) => {
    const source = (p.source as string) ?? '@message';
    const parsed: Event = {};
    for (const pair of String(get(e, source) ?? '').split((p.fieldDelimiter as string) ?? '&')) {
      const at = pair.indexOf((p.keyValueDelimiter as string) ?? '=');
      if (at < 0) {
        if (p.nonMatchValue !== undefined && pair) parsed[`${p.keyPrefix ?? ''}${pair}`] = p.nonMatchValue;
        continue;
      }
      parsed[`${p.keyPrefix ?? ''}${pair.slice(0, at)}`] = pair.slice(at + ((p.keyValueDelimiter as string) ?? '=').length);
    }
    if (p.destination) set(e, p.destination as string, parsed, p.overwriteIfExists !== false);
    else place(e, source, parsed);
  },
  addKeys: (p) => (e) => entries(p).forEach((x) => set(e, x.key, x.value, x.overwriteIfExists ?? false)),
  deleteKeys: (p) => (e) => keysOf(p).forEach((k) => remove(e, k)),
  copyValue: (p) => (e) => entries(p).forEach((x) => get(e, x.source) !== undefined && set(e, x.target, get(e, x.source), x.overwriteIfExists ?? false)),
  moveKeys: (p) => (e) =>
    entries(p).forEach((x) => {
      const value = get(e, x.source);
      if (value === undefined) return;
      remove(e, x.source);
      set(e, x.target, value, x.overwriteIfExists ?? false);
    }),
  renameKeys: (p) => (e) =>
    entries(p).forEach((x) => {
      const value = get(e, x.key);
      if (value === undefined) return;
      remove(e, x.key);
      const parent = x.key.includes('.') ? `${x.key.slice(0, x.key.lastIndexOf('.'))}.` : '';
      set(e, `${parent}${x.renameTo}`, value, x.overwriteIfExists ?? false);
    }),
  listToMap: (p) => (e) => {
    const list = get(e, p.source as string);
    if (!Array.isArray(list)) return;
    const map: Event = {};
    for (const item of list as Event[]) {
      const key = item?.[p.key as string];
      if (typeof key !== 'string') continue;
      const value = p.valueKey ? item[p.valueKey as string] : item;
      if (!p.flatten) map[key] = value;
      else if (Array.isArray(map[key]) || map[key] !== undefined) map[key] = p.flattenedElement === 'last' ? value : map[key];
      else map[key] = value;
    }
    if (p.target) set(e, p.target as string, map);
    else Object.assign(e, map);
  },
  lowerCaseString: mapStrings((s) => s.toLowerCase()),
  upperCaseString: mapStrings((s) => s.toUpperCase()),
  trimString: mapStrings((s) => s.trim()),
  splitString: (p) => (e) => entries(p).forEach((x) => typeof get(e, x.source) === 'string' && set(e, x.source, (get(e, x.source) as string).split(x.delimiter))),
  substituteString: (p) => (e) =>
    entries(p).forEach((x) => typeof get(e, x.source) === 'string' && set(e, x.source, (get(e, x.source) as string).replace(new RegExp(x.from, 'g'), x.to))),
  typeConverter: (p) => (e) => entries(p).forEach((x) => get(e, x.key) !== undefined && set(e, x.key, convert(get(e, x.key), x.type))),
};

/** Checks a transformer configuration as AWS requires it and compiles its steps. */
export function parseTransformerConfig(config: unknown): Step[] {
  if (!Array.isArray(config) || !config.length) throw invalidParameter('transformerConfig must contain at least one processor.');
  if (config.length > MAX_PROCESSORS) throw invalidParameter(`transformerConfig can contain at most ${MAX_PROCESSORS} processors.`);
  return (config as Config[]).map((processor, index) => {
    const names = Object.keys(processor ?? {}).filter((k) => (processor as Config)[k] != null);
    if (names.length !== 1) throw invalidParameter('Each processor of a transformerConfig must set exactly one processor type.');
    const [name] = names;
    if (index === 0 && !PARSERS.has(name)) throw invalidParameter('The first processor of a transformerConfig must be a parser.');
    if (UNSUPPORTED.has(name) || !Object.hasOwn(PROCESSORS, name)) throw invalidParameter(`Processor ${name} is not supported by twinstack.`);
    try {
      return PROCESSORS[name](processor[name]);
    } catch (error) {
      throw invalidParameter(`Invalid ${name} processor: ${(error as Error).message}`);
    }
  });
}

type Transform = (message: string) => string | undefined;

const compiled = memoized((text) => build(JSON.parse(text)));

/** A compiled transformer: a message in, the transformed event as JSON out (undefined when a processor fails on it). */
export function compileTransformer(config: object[]): Transform {
  return compiled(JSON.stringify(config));
}

function build(config: object[]): Transform {
  const steps = parseTransformerConfig(config);
  return (message) => {
    const event: Event = { '@message': message };
    try {
      for (const step of steps) step(event);
    } catch {
      return undefined;
    }
    return JSON.stringify(event);
  };
}
