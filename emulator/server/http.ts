import { createServer as createHttp1Server, ServerResponse, STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Http2Server, Http2ServerRequest, Http2ServerResponse, ServerHttp2Session } from 'node:http2';
import type { Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import { PassThrough, type Duplex } from 'node:stream';
import { DroppedConnection, type Emulator } from '../core/emulator.ts';
import type { RawRequest, RawResponse, UpgradeRequest } from '../protocols/types.ts';
import { incomingBody, type StreamBody } from './body.ts';
import { writeHead } from './headers.ts';
import { listenDual } from './dual-listener.ts';
import { RequestGuard, type GuardOptions } from './guard.ts';

export interface ServerOptions {
  port: number;
  host: string;
  verbose?: boolean;
  /** Browser origins and host names served (see guard.ts); default: this emulator's own only. */
  guard?: GuardOptions;
  /** Connection limits; defaults in DEFAULT_CONNECTION_OPTIONS. */
  connections?: Partial<ConnectionOptions>;
  /** HTTPS on the same port (see tls.ts): the context to serve TLS connections with. */
  tls?: () => Promise<SecureContext>;
  /** Extra JSON routes (health, introspection, control) served before AWS routing; paths may hold `:name` params. */
  internalRoutes: Record<string, InternalRoute>;
}

/** An internal route's request; it answers JSON, or throws an Error with a `statusCode` (its message is sent). */
export interface InternalRequest {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Buffer;
}
export type InternalRoute = ((request: InternalRequest) => unknown) & {
  /** The largest body the route accepts (INTERNAL_BODY_LIMIT unless it says), and what to tell a sender of more. */
  bodyLimit?: { bytes: number; message: string };
};

/** An internal route's answer that is not JSON (a certificate, a page): sent as is, with its content type. */
export class InternalText {
  constructor(
    readonly contentType: string,
    readonly text: string,
  ) {}
}

/**
 * Internal routes: exact paths in a map (one lookup per request), `:name` patterns tried only when none matches and
 * the path's first segment is one that patterns start with (`/_twinstack`...), so AWS requests try no pattern.
 */
interface InternalRoutes {
  exact: Map<string, InternalRoute>;
  patterns: { pattern: RegExp; names: string[]; route: InternalRoute }[];
  patternPrefixes: Set<string>;
}

/** `/_twinstack` of `/_twinstack/reset/sqs`; the whole path when it has one segment. */
function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return end < 0 ? path : path.slice(0, end);
}

function compileRoutes(routes: Record<string, InternalRoute>): InternalRoutes {
  const compiled: InternalRoutes = { exact: new Map(), patterns: [], patternPrefixes: new Set() };
  for (const [path, route] of Object.entries(routes)) {
    if (!path.includes('/:')) {
      compiled.exact.set(path, route);
      continue;
    }
    const names: string[] = [];
    // `:name` is one segment; `:name*` (last) the rest of the path, slashes included.
    const source = path
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:(\w+)(\*?)/g, (_m, name: string, rest: string) => (names.push(name), rest ? '(.+)' : '([^/]+)'));
    compiled.patterns.push({ pattern: new RegExp(`^${source}$`), names, route });
    // A pattern whose first segment is a parameter could match any path: then every path tries the patterns.
    compiled.patternPrefixes.add(firstSegment(path).includes(':') ? '*' : firstSegment(path));
  }
  return compiled;
}

function findRoute(routes: InternalRoutes, path: string): { route: InternalRoute; params: Record<string, string> } | undefined {
  const exact = routes.exact.get(path);
  if (exact) return { route: exact, params: {} };
  if (!routes.patternPrefixes.has(firstSegment(path)) && !routes.patternPrefixes.has('*')) return undefined;
  for (const { pattern, names, route } of routes.patterns) {
    const match = pattern.exec(path);
    if (match) return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])])) };
  }
  return undefined;
}

/** Control requests (faults, state, clock) are small JSON documents. */
const INTERNAL_BODY_LIMIT = 16 * 1024 * 1024;

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** A connection with no traffic this long is closed: before its first request, while a body stalls, when idle. */
  idleTimeoutMs: number;
  /** Longest wait for a request's complete headers (slow-header clients). */
  headersTimeoutMs: number;
  /** Open connections per client address. */
  maxConnectionsPerClient: number;
}

/**
 * Idle connections close after a minute (longer than SQS's 20 s long polls), headers must arrive within 30 s, and
 * one address may hold 512 connections (the AWS SDK's default pool is 50 per client).
 */
export const DEFAULT_CONNECTION_OPTIONS: ConnectionOptions = { idleTimeoutMs: 60_000, headersTimeoutMs: 30_000, maxConnectionsPerClient: 512 };

