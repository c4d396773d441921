import { randomUUID } from 'node:crypto';
import { AwsError } from '../../core/errors.ts';
import { entries } from '../../core/entries.ts';
import type { ServiceModel, Shape, ShapeRef } from '../../models/types.ts';
import { formatTimestamp, parseTimestamp } from '../timestamps.ts';
import type { RawRequest } from '../types.ts';
import { parseNumber } from '../scalars.ts';

/**
 * The HTTP bindings shared by rest-json and rest-xml: URI labels, query string, headers, header prefix maps and the
 * status code, in both directions. Bodies are the caller's business.
 */

type Location = NonNullable<ShapeRef['location']>;

export function isBodyMember(ref: ShapeRef): boolean {
  return ref.location === undefined;
}

/** Each shape's body members, found once: every REST response asks whether its output has any. */
const bodyMembersOf = new WeakMap<Shape, [string, ShapeRef][]>();

/** The members of a structure that travel in the body (not in the URI, query, headers or status code). */
export function bodyMembers(shape: Shape): [string, ShapeRef][] {
  let members = bodyMembersOf.get(shape);
  if (members === undefined) {
    members = Object.entries(shape.members ?? {}).filter(([name, ref]) => isBodyMember(ref) && name !== shape.payload);
    bodyMembersOf.set(shape, members);
  }
  return members;
}

function invalid(where: string, name: string, raw: string, type: string): AwsError {
  return new AwsError('SerializationException', `Value '${raw}' of ${where} '${name}' is not a valid ${type}`, { status: 400 });
}

const NUMBER_TYPES = new Set(['integer', 'long', 'float', 'double']);

/** A compiled reader of one member's text (URI label, query value or header) -> typed value. */
type TextDecoder = (raw: string, name: string) => unknown;

/** Text from the URI, query or a header -> typed value, as a function compiled once per member. */
function textDecoder(model: ServiceModel, ref: ShapeRef, location: Location): TextDecoder {
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return (raw, name) => {
        const n = parseNumber(raw);
        if (n === undefined) throw invalid(location, name, raw, 'number');
        return n;
      };
    case 'boolean':
      return (raw, name) => {
        if (raw !== 'true' && raw !== 'false') throw invalid(location, name, raw, 'boolean');
        return raw === 'true';
      };
    case 'timestamp':
      return (raw, name) => {
        const date = parseTimestamp(raw);
        if (!date) throw invalid(location, name, raw, 'timestamp');
        return date;
      };
    case 'blob':
      return (raw) => Buffer.from(raw, 'base64');
    case 'list': {
      // Lists in one header are comma-separated; timestamps (HTTP dates contain commas) are not split.
      const item = textDecoder(model, shape.member!, location);
      const httpDates = model.shapes[shape.member!.shape].type === 'timestamp';
      return (raw, name) => splitHeaderList(raw, httpDates).map((text) => item(text, name));
    }
    case 'string':
      // jsonvalue headers are base64-encoded JSON documents; handlers get the JSON text.
      return ref.jsonvalue && location === 'header' ? (raw) => Buffer.from(raw, 'base64').toString('utf8') : asIs;
    default:
      return asIs;
  }
}

const asIs: TextDecoder = (raw) => raw;

function splitHeaderList(raw: string, httpDates: boolean): string[] {
  if (httpDates) return raw.match(/[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} [\d:]+ GMT/g) ?? [];
  const items: string[] = [];
  for (const match of raw.matchAll(/\s*(?:"((?:[^"\\]|\\.)*)"|([^,]*))\s*(?:,|$)/g)) {
    if (match.index >= raw.length) break;
    items.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2].trim());
  }
  return items;
}

/** A member bound to one URI label, query parameter or header: its wire name (lower case for a header) and reader. */
interface Binding {
  name: string;
  wire: string;
  decode: TextDecoder;
  /** The wire name as the model spells it, for error messages. */
  shown: string;
}

/** How an input structure's members travel outside the body, compiled once per shape (see `inputBindings`). */
interface InputBindings {
  labels: Binding[];
  query: (Binding & { list: boolean; number: boolean })[];
  headers: Binding[];
  /** Header prefix maps (S3's `x-amz-meta-`): lower-case prefix and the reader of each value. */
  prefixHeaders: Binding[];
  /** A query-string map (API Gateway's) takes every parameter no other member claims. */
  queryMap?: { name: string; listValues: boolean };
  boundQuery: Set<string>;
  idempotencyTokens: string[];
}

const compiledInputs = new WeakMap<Shape, InputBindings>();

function inputBindings(model: ServiceModel, inputRef: ShapeRef): InputBindings {
  const shape = model.shapes[inputRef.shape];
  let bindings = compiledInputs.get(shape);
  if (bindings) return bindings;
  bindings = { labels: [], query: [], headers: [], prefixHeaders: [], boundQuery: new Set(), idempotencyTokens: [] };
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const wire = ref.locationName ?? name;
    if (ref.idempotencyToken) bindings.idempotencyTokens.push(name);
    switch (ref.location) {
      case 'uri':
        bindings.labels.push({ name, wire, shown: wire, decode: textDecoder(model, ref, 'uri') });
        break;
      case 'querystring': {
        const memberShape = model.shapes[ref.shape];
        if (memberShape.type === 'map') {
          bindings.queryMap = { name, listValues: model.shapes[memberShape.value!.shape].type === 'list' };
          break;
        }
        bindings.boundQuery.add(wire);
        const list = memberShape.type === 'list';
        const decode = textDecoder(model, list ? memberShape.member! : ref, 'querystring');
        bindings.query.push({ name, wire, shown: wire, decode, list, number: NUMBER_TYPES.has(memberShape.type) });
        break;
      }
      case 'header':
        bindings.headers.push({ name, wire: wire.toLowerCase(), shown: wire, decode: textDecoder(model, ref, 'header') });
        break;
      case 'headers':
        bindings.prefixHeaders.push({ name, wire: wire.toLowerCase(), shown: wire, decode: textDecoder(model, model.shapes[ref.shape].value!, 'header') });
        break;
    }
  }
  compiledInputs.set(shape, bindings);
  return bindings;
}

