import { MinHeap } from './min-heap.ts';
import type { Picker, Slot } from './slot.ts';

interface Entry {
  slot: Slot;
  version: number;
}

// Heap orderings are module-level functions (not closures) so that persisted queues can name them.
export const bySendOrder = (a: Entry, b: Entry) => a.slot.order < b.slot.order;
export const isCurrentVersion = (e: Entry) => e.version === e.slot.version;

/**
 * Standard queues: visible messages by enqueue order, so a receive takes the oldest without a scan. Messages mostly
 * become visible in that order (each send enqueues the newest): they wait in a plain queue, taken from its front at no
 * cost. Those that become visible out of order (a delay or visibility timeout that ended) wait in a heap beside it.
 */
export class SendOrder implements Picker {
  /** In increasing enqueue order, from `head` on. */
  private inOrder: Entry[] = [];
  private head = 0;
  private readonly heap = new MinHeap<Entry>(bySendOrder, isCurrentVersion);

  added(slot: Slot): void {
    if (slot.state === 'visible') this.visible(slot);
  }

  visible(slot: Slot): void {
    const entry = { slot, version: slot.version };
    const last = this.inOrder.length > this.head ? this.inOrder[this.inOrder.length - 1] : undefined;
    if (!last || last.slot.order < slot.order) this.inOrder.push(entry);
    else this.heap.push(entry);
  }

  removed(): void {}

  pick(max: number, before: number, take: (slot: Slot) => boolean): void {
    let taken = 0;
    while (taken < max) {
      const first = this.front();
      const top = this.heap.peek();
      const next = first && (!top || first.slot.order < top.slot.order) ? first : top;
      if (!next || next.slot.order >= before) break;
      if (next === first) this.head += 1;
      else this.heap.pop();
      if (take(next.slot)) taken += 1;
    }
    this.trimFront();
  }

  /** The oldest live entry of the plain queue, dropping stale ones on the way. */
  private front(): Entry | undefined {
    const entries = this.inOrder;
    while (this.head < entries.length && !isCurrentVersion(entries[this.head])) this.head += 1;
    return this.head < entries.length ? entries[this.head] : undefined;
  }

  /** Taken entries leave the array once they make up half of it (each entry is moved O(1) times). */
  private trimFront(): void {
    if (this.head === this.inOrder.length) {
      this.inOrder.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.inOrder.length) {
      this.inOrder = this.inOrder.slice(this.head);
      this.head = 0;
    }
  }

  compact(messages: number): void {
    const bound = 2 * messages + 64;
    this.heap.compact(bound);
    if (this.inOrder.length - this.head > bound) {
      this.inOrder = this.inOrder.slice(this.head).filter(isCurrentVersion);
      this.head = 0;
    }
  }

  clear(): void {
    this.inOrder = [];
    this.head = 0;
    this.heap.clear();
  }
}
