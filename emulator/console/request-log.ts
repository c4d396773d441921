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

/** Bytes of text and bodies the log keeps for its last requests, outside the JavaScript heap (see `RequestLog`). */
const ARENA_BYTES = 4 * 1024 * 1024;

/**
 * Per entry, the byte lengths in the arena of: the request's text (path, query and header names and values, one a
 * line, in Latin-1: Node reads them from the wire one byte a character), its body, the response's headers (names and
 * values, one a line, in UTF-8, which holds any text and is the same bytes for the ASCII of nearly every header) and
 * its body. Lines, because JSON.stringify escapes strings one character at a time: three times the cost.
 */
const REQUEST_TEXT = 0;
const REQUEST_BODY = 1;
const RESPONSE_HEADERS = 2;
const RESPONSE_BODY = 3;
const PARTS = 4;
/** A length for a body that was streamed (not kept), or a response never sent. */
const NONE = -1;

/** Per entry, numbers: */
const STATUS = 0;
const LATENCY = 1;
const AT = 2;
/** Where the entry's bytes start, counted over every byte the log ever wrote (so overwritten bytes can be told). */
const FROM = 3;
const REQUEST_SIZE = 4;
const RESPONSE_SIZE = 5;
const NUMBERS = 6;

/**
 * Node's own string writers, which `Buffer.write` calls after sorting out its arguments and encoding name: the log
 * writes four parts per request, each through the cheapest door.
 */
type Arena = Buffer & { latin1Write(text: string, at: number): number; utf8Write(text: string, at: number, length?: number): number };

/**
 * The last `capacity` client requests, oldest first, each with an increasing id the page polls from. Every client
 * request pays for recording, so an entry makes no object that outlives the request: its numbers go into typed
 * arrays, its text (path, query, both header sets) and the first BODY_KEPT bytes of each body into a ring of
 * bytes outside the heap, and only strings the request shares with every other (service, operation, account) are
 * referenced. Kept objects would each be moved and marked by the garbage collector (promoted, then collected by
 * major collections that mark the whole heap): the log once cost a small request a sixth of its instructions.
 * What the page shows is made from the bytes only when asked. When large bodies fill the ring before `capacity`
 * requests, the oldest requests keep their summary and lose their detail (as requests past `capacity` lose both).
 */
