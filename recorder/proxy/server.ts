import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { gunzipSync, inflateSync } from 'node:zlib';
import { Agent, request as undiciRequest } from 'undici';
import type { RawRequest } from '../../emulator/protocols/types.ts';
import { listenDual } from '../../emulator/server/dual-listener.ts';
import type { CapturedExchange } from '../capture/exchange.ts';
import { exchangeFromWire } from '../capture/from-wire.ts';
import { identifyRequest } from '../capture/services.ts';
import type { RecordingCredentials, UpstreamTls } from '../upstream/credentials.ts';
import { bucketFromHost, resolveUpstream } from '../upstream/endpoint.ts';
import { signRequest, stripClientSignature } from '../upstream/sign.ts';

export interface ProxyOptions {
  port: number;
  host?: string;
  credentials: RecordingCredentials;
  /** Region for requests whose signature and host name do not say. */
  defaultRegion: string;
  /** Send everything here instead of the real AWS endpoint of each request. */
  upstream?: URL;
  tls?: UpstreamTls;
  onExchange(exchange: CapturedExchange): void;
}

export interface RunningProxy {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** Connection-level headers that belong to one hop, not to the message (RFC 9110 §7.6.1), and `expect`, answered here. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'expect']);

/**
 * A recording proxy: clients point their endpoint at it, it signs each request again with the recording credentials,
 * forwards it to the service's real endpoint, streams the response back unchanged and reports the exchange.
 */
export async function startRecordingProxy(options: ProxyOptions): Promise<RunningProxy> {
  const dispatcher = new Agent({ connect: { ca: options.tls?.ca, rejectUnauthorized: !options.tls?.insecure } });
  const handle = (req: ClientRequest, res: ClientResponse) => {
    forward(req, res, options, dispatcher).catch((error: Error) => {
      if (!res.headersSent) sendProxyError(res, 502, 'UpstreamUnreachable', `twinstack record could not reach the upstream: ${error.message}`);
      else res.destroy(error);
    });
  };
  const http1 = createServer(handle);
  const http2 = createHttp2Server(handle);
  const listener = await listenDual(http1, () => http2, options.port, options.host ?? '127.0.0.1');
  return {
    endpoint: `http://${options.host ?? '127.0.0.1'}:${listener.port}`,
    port: listener.port,
    async close() {
      await listener.close();
      http2.close();
      http1.close();
      await dispatcher.close();
    },
  };
}

type ClientRequest = IncomingMessage | Http2ServerRequest;
type ClientResponse = ServerResponse | Http2ServerResponse;

async function forward(req: ClientRequest, res: ClientResponse, options: ProxyOptions, dispatcher: Agent) {
  const raw = await readRequest(req);
  const { service, region } = identifyRequest(raw, options.defaultRegion);
  if (!service) {
    sendProxyError(res, 400, 'UnknownService', 'twinstack record could not tell which AWS service this request is for');
    return;
  }
  const bucket = service.name === 's3' ? bucketFromHost(raw.headers['host']) : undefined;
  const target = resolveUpstream(service.model, region, raw.path, bucket, options.upstream);
  const headers = Object.fromEntries(Object.entries(raw.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  if (raw.body.length > 0 || headers['content-length'] !== undefined) headers['content-length'] = String(raw.body.length);
  const unsigned = stripClientSignature({ method: raw.method, origin: target.origin, path: target.path, query: rawQuery(req.url), headers, body: raw.body });
  const outgoing = await signRequest(unsigned, options.credentials, target.signingName, target.signingRegion);
  const at = new Date();
  const upstream = await undiciRequest(`${outgoing.origin}${outgoing.path}${outgoing.query ? `?${outgoing.query}` : ''}`, {
    method: outgoing.method as 'GET',
    headers: outgoing.headers,
    body: outgoing.body.length > 0 ? outgoing.body : undefined,
    dispatcher,
  });
  const responseHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  res.writeHead(upstream.statusCode, responseHeaders);
  // Both HTTP versions' responses are writable streams; their `write` overloads just differ in TypeScript.
  const out = res as NodeJS.WritableStream;
  const chunks: Buffer[] = [];
  for await (const chunk of upstream.body) {
    chunks.push(chunk as Buffer);
    out.write(chunk as Buffer);
  }
  out.end();
  const exchange = exchangeFromWire(
    {
      at,
      method: outgoing.method,
      url: new URL(`${outgoing.origin}${outgoing.path}${outgoing.query ? `?${outgoing.query}` : ''}`),
      requestHeaders: outgoing.headers,
      requestBody: outgoing.body,
      status: upstream.statusCode,
      ...responseForRecord(responseHeaders, Buffer.concat(chunks)),
    },
    region,
  );
  if (exchange) options.onExchange(exchange);
}

/** The query string exactly as the client encoded it (URLSearchParams would re-encode it differently). */
function rawQuery(url: string | undefined): string {
  const q = url?.indexOf('?') ?? -1;
  return q < 0 ? '' : url!.slice(q + 1);
}

async function readRequest(req: ClientRequest): Promise<RawRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && !name.startsWith(':')) headers[name] = Array.isArray(value) ? value.join(',') : value;
  if (!headers.host && 'authority' in req) headers.host = req.authority;
  return { method: req.method ?? 'GET', path: q < 0 ? url : url.slice(0, q), query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)), headers, body: Buffer.concat(chunks) };
}

/** The recorded copy of a response body is stored decoded, so that contracts hold readable JSON or XML. */
function responseForRecord(headers: Record<string, string>, body: Buffer): { responseHeaders: Record<string, string>; responseBody: Buffer } {
  const encoding = headers['content-encoding'];
  if (encoding !== 'gzip' && encoding !== 'deflate') return { responseHeaders: headers, responseBody: body };
  const { ['content-encoding']: _dropped, ...rest } = headers;
  return { responseHeaders: rest, responseBody: encoding === 'gzip' ? gunzipSync(body) : inflateSync(body) };
}

function sendProxyError(res: ClientResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ __type: code, message }));
}
