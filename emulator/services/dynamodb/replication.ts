import type {
  OnDemandThroughputOverride,
  ProvisionedThroughputOverride,
  ReplicaDescription,
  ReplicaGlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { buildArn } from '../../core/arn.ts';
import type { ItemChange } from './changes.ts';
import { compareValues, itemSize } from './expressions/index.ts';
import { ItemStore } from './store.ts';
import type { DynamoState } from './state.ts';
import type { Table } from './table.ts';
import type { Item } from './values.ts';

export type GlobalTableVersion = '2019.11.21' | '2017.11.29';

/** One region's table in a global table, with the settings that may differ per region. */
export interface Replica {
  region: string;
  state: DynamoState;
  table: Table;
  kmsKeyId?: string;
  provisionedOverride?: ProvisionedThroughputOverride;
  onDemandOverride?: OnDemandThroughputOverride;
  indexOverrides?: ReplicaGlobalSecondaryIndex[];
}

export type ReplicaSettings = Pick<Replica, 'kmsKeyId' | 'provisionedOverride' | 'onDemandOverride' | 'indexOverrides'>;

/**
 * A global table: same-named tables in several regions of one account. Every write to one replica is applied to
 * the others through the change hubs of their regions, carrying the whole new item (or its deletion), so the last
 * write of an item wins everywhere. Replication here is immediate, so replicas never disagree for long enough to
 * need a timestamp comparison.
 */
export class ReplicationGroup {
  readonly replicas = new Map<string, Replica>();
  consistency?: 'EVENTUAL' | 'STRONG';
  /** Regions that only vote in multi-Region strong consistency (no table). */
  readonly witnesses = new Set<string>();
  /** Per region, what stops replicating its table's changes (subscriptions are not state: `relisten` re-makes them). */
  private unsubscribers = new Map<string, () => void>();

  constructor(
    readonly version: GlobalTableVersion,
    readonly name: string,
    readonly accountId: string,
    /** The region it was created in, whose partition its ARN is in. */
    readonly homeRegion: string,
    /** On the emulator clock. */
    readonly created: Date,
  ) {}

  get arn(): string {
    return buildArn({ service: 'dynamodb', region: '', accountId: this.accountId, resource: `global-table/${this.name}`, partitionRegion: this.homeRegion });
  }

  add(region: string, state: DynamoState, table: Table, settings: ReplicaSettings = {}) {
    table.replication = this;
    this.replicas.set(region, { region, state, table, ...settings });
    this.listen(region, state, table);
  }

  private listen(region: string, state: DynamoState, table: Table) {
    const stop = state.changes.subscribe(
      (change) => {
        if (!change.replicated) this.replicate(region, change);
      },
      (changed) => changed === table,
    );
    this.unsubscribers.set(region, stop);
  }

  /** Subscribes to every replica's changes again (a global table restored from persisted state). */
  relisten() {
    this.unsubscribers = new Map();
    for (const replica of this.replicas.values()) this.listen(replica.region, replica.state, replica.table);
  }

  /** Detaches a region's table (it becomes a regional table again). Returns the replica, if there was one. */
  remove(region: string): Replica | undefined {
    const replica = this.replicas.get(region);
    if (!replica) return undefined;
    this.unsubscribers.get(region)?.();
    this.unsubscribers.delete(region);
    replica.table.replication = undefined;
    this.replicas.delete(region);
    return replica;
  }

  /** A global table of one replica is a regional table again. */
  dissolveIfAlone() {
    if (this.replicas.size > 1) return;
    for (const region of [...this.replicas.keys()]) this.remove(region);
  }

  regions(): string[] {
    return [...this.replicas.keys()].sort();
  }

  /** Other replicas, in region order. */
  others(region: string): Replica[] {
    return this.regions()
      .filter((r) => r !== region)
      .map((r) => this.replicas.get(r)!);
  }

  /** DescribeTable's Replicas: every region of the global table, with the state a just-made change puts it in. */
  describeReplicas(statuses: ReadonlyMap<string, ReplicaDescription['ReplicaStatus']> = new Map()): ReplicaDescription[] {
    return this.regions().map((region) => {
      const replica = this.replicas.get(region)!;
      const status = statuses.get(region) ?? 'ACTIVE';
      const tableClass = replica.table.tableClass;
      return {
        RegionName: region,
        ReplicaStatus: status,
        ReplicaStatusPercentProgress: status === 'CREATING' ? '0' : undefined,
        KMSMasterKeyId: replica.kmsKeyId,
        ProvisionedThroughputOverride: replica.provisionedOverride,
        OnDemandThroughputOverride: replica.onDemandOverride,
        GlobalSecondaryIndexes: replica.indexOverrides,
        ReplicaTableClassSummary: tableClass && { TableClass: tableClass.name as 'STANDARD', LastUpdateDateTime: tableClass.updated },
      };
    });
  }

  /**
   * Table settings that version 2019.11.21 keeps identical on every replica: attribute definitions, secondary
   * indexes, billing mode, write capacity, stream and time to live. Read capacity may differ (overrides).
   */
  synchronize(source: Table) {
    for (const replica of this.replicas.values()) {
      const table = replica.table;
      if (table === source) continue;
      table.attributeDefinitions = source.attributeDefinitions;
      for (const name of [...table.indexes.keys()]) if (!source.indexes.has(name)) table.indexes.delete(name);
      for (const index of source.indexes.values()) {
        const own = table.indexes.get(index.name);
        // An index's write capacity is shared by every replica (its read capacity may differ per replica).
        if (own) {
          if (index.throughput) own.throughput = { ...(own.throughput ?? index.throughput), write: index.throughput.write };
          continue;
        }
        const copy = { ...index, store: new ItemStore(compareValues), sizeBytes: 0 };
        table.indexes.set(index.name, copy);
        table.backfill(copy);
      }
      // Vector index definitions replicate too (each replica searches its own items).
      for (const name of [...table.vectorIndexes.keys()]) if (!source.vectorIndexes.has(name)) table.vectorIndexes.delete(name);
      for (const index of source.vectorIndexes.values()) if (!table.vectorIndexes.has(index.name)) table.vectorIndexes.set(index.name, { ...index });
      table.billingMode = source.billingMode;
      table.billingModeSummary = source.billingModeSummary;
      table.throughput = { ...table.throughput, write: source.throughput.write };
      table.writeScaling = source.writeScaling;
      table.ttl = { ...source.ttl };
    }
  }

  private replicate(from: string, change: ItemChange) {
    let image = change.newImage;
    let size = change.newSize;
    if (this.version === '2017.11.29' && image) {
      // Legacy global tables mark every item with its last writer (a second write, and stream record, in its region).
      image = { ...image, ...legacyMarks(from, change.at) };
      size = itemSize(image);
      change.table.write(change.keys, image, { replicated: true }, size);
    }
    for (const replica of this.others(from)) replica.table.write(change.keys, image, { replicated: true }, size);
  }
}

/** The attributes version 2017.11.29 adds to every item it replicates (AWS Developer Guide, "Global tables: how it works"). */
export function legacyMarks(region: string, at: Date): Item {
  return {
    'aws:rep:deleting': { BOOL: false },
    'aws:rep:updatetime': { N: (at.getTime() / 1000).toFixed(6) },
    'aws:rep:updateregion': { S: region },
  };
}

/** Copies a changed table's shared settings to the other replicas of its version 2019.11.21 global table. */
export function synchronizeReplicas(table: Table) {
  if (table.replication?.version === '2019.11.21') table.replication.synchronize(table);
}