type Request = IncomingMessage | Http2ServerRequest;
/** HTTP/2's constants, for HTTP/2 requests only (the module is loaded with the first HTTP/2 connection). */
const http2Constants = () => process.getBuiltinModule('node:http2').constants;
/** Node's HTTP/2 compatibility response has the HTTP/1.1 response's API, which is all this module uses. */
type Response = ServerResponse;

/**
 * The emulator's HTTP front: one plain Node handler behind an HTTP/1.1 and an HTTP/2 server sharing one port. No
 * framework: routing is the emulator's, bodies are read only once the operation is known (so that limits apply while
 * the body streams, and streaming payloads are never buffered), and nothing runs per request that AWS routing does
 * not need.
 */
export async function startServer(emulator: Emulator, options: ServerOptions): Promise<RunningServer> {
  const internal = compileRoutes(options.internalRoutes);
  const guard = new RequestGuard(options.guard ?? {}, options.host);
  const limits = { ...DEFAULT_CONNECTION_OPTIONS, ...options.connections };
  const log = options.verbose ? logRequest : undefined;
  const handler = log
    ? (req: Request, res: Response | Http2ServerResponse) => {
        const started = performance.now();
        void serve(emulator, internal, guard, req, res as Response).then(() => log(req, res as Response, started));
      }
    : (req: Request, res: Response | Http2ServerResponse) => void serve(emulator, internal, guard, req, res as Response);
  const http1 = createHttp1Server(
    // No limit on a whole request's time (uploads may be long), but on silence and on slow headers. One inactivity
    // timeout, set once per connection, covers silence before, during and between requests: Node's separate
    // keep-alive timeout would re-arm the socket's timer twice per request (and adds a `Keep-Alive` header AWS does
    // not send).
    { keepAliveTimeout: 0, headersTimeout: limits.headersTimeoutMs, requestTimeout: 0, connectionsCheckingInterval: 1000 },
    handler,
  );
  http1.timeout = limits.idleTimeoutMs;
  http1.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { res, upgrade, body } = upgradeExchange(req, socket, head);
    void serve(emulator, internal, guard, req, res, { upgrade, body });
  });
  // Made on the first HTTP/2 connection: loading Node's HTTP/2 module costs start time most runs never use.
  let http2: Http2Server | undefined;
  const http2Server = () => {
    if (http2) return http2;
    http2 = process.getBuiltinModule('node:http2').createServer(handler);
    http2.on('session', (session) => closeWhenIdle(session, limits.idleTimeoutMs));
    return http2;
  };
  const listener = await listenDual(http1, http2Server, options.port, options.host, {
    firstByteTimeoutMs: Math.min(limits.idleTimeoutMs, limits.headersTimeoutMs),
    maxConnectionsPerClient: limits.maxConnectionsPerClient,
    tls: options.tls,
  });
  guard.listeningOn(listener.port);
  return {
    port: listener.port,
    async close() {
      await listener.close();
      http2?.close();
      http1.close();
    },
  };
}

/** An HTTP/2 session without streams or frames for `idleMs` is closed; one with an open stream is left alone. */
function closeWhenIdle(session: ServerHttp2Session, idleMs: number): void {
  let streams = 0;
  session.on('stream', (stream) => {
    streams++;
    stream.once('close', () => streams--);
  });
  session.setTimeout(idleMs, () => {
    if (streams === 0) session.close();
  });
}

/**
 * Node hands every HTTP/1.1 request with an `Upgrade` header to the 'upgrade' listener, socket and all. Each is served
 * as an ordinary request on a response of its own; a WebSocket upgrade also goes to the services as `upgrade`, so
 * that one may take the socket over (execute-api WebSocket APIs). Other upgrades (h2c) are never taken: their body,
 * which Node leaves on the socket, is handed on as the request's.
 */
function upgradeExchange(req: IncomingMessage, socket: Duplex, head: Buffer): { res: Response; upgrade?: UpgradeRequest & { claimed: boolean }; body: PassThrough & { complete: boolean } } {
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket as Socket);
  res.once('finish', () => socket.end());
  const body = Object.assign(new PassThrough(), { complete: false });
  let left = req.headers.upgrade?.toLowerCase() === 'websocket' ? 0 : Number(req.headers['content-length']) || 0;
  const take = (chunk: Buffer) => {
    const part = chunk.subarray(0, left);
    left -= part.length;
    if (part.length) body.write(part);
    if (left > 0) return;
    socket.off('data', take);
    body.complete = true;
    body.end();
  };
  take(left ? head : Buffer.alloc(0));
  if (left > 0) socket.on('data', take);
  if (req.headers.upgrade?.toLowerCase() !== 'websocket') return { res, body };
  const upgrade = {
    request: req,
    socket,
    head,
    claimed: false,
    claim() {
      upgrade.claimed = true;
      res.detachSocket(socket as Socket);
    },
  };
  return { res, upgrade, body };
}

