import type {
  GlobalSecondaryIndexDescription,
  LocalSecondaryIndexDescription,
  ProvisionedThroughputDescription,
  ReplicaDescription,
  TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { SecondaryIndex, Table, Throughput } from './table.ts';
import { describeVectorIndex } from './vector-indexes.ts';

/** On-demand tables and indexes start warm at these rates (what AWS reports for new on-demand tables). */
const ON_DEMAND_WARM = { read: 12000, write: 4000 };

function throughputDescription(t: Throughput | undefined): ProvisionedThroughputDescription {
  return {
    NumberOfDecreasesToday: t?.decreasesToday ?? 0,
    ReadCapacityUnits: t?.read ?? 0,
    WriteCapacityUnits: t?.write ?? 0,
    LastIncreaseDateTime: t?.lastIncrease,
    LastDecreaseDateTime: t?.lastDecrease,
  };
}

/** What a response describes: a table just created or updated shows its transitional states, as AWS's do. */
export interface DescribeMoment {
  moment: 'created' | 'updated' | 'described';
  /** GSIs an UpdateTable call just added (CREATING in its response). */
  newIndexes?: Set<string>;
  /** Vector indexes an UpdateTable call just added (CREATING in its response). */
  newVectorIndexes?: Set<string>;
  /** SSE being changed by an UpdateTable call (UPDATING in its response). */
  sseUpdating?: boolean;
  /** Replicas an UpdateTable call is creating or deleting (CREATING / DELETING in its response). */
  replicaStatuses?: ReadonlyMap<string, ReplicaDescription['ReplicaStatus']>;
}

/**
 * DescribeTable's view of a table. CreateTable's response shows the table CREATING and adds WarmThroughput only
 * when it was requested; UpdateTable's shows it UPDATING. Tables are usable at once either way.
 */
export function describeTable(table: Table, at: DescribeMoment = { moment: 'described' }): TableDescription {
  const fresh = at.moment;
  const onDemand = table.billingMode === 'PAY_PER_REQUEST';
  const globals = [...table.indexes.values()].filter((i) => i.global);
  const locals = [...table.indexes.values()].filter((i) => !i.global);
  const created = fresh === 'created';
  const description: TableDescription = {
    AttributeDefinitions: table.attributeDefinitions,
    TableName: table.name,
    KeySchema: table.keySchema,
    TableStatus: created ? 'CREATING' : fresh === 'updated' ? 'UPDATING' : table.status,
    CreationDateTime: table.created,
    ProvisionedThroughput: throughputDescription(onDemand ? undefined : table.throughput),
    TableSizeBytes: table.sizeBytes,
    ItemCount: table.itemCount,
    TableArn: table.arn,
    TableId: table.id,
    DeletionProtectionEnabled: table.deletionProtection,
  };
  if (table.billingModeSummary) {
    description.BillingModeSummary = {
      BillingMode: table.billingModeSummary.mode,
      // CreateTable's response leaves the time out; DescribeTable shows it.
      LastUpdateToPayPerRequestDateTime: created ? undefined : table.billingModeSummary.lastUpdateToPayPerRequest,
    };
  }
  if (locals.length) description.LocalSecondaryIndexes = locals.map((i) => describeLocalIndex(table, i));
  if (globals.length) description.GlobalSecondaryIndexes = globals.map((i) => describeGlobalIndex(table, i, created || !!at.newIndexes?.has(i.name), onDemand));
  if (table.vectorIndexes.size) {
    description.VectorIndexes = [...table.vectorIndexes.values()].map((i) => describeVectorIndex(table, i, created || !!at.newVectorIndexes?.has(i.name)));
  }
  if (table.streamSpecification?.StreamEnabled) description.StreamSpecification = table.streamSpecification;
  if (table.latestStream) {
    description.LatestStreamArn = table.latestStream.arn;
    description.LatestStreamLabel = table.latestStream.label;
  }
  describeGlobalTable(table, description, at);
  if (table.sse) description.SSEDescription = at.sseUpdating ? { ...table.sse, Status: 'UPDATING' } : table.sse;
  if (table.tableClass) description.TableClassSummary = { TableClass: table.tableClass.name as 'STANDARD', LastUpdateDateTime: table.tableClass.updated };
  if (table.onDemandThroughput) description.OnDemandThroughput = table.onDemandThroughput;
  const warm = table.warmThroughput ?? (onDemand ? ON_DEMAND_WARM : { read: table.throughput.read, write: table.throughput.write });
  if (!created || table.warmThroughput) {
    description.WarmThroughput = {
      ReadUnitsPerSecond: warm.read,
      WriteUnitsPerSecond: warm.write,
      Status: created ? 'UPDATING' : 'ACTIVE',
    };
  }
  return description;
}

/** Version 2019.11.21 global tables show their replicas (and witnesses) on every replica; legacy ones do not. */
function describeGlobalTable(table: Table, description: TableDescription, at: DescribeMoment) {
  const group = table.replication;
  if (group?.version !== '2019.11.21') return;
  description.GlobalTableVersion = group.version;
  description.Replicas = group.describeReplicas(at.replicaStatuses);
  if (group.witnesses.size) description.GlobalTableWitnesses = [...group.witnesses].sort().map((RegionName) => ({ RegionName, WitnessStatus: 'ACTIVE' }));
  if (group.consistency) description.MultiRegionConsistency = group.consistency;
}

/** DeleteTable answers with a reduced description: no key schema, attribute definitions or creation time. */
export function describeDeletedTable(table: Table): TableDescription {
  const full = describeTable(table);
  return {
    TableName: full.TableName,
    TableStatus: 'DELETING',
    ProvisionedThroughput: full.ProvisionedThroughput,
    TableSizeBytes: full.TableSizeBytes,
    ItemCount: full.ItemCount,
    TableArn: full.TableArn,
    TableId: full.TableId,
    BillingModeSummary: full.BillingModeSummary,
    StreamSpecification: full.StreamSpecification,
    LatestStreamArn: full.LatestStreamArn,
    LatestStreamLabel: full.LatestStreamLabel,
    SSEDescription: full.SSEDescription,
    TableClassSummary: full.TableClassSummary,
    DeletionProtectionEnabled: full.DeletionProtectionEnabled,
  };
}

function describeLocalIndex(table: Table, index: SecondaryIndex): LocalSecondaryIndexDescription {
  return {
    IndexName: index.name,
    KeySchema: index.keySchema,
    Projection: index.projection,
    IndexSizeBytes: index.sizeBytes,
    ItemCount: index.store.size,
    IndexArn: `${table.arn}/index/${index.name}`,
  };
}

function describeGlobalIndex(table: Table, index: SecondaryIndex, created: boolean, onDemand: boolean): GlobalSecondaryIndexDescription {
  const warm = index.warmThroughput ?? (onDemand ? ON_DEMAND_WARM : { read: index.throughput?.read ?? 0, write: index.throughput?.write ?? 0 });
  return {
    IndexName: index.name,
    KeySchema: index.keySchema,
    Projection: index.projection,
    IndexStatus: created ? 'CREATING' : index.status,
    ProvisionedThroughput: throughputDescription(onDemand ? undefined : index.throughput),
    IndexSizeBytes: index.sizeBytes,
    ItemCount: index.store.size,
    IndexArn: `${table.arn}/index/${index.name}`,
    OnDemandThroughput: index.onDemandThroughput,
    WarmThroughput:
      created && !index.warmThroughput ? undefined : { ReadUnitsPerSecond: warm.read, WriteUnitsPerSecond: warm.write, Status: created ? 'UPDATING' : 'ACTIVE' },
  };
}
