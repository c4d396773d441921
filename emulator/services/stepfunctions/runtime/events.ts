import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { Clock } from '../../../core/clock.ts';

/**
 * One thread of events in an execution's history (the execution itself, a Parallel branch, a Map iteration): each
 * event it adds names the thread's previous event as `previousEventId`, as AWS links them.
 */
export class Frame {
  constructor(public last: number) {}

  /** A thread that starts after this one's last event (a branch or iteration). */
  fork(from = this.last): Frame {
    return new Frame(from);
  }
}

/** An execution's history: ids in order, each event linked to its thread's previous one. */
export class EventLog {
  constructor(
    readonly events: HistoryEvent[],
    private readonly clock: Clock,
  ) {}

  /** Adds an event; unless `detached`, it becomes its thread's last event. */
  add(frame: Frame, type: string, details: Record<string, unknown> = {}, options: { detached?: boolean; previous?: number } = {}): number {
    const id = this.events.length + 1;
    const event = { timestamp: this.clock.date(), type, id, previousEventId: options.previous ?? frame.last, ...details } as HistoryEvent;
    this.events.push(event);
    if (!options.detached) frame.last = id;
    return id;
  }
}

/** A payload as AWS writes it in events: JSON text, with its details. */
export function payload(value: unknown): string {
  return JSON.stringify(value ?? null);
}
