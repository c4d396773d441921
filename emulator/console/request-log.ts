import type { FinishedRequest } from '../core/emulator.ts';

export interface LoggedRequest extends FinishedRequest {
  id: number;
  time: string;
}

/** The last `capacity` client requests, oldest first, each with an increasing id the page polls from. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    readonly capacity = 500,
  ) {}

  record(request: FinishedRequest): void {
    if (this.entries.length === this.capacity) this.entries.shift();
    this.entries.push({ id: this.nextId++, time: new Date(this.now()).toISOString(), ...request });
  }

  /** Requests with an id above `since`. */
  since(since: number): LoggedRequest[] {
    const first = this.entries.findIndex((e) => e.id > since);
    return first < 0 ? [] : this.entries.slice(first);
  }
}
