import { randomUUID } from 'node:crypto';
import type {
  AttributeDefinition,
  AttributeValue,
  AutoScalingSettingsDescription,
  KeySchemaElement,
  OnDemandThroughput,
  Projection,
  SSEDescription,
  StreamSpecification,
} from '@aws-sdk/client-dynamodb';
import { compareValues, itemSize } from './expressions/index.ts';
import type { ChangeHub, ChangeOrigin } from './changes.ts';
import type { ReplicationGroup } from './replication.ts';
import type { VectorIndex } from './vector-indexes.ts';
import { ItemStore, type Entry, type Slot } from './store.ts';
import { encodeKeyValue, itemsEqual, type Item } from './values.ts';
import { setEntry } from '../../core/entries.ts';

export interface KeySchema {
  /** The first (for tables and most indexes the only) partition and sort key attributes. */
  partitionKey: string;
  sortKey?: string;
  /**
   * Every partition and sort key attribute in order: global secondary indexes may have up to four of each
   * (multi-attribute keys, November 2025); tables and local indexes have one of each at most.
   */
  partitionKeys: string[];
  sortKeys: string[];
}

export function schemaOf(elements: KeySchemaElement[]): KeySchema {
  const partitionKeys = elements.filter((e) => e.KeyType === 'HASH').map((e) => e.AttributeName!);
  const sortKeys = elements.filter((e) => e.KeyType === 'RANGE').map((e) => e.AttributeName!);
  return { partitionKey: partitionKeys[0], sortKey: sortKeys[0], partitionKeys, sortKeys };
}

/** A table's key schema never changes: each request reads its parsed form from here instead of parsing it again. */
const parsedSchemas = new WeakMap<KeySchemaElement[], KeySchema>();

/** All key attributes of a schema, partition attributes first. */
export function keyNames(schema: KeySchema): string[] {
  return [...schema.partitionKeys, ...schema.sortKeys];
}

export function isMultiAttribute(schema: KeySchema): boolean {
  return schema.partitionKeys.length > 1 || schema.sortKeys.length > 1;
}

/** Where an item (or key) lives in a store keyed by `schema`: its partition, hashed from every partition attribute. */
export function storePartition(schema: KeySchema, item: Item): string {
  return schema.partitionKeys.length > 1 ? schema.partitionKeys.map((n) => encodeKeyValue(item[n])).join('\u0001') : encodeKeyValue(item[schema.partitionKey]);
}

/** Its position within the partition: the sort attribute, or the list of them, compared in order. */
export function storeSort(schema: KeySchema, item: Item): AttributeValue | undefined {
  if (schema.sortKeys.length > 1) return { L: schema.sortKeys.map((n) => item[n]) };
  return schema.sortKey ? item[schema.sortKey] : undefined;
}

/** Sort values of index stores: single values as DynamoDB orders them, lists of sort attributes left to right. */
export function compareSortValues(a: AttributeValue, b: AttributeValue): number {
  if (a.L && b.L) {
    for (let i = 0; i < a.L.length; i++) {
      const c = compareValues(a.L[i], b.L[i]);
      if (c !== 0) return c;
    }
    return 0;
  }
  return compareValues(a, b);
}

export interface Throughput {
  read: number;
  write: number;
  lastIncrease?: Date;
  lastDecrease?: Date;
  decreasesToday: number;
}

export interface SecondaryIndex {
  name: string;
  global: boolean;
  keySchema: KeySchemaElement[];
  schema: KeySchema;
  projection: Projection;
  /** GSIs of provisioned tables only. */
  throughput?: Throughput;
  onDemandThroughput?: OnDemandThroughput;
  warmThroughput?: { read: number; write: number };
  status: 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE';
  store: ItemStore;
  sizeBytes: number;
  /** Application Auto Scaling settings (UpdateTableReplicaAutoScaling, UpdateGlobalTableSettings). */
  readScaling?: AutoScalingSettingsDescription;
  writeScaling?: AutoScalingSettingsDescription;
  /** An index's own Contributor Insights (UpdateContributorInsights with IndexName). */
  contributorInsights?: ContributorInsights;
}

export interface ContributorInsights {
  status: string;
  mode?: string;
  updated: Date;
}

export interface TimeToLive {
  status: 'ENABLED' | 'DISABLED';
  attribute?: string;
}

