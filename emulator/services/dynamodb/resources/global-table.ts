import { AwsError } from '../../../core/errors.ts';
import { callIn, changedProperties, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { index, timeToLive } from './table.ts';

type Call = <T = Properties>(operation: string, input: object) => Promise<T>;

/** DynamoDB's operations in one replica's region, as the stack's caller (the local region through the request). */
function dynamodbIn(request: ResourceRequest, region: string): Call {
  const call = callIn(request, region);
  return (operation, input) => call('dynamodb', operation, input);
}

const isTrue = (value: unknown) => String(value) === 'true';
const replicasOf = (p: Properties) => (p.Replicas ?? []) as Properties[];

/** What twinstack sets of a replica; a template setting another replica property fails rather than being ignored. */
const REPLICA_PROPERTIES = new Set(['Region', 'TableClass', 'DeletionProtectionEnabled', 'PointInTimeRecoverySpecification', 'SSESpecification', 'ReadProvisionedThroughputSettings', 'GlobalSecondaryIndexes', 'Tags']);

/** The replica in the stack's region, which holds the table's local settings; AWS's handler refuses a template without it. */
function localReplica(request: ResourceRequest): Properties {
  for (const replica of replicasOf(request.properties)) {
    const unsupported = Object.keys(replica).find((key) => !REPLICA_PROPERTIES.has(key));
    if (unsupported) throw new AwsError('ValidationError', `Encountered unsupported property ${unsupported}`);
  }
  const local = replicasOf(request.properties).find((r) => r.Region === request.region);
  if (!local) throw new AwsError('InvalidRequest', 'Invalid request provided: The Replicas section must contain an entry for the current region');
  return local;
}

/** A table's or index's capacity: writes from the global table's settings, reads from the replica's. */
function capacity(write: Properties | undefined, read: Properties | undefined) {
  return write ? { WriteCapacityUnits: Number(write.WriteCapacityUnits), ReadCapacityUnits: Number(read?.ReadCapacityUnits ?? write.WriteCapacityUnits) } : undefined;
}

/** The replica's own settings that DynamoDB keeps per region: point-in-time recovery, deletion protection, tags. */
async function replicaSettings(request: ResourceRequest, replica: Properties, arn: string, previous?: Properties): Promise<void> {
  const call = dynamodbIn(request, String(replica.Region));
  const pitr = replica.PointInTimeRecoverySpecification;
  if (pitr || previous?.PointInTimeRecoverySpecification) {
    await call('UpdateContinuousBackups', { TableName: arn, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: isTrue(pitr?.PointInTimeRecoveryEnabled) } });
  }
  if (previous && String(previous.DeletionProtectionEnabled) !== String(replica.DeletionProtectionEnabled)) {
    await call('UpdateTable', { TableName: arn, DeletionProtectionEnabled: isTrue(replica.DeletionProtectionEnabled) });
  }
  const tags = new Map(request.stackTags.map((t) => [t.Key, t.Value]));
  for (const t of (replica.Tags ?? []) as Properties[]) tags.set(String(t.Key), String(t.Value));
  const old = ((previous?.Tags ?? []) as Properties[]).map((t) => String(t.Key)).filter((k) => !tags.has(k));
  if (old.length) await call('UntagResource', { ResourceArn: arn, TagKeys: old });
  if (tags.size && (!previous || JSON.stringify(previous.Tags) !== JSON.stringify(replica.Tags))) {
    await call('TagResource', { ResourceArn: arn, Tags: [...tags].map(([Key, Value]) => ({ Key, Value })) });
  }
}

function replicaCreate(replica: Properties) {
  return {
    Create: {
      RegionName: replica.Region,
      KMSMasterKeyId: replica.SSESpecification?.KMSMasterKeyId,
      TableClassOverride: replica.TableClass,
      ProvisionedThroughputOverride: replica.ReadProvisionedThroughputSettings ? { ReadCapacityUnits: Number(replica.ReadProvisionedThroughputSettings.ReadCapacityUnits) } : undefined,
    },
  };
}

async function state(request: ResourceRequest, name: string) {
  const { Table } = await request.call('dynamodb', 'DescribeTable', { TableName: name });
  return { physicalId: name, attributes: { Arn: Table.TableArn, StreamArn: Table.LatestStreamArn, TableId: Table.TableId } };
}

/** What an update can change in place; another property's change is refused rather than ignored. */
const UPDATABLE = new Set(['Replicas', 'TimeToLiveSpecification', 'StreamSpecification']);

/**
 * `AWS::DynamoDB::GlobalTable`: the table in the stack's region (its replica entry gives the local settings) and a
 * replica in each other region, made through DynamoDB's UpdateTable ReplicaUpdates. Ref is the table name; GetAtt
 * Arn and StreamArn (the stack region's) and TableId.
 */