/**
 * Serves one request, in one async function (a wrapper catching its errors would be a second one per request); never
 * rejects: a client that goes away mid-request costs that request only, never the process. `exchange`: an upgrade
 * request's body (Node leaves it on the socket) and, for WebSocket handshakes, the connection.
 */
async function serve(
  emulator: Emulator,
  internal: InternalRoutes,
  guard: RequestGuard,
  req: Request,
  res: Response,
  exchange?: { upgrade?: UpgradeRequest & { claimed: boolean }; body: PassThrough & { complete: boolean } },
): Promise<void> {
  const upgrade = exchange?.upgrade;
  try {
    const raw = toRawRequest(req, exchange?.body);
    if (upgrade) raw.upgrade = upgrade;
    // Services whose clients are browsers (S3's bucket CORS rules) judge origins themselves; the host check still holds.
    const selfManaged = raw.headers['origin'] !== undefined && (await emulator.handlesBrowsersItself(raw));
    const verdict = guard.check(raw.method, raw.headers, selfManaged);
    if (!verdict.allowed) {
      const body = JSON.stringify({ __type: 'AccessDenied', message: `Forbidden: ${verdict.reason}` });
      res.writeHead(403, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
      return;
    }
    if (verdict.corsHeaders && raw.method === 'OPTIONS' && raw.headers['access-control-request-method']) {
      res.writeHead(200, { ...verdict.corsHeaders, 'content-length': '0' }).end();
      return;
    }
    const found = findRoute(internal, raw.path);
    if (found) {
      await serveInternal(found, raw, res);
      return;
    }
    // The emulator takes the body over (`raw.incoming` is cleared then); whether it was read whole is asked of it after.
    const incoming = raw.incoming;
    let response: RawResponse | undefined;
    try {
      response = await emulator.handle(raw, endpointOf(raw.headers, (req.socket as TLSSocket).encrypted));
    } catch (error) {
      response = dropped(error, () => ('stream' in req ? req.stream.close(http2Constants().NGHTTP2_INTERNAL_ERROR) : req.socket.resetAndDestroy()));
    }
    if (!response || upgrade?.claimed) return;
    if (verdict.corsHeaders) for (const [name, value] of Object.entries(verdict.corsHeaders)) response.headers[name] ??= value;
    // Only a streamed body is waited for: a whole one is written at once.
    const streaming = writeResponse(req, res, response, incoming);
    if (streaming) await streaming;
  } catch (error) {
    if (upgrade?.claimed) upgrade.socket.destroy();
    else failed(res, error);
  }
}

async function serveInternal(found: NonNullable<ReturnType<typeof findRoute>>, raw: RawRequest, res: Response): Promise<void> {
  let status = 200;
  let result: unknown;
  try {
    const limit = found.route.bodyLimit;
    const body = await raw.incoming!.read(limit?.bytes ?? INTERNAL_BODY_LIMIT, () => Object.assign(new Error(limit?.message ?? 'request body too large'), { statusCode: 413 }));
    result = await found.route({ method: raw.method, params: found.params, query: raw.query, body });
  } catch (error) {
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (!statusCode) throw error;
    status = statusCode;
    result = { statusCode, error: STATUS_CODES[statusCode], message: (error as Error).message };
  }
  const text = result instanceof InternalText ? result : undefined;
  const body = text ? text.text : JSON.stringify(result ?? {});
  const contentType = text ? text.contentType : 'application/json; charset=utf-8';
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
  res.end(raw.method === 'HEAD' ? '' : body);
}

/**
 * A fault rule's dropped connection: a reset ends it now; a timeout leaves the client waiting (the server's close
 * drops it). Other errors propagate.
 */
function dropped(error: unknown, reset: () => void): undefined {
  if (!(error instanceof DroppedConnection)) throw error;
  if (error.how === 'reset') reset();
  return undefined;
}

/** Writes the response; a promise only while a streamed body is being written. */
function writeResponse(req: Request, res: Response, response: RawResponse, incoming: StreamBody): Promise<void> | undefined {
  const { body } = response;
  const unread = !req.complete && !incoming.received;
  if (unread && !('stream' in req)) {
    // The body is still on the wire (refused, or not read by a failed operation): this connection cannot carry another request.
    response.headers['connection'] = 'close';
  }
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    // A 304 carries no body (RFC 9110): an error document rendered for it is not sent, nor counted.
    const notModified = response.status === 304;
    // Text that is all ASCII (most AWS answers) has its UTF-8 bytes one a character: it is sent as Latin-1 text as it
    // is. Other text goes as its UTF-8 bytes: Node would encode a string body with the header text as UTF-8, which
    // sends a header's Latin-1 text as two bytes a character.
    const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    const text = typeof body === 'string' && length === body.length ? body : undefined;
    const bytes = text === undefined ? (typeof body === 'string' ? Buffer.from(body) : body) : undefined;
    if (response.headers['content-length'] === undefined && !notModified) response.headers['content-length'] = String(length);
    writeHead(res, response.status, response.headers);
    if (req.method === 'HEAD' || notModified) res.end(EMPTY);
    // A small body as Latin-1 text (its bytes one a character): Node joins it to the header text and sends both in one
    // write, where bytes are queued behind the header and sent by a corked writev.
    else if (text !== undefined && length <= ONE_WRITE_BYTES) res.end(text, 'latin1');
    else if (length <= ONE_WRITE_BYTES) res.end(bytes!.toString('latin1'), 'latin1');
    else res.end(bytes ?? Buffer.from(text!, 'latin1'));
    if (unread) abandon(req);
    return undefined;
  }
  writeHead(res, response.status, response.headers);
  return writeStream(res, body).then(() => {
    if (unread) abandon(req);
  });
}

