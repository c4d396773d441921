import type { ServicePersistence } from '../../persistence/types.ts';
import { ChangeHub } from './changes.ts';
import { compareValues, itemSize } from './expressions/index.ts';
import { startKinesisDelivery } from './kinesis-delivery.ts';
import { ReplicationGroup } from './replication.ts';
import { DynamoState } from './state.ts';
import { PitrHistory } from './pitr-history.ts';
import { ItemStore } from './store.ts';
import { StreamRegistry } from './streams.ts';
import { compareSortValues, Table } from './table.ts';

/**
 * What DynamoDB state holds, for persistence: tables with their items and indexes (each partition a record of its
 * own, so an item write logs its partition; items shared by a table and its indexes come back as copies), streams and their records,
 * backups, exports and imports, global tables (2019.11.21) and transaction tokens. Change subscriptions are re-made on restore:
 * streams, Kinesis destinations and replication. (Legacy 2017.11.29 global table definitions are not persisted.)
 */
export const dynamoPersistence: ServicePersistence<DynamoState> = {
  classes: {
    DynamoState,
    Table,
    // The scan order is derived from the partitions, which are saved one by one.
    ItemStore: { type: ItemStore, transient: { scanOrder: () => undefined } },
    StreamRegistry,
    PitrHistory,
    ChangeHub: { type: ChangeHub, transient: { subscriptions: () => new Set() } },
    ReplicationGroup: { type: ReplicationGroup, transient: { unsubscribers: () => new Map() }, revive: (group: ReplicationGroup) => group.relisten() },
  },
  functions: { compareValues, compareSortValues },
  revive(state, emulator) {
    // States saved before exports and imports existed.
    Object.assign(state, { exports: state.exports ?? new Map(), imports: state.imports ?? new Map(), history: state.history ?? new PitrHistory() });
    // Items saved before entries carried their size.
    for (const table of state.tables.values()) {
      // Tables saved before vector indexes existed.
      (table as { vectorIndexes?: Table['vectorIndexes'] }).vectorIndexes ??= new Map();
      for (const store of [table.items, ...[...table.indexes.values()].map((index) => index.store)]) {
        for (const entry of store.all()) entry.size ??= itemSize(entry.item);
      }
    }
    state.streams.listenTo(state.changes);
    state.history.listenTo(state.changes);
    if ([...state.tables.values()].some((t) => t.kinesisDestinations.size)) startKinesisDelivery(state, emulator);
  },
};
