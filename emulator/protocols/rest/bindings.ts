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

/** The members of a structure that travel in the body (not in the URI, query, headers or status code). */
export function bodyMembers(shape: Shape): [string, ShapeRef][] {
  return Object.entries(shape.members ?? {}).filter(([name, ref]) => isBodyMember(ref) && name !== shape.payload);
}

function invalid(where: string, name: string, raw: string, type: string): AwsError {
  return new AwsError('SerializationException', `Value '${raw}' of ${where} '${name}' is not a valid ${type}`, { status: 400 });
}

const NUMBER_TYPES = new Set(['integer', 'long', 'float', 'double']);

/** Text from the URI, query or a header -> typed value. */
function decodeText(model: ServiceModel, ref: ShapeRef, raw: string, location: Location, name: string): unknown {
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = parseNumber(raw);
      if (n === undefined) throw invalid(location, name, raw, 'number');
      return n;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw invalid(location, name, raw, 'boolean');
      return raw === 'true';
    case 'timestamp': {
      const date = parseTimestamp(raw);
      if (!date) throw invalid(location, name, raw, 'timestamp');
      return date;
    }
    case 'blob':
      return Buffer.from(raw, 'base64');
    case 'list':
      // Lists in one header are comma-separated; timestamps (HTTP dates contain commas) are not split.
      return splitHeaderList(raw, model.shapes[shape.member!.shape].type === 'timestamp').map((item) =>
        decodeText(model, shape.member!, item, location, name),
      );
    case 'string':
      // jsonvalue headers are base64-encoded JSON documents; handlers get the JSON text.
      return ref.jsonvalue && location === 'header' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    default:
      return raw;
  }
}

function splitHeaderList(raw: string, httpDates: boolean): string[] {
  if (httpDates) return raw.match(/[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} [\d:]+ GMT/g) ?? [];
  const items: string[] = [];
  for (const match of raw.matchAll(/\s*(?:"((?:[^"\\]|\\.)*)"|([^,]*))\s*(?:,|$)/g)) {
    if (match.index >= raw.length) break;
    items.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2].trim());
  }
  return items;
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
  const shape = model.shapes[inputRef.shape];
  const boundQuery = new Set<string>();
  let queryMap: [string, ShapeRef] | undefined;
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const wire = ref.locationName ?? name;
    switch (ref.location) {
      case 'uri':
        if (labels[wire] !== undefined) input[name] = decodeText(model, ref, labels[wire], 'uri', wire);
        break;
      case 'querystring': {
        const memberShape = model.shapes[ref.shape];
        if (memberShape.type === 'map') {
          queryMap = [name, ref];
          break;
        }
        boundQuery.add(wire);
        const values = req.query.getAll(wire);
        // An empty number (`?max-keys=`) is read as absent, as S3 reads it, not refused as malformed.
        if (values.length === 0 || (values[0] === '' && NUMBER_TYPES.has(memberShape.type))) break;
        input[name] =
          memberShape.type === 'list'
            ? values.map((v) => decodeText(model, memberShape.member!, v, 'querystring', wire))
            : decodeText(model, ref, values[0], 'querystring', wire);
        break;
      }
      case 'headers': {
        const prefix = wire.toLowerCase();
        const map = entries();
        const valueRef = model.shapes[ref.shape].value!;
        for (const [header, value] of Object.entries(headers)) {
          if (header.startsWith(prefix)) map[header.slice(prefix.length)] = decodeText(model, valueRef, value, 'header', header);
        }
        if (Object.keys(map).length > 0) input[name] = map;
        break;
      }
    }
  }
  decodeHeaderBindings(model, inputRef, headers, input);
  // A query-string map (e.g. API Gateway's) takes every parameter no other member claimed.
  if (queryMap) {
    const [name, ref] = queryMap;
    const map = entries();
    const valueRef = model.shapes[ref.shape].value!;
    const listValues = model.shapes[valueRef.shape].type === 'list';
    for (const key of new Set(req.query.keys())) {
      if (boundQuery.has(key)) continue;
      map[key] = listValues ? req.query.getAll(key) : req.query.get(key);
    }
    if (Object.keys(map).length > 0) input[name] = map;
  }
  fillIdempotencyTokens(shape, input);
}

/** Fills `input` with the members bound to single headers present in `headers` (trailers that arrive after a streamed body). */
export function decodeHeaderBindings(model: ServiceModel, inputRef: ShapeRef, headers: Record<string, string>, input: Record<string, unknown>): void {
  for (const [name, ref] of Object.entries(model.shapes[inputRef.shape].members ?? {})) {
    if (ref.location !== 'header') continue;
    const wire = ref.locationName ?? name;
    const value = headers[wire.toLowerCase()];
    if (value !== undefined) input[name] = decodeText(model, ref, value, 'header', wire);
  }
}

/** Clients generate idempotency tokens; a caller that sent none still gets one, as the SDKs would have sent. */
function fillIdempotencyTokens(shape: Shape, input: Record<string, unknown>): void {
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    if (ref.idempotencyToken && input[name] === undefined) input[name] = randomUUID();
  }
}

/** Typed value -> header text. */
function encodeHeaderValue(model: ServiceModel, ref: ShapeRef, value: unknown): string {
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'timestamp': {
      const date = value instanceof Date ? value : parseTimestamp(value);
      return date ? String(formatTimestamp(date, ref.timestampFormat ?? shape.timestampFormat ?? 'rfc822')) : '';
    }
    case 'blob':
      return Buffer.from(value as Uint8Array | string).toString('base64');
    case 'list':
      return (value as unknown[]).map((item) => encodeHeaderValue(model, shape.member!, item)).join(', ');
    case 'string':
      return ref.jsonvalue ? Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64') : String(value);
    default:
      return String(value);
  }
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
  for (const [name, ref] of Object.entries(model.shapes[outputRef.shape].members ?? {})) {
    const value = output[name];
    if (value === undefined || value === null) continue;
    const wire = ref.locationName ?? name;
    if (ref.location === 'header') headers[wire.toLowerCase()] = encodeHeaderValue(model, ref, value);
    else if (ref.location === 'headers') {
      const valueRef = model.shapes[ref.shape].value!;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) headers[`${wire}${k}`.toLowerCase()] = encodeHeaderValue(model, valueRef, v);
    } else if (ref.location === 'statusCode') status = Number(value);
  }
  return { status, headers };
}
