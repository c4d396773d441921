import { setTimeout as sleep } from 'node:timers/promises';
import { AwsError } from '../../../core/errors.ts';
import { changedProperties, resourceTags, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { layerVersionOf } from './layer-arn.ts';
import { readAlias, readEventSourceMapping, readLayerVersion, readUrl, readVersion } from './read.ts';

/** How long a version's or alias's provisioned concurrency may take to start its environments. */
const PROVISIONING_LIMIT_MS = 120_000;
const PROVISIONING_POLL_MS = 100;

/**
 * A `ProvisionedConcurrencyConfig` applied to a version or alias: CloudFormation finishes the resource only once the
 * environments are READY (LocalStack's AWS-validated test_lambda_version_provisioned_concurrency finds them so).
 */
async function provision(request: ResourceRequest, FunctionName: string, Qualifier: string, config: Properties | undefined) {
  if (!config) return;
  await request.call('lambda', 'PutProvisionedConcurrencyConfig', { FunctionName, Qualifier, ProvisionedConcurrentExecutions: Number(config.ProvisionedConcurrentExecutions) });
  const deadline = performance.now() + PROVISIONING_LIMIT_MS;
  for (;;) {
    const { Status } = await request.call('lambda', 'GetProvisionedConcurrencyConfig', { FunctionName, Qualifier });
    if (Status === 'READY') return;
    if (performance.now() > deadline) throw new AwsError('InvalidRequest', `Provisioned concurrency of ${Qualifier} is ${Status} after ${PROVISIONING_LIMIT_MS / 1000} seconds`);
    await sleep(PROVISIONING_POLL_MS);
  }
}

/** `AWS::Lambda::Version`: publishes a version; Ref is its ARN; GetAtt Version. */
export const version: ResourceType = {
  async create(request) {
    const p = request.properties;
    const out = await request.call('lambda', 'PublishVersion', { FunctionName: p.FunctionName, Description: p.Description, CodeSha256: p.CodeSha256 });
    await provision(request, out.FunctionArn, out.Version, p.ProvisionedConcurrencyConfig);
    return { physicalId: out.FunctionArn, attributes: { Version: out.Version, FunctionArn: out.FunctionArn } };
  },
  async delete(request) {
    if (request.properties.ProvisionedConcurrencyConfig) {
      await request.call('lambda', 'DeleteProvisionedConcurrencyConfig', { FunctionName: request.properties.FunctionName, Qualifier: request.attributes.Version });
    }
    await request.call('lambda', 'DeleteFunction', { FunctionName: request.physicalId });
  },
  read: readVersion,
  properties: ['FunctionName', 'Description', 'CodeSha256', 'ProvisionedConcurrencyConfig'],
};

/** `AWS::Lambda::Alias`: Ref is the alias ARN; GetAtt AliasArn. */
export const alias: ResourceType = {
  async create(request) {
    const p = request.properties;
    const out = await request.call('lambda', 'CreateAlias', {
      FunctionName: p.FunctionName,
      Name: p.Name,
      FunctionVersion: p.FunctionVersion,
      Description: p.Description,
      RoutingConfig: p.RoutingConfig,
    });
    await provision(request, p.FunctionName, p.Name, p.ProvisionedConcurrencyConfig);
    return { physicalId: out.AliasArn, attributes: { AliasArn: out.AliasArn } };
  },
  async update(request) {
    const p = request.properties;
    const changed = changedProperties(request.previous, p);
    if ([...changed].some((name) => name !== 'ProvisionedConcurrencyConfig')) {
      await request.call('lambda', 'UpdateAlias', { FunctionName: p.FunctionName, Name: p.Name, FunctionVersion: p.FunctionVersion, Description: p.Description ?? '', RoutingConfig: p.RoutingConfig ?? {} });
    }
    if (changed.has('ProvisionedConcurrencyConfig')) {
      if (p.ProvisionedConcurrencyConfig) await provision(request, p.FunctionName, p.Name, p.ProvisionedConcurrencyConfig);
      else await request.call('lambda', 'DeleteProvisionedConcurrencyConfig', { FunctionName: p.FunctionName, Qualifier: p.Name });
    }
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('lambda', 'DeleteAlias', { FunctionName: request.properties.FunctionName, Name: request.properties.Name });
  },
  read: readAlias,
  createOnly: ['FunctionName', 'Name'],
  properties: ['FunctionName', 'Name', 'FunctionVersion', 'Description', 'RoutingConfig', 'ProvisionedConcurrencyConfig'],
};

/** `AWS::Lambda::Url`: Ref is the function ARN; GetAtt FunctionArn, FunctionUrl. */
export const url: ResourceType = {
  async create(request) {
    const p = request.properties;
    const out = await request.call('lambda', 'CreateFunctionUrlConfig', { FunctionName: p.TargetFunctionArn, Qualifier: p.Qualifier, AuthType: p.AuthType, Cors: p.Cors, InvokeMode: p.InvokeMode });
    return { physicalId: out.FunctionArn, attributes: { FunctionArn: out.FunctionArn, FunctionUrl: out.FunctionUrl } };
  },
  async update(request) {
    const p = request.properties;
    const out = await request.call('lambda', 'UpdateFunctionUrlConfig', { FunctionName: p.TargetFunctionArn, Qualifier: p.Qualifier, AuthType: p.AuthType, Cors: p.Cors ?? {}, InvokeMode: p.InvokeMode });
    return { physicalId: request.physicalId, attributes: { FunctionArn: out.FunctionArn, FunctionUrl: out.FunctionUrl } };
  },
  async delete(request) {
    await request.call('lambda', 'DeleteFunctionUrlConfig', { FunctionName: request.properties.TargetFunctionArn, Qualifier: request.properties.Qualifier });
  },
  read: readUrl,
  properties: ['TargetFunctionArn', 'Qualifier', 'AuthType', 'InvokeMode', 'Cors'],
  createOnly: ['TargetFunctionArn', 'Qualifier'],
};

/** `AWS::Lambda::LayerVersion`: Ref is the layer version ARN. */
export const layerVersion: ResourceType = {
  async create(request) {
    const p = request.properties;
    const out = await request.call('lambda', 'PublishLayerVersion', {
      LayerName: p.LayerName ?? request.physicalName({ maxLength: 64 }),
      Description: p.Description,
      Content: { S3Bucket: p.Content?.S3Bucket, S3Key: p.Content?.S3Key, S3ObjectVersion: p.Content?.S3ObjectVersion },
      CompatibleRuntimes: p.CompatibleRuntimes,
      CompatibleArchitectures: p.CompatibleArchitectures,
      LicenseInfo: p.LicenseInfo,
    });
    return { physicalId: out.LayerVersionArn, attributes: { LayerVersionArn: out.LayerVersionArn } };
  },
  async delete(request) {
    await request.call('lambda', 'DeleteLayerVersion', layerVersionOf(request.physicalId));
  },
  read: readLayerVersion,
  properties: ['LayerName', 'Description', 'Content', 'CompatibleRuntimes', 'CompatibleArchitectures', 'LicenseInfo'],
};

function optionalNumber(value: unknown): number | undefined {
  return value === undefined ? undefined : Number(value);
}

const optionalFlag = (value: unknown) => (value === undefined ? undefined : String(value) === 'true');

/** What a mapping's create and update calls share (UpdateEventSourceMapping's members, by the template's names). */
function mappingSettings(p: Properties) {
  return {
    FunctionName: p.FunctionName,
    BatchSize: optionalNumber(p.BatchSize),
    Enabled: optionalFlag(p.Enabled),
    FilterCriteria: p.FilterCriteria,
    MaximumBatchingWindowInSeconds: optionalNumber(p.MaximumBatchingWindowInSeconds),
    FunctionResponseTypes: p.FunctionResponseTypes,
    ScalingConfig: p.ScalingConfig,
    MaximumRetryAttempts: optionalNumber(p.MaximumRetryAttempts),
    MaximumRecordAgeInSeconds: optionalNumber(p.MaximumRecordAgeInSeconds),
    TumblingWindowInSeconds: optionalNumber(p.TumblingWindowInSeconds),
    BisectBatchOnFunctionError: optionalFlag(p.BisectBatchOnFunctionError),
    DestinationConfig: p.DestinationConfig,
    ParallelizationFactor: optionalNumber(p.ParallelizationFactor),
    SourceAccessConfigurations: p.SourceAccessConfigurations,
    KMSKeyArn: p.KmsKeyArn,
    MetricsConfig: p.MetricsConfig,
    LoggingConfig: p.LoggingConfig,
    ProvisionedPollerConfig: p.ProvisionedPollerConfig,
    AmazonManagedKafkaEventSourceConfig: p.AmazonManagedKafkaEventSourceConfig,
    SelfManagedKafkaEventSourceConfig: p.SelfManagedKafkaEventSourceConfig,
    DocumentDBEventSourceConfig: p.DocumentDBEventSourceConfig,
  };
}

/** The mapping's tags (its own, the stack's and CloudFormation's) as Lambda's map, or none. */
function tagMap(request: ResourceRequest): Record<string, string> | undefined {
  const tags = resourceTags(request);
  return tags.length ? Object.fromEntries(tags.map((t) => [t.Key, t.Value])) : undefined;
}

/** `AWS::Lambda::EventSourceMapping`: Ref is the mapping's UUID. */
export const eventSourceMapping: ResourceType = {
  async create(request) {
    const p = request.properties;
    const out = await request.call('lambda', 'CreateEventSourceMapping', {
      ...mappingSettings(p),
      EventSourceArn: p.EventSourceArn,
      StartingPosition: p.StartingPosition,
      // CloudFormation's timestamp is in seconds since the epoch.
      StartingPositionTimestamp: p.StartingPositionTimestamp === undefined ? undefined : new Date(Number(p.StartingPositionTimestamp) * 1000),
      Topics: p.Topics,
      Queues: p.Queues,
      // CloudFormation names the bootstrap servers KafkaBootstrapServers, Lambda's API KAFKA_BOOTSTRAP_SERVERS.
      SelfManagedEventSource: p.SelfManagedEventSource && { Endpoints: { KAFKA_BOOTSTRAP_SERVERS: p.SelfManagedEventSource.Endpoints?.KafkaBootstrapServers } },
      Tags: tagMap(request),
    });
    return { physicalId: out.UUID, attributes: { Id: out.UUID, EventSourceMappingArn: out.EventSourceMappingArn } };
  },
  async update(request) {
    const p = request.properties;
    await request.call('lambda', 'UpdateEventSourceMapping', { ...mappingSettings(p), UUID: request.physicalId, Enabled: p.Enabled === undefined ? true : String(p.Enabled) === 'true' });
    if (changedProperties(request.previous, p).has('Tags')) {
      const Resource = request.attributes.EventSourceMappingArn as string;
      const kept = new Set(resourceTags(request).map((t) => t.Key));
      const gone = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key).filter((key) => !kept.has(key));
      if (gone.length) await request.call('lambda', 'UntagResource', { Resource, TagKeys: gone });
      const Tags = tagMap(request);
      if (Tags) await request.call('lambda', 'TagResource', { Resource, Tags });
    }
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('lambda', 'DeleteEventSourceMapping', { UUID: request.physicalId });
  },
  read: readEventSourceMapping,
  properties: [
    'FunctionName',
    'EventSourceArn',
    'StartingPosition',
    'StartingPositionTimestamp',
    'Topics',
    'Queues',
    'SelfManagedEventSource',
    'Tags',
    'BatchSize',
    'Enabled',
    'FilterCriteria',
    'MaximumBatchingWindowInSeconds',
    'FunctionResponseTypes',
    'ScalingConfig',
    'MaximumRetryAttempts',
    'MaximumRecordAgeInSeconds',
    'TumblingWindowInSeconds',
    'BisectBatchOnFunctionError',
    'DestinationConfig',
    'ParallelizationFactor',
    'SourceAccessConfigurations',
    'KmsKeyArn',
    'MetricsConfig',
    'LoggingConfig',
    'ProvisionedPollerConfig',
    'AmazonManagedKafkaEventSourceConfig',
    'SelfManagedKafkaEventSourceConfig',
    'DocumentDBEventSourceConfig',
  ],
  createOnly: ['EventSourceArn', 'StartingPosition', 'StartingPositionTimestamp', 'SelfManagedEventSource'],
};
