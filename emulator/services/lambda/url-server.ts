import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRootArn } from '../../core/arn.ts';
import type { Emulator } from '../../core/emulator.ts';
import type { LambdaState } from './state.ts';

/** A function URL: which function (and alias) a URL id invokes. */
export interface UrlTarget {
  functionName: string;
  qualifier?: string;
}

const MAX_BODY = 6_291_456;

/**
 * Serves function URLs for one account and region on a loopback listener (started with the first URL config):
 * `http://127.0.0.1:<port>/<url-id>/<path>`, or any path when the Host header is `<url-id>.lambda-url.<region>.<domain>`
 * (for a domain that resolves to this machine). Requests become payload format 2.0 events, as AWS sends them.
 */
export class UrlServer {
  private server?: Server;
  private port = 0;
  readonly targets = new Map<string, UrlTarget>();

  constructor(
    private readonly emulator: Emulator,
    private readonly state: LambdaState,
  ) {}

  /** Registers a URL and returns its id and address. */
  async add(target: UrlTarget): Promise<{ id: string; url: string }> {
    if (!this.server) {
      const server = createServer((req, res) => void this.handle(req, res));
      this.server = server;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      this.port = (server.address() as AddressInfo).port;
    }
    const id = randomBytes(16).toString('hex');
    this.targets.set(id, target);
    return { id, url: `http://127.0.0.1:${this.port}/${id}/` };
  }

  close(): void {
    this.server?.close();
    this.server?.closeAllConnections();
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const hostId = /^([0-9a-z]+)\.lambda-url\./.exec(req.headers.host ?? '')?.[1];
    const pathId = /^\/([0-9a-f]{32})(\/|$)/.exec(url.pathname)?.[1];
    const id = hostId && this.targets.has(hostId) ? hostId : pathId;
    const target = id ? this.targets.get(id) : undefined;
    if (!id || !target) return send(res, 403, { 'content-type': 'application/json' }, JSON.stringify({ Message: 'Forbidden' }));
    const rawPath = id === pathId && id !== hostId ? url.pathname.slice(id.length + 1) || '/' : url.pathname;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, { 'content-type': 'application/json' }, JSON.stringify({ Message: 'Request Too Long' }));
      chunks.push(chunk as Buffer);
    }
    const event = this.event(req, id, rawPath, url, Buffer.concat(chunks));
    let out: { FunctionError?: string; Payload?: Uint8Array };
    try {
      out = await this.emulator.call(
        'lambda',
        'Invoke',
        { FunctionName: target.functionName, Qualifier: target.qualifier, Payload: Buffer.from(JSON.stringify(event)) },
        { caller: { accountId: this.state.accountId, arn: accountRootArn(this.state.accountId, this.state.region) }, region: this.state.region },
      );
    } catch {
      return send(res, 502, { 'content-type': 'application/json' }, JSON.stringify({ Message: null }));
    }
    if (out.FunctionError) return send(res, 502, { 'content-type': 'application/json' }, JSON.stringify({ Message: null }));
    this.respond(res, Buffer.from(out.Payload ?? []).toString('utf8'));
  }

  private event(req: IncomingMessage, id: string, rawPath: string, url: URL, body: Buffer) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const cookies = req.headers.cookie?.split(/;\s*/).filter(Boolean);
    const contentType = req.headers['content-type'] ?? '';
    const text = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript))/.test(contentType);
    const now = this.emulator.clock.date();
    const domain = `${id}.lambda-url.${this.state.region}.on.aws`;
    return {
      version: '2.0',
      routeKey: '$default',
      rawPath,
      rawQueryString: url.search.slice(1),
      ...(cookies?.length ? { cookies } : {}),
      headers,
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
      requestContext: {
        accountId: 'anonymous',
        apiId: id,
        domainName: domain,
        domainPrefix: id,
        http: { method: req.method, path: rawPath, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: req.headers['user-agent'] ?? '' },
        requestId: randomUUID(),
        routeKey: '$default',
        stage: '$default',
        time: httpTime(now),
        timeEpoch: now.getTime(),
      },
      ...(body.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
      isBase64Encoded: body.length > 0 && !text,
    };
  }

  /** AWS's mapping of a function's result to the HTTP response (payload format 2.0). */
  private respond(res: ServerResponse, payload: string) {
    let result: unknown;
    try {
      result = JSON.parse(payload);
    } catch {
      result = payload;
    }
    if (result !== null && typeof result === 'object' && !Array.isArray(result) && 'statusCode' in result) {
      const r = result as { statusCode: number; headers?: Record<string, string>; body?: unknown; isBase64Encoded?: boolean; cookies?: string[] };
      const headers: Record<string, string | string[]> = { 'content-type': 'application/json', ...r.headers };
      if (r.cookies?.length) headers['set-cookie'] = r.cookies;
      const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      return send(res, r.statusCode, headers, r.isBase64Encoded ? Buffer.from(body, 'base64') : body);
    }
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    send(res, 200, { 'content-type': 'application/json' }, body);
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string | string[]>, body: string | Buffer) {
  res.writeHead(status, { ...headers, 'x-amzn-requestid': randomUUID() });
  res.end(body);
}

/** `12/Mar/2020:19:03:58 +0000`, as requestContext.time. */
function httpTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
