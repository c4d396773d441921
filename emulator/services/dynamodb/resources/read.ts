import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import { callIn, type Properties, type ResourceDelete } from '../../cloudformation/provider.ts';
import { givenMembers, jsonAsGiven, templateOrder, templateTags } from '../../cloudformation/read-back.ts';
import type { DynamoCall } from './table.ts';

/*
 * The read handlers of AWS::DynamoDB::Table and AWS::DynamoDB::GlobalTable (drift detection, Cloud Control): the table
 * as DynamoDB describes it, in the template's form. What DynamoDB fills in where the template gave nothing (a
 * provisioned table's zero capacity under on-demand billing, index statistics, a disabled feature's empty answer) is
 * left out, and structures keep only the members the template gave.
 */

const listOf = (value: unknown) => (value ?? []) as Properties[];
const byName = (key: string) => (item: unknown) => String((item as Properties)[key]);
const isOn = (status: string | undefined) => status === 'ENABLED' || status === 'ENABLING' || status === 'ACTIVE';

/** A result of an operation that answers a not-found error when the feature is unset (a resource policy). */
async function unlessMissing<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AwsError && /PolicyNotFound/.test(error.code)) return undefined;
    throw error;
  }
}

const throughput = (t: Properties | undefined) => (t ? { ReadCapacityUnits: t.ReadCapacityUnits, WriteCapacityUnits: t.WriteCapacityUnits } : undefined);
const warmThroughput = (w: Properties | undefined) => (w ? { ReadUnitsPerSecond: w.ReadUnitsPerSecond, WriteUnitsPerSecond: w.WriteUnitsPerSecond } : undefined);
const onDemandThroughput = (o: Properties | undefined) => (o && (o.MaxReadRequestUnits > 0 || o.MaxWriteRequestUnits > 0) ? o : undefined);

/** A key schema or attribute list as the template gives it (DynamoDB answers the same members). */
const keySchema = (keys: Properties[] | undefined) => keys?.map((k) => ({ AttributeName: k.AttributeName, KeyType: k.KeyType }));

function projection(given: Properties | undefined, actual: Properties | undefined) {
  if (!actual) return undefined;
  return { ProjectionType: actual.ProjectionType, NonKeyAttributes: actual.NonKeyAttributes?.length ? templateOrder(given?.NonKeyAttributes, actual.NonKeyAttributes as string[], String) : undefined };
}

/** Secondary indexes in the template's order and form, each with only the members its template entry gave. */
function indexes(given: unknown, actual: Properties[] | undefined, billing: string, form: (index: Properties, spec: Properties | undefined) => Properties) {
  if (!actual?.length) return undefined;
  const specs = listOf(given);
  const read = actual.map((index) => {
    const spec = specs.find((s) => s.IndexName === index.IndexName);
    const full = form(index, spec);
    if (billing !== 'PROVISIONED') delete full.ProvisionedThroughput;
    return givenMembers(spec, full) as Properties;
  });
  return templateOrder(given, read, byName('IndexName'));
}

const secondaryIndex = (index: Properties, spec: Properties | undefined): Properties => ({
  IndexName: index.IndexName,
  KeySchema: keySchema(index.KeySchema),
  Projection: projection(spec?.Projection, index.Projection),
  ProvisionedThroughput: throughput(index.ProvisionedThroughput),
  OnDemandThroughput: onDemandThroughput(index.OnDemandThroughput),
  WarmThroughput: warmThroughput(index.WarmThroughput),
});

/** The KMS key the template named (an id, alias or ARN) while DynamoDB's key ARN is that key's, else the ARN. */
function sameKey(given: unknown, arn: string | undefined): string | undefined {
  if (arn === undefined || typeof given !== 'string') return arn;
  return given === arn || arn.endsWith(`/${given}`) || given.startsWith('alias/') || given.includes(':alias/') ? given : arn;
}

/**
 * What the table's own operations say about its settings in one region: for the properties the template names, or
 * all of them (`everything`: Cloud Control reading a table it did not make, with no template to go by).
 */
