import type { MessageState } from './message.ts';
import { MinHeap } from './min-heap.ts';
import type { Picker, Slot } from './slot.ts';

interface Timed {
  at: number;
  slot: Slot;
  version: number;
}

// Heap orderings are module-level functions (not closures) so that persisted queues can name them.
export const byDueTime = (a: Timed, b: Timed) => a.at < b.at;
export const isCurrentTimer = (e: Timed) => e.version === e.slot.version;
export const bySentTime = (a: Slot, b: Slot) => a.message.sentAt < b.message.sentAt;
export const isPresent = (slot: Slot) => !slot.removed;

/**
 * Tracks the state of a queue's messages over time without scanning them: delayed and in-flight messages wait in a
 * heap ordered by when they become visible, and every message in a heap ordered by age for the retention period.
 * Keeps the per-state counts GetQueueAttributes reports.
 */
export class Schedule {
  readonly counts: Record<MessageState, number> = { visible: 0, inflight: 0, delayed: 0 };
  private readonly pending = new MinHeap<Timed>(byDueTime, isCurrentTimer);
  private readonly byAge = new MinHeap<Slot>(bySentTime, isPresent);

  /** `picker` hears of messages that became visible. */
  constructor(private readonly picker: Pick<Picker, 'visible'>) {}

  /** A new message: delayed until its DelaySeconds pass, else visible. */
  add(slot: Slot, now: number): void {
    this.byAge.push(slot);
    const delayed = slot.message.delayedUntil > now;
    slot.state = delayed ? 'delayed' : 'visible';
    this.counts[slot.state] += 1;
    if (delayed) this.pending.push({ at: slot.message.delayedUntil, slot, version: slot.version });
  }

  /** In flight until `at`; a time already past takes effect at the next advance, not within the current receive. */
  hide(slot: Slot, at: number): void {
    this.transition(slot, 'inflight');
    this.pending.push({ at, slot, version: slot.version });
  }

  show(slot: Slot): void {
    this.transition(slot, 'visible');
    this.picker.visible(slot);
  }

  drop(slot: Slot): void {
    this.counts[slot.state] -= 1;
    slot.removed = true;
    slot.version += 1;
  }

  /** Makes visible every delayed or in-flight message whose time has come. */
  advance(now: number): void {
    for (let next = this.pending.peek(); next && next.at <= now; next = this.pending.peek()) {
      this.pending.pop();
      this.show(next.slot);
    }
  }

  /** The next moment a delayed or in-flight message becomes visible. */
  nextChange(): number | undefined {
    return this.pending.peek()?.at;
  }

  /** When the oldest message still in the queue was sent. */
  oldestSentAt(): number | undefined {
    return this.byAge.peek()?.message.sentAt;
  }

  /** Takes out the messages sent at or before `cutoff`, oldest first. */
  *sentBy(cutoff: number): Generator<Slot> {
    for (let oldest = this.byAge.peek(); oldest && oldest.message.sentAt <= cutoff; oldest = this.byAge.peek()) {
      this.byAge.pop();
      yield oldest;
    }
  }

  compact(messages: number): void {
    const bound = 2 * messages + 64;
    this.pending.compact(bound);
    this.byAge.compact(bound);
  }

  clear(): void {
    this.pending.clear();
    this.byAge.clear();
    this.counts.visible = this.counts.inflight = this.counts.delayed = 0;
  }

  private transition(slot: Slot, state: MessageState): void {
    this.counts[slot.state] -= 1;
    this.counts[state] += 1;
    slot.state = state;
    slot.version += 1;
  }
}
