import { RecordMap } from './records.ts';

/**
 * An append-mostly list (log events, metric samples) that persistence logs one appended batch at a time: each
 * `append` is a record of its own, so a write logs what it added, not the list. A service keeps its own view of the
 * items (sorted, indexed) as a transient field and rebuilds it from `items()` when restored.
 */
export class RecordBatches<T> {
  private readonly batches = new RecordMap<string, T[]>();
  private next = 0;

  /** Adds items as one batch. */
  append(items: readonly T[]): void {
    if (items.length) this.batches.set(String(this.next++), [...items]);
  }

  /** Drops the items `keep` refuses; only the batches that lost some are logged again. */
  retain(keep: (item: T) => boolean): void {
    for (const [key, batch] of this.batches) {
      const kept = batch.filter(keep);
      if (kept.length === batch.length) continue;
      if (kept.length) this.batches.set(key, kept);
      else this.batches.delete(key);
    }
  }

  /** Every item, in the order the batches were appended. */
  items(): T[] {
    return [...this.batches.values()].flat();
  }
}
