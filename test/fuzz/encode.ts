import { cbor } from '@smithy/core/cbor';
import type { ServiceModel, Shape, ShapeRef } from '../../emulator/models/types.ts';
import { encodeXml } from '../../emulator/protocols/xml-codec.ts';

/** One HTTP request as the fuzz test sends it (RPC families POST to `/`). */
export interface WireRequest {
  method?: string;
  /** Path and query string. */
  path?: string;
  headers: Record<string, string>;
  body: Buffer;
}

export type Family = 'json' | 'cbor' | 'query' | 'rest-json' | 'rest-xml';

const authorization = (signingName: string) =>
  `AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/${signingName}/aws4_request, SignedHeaders=host, Signature=0`;

/** Encodes an operation's input in a protocol family, the way the SDKs would (blobs base64 in JSON, bytes in CBOR). */
export function encodeRequest(model: ServiceModel, family: Family, operation: string, input: unknown): WireRequest {
  const signingName = model.metadata.signingName ?? model.metadata.endpointPrefix;
  const headers: Record<string, string> = { authorization: authorization(signingName) };
  if (family === 'rest-json' || family === 'rest-xml') return encodeRest(model, family, operation, input, headers);
  if (family === 'query') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const params = new URLSearchParams({ Action: operation, Version: model.metadata.apiVersion });
    const op = model.operations[operation];
    if (op?.input && input && typeof input === 'object') flattenQuery(model, model.shapes[op.input.shape], input, '', params);
    return { headers, body: Buffer.from(params.toString()) };
  }
  headers['x-amz-target'] = `${model.metadata.targetPrefix}.${operation}`;
  if (family === 'cbor') {
    headers['content-type'] = 'application/x-amz-cbor-1.1';
    return { headers, body: Buffer.from(cbor.serialize(input)) };
  }
  headers['content-type'] = `application/x-amz-json-${model.metadata.jsonVersion ?? '1.0'}`;
  return { headers, body: Buffer.from(JSON.stringify(input, blobJson)) };
}

const blobJson = (_key: string, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value);

/**
 * The REST bindings as the SDKs write them: URI labels, query string, headers and header-prefix maps from the members
 * bound to them, the payload member (or the other body members) as the body. An operation the model does not have
 * (a built-in name) goes to `/` with the query key the fuzz chose.
 */
function encodeRest(model: ServiceModel, family: Family, operation: string, input: unknown, headers: Record<string, string>): WireRequest {
  const op = Object.hasOwn(model.operations, operation) ? model.operations[operation] : undefined;
  if (!op) return { method: 'POST', path: `/?${encodeURIComponent(operation)}`, headers, body: Buffer.alloc(0) };
  const value = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const shape = op.input ? model.shapes[op.input.shape] : undefined;
  const members = Object.entries(shape?.members ?? {});
  const [template, literalQuery = ''] = op.http.requestUri.split('?');
  const path = template.replace(/\{([^}+]+)(\+)?\}/g, (_match, label: string, greedy?: string) => {
    const entry = members.find(([name, ref]) => ref.location === 'uri' && (ref.locationName ?? name) === label);
    const text = entry && value[entry[0]] !== undefined && value[entry[0]] !== null ? String(value[entry[0]]) : 'fz-missing';
    const encoded = percentEncode(text);
    return greedy ? encoded.replace(/%2F/g, '/') : encoded;
  });
  const query = new URLSearchParams(literalQuery);
  const body: Record<string, unknown> = {};
  for (const [name, ref] of members) {
    const member = value[name];
    if (member === undefined || member === null) continue;
    const wire = ref.locationName ?? name;
    if (ref.location === 'querystring') {
      if (Array.isArray(member)) for (const item of member) query.append(wire, text(item));
      else if (typeof member === 'object' && !(member instanceof Uint8Array)) for (const [k, v] of Object.entries(member)) query.append(k, text(v));
      else query.append(wire, text(member));
    } else if (ref.location === 'header') {
      setHeader(headers, wire, Array.isArray(member) ? member.map(text).join(', ') : ref.jsonvalue ? Buffer.from(text(member)).toString('base64') : text(member));
    } else if (ref.location === 'headers') {
      if (typeof member === 'object' && !Array.isArray(member)) for (const [k, v] of Object.entries(member)) setHeader(headers, `${wire}${k}`, text(v));
    } else if (!ref.location) {
      body[name] = member;
    }
  }
  const search = query.toString();
  const request = { method: op.http.method, path: `${path}${search ? `?${search}` : ''}`, headers };
  const payloadName = shape?.payload;
  if (payloadName) {
    const payload = body[payloadName];
    const ref = shape!.members![payloadName];
    if (payload === undefined) return { ...request, body: Buffer.alloc(0) };
    if (payload instanceof Uint8Array || typeof payload !== 'object') return { ...request, body: Buffer.from(payload instanceof Uint8Array ? payload : String(payload)) };
    return { ...request, body: encodeStructure(model, family, ref, payload, ref.locationName ?? ref.shape, headers) };
  }
  if (Object.keys(body).length === 0) return { ...request, body: Buffer.alloc(0) };
  return { ...request, body: encodeStructure(model, family, op.input!, body, shape!.locationName ?? op.input!.shape, headers) };
}

