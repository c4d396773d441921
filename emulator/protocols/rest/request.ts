import { AwsError } from '../../core/errors.ts';
import type { ServiceModel, ShapeRef } from '../../models/types.ts';
import { ArrivedBody, type ParsedRequest, type RawRequest, type StreamingPayload } from '../types.ts';
import { AwsChunkedDecoder, contentEncodingWithoutChunked, decodeAwsChunked, isAwsChunked } from './aws-chunked.ts';
import { bodyMembers, decodeBindings, decodeHeaderBindings } from './bindings.ts';
import { IntegrityCheck } from './checksums.ts';
import { matchRoute, type RouteMatch } from './routes.ts';
import { pathStylePath } from './virtual-host.ts';

export interface BodyCodec {
  /** Decodes a structure from the body: the input's payload member, or the input's body members. */
  decodeStructure(model: ServiceModel, ref: ShapeRef, body: Buffer): Record<string, unknown> | undefined;
  /** The protocol's error for a request that matches no operation. */
  unknownOperation(req: RawRequest): AwsError;
}

function checkDecodedLength(headers: Record<string, string>, length: number): void {
  const expected = headers['x-amz-decoded-content-length'];
  if (expected !== undefined && Number(expected) !== length) {
    throw new AwsError('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', { status: 400 });
  }
}

/**
 * The headers as the operation sees them: the transfer coding dropped, the decoded length, any trailers. The request's
 * own headers when they already say all that (nearly every upload that is not aws-chunked).
 */
function unframedHeaders(req: RawRequest, length: number | undefined, trailers: Record<string, string>): Record<string, string> {
  const contentLength = length === undefined ? undefined : String(length);
  const encoding = contentEncodingWithoutChunked(req.headers['content-encoding']);
  if (trailers === NO_TRAILERS && req.headers['content-length'] === contentLength && req.headers['content-encoding'] === encoding) return req.headers;
  const headers: Record<string, string> = { ...req.headers, ...trailers };
  if (contentLength !== undefined) headers['content-length'] = contentLength;
  else delete headers['content-length'];
  if (encoding) headers['content-encoding'] = encoding;
  else delete headers['content-encoding'];
  return headers;
}

const NO_TRAILERS: Record<string, string> = Object.freeze({});

/** The request body with any aws-chunked framing removed, and the headers plus its trailers. */
function unframe(req: RawRequest): { body: Buffer; headers: Record<string, string>; trailers: Record<string, string> } {
  if (!isAwsChunked(req.headers) || req.body.length === 0) return { body: req.body, headers: req.headers, trailers: NO_TRAILERS };
  const { payload, trailers } = decodeAwsChunked(req.body);
  checkDecodedLength(req.headers, payload.length);
  return { body: payload, headers: unframedHeaders(req, payload.length, trailers), trailers };
}

/**
 * The checks a streaming payload's bytes go through as they arrive (aws-chunked framing removed, digests updated)
 * and at their end (the decoded length, the integrity check, the trailers' header bindings), whether the payload
 * streams or had arrived whole.
 */
class PayloadCheck {
  readonly integrity: IntegrityCheck;
  private readonly decoder?: AwsChunkedDecoder;
  private length = 0;
  private raw = 0;

  constructor(
    private readonly req: RawRequest,
    private readonly onTrailers: (trailers: Record<string, string>) => void,
  ) {
    this.integrity = new IntegrityCheck(req.headers);
    if (isAwsChunked(req.headers)) this.decoder = new AwsChunkedDecoder();
  }

  /** The payload bytes in a chunk of the body, counted. */
  take(chunk: Buffer): Buffer[] {
    this.raw += chunk.length;
    const pieces = this.decoder ? this.decoder.push(chunk) : [chunk];
    for (const piece of pieces) {
      this.integrity.update(piece);
      this.length += piece.length;
    }
    return pieces;
  }

  /** Throws AWS's error if the payload that ended is not the one the request announced. */
  finish(): void {
    // An empty body carries no framing at all.
    const framed = this.decoder !== undefined && this.raw > 0;
    const trailers = framed ? this.decoder!.end() : NO_TRAILERS;
    if (framed) checkDecodedLength(this.req.headers, this.length);
    this.integrity.verify(trailers);
    this.onTrailers(trailers);
  }
}

/**
 * A streaming payload member's value: the body's payload bytes as they arrive, checked as a whole once they end.
 * Input members bound to headers that arrive as aws-chunked trailers (`x-amz-checksum-crc32` announced by
 * `x-amz-trailer`) are set on `input` at that point.
 */
