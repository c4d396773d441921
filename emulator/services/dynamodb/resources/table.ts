import { changedProperties, jsonText, resourceTags, type Properties, type ResourceRequest, type ResourceType, type ResourceUpdate } from '../../cloudformation/provider.ts';
import { readTable } from './read.ts';

function throughput(t: Properties | undefined) {
  return t ? { ReadCapacityUnits: Number(t.ReadCapacityUnits), WriteCapacityUnits: Number(t.WriteCapacityUnits) } : undefined;
}

export function index(i: Properties) {
  return { IndexName: i.IndexName, KeySchema: i.KeySchema, Projection: i.Projection, ProvisionedThroughput: throughput(i.ProvisionedThroughput) };
}

/** A vector index as CreateTable and VectorIndexUpdates take it (template numbers may come as strings). */
export function vectorIndex(i: Properties) {
  return {
    IndexName: i.IndexName,
    VectorAttribute: i.VectorAttribute,
    SearchSchema: i.SearchSchema,
    Projection: i.Projection,
    Dimensions: Number(i.Dimensions),
    DistanceFunction: i.DistanceFunction,
  };
}

/**
 * VectorIndexes changes as VectorIndexUpdates: indexes gone from the template are deleted, new ones created. An index's
 * settings cannot change (the schema's "Updates are not supported"): a changed one is deleted and made again, which
 * DynamoDB refuses in one update like any two index changes.
 */
export function vectorIndexUpdates(before: Properties[] | undefined, after: Properties[] | undefined) {
  const same = (a: Properties, b: Properties) => JSON.stringify(vectorIndex(a)) === JSON.stringify(vectorIndex(b));
  const old = before ?? [];
  const wanted = after ?? [];
  return [
    ...old.filter((b) => !wanted.some((a) => same(a, b))).map((b) => ({ Delete: { IndexName: b.IndexName } })),
    ...wanted.filter((a) => !old.some((b) => same(a, b))).map((a) => ({ Create: vectorIndex(a) })),
  ];
}

const warmThroughput = (w: Properties | undefined) =>
  w ? { ReadUnitsPerSecond: w.ReadUnitsPerSecond === undefined ? undefined : Number(w.ReadUnitsPerSecond), WriteUnitsPerSecond: w.WriteUnitsPerSecond === undefined ? undefined : Number(w.WriteUnitsPerSecond) } : undefined;

const onDemandThroughput = (o: Properties | undefined) =>
  o ? { MaxReadRequestUnits: o.MaxReadRequestUnits === undefined ? undefined : Number(o.MaxReadRequestUnits), MaxWriteRequestUnits: o.MaxWriteRequestUnits === undefined ? undefined : Number(o.MaxWriteRequestUnits) } : undefined;

async function read(request: ResourceRequest, name: string) {
  const { Table } = await request.call('dynamodb', 'DescribeTable', { TableName: name });
  return { physicalId: name, attributes: { Arn: Table.TableArn, StreamArn: Table.LatestStreamArn } };
}

export async function timeToLive(request: ResourceRequest, name: string, spec: Properties | undefined, previous: Properties | undefined) {
  if (spec) await request.call('dynamodb', 'UpdateTimeToLive', { TableName: name, TimeToLiveSpecification: { AttributeName: spec.AttributeName, Enabled: String(spec.Enabled) === 'true' } });
  else if (previous && String(previous.Enabled) === 'true') {
    await request.call('dynamodb', 'UpdateTimeToLive', { TableName: name, TimeToLiveSpecification: { AttributeName: previous.AttributeName, Enabled: false } });
  }
}

/** One DynamoDB operation as the stack's caller (in the stack's region, or a global table replica's). */
export type DynamoCall = (operation: string, input: object) => Promise<Properties>;

/** KinesisStreamSpecification: the table's Kinesis streaming destination, moved when its stream changes. */
export async function kinesisDestination(call: DynamoCall, name: string, spec: Properties | undefined, previous: Properties | undefined) {
  if (previous && previous.StreamArn !== spec?.StreamArn) await call('DisableKinesisStreamingDestination', { TableName: name, StreamArn: previous.StreamArn });
  if (!spec || previous?.StreamArn === spec.StreamArn) return;
  const precision = spec.ApproximateCreationDateTimePrecision;
  await call('EnableKinesisStreamingDestination', {
    TableName: name,
    StreamArn: spec.StreamArn,
    ...(precision ? { EnableKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: precision } } : {}),
  });
}

const dynamodb = (request: ResourceRequest): DynamoCall => (operation, input) => request.call('dynamodb', operation, input);

const isTrue = (value: unknown) => String(value) === 'true';

