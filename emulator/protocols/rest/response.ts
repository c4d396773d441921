import type { ServiceModel, Shape, ShapeRef } from '../../models/types.ts';
import type { RawResponse } from '../types.ts';
import { EVENT_STREAM_CONTENT_TYPE, frameRestEvents } from '../event-stream.ts';
import { bodyMembers, encodeBindings } from './bindings.ts';

export interface StructureEncoder {
  /** The body for a structure: the output's body members, or the payload member's own document. */
  encodeStructure(model: ServiceModel, ref: ShapeRef, value: Record<string, unknown>): string;
  contentType: string;
}

function hasBody(shape: Shape): boolean {
  return bodyMembers(shape).length > 0;
}

/** Status code, headers and body of a successful REST response; `requestIdHeaders` are the protocol's. */
export function serializeRestOutput(
  model: ServiceModel,
  operation: string,
  output: unknown,
  encoder: StructureEncoder,
  requestIdHeaders: Record<string, string>,
): RawResponse {
  const op = model.operations[operation];
  const values = (output ?? {}) as Record<string, unknown>;
  const bound = encodeBindings(model, op.output, values, op.http.responseCode ?? 200);
  const headers = bound.headers;
  // HTTP: a successful response carrying a Content-Range is partial content (S3 ranged GETs).
  const status = bound.status === 200 && headers['content-range'] !== undefined ? 206 : bound.status;
  Object.assign(headers, requestIdHeaders);
  let body: RawResponse['body'] = '';
  const shape = op.output ? model.shapes[op.output.shape] : undefined;
  if (op.output && shape?.payload) {
    const ref = shape.members![shape.payload];
    const value = values[shape.payload];
    const type = model.shapes[ref.shape].type;
    if (model.shapes[ref.shape].eventstream && value) {
      const encode = (r: ShapeRef, v: unknown) => Buffer.from(encoder.encodeStructure(model, r, (v ?? {}) as Record<string, unknown>));
      body = frameRestEvents(model, ref, value as AsyncIterable<Record<string, unknown>>, encode, encoder.contentType);
      headers['content-type'] = EVENT_STREAM_CONTENT_TYPE;
    } else if (type === 'blob' || type === 'string') {
      if (value !== undefined && value !== null) body = typeof value === 'string' || isStream(value) ? value : Buffer.from(value as Uint8Array);
    } else if (value !== undefined && value !== null) {
      body = encoder.encodeStructure(model, ref, value as Record<string, unknown>);
      headers['content-type'] ??= encoder.contentType;
    }
  } else if (op.output && shape && hasBody(shape)) {
    body = encoder.encodeStructure(model, op.output, values);
    headers['content-type'] ??= encoder.contentType;
  }
  return { status, headers, body };
}

/** A blob payload a handler streams (S3 GetObject of a stored file, for instance) rather than hands over whole. */
function isStream(value: unknown): value is AsyncIterable<Buffer> {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && Symbol.asyncIterator in value;
}
