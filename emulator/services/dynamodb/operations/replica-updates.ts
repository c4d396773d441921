import type { ReplicaDescription, UpdateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { isScaled } from '../autoscaling.ts';
import { invalidParameter, validation } from '../errors.ts';
import { ReplicationGroup, type ReplicaSettings } from '../replication.ts';
import type { DynamoState } from '../state.ts';
import type { Table } from '../table.ts';
import { sseDescription } from './create-table.ts';

type Ctx = RequestContext<DynamoState>;
type Status = ReplicaDescription['ReplicaStatus'];

/** AWS's messages for replica updates that name a region the global table has, or lacks. */
export const replicaExists = (name: string) =>
  validation(`Failed to create a the new replica of table with name: '${name}' because one or more replicas already existed as tables.`);
export const notAReplica = () =>
  validation('Update global table operation failed because one or more replicas were not part of the global table.');

const stateIn = (ctx: Ctx, region: string) => ctx.emulator.state<DynamoState>('dynamodb', ctx.accountId, region);

/**
 * UpdateTable's ReplicaUpdates, GlobalTableWitnessUpdates and MultiRegionConsistency (global tables version
 * 2019.11.21). Returns the status each touched replica shows in the UpdateTable response.
 */
export function applyReplicaUpdates(table: Table, input: UpdateTableCommandInput, ctx: Ctx): Map<string, Status> {
  const statuses = new Map<string, Status>();
  const updates = input.ReplicaUpdates ?? [];
  const creates = updates.filter((u) => u.Create);
  checkConsistency(table, input, creates.length > 0);
  if (table.replication?.version === '2017.11.29' && updates.length) {
    throw validation('Table is part of a global table version 2017.11.29 (Legacy): use UpdateGlobalTable to change its replicas');
  }
  const strong = (table.replication?.consistency ?? input.MultiRegionConsistency) === 'STRONG';
  for (const update of updates) {
    const region = (update.Create ?? update.Update ?? update.Delete)?.RegionName;
    if (region === ctx.region) {
      throw validation('Cannot add, delete, or update the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.');
    }
    if (update.Create) {
      createReplica(table, update.Create.RegionName!, ctx, strong, {
        kmsKeyId: update.Create.KMSMasterKeyId,
        provisionedOverride: update.Create.ProvisionedThroughputOverride,
        onDemandOverride: update.Create.OnDemandThroughputOverride,
        indexOverrides: update.Create.GlobalSecondaryIndexes,
      });
      const replica = table.replication!.replicas.get(update.Create.RegionName!)!;
      if (update.Create.TableClassOverride) replica.table.tableClass = { name: update.Create.TableClassOverride, updated: replica.table.now() };
      statuses.set(update.Create.RegionName!, 'CREATING');
    } else if (update.Update) {
      const replica = table.replication?.replicas.get(update.Update.RegionName!);
      if (!replica) throw notAReplica();
      if (update.Update.KMSMasterKeyId) replica.kmsKeyId = update.Update.KMSMasterKeyId;
      if (update.Update.ProvisionedThroughputOverride) replica.provisionedOverride = update.Update.ProvisionedThroughputOverride;
      if (update.Update.OnDemandThroughputOverride) replica.onDemandOverride = update.Update.OnDemandThroughputOverride;
      if (update.Update.GlobalSecondaryIndexes) replica.indexOverrides = update.Update.GlobalSecondaryIndexes;
      if (update.Update.TableClassOverride) replica.table.tableClass = { name: update.Update.TableClassOverride, updated: replica.table.now() };
      statuses.set(replica.region, 'UPDATING');
    } else if (update.Delete) {
      deleteReplica(table, update.Delete.RegionName!);
      if (table.replication) statuses.set(update.Delete.RegionName!, 'DELETING');
    }
  }
  applyWitnessUpdates(table, input);
  return statuses;
}

function checkConsistency(table: Table, input: UpdateTableCommandInput, creating: boolean) {
  const wanted = input.MultiRegionConsistency;
  if (!wanted) return;
  const current = table.replication?.consistency ?? (table.replication ? 'EVENTUAL' : undefined);
  if (current && current !== wanted) {
    throw invalidParameter(`The consistency mode of a global table cannot be changed. Current: ${current}, requested: ${wanted}`);
  }
  if (!creating && !table.replication) {
    throw invalidParameter('MultiRegionConsistency can only be specified when creating replicas of a table');
  }
}

function createReplica(table: Table, region: string, ctx: Ctx, strong: boolean, settings: ReplicaSettings) {
  const target = stateIn(ctx, region);
  if (target.tables.has(table.name)) throw replicaExists(table.name);
  if (table.billingMode === 'PROVISIONED' && !isScaled(table.writeScaling)) {
    throw invalidParameter('Table write capacity should either be Pay-Per-Request or AutoScaled.');
  }
  // Multi-Region eventual consistency replicates through the table's stream, which DynamoDB turns on by itself.
  if (!strong) {
    const spec = table.streamSpecification;
    if (spec?.StreamEnabled && spec.StreamViewType !== 'NEW_AND_OLD_IMAGES') {
      throw invalidParameter('Table stream view type must be NEW_AND_OLD_IMAGES to create a replica');
    }
    if (!spec?.StreamEnabled) {
      table.streamSpecification = { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' };
      ctx.state.streams.enable(table, 'NEW_AND_OLD_IMAGES');
    }
  }
  let group = table.replication;
  if (!group) {
    group = new ReplicationGroup('2019.11.21', table.name, ctx.accountId, ctx.region, ctx.emulator.clock.date());
    if (strong) group.consistency = 'STRONG';
    group.add(ctx.region, ctx.state, table);
  }
  const replica = table.emptyCopy(target.tableArn(table.name), target.changes);
  replica.ttl = { ...table.ttl };
  replica.writeScaling = table.writeScaling;
  replica.readScaling = table.readScaling;
  if (settings.provisionedOverride?.ReadCapacityUnits) replica.throughput.read = settings.provisionedOverride.ReadCapacityUnits;
  if (settings.kmsKeyId) replica.sse = sseDescription(target, settings.kmsKeyId);
  // The replica starts with the table's items; its stream begins after that initial copy.
  for (const entry of table.items.all()) replica.write(table.keyOf(entry.item), entry.item, { replicated: true });
  if (table.streamSpecification?.StreamEnabled) {
    replica.streamSpecification = table.streamSpecification;
    target.streams.enable(replica, table.streamSpecification.StreamViewType!);
  }
  target.tables.set(replica.name, replica);
  group.add(region, target, replica, settings);
}

/** Deleting a replica deletes its table; a global table left with one replica is a regional table again. */
export function deleteReplica(table: Table, region: string) {
  const group = table.replication;
  const replica = group?.remove(region);
  if (!group || !replica) throw notAReplica();
  replica.state.tables.delete(replica.table.name);
  replica.state.streams.tableDeleted(replica.table);
  group.dissolveIfAlone();
}

function applyWitnessUpdates(table: Table, input: UpdateTableCommandInput) {
  for (const update of input.GlobalTableWitnessUpdates ?? []) {
    const group = table.replication;
    if (group?.consistency !== 'STRONG') {
      throw invalidParameter('Witnesses can only be used by global tables with MultiRegionConsistency STRONG');
    }
    if (update.Create) group.witnesses.add(update.Create.RegionName!);
    if (update.Delete && !group.witnesses.delete(update.Delete.RegionName!)) throw notAReplica();
  }
}