async function regionSettings(call: DynamoCall, table: TableDescription, given: Properties, everything: boolean): Promise<Properties> {
  const name = table.TableName!;
  const out: Properties = {};
  const wanted = (property: string) => everything || given[property] !== undefined;
  if (wanted('PointInTimeRecoverySpecification')) {
    const { ContinuousBackupsDescription: backups } = await call('DescribeContinuousBackups', { TableName: name });
    const pitr = backups?.PointInTimeRecoveryDescription;
    out.PointInTimeRecoverySpecification = givenMembers(given.PointInTimeRecoverySpecification, {
      PointInTimeRecoveryEnabled: isOn(pitr?.PointInTimeRecoveryStatus),
      RecoveryPeriodInDays: isOn(pitr?.PointInTimeRecoveryStatus) ? pitr?.RecoveryPeriodInDays : undefined,
    });
  }
  if (wanted('ContributorInsightsSpecification')) {
    const insights = await call('DescribeContributorInsights', { TableName: name });
    out.ContributorInsightsSpecification = givenMembers(given.ContributorInsightsSpecification, { Enabled: isOn(insights.ContributorInsightsStatus), Mode: insights.ContributorInsightsMode });
  }
  if (wanted('KinesisStreamSpecification')) {
    const { KinesisDataStreamDestinations: destinations } = await call('DescribeKinesisStreamingDestination', { TableName: name });
    const active = listOf(destinations).find((d) => isOn(d.DestinationStatus));
    out.KinesisStreamSpecification = active ? givenMembers(given.KinesisStreamSpecification, { StreamArn: active.StreamArn, ApproximateCreationDateTimePrecision: active.ApproximateCreationDateTimePrecision }) : undefined;
  }
  if (wanted('ResourcePolicy')) {
    const policy = await unlessMissing(call('GetResourcePolicy', { ResourceArn: table.TableArn }));
    out.ResourcePolicy = policy ? { PolicyDocument: jsonAsGiven(given.ResourcePolicy?.PolicyDocument, policy.Policy) } : undefined;
  }
  if (wanted('Tags')) {
    const { Tags } = await call('ListTagsOfResource', { ResourceArn: table.TableArn });
    out.Tags = Tags;
  }
  out.TableClass = table.TableClassSummary?.TableClass ?? 'STANDARD';
  out.DeletionProtectionEnabled = table.DeletionProtectionEnabled ?? false;
  return out;
}

/** The table's server-side encryption as the template gives it: on or off, and the KMS key it named. */
function encryption(given: Properties | undefined, sse: TableDescription['SSEDescription']) {
  return givenMembers(given, { SSEEnabled: isOn(sse?.Status), SSEType: sse?.SSEType, KMSMasterKeyId: sameKey(given?.KMSMasterKeyId, sse?.KMSMasterKeyArn) });
}

/** The properties the template form of a table shares between Table and GlobalTable. */
async function common(request: ResourceDelete, call: DynamoCall, table: TableDescription): Promise<Properties> {
  const p = request.properties;
  const billing = table.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  const { TimeToLiveDescription: ttl } = await call('DescribeTimeToLive', { TableName: table.TableName });
  return {
    // Read-only: never in a template (not compared), answered to Cloud Control.
    Arn: table.TableArn,
    StreamArn: table.LatestStreamArn,
    TableName: table.TableName,
    AttributeDefinitions: templateOrder(p.AttributeDefinitions, listOf(table.AttributeDefinitions).map((a) => ({ AttributeName: a.AttributeName, AttributeType: a.AttributeType })), byName('AttributeName')),
    KeySchema: keySchema(table.KeySchema as Properties[]),
    BillingMode: billing,
    LocalSecondaryIndexes: indexes(p.LocalSecondaryIndexes, table.LocalSecondaryIndexes as Properties[], billing, (i, spec) => ({ IndexName: i.IndexName, KeySchema: keySchema(i.KeySchema), Projection: projection(spec?.Projection, i.Projection) })),
    StreamSpecification: table.StreamSpecification?.StreamEnabled ? givenMembers(p.StreamSpecification, { StreamViewType: table.StreamSpecification.StreamViewType }) : undefined,
    SSESpecification: encryption(p.SSESpecification, table.SSEDescription),
    TimeToLiveSpecification: isOn(ttl?.TimeToLiveStatus) ? { AttributeName: ttl.AttributeName, Enabled: true } : p.TimeToLiveSpecification ? givenMembers(p.TimeToLiveSpecification, { AttributeName: p.TimeToLiveSpecification.AttributeName, Enabled: false }) : undefined,
    WarmThroughput: givenMembers(p.WarmThroughput, warmThroughput(table.WarmThroughput as Properties)),
    VectorIndexes: table.VectorIndexes?.length ? templateOrder(p.VectorIndexes, (table.VectorIndexes as Properties[]).map((v) => givenMembers(listOf(p.VectorIndexes).find((s) => s.IndexName === v.IndexName), v) as Properties), byName('IndexName')) : undefined,
  };
}

