import type { FinishedRequest } from '../core/emulator.ts';

/** How much of each body the log keeps: enough to read a request, little enough that 500 of them stay small. */
export const BODY_KEPT = 8 * 1024;

/** A body as kept: its first BODY_KEPT bytes, its whole size, or why there is none to show. */
export interface KeptBody {
  bytes?: Buffer;
  size: number;
  streamed?: boolean;
}

export interface RequestDetail {
  request: { method: string; path: string; query: string; headers: Record<string, string>; body: KeptBody };
  response?: { status: number; headers: Record<string, string>; body: KeptBody };
}

export type LoggedRequest = Omit<FinishedRequest, 'request' | 'response'> & { id: number; time: string };

type Body = Buffer | string | AsyncIterable<Buffer> | undefined;

/**
 * A body as the log holds it until someone opens the request: the body itself when it is small (no copy, no wrapper
 * on the request path), else a copy of its first BODY_KEPT bytes with the whole size, so the log never holds on to a
 * large body.
 */
type HeldBody = Buffer | string | undefined | { bytes: Buffer; size: number } | typeof STREAMED;

const STREAMED = Object.freeze({ size: 0, streamed: true as const });

function hold(body: Body, streamed: boolean): HeldBody {
  if (streamed || (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body))) return STREAMED;
  if (body === undefined || body.length <= BODY_KEPT) return body;
  const bytes = typeof body === 'string' ? Buffer.from(body.slice(0, BODY_KEPT)) : body;
  return { bytes: Buffer.from(bytes.subarray(0, BODY_KEPT)), size: typeof body === 'string' ? Buffer.byteLength(body) : body.length };
}

function kept(held: HeldBody): KeptBody {
  if (held === undefined) return { bytes: Buffer.alloc(0), size: 0 };
  if (typeof held === 'string') {
    const bytes = Buffer.from(held);
    return { bytes: bytes.subarray(0, BODY_KEPT), size: bytes.length };
  }
  if (Buffer.isBuffer(held)) return { bytes: held, size: held.length };
  return 'streamed' in held ? { size: 0, streamed: true } : { bytes: held.bytes, size: held.size };
}

/**
 * A logged request as recorded, in one flat object (each client request pays for the objects it makes and for
 * keeping them): what `since` and `find` show is made from it only when asked.
 */
interface Held extends Omit<FinishedRequest, 'request' | 'response'> {
  id: number;
  at: number;
  method: string;
  path: string;
  query: URLSearchParams;
  requestHeaders: Record<string, string>;
  requestBody: HeldBody;
  /** Absent when no answer was sent. */
  responseHeaders?: Record<string, string>;
  responseBody: HeldBody;
}

function shown(held: Held): LoggedRequest {
  const { service, operation, accountId, region, status, latencyMs, errorCode, id } = held;
  return { service, operation, accountId, region, status, latencyMs, errorCode, id, time: new Date(held.at).toISOString() };
}

function detailOf(held: Held): RequestDetail {
  return {
    request: { method: held.method, path: held.path, query: held.query.toString(), headers: { ...held.requestHeaders }, body: kept(held.requestBody) },
    response: held.responseHeaders && { status: held.status, headers: { ...held.responseHeaders }, body: kept(held.responseBody) },
  };
}

/**
 * The last `capacity` client requests, oldest first, each with an increasing id the page polls from. Recording
 * keeps references (request and response headers and small bodies are not changed once answered) and formats
 * nothing: every client request pays for the log, only the page's reads pay for what it shows.
 */
export class RequestLog {
  private readonly entries: Held[] = [];
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    readonly capacity = 500,
  ) {}

  record(finished: FinishedRequest): void {
    // Trimmed by `capacity` at a time rather than one shift per request (a shift moves the whole array).
    if (this.entries.length === 2 * this.capacity) this.entries.splice(0, this.capacity);
    const { request, response } = finished;
    // Fields named one by one: rest and spread copies take V8's slow generic path, on every request.
    this.entries.push({
      service: finished.service,
      operation: finished.operation,
      accountId: finished.accountId,
      region: finished.region,
      status: finished.status,
      latencyMs: finished.latencyMs,
      errorCode: finished.errorCode,
      id: this.nextId++,
      at: this.now(),
      method: request.method,
      path: request.path,
      query: request.query,
      requestHeaders: request.headers,
      requestBody: hold(request.body, request.bodyStream !== undefined),
      responseHeaders: response?.headers,
      responseBody: response && hold(response.body, false),
    });
  }

  private kept(): Held[] {
    return this.entries.slice(-this.capacity);
  }

  /** Requests with an id above `since`. */
  since(since: number): LoggedRequest[] {
    return this.kept()
      .filter((e) => e.id > since)
      .map(shown);
  }

  /** A logged request with what was sent and answered, while it is among the last `capacity`. */
  find(id: number): { entry: LoggedRequest; detail: RequestDetail } | undefined {
    const held = this.kept().find((e) => e.id === id);
    return held && { entry: shown(held), detail: detailOf(held) };
  }
}
