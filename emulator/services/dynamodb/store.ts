import { hash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { RecordMap } from '../../persistence/records.ts';
import type { Item } from './values.ts';

/**
 * One stored item: its sort-key value (if the schema has one), a tie-breaker that makes index entries unique, and its
 * size as DynamoDB counts it, measured once when stored (capacity, table and index sizes, streams and page limits read it).
 */
export interface Entry {
  sort?: AttributeValue;
  /** '' in a table; the encoded table key in an index, where many items may share one index key. */
  tie: string;
  item: Item;
  size: number;
}

interface Partition {
  key: string;
  /**
   * Position in the scan order: DynamoDB scans in the order of its partition-key hashes, not in key order. Hashed when
   * a scan first needs the order, not by the write that makes the partition.
   */
  hash?: number;
  entries: Entry[];
}

/**
 * Where an entry is, or would go: found by one search, then read (`entryAt`) or written (`putAt`, `removeAt`) without
 * searching again. Valid until the store next changes.
 */
export interface Slot {
  partitionKey: string;
  partition: Partition | undefined;
  index: number;
  found: boolean;
}

export type Comparator = (a: AttributeValue, b: AttributeValue) => number;

/**
 * Items grouped by encoded partition key, each partition kept sorted by sort key, so a Query costs
 * O(log n + results) in its partition whatever the table size. Scans walk partitions in hash order.
 */
export class ItemStore {
  /** Persisted a partition at a time (a write logs the partition it changed). */
  private readonly partitions = new RecordMap<string, Partition>();
  private scanOrder: Partition[] | undefined;
  private count = 0;

  constructor(private readonly compare: Comparator) {}

  get size(): number {
    return this.count;
  }

  /** The slot of (sort, tie) in a partition. */
  locate(partitionKey: string, sort?: AttributeValue, tie = ''): Slot {
    const partition = this.partitions.get(partitionKey);
    if (!partition) return { partitionKey, partition, index: 0, found: false };
    const at = this.search(partition.entries, sort, tie);
    return at >= 0 ? { partitionKey, partition, index: at, found: true } : { partitionKey, partition, index: -at - 1, found: false };
  }

  entryAt(slot: Slot): Entry | undefined {
    return slot.found ? slot.partition!.entries[slot.index] : undefined;
  }

  get(partitionKey: string, sort?: AttributeValue, tie = ''): Entry | undefined {
    return this.entryAt(this.locate(partitionKey, sort, tie));
  }

  /** Inserts or replaces; returns the entry replaced. */
  put(partitionKey: string, entry: Entry): Entry | undefined {
    return this.putAt(this.locate(partitionKey, entry.sort, entry.tie), entry);
  }

  /** `put` at the slot of the entry's (sort, tie). */
  putAt(slot: Slot, entry: Entry): Entry | undefined {
    let partition = slot.partition;
    if (!partition) {
      partition = { key: slot.partitionKey, entries: [] };
      this.partitions.set(slot.partitionKey, partition);
      this.scanOrder = undefined;
    }
    this.partitions.touch(slot.partitionKey);
    if (slot.found) {
      const old = partition.entries[slot.index];
      partition.entries[slot.index] = entry;
      return old;
    }
    partition.entries.splice(slot.index, 0, entry);
    this.count++;
    return undefined;
  }

  remove(partitionKey: string, sort?: AttributeValue, tie = ''): Entry | undefined {
    return this.removeAt(this.locate(partitionKey, sort, tie));
  }

  /** Removes the entry at the slot, if there is one; returns it. */
  removeAt(slot: Slot): Entry | undefined {
    const partition = slot.partition;
    if (!slot.found || !partition) return undefined;
    const [old] = partition.entries.splice(slot.index, 1);
    this.partitions.touch(slot.partitionKey);
    this.count--;
    if (partition.entries.length === 0) {
      this.partitions.delete(slot.partitionKey);
      this.scanOrder = undefined;
    }
    return old;
  }

  /** The sorted entries of one partition (do not mutate). */
  partition(partitionKey: string): readonly Entry[] {
    return this.partitions.get(partitionKey)?.entries ?? [];
  }

  /** Index of the first entry strictly after (sort, tie), or at/after when `inclusive`. */
  lowerBound(entries: readonly Entry[], sort: AttributeValue | undefined, tie: string, inclusive: boolean): number {
    const at = this.search(entries, sort, tie);
    return at < 0 ? -at - 1 : inclusive ? at : at + 1;
  }

  /**
   * Entries in scan order, starting after the given position, limited to one segment of a parallel scan.
   * Segments split the hash space into equal ranges, as DynamoDB's do.
   */
  *scan(after?: { partitionKey: string; sort?: AttributeValue; tie?: string }, segment = 0, totalSegments = 1): Generator<Entry> {
    const order = this.order();
    const inSegment = (p: Partition) => Math.floor((p.hash! * totalSegments) / 2 ** 32) === segment;
    let start = 0;
    if (after) {
      const hash = hashOf(after.partitionKey);
      start = lowerBoundPartition(order, hash, after.partitionKey);
      const current = order[start];
      if (current && current.key === after.partitionKey) {
        if (inSegment(current)) {
          const from = this.lowerBound(current.entries, after.sort, after.tie ?? '', false);
          for (let i = from; i < current.entries.length; i++) yield current.entries[i];
        }
        start++;
      }
    }
    for (let p = start; p < order.length; p++) {
      const partition = order[p];
      if (!inSegment(partition)) continue;
      // copy: callers may write to the table while a generator is suspended
      for (const entry of [...partition.entries]) yield entry;
    }
  }

  *all(): Generator<Entry> {
    for (const partition of this.partitions.values()) yield* partition.entries;
  }

  clear() {
    this.partitions.clear();
    this.scanOrder = undefined;
    this.count = 0;
  }

  private order(): Partition[] {
    if (!this.scanOrder) {
      const partitions = [...this.partitions.values()];
      for (const p of partitions) p.hash ??= hashOf(p.key);
      this.scanOrder = partitions.sort((a, b) => a.hash! - b.hash! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    return this.scanOrder;
  }

  /** The index of (sort, tie) in `entries` when there, else -(the index where it would go) - 1: no object per search. */
  private search(entries: readonly Entry[], sort: AttributeValue | undefined, tie: string): number {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const c = this.compareEntry(entries[mid], sort, tie);
      if (c === 0) return mid;
      if (c < 0) low = mid + 1;
      else high = mid;
    }
    return -low - 1;
  }

  private compareEntry(entry: Entry, sort: AttributeValue | undefined, tie: string): number {
    if (entry.sort !== undefined && sort !== undefined) {
      const c = this.compare(entry.sort, sort);
      if (c !== 0) return c;
    }
    return entry.tie < tie ? -1 : entry.tie > tie ? 1 : 0;
  }
}

function hashOf(key: string): number {
  // One-shot hashing: no Hash object per item access; the digest's first 4 bytes read from its hex form, which Node
  // makes faster than a Buffer.
  return parseInt(hash('md5', key, 'hex').slice(0, 8), 16);
}

function lowerBoundPartition(order: Partition[], hash: number, key: string): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const p = order[mid];
    if (p.hash! < hash || (p.hash === hash && p.key < key)) low = mid + 1;
    else high = mid;
  }
  return low;
}
