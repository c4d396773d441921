import { AwsError } from '../../core/errors.ts';
import type { ServiceModel, ShapeRef } from '../../models/types.ts';
import type { ParsedRequest, RawRequest } from '../types.ts';
import { contentEncodingWithoutChunked, decodeAwsChunked, isAwsChunked } from './aws-chunked.ts';
import { bodyMembers, decodeBindings } from './bindings.ts';
import { verifyIntegrity } from './checksums.ts';
import { matchRoute } from './routes.ts';
import { pathStylePath } from './virtual-host.ts';

export interface BodyCodec {
  /** Decodes a structure from the body: the input's payload member, or the input's body members. */
  decodeStructure(model: ServiceModel, ref: ShapeRef, body: Buffer): Record<string, unknown> | undefined;
  /** The protocol's error for a request that matches no operation. */
  unknownOperation(req: RawRequest): AwsError;
}

/** The request body with any aws-chunked framing removed, and the headers plus its trailers. */
function unframe(req: RawRequest): { body: Buffer; headers: Record<string, string> } {
  if (!isAwsChunked(req.headers) || req.body.length === 0) return { body: req.body, headers: req.headers };
  const { payload, trailers } = decodeAwsChunked(req.body);
  const expected = req.headers['x-amz-decoded-content-length'];
  if (expected !== undefined && Number(expected) !== payload.length) {
    throw new AwsError('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', { status: 400 });
  }
  const headers: Record<string, string> = { ...req.headers, ...trailers, 'content-length': String(payload.length) };
  const encoding = contentEncodingWithoutChunked(req.headers['content-encoding']);
  if (encoding) headers['content-encoding'] = encoding;
  else delete headers['content-encoding'];
  return { body: payload, headers };
}

/** Routing and input decoding common to rest-json and rest-xml; the codec handles structured bodies. */
export function parseRestRequest(req: RawRequest, model: ServiceModel, codec: BodyCodec): ParsedRequest {
  const route = matchRoute(model, { ...req, path: pathStylePath(req, model) });
  if (!route) throw codec.unknownOperation(req);
  const op = model.operations[route.operation];
  if (!op.input) return { operation: route.operation, input: {} };
  const { body, headers } = unframe(req);
  if (body.length > 0 || headers['content-md5'] !== undefined) verifyIntegrity(headers, body);
  const shape = model.shapes[op.input.shape];
  let input: Record<string, unknown> = {};
  if (shape.payload) {
    const member = shape.members![shape.payload];
    const type = model.shapes[member.shape].type;
    if (body.length > 0) {
      if (type === 'blob') input[shape.payload] = body;
      else if (type === 'string') input[shape.payload] = body.toString('utf8');
      else {
        const value = codec.decodeStructure(model, member, body);
        if (value !== undefined) input[shape.payload] = value;
      }
    }
  } else if (body.length > 0 && bodyMembers(shape).length > 0) {
    input = codec.decodeStructure(model, op.input, body) ?? {};
  }
  decodeBindings(model, op.input, req, route.labels, headers, input);
  return { operation: route.operation, input };
}
