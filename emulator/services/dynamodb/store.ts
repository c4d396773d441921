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
  /** Position in the scan order: DynamoDB scans in the order of its partition-key hashes, not in key order. */
  hash: number;
  entries: Entry[];
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

  get(partitionKey: string, sort?: AttributeValue, tie = ''): Entry | undefined {
    const partition = this.partitions.get(partitionKey);
    if (!partition) return undefined;
    const { index, found } = this.search(partition.entries, sort, tie);
    return found ? partition.entries[index] : undefined;
  }

  /** Inserts or replaces; returns the entry replaced. */
  put(partitionKey: string, entry: Entry): Entry | undefined {
    let partition = this.partitions.get(partitionKey);
    if (!partition) {
      partition = { key: partitionKey, hash: hashOf(partitionKey), entries: [] };
      this.partitions.set(partitionKey, partition);
      this.scanOrder = undefined;
    }
    const { index, found } = this.search(partition.entries, entry.sort, entry.tie);
    this.partitions.touch(partitionKey);
    if (found) {
      const old = partition.entries[index];
      partition.entries[index] = entry;
      return old;
    }
    partition.entries.splice(index, 0, entry);
    this.count++;
    return undefined;
  }

  remove(partitionKey: string, sort?: AttributeValue, tie = ''): Entry | undefined {
    const partition = this.partitions.get(partitionKey);
    if (!partition) return undefined;
    const { index, found } = this.search(partition.entries, sort, tie);
    if (!found) return undefined;
    const [old] = partition.entries.splice(index, 1);
    this.partitions.touch(partitionKey);
    this.count--;
    if (partition.entries.length === 0) {
      this.partitions.delete(partitionKey);
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
    const { index, found } = this.search(entries, sort, tie);
    return found && !inclusive ? index + 1 : index;
  }

  /**
   * Entries in scan order, starting after the given position, limited to one segment of a parallel scan.
   * Segments split the hash space into equal ranges, as DynamoDB's do.
   */
  *scan(after?: { partitionKey: string; sort?: AttributeValue; tie?: string }, segment = 0, totalSegments = 1): Generator<Entry> {
    const order = this.order();
    const inSegment = (p: Partition) => Math.floor((p.hash * totalSegments) / 2 ** 32) === segment;
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
    this.scanOrder ??= [...this.partitions.values()].sort((a, b) => a.hash - b.hash || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.scanOrder;
  }

  private search(entries: readonly Entry[], sort: AttributeValue | undefined, tie: string): { index: number; found: boolean } {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const c = this.compareEntry(entries[mid], sort, tie);
      if (c === 0) return { index: mid, found: true };
      if (c < 0) low = mid + 1;
      else high = mid;
    }
    return { index: low, found: false };
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
    if (p.hash < hash || (p.hash === hash && p.key < key)) low = mid + 1;
    else high = mid;
  }
  return low;
}
