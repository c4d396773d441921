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
 * A body as the log holds it until someone opens the request: the body itself when it is small (no copy on the
 * request path), else a copy of its first BODY_KEPT bytes, so the log never holds on to a large body.
 */
interface HeldBody {
  body?: Buffer | string;
  size: number;
  streamed?: boolean;
}

function hold(body: Body, streamed: boolean): HeldBody {
  if (streamed || (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body))) return { size: 0, streamed: true };
  if (body === undefined) return { size: 0 };
  if (body.length <= BODY_KEPT) return { body, size: typeof body === 'string' ? Buffer.byteLength(body) : body.length };
  const bytes = typeof body === 'string' ? Buffer.from(body.slice(0, BODY_KEPT)) : body;
  return { body: Buffer.from(bytes.subarray(0, BODY_KEPT)), size: typeof body === 'string' ? Buffer.byteLength(body) : body.length };
}

function kept({ body, size, streamed }: HeldBody): KeptBody {
  if (streamed) return { size, streamed };
  const bytes = typeof body === 'string' ? Buffer.from(body) : (body ?? Buffer.alloc(0));
  return { bytes: bytes.subarray(0, BODY_KEPT), size };
}

/** A logged request as recorded: what `since` and `find` show is made from it only when asked. */
interface Held extends Omit<FinishedRequest, 'request' | 'response'> {
  id: number;
  at: number;
  request: { method: string; path: string; query: URLSearchParams; headers: Record<string, string>; body: HeldBody };
  response?: { status: number; headers: Record<string, string>; body: HeldBody };
}

function shown({ at, request: _request, response: _response, ...summary }: Held): LoggedRequest {
  return { ...summary, time: new Date(at).toISOString() };
}

function detailOf({ request, response }: Held): RequestDetail {
  return {
    request: { ...request, query: request.query.toString(), headers: { ...request.headers }, body: kept(request.body) },
    response: response && { status: response.status, headers: { ...response.headers }, body: kept(response.body) },
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

  record({ request, response, ...summary }: FinishedRequest): void {
    // Trimmed by `capacity` at a time rather than one shift per request (a shift moves the whole array).
    if (this.entries.length === 2 * this.capacity) this.entries.splice(0, this.capacity);
    this.entries.push({
      ...summary,
      id: this.nextId++,
      at: this.now(),
      request: { method: request.method, path: request.path, query: request.query, headers: request.headers, body: hold(request.body, request.bodyStream !== undefined) },
      response: response && { status: response.status, headers: response.headers, body: hold(response.body, false) },
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
