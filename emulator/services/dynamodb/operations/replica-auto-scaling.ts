import type {
  DescribeTableReplicaAutoScalingCommandInput,
  ReplicaAutoScalingDescription,
  TableAutoScalingDescription,
  UpdateTableReplicaAutoScalingCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { applyScalingUpdate, NOT_SCALED, scaleIndex } from '../autoscaling.ts';
import { invalidParameter, resourceNotFound } from '../errors.ts';
import type { DynamoState } from '../state.ts';
import type { SecondaryIndex, Table } from '../table.ts';
import { notAReplica } from './replica-updates.ts';

type Ctx = RequestContext<DynamoState>;

/** The table in each region of its global table (only the table itself when it is regional), in region order. */
function replicasOf(table: Table, ctx: Ctx): { region: string; table: Table }[] {
  const group = table.replication;
  if (!group) return [{ region: ctx.region, table }];
  return group.regions().map((region) => ({ region, table: group.replicas.get(region)!.table }));
}

function describeReplica(region: string, table: Table): ReplicaAutoScalingDescription {
  const provisioned = table.billingMode === 'PROVISIONED';
  const settings = (s: Table['readScaling']) => (provisioned ? (s ?? NOT_SCALED) : undefined);
  return {
    RegionName: region,
    GlobalSecondaryIndexes: [...table.indexes.values()]
      .filter((i) => i.global)
      .map((i) => ({
        IndexName: i.name,
        IndexStatus: i.status,
        ProvisionedReadCapacityAutoScalingSettings: settings(i.readScaling),
        ProvisionedWriteCapacityAutoScalingSettings: settings(i.writeScaling),
      })),
    ReplicaProvisionedReadCapacityAutoScalingSettings: settings(table.readScaling),
    ReplicaProvisionedWriteCapacityAutoScalingSettings: settings(table.writeScaling),
    ReplicaStatus: 'ACTIVE',
  };
}

function describe(table: Table, ctx: Ctx): TableAutoScalingDescription {
  return {
    TableName: table.name,
    TableStatus: table.status,
    Replicas: replicasOf(table, ctx).map((r) => describeReplica(r.region, r.table)),
  };
}

export function describeTableReplicaAutoScaling(input: DescribeTableReplicaAutoScalingCommandInput, ctx: Ctx) {
  return { TableAutoScalingDescription: describe(ctx.state.namedTable(input.TableName!), ctx) };
}

function globalIndex(table: Table, name: string): SecondaryIndex {
  const index = table.indexes.get(name);
  if (!index?.global) throw resourceNotFound(`Index: ${name} not found`);
  return index;
}

/**
 * Write capacity is the same on every replica, so write auto scaling applies to all of them; read auto scaling is
 * set per replica.
 */
export function updateTableReplicaAutoScaling(input: UpdateTableReplicaAutoScalingCommandInput, ctx: Ctx) {
  const table = ctx.state.namedTable(input.TableName!);
  if (table.billingMode !== 'PROVISIONED') {
    throw invalidParameter('Auto scaling settings cannot be updated for a table whose BillingMode is PAY_PER_REQUEST');
  }
  const target = { accountId: ctx.accountId, region: ctx.region, tableName: table.name };
  const replicas = replicasOf(table, ctx);
  for (const update of input.ReplicaUpdates ?? []) if (!replicas.some((r) => r.region === update.RegionName)) throw notAReplica();
  for (const { region, table: replica } of replicas) {
    replica.writeScaling = applyScalingUpdate(replica.writeScaling, input.ProvisionedWriteCapacityAutoScalingUpdate, { ...target, capacity: 'Write' });
    for (const update of input.GlobalSecondaryIndexUpdates ?? []) {
      scaleIndex(globalIndex(replica, update.IndexName!), update.ProvisionedWriteCapacityAutoScalingUpdate, { ...target, capacity: 'Write' });
    }
    for (const update of (input.ReplicaUpdates ?? []).filter((u) => u.RegionName === region)) {
      replica.readScaling = applyScalingUpdate(replica.readScaling, update.ReplicaProvisionedReadCapacityAutoScalingUpdate, { ...target, capacity: 'Read' });
      for (const indexUpdate of update.ReplicaGlobalSecondaryIndexUpdates ?? []) {
        scaleIndex(globalIndex(replica, indexUpdate.IndexName!), indexUpdate.ProvisionedReadCapacityAutoScalingUpdate, { ...target, capacity: 'Read' });
      }
    }
  }
  return { TableAutoScalingDescription: describe(table, ctx) };
}