function encodeStructure(model: ServiceModel, family: Family, ref: ShapeRef, value: unknown, element: string, headers: Record<string, string>): Buffer {
  if (family === 'rest-xml') {
    headers['content-type'] = 'application/xml';
    try {
      return Buffer.from(encodeXml(model, ref, value, element));
    } catch {
      // A value no XML serializer could write (a wrong type, a date out of range) travels as text.
      return Buffer.from(`<${element}>${text(value)}</${element}>`);
    }
  }
  headers['content-type'] = 'application/json';
  const named = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [model.shapes[ref.shape].members?.[k]?.locationName ?? k, v]));
  return Buffer.from(JSON.stringify(named, blobJson));
}

function text(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return typeof value === 'object' ? JSON.stringify(value, blobJson) : String(value);
}

/** HTTP carries only visible ASCII in header names and values: others are percent-encoded, as no client could send them raw. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  const safeName = name.toLowerCase().replace(/[^a-z0-9!#$%&'*+.^_`|~-]/g, '_');
  if (safeName === 'authorization' || safeName === 'host' || safeName === 'content-length' || safeName === 'transfer-encoding') return;
  headers[safeName] = /^[\x20-\x7e\t]*$/.test(value) ? value : percentEncode(value);
}

/** encodeURIComponent, but for any string (a lone surrogate travels as U+FFFD, as in the UTF-8 it becomes). */
function percentEncode(value: string): string {
  return encodeURIComponent(Buffer.from(value).toString('utf8'));
}

/** The query protocol's flattening, as botocore's serializer does it (locationName, flattened lists and maps). */
function flattenQuery(model: ServiceModel, shape: Shape | undefined, value: unknown, prefix: string, params: URLSearchParams): void {
  if (!shape) return;
  if (shape.type === 'structure' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      if (!Object.hasOwn(value, name)) continue;
      const memberShape = model.shapes[ref.shape];
      const wireName = ref.locationName ?? memberShape.locationName ?? name;
      flattenQuery(model, memberShape, (value as Record<string, unknown>)[name], prefix ? `${prefix}.${wireName}` : wireName, params);
    }
  } else if (shape.type === 'list' && Array.isArray(value)) {
    let listPrefix = `${prefix}.member`;
    if (shape.flattened) listPrefix = shape.member!.locationName ? [...prefix.split('.').slice(0, -1), shape.member!.locationName].join('.') : prefix;
    value.forEach((item, i) => flattenQuery(model, model.shapes[shape.member!.shape], item, `${listPrefix}.${i + 1}`, params));
  } else if (shape.type === 'map' && value && typeof value === 'object' && !Array.isArray(value)) {
    const entryPrefix = shape.flattened ? prefix : `${prefix}.entry`;
    Object.entries(value).forEach(([key, item], i) => {
      params.set(`${entryPrefix}.${i + 1}.${shape.key!.locationName ?? 'key'}`, key);
      flattenQuery(model, model.shapes[shape.value!.shape], item, `${entryPrefix}.${i + 1}.${shape.value!.locationName ?? 'value'}`, params);
    });
  } else if (value instanceof Uint8Array) {
    params.set(prefix, Buffer.from(value).toString('base64'));
  } else if (value !== undefined && value !== null && typeof value !== 'object') {
    params.set(prefix, String(value));
  }
}
