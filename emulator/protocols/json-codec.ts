import { AwsError } from '../core/errors.ts';
import type { ServiceModel, Shape, ShapeRef } from '../models/types.ts';
import { entries, setEntry } from '../core/entries.ts';
import { compiledOnce } from './compiled.ts';
import { formatTimestamp, parseTimestamp } from './timestamps.ts';

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

type Decoder = (value: unknown, path: Path) => unknown;
type Encoder = (value: unknown) => unknown;

/**
 * Each shape's decoder and encoder, compiled on first use from the model (per shape, and per timestamp format where a
 * member sets one): a request then looks nothing up in the model, and encoding a structure walks a prepared member
 * list instead of listing the shape's members anew for every value.
 */
const decoders = new WeakMap<ServiceModel, Map<string, Decoder>>();
const encoders = new WeakMap<ServiceModel, Map<string, Encoder>>();

const decoderStandIn = (built: () => Decoder): Decoder => (value, path) => built()(value, path);

function decoderFor(model: ServiceModel, ref: ShapeRef): Decoder {
  return compiledOnce(decoders, model, ref.shape, () => compileDecoder(model, ref.shape), decoderStandIn);
}

/** JSON documents <-> typed values (Buffer for blobs, Date for timestamps), shared by AWS JSON and rest-json. */
export function decodeJson(model: ServiceModel, ref: ShapeRef, value: unknown, path: Path = []): unknown {
  return decoderFor(model, ref)(value, path);
}

/**
 * A structure's members by the name they have in a document: rest-json body members are named on the wire by their
 * `locationName` (API Gateway's PutIntegration sends `integrationHttpMethod` as `httpMethod`), and then a member
 * whose `locationName` differs is not accepted under its own name.
 */
function membersByWireName(model: ServiceModel, shapeName: string): Map<string, { name: string; decode: Decoder }> {
  const members = model.shapes[shapeName].members ?? {};
  const renamed = new Map<string, string>();
  if (model.metadata.protocol === 'rest-json') {
    for (const [name, member] of Object.entries(members)) {
      if (member.locationName && !member.location && member.locationName !== name) renamed.set(member.locationName, name);
    }
  }
  const accepted = new Map<string, { name: string; decode: Decoder }>();
  for (const wire of [...renamed.keys(), ...Object.keys(members)]) {
    const name = renamed.get(wire) ?? wire;
    if (accepted.has(wire) || !Object.hasOwn(members, name)) continue;
    if (renamed.size && name === wire && members[name].locationName && members[name].locationName !== wire) continue;
    accepted.set(wire, { name, decode: decoderFor(model, members[name]) });
  }
  return accepted;
}

function compileDecoder(model: ServiceModel, shapeName: string): Decoder {
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      const members = membersByWireName(model, shapeName);
      return (value, path) => {
        if (value === null || value === undefined) return undefined;
        if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(path, 'structure');
        const out: Record<string, unknown> = {};
        // A parsed JSON object has own enumerable keys only (JSON.parse makes no inherited ones).
        for (const wire in value) {
          const member = members.get(wire);
          if (!member) continue;
          path.push(member.name);
          const decoded = member.decode((value as Record<string, unknown>)[wire], path);
          path.pop();
          if (decoded !== undefined) out[member.name] = decoded;
        }
        return out;
      };
    }
    case 'list': {
      const decodeMember = decoderFor(model, shape.member!);
      return (value, path) => {
        if (value === null || value === undefined) return undefined;
        if (!Array.isArray(value)) throw serializationError(path, 'list');
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          out[i] = decodeMember(notNull(value[i], path), path);
          path.pop();
        }
        return out;
      };
    }
    case 'map': {
      const decodeValue = decoderFor(model, shape.value!);
      const sparse = takesNullValues(model, shape);
      return (value, path) => {
        if (value === null || value === undefined) return undefined;
        if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(path, 'map');
        const out = entries();
        for (const k in value) {
          const entry = (value as Record<string, unknown>)[k];
          path.push(k);
          setEntry(out, k, entry === null && sparse ? null : decodeValue(notNull(entry, path), path));
          path.pop();
        }
        return out;
      };
    }
    case 'blob':
      return (value, path) => {
        if (value === null || value === undefined) return undefined;
        if (typeof value !== 'string') throw serializationError(path, 'blob');
        return decodeBase64(value, path);
      };
    case 'timestamp':
      return (value, path) => {
        if (value === null || value === undefined) return undefined;
        const date = parseTimestamp(value);
        if (!date) throw serializationError(path, 'timestamp');
        return date;
      };
    case 'boolean':
      return (value, path) => {
        if (value === null || value === undefined) return undefined;
        if (typeof value !== 'boolean') throw serializationError(path, 'boolean');
        return value;
      };
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const type = shape.type;
      return (value, path) => {
        if (value === null || value === undefined) return undefined;
        if (typeof value === 'number') return value;
        if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
        throw serializationError(path, type);
      };
    }
    case 'string':
      return (value, path) => {
        if (value === null || value === undefined) return undefined;
        // AWS's Java deserializer names the Java class it read (AWS-recorded test_put_integration_request_parameter_bool_type).
        if (typeof value === 'boolean') throw new AwsError('SerializationException', 'class java.lang.Boolean can not be converted to an String', { status: 400 });
        if (typeof value !== 'string') throw serializationError(path, 'string');
        return value;
      };
    default:
      return (value) => (value === null ? undefined : value);
  }
}

