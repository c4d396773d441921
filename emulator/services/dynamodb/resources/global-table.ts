import { AwsError } from '../../../core/errors.ts';
import { changedProperties, jsonText, type Properties, type ResourceRequest, type ResourceType, type ResourceUpdate } from '../../cloudformation/provider.ts';
import {
  applyReplicaSettings,
  isTrue,
  listOf,
  localReplica,
  overridesChanged,
  readScalingUpdates,
  replicasOf,
  replicaUpdate,
  scalingUpdate,
  startingUnits,
} from './global-table-replicas.ts';
import { index, timeToLive } from './table.ts';

const number = (value: unknown) => (value === undefined ? undefined : Number(value));

function warm(spec: Properties | undefined) {
  return spec ? { ReadUnitsPerSecond: number(spec.ReadUnitsPerSecond), WriteUnitsPerSecond: number(spec.WriteUnitsPerSecond) } : undefined;
}

/** On-demand maximums: writes from the global table's (or index's) settings, reads from the local replica's. */
function onDemand(write: Properties | undefined, read: Properties | undefined) {
  return write || read ? { MaxWriteRequestUnits: number(write?.MaxWriteRequestUnits), MaxReadRequestUnits: number(read?.MaxReadRequestUnits) } : undefined;
}

/** Provisioned capacity: writes from the global write auto scaling, reads from the local replica's read settings. */
function provisioned(writeSettings: Properties | undefined, read: Properties | undefined) {
  const write = startingUnits(undefined, writeSettings?.WriteCapacityAutoScalingSettings);
  if (write === undefined) return undefined;
  return { WriteCapacityUnits: write, ReadCapacityUnits: startingUnits(read?.ReadCapacityUnits, read?.ReadCapacityAutoScalingSettings) ?? write };
}

const stream = (spec: Properties | undefined) => (spec ? { StreamEnabled: true, StreamViewType: spec.StreamViewType } : undefined);

/** A global secondary index as CreateTable takes it, with the local replica's read settings for it. */
function globalIndex(spec: Properties, local: Properties, provisionedMode: boolean) {
  const replicaIndex = listOf(local.GlobalSecondaryIndexes).find((i) => i.IndexName === spec.IndexName);
  return {
    ...index(spec),
    ProvisionedThroughput: provisionedMode ? provisioned(spec.WriteProvisionedThroughputSettings, replicaIndex?.ReadProvisionedThroughputSettings) : undefined,
    OnDemandThroughput: onDemand(spec.WriteOnDemandThroughputSettings, replicaIndex?.ReadOnDemandThroughputSettings),
    WarmThroughput: warm(spec.WarmThroughput),
  };
}

/** Write auto scaling of the table and its indexes (the same on every replica) as UpdateTableReplicaAutoScaling input. */
function writeScaling(p: Properties) {
  const indexes = listOf(p.GlobalSecondaryIndexes)
    .filter((i) => i.WriteProvisionedThroughputSettings?.WriteCapacityAutoScalingSettings)
    .map((i) => ({ IndexName: i.IndexName, ProvisionedWriteCapacityAutoScalingUpdate: scalingUpdate(i.WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings) }));
  const table = scalingUpdate(p.WriteProvisionedThroughputSettings?.WriteCapacityAutoScalingSettings);
  return table || indexes.length ? { ProvisionedWriteCapacityAutoScalingUpdate: table, GlobalSecondaryIndexUpdates: indexes.length ? indexes : undefined } : undefined;
}

async function autoScaling(request: ResourceRequest, name: string, update: Properties | undefined) {
  if (update) await request.call('dynamodb', 'UpdateTableReplicaAutoScaling', { TableName: name, ...update });
}

async function state(request: ResourceRequest, name: string) {
  const { Table } = await request.call('dynamodb', 'DescribeTable', { TableName: name });
  return { physicalId: name, attributes: { Arn: Table.TableArn, StreamArn: Table.LatestStreamArn, TableId: Table.TableId } };
}

/** The other regions' replicas, made with one UpdateTable (with the strong-consistency mode and witnesses when asked). */
async function createReplicas(request: ResourceRequest, name: string, others: Properties[]) {
  const p = request.properties;
  const witnesses = listOf(p.GlobalTableWitnesses).map((w) => ({ Create: { RegionName: w.Region } }));
  if (!others.length && !witnesses.length) return;
  await request.call('dynamodb', 'UpdateTable', {
    TableName: name,
    ReplicaUpdates: others.length ? others.map((r) => replicaUpdate(r, 'Create')) : undefined,
    MultiRegionConsistency: p.MultiRegionConsistency,
    GlobalTableWitnessUpdates: witnesses.length ? witnesses : undefined,
  });
}

