import { AwsError } from '../../../core/errors.ts';
import { callIn, jsonText, type Properties, type ResourceRequest } from '../../cloudformation/provider.ts';
import { kinesisDestination, type DynamoCall } from './table.ts';

/**
 * The per-replica side of `AWS::DynamoDB::GlobalTable` (AWS's ReplicaSpecification): what DynamoDB keeps per region
 * (read capacity, table class, KMS key, point-in-time recovery, contributor insights, Kinesis streaming, deletion
 * protection, tags, resource policies), each set through DynamoDB's own operation in the replica's region.
 */

export const isTrue = (value: unknown) => String(value) === 'true';
const number = (value: unknown) => (value === undefined ? undefined : Number(value));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export const replicasOf = (p: Properties) => (p.Replicas ?? []) as Properties[];
export const listOf = (value: unknown) => (value ?? []) as Properties[];


/** What twinstack sets (AWS's schema names); a template setting another fails rather than being ignored. */
const REPLICA_PROPERTIES = new Set([
  'Region',
  'ContributorInsightsSpecification',
  'DeletionProtectionEnabled',
  'GlobalSecondaryIndexes',
  'KinesisStreamSpecification',
  'PointInTimeRecoverySpecification',
  'ReadOnDemandThroughputSettings',
  'ReadProvisionedThroughputSettings',
  'ReplicaStreamSpecification',
  'ResourcePolicy',
  'SSESpecification',
  'TableClass',
  'Tags',
]);
const REPLICA_INDEX_PROPERTIES = new Set(['IndexName', 'ContributorInsightsSpecification', 'ReadOnDemandThroughputSettings', 'ReadProvisionedThroughputSettings']);
const INDEX_PROPERTIES = new Set(['IndexName', 'KeySchema', 'Projection', 'WarmThroughput', 'WriteOnDemandThroughputSettings', 'WriteProvisionedThroughputSettings']);

function refuseUnknown(value: Properties, known: Set<string>) {
  const unsupported = Object.keys(value).find((key) => !known.has(key));
  if (unsupported) throw new AwsError('ValidationError', `Encountered unsupported property ${unsupported}`);
}

/** The replica in the stack's region, which holds the table's local settings; AWS's handler refuses a template without it. */
export function localReplica(request: ResourceRequest): Properties {
  for (const replica of replicasOf(request.properties)) {
    refuseUnknown(replica, REPLICA_PROPERTIES);
    for (const index of listOf(replica.GlobalSecondaryIndexes)) refuseUnknown(index, REPLICA_INDEX_PROPERTIES);
  }
  for (const index of listOf(request.properties.GlobalSecondaryIndexes)) refuseUnknown(index, INDEX_PROPERTIES);
  const local = replicasOf(request.properties).find((r) => r.Region === request.region);
  if (!local) throw new AwsError('InvalidRequest', 'Invalid request provided: The Replicas section must contain an entry for the current region');
  return local;
}

/** A CapacityAutoScalingSettings as DynamoDB's AutoScalingSettingsUpdate. */
export function scalingUpdate(settings: Properties | undefined) {
  if (!settings) return undefined;
  const policy = (settings.TargetTrackingScalingPolicyConfiguration ?? {}) as Properties;
  return {
    MinimumUnits: number(settings.MinCapacity),
    MaximumUnits: number(settings.MaxCapacity),
    ScalingPolicyUpdate: {
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: number(policy.TargetValue),
        DisableScaleIn: policy.DisableScaleIn === undefined ? undefined : isTrue(policy.DisableScaleIn),
        ScaleInCooldown: number(policy.ScaleInCooldown),
        ScaleOutCooldown: number(policy.ScaleOutCooldown),
      },
    },
  };
}

/** The units provisioned capacity starts with: the fixed units, else the auto scaling seed, else its minimum. */
export function startingUnits(fixed: unknown, scaling: Properties | undefined): number | undefined {
  return number(fixed ?? scaling?.SeedCapacity ?? scaling?.MinCapacity);
}

/** A replica's (or replica index's) read settings as DynamoDB's overrides of the table's. */
function overrides(settings: Properties) {
  const read = settings.ReadProvisionedThroughputSettings as Properties | undefined;
  const units = startingUnits(read?.ReadCapacityUnits, read?.ReadCapacityAutoScalingSettings);
  const onDemand = settings.ReadOnDemandThroughputSettings as Properties | undefined;
  return {
    ProvisionedThroughputOverride: units === undefined ? undefined : { ReadCapacityUnits: units },
    OnDemandThroughputOverride: onDemand ? { MaxReadRequestUnits: number(onDemand.MaxReadRequestUnits) } : undefined,
  };
}

/** UpdateTable's ReplicaUpdates entry that makes (or changes) a replica in another region. */
export function replicaUpdate(replica: Properties, action: 'Create' | 'Update') {
  const indexes = listOf(replica.GlobalSecondaryIndexes)
    .map((i) => ({ IndexName: i.IndexName, ...overrides(i) }))
    .filter((i) => i.ProvisionedThroughputOverride || i.OnDemandThroughputOverride);
  return {
    [action]: {
      RegionName: replica.Region,
      KMSMasterKeyId: replica.SSESpecification?.KMSMasterKeyId,
      TableClassOverride: replica.TableClass,
      ...overrides(replica),
      GlobalSecondaryIndexes: indexes.length ? indexes : undefined,
    },
  };
}