/**
 * Whether a map keeps null values as values: a sparse map (Smithy's `@sparse`), and every map of AWS's REST JSON
 * services, which take a null value and answer it back (API Gateway's responseTemplates `{"application/json": null}`,
 * recorded from AWS in LocalStack's test_put_integration_response_templates).
 */
function takesNullValues(model: ServiceModel, shape: Shape): boolean {
  return shape.sparse === true || model.metadata.protocol === 'rest-json';
}

/** Lists, and maps other than those `takesNullValues` names, hold no nulls: reject them here rather than let an operation trip over one. */
function notNull(value: unknown, path: Path): unknown {
  if (value === null) throw new AwsError('SerializationException', `Unexpected null value at ${rendered(path)}`, { status: 400 });
  return value;
}

/**
 * Node's decoder skips characters that are not base64 and takes the URL-safe alphabet (`-`, `_`) too; AWS refuses
 * such input (what `^[A-Za-z0-9+/]*={0,2}$` accepts) instead of storing other bytes. Told without a pattern run over
 * every character: any character skipped, or padding anywhere but at the end, decodes to fewer bytes than the length
 * promises, and the URL-safe characters are looked for.
 */
function decodeBase64(value: string, path: Path): Buffer {
  if (value.length % 4 !== 0) {
    throw new AwsError('SerializationException', `Base64 encoded length is expected a multiple of 4 bytes but found: ${value.length}`, { status: 400 });
  }
  const bytes = Buffer.from(value, 'base64');
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  if (bytes.length !== (value.length / 4) * 3 - padding || value.includes('-') || value.includes('_')) throw serializationError(path, 'base64-encoded blob');
  return bytes;
}

function serializationError(path: Path, type: string): AwsError {
  return new AwsError('SerializationException', `Unexpected value type for ${rendered(path) || 'input'}: expected ${type}`, { status: 400 });
}

/** Typed values -> JSON-ready values, following the output shape (unknown keys are dropped, as the model decides). */
export function encodeJson(model: ServiceModel, ref: ShapeRef, value: unknown): unknown {
  return encoderFor(model, ref)(value);
}

const encoderStandIn = (built: () => Encoder): Encoder => (value) => built()(value);

function encoderFor(model: ServiceModel, ref: ShapeRef): Encoder {
  // Only timestamps encode differently by the member's own trait.
  const format = ref.timestampFormat && model.shapes[ref.shape].type === 'timestamp' ? ref.timestampFormat : undefined;
  return compiledOnce(encoders, model, format ? `${ref.shape} ${format}` : ref.shape, () => compileEncoder(model, ref.shape, format), encoderStandIn);
}

function compileEncoder(model: ServiceModel, shapeName: string, memberFormat: ShapeRef['timestampFormat']): Encoder {
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case 'structure': {
      const restJson = model.metadata.protocol === 'rest-json';
      const members = Object.entries(shape.members ?? {})
        .filter(([, member]) => !member.location)
        .map(([name, member]) => ({ name, key: member.locationName && restJson ? member.locationName : name, encode: encoderFor(model, member) }));
      return (value) => {
        if (value === null || value === undefined) return undefined;
        const out: Record<string, unknown> = {};
        for (const member of members) {
          const encoded = member.encode((value as Record<string, unknown>)[member.name]);
          if (encoded !== undefined) out[member.key] = encoded;
        }
        return out;
      };
    }
    case 'list': {
      const encodeMember = encoderFor(model, shape.member!);
      return (value) => {
        if (value === null || value === undefined) return undefined;
        if (!Array.isArray(value)) return (value as unknown[]).map((v) => encodeMember(v) ?? null);
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) out[i] = encodeMember(value[i]) ?? null;
        return out;
      };
    }
    case 'map': {
      const encodeValue = encoderFor(model, shape.value!);
      const sparse = takesNullValues(model, shape);
      return (value) => {
        if (value === null || value === undefined) return undefined;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(value)) {
          const entry = (value as Record<string, unknown>)[k];
          setEntry(out, k, entry === null && sparse ? null : encodeValue(entry));
        }
        return out;
      };
    }
    case 'blob':
      return (value) => (value === null || value === undefined ? undefined : Buffer.from(value as Uint8Array | string).toString('base64'));
    case 'timestamp': {
      const format = memberFormat ?? shape.timestampFormat ?? 'unixTimestamp';
      return (value) => {
        if (value === null || value === undefined) return undefined;
        const date = value instanceof Date ? value : parseTimestamp(value);
        return date ? formatTimestamp(date, format) : undefined;
      };
    }
    default:
      return (value) => (value === null ? undefined : value);
  }
}
