// The SAM translator names a REST API's deployment after a SHA-1 of `str(swagger)` as Python 2.7 printed it, a
// compatibility it keeps by emulating Python 2.7's dicts (their iteration order follows the string hash and the
// open-addressing table, see CPython 2.7's Objects/dictobject.c) and `u'...'` strings for values that came from the
// template. This module reproduces that text, so that deployments get AWS's logical ids and descriptions.

const MASK64 = (1n << 64n) - 1n;
const MINSIZE = 8;
const PERTURB_SHIFT = 5n;

// Keys are hashed again at every copy of a document: the hashes of recent keys are kept (a bounded cache).
const HASHES = new Map<string, bigint>();
const HASHES_KEPT = 10_000;

/** Python 2.7's hash of a string (no hash randomization), as an unsigned 64-bit number. */
function py27Hash(text: string): bigint {
  let hash = HASHES.get(text);
  if (hash === undefined) {
    if (HASHES.size >= HASHES_KEPT) HASHES.clear();
    HASHES.set(text, (hash = stringHash(text)));
  }
  return hash;
}

function stringHash(text: string): bigint {
  const codes = [...text].map((c) => BigInt(c.codePointAt(0)!));
  if (!codes.length) return 0n;
  let x = codes[0] << 7n;
  for (const c of codes) x = ((1000003n * x) & MASK64) ^ c;
  return (x ^ BigInt(codes.length)) & MASK64;
}

const DUMMY = Symbol('deleted');

/** The keys of a Python 2.7 dict, in its slots: insertions, deletions and resizes as the C dict makes them. */
export class Py27Keys {
  private slots = new Map<number, string | typeof DUMMY>();
  private size = 0;
  private fill = 0;
  private mask = MINSIZE - 1;

  private indexOf(key: string): number {
    const hash = py27Hash(key);
    let i = Number(hash & BigInt(this.mask));
    if (!this.slots.has(i) || this.slots.get(i) === key) return i;
    let free = this.slots.get(i) === DUMMY ? i : undefined;
    let walker = BigInt(i);
    let perturb = hash;
    while (this.slots.has(i) && this.slots.get(i) !== key) {
      walker = ((walker << 2n) + walker + perturb + 1n) & MASK64;
      i = Number(walker & BigInt(this.mask));
      if (!this.slots.has(i)) return free ?? i;
      if (this.slots.get(i) === key) return i;
      if (free === undefined && this.slots.get(i) === DUMMY) free = i;
      perturb >>= PERTURB_SHIFT;
    }
    return i;
  }

  add(key: string): void {
    const before = this.size;
    const i = this.indexOf(key);
    if (!this.slots.has(i)) {
      this.size++;
      this.fill++;
    } else if (this.slots.get(i) === DUMMY) this.size++;
    this.slots.set(i, key);
    // The table grows when two thirds full: four times the entries (twice for very large dicts).
    if (this.size > before && this.fill * 3 >= (this.mask + 1) * 2) this.resize(this.size * (this.size > 50000 ? 2 : 4));
  }

  /** `dict.update` of a dict of `count` keys: the table grows first when they might not fit (PyDict_Merge). */
  reserve(count: number): void {
    if ((this.fill + count) * 3 >= (this.mask + 1) * 2) this.resize((this.size + count) * 2);
  }

  remove(key: string): void {
    const i = this.indexOf(key);
    if (this.slots.has(i) && this.slots.get(i) !== DUMMY) {
      this.slots.set(i, DUMMY);
      this.size--;
    }
  }

  private resize(request: number): void {
    let size = MINSIZE;
    while (size <= request) size <<= 1;
    const old = this.keys();
    this.mask = size - 1;
    this.slots = new Map();
    this.fill = this.size = 0;
    for (const key of old) this.add(key);
  }

  /** The keys in iteration order (slot order). */
  keys(): string[] {
    return [...this.slots].sort(([a], [b]) => a - b).flatMap(([, key]) => (key === DUMMY ? [] : [key]));
  }
}

/** A deep copy of a dict: a new table, the keys added in iteration order. */
function copied(keys: Py27Keys): Py27Keys {
  const copy = new Py27Keys();
  for (const key of keys.keys()) copy.add(key);
  return copy;
}

/** Python 2.7's iteration order of a dict whose keys were inserted in this order, then deep-copied `copies` times. */
export function py27Order(keys: string[], copies = 0): string[] {
  let table = new Py27Keys();
  for (const key of keys) table.add(key);
  for (let i = 0; i < copies; i++) table = copied(table);
  return table.keys();
}