export class RequestLog {
  private readonly arena = Buffer.allocUnsafeSlow(ARENA_BYTES) as Arena;
  /** Bytes written since the start, the arena wrapping around. */
  private written = 0;
  private readonly services: string[];
  private readonly operations: string[];
  private readonly accounts: string[];
  private readonly regions: string[];
  private readonly methods: string[];
  private readonly errorCodes: (string | undefined)[];
  private readonly numbers: Float64Array;
  private readonly lengths: Int32Array;
  /** The id the next request gets; ids start at 1. */
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    readonly capacity = 500,
  ) {
    const strings = () => new Array<string>(capacity).fill('');
    this.services = strings();
    this.operations = strings();
    this.accounts = strings();
    this.regions = strings();
    this.methods = strings();
    this.errorCodes = new Array<string | undefined>(capacity).fill(undefined);
    this.numbers = new Float64Array(capacity * NUMBERS);
    this.lengths = new Int32Array(capacity * PARTS);
  }

  record(finished: FinishedRequest): void {
    const { request, response } = finished;
    const slot = this.nextId++ % this.capacity;
    // A string equal to the one kept before is not kept again: the previous one is, and the new one dies young.
    const previous = (slot + this.capacity - 1) % this.capacity;
    this.services[slot] = finished.service;
    this.operations[slot] = finished.operation === this.operations[previous] ? this.operations[previous] : finished.operation;
    this.accounts[slot] = finished.accountId === this.accounts[previous] ? this.accounts[previous] : finished.accountId;
    this.regions[slot] = finished.region === this.regions[previous] ? this.regions[previous] : finished.region;
    this.methods[slot] = request.method;
    this.errorCodes[slot] = finished.errorCode;
    const query = request.query.size === 0 ? '' : request.query.toString();
    // Node's list of header names and values joins into one string at once; header by header, the text would be
    // built of a string per piece and then flattened.
    // Each part is written as it is: a string made of parts would be flattened, a copy, before it is written.
    const requestHead = `${request.path}\n${query}\n`;
    const requestHeaders = request.rawHeaders ? request.rawHeaders.join('\n') : headerLines(request.headers);
    const responseHeaders = response ? headerLines(response.headers) : '';
    const requestBody = request.bodyStream === undefined ? request.body : undefined;
    const responseBody = response?.body;
    // At most this many bytes (UTF-8 takes up to 3 per UTF-16 unit); the entry is written in one piece.
    const bound = requestHead.length + requestHeaders.length + 3 * responseHeaders.length + 2 * BODY_KEPT;
    if ((this.written % ARENA_BYTES) + bound > ARENA_BYTES) this.written += ARENA_BYTES - (this.written % ARENA_BYTES);
    const from = this.written;
    let at = from % ARENA_BYTES;
    const { arena, lengths, numbers } = this;
    const part = slot * PARTS;
    const number = slot * NUMBERS;
    const headLength = arena.latin1Write(requestHead, at);
    lengths[part + REQUEST_TEXT] = headLength + arena.latin1Write(requestHeaders, at + headLength);
    at += lengths[part + REQUEST_TEXT];
    lengths[part + REQUEST_BODY] = requestBody ? keep(arena, at, requestBody) : NONE;
    numbers[number + REQUEST_SIZE] = requestBody ? requestBody.length : 0;
    at += Math.max(0, lengths[part + REQUEST_BODY]);
    lengths[part + RESPONSE_HEADERS] = response ? arena.utf8Write(responseHeaders, at) : NONE;
    at += Math.max(0, lengths[part + RESPONSE_HEADERS]);
    const whole = typeof responseBody === 'string' || Buffer.isBuffer(responseBody);
    lengths[part + RESPONSE_BODY] = whole ? keep(arena, at, responseBody) : NONE;
    numbers[number + RESPONSE_SIZE] = whole ? sizeOf(responseBody, lengths[part + RESPONSE_BODY]) : 0;
    at += Math.max(0, lengths[part + RESPONSE_BODY]);
    this.written = from + (at - (from % ARENA_BYTES));
    numbers[number + STATUS] = finished.status;
    numbers[number + LATENCY] = finished.latencyMs;
    numbers[number + AT] = this.now();
    numbers[number + FROM] = from;
  }

  /** The slot of a request still in the ring. */
  private slotOf(id: number): number | undefined {
    return Number.isSafeInteger(id) && id >= 1 && id >= this.nextId - this.capacity && id < this.nextId ? id % this.capacity : undefined;
  }

  private shown(id: number, slot: number): LoggedRequest {
    const number = slot * NUMBERS;
    return {
      service: this.services[slot],
      operation: this.operations[slot],
      accountId: this.accounts[slot],
      region: this.regions[slot],
      status: this.numbers[number + STATUS],
      latencyMs: this.numbers[number + LATENCY],
      errorCode: this.errorCodes[slot],
      id,
      time: new Date(this.numbers[number + AT]).toISOString(),
    };
  }

  /** Requests with an id above `since`. */
  since(since: number): LoggedRequest[] {
    const out: LoggedRequest[] = [];
    for (let id = Math.max(since + 1, this.nextId - this.capacity, 1); id < this.nextId; id++) out.push(this.shown(id, id % this.capacity));
    return out;
  }

  /**
   * A logged request with what was sent and answered, while it is among the last `capacity` and its bytes were not
   * written over since (later writes reached its start a whole ring further on).
   */
  find(id: number): { entry: LoggedRequest; detail: RequestDetail } | undefined {
    const slot = this.slotOf(id);
    if (slot === undefined) return undefined;
    const from = this.numbers[slot * NUMBERS + FROM];
    if (this.written > from + ARENA_BYTES) return undefined;
    return { entry: this.shown(id, slot), detail: this.detailOf(slot, from % ARENA_BYTES) };
  }

  private detailOf(slot: number, start: number): RequestDetail {
    const { arena, lengths, numbers } = this;
    let at = start;
    const take = (part: number): Buffer | undefined => {
      const length = lengths[slot * PARTS + part];
      if (length === NONE) return undefined;
      const bytes = arena.subarray(at, at + length);
      at += length;
      return bytes;
    };
    const body = (part: number, size: number): KeptBody => {
      const bytes = take(part);
      return bytes ? { bytes: Buffer.from(bytes), size } : { size: 0, streamed: true };
    };
    const [path, query, ...requestLines] = take(REQUEST_TEXT)!.toString('latin1').split('\n');
    const requestBody = body(REQUEST_BODY, numbers[slot * NUMBERS + REQUEST_SIZE]);
    const responseHeaders = take(RESPONSE_HEADERS);
    return {
      request: { method: this.methods[slot], path, query, headers: headersOf(requestLines), body: requestBody },
      response: responseHeaders && {
        status: numbers[slot * NUMBERS + STATUS],
        headers: headersOf(responseHeaders.toString('utf8').split('\n')),
        body: body(RESPONSE_BODY, numbers[slot * NUMBERS + RESPONSE_SIZE]),
      },
    };
  }
}

/** Header names and values, one a line (a request's without Node's raw list, HTTP/2, and a response's). */
function headerLines(headers: Record<string, string>): string {
  const lines: string[] = [];
  for (const name in headers) lines.push(name, headers[name]);
  return lines.join('\n');
}

/**
 * Header names and values, one a line, as an object: names in lower case, a repeated header's values joined with
 * `, ` (as a request's `headers`, which the raw list kept apart).
 */
function headersOf(lines: string[]): Record<string, string> {
  // No prototype: a header may be named `__proto__`.
  const headers: Record<string, string> = Object.create(null);
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const name = lines[i].toLowerCase();
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${lines[i + 1]}` : lines[i + 1];
  }
  return headers;
}

/** Writes the first BODY_KEPT bytes of a body at `at`; returns how many were written. */
function keep(arena: Arena, at: number, body: string | Buffer): number {
  if (typeof body === 'string') return body.length === 0 ? 0 : arena.utf8Write(body, at, BODY_KEPT);
  // A whole body is copied as it is: `copy` (and `subarray`) would make a view of it first.
  if (body.length <= BODY_KEPT) {
    arena.set(body, at);
    return body.length;
  }
  return body.copy(arena, at, 0, BODY_KEPT);
}

/** A body's whole size in bytes, from what was kept of it when that was all of it. */
function sizeOf(body: string | Buffer, kept: number): number {
  if (Buffer.isBuffer(body)) return body.length;
  // A string that could not have more UTF-8 bytes than were kept was kept whole.
  return 3 * body.length <= BODY_KEPT ? kept : Buffer.byteLength(body);
}
