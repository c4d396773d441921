import { randomBytes } from 'node:crypto';

/**
 * A Map of many records (SQS messages, DynamoDB partitions, S3 object versions...) that persistence logs one record
 * at a time: the WAL holds the records a write changed, not the whole map. A service declares its large collections
 * by using this class instead of `Map`; persistence needs nothing else of it (see README.md).
 *
 * `set` and `delete` are noted by themselves; a service that changes a record in place calls `touch(key)`. Each
 * record is saved on its own, so it must be self-contained data: objects it shares with the rest of the state come
 * back as copies of their own.
 */
export class RecordMap<K extends string, V> extends Map<K, V> {
  /** Names the map in the log across restarts. */
  readonly recordsId: string;
  /**
   * Keys changed since the log last saw the map, in first-change order (fresh inserts move to the end); none are
   * kept until the log first takes them, so that without persistence a map does not remember every key it ever held.
   */
  private changes?: Map<K, 'changed' | 'inserted'>;
  /** Whether the map was emptied since the log last saw it (it then replaces what the log held). */
  private emptied = false;

  constructor(recordsId = randomBytes(9).toString('base64url')) {
    super();
    this.recordsId = recordsId;
  }

  override set(key: K, value: V): this {
    if (this.changes) {
      if (super.has(key)) {
        if (!this.changes.has(key)) this.changes.set(key, 'changed');
      } else {
        // A key inserted again goes to the end of the map, and of the changes, so that replay keeps the order.
        this.changes.delete(key);
        this.changes.set(key, 'inserted');
      }
    }
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const had = super.delete(key);
    if (had && this.changes && !this.changes.has(key)) this.changes.set(key, 'changed');
    return had;
  }

  override clear(): void {
    super.clear();
    this.changes?.clear();
    this.emptied = true;
  }

  /** Notes that the record under `key` was changed in place. */
  touch(key: K): void {
    if (this.changes && super.has(key) && !this.changes.has(key)) this.changes.set(key, 'changed');
  }

  /**
   * @internal What changed since the last call: persistence's view, which starts afresh after it. The first call
   * (the log has not seen the map yet) gives the whole map, as emptied and filled anew.
   */
  takeChanges(): { emptied: boolean; keys: [K, 'changed' | 'inserted'][] } {
    const taken = this.changes
      ? { emptied: this.emptied, keys: [...this.changes] }
      : { emptied: true, keys: [...super.keys()].map((key): [K, 'inserted'] => [key, 'inserted']) };
    this.changes = new Map();
    this.emptied = false;
    return taken;
  }

  /** @internal Restored records, which the log already holds. */
  restore(entries: Iterable<[K, V]>): void {
    for (const [key, value] of entries) super.set(key, value);
    this.changes = new Map();
    this.emptied = false;
  }
}