/**
 * The copies SAM's editors make of an API's whole swagger document: one before and one after each edit. A deep copy
 * re-inserts a dict's keys in their order, which can reorder keys that collide, so a dict's order depends on when
 * each key was inserted among the copies.
 */
export interface CopyClock {
  now: number;
}

/** A tracked dict's history: each key's insertion (and deletion, `removed`) at a time of the clock. */
const INSERTS = new WeakMap<object, { clock: CopyClock; inserts: [string, number, 'removed'?][] }>();

/** A dict of a swagger document followed through the copies: the keys it has are inserted now (or `since`), later ones by `insert`. */
export function tracked<T extends object>(value: T, clock: CopyClock, since = clock.now): T {
  INSERTS.set(value, { clock, inserts: Object.keys(value).map((key): [string, number] => [key, since]) });
  // SAM's own dict: its strings are not template strings, even inside a definition from the template.
  if (!UNICODE.has(value)) UNICODE.set(value, {});
  return value;
}

/** Sets a key of a tracked dict (Python's `setdefault`: an existing key keeps its place), now or at an earlier time of its clock (`at`). */
export function insert(dict: Record<string, unknown>, key: string, value: unknown, at?: number): void {
  const track = INSERTS.get(dict);
  if (track && !Object.hasOwn(dict, key)) track.inserts.push([key, at ?? track.clock.now]);
  dict[key] = value;
}

/** Deletes a key of a tracked dict (Python's `del`: its slot stays taken by a dummy until the next copy). */
export function remove(dict: Record<string, unknown>, key: string): void {
  const track = INSERTS.get(dict);
  if (track && Object.hasOwn(dict, key)) track.inserts.push([key, track.clock.now, 'removed']);
  delete dict[key];
}

/** A tracked dict's keys in Python 2.7's order: its insertions (and deletions) replayed among the copies made since. */
function trackedOrder(dict: object): string[] | undefined {
  const track = INSERTS.get(dict);
  if (!track) return undefined;
  const keys = Object.keys(dict);
  const removed = new Set(track.inserts.filter(([, , r]) => r).map(([key]) => key));
  // Keys set without `insert` (added after the events' edits) come last.
  const inserts = [
    ...track.inserts.filter(([key]) => Object.hasOwn(dict, key) || removed.has(key)),
    ...keys.filter((key) => !track.inserts.some(([k]) => k === key)).map((key): [string, number] => [key, track.clock.now]),
  ].sort(([, a], [, b]) => a - b);
  let table = new Py27Keys();
  let time = inserts[0]?.[1] ?? track.clock.now;
  for (const [key, at, r] of inserts) {
    for (; time < at; time++) table = copied(table);
    if (r) table.remove(key);
    else table.add(key);
  }
  for (; time < track.clock.now; time++) table = copied(table);
  return table.keys();
}

/**
 * Which strings of a swagger object SAM holds as template (`u'...'`) strings: all of them in a part copied from the
 * template (`deep`), its keys (all, or all but the constants SAM adds), or the values of some members.
 */
interface Unicode {
  deep?: boolean;
  keys?: boolean;
  plainKeys?: Set<string>;
  values?: Set<string>;
}

const UNICODE = new WeakMap<object, Unicode>();

function mark(value: object, more: Unicode): void {
  const was = UNICODE.get(value) ?? {};
  UNICODE.set(value, { ...was, ...more, values: new Set([...(was.values ?? []), ...(more.values ?? [])]) });
}

/** A part of the swagger taken from the template (a DefinitionBody, a Name): every string in it is a template string. */
export function fromTemplate<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  // Every dict in it, so that a key SAM adds to one (insertConstant) keeps the others' template strings.
  if (!Array.isArray(value)) mark(value, { deep: true });
  for (const member of Object.values(value)) fromTemplate(member);
  return value;
}

/** An object of paths or of one path's methods: its keys came from the template, except the constants named `plain`. */
export function templateKeys<T extends object>(value: T, plain: string[] = []): T {
  mark(value, { keys: true, plainKeys: new Set(plain) });
  return value;
}

/** A key SAM adds to a dict of template keys (a path's `options` preflight method): a constant of its own. */
export function insertConstant(dict: Record<string, unknown>, key: string, value: unknown): void {
  mark(dict, { plainKeys: new Set([...(UNICODE.get(dict)?.plainKeys ?? []), key]) });
  insert(dict, key, value);
}

