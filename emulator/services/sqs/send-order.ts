import { MinHeap } from './min-heap.ts';
import type { Picker, Slot } from './slot.ts';

interface Entry {
  slot: Slot;
  version: number;
}

// Heap orderings are module-level functions (not closures) so that persisted queues can name them.
export const bySendOrder = (a: Entry, b: Entry) => a.slot.order < b.slot.order;
export const isCurrentVersion = (e: Entry) => e.version === e.slot.version;

/** Standard queues: visible messages in a heap by enqueue order, so a receive takes the oldest without a scan. */
export class SendOrder implements Picker {
  private readonly heap = new MinHeap<Entry>(bySendOrder, isCurrentVersion);

  added(slot: Slot): void {
    if (slot.state === 'visible') this.visible(slot);
  }

  visible(slot: Slot): void {
    this.heap.push({ slot, version: slot.version });
  }

  removed(): void {}

  pick(max: number, before: number, take: (slot: Slot) => boolean): void {
    let taken = 0;
    for (let top = this.heap.peek(); top && taken < max && top.slot.order < before; top = this.heap.peek()) {
      this.heap.pop();
      if (take(top.slot)) taken += 1;
    }
  }

  compact(messages: number): void {
    this.heap.compact(2 * messages + 64);
  }

  clear(): void {
    this.heap.clear();
  }
}
