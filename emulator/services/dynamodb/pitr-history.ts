import { RecordBatches } from '../../persistence/batches.ts';
import type { ChangeHub, ItemChange } from './changes.ts';
import type { Table } from './table.ts';
import type { Item } from './values.ts';

/** One item change as point-in-time recovery keeps it. */
export interface RecordedChange {
  at: number;
  keys: Item;
  oldImage?: Item;
  newImage?: Item;
}

const DAY_MS = 86_400_000;

/**
 * The item changes of the tables with point-in-time recovery on, from when it was enabled and for its recovery
 * period: what exports at an earlier ExportTime, incremental exports and restores to a point in time read.
 */
export class PitrHistory {
  /** By table id (a table made again under the same name starts afresh). */
  private readonly tables = new Map<string, RecordBatches<RecordedChange>>();
  /** When each table's history was last trimmed to its recovery period. */
  private readonly trimmed = new Map<string, number>();

  /** Records the changes `changes` reports (also after a restore from persisted state). */
  listenTo(changes: ChangeHub): void {
    changes.subscribe(
      (change) => this.record(change),
      (table) => table.pointInTimeRecovery?.enabled === true,
    );
  }

  /** Forgets a table's history (recovery turned off). */
  forget(table: Table): void {
    this.tables.delete(table.id);
    this.trimmed.delete(table.id);
  }

  /** The table's changes at or after `from` (and before `to`), oldest first. */
  changes(table: Table, from: number, to = Infinity): RecordedChange[] {
    return (this.tables.get(table.id)?.items() ?? []).filter((c) => c.at >= from && c.at < to);
  }

  /** The table's items as they were at `time` (within its recovery window): now's, with later changes undone. */
  itemsAt(table: Table, time: number): Item[] {
    const items = new Map([...table.items.all()].map((entry) => [keyText(table.keyOf(entry.item)), entry.item]));
    for (const change of this.changes(table, time + 1).reverse()) {
      if (change.oldImage) items.set(keyText(change.keys), change.oldImage);
      else items.delete(keyText(change.keys));
    }
    return [...items.values()];
  }

  private record(change: ItemChange): void {
    const { table } = change;
    const pitr = table.pointInTimeRecovery;
    if (!pitr?.enabled) return;
    let history = this.tables.get(table.id);
    if (!history) this.tables.set(table.id, (history = new RecordBatches()));
    const at = change.at.getTime();
    history.append([{ at, keys: change.keys, oldImage: change.oldImage, newImage: change.newImage }]);
    // Changes older than the recovery period go, checked once a day of emulator time.
    if (at - (this.trimmed.get(table.id) ?? 0) < DAY_MS) return;
    this.trimmed.set(table.id, at);
    history.retain((c) => c.at >= at - pitr.days * DAY_MS);
  }
}

/** An item's key as text, to tell items apart. */
export function keyText(keys: Item): string {
  return JSON.stringify(Object.entries(keys).sort(([a], [b]) => (a < b ? -1 : 1)));
}