/** What an update can change in place; another property's change is refused rather than ignored. */
const UPDATABLE = new Set([
  'Replicas',
  'TimeToLiveSpecification',
  'StreamSpecification',
  'SSESpecification',
  'WarmThroughput',
  'WriteOnDemandThroughputSettings',
  'WriteProvisionedThroughputSettings',
  'GlobalSecondaryIndexes',
  'AttributeDefinitions',
]);

/** Index additions and removals (and their on-demand and warm throughput changes) as GlobalSecondaryIndexUpdates. */
function indexUpdates(request: ResourceUpdate, local: Properties) {
  const before = listOf(request.previous.GlobalSecondaryIndexes);
  const after = listOf(request.properties.GlobalSecondaryIndexes);
  const provisionedMode = (request.properties.BillingMode ?? 'PROVISIONED') === 'PROVISIONED';
  const updates: Properties[] = before.filter((b) => !after.some((a) => a.IndexName === b.IndexName)).map((b) => ({ Delete: { IndexName: b.IndexName } }));
  for (const spec of after) {
    const old = before.find((b) => b.IndexName === spec.IndexName);
    if (!old) updates.push({ Create: globalIndex(spec, local, provisionedMode) });
    else if (JSON.stringify(old.KeySchema) !== JSON.stringify(spec.KeySchema) || JSON.stringify(old.Projection) !== JSON.stringify(spec.Projection)) {
      throw new AwsError('InvalidRequest', `Invalid request provided: twinstack does not update the key schema or projection of index ${spec.IndexName} in place`);
    } else if (JSON.stringify(old.WriteOnDemandThroughputSettings) !== JSON.stringify(spec.WriteOnDemandThroughputSettings) || JSON.stringify(old.WarmThroughput) !== JSON.stringify(spec.WarmThroughput)) {
      updates.push({ Update: { IndexName: spec.IndexName, OnDemandThroughput: onDemand(spec.WriteOnDemandThroughputSettings, undefined), WarmThroughput: warm(spec.WarmThroughput) } });
    }
  }
  return updates;
}

/**
 * `AWS::DynamoDB::GlobalTable`: the table in the stack's region (its replica entry gives the local settings) and a
 * replica in each other region, made through DynamoDB's UpdateTable ReplicaUpdates; auto scaling through
 * UpdateTableReplicaAutoScaling; each replica's own settings in its region. Ref is the table name; GetAtt Arn and
 * StreamArn (the stack region's) and TableId.
 */
