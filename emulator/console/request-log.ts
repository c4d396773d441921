import type { FinishedRequest } from '../core/emulator.ts';

export interface LoggedRequest extends FinishedRequest {
  id: number;
  time: string;
}

/**
 * The last `capacity` client requests, oldest first, each with an increasing id the page polls from. Recording is on
 * every request's path, so it only stores the request and its clock reading in a ring; the page's reads format them.
 */
export class RequestLog {
  private readonly ring: { id: number; at: number; request: FinishedRequest }[] = [];
  private next = 0;
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    readonly capacity = 500,
  ) {}

  record(request: FinishedRequest): void {
    const entry = { id: this.nextId++, at: this.now(), request };
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Requests with an id above `since`, oldest first. */
  since(since: number): LoggedRequest[] {
    const oldestFirst = this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return oldestFirst.filter((e) => e.id > since).map((e) => ({ id: e.id, time: new Date(e.at).toISOString(), ...e.request }));
  }
}