/** `AWS::DynamoDB::Table`; its ImportSourceSpecification is write-only (not read back). */
export async function readTable(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const call: DynamoCall = (operation, input) => request.call('dynamodb', operation, input);
  const { Table: table } = await call('DescribeTable', { TableName: request.physicalId });
  const billing = table.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  const settings = await regionSettings(call, table, p, !Object.keys(p).length);
  return {
    ...(await common(request, call, table)),
    ...settings,
    Tags: settings.Tags ? templateTags(request, settings.Tags) : undefined,
    ProvisionedThroughput: billing === 'PROVISIONED' ? throughput(table.ProvisionedThroughput) : undefined,
    OnDemandThroughput: givenMembers(p.OnDemandThroughput, onDemandThroughput(table.OnDemandThroughput)),
    GlobalSecondaryIndexes: indexes(p.GlobalSecondaryIndexes, table.GlobalSecondaryIndexes as Properties[], billing, secondaryIndex),
  };
}

/**
 * `AWS::DynamoDB::GlobalTable`: the table in the stack's region, and each replica's own settings in its region
 * (each with the members its template entry gave); GlobalTableSourceArn and auto scaling seeds are write-only.
 */
export async function readGlobalTable(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const call: DynamoCall = (operation, input) => request.call('dynamodb', operation, input);
  const { Table: table } = await call('DescribeTable', { TableName: request.physicalId });
  const billing = table.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  const regions = [request.region, ...listOf(table.Replicas).map((r) => String(r.RegionName)).filter((r) => r !== request.region)];
  const replicas = await Promise.all(
    regions.map(async (Region) => {
      const spec = listOf(p.Replicas).find((r) => r.Region === Region) ?? {};
      const there = callIn(request, 'dynamodb', Region);
      const { Table: replica } = Region === request.region ? { Table: table } : await there('DescribeTable', { TableName: table.TableName });
      const settings = await regionSettings(there, replica, spec, true);
      const own = {
        ...settings,
        Tags: settings.Tags ? templateTags({ properties: spec, stackTags: request.stackTags }, settings.Tags) : undefined,
        SSESpecification: spec.SSESpecification ? givenMembers(spec.SSESpecification, { KMSMasterKeyId: sameKey(spec.SSESpecification.KMSMasterKeyId, replica.SSEDescription?.KMSMasterKeyArn) }) : undefined,
      };
      // Read capacity and its auto scaling per replica are not read back: the template's stand (not compared).
      return { Region, ...Object.fromEntries(Object.keys(spec).filter((k) => k !== 'Region').map((k) => [k, Object.hasOwn(own, k) ? own[k as keyof typeof own] : spec[k]])) };
    }),
  );
  return {
    ...(await common(request, call, table)),
    Replicas: templateOrder(p.Replicas, replicas, byName('Region')),
    GlobalSecondaryIndexes: indexes(p.GlobalSecondaryIndexes, table.GlobalSecondaryIndexes as Properties[], billing, (i) => ({ IndexName: i.IndexName, KeySchema: keySchema(i.KeySchema), Projection: projection(undefined, i.Projection), WarmThroughput: warmThroughput(i.WarmThroughput) })),
    MultiRegionConsistency: table.MultiRegionConsistency ?? 'EVENTUAL',
    WriteOnDemandThroughputSettings: givenMembers(p.WriteOnDemandThroughputSettings, table.OnDemandThroughput?.MaxWriteRequestUnits > 0 ? { MaxWriteRequestUnits: table.OnDemandThroughput.MaxWriteRequestUnits } : undefined),
  };
}
