import { AwsError } from '../core/errors.ts';
import type { ServiceModel, ShapeRef } from '../models/types.ts';
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
        const member = members[name];
        if (!member) continue;
        const decoded = decodeJson(model, member, raw, path ? `${path}.${name}` : name);
        if (decoded !== undefined) out[name] = decoded;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw serializationError(path, 'list');
      return value.map((v, i) => decodeJson(model, shape.member!, v, `${path}[${i}]`) ?? null);
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(path, 'map');
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = decodeJson(model, shape.value!, v, `${path}.${k}`);
      return out;
    }
    case 'blob':
      if (typeof value !== 'string') throw serializationError(path, 'blob');
      return Buffer.from(value, 'base64');
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
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = encodeJson(model, shape.value!, v);
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
