import { createPrivateKey, createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import { RecordMap } from './records.ts';

/**
 * How one class's instances are saved and restored. Instances are saved field by field (own enumerable properties)
 * and restored without running the constructor, on the class's prototype.
 */
export interface ClassSpec {
  /** The class (any constructor, private ones included). */
  type: { readonly prototype: unknown };
  /** Fields not saved, recreated on restore by their function (timers, listener sets, iterators). */
  transient?: Record<string, (restored: never) => unknown>;
  /** Runs once the whole state is restored and every transient field recreated (re-subscribe listeners...). */
  revive?(restored: never): void;
  /**
   * Instances are derived data (a compiled pattern next to its source text): not saved, restored as undefined, for
   * the service's `revive` to rebuild.
   */
  derived?: boolean;
}

/**
 * What a codec knows besides plain data: classes and module-level functions by stable name, and the live objects
 * a state may point to that belong to the running emulator (its clock), restored as the new emulator's.
 */
export interface CodecRegistry {
  classes: Map<string, ClassSpec>;
  functions: Map<string, (...args: never[]) => unknown>;
  singletons: Map<string, object>;
}

export function emptyRegistry(): CodecRegistry {
  return { classes: new Map(), functions: new Map(), singletons: new Map() };
}

/** A value the codec cannot save, with where it was found. */
export class UnpersistableError extends Error {}

type Scalar = null | boolean | number | string | Scalar[];
/** Encoded state: the root value and a flat table of every object, which values refer to as `["r", id]`. */
export interface Encoded {
  root: Scalar;
  objects: Scalar[][];
}

/**
 * Encodes a graph of plain objects, arrays, Maps, Sets, Dates, Buffers, typed arrays, bigints, KeyObjects and
 * registered class instances as JSON-ready data, keeping shared references and cycles. Objects go in a flat table
 * (`["o", {...}]`, `["M", [[k, v]...]]`, `["C", "sqs:Queue", {...}]`...) and are referred to by index, so nothing
 * recurses (a linked list of a million entries is fine) and data keys can never be mistaken for tags.
 *
 * A `RecordMap` is written as `["R", id]` without its records, which `onRecords` is given to save apart; without
 * `onRecords` (inside a record) one cannot be saved.
 */
export function encode(root: unknown, registry: CodecRegistry, onRecords?: (map: RecordMap<string, unknown>) => void): Encoded {
  const ids = new Map<object, number>();
  const pending: object[] = [];
  /** Where each object was first found: its referrer's id and the key there (for error messages). */
  const foundAt: [number, string | number][] = [];
  const classNames = new Map<unknown, string>();
  for (const [name, spec] of registry.classes) classNames.set(spec.type.prototype, name);
  const functionNames = new Map<unknown, string>();
  for (const [name, fn] of registry.functions) functionNames.set(fn, name);
  const singletonNames = new Map<unknown, string>();
  for (const [name, object] of registry.singletons) singletonNames.set(object, name);
  const derivedPrototypes = new Set([...registry.classes.values()].filter((spec) => spec.derived).map((spec) => spec.type.prototype));
  let current = -1;
  let currentKey: string | number = '';

  const fail = (what: string): never => {
    const path: (string | number)[] = currentKey === '' ? [] : [currentKey];
    for (let id = current; id > 0; id = foundAt[id][0]) path.unshift(foundAt[id][1]);
    throw new UnpersistableError(`cannot persist ${what} at state${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`);
  };

  function value(v: unknown, key: string | number): Scalar {
    currentKey = key;
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v) && !Object.is(v, -0) ? v : ['n', Object.is(v, -0) ? '-0' : String(v)];
      case 'bigint':
        return ['b', v.toString()];
      case 'undefined':
        return ['u'];
      case 'function': {
        const name = functionNames.get(v);
        return name !== undefined ? ['f', name] : fail(`function ${v.name || '(anonymous)'} (declare it in persistence.functions, or its field as transient)`);
      }
      case 'symbol':
        return fail('a symbol');
    }
    if (v === null) return null;
    const object = v as object;
    const singleton = singletonNames.get(object);
    if (singleton !== undefined) return ['E', singleton];
    if (derivedPrototypes.has(Object.getPrototypeOf(object))) return ['u'];
    let id = ids.get(object);
    if (id === undefined) {
      id = ids.size;
      ids.set(object, id);
      foundAt[id] = [current, key];
      pending.push(object);
    }
    return ['r', id];
  }

  const fields = (object: object, skip?: Record<string, unknown>): Scalar => {
    const out: Record<string, Scalar> = {};
    for (const key of Object.keys(object)) {
      if (skip && Object.hasOwn(skip, key)) continue;
      const encoded = value((object as Record<string, unknown>)[key], key);
      if (key === '__proto__') Object.defineProperty(out, key, { value: encoded, enumerable: true, writable: true, configurable: true });
      else out[key] = encoded;
    }
    return out as unknown as Scalar;
  };
  const list = (items: Iterable<unknown>): Scalar[] => {
    const out: Scalar[] = [];
    let i = 0;
    for (const item of items) out.push(value(item, i++));
    return out;
  };
  const entries = (map: Map<unknown, unknown>): Scalar[] => {
    const out: Scalar[] = [];
    for (const [k, v] of map) {
      const key = value(k, 'key');
      out.push([key, value(v, typeof k === 'string' || typeof k === 'number' ? k : 'value')]);
    }
    return out;
  };

  function shape(object: object): Scalar[] {
    const proto = Object.getPrototypeOf(object);
    if (proto === Object.prototype) return ['o', fields(object)];
    if (object instanceof RecordMap) {
      if (!onRecords) return fail('a RecordMap inside a record (records are self-contained data)');
      onRecords(object);
      return ['R', object.recordsId];
    }
    if (proto === null) return ['O', fields(object)];
    if (Array.isArray(object)) return ['a', list(object)];
    if (object instanceof Map) return ['M', entries(object)];
    if (object instanceof Set) return ['S', list(object)];
    if (object instanceof Date) return ['D', object.getTime()];
    if (object instanceof RegExp) return ['X', object.source, object.flags];
    if (Buffer.isBuffer(object)) return ['B', object.toString('base64')];
    if (object instanceof Uint8Array) return ['U', Buffer.from(object.buffer, object.byteOffset, object.byteLength).toString('base64')];
    if (object instanceof KeyObject) return ['K', object.type, keyMaterial(object)];
    const className = classNames.get(proto);
    if (className === undefined) return fail(`an instance of ${proto?.constructor?.name ?? 'an unknown class'} (declare the class in persistence.classes)`);
    return ['C', className, fields(object, registry.classes.get(className)!.transient)];
  }

  const encodedRoot = value(root, 'root');
  const objects: Scalar[][] = [];
  for (let i = 0; i < pending.length; i++) {
    current = i;
    currentKey = '';
    objects.push(shape(pending[i]));
  }
  return { root: encodedRoot, objects };
}

