import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AwsError } from '../core/errors.ts';
import type { ServiceModel } from '../models/types.ts';
import type { ServiceDefinition } from '../core/service.ts';
import type { RouteMatch } from './rest/routes.ts';

/** An HTTP request as the gateway hands it over: nothing parsed yet but the URL. */
export interface RawRequest {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /**
   * The headers as Node's HTTP/1.1 parser read them (name, value, name, value...: the names as the client wrote them,
   * repeated headers apart): what the console's request log keeps, joined once, rather than walking `headers`.
   */
  rawHeaders?: readonly string[];
  /**
   * The whole body. When the server hands over an `incoming` body instead, the emulator fills this in (bounded by
   * the service's limit) once it knows the operation — unless the operation streams its payload (`bodyStream`).
   */
  body: Buffer;
  /** The body still on the wire (set by the HTTP server; absent for bodies given whole). */
  incoming?: IncomingBody;
  /**
   * For an operation whose payload member is `streaming` in the model (S3 PutObject and UploadPart, Lambda
   * InvokeAsync): the raw body as it arrives, never buffered whole. `body` stays empty.
   */
  bodyStream?: AsyncIterable<Buffer>;
  /** The client's IP address (set by the HTTP server), for the `aws:SourceIp` condition key. */
  remoteAddress?: string;
  /** An HTTP/1.1 WebSocket upgrade request (`Upgrade: websocket`): the connection a service may take over. */
  upgrade?: UpgradeRequest;
  /** The operation the REST protocols matched this request to (null: none), once they have (see rest/request.ts). */
  restRoute?: RouteMatch | null;
}

/**
 * The connection of a WebSocket upgrade request, as Node's HTTP server hands it over. A service's `http.intercept`
 * that completes the handshake calls `claim()` and owns the socket from then on (its returned response is not
 * written); otherwise the response is written on the socket as plain HTTP/1.1 and the connection closes.
 */
export interface UpgradeRequest {
  readonly request: IncomingMessage;
  readonly socket: Duplex;
  /** Bytes the client sent after the request's headers (the first frames). */
  readonly head: Buffer;
  claim(): void;
}

/** The client went away before its request body ended: there is nobody to answer. */
export class RequestAborted extends Error {
  constructor(cause?: unknown) {
    super('the client closed the request before its end', { cause });
  }
}

/** A request body not yet read. Both readers refuse more than `limit` bytes as soon as they arrive, without reading on. */
export interface IncomingBody {
  /** The `Content-Length` the client declared, if any. */
  readonly declaredLength?: number;
  /** Reads the whole body; rejects with `tooLarge` if it exceeds `limit` bytes. */
  read(limit: number, tooLarge: () => Error): Promise<Buffer>;
  /** The body chunk by chunk as it arrives; iteration throws `tooLarge` past `limit` bytes. Read once. */
  stream(limit: number, tooLarge: () => Error): AsyncIterable<Buffer>;
  /**
   * The whole body if it has all arrived by the end of this turn of the event loop (a small body comes with its
   * request's head), taken; undefined, and nothing taken, if it has not: then `stream` or `read` it.
   */
  takeArrived(limit: number, tooLarge: () => Error): Promise<Buffer | undefined>;
}

/**
 * A streamed body read whole because it was small (see the emulator's `receiveBody`): its bytes as they are, for the
 * REST protocols to check at once, and still an async iterable of its one chunk for whoever iterates it (S3's POST
 * uploads read `bodyStream` themselves).
 */
export class ArrivedBody implements AsyncIterable<Buffer> {
  constructor(readonly bytes: Buffer) {}

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    let taken = this.bytes.length === 0;
    return {
      next: () => {
        if (taken) return Promise.resolve({ value: undefined, done: true });
        taken = true;
        return Promise.resolve({ value: this.bytes, done: false });
      },
    };
  }
}

/**
 * What an operation with a streaming payload member receives as that member: the payload bytes as they arrive
 * (aws-chunked framing already removed), as an async iterable of Buffers. Iterating to the end also checks the
 * request's integrity (`Content-MD5`, `x-amz-checksum-*` headers or trailers, `x-amz-content-sha256`, the declared
 * decoded length) and throws the AwsError AWS would (`BadDigest`, `IncompleteBody`, ...) instead of finishing: a
 * handler must consume the whole stream before it stores anything. Past the service's limit, iteration throws that
 * limit's error. `Emulator.call` callers may pass a Buffer or string instead: read either with `readPayload`.
 */
export interface StreamingPayload extends AsyncIterable<Buffer> {
  /**
   * The digests the integrity check computes anyway (`md5`, `crc32`, `sha256`..., lower case), so that a service
   * storing them need not hash the payload twice: whether one is computed, and its base64 value once the payload has
   * been read to its end.
   */
  computes?(algorithm: string): boolean;
  checksum?(algorithm: string): string | undefined;
  /**
   * For a payload that had arrived whole with its request: all its pieces at once, checked as its end would be
   * (throwing the check's error), so that a reader needs no turn per piece. Undefined for a payload still streaming.
   */
  arrived?(): Buffer[] | undefined;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** An async iterable streams the body (event streams); the server stops iterating when the client goes away. */
  body: Buffer | string | AsyncIterable<Buffer>;
}

export interface ParsedRequest {
  operation: string;
  input: Record<string, unknown>;
}

/** One AWS wire protocol. Knows the model's serialization traits, nothing about any service. */
export interface Protocol {
  readonly name: string;
  /** Finds the operation and decodes its input; throws an AwsError for an unknown operation or malformed input. */
  parse(req: RawRequest, model: ServiceModel): ParsedRequest;
  /**
   * Whether the request's operation streams its payload, decided from the method, path, query and headers alone
   * (only REST protocols have streaming input payloads): the emulator then hands the body over as `bodyStream`.
   */
  streamsPayload?(req: RawRequest, model: ServiceModel): boolean;
  /** Loads what the protocol needs before its first request (codecs kept out of start-up); undefined once ready. */
  prepare?(): Promise<void> | undefined;
  serialize(operation: string, output: unknown, model: ServiceModel, requestId: string, service?: ServiceDefinition): RawResponse;
  serializeError(error: AwsError, model: ServiceModel, service: ServiceDefinition, requestId: string): RawResponse;
}
