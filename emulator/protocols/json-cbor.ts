import { crc32 } from 'node:zlib';
import { AwsError } from '../core/errors.ts';
import type { ServiceDefinition } from '../core/service.ts';
import type { ServiceModel, ShapeRef } from '../models/types.ts';
import { EVENT_STREAM_CONTENT_TYPE, eventStreamMember, frameEvents } from './event-stream.ts';
import { encodeJson } from './json-codec.ts';
import { awsJson } from './json.ts';
import type { ParsedRequest, Protocol, RawRequest, RawResponse } from './types.ts';

export const CBOR_CONTENT_TYPE = 'application/x-amz-cbor-1.1';

/**
 * AWS JSON 1.1 with CBOR bodies (`Content-Type: application/x-amz-cbor-1.1`), which the AWS SDK for Java v1, the
 * KPL and KCL 1.x speak to Kinesis: the same `X-Amz-Target` operations and shapes, blobs as CBOR byte strings and
 * timestamps as epoch milliseconds. Implemented by converting to and from the JSON document the JSON codec reads.
 */
type CborCodec = (typeof import('@smithy/core/cbor'))['cbor'];
let cbor: CborCodec;

export const awsJsonCbor: Protocol = {
  name: 'json-cbor',

  /** The codec loads on the first CBOR request (few clients speak CBOR), not at start. */
  prepare() {
    if (cbor) return undefined;
    return import('@smithy/core/cbor').then((module) => void (cbor = module.cbor));
  },

  parse(req: RawRequest, model: ServiceModel): ParsedRequest {
    let document: unknown = {};
    if (req.body.length > 0) {
      try {
        document = quietly(() => cbor.deserialize(req.body));
      } catch (error) {
        throw new AwsError('SerializationException', `Malformed CBOR body: ${(error as Error).message}`, { status: 400 });
      }
    }
    const operation = (req.headers['x-amz-target'] ?? '').split('.').pop()!;
    const ref = Object.hasOwn(model.operations, operation) ? model.operations[operation].input : undefined;
    const json = ref ? convert(model, ref, document, toJsonLeaf) : document;
    return awsJson.parse({ ...req, body: Buffer.from(JSON.stringify(json ?? {})) }, model);
  },

  serialize(operation: string, output: unknown, model: ServiceModel, requestId: string, service?: ServiceDefinition): RawResponse {
    const ref = model.operations[operation].output;
    const stream = eventStreamMember(model, ref);
    if (stream) {
      const encode = (r: ShapeRef, value: unknown) => Buffer.from(cbor.serialize(convert(model, r, encodeJson(model, r, value) ?? {}, fromJsonLeaf)));
      const events = frameEvents(model, ref!, stream, output as Record<string, unknown>, encode, CBOR_CONTENT_TYPE);
      return { status: 200, headers: { 'content-type': EVENT_STREAM_CONTENT_TYPE, 'x-amzn-requestid': requestId }, body: events };
    }
    const json = awsJson.serialize(operation, output, model, requestId, service);
    const document = JSON.parse((json.body as Buffer).toString());
    return cborResponse(json.status, ref ? convert(model, ref, document, fromJsonLeaf) : document, requestId);
  },

  serializeError(error: AwsError, model: ServiceModel, service: ServiceDefinition, requestId: string): RawResponse {
    const json = awsJson.serializeError(error, model, service, requestId);
    const response = cborResponse(json.status, JSON.parse((json.body as Buffer).toString()), requestId);
    return { ...response, headers: { ...json.headers, ...response.headers } };
  },
};

/**
 * Runs the (synchronous) CBOR decoder without its console warnings: it warns, with a stack trace, of a length beyond
 * 2^53 that it truncates, which only a malformed body declares (the decoder then fails on it, and the client gets a
 * SerializationException). A client's bad input is the client's error, not a line in the server's log.
 */
export function quietly<T>(decode: () => T): T {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return decode();
  } finally {
    console.warn = warn;
  }
}

function cborResponse(status: number, document: unknown, requestId: string): RawResponse {
  const body = Buffer.from(cbor.serialize(document));
  return { status, headers: { 'content-type': CBOR_CONTENT_TYPE, 'x-amzn-requestid': requestId, 'x-amz-crc32': String(crc32(body)) }, body };
}

export type Leaf = (type: string, value: unknown) => unknown;

/** CBOR values -> JSON document values: byte strings to base64, epoch milliseconds to seconds. */
const toJsonLeaf: Leaf = (type, value) => {
  if (type === 'blob' && value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (type === 'timestamp' && value instanceof Date) return value.getTime() / 1000;
  if (type === 'timestamp' && typeof value === 'number') return value / 1000;
  if (type === 'timestamp' && typeof value === 'string' && /^\d+$/.test(value)) return Number(value) / 1000;
  return value;
};

/** JSON document values -> CBOR values. */
const fromJsonLeaf: Leaf = (type, value) => {
  if (type === 'blob' && typeof value === 'string') return Buffer.from(value, 'base64');
  if (type === 'timestamp' && typeof value === 'number') return Math.round(value * 1000);
  return value;
};

/** Rewrites the blob and timestamp leaves of a document along its shape (also for Smithy RPC v2 CBOR). */
export function convert(model: ServiceModel, ref: ShapeRef, value: unknown, leaf: Leaf): unknown {
  // CBOR integers beyond 2^53 decode as BigInt, which JSON cannot hold: they become numbers, as in a JSON body.
  if (typeof value === 'bigint') return leaf(model.shapes[ref.shape].type, Number(value));
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Uint8Array || value instanceof Date) {
    return leaf(model.shapes[ref.shape].type, value);
  }
  const shape = model.shapes[ref.shape];
  if (shape.type === 'list' && Array.isArray(value)) return value.map((v) => convert(model, shape.member!, v, leaf));
  // An array where a map or structure belongs stays one, for the decoder to refuse.
  if (shape.type === 'map' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(model, shape.value!, v, leaf)]));
  }
  if (shape.type === 'structure' && !Array.isArray(value)) {
    const members = shape.members ?? {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Object.hasOwn(members, k) ? convert(model, members[k], v, leaf) : v]));
  }
  // A tagged value (a timestamp in CBOR tag 1) is an object, yet a leaf.
  return leaf(shape.type, value);
}
