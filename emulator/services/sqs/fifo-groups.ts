import { MinHeap } from './min-heap.ts';
import type { Picker, Slot } from './slot.ts';

/** One message group: its messages in order, as a linked list so that any of them leaves in O(1). */
interface Group {
  readonly id: string;
  first?: Slot;
  last?: Slot;
  size: number;
  /** Groups are served in ascending stamp order; a served group takes a new stamp, moving it behind the others. */
  stamp: number;
  /** Whether the ready heap holds an entry with the current stamp. */
  queued: boolean;
  deleted: boolean;
}

interface Entry {
  group: Group;
  stamp: number;
}

// Heap orderings are module-level functions (not closures) so that persisted queues can name them.
export const byStamp = (a: Entry, b: Entry) => a.stamp < b.stamp;
export const isCurrentStamp = (e: Entry) => e.stamp === e.group.stamp && !e.group.deleted;

/**
 * FIFO queues: groups take turns, and a group is ready when its first message is visible (an in-flight or delayed
 * first message blocks the group). Ready groups wait in a heap by stamp, so a receive never scans blocked groups.
 */
export class FifoGroups implements Picker {
  private readonly groups = new Map<string, Group>();
  private readonly ready = new MinHeap<Entry>(byStamp, isCurrentStamp);
  private stamps = 0;
  /** While a receive walks the groups, groups it changes are noted here and looked at once it is done. */
  private deferred?: Set<Group>;

  added(slot: Slot): void {
    const id = slot.message.groupId!;
    let group = this.groups.get(id);
    if (!group) {
      group = { id, size: 0, stamp: ++this.stamps, queued: false, deleted: false };
      this.groups.set(id, group);
    }
    slot.prev = group.last;
    if (group.last) group.last.next = slot;
    else group.first = slot;
    group.last = slot;
    group.size += 1;
    this.touch(group);
  }

  visible(slot: Slot): void {
    this.touch(this.groups.get(slot.message.groupId!)!);
  }

  removed(slot: Slot): void {
    const group = this.groups.get(slot.message.groupId!)!;
    if (slot.prev) slot.prev.next = slot.next;
    else group.first = slot.next;
    if (slot.next) slot.next.prev = slot.prev;
    else group.last = slot.prev;
    slot.prev = slot.next = undefined;
    group.size -= 1;
    if (group.size === 0) {
      group.deleted = true;
      this.groups.delete(group.id);
    } else this.touch(group);
  }

  /** Ready groups in turn; within a group, messages in order up to the first one that is not visible. */
  pick(max: number, before: number, take: (slot: Slot) => boolean): void {
    const visited = new Set<Group>();
    this.deferred = new Set();
    let taken = 0;
    while (taken < max) {
      const entry = this.ready.pop();
      if (!entry) break;
      const group = entry.group;
      group.queued = false;
      visited.add(group);
      const takenBefore = taken;
      for (let slot = group.first, next; slot && taken < max && slot.order < before && slot.state === 'visible'; slot = next) {
        next = slot.next;
        if (take(slot)) taken += 1;
      }
      if (taken > takenBefore) this.rotate(group);
    }
    const changed = this.deferred;
    this.deferred = undefined;
    for (const group of [...visited, ...changed]) this.touch(group);
  }

  compact(messages: number): void {
    this.ready.compact(2 * messages + 64);
  }

  clear(): void {
    for (const group of this.groups.values()) group.deleted = true;
    this.groups.clear();
    this.ready.clear();
  }

  private rotate(group: Group): void {
    group.stamp = ++this.stamps;
    group.queued = false;
  }

  /** Queues the group if its first message is visible and it is not queued already. */
  private touch(group: Group): void {
    if (this.deferred) {
      this.deferred.add(group);
      return;
    }
    if (group.deleted || group.queued || group.first?.state !== 'visible') return;
    group.queued = true;
    this.ready.push({ group, stamp: group.stamp });
  }
}
