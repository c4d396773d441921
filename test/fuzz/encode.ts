import { cbor } from '@smithy/core/cbor';
import type { ServiceModel, Shape } from '../../emulator/models/types.ts';

/** One HTTP request as the fuzz test sends it. */
export interface WireRequest {
  headers: Record<string, string>;
  body: Buffer;
}

export type Family = 'json' | 'cbor' | 'query';

const authorization = (signingName: string) =>
  `AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/${signingName}/aws4_request, SignedHeaders=host, Signature=0`;

/** Encodes an operation's input in a protocol family, the way the SDKs would (blobs base64 in JSON, bytes in CBOR). */
export function encodeRequest(model: ServiceModel, family: Family, operation: string, input: unknown): WireRequest {
  const signingName = model.metadata.signingName ?? model.metadata.endpointPrefix;
  const headers: Record<string, string> = { authorization: authorization(signingName) };
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
  return { headers, body: Buffer.from(JSON.stringify(input, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value))) };
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