function keyMaterial(key: KeyObject): string {
  if (key.type === 'secret') return key.export().toString('base64');
  return key.export({ format: 'pem', type: key.type === 'private' ? 'pkcs8' : 'spki' }).toString();
}

/**
 * Restores what `encode` produced, with the same registry (classes by name, the running emulator's singletons).
 * `records` gives each RecordMap its records, before any class's revive runs.
 */
export function decode(data: Encoded, registry: CodecRegistry, records?: (recordsId: string) => Iterable<[string, unknown]>): unknown {
  const { objects } = data;
  if (!Array.isArray(objects)) throw new Error('corrupt state: no object table');
  const created: { object: object; spec: ClassSpec }[] = [];
  const recordMaps: RecordMap<string, unknown>[] = [];
  // First every object as an empty shell (so references resolve whatever their order), then their contents.
  const shells: unknown[] = objects.map((entry) => {
    switch (entry[0]) {
      case 'o':
        return {};
      case 'O':
        return Object.create(null);
      case 'a':
        return [];
      case 'M':
        return new Map();
      case 'S':
        return new Set();
      case 'R': {
        const map = new RecordMap<string, unknown>(entry[1] as string);
        recordMaps.push(map);
        return map;
      }
      case 'D':
        return new Date(entry[1] as number);
      case 'X':
        return new RegExp(entry[1] as string, entry[2] as string);
      case 'B':
        return Buffer.from(entry[1] as string, 'base64');
      case 'U':
        return new Uint8Array(Buffer.from(entry[1] as string, 'base64'));
      case 'K': {
        const material = entry[2] as string;
        if (entry[1] === 'secret') return createSecretKey(Buffer.from(material, 'base64'));
        return entry[1] === 'private' ? createPrivateKey(material) : createPublicKey(material);
      }
      case 'C': {
        const spec = registry.classes.get(entry[1] as string);
        if (!spec) throw new Error(`persisted state holds a ${String(entry[1])}, a class this twinstack does not declare`);
        const object = Object.create(spec.type.prototype as object) as object;
        created.push({ object, spec });
        return object;
      }
    }
    throw new Error(`corrupt state: unknown tag ${JSON.stringify(entry[0])}`);
  });

  function value(v: Scalar): unknown {
    if (!Array.isArray(v)) {
      if (v !== null && typeof v === 'object') throw new Error('corrupt state: an untagged object');
      return v;
    }
    switch (v[0]) {
      case 'r':
        return shells[v[1] as number];
      case 'n':
        return Number(v[1]);
      case 'b':
        return BigInt(v[1] as string);
      case 'u':
        return undefined;
      case 'f': {
        const fn = registry.functions.get(v[1] as string);
        if (!fn) throw new Error(`persisted state names function ${String(v[1])}, which this twinstack does not declare`);
        return fn;
      }
      case 'E': {
        const singleton = registry.singletons.get(v[1] as string);
        if (!singleton) throw new Error(`persisted state refers to ${String(v[1])}, unknown to this twinstack`);
        return singleton;
      }
    }
    throw new Error(`corrupt state: unknown value tag ${JSON.stringify(v[0])}`);
  }
  const assign = (target: Record<string, unknown>, source: Record<string, Scalar>) => {
    for (const key of Object.keys(source)) {
      const restored = value(source[key]);
      if (key === '__proto__') Object.defineProperty(target, key, { value: restored, enumerable: true, writable: true, configurable: true });
      else target[key] = restored;
    }
  };

  objects.forEach((entry, i) => {
    const shell = shells[i];
    switch (entry[0]) {
      case 'o':
      case 'O':
        return assign(shell as Record<string, unknown>, entry[1] as unknown as Record<string, Scalar>);
      case 'C':
        return assign(shell as Record<string, unknown>, entry[2] as unknown as Record<string, Scalar>);
      case 'a':
        for (const item of entry[1] as Scalar[]) (shell as unknown[]).push(value(item));
        return;
      case 'M':
        for (const pair of entry[1] as Scalar[][]) (shell as Map<unknown, unknown>).set(value(pair[0]), value(pair[1]));
        return;
      case 'S':
        for (const item of entry[1] as Scalar[]) (shell as Set<unknown>).add(value(item));
        return;
    }
  });
  for (const map of recordMaps) map.restore(records?.(map.recordsId) ?? []);
  // Transient fields first, everywhere; then the classes' revive hooks, which may rely on them.
  for (const { object, spec } of created) {
    for (const [key, make] of Object.entries(spec.transient ?? {})) (object as Record<string, unknown>)[key] = make(object as never);
  }
  for (const { object, spec } of created) spec.revive?.(object as never);
  return value(data.root);
}
