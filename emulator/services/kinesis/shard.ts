import { RecordMap } from '../../persistence/records.ts';
import { hashKeyText, type HashRange } from './hash-keys.ts';
import { closingSequenceNumber, nextSequenceNumber } from './sequence-numbers.ts';

export interface StoredRecord {
  sequenceNumber: bigint;
  data: Buffer;
  partitionKey: string;
  arrival: Date;
}

export type RecordListener = (record: StoredRecord) => void;

/** Record data is packed into slabs of its shard, each twice the last up to this size; larger data is stored alone. */
const MAX_SLAB_BYTES = 64 * 1024;
const FIRST_SLAB_BYTES = 4 * 1024;

/** One shard: its hash key range, lineage, sequence number range and records in arrival order. */
export class Shard {
  readonly id: string;
  /** The records in arrival order, for reading by position (rebuilt from `stored` on restore). */
  readonly records: StoredRecord[] = [];
  /** The same records by sequence number, as the persistence log keeps them: a put logs only its record. */
  private readonly stored = new RecordMap<string, StoredRecord>();
  readonly startingSequenceNumber: bigint;
  readonly createdAt: Date;
  endingSequenceNumber?: bigint;
  closedAt?: Date;
  private readonly listeners = new Set<RecordListener>();
  /** Where the next records' data go, and how much of it is taken. */
  private slab: Buffer | undefined;
  private slabUsed = 0;
  /** The hash key range as hashKeyText writes keys; made on first use, not saved. */
  private textRange: { start: string; end: string } | undefined;

  constructor(
    readonly index: number,
    readonly range: HashRange,
    /** The emulator clock's time of creation. */
    now: number,
    readonly parentShardId?: string,
    readonly adjacentParentShardId?: string,
  ) {
    this.id = `shardId-${String(index).padStart(12, '0')}`;
    const start = nextSequenceNumber(index, now);
    this.startingSequenceNumber = start.value;
    this.createdAt = new Date(start.time);
  }

  get open(): boolean {
    return this.endingSequenceNumber === undefined;
  }

  /** Whether the range holds a hash key written by hashKeyText. */
  contains(hashKey: string): boolean {
    const range = (this.textRange ??= { start: hashKeyText(this.range.start), end: hashKeyText(this.range.end) });
    return hashKey >= range.start && hashKey <= range.end;
  }

  /**
   * Stores a copy of the data, packed with the shard's other records in a slab of their own: a view of the request
   * body, or a small Buffer from Node's shared 8 KiB pool, would keep a whole allocation alive for as long as the
   * record is retained, and an allocation per record costs more than the copy. Records leave a shard oldest first
   * (retention), so a slab is freed with the last record it holds. `now` is the emulator clock's time of arrival.
   * Returns the record and its sequence number as text (made once: it is long).
   */
  append(data: Uint8Array, partitionKey: string, now: number): { record: StoredRecord; sequenceNumber: string } {
    const { value, time } = nextSequenceNumber(this.index, now);
    const stored = this.copy(data);
    const record = { sequenceNumber: value, data: stored, partitionKey, arrival: new Date(time) };
    const sequenceNumber = value.toString();
    this.records.push(record);
    this.stored.set(sequenceNumber, record);
    for (const listener of this.listeners) listener(record);
    return { record, sequenceNumber };
  }

  private copy(data: Uint8Array): Buffer {
    if (data.length > MAX_SLAB_BYTES / 4) {
      const alone = Buffer.allocUnsafeSlow(data.length);
      alone.set(data);
      return alone;
    }
    if (!this.slab || this.slabUsed + data.length > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(this.slab ? Math.min(MAX_SLAB_BYTES, this.slab.length * 2) : FIRST_SLAB_BYTES);
      this.slabUsed = 0;
    }
    const stored = this.slab.subarray(this.slabUsed, this.slabUsed + data.length);
    stored.set(data);
    this.slabUsed += data.length;
    return stored;
  }

  close(now: number) {
    this.endingSequenceNumber = closingSequenceNumber(this.index);
    this.closedAt = new Date(now);
  }

  /** Drops records older than the retention period. */
  trim(retentionHours: number, now: number) {
    const oldest = now - retentionHours * 3_600_000;
    let drop = 0;
    while (drop < this.records.length && this.records[drop].arrival.getTime() < oldest) drop++;
    if (!drop) return;
    for (const record of this.records.splice(0, drop)) this.stored.delete(record.sequenceNumber.toString());
  }

  /** After a restore: the records in arrival order again. */
  rebuild(): void {
    (this as { records: StoredRecord[] }).records = [...this.stored.values()];
  }

  /** Index of the first record at or after a sequence number (records.length when none). */
  indexFrom(sequenceNumber: bigint, inclusive: boolean): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const seq = this.records[mid].sequenceNumber;
      if (seq < sequenceNumber || (!inclusive && seq === sequenceNumber)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Calls `listener` for each record appended from now on; returns the unsubscribe function. */
  subscribe(listener: RecordListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  describe() {
    return {
      ShardId: this.id,
      ParentShardId: this.parentShardId,
      AdjacentParentShardId: this.adjacentParentShardId,
      HashKeyRange: { StartingHashKey: this.range.start.toString(), EndingHashKey: this.range.end.toString() },
      SequenceNumberRange: {
        StartingSequenceNumber: this.startingSequenceNumber.toString(),
        EndingSequenceNumber: this.endingSequenceNumber?.toString(),
      },
    };
  }
}
