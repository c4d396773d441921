import type { Capacity, ConsumedCapacity, ReturnConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { itemSize } from './expressions/index.ts';
import { publishConsumed } from './metrics.ts';
import type { DynamoState } from './state.ts';
import { keyNames, type KeySchema, type Table } from './table.ts';
import type { Item } from './values.ts';

/** Read units: one per 4 KB (rounded up, at least one), half for eventually consistent reads. */
export function readUnits(bytes: number, consistent: boolean): number {
  return Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
}

/** Write units: one per 1 KB (rounded up, at least one). */
export function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}

/** The larger of the item before and after a write decides its cost. */
export function writeSize(before: Item | undefined, after: Item | undefined): number {
  return Math.max(before ? itemSize(before) : 0, after ? itemSize(after) : 0);
}

type Kind = 'read' | 'write';

/**
 * Accumulates the capacity one request consumed on one table and its indexes, then reports it as asked and publishes
 * it to CloudWatch (once per request, when the response is built).
 */
export class CapacityMeter {
  private table = 0;
  // Made for the first index charged: most tables have none, and a request should not pay for two maps then.
  private globals: Map<string, number> | undefined;
  private locals: Map<string, number> | undefined;

  constructor(
    private readonly kind: Kind,
    /** The TableName the request used: AWS echoes an ARN when given one. */
    private readonly tableName: string,
    /** The state owning the table, whose account and region the metrics go to. */
    private readonly state: DynamoState,
  ) {}

  addTable(units: number) {
    this.table += units;
  }

  addIndex(table: Table, indexName: string, units: number) {
    const map = table.indexes.get(indexName)?.global ? (this.globals ??= new Map()) : (this.locals ??= new Map());
    map.set(indexName, (map.get(indexName) ?? 0) + units);
  }

  /**
   * Charges the write of an item to the table and to every index whose entry changed; `bytes` is the larger of the
   * item's sizes before and after, when the caller has them.
   */
  addWrite(table: Table, before: Item | undefined, after: Item | undefined, multiplier = 1, bytes = writeSize(before, after)) {
    this.addTable(writeUnits(bytes) * multiplier);
    for (const index of table.indexes.values()) {
      const old = before && table.projectForIndex(index, before);
      const next = after && table.projectForIndex(index, after);
      if (!old && !next) continue;
      // an index whose key changes deletes one entry and puts another
      const keyChanged = old && next && !sameIndexKey(index.schema, old, next);
      const units = keyChanged ? writeUnits(itemSize(old)) + writeUnits(itemSize(next)) : writeUnits(writeSize(old, next));
      this.addIndex(table, index.name, units * multiplier);
    }
  }

  total(): number {
    let sum = this.table;
    if (this.globals) for (const v of this.globals.values()) sum += v;
    if (this.locals) for (const v of this.locals.values()) sum += v;
    return sum;
  }

  report(mode: ReturnConsumedCapacity | string | undefined): ConsumedCapacity | undefined {
    let tableUnits = this.table;
    if (this.locals) for (const v of this.locals.values()) tableUnits += v;
    publishConsumed(this.state, this.kind, this.tableName, tableUnits, this.globals);
    if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined;
    const out: ConsumedCapacity = { TableName: this.tableName, ...this.capacity(this.total()) };
    if (mode === 'INDEXES') {
      out.Table = this.capacity(this.table);
      if (this.globals?.size) out.GlobalSecondaryIndexes = this.indexMap(this.globals);
      if (this.locals?.size) out.LocalSecondaryIndexes = this.indexMap(this.locals);
    }
    return out;
  }

  private capacity(units: number): Capacity {
    return this.kind === 'read' ? { CapacityUnits: units, ReadCapacityUnits: units } : { CapacityUnits: units, WriteCapacityUnits: units };
  }

  private indexMap(map: Map<string, number>): Record<string, Capacity> {
    return Object.fromEntries([...map].map(([name, units]) => [name, this.capacity(units)]));
  }
}

function sameIndexKey(schema: KeySchema, a: Item, b: Item): boolean {
  return keyNames(schema).every((n) => JSON.stringify(a[n]) === JSON.stringify(b[n]));
}
