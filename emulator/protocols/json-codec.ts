import { AwsError } from '../core/errors.ts';
import type { ServiceModel, ShapeRef } from '../models/types.ts';
import { entries, setEntry } from '../core/entries.ts';
import { formatTimestamp, parseTimestamp } from './timestamps.ts';

const renamedMembers = new WeakMap<ServiceModel, Map<string, Map<string, string>>>();

/**
 * rest-json body members named on the wire by their `locationName` (API Gateway's PutIntegration sends
 * `integrationHttpMethod` as `httpMethod`): wire name -> member name, per structure, computed once.
 */
function wireNames(model: ServiceModel, shapeName: string): Map<string, string> | undefined {
  let byShape = renamedMembers.get(model);
  if (!byShape) renamedMembers.set(model, (byShape = new Map()));
  let names = byShape.get(shapeName);
  if (!names) {
    names = new Map();
    for (const [name, member] of Object.entries(model.shapes[shapeName].members ?? {})) {
      if (member.locationName && !member.location && member.locationName !== name) names.set(member.locationName, name);
    }
    byShape.set(shapeName, names);
  }
  return names.size ? names : undefined;
}

/**
 * Where a value sits in the document, as a stack the decoder pushes and pops (member and map key names, list
 * indexes as numbers): a valid request builds no path strings; an error renders its path (`a.b[2].c`) once.
 */
type Path = (string | number)[];

function rendered(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

/** JSON documents <-> typed values (Buffer for blobs, Date for timestamps), shared by AWS JSON and rest-json. */
export function decodeJson(model: ServiceModel, ref: ShapeRef, value: unknown, path: Path = []): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(path, 'structure');
      const out: Record<string, unknown> = {};
      const members = shape.members ?? {};
      const renamed = model.metadata.protocol === 'rest-json' ? wireNames(model, ref.shape) : undefined;
      // A parsed JSON object has own enumerable keys only (JSON.parse makes no inherited ones).
      for (const wire in value) {
        const name = renamed?.get(wire) ?? wire;
        if (!Object.hasOwn(members, name) || (renamed && name === wire && members[name].locationName && members[name].locationName !== wire)) continue;
        const member = members[name];
        path.push(name);
        const decoded = decodeJson(model, member, (value as Record<string, unknown>)[wire], path);
        path.pop();
        if (decoded !== undefined) out[name] = decoded;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw serializationError(path, 'list');
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        out[i] = decodeJson(model, shape.member!, notNull(value[i], path), path);
        path.pop();
      }
      return out;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(path, 'map');
      const out = entries();
      for (const k in value) {
        path.push(k);
        setEntry(out, k, decodeJson(model, shape.value!, notNull((value as Record<string, unknown>)[k], path), path));
        path.pop();
      }
      return out;
    }
    case 'blob':
      if (typeof value !== 'string') throw serializationError(path, 'blob');
      return decodeBase64(value, path);
    case 'timestamp': {
      const date = parseTimestamp(value);
      if (!date) throw serializationError(path, 'timestamp');
      return date;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw serializationError(path, 'boolean');
      return value;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
      throw serializationError(path, shape.type);
    case 'string':
      if (ref.jsonvalue && typeof value === 'string') return value;
      if (typeof value !== 'string') throw serializationError(path, 'string');
      return value;
    default:
      return value;
  }
}

/** Lists and maps cannot hold nulls in any AWS model: reject them here rather than let an operation trip over one. */
function notNull(value: unknown, path: Path): unknown {
  if (value === null) throw new AwsError('SerializationException', `Unexpected null value at ${rendered(path)}`, { status: 400 });
  return value;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Node's decoder skips characters that are not base64; AWS refuses such input instead of storing other bytes. */
function decodeBase64(value: string, path: Path): Buffer {
  if (value.length % 4 !== 0) {
    throw new AwsError('SerializationException', `Base64 encoded length is expected a multiple of 4 bytes but found: ${value.length}`, { status: 400 });
  }
  if (!BASE64.test(value)) throw serializationError(path, 'base64-encoded blob');
  return Buffer.from(value, 'base64');
}

function serializationError(path: Path, type: string): AwsError {
  return new AwsError('SerializationException', `Unexpected value type for ${rendered(path) || 'input'}: expected ${type}`, { status: 400 });
}

/** Typed values -> JSON-ready values, following the output shape (unknown keys are dropped, as the model decides). */
export function encodeJson(model: ServiceModel, ref: ShapeRef, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      const members = shape.members ?? {};
      for (const [name, member] of Object.entries(members)) {
        if (member.location) continue;
        const encoded = encodeJson(model, member, (value as Record<string, unknown>)[name]);
        if (encoded !== undefined) out[member.locationName && model.metadata.protocol === 'rest-json' ? member.locationName : name] = encoded;
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((v) => encodeJson(model, shape.member!, v) ?? null);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) setEntry(out, k, encodeJson(model, shape.value!, v));
      return out;
    }
    case 'blob':
      return Buffer.from(value as Uint8Array | string).toString('base64');
    case 'timestamp': {
      const date = value instanceof Date ? value : parseTimestamp(value);
      return date ? formatTimestamp(date, ref.timestampFormat ?? shape.timestampFormat ?? 'unixTimestamp') : undefined;
    }
    default:
      return value;
  }
}