/** Streams a body; stops as soon as the client resets the stream or the connection closes. */
async function writeStream(res: Response, body: AsyncIterable<Buffer>): Promise<void> {
  const iterator = body[Symbol.asyncIterator]();
  res.once('close', () => void Promise.resolve(iterator.return?.()).catch(() => {}));
  try {
    for (let next = await iterator.next(); !next.done && !res.destroyed; next = await iterator.next()) {
      if (!res.write(next.value)) await drained(res);
    }
  } finally {
    res.end();
  }
}

/** Waits for the response to drain (or close), leaving no listener behind: a large body waits many times. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

/** Drops the rest of a request body that will never be read (HTTP/1.1 connections close by their header). */
function abandon(req: Request): void {
  if ('stream' in req) req.stream.close(http2Constants().NGHTTP2_NO_ERROR);
}

function failed(res: Response, error: unknown): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ message: error instanceof Error ? error.message : 'request failed' });
  // After a refused writeHead Node keeps the status message it set: given again, with the body's length.
  res.writeHead(400, STATUS_CODES[400], { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), connection: 'close' }).end(body);
}

function toRawRequest(req: Request, body: Parameters<typeof incomingBody>[0] = req): RawRequest & { incoming: StreamBody } {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  let headers: Record<string, string>;
  let rawHeaders: string[] | undefined;
  if ('stream' in req) {
    headers = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined || k.charCodeAt(0) === 58 /* ':' */) continue;
      headers[k] = Array.isArray(v) ? v.join(',') : v;
    }
    if (!headers.host && req.authority) headers.host = req.authority;
  } else {
    // HTTP/1.1 headers are already lower-case strings (only set-cookie, never sent to AWS, is a list).
    headers = req.headers as Record<string, string>;
    rawHeaders = req.rawHeaders;
  }
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? NO_QUERY : new URLSearchParams(url.slice(q + 1)),
    headers,
    rawHeaders,
    body: EMPTY,
    incoming: incomingBody(body, headers['content-length']),
    remoteAddress: remoteAddress(req),
  };
}

/** The client's address; an HTTP/2 stream whose session already closed has none (its socket proxy throws). */
function remoteAddress(req: Request): string | undefined {
  try {
    return req.socket?.remoteAddress;
  } catch {
    return undefined;
  }
}

const EMPTY = Buffer.alloc(0);
/** Bodies up to this size are sent in one write with the header (copied once more as text: cheap while small). */
const ONE_WRITE_BYTES = 16 * 1024;

/** The query of every URL without one (most AWS requests): shared, so it refuses changes. */
class EmptyQuery extends URLSearchParams {
  override append(): never {
    throw new TypeError('the empty query of a request cannot change');
  }
  override delete(): never {
    return this.append();
  }
  override set(): never {
    return this.append();
  }
  override sort(): never {
    return this.append();
  }
}
const NO_QUERY: URLSearchParams = new EmptyQuery();

/** The last endpoint made, and from what: clients send the same Host on every request. */
let lastEndpoint = { host: '', encrypted: false, url: '' };

function endpointOf(headers: Record<string, string>, encrypted = false): string {
  const host = headers.host ?? 'localhost:4566';
  if (host !== lastEndpoint.host || encrypted !== lastEndpoint.encrypted) lastEndpoint = { host, encrypted, url: `${encrypted ? 'https' : 'http'}://${host}` };
  return lastEndpoint.url;
}

function logRequest(req: Request, res: Response, started: number): void {
  console.log(`[twinstack] ${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)} ms`);
}