function pointInTimeRecovery(request: ResourceRequest, name: string) {
  const spec = request.properties.PointInTimeRecoverySpecification;
  return request.call('dynamodb', 'UpdateContinuousBackups', {
    TableName: name,
    PointInTimeRecoverySpecification: {
      PointInTimeRecoveryEnabled: isTrue(spec?.PointInTimeRecoveryEnabled),
      RecoveryPeriodInDays: isTrue(spec?.PointInTimeRecoveryEnabled) && spec?.RecoveryPeriodInDays !== undefined ? Number(spec.RecoveryPeriodInDays) : undefined,
    },
  });
}

function contributorInsights(request: ResourceRequest, name: string) {
  const spec = request.properties.ContributorInsightsSpecification;
  return request.call('dynamodb', 'UpdateContributorInsights', { TableName: name, ContributorInsightsAction: isTrue(spec?.Enabled) ? 'ENABLE' : 'DISABLE', ContributorInsightsMode: isTrue(spec?.Enabled) ? spec?.Mode : undefined });
}

/** The settings DynamoDB keeps outside UpdateTable's main input, changed in place with their own operations. */
async function updateSettings(request: ResourceUpdate, changed: Set<string>) {
  const name = request.physicalId;
  const p = request.properties;
  if (changed.has('PointInTimeRecoverySpecification')) await pointInTimeRecovery(request, name);
  if (changed.has('ContributorInsightsSpecification')) await contributorInsights(request, name);
  if (changed.has('SSESpecification')) {
    const sse = p.SSESpecification;
    await request.call('dynamodb', 'UpdateTable', { TableName: name, SSESpecification: { Enabled: isTrue(sse?.SSEEnabled), SSEType: isTrue(sse?.SSEEnabled) ? sse?.SSEType : undefined, KMSMasterKeyId: sse?.KMSMasterKeyId } });
  }
  if (changed.has('TableClass')) await request.call('dynamodb', 'UpdateTable', { TableName: name, TableClass: p.TableClass ?? 'STANDARD' });
  const arn = String(request.attributes.Arn);
  if (changed.has('ResourcePolicy')) {
    if (p.ResourcePolicy) await request.call('dynamodb', 'PutResourcePolicy', { ResourceArn: arn, Policy: jsonText(p.ResourcePolicy.PolicyDocument) });
    else await request.call('dynamodb', 'DeleteResourcePolicy', { ResourceArn: arn });
  }
  if (changed.has('Tags')) {
    const kept = new Set(resourceTags(request).map((t) => t.Key));
    const gone = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key).filter((key) => !kept.has(key));
    if (gone.length) await request.call('dynamodb', 'UntagResource', { ResourceArn: arn, TagKeys: gone });
    if (kept.size) await request.call('dynamodb', 'TagResource', { ResourceArn: arn, Tags: resourceTags(request) });
  }
}

