import { cbor, dateToTag } from '@smithy/core/cbor';
import type { ServiceModel, ShapeRef } from '../../emulator/models/types.ts';

/**
 * Smithy RPC v2 CBOR bodies <-> the AWS JSON documents contracts store and the JSON response parser reads: along the
 * model's shapes, timestamps are CBOR tag 1 (epoch seconds) and blobs byte strings, as the protocol's clients send
 * them; everything else is the same value. Independent of the emulator's codecs on purpose (the AWS SDK's CBOR codec).
 */
type Leaf = (type: string, value: unknown) => unknown;

/** The request body a Smithy RPC v2 CBOR client sends for this AWS JSON document of the operation's input. */
export function cborRequestBody(model: ServiceModel, operation: string, json: string): Buffer {
  const ref = model.operations[operation]?.input;
  const document: unknown = JSON.parse(json || '{}');
  return Buffer.from(cbor.serialize(ref ? walk(model, ref, document, toCbor) : document));
}

/** The AWS JSON document (text) of a Smithy RPC v2 CBOR response body: the output's, or the error's by its `__type`. */
export function cborResponseDocument(model: ServiceModel, operation: string, status: number, body: Uint8Array): string {
  if (!body.length) return '';
  const document = cbor.deserialize(body) as Record<string, unknown>;
  const type = typeof document?.__type === 'string' ? document.__type.slice(document.__type.lastIndexOf('#') + 1) : '';
  const ref = status < 300 ? model.operations[operation]?.output : model.shapes[type] ? { shape: type } : undefined;
  return JSON.stringify(ref ? walk(model, ref, document, toJson) : document);
}

const toCbor: Leaf = (type, value) => {
  if (type === 'timestamp' && typeof value === 'number') return dateToTag(new Date(value * 1000));
  if (type === 'blob' && typeof value === 'string') return Buffer.from(value, 'base64');
  return value;
};

const toJson: Leaf = (type, value) => {
  if (type === 'timestamp' && value !== null && typeof value === 'object' && 'value' in value) return Number((value as { value: unknown }).value);
  if (type === 'blob' && value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'bigint') return Number(value);
  return value;
};

function walk(model: ServiceModel, ref: ShapeRef, value: unknown, leaf: Leaf): unknown {
  const shape = model.shapes[ref.shape];
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array || !shape) return leaf(shape?.type ?? '', value);
  if (shape.type === 'list' && Array.isArray(value)) return value.map((v) => walk(model, shape.member!, v, leaf));
  if (shape.type === 'map') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(model, shape.value!, v, leaf)]));
  if (shape.type === 'structure') {
    const members = shape.members ?? {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Object.hasOwn(members, k) ? walk(model, members[k], v, leaf) : v]));
  }
  return leaf(shape.type, value);
}