export const globalTable: ResourceType = {
  async create(request) {
    const p = request.properties;
    const local = localReplica(request);
    const name: string = p.TableName ?? request.physicalName({ maxLength: 255 });
    const indexRead = (indexName: string) => ((local.GlobalSecondaryIndexes ?? []) as Properties[]).find((i) => i.IndexName === indexName)?.ReadProvisionedThroughputSettings;
    await request.call('dynamodb', 'CreateTable', {
      TableName: name,
      // AWS's handler passes them ordered by name (its recorded DescribeTable of test_global_table_with_ttl_and_sse).
      AttributeDefinitions: [...((p.AttributeDefinitions ?? []) as Properties[])].sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName))),
      KeySchema: p.KeySchema,
      BillingMode: p.BillingMode ?? 'PROVISIONED',
      ProvisionedThroughput: capacity(p.WriteProvisionedThroughputSettings, local.ReadProvisionedThroughputSettings),
      GlobalSecondaryIndexes: (p.GlobalSecondaryIndexes as Properties[] | undefined)?.map((i) => ({
        ...index(i),
        ProvisionedThroughput: capacity(i.WriteProvisionedThroughputSettings, indexRead(i.IndexName)),
      })),
      LocalSecondaryIndexes: (p.LocalSecondaryIndexes as Properties[] | undefined)?.map(index),
      StreamSpecification: p.StreamSpecification ? { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } : undefined,
      SSESpecification: p.SSESpecification
        ? { Enabled: isTrue(p.SSESpecification.SSEEnabled), SSEType: p.SSESpecification.SSEType, KMSMasterKeyId: local.SSESpecification?.KMSMasterKeyId }
        : undefined,
      TableClass: local.TableClass,
      DeletionProtectionEnabled: local.DeletionProtectionEnabled === undefined ? undefined : isTrue(local.DeletionProtectionEnabled),
    });
    const { physicalId, attributes } = await state(request, name);
    if (p.TimeToLiveSpecification) await timeToLive(request, name, p.TimeToLiveSpecification, undefined);
    const others = replicasOf(p).filter((r) => r !== local);
    if (others.length) await request.call('dynamodb', 'UpdateTable', { TableName: name, ReplicaUpdates: others.map(replicaCreate) });
    for (const replica of replicasOf(p)) await replicaSettings(request, replica, String(attributes.Arn).replace(`:${request.region}:`, `:${replica.Region}:`));
    return { physicalId, attributes: (await state(request, name)).attributes };
  },
  async update(request) {
    const name = request.physicalId;
    const p = request.properties;
    localReplica(request);
    const changed = changedProperties(request.previous, p);
    const fixed = [...changed].filter((key) => !UPDATABLE.has(key));
    if (fixed.length) throw new AwsError('InvalidRequest', `Invalid request provided: twinstack does not update ${fixed.join(', ')} of a global table in place`);
    if (changed.has('StreamSpecification')) {
      const update = p.StreamSpecification ? { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } : { StreamEnabled: false };
      await request.call('dynamodb', 'UpdateTable', { TableName: name, StreamSpecification: update });
    }
    if (changed.has('TimeToLiveSpecification')) await timeToLive(request, name, p.TimeToLiveSpecification, request.previous.TimeToLiveSpecification);
    if (changed.has('Replicas')) {
      const before = replicasOf(request.previous);
      const after = replicasOf(p);
      const removed = before.filter((b) => !after.some((a) => a.Region === b.Region));
      const added = after.filter((a) => !before.some((b) => b.Region === a.Region));
      const updates = [...removed.map((r) => ({ Delete: { RegionName: r.Region } })), ...added.map(replicaCreate)];
      if (updates.length) await request.call('dynamodb', 'UpdateTable', { TableName: name, ReplicaUpdates: updates });
      const arn = String(request.attributes.Arn);
      for (const replica of after) {
        const previous = before.find((b) => b.Region === replica.Region);
        if (!previous || JSON.stringify(previous) !== JSON.stringify(replica)) {
          await replicaSettings(request, replica, arn.replace(`:${request.region}:`, `:${replica.Region}:`), previous ?? undefined);
        }
      }
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
  createOnly: ['TableName', 'KeySchema', 'LocalSecondaryIndexes'],
  properties: [
    'TableName',
    'AttributeDefinitions',
    'KeySchema',
    'BillingMode',
    'GlobalSecondaryIndexes',
    'LocalSecondaryIndexes',
    'Replicas',
    'SSESpecification',
    'StreamSpecification',
    'TimeToLiveSpecification',
    'WriteProvisionedThroughputSettings',
  ],
};