export const globalTable: ResourceType = {
  async create(request) {
    const p = request.properties;
    const local = localReplica(request);
    const name: string = p.TableName ?? request.physicalName({ maxLength: 255 });
    const provisionedMode = (p.BillingMode ?? 'PROVISIONED') === 'PROVISIONED';
    await request.call('dynamodb', 'CreateTable', {
      TableName: name,
      // AWS's handler passes them ordered by name (its recorded DescribeTable of test_global_table_with_ttl_and_sse).
      AttributeDefinitions: [...listOf(p.AttributeDefinitions)].sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName))),
      KeySchema: p.KeySchema,
      BillingMode: p.BillingMode ?? 'PROVISIONED',
      ProvisionedThroughput: provisionedMode ? provisioned(p.WriteProvisionedThroughputSettings, local.ReadProvisionedThroughputSettings) : undefined,
      OnDemandThroughput: onDemand(p.WriteOnDemandThroughputSettings, local.ReadOnDemandThroughputSettings),
      WarmThroughput: warm(p.WarmThroughput),
      GlobalSecondaryIndexes: p.GlobalSecondaryIndexes ? listOf(p.GlobalSecondaryIndexes).map((i) => globalIndex(i, local, provisionedMode)) : undefined,
      LocalSecondaryIndexes: p.LocalSecondaryIndexes ? listOf(p.LocalSecondaryIndexes).map(index) : undefined,
      StreamSpecification: stream(p.StreamSpecification),
      SSESpecification: p.SSESpecification
        ? { Enabled: isTrue(p.SSESpecification.SSEEnabled), SSEType: p.SSESpecification.SSEType, KMSMasterKeyId: local.SSESpecification?.KMSMasterKeyId }
        : undefined,
      TableClass: local.TableClass,
      DeletionProtectionEnabled: local.DeletionProtectionEnabled === undefined ? undefined : isTrue(local.DeletionProtectionEnabled),
      ResourcePolicy: local.ResourcePolicy ? jsonText(local.ResourcePolicy.PolicyDocument) : undefined,
    });
    if (p.TimeToLiveSpecification) await timeToLive(request, name, p.TimeToLiveSpecification, undefined);
    // Replicas of a provisioned table need its write capacity auto scaled first (DynamoDB refuses them otherwise).
    await autoScaling(request, name, writeScaling(p));
    await createReplicas(request, name, replicasOf(p).filter((r) => r !== local));
    const reads = readScalingUpdates(replicasOf(p));
    await autoScaling(request, name, reads.length ? { ReplicaUpdates: reads } : undefined);
    for (const replica of replicasOf(p)) await applyReplicaSettings(request, name, replica, undefined, replica === local);
    return state(request, name);
  },
  async update(request) {
    const name = request.physicalId;
    const p = request.properties;
    const local = localReplica(request);
    const changed = changedProperties(request.previous, p);
    const fixed = [...changed].filter((key) => !UPDATABLE.has(key));
    if (fixed.length) throw new AwsError('InvalidRequest', `Invalid request provided: twinstack does not update ${fixed.join(', ')} of a global table in place`);
    const table: Properties = {};
    if (changed.has('StreamSpecification')) table.StreamSpecification = stream(p.StreamSpecification) ?? { StreamEnabled: false };
    if (changed.has('SSESpecification')) {
      table.SSESpecification = { Enabled: isTrue(p.SSESpecification?.SSEEnabled), SSEType: p.SSESpecification?.SSEType, KMSMasterKeyId: local.SSESpecification?.KMSMasterKeyId };
    }
    if (changed.has('WarmThroughput') && p.WarmThroughput) table.WarmThroughput = warm(p.WarmThroughput);
    if (changed.has('WriteOnDemandThroughputSettings')) table.OnDemandThroughput = onDemand(p.WriteOnDemandThroughputSettings, local.ReadOnDemandThroughputSettings) ?? { MaxWriteRequestUnits: -1 };
    if (changed.has('GlobalSecondaryIndexes')) {
      const updates = indexUpdates(request, local);
      if (updates.length) Object.assign(table, { GlobalSecondaryIndexUpdates: updates, AttributeDefinitions: p.AttributeDefinitions });
    }
    if (Object.keys(table).length) await request.call('dynamodb', 'UpdateTable', { TableName: name, ...table });
    if (changed.has('TimeToLiveSpecification')) await timeToLive(request, name, p.TimeToLiveSpecification, request.previous.TimeToLiveSpecification);
    if (changed.has('WriteProvisionedThroughputSettings') || changed.has('GlobalSecondaryIndexes')) await autoScaling(request, name, writeScaling(p));
    const before = replicasOf(request.previous);
    const after = replicasOf(p);
    if (changed.has('Replicas')) {
      const removed = before.filter((b) => !after.some((a) => a.Region === b.Region));
      const kept = after.filter((a) => a.Region !== request.region && before.some((b) => b.Region === a.Region && overridesChanged(b, a)));
      const updates = [...removed.map((r) => ({ Delete: { RegionName: r.Region } })), ...kept.map((r) => replicaUpdate(r, 'Update'))];
      if (updates.length) await request.call('dynamodb', 'UpdateTable', { TableName: name, ReplicaUpdates: updates });
      const previousLocal = before.find((b) => b.Region === request.region);
      if (previousLocal && previousLocal.TableClass !== local.TableClass && local.TableClass) {
        await request.call('dynamodb', 'UpdateTable', { TableName: name, TableClass: local.TableClass });
      }
      await createReplicas(request, name, after.filter((a) => !before.some((b) => b.Region === a.Region)));
      const reads = readScalingUpdates(after.filter((a) => JSON.stringify(a.ReadProvisionedThroughputSettings) !== JSON.stringify(before.find((b) => b.Region === a.Region)?.ReadProvisionedThroughputSettings)));
      await autoScaling(request, name, reads.length ? { ReplicaUpdates: reads } : undefined);
    }
    for (const replica of after) {
      const previous = before.find((b) => b.Region === replica.Region);
      if (!previous || JSON.stringify(previous) !== JSON.stringify(replica)) await applyReplicaSettings(request, name, replica, previous);
    }
    return state(request, name);
  },
  async delete(request) {
    const others = replicasOf(request.properties).filter((r) => r.Region !== request.region);
    if (others.length) {
      await request.call('dynamodb', 'UpdateTable', { TableName: request.physicalId, ReplicaUpdates: others.map((r) => ({ Delete: { RegionName: r.Region } })) }).catch(() => undefined);
    }
    await request.call('dynamodb', 'DeleteTable', { TableName: request.physicalId });
  },
  createOnly: ['TableName', 'KeySchema', 'LocalSecondaryIndexes', 'MultiRegionConsistency'],
  properties: [
    'TableName',
    'AttributeDefinitions',
    'KeySchema',
    'BillingMode',
    'GlobalSecondaryIndexes',
    'GlobalTableWitnesses',
    'LocalSecondaryIndexes',
    'MultiRegionConsistency',
    'Replicas',
    'SSESpecification',
    'StreamSpecification',
    'TimeToLiveSpecification',
    'WarmThroughput',
    'WriteOnDemandThroughputSettings',
    'WriteProvisionedThroughputSettings',
  ],
};
