import type { FinishedRequest } from '../core/emulator.ts';
import type { RawResponse } from '../protocols/types.ts';

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

function keep(body: Buffer | string | AsyncIterable<Buffer> | undefined, streamed: boolean): KeptBody {
  if (streamed || (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body))) return { size: 0, streamed: true };
  const bytes = typeof body === 'string' ? Buffer.from(body.slice(0, BODY_KEPT)) : (body ?? Buffer.alloc(0));
  // A copy, so the log never holds on to a large body it shows only the start of.
  return { bytes: Buffer.from(bytes.subarray(0, BODY_KEPT)), size: typeof body === 'string' ? Buffer.byteLength(body) : bytes.length };
}

function detailOf({ request, response }: FinishedRequest): RequestDetail {
  const query = request.query.toString();
  const answered = (r: RawResponse) => ({ status: r.status, headers: { ...r.headers }, body: keep(r.body, false) });
  return {
    request: { method: request.method, path: request.path, query, headers: { ...request.headers }, body: keep(request.body, request.bodyStream !== undefined) },
    response: response && answered(response),
  };
}

/** The last `capacity` client requests, oldest first, each with an increasing id the page polls from. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  private readonly details = new Map<number, RequestDetail>();
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    readonly capacity = 500,
  ) {}

  record(finished: FinishedRequest): void {
    if (this.entries.length === this.capacity) this.details.delete(this.entries.shift()!.id);
    const { request: _request, response: _response, ...summary } = finished;
    const id = this.nextId++;
    this.entries.push({ id, time: new Date(this.now()).toISOString(), ...summary });
    this.details.set(id, detailOf(finished));
  }

  /** Requests with an id above `since`. */
  since(since: number): LoggedRequest[] {
    const first = this.entries.findIndex((e) => e.id > since);
    return first < 0 ? [] : this.entries.slice(first);
  }

  /** A logged request with what was sent and answered, while it is among the last `capacity`. */
  find(id: number): { entry: LoggedRequest; detail: RequestDetail } | undefined {
    const detail = this.details.get(id);
    const entry = detail && this.entries.find((e) => e.id === id);
    return entry && { entry, detail: detail! };
  }
}