/** `AWS::DynamoDB::Table`: Ref is the table name; GetAtt Arn, StreamArn. */
export const table: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.TableName ?? request.physicalName({ maxLength: 255 });
    const tags = resourceTags(request);
    await request.call('dynamodb', 'CreateTable', {
      TableName: name,
      AttributeDefinitions: p.AttributeDefinitions,
      KeySchema: p.KeySchema,
      BillingMode: p.BillingMode,
      ProvisionedThroughput: throughput(p.ProvisionedThroughput),
      GlobalSecondaryIndexes: p.GlobalSecondaryIndexes?.map(index),
      LocalSecondaryIndexes: p.LocalSecondaryIndexes?.map(index),
      StreamSpecification: p.StreamSpecification ? { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } : undefined,
      SSESpecification: p.SSESpecification ? { Enabled: String(p.SSESpecification.SSEEnabled) === 'true', SSEType: p.SSESpecification.SSEType, KMSMasterKeyId: p.SSESpecification.KMSMasterKeyId } : undefined,
      TableClass: p.TableClass,
      DeletionProtectionEnabled: p.DeletionProtectionEnabled === undefined ? undefined : String(p.DeletionProtectionEnabled) === 'true',
      VectorIndexes: p.VectorIndexes?.map(vectorIndex),
      WarmThroughput: warmThroughput(p.WarmThroughput),
      OnDemandThroughput: onDemandThroughput(p.OnDemandThroughput),
      ResourcePolicy: p.ResourcePolicy ? jsonText(p.ResourcePolicy.PolicyDocument) : undefined,
      ...(tags.length ? { Tags: tags } : {}),
    });
    if (p.TimeToLiveSpecification) await timeToLive(request, name, p.TimeToLiveSpecification, undefined);
    if (p.KinesisStreamSpecification) await kinesisDestination(dynamodb(request), name, p.KinesisStreamSpecification, undefined);
    if (p.PointInTimeRecoverySpecification) await pointInTimeRecovery(request, name);
    if (p.ContributorInsightsSpecification) await contributorInsights(request, name);
    return read(request, name);
  },
  async update(request) {
    const name = request.physicalId;
    const p = request.properties;
    const changed = changedProperties(request.previous, p);
    const update: Properties = {};
    if (changed.has('BillingMode')) update.BillingMode = p.BillingMode ?? 'PROVISIONED';
    if (changed.has('ProvisionedThroughput') || changed.has('BillingMode')) update.ProvisionedThroughput = throughput(p.ProvisionedThroughput);
    if (changed.has('StreamSpecification')) update.StreamSpecification = p.StreamSpecification ? { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } : { StreamEnabled: false };
    if (changed.has('DeletionProtectionEnabled')) update.DeletionProtectionEnabled = String(p.DeletionProtectionEnabled) === 'true';
    if (changed.has('AttributeDefinitions')) update.AttributeDefinitions = p.AttributeDefinitions;
    if (changed.has('GlobalSecondaryIndexes')) {
      const before = (request.previous.GlobalSecondaryIndexes ?? []) as Properties[];
      const after = (p.GlobalSecondaryIndexes ?? []) as Properties[];
      update.GlobalSecondaryIndexUpdates = [
        ...before.filter((b) => !after.some((a) => a.IndexName === b.IndexName)).map((b) => ({ Delete: { IndexName: b.IndexName } })),
        ...after.filter((a) => !before.some((b) => b.IndexName === a.IndexName)).map((a) => ({ Create: index(a) })),
      ];
      update.AttributeDefinitions = p.AttributeDefinitions;
    }
    if (changed.has('WarmThroughput') && p.WarmThroughput) update.WarmThroughput = warmThroughput(p.WarmThroughput);
    if (changed.has('OnDemandThroughput')) update.OnDemandThroughput = onDemandThroughput(p.OnDemandThroughput) ?? { MaxReadRequestUnits: -1, MaxWriteRequestUnits: -1 };
    if (Object.keys(update).length) await request.call('dynamodb', 'UpdateTable', { TableName: name, ...update });
    if (changed.has('VectorIndexes')) {
      const updates = vectorIndexUpdates(request.previous.VectorIndexes, p.VectorIndexes);
      if (updates.length) await request.call('dynamodb', 'UpdateTable', { TableName: name, AttributeDefinitions: p.AttributeDefinitions, VectorIndexUpdates: updates });
    }
    if (changed.has('TimeToLiveSpecification')) await timeToLive(request, name, p.TimeToLiveSpecification, request.previous.TimeToLiveSpecification);
    if (changed.has('KinesisStreamSpecification')) await kinesisDestination(dynamodb(request), name, p.KinesisStreamSpecification, request.previous.KinesisStreamSpecification);
    await updateSettings(request, changed);
    return read(request, name);
  },
  async delete(request) {
    await request.call('dynamodb', 'DeleteTable', { TableName: request.physicalId });
  },
  read: readTable,
  async list(request) {
    const names: string[] = [];
    let ExclusiveStartTableName: string | undefined;
    do {
      const page = await request.call<{ TableNames?: string[]; LastEvaluatedTableName?: string }>('dynamodb', 'ListTables', { ExclusiveStartTableName });
      names.push(...(page.TableNames ?? []));
      ExclusiveStartTableName = page.LastEvaluatedTableName;
    } while (ExclusiveStartTableName);
    return Promise.all(
      names.map(async (name) => {
        const { Table } = await request.call('dynamodb', 'DescribeTable', { TableName: name });
        const billing = Table.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
        const capacity = Table.ProvisionedThroughput;
        const properties: Properties = { TableName: name, KeySchema: Table.KeySchema, AttributeDefinitions: Table.AttributeDefinitions, BillingMode: billing };
        if (billing === 'PROVISIONED' && capacity) properties.ProvisionedThroughput = { ReadCapacityUnits: capacity.ReadCapacityUnits, WriteCapacityUnits: capacity.WriteCapacityUnits };
        return { identifier: { TableName: name }, physicalId: name, properties };
      }),
    );
  },
  primaryIdentifier: ['TableName'],
  createOnly: ['TableName', 'KeySchema', 'LocalSecondaryIndexes'],
  // AWS's schema has ImportSourceSpecification too: not made here, so a template setting it fails rather than being ignored.
  properties: [
    'TableName',
    'AttributeDefinitions',
    'KeySchema',
    'BillingMode',
    'ProvisionedThroughput',
    'OnDemandThroughput',
    'WarmThroughput',
    'GlobalSecondaryIndexes',
    'LocalSecondaryIndexes',
    'VectorIndexes',
    'StreamSpecification',
    'SSESpecification',
    'TableClass',
    'DeletionProtectionEnabled',
    'ResourcePolicy',
    'TimeToLiveSpecification',
    'KinesisStreamSpecification',
    'PointInTimeRecoverySpecification',
    'ContributorInsightsSpecification',
    'Tags',
  ],
};