function streamedPayload(source: AsyncIterable<Buffer>, check: PayloadCheck): StreamingPayload {
  return Object.assign(verifiedStream(source, check), {
    computes: (algorithm: string) => check.integrity.computes(algorithm),
    checksum: (algorithm: string) => check.integrity.checksum(algorithm),
  });
}

async function* verifiedStream(source: AsyncIterable<Buffer>, check: PayloadCheck) {
  for await (const chunk of source) for (const piece of check.take(chunk)) yield piece;
  check.finish();
}

const DONE: Promise<IteratorResult<Buffer>> = Promise.resolve({ value: undefined, done: true });

/**
 * The same for a body that had arrived whole (ArrivedBody): its pieces handed out one a step and checked after the
 * last, as a stream's would be, each step an already settled promise instead of an async generator's turns.
 */
class ArrivedPayload implements StreamingPayload, AsyncIterator<Buffer> {
  private pieces?: Buffer[];
  private next_ = 0;
  private ended = false;

  constructor(
    private readonly bytes: Buffer,
    private readonly check: PayloadCheck,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return this;
  }

  next(): Promise<IteratorResult<Buffer>> {
    if (this.ended) return DONE;
    try {
      this.pieces ??= this.bytes.length > 0 ? this.check.take(this.bytes) : [];
      if (this.next_ < this.pieces.length) return Promise.resolve({ value: this.pieces[this.next_++], done: false });
      this.ended = true;
      this.check.finish();
      return DONE;
    } catch (error) {
      this.ended = true;
      return Promise.reject(error);
    }
  }

  arrived(): Buffer[] | undefined {
    if (this.ended || this.next_ > 0) return undefined;
    this.ended = true;
    const pieces = (this.pieces ??= this.bytes.length > 0 ? this.check.take(this.bytes) : []);
    this.next_ = pieces.length;
    this.check.finish();
    return pieces;
  }

  /** A reader that stops early ends it unchecked, as it would end a stream. */
  return(): Promise<IteratorResult<Buffer>> {
    this.ended = true;
    return DONE;
  }

  computes(algorithm: string): boolean {
    return this.check.integrity.computes(algorithm);
  }

  checksum(algorithm: string): string | undefined {
    return this.check.integrity.checksum(algorithm);
  }
}

/**
 * The operation a REST request is for, matched once per request and kept on it (a WeakMap keyed by requests would add
 * an entry per request for the garbage collector to clear).
 */
function routeOf(req: RawRequest, model: ServiceModel): RouteMatch | undefined {
  if (req.restRoute === undefined) req.restRoute = matchRoute(model, req, pathStylePath(req, model)) ?? null;
  return req.restRoute ?? undefined;
}

/** Whether the request's operation has a streaming payload member (S3 PutObject, UploadPart; Lambda InvokeAsync). */
export function restStreamsPayload(req: RawRequest, model: ServiceModel): boolean {
  const route = routeOf(req, model);
  const input = route && model.operations[route.operation].input;
  const shape = input && model.shapes[input.shape];
  const member = shape?.payload ? shape.members![shape.payload] : undefined;
  return Boolean(member && (member.streaming || model.shapes[member.shape].streaming));
}

/** Routing and input decoding common to rest-json and rest-xml; the codec handles structured bodies. */
export function parseRestRequest(req: RawRequest, model: ServiceModel, codec: BodyCodec): ParsedRequest {
  const route = routeOf(req, model);
  if (!route) throw codec.unknownOperation(req);
  const op = model.operations[route.operation];
  if (!op.input) return { operation: route.operation, input: {} };
  const shape = model.shapes[op.input.shape];
  if (req.bodyStream && shape.payload) {
    const input: Record<string, unknown> = {};
    const headers = unframedHeaders(
      req,
      isAwsChunked(req.headers) ? optionalNumber(req.headers['x-amz-decoded-content-length']) : optionalNumber(req.headers['content-length']),
      NO_TRAILERS,
    );
    // Its integrity check refuses a malformed Content-MD5 at once, before the handler runs.
    // Most uploads have no trailers: nothing to decode then.
    const check = new PayloadCheck(req, (trailers) => trailers !== NO_TRAILERS && decodeHeaderBindings(model, op.input!, trailers, input));
    input[shape.payload] = req.bodyStream instanceof ArrivedBody ? new ArrivedPayload(req.bodyStream.bytes, check) : streamedPayload(req.bodyStream, check);
    decodeBindings(model, op.input, req, route.labels, headers, input);
    return { operation: route.operation, input };
  }
  const { body, headers, trailers } = unframe(req);
  if (body.length > 0 || headers['content-md5'] !== undefined) {
    const integrity = new IntegrityCheck(req.headers, op.httpChecksum !== undefined);
    integrity.update(body);
    integrity.verify(trailers);
  }
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

function optionalNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}
