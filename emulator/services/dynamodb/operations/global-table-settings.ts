import type {
  DescribeGlobalTableSettingsCommandInput,
  ReplicaSettingsDescription,
  UpdateGlobalTableSettingsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { applyScalingUpdate, NOT_SCALED, scaleIndex } from '../autoscaling.ts';
import { invalidParameter } from '../errors.ts';
import type { ReplicationGroup } from '../replication.ts';
import type { DynamoState } from '../state.ts';
import type { SecondaryIndex, Table } from '../table.ts';
import { legacyGroup } from './global-tables.ts';
import { applyThroughput, switchBillingMode } from './update-table.ts';

type Ctx = RequestContext<DynamoState>;
type Status = ReplicaSettingsDescription['ReplicaStatus'];

function describeReplica(region: string, table: Table, status: Status): ReplicaSettingsDescription {
  const summary = table.billingModeSummary;
  return {
    RegionName: region,
    ReplicaStatus: status,
    ReplicaBillingModeSummary: summary && { BillingMode: summary.mode, LastUpdateToPayPerRequestDateTime: summary.lastUpdateToPayPerRequest },
    ReplicaProvisionedReadCapacityUnits: table.throughput.read,
    ReplicaProvisionedReadCapacityAutoScalingSettings: table.readScaling ?? NOT_SCALED,
    ReplicaProvisionedWriteCapacityUnits: table.throughput.write,
    ReplicaProvisionedWriteCapacityAutoScalingSettings: table.writeScaling ?? NOT_SCALED,
    ReplicaGlobalSecondaryIndexSettings: [...table.indexes.values()]
      .filter((i) => i.global)
      .map((i) => ({
        IndexName: i.name,
        IndexStatus: i.status,
        ProvisionedReadCapacityUnits: i.throughput?.read,
        ProvisionedReadCapacityAutoScalingSettings: i.readScaling ?? NOT_SCALED,
        ProvisionedWriteCapacityUnits: i.throughput?.write,
        ProvisionedWriteCapacityAutoScalingSettings: i.writeScaling ?? NOT_SCALED,
      })),
    ReplicaTableClassSummary: table.tableClass && { TableClass: table.tableClass.name as 'STANDARD', LastUpdateDateTime: table.tableClass.updated },
  };
}

function describe(group: ReplicationGroup, status: Status = 'ACTIVE') {
  return {
    GlobalTableName: group.name,
    ReplicaSettings: group.regions().map((region) => describeReplica(region, group.replicas.get(region)!.table, status)),
  };
}

export function describeGlobalTableSettings(input: DescribeGlobalTableSettingsCommandInput, ctx: Ctx) {
  return describe(legacyGroup(ctx, input.GlobalTableName!));
}

function indexOf(table: Table, name: string): SecondaryIndex {
  const index = table.indexes.get(name);
  if (!index?.global) throw new AwsError('IndexNotFoundException', `Requested resource not found: Index: ${name} not found`);
  return index;
}

const withWrite = (t: { read: number; write: number } | undefined, write: number) => ({ ReadCapacityUnits: t?.read ?? 1, WriteCapacityUnits: write });
const withRead = (t: { read: number; write: number } | undefined, read: number) => ({ ReadCapacityUnits: read, WriteCapacityUnits: t?.write ?? 1 });

/** Write capacity and billing mode apply to every replica; read capacity and table class to the named ones. */
export function updateGlobalTableSettings(input: UpdateGlobalTableSettingsCommandInput, ctx: Ctx) {
  const group = legacyGroup(ctx, input.GlobalTableName!);
  const onDemand = (input.GlobalTableBillingMode ?? [...group.replicas.values()][0]?.table.billingMode) === 'PAY_PER_REQUEST';
  if (onDemand && (input.GlobalTableProvisionedWriteCapacityUnits || input.ReplicaSettingsUpdate?.some((r) => r.ReplicaProvisionedReadCapacityUnits))) {
    throw invalidParameter('Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
  }
  for (const update of input.ReplicaSettingsUpdate ?? []) {
    if (!group.replicas.has(update.RegionName!)) throw new AwsError('ReplicaNotFoundException', `Replica not found in region: ${update.RegionName}`);
  }
  for (const replica of group.replicas.values()) {
    const table = replica.table;
    const target = { accountId: ctx.accountId, region: ctx.region, tableName: table.name };
    if (input.GlobalTableBillingMode) switchBillingMode(table, input.GlobalTableBillingMode);
    if (input.GlobalTableProvisionedWriteCapacityUnits) {
      table.throughput = applyThroughput(table.throughput, withWrite(table.throughput, input.GlobalTableProvisionedWriteCapacityUnits), table.now());
    }
    table.writeScaling = applyScalingUpdate(table.writeScaling, input.GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate, { ...target, capacity: 'Write' });
    for (const update of input.GlobalTableGlobalSecondaryIndexSettingsUpdate ?? []) {
      const index = indexOf(table, update.IndexName!);
      if (update.ProvisionedWriteCapacityUnits) index.throughput = applyThroughput(index.throughput, withWrite(index.throughput, update.ProvisionedWriteCapacityUnits), table.now());
      scaleIndex(index, update.ProvisionedWriteCapacityAutoScalingSettingsUpdate, { ...target, capacity: 'Write' });
    }
    for (const update of (input.ReplicaSettingsUpdate ?? []).filter((u) => u.RegionName === replica.region)) {
      if (update.ReplicaProvisionedReadCapacityUnits) {
        table.throughput = applyThroughput(table.throughput, withRead(table.throughput, update.ReplicaProvisionedReadCapacityUnits), table.now());
      }
      table.readScaling = applyScalingUpdate(table.readScaling, update.ReplicaProvisionedReadCapacityAutoScalingSettingsUpdate, { ...target, capacity: 'Read' });
      for (const indexUpdate of update.ReplicaGlobalSecondaryIndexSettingsUpdate ?? []) {
        const index = indexOf(table, indexUpdate.IndexName!);
        if (indexUpdate.ProvisionedReadCapacityUnits) {
          index.throughput = applyThroughput(index.throughput, withRead(index.throughput, indexUpdate.ProvisionedReadCapacityUnits), table.now());
        }
        scaleIndex(index, indexUpdate.ProvisionedReadCapacityAutoScalingSettingsUpdate, { ...target, capacity: 'Read' });
      }
      if (update.ReplicaTableClass) table.tableClass = { name: update.ReplicaTableClass, updated: table.now() };
    }
  }
  return describe(group, 'UPDATING');
}