/**
 * Fills `input` with the members bound to the URI labels, query string and headers of the request.
 * `headers` may hold more than the request's (trailers of an aws-chunked body).
 */
export function decodeBindings(
  model: ServiceModel,
  inputRef: ShapeRef,
  req: RawRequest,
  labels: Record<string, string>,
  headers: Record<string, string>,
  input: Record<string, unknown>,
): void {
  const bindings = inputBindings(model, inputRef);
  for (const { name, wire, decode } of bindings.labels) {
    if (labels[wire] !== undefined) input[name] = decode(labels[wire], wire);
  }
  for (const { name, wire, decode, list, number } of bindings.query) {
    const first = req.query.get(wire);
    // An empty number (`?max-keys=`) is read as absent, as S3 reads it, not refused as malformed.
    if (first === null || (first === '' && number)) continue;
    input[name] = list ? req.query.getAll(wire).map((v) => decode(v, wire)) : decode(first, wire);
  }
  if (bindings.prefixHeaders.length) {
    for (const { name, wire: prefix, decode } of bindings.prefixHeaders) {
      const map = entries();
      let any = false;
      for (const header in headers) {
        if (header.startsWith(prefix)) {
          map[header.slice(prefix.length)] = decode(headers[header], header);
          any = true;
        }
      }
      if (any) input[name] = map;
    }
  }
  decodeHeaders(bindings, headers, input);
  if (bindings.queryMap) {
    const { name, listValues } = bindings.queryMap;
    const map = entries();
    for (const key of new Set(req.query.keys())) {
      if (bindings.boundQuery.has(key)) continue;
      map[key] = listValues ? req.query.getAll(key) : req.query.get(key);
    }
    if (Object.keys(map).length > 0) input[name] = map;
  }
  // Clients generate idempotency tokens; a caller that sent none still gets one, as the SDKs would have sent.
  for (const name of bindings.idempotencyTokens) if (input[name] === undefined) input[name] = randomUUID();
}

function decodeHeaders(bindings: InputBindings, headers: Record<string, string>, input: Record<string, unknown>): void {
  for (const { name, wire, shown, decode } of bindings.headers) {
    const value = headers[wire];
    if (value !== undefined) input[name] = decode(value, shown);
  }
}

/** Fills `input` with the members bound to single headers present in `headers` (trailers that arrive after a streamed body). */
export function decodeHeaderBindings(model: ServiceModel, inputRef: ShapeRef, headers: Record<string, string>, input: Record<string, unknown>): void {
  decodeHeaders(inputBindings(model, inputRef), headers, input);
}

/** Typed value -> header text, as a function compiled once per member. */
function headerEncoder(model: ServiceModel, ref: ShapeRef): (value: unknown) => string {
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'timestamp': {
      const format = ref.timestampFormat ?? shape.timestampFormat ?? 'rfc822';
      return (value) => {
        const date = value instanceof Date ? value : parseTimestamp(value);
        return date ? String(formatTimestamp(date, format)) : '';
      };
    }
    case 'blob':
      return (value) => Buffer.from(value as Uint8Array | string).toString('base64');
    case 'list': {
      const item = headerEncoder(model, shape.member!);
      return (value) => (value as unknown[]).map(item).join(', ');
    }
    case 'string':
      return ref.jsonvalue ? (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64') : String;
    default:
      return String;
  }
}

/** An output member bound to a header, a header prefix map or the status code, compiled once per output shape. */
interface OutputBinding {
  name: string;
  location: 'header' | 'headers' | 'statusCode';
  /** The header name, or a prefix map's prefix, as the model spells it (lower-cased for single headers). */
  wire: string;
  encode: (value: unknown) => string;
}

const compiledOutputs = new WeakMap<Shape, OutputBinding[]>();

function outputBindings(model: ServiceModel, outputRef: ShapeRef): OutputBinding[] {
  const shape = model.shapes[outputRef.shape];
  let bindings = compiledOutputs.get(shape);
  if (bindings) return bindings;
  bindings = [];
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const wire = ref.locationName ?? name;
    if (ref.location === 'header') bindings.push({ name, location: 'header', wire: wire.toLowerCase(), encode: headerEncoder(model, ref) });
    else if (ref.location === 'headers') bindings.push({ name, location: 'headers', wire, encode: headerEncoder(model, model.shapes[ref.shape].value!) });
    else if (ref.location === 'statusCode') bindings.push({ name, location: 'statusCode', wire, encode: String });
  }
  compiledOutputs.set(shape, bindings);
  return bindings;
}

/** Output members bound to headers and the status code -> response headers and status. */
export function encodeBindings(
  model: ServiceModel,
  outputRef: ShapeRef | undefined,
  output: Record<string, unknown>,
  defaultStatus: number,
): { status: number; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  let status = defaultStatus;
  if (!outputRef) return { status, headers };
  for (const { name, location, wire, encode } of outputBindings(model, outputRef)) {
    const value = output[name];
    if (value === undefined || value === null) continue;
    if (location === 'header') headers[wire] = encode(value);
    else if (location === 'headers') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) headers[`${wire}${k}`.toLowerCase()] = encode(v);
    } else status = Number(value);
  }
  return { status, headers };
}
