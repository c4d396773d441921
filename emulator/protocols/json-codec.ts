import { AwsError } from '../core/errors.ts';
import type { ServiceModel, ShapeRef } from '../models/types.ts';
import { entries, setEntry } from '../core/entries.ts';
import { formatTimestamp, parseTimestamp } from './timestamps.ts';

/** JSON documents <-> typed values (Buffer for blobs, Date for timestamps), shared by AWS JSON and rest-json. */
export function decodeJson(model: ServiceModel, ref: ShapeRef, value: unknown, path = ''): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(path, 'structure');
      const out: Record<string, unknown> = {};
      const members = shape.members ?? {};
      for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
        if (!Object.hasOwn(members, name)) continue;
        const member = members[name];
        const decoded = decodeJson(model, member, raw, path ? `${path}.${name}` : name);
        if (decoded !== undefined) out[name] = decoded;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw serializationError(path, 'list');
      return value.map((v, i) => decodeJson(model, shape.member!, notNull(v, `${path}[${i}]`), `${path}[${i}]`));
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(path, 'map');
      const out = entries();
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        setEntry(out, k, decodeJson(model, shape.value!, notNull(v, `${path}.${k}`), `${path}.${k}`));
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
function notNull(value: unknown, path: string): unknown {
  if (value === null) throw new AwsError('SerializationException', `Unexpected null value at ${path}`, { status: 400 });
  return value;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Node's decoder skips characters that are not base64; AWS refuses such input instead of storing other bytes. */
function decodeBase64(value: string, path: string): Buffer {
  if (value.length % 4 !== 0) {
    throw new AwsError('SerializationException', `Base64 encoded length is expected a multiple of 4 bytes but found: ${value.length}`, { status: 400 });
  }
  if (!BASE64.test(value)) throw serializationError(path, 'base64-encoded blob');
  return Buffer.from(value, 'base64');
}

function serializationError(path: string, type: string): AwsError {
  return new AwsError('SerializationException', `Unexpected value type for ${path || 'input'}: expected ${type}`, { status: 400 });
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