/** Whether a replica's settings that ReplicaUpdates carries (read capacity, class, KMS key) changed. */
export const overridesChanged = (before: Properties, after: Properties) =>
  ['SSESpecification', 'TableClass', 'ReadProvisionedThroughputSettings', 'ReadOnDemandThroughputSettings', 'GlobalSecondaryIndexes'].some((key) => !same(before[key], after[key]));

/** Read auto scaling of each replica (and its indexes) as UpdateTableReplicaAutoScaling's ReplicaUpdates. */
export function readScalingUpdates(replicas: Properties[]) {
  return replicas
    .map((replica) => {
      const indexes = listOf(replica.GlobalSecondaryIndexes)
        .filter((i) => i.ReadProvisionedThroughputSettings?.ReadCapacityAutoScalingSettings)
        .map((i) => ({ IndexName: i.IndexName, ProvisionedReadCapacityAutoScalingUpdate: scalingUpdate(i.ReadProvisionedThroughputSettings.ReadCapacityAutoScalingSettings) }));
      const own = scalingUpdate(replica.ReadProvisionedThroughputSettings?.ReadCapacityAutoScalingSettings);
      return own || indexes.length
        ? { RegionName: replica.Region, ReplicaProvisionedReadCapacityAutoScalingUpdate: own, ReplicaGlobalSecondaryIndexUpdates: indexes.length ? indexes : undefined }
        : undefined;
    })
    .filter((update) => update !== undefined);
}

async function contributorInsights(call: DynamoCall, table: string, indexName: string | undefined, spec: Properties | undefined, previous: Properties | undefined) {
  // Disabled is the default: a replica that never had insights needs no call.
  if (same(spec, previous) || (!previous && !isTrue(spec?.Enabled))) return;
  await call('UpdateContributorInsights', {
    TableName: table,
    IndexName: indexName,
    ContributorInsightsAction: isTrue(spec?.Enabled) ? 'ENABLE' : 'DISABLE',
    ContributorInsightsMode: isTrue(spec?.Enabled) ? spec?.Mode : undefined,
  });
}

async function resourcePolicy(call: DynamoCall, arn: string, spec: Properties | undefined, previous: Properties | undefined) {
  if (same(spec, previous)) return;
  if (spec) await call('PutResourcePolicy', { ResourceArn: arn, Policy: jsonText(spec.PolicyDocument) });
  else await call('DeleteResourcePolicy', { ResourceArn: arn });
}

async function tags(request: ResourceRequest, call: DynamoCall, arn: string, replica: Properties, previous: Properties | undefined) {
  const wanted = new Map(request.stackTags.map((t) => [t.Key, t.Value]));
  for (const t of listOf(replica.Tags)) wanted.set(String(t.Key), String(t.Value));
  const gone = listOf(previous?.Tags)
    .map((t) => String(t.Key))
    .filter((k) => !wanted.has(k));
  if (gone.length) await call('UntagResource', { ResourceArn: arn, TagKeys: gone });
  if (wanted.size && (!previous || !same(previous.Tags, replica.Tags))) {
    await call('TagResource', { ResourceArn: arn, Tags: [...wanted].map(([Key, Value]) => ({ Key, Value })) });
  }
}

/**
 * Applies one replica's own settings in its region: on creation `previous` is absent (the local replica's deletion
 * protection, class and policy went with CreateTable: `createdWithTable`), on update only what changed is called.
 */
export async function applyReplicaSettings(request: ResourceRequest, table: string, replica: Properties, previous?: Properties, createdWithTable = false) {
  const call: DynamoCall = callIn(request, 'dynamodb', String(replica.Region));
  const { Table: description } = await call('DescribeTable', { TableName: table });
  const arn = String(description.TableArn);
  const pitr = replica.PointInTimeRecoverySpecification as Properties | undefined;
  if (!same(pitr, previous?.PointInTimeRecoverySpecification) && (pitr || previous)) {
    await call('UpdateContinuousBackups', {
      TableName: table,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: isTrue(pitr?.PointInTimeRecoveryEnabled), RecoveryPeriodInDays: number(pitr?.RecoveryPeriodInDays) },
    });
  }
  if (!createdWithTable && String(previous?.DeletionProtectionEnabled ?? false) !== String(replica.DeletionProtectionEnabled ?? false)) {
    await call('UpdateTable', { TableName: table, DeletionProtectionEnabled: isTrue(replica.DeletionProtectionEnabled) });
  }
  await contributorInsights(call, table, undefined, replica.ContributorInsightsSpecification, previous?.ContributorInsightsSpecification);
  for (const index of listOf(replica.GlobalSecondaryIndexes)) {
    const before = listOf(previous?.GlobalSecondaryIndexes).find((i) => i.IndexName === index.IndexName);
    await contributorInsights(call, table, index.IndexName, index.ContributorInsightsSpecification, before?.ContributorInsightsSpecification);
  }
  await kinesisDestination(call, table, replica.KinesisStreamSpecification, previous?.KinesisStreamSpecification);
  if (!createdWithTable) await resourcePolicy(call, arn, replica.ResourcePolicy, previous?.ResourcePolicy);
  const streamPolicy = replica.ReplicaStreamSpecification?.ResourcePolicy as Properties | undefined;
  if (description.LatestStreamArn) await resourcePolicy(call, description.LatestStreamArn, streamPolicy, previous?.ReplicaStreamSpecification?.ResourcePolicy);
  // A stream's policy needs a stream (AWS's schema ties ReplicaStreamSpecification to StreamSpecification; its wording is not recorded).
  else if (streamPolicy) throw new AwsError('InvalidRequest', 'Invalid request provided: ReplicaStreamSpecification requires the table to have a stream (StreamSpecification)');
  await tags(request, call, arn, replica, previous);
}