/** A key SAM sets by name (`security`, `components`…): its own constant when new, the template's when it was there. */
export function setKey(dict: Record<string, unknown>, key: string, value: unknown, at?: number): void {
  if (Object.hasOwn(dict, key)) dict[key] = value;
  else {
    mark(dict, { plainKeys: new Set([...(UNICODE.get(dict)?.plainKeys ?? []), key]) });
    insert(dict, key, value, at);
  }
}

/** An object SAM made whose named members hold template strings (all the strings in them). */
export function templateValues<T extends object>(value: T, ...members: string[]): T {
  mark(value, { values: new Set(members) });
  return value;
}

const ELEMENTS = new WeakMap<unknown[], Set<number>>();

/** A list SAM made whose elements at these indices are template strings (a `Fn::Sub` string built from a template's path). */
export function templateElements<T extends unknown[]>(list: T, ...indices: number[]): T {
  ELEMENTS.set(list, new Set(indices));
  return list;
}

const PYTHON_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Python's `unicode_escape` encoding: ASCII text with backslash escapes for the rest. */
function unicodeEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (Object.hasOwn(PYTHON_ESCAPES, ch)) out += PYTHON_ESCAPES[ch];
    else if (code < 0x20 || (code >= 0x7f && code < 0x100)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x100 && code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0x10000) out += `\\U${code.toString(16).padStart(8, '0')}`;
    else out += ch;
  }
  return out;
}

/** Python 3's `repr()` of a string: single quotes unless it holds one and no double quote. */
function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (Object.hasOwn(PYTHON_ESCAPES, ch)) out += PYTHON_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

/** `repr()` of a string as SAM prints it: a template string as Python 2.7 printed a unicode string. */
function textRepr(text: string, unicode: boolean): string {
  return unicode ? `u${stringRepr(unicodeEscape(text)).replaceAll('\\\\', '\\')}` : stringRepr(text);
}

const INSERTION_ORDERED = new WeakSet<object>();

/** A plain Python 3 dict SAM makes (not its Python 2.7 emulation): its keys iterate in insertion order. */
export function insertionOrdered<T extends object>(value: T): T {
  INSERTION_ORDERED.add(value);
  return value;
}

/** A dict's keys in the order SAM's Python 2.7 emulation iterates them. */
export function iterationOrder(dict: object): string[] {
  if (INSERTION_ORDERED.has(dict)) return Object.keys(dict);
  return trackedOrder(dict) ?? py27Order(Object.keys(dict), 1);
}

/** `str(value)` as SAM's Python 2.7 emulation prints a swagger document. */
export function py27Str(value: unknown, deep = false): string {
  if (typeof value === 'string') return textRepr(value, deep);
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (Array.isArray(value)) return `[${value.map((v, i) => py27Str(v, deep || !!ELEMENTS.get(value)?.has(i))).join(', ')}]`;
  const object = value as Record<string, unknown>;
  // An object SAM made inside a part from the template (an event's method in a DefinitionBody) is SAM's own.
  const own = UNICODE.get(object);
  const unicode = own ?? {};
  const inside = own ? !!own.deep : deep;
  const keyIsTemplate = (key: string) => (inside || !!unicode.keys) && !unicode.plainKeys?.has(key);
  const member = (key: string) => {
    const v = object[key];
    const fromTemplate = inside || !!unicode.values?.has(key);
    return typeof v === 'string' ? textRepr(v, fromTemplate) : py27Str(v, fromTemplate);
  };
  // A dict not followed through the edits: its keys inserted in order, then copied once.
  return `{${iterationOrder(object).map((key) => `${textRepr(key, keyIsTemplate(key))}: ${member(key)}`).join(', ')}}`;
}

/** `json.dumps(value)` of a part of the template as SAM's Python prints it: its dicts in Python 2.7's order, ASCII only. */
export function py27JsonDumps(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (typeof value === 'boolean' || value === null || value === undefined) return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(py27JsonDumps).join(', ')}]`;
  const object = value as Record<string, unknown>;
  return `{${iterationOrder(object).map((key) => `${py27JsonDumps(key)}: ${py27JsonDumps(object[key])}`).join(', ')}}`;
}

/** Python's repr of a float (shortest round-trip digits, as JavaScript's). */
function pythonFloat(value: number): string {
  const text = String(value);
  return /[.eE]|Infinity|NaN/.test(text) ? text.replace('Infinity', 'inf').replace('NaN', 'nan').replace(/e([+-])(\d)$/, 'e$10$2') : `${text}.0`;
}