/** One DynamoDB table: definition, items, secondary indexes; every write goes through `write`. */
export class Table {
  readonly id = randomUUID();
  readonly created: Date;
  readonly items = new ItemStore(compareValues);
  readonly indexes = new Map<string, SecondaryIndex>();
  /** Vector indexes hold no copies: SearchVectors reads the table's items. */
  readonly vectorIndexes = new Map<string, VectorIndex>();
  readonly tags = new Map<string, string>();
  status: 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE' = 'ACTIVE';
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST' = 'PROVISIONED';
  /** BillingModeSummary appears only once a billing mode was given explicitly. */
  billingModeSummary?: { mode: 'PROVISIONED' | 'PAY_PER_REQUEST'; lastUpdateToPayPerRequest?: Date };
  throughput: Throughput = { read: 0, write: 0, decreasesToday: 0 };
  onDemandThroughput?: OnDemandThroughput;
  warmThroughput?: { read: number; write: number; status: 'ACTIVE' | 'UPDATING' };
  streamSpecification?: StreamSpecification;
  latestStream?: { arn: string; label: string };
  sse?: SSEDescription;
  /** The table class; `updated` once UpdateTable changed it (a class given at creation shows no update time). */
  tableClass?: { name: string; updated?: Date };
  deletionProtection = false;
  ttl: TimeToLive = { status: 'DISABLED' };
  sizeBytes = 0;
  pointInTimeRecovery?: { enabled: boolean; days: number; since: Date };
  contributorInsights?: ContributorInsights;
  resourcePolicy?: { policy: string; revisionId: string };
  readonly kinesisDestinations = new Map<string, { status: string; precision?: string }>();
  readScaling?: AutoScalingSettingsDescription;
  writeScaling?: AutoScalingSettingsDescription;
  /** The global table this table is a replica of. */
  replication?: ReplicationGroup;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly keySchema: KeySchemaElement[],
    public attributeDefinitions: AttributeDefinition[],
    private readonly changes: ChangeHub,
  ) {
    this.created = changes.clock.date();
  }

  /** The emulator clock's time. */
  now(): Date {
    return this.changes.clock.date();
  }

  /** A new, empty table with this one's definition (keys, indexes, capacity): a restore target or a replica. */
  emptyCopy(arn: string, changes: ChangeHub, name = this.name): Table {
    const table = new Table(name, arn, this.keySchema, this.attributeDefinitions, changes);
    table.billingMode = this.billingMode;
    table.billingModeSummary = this.billingModeSummary;
    table.throughput = { ...this.throughput };
    for (const index of this.indexes.values()) table.indexes.set(index.name, { ...index, store: new ItemStore(compareSortValues), sizeBytes: 0 });
    for (const index of this.vectorIndexes.values()) table.vectorIndexes.set(index.name, { ...index });
    return table;
  }

  get schema(): KeySchema {
    let schema = parsedSchemas.get(this.keySchema);
    if (!schema) parsedSchemas.set(this.keySchema, (schema = schemaOf(this.keySchema)));
    return schema;
  }

  get itemCount(): number {
    return this.items.size;
  }

  attributeType(name: string): string | undefined {
    // A loop rather than find(): every key checked on every request asks, and should not cost a closure.
    for (const definition of this.attributeDefinitions) if (definition.AttributeName === name) return definition.AttributeType;
    return undefined;
  }

  /** The key attributes of an item (or of a key). */
  keyOf(item: Item): Item {
    const { partitionKey, sortKey } = this.schema;
    const key: Item = { [partitionKey]: item[partitionKey] };
    if (sortKey) key[sortKey] = item[sortKey];
    return key;
  }

  get(key: Item): Item | undefined {
    return this.entry(key)?.item;
  }

  /** The stored entry at `key`: the item and its size. */
  entry(key: Item): Entry | undefined {
    return this.items.entryAt(this.locate(key));
  }

  /**
   * Where the item at `key` is stored, or would be: a single-item write reads the old item there and writes the new
   * one (`writeAt`) without looking it up twice. Valid until the table next changes.
   */
  locate(key: Item): Slot {
    const { partitionKey, sortKey } = this.schema;
    return this.items.locate(encodeKeyValue(key[partitionKey]), sortKey ? key[sortKey] : undefined);
  }

  /**
   * Replaces (or, with `item` undefined, deletes) the item at `key`, maintains the indexes and emits the change.
   * `size` is the item's size when the caller already measured it (checking the item size limit). Returns the
   * previous item.
   */
  write(key: Item, item: Item | undefined, origin: ChangeOrigin = {}, size = item ? itemSize(item) : 0): Item | undefined {
    return this.writeAt(this.locate(key), key, item, origin, size);
  }

  /** `write` at the slot `locate` found for `key`, with nothing written to the table since. */
  writeAt(slot: Slot, key: Item, item: Item | undefined, origin: ChangeOrigin = {}, size = item ? itemSize(item) : 0): Item | undefined {
    const sortKey = this.schema.sortKey;
    const replaced = item ? this.items.putAt(slot, { sort: sortKey ? key[sortKey] : undefined, tie: '', item, size }) : this.items.removeAt(slot);
    const old = replaced?.item;
    if (!old && !item) return undefined;
    if (replaced) this.sizeBytes -= replaced.size;
    if (item) this.sizeBytes += size;
    for (const index of this.indexes.values()) this.reindex(index, key, old, item, size);
    if (this.changes.wanted(this) && !itemsEqual(old, item)) {
      this.changes.emit({
        table: this,
        eventName: !old ? 'INSERT' : item ? 'MODIFY' : 'REMOVE',
        keys: this.keyOf(key),
        oldImage: old,
        newImage: item,
        oldSize: replaced?.size ?? 0,
        newSize: item ? size : 0,
        userIdentity: origin.userIdentity,
        replicated: origin.replicated,
        at: this.changes.clock.date(),
      });
    }
    return old;
  }

  /** Fills a new index from the existing items (GSI backfill). */
  backfill(index: SecondaryIndex) {
    for (const entry of this.items.all()) this.reindex(index, this.keyOf(entry.item), undefined, entry.item, entry.size);
  }

  /** The item as an index stores it, or undefined when the item lacks the index key (sparse index). */
  projectForIndex(index: SecondaryIndex, item: Item): Item | undefined {
    const indexKeys = keyNames(index.schema);
    if (indexKeys.some((name) => item[name] === undefined)) return undefined;
    const type = index.projection.ProjectionType ?? 'ALL';
    if (type === 'ALL') return item;
    const names = new Set([...Object.keys(this.keyOf(item)), ...indexKeys]);
    if (type === 'INCLUDE') for (const name of index.projection.NonKeyAttributes ?? []) names.add(name);
    const out: Item = {};
    for (const name of names) if (item[name] !== undefined) setEntry(out, name, item[name]);
    return out;
  }

  /** The attribute names an index holds for every item; undefined when it holds all of them. */
  projectedNames(index: SecondaryIndex): Set<string> | undefined {
    const type = index.projection.ProjectionType ?? 'ALL';
    if (type === 'ALL') return undefined;
    const names = new Set([...keyNames(this.schema), ...keyNames(index.schema)]);
    if (type === 'INCLUDE') for (const name of index.projection.NonKeyAttributes ?? []) names.add(name);
    return names;
  }

  /** Unique position of an item inside an index whose keys many items may share. */
  tieOf(key: Item): string {
    const { partitionKey, sortKey } = this.schema;
    return sortKey ? `${encodeKeyValue(key[partitionKey])}\u0000${encodeKeyValue(key[sortKey])}` : encodeKeyValue(key[partitionKey]);
  }

  /** `size` is the size of `item`, which an index projecting all attributes shares. */
  private reindex(index: SecondaryIndex, key: Item, old: Item | undefined, item: Item | undefined, size: number) {
    const tie = this.tieOf(key);
    const before = old && this.projectForIndex(index, old);
    const after = item && this.projectForIndex(index, item);
    if (before) {
      const removed = index.store.remove(storePartition(index.schema, before), storeSort(index.schema, before), tie);
      if (removed) index.sizeBytes -= removed.size;
    }
    if (after) {
      const afterSize = after === item ? size : itemSize(after);
      index.store.put(storePartition(index.schema, after), { sort: storeSort(index.schema, after), tie, item: after, size: afterSize });
      index.sizeBytes += afterSize;
    }
  }
}
