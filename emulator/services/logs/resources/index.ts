import { AwsError } from '../../../core/errors.ts';
import { moreTypes } from './more.ts';
import { readLogStream, readMetricFilter, readResourcePolicy, readSubscriptionFilter } from './read.ts';
import { changedProperties, jsonText, resourceTags, type Properties, type ResourceDelete, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';

async function retention(request: Parameters<ResourceType['create']>[0], name: string) {
  const days = request.properties.RetentionInDays;
  if (days === undefined) await request.call('logs', 'DeleteRetentionPolicy', { logGroupName: name });
  else await request.call('logs', 'PutRetentionPolicy', { logGroupName: name, retentionInDays: Number(days) });
}

type LogGroupSummary = { logGroupName: string; retentionInDays?: number; kmsKeyId?: string; logGroupClass?: string };

function logGroupProperties(group: LogGroupSummary): Properties {
  return { LogGroupName: group.logGroupName, RetentionInDays: group.retentionInDays, KmsKeyId: group.kmsKeyId, LogGroupClass: group.logGroupClass };
}

/** `AWS::Logs::LogGroup`: Ref is the group name; GetAtt Arn (the `:*` form, as CloudFormation gives it). */
const logGroup: ResourceType = {
  async create(request) {
    const name: string = request.properties.LogGroupName ?? request.physicalName({ maxLength: 512 });
    const tags = resourceTags(request);
    await request.call('logs', 'CreateLogGroup', {
      logGroupName: name,
      kmsKeyId: request.properties.KmsKeyId,
      logGroupClass: request.properties.LogGroupClass,
      ...(tags.length ? { tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])) } : {}),
    });
    if (request.properties.RetentionInDays !== undefined) await retention(request, name);
    const { logGroups } = await request.call('logs', 'DescribeLogGroups', { logGroupNamePrefix: name });
    return { physicalId: name, attributes: { Arn: logGroups.find((g: { logGroupName: string }) => g.logGroupName === name).arn } };
  },
  async update(request) {
    if (changedProperties(request.previous, request.properties).has('RetentionInDays')) await retention(request, request.physicalId);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('logs', 'DeleteLogGroup', { logGroupName: request.physicalId });
  },
  async read(request) {
    const { logGroups } = await request.call('logs', 'DescribeLogGroups', { logGroupNamePrefix: request.physicalId });
    const group = logGroups.find((g: { logGroupName: string }) => g.logGroupName === request.physicalId);
    if (!group) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return logGroupProperties(group);
  },
  async list(request) {
    const groups: LogGroupSummary[] = [];
    let nextToken: string | undefined;
    do {
      const page = await request.call<{ logGroups?: LogGroupSummary[]; nextToken?: string }>('logs', 'DescribeLogGroups', { limit: 50, nextToken });
      groups.push(...(page.logGroups ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return groups.map((g) => ({ identifier: { LogGroupName: g.logGroupName }, physicalId: g.logGroupName, properties: logGroupProperties(g) }));
  },
  primaryIdentifier: ['LogGroupName'],
  createOnly: ['LogGroupName', 'KmsKeyId', 'LogGroupClass'],
  properties: ['LogGroupName', 'RetentionInDays', 'KmsKeyId', 'LogGroupClass', 'Tags'],
};

/** A type whose resource is put again by name on every update (metric and subscription filters, policies). */
function putByName(options: {
  name: (p: Properties) => string | undefined;
  maxLength: number;
  put: (request: ResourceRequest, name: string) => Promise<unknown>;
  remove: (request: ResourceDelete) => Promise<unknown>;
  read: (request: ResourceDelete) => Promise<Properties>;
  createOnly: string[];
  properties: string[];
}): ResourceType {
  return {
    async create(request) {
      const name = options.name(request.properties) ?? request.physicalName({ maxLength: options.maxLength });
      await options.put(request, name);
      return { physicalId: name, attributes: {} };
    },
    async update(request) {
      await options.put(request, request.physicalId);
      return { physicalId: request.physicalId, attributes: {} };
    },
    async delete(request) {
      await options.remove(request);
    },
    read: options.read,
    createOnly: options.createOnly,
    properties: options.properties,
  };
}

/** `AWS::Logs::MetricFilter`: Ref is the filter name. */
const metricFilter = putByName({
  name: (p) => p.FilterName,
  maxLength: 512,
  put: (request, name) =>
    request.call('logs', 'PutMetricFilter', {
      logGroupName: request.properties.LogGroupName,
      filterName: name,
      filterPattern: request.properties.FilterPattern,
      applyOnTransformedLogs: request.properties.ApplyOnTransformedLogs,
      fieldSelectionCriteria: request.properties.FieldSelectionCriteria,
      emitSystemFieldDimensions: request.properties.EmitSystemFieldDimensions,
      metricTransformations: ((request.properties.MetricTransformations ?? []) as Properties[]).map((t) => ({
        metricName: t.MetricName,
        metricNamespace: t.MetricNamespace,
        metricValue: t.MetricValue,
        defaultValue: t.DefaultValue === undefined ? undefined : Number(t.DefaultValue),
        unit: t.Unit,
        dimensions: t.Dimensions && Object.fromEntries((t.Dimensions as { Key: string; Value: string }[]).map((d) => [d.Key, d.Value])),
      })),
    }),
  remove: (request) => request.call('logs', 'DeleteMetricFilter', { logGroupName: request.properties.LogGroupName, filterName: request.physicalId }),
  read: readMetricFilter,
  createOnly: ['FilterName', 'LogGroupName'],
  properties: ['ApplyOnTransformedLogs', 'EmitSystemFieldDimensions', 'FieldSelectionCriteria', 'FilterName', 'FilterPattern', 'LogGroupName', 'MetricTransformations'],
});

/** `AWS::Logs::SubscriptionFilter`: Ref is the filter name. */
const subscriptionFilter = putByName({
  name: (p) => p.FilterName,
  maxLength: 512,
  put: (request, name) =>
    request.call('logs', 'PutSubscriptionFilter', {
      logGroupName: request.properties.LogGroupName,
      filterName: name,
      filterPattern: request.properties.FilterPattern,
      destinationArn: request.properties.DestinationArn,
      roleArn: request.properties.RoleArn,
      distribution: request.properties.Distribution,
      applyOnTransformedLogs: request.properties.ApplyOnTransformedLogs,
      fieldSelectionCriteria: request.properties.FieldSelectionCriteria,
      emitSystemFields: request.properties.EmitSystemFields,
    }),
  remove: (request) => request.call('logs', 'DeleteSubscriptionFilter', { logGroupName: request.properties.LogGroupName, filterName: request.physicalId }),
  read: readSubscriptionFilter,
  createOnly: ['FilterName', 'LogGroupName'],
  properties: ['ApplyOnTransformedLogs', 'DestinationArn', 'Distribution', 'EmitSystemFields', 'FieldSelectionCriteria', 'FilterName', 'FilterPattern', 'LogGroupName', 'RoleArn'],
});

/** `AWS::Logs::ResourcePolicy`: Ref is the policy name. */
const resourcePolicy = putByName({
  name: (p) => p.PolicyName,
  maxLength: 255,
  put: (request, name) => request.call('logs', 'PutResourcePolicy', { policyName: name, policyDocument: jsonText(request.properties.PolicyDocument) }),
  remove: (request) => request.call('logs', 'DeleteResourcePolicy', { policyName: request.physicalId }),
  read: readResourcePolicy,
  createOnly: ['PolicyName'],
  properties: ['PolicyDocument', 'PolicyName'],
});

/** `AWS::Logs::LogStream`: Ref is the stream name. */
const logStream: ResourceType = {
  properties: ['LogGroupName', 'LogStreamName'],
  async create(request) {
    const name: string = request.properties.LogStreamName ?? request.physicalName({ maxLength: 512 });
    await request.call('logs', 'CreateLogStream', { logGroupName: request.properties.LogGroupName, logStreamName: name });
    return { physicalId: name, attributes: {} };
  },
  async delete(request) {
    await request.call('logs', 'DeleteLogStream', { logGroupName: request.properties.LogGroupName, logStreamName: request.physicalId });
  },
  read: readLogStream,
};

/** The CloudFormation resource types of CloudWatch Logs. */
const types: ResourceTypes = {
  'AWS::Logs::LogGroup': logGroup,
  'AWS::Logs::LogStream': logStream,
  'AWS::Logs::MetricFilter': metricFilter,
  'AWS::Logs::SubscriptionFilter': subscriptionFilter,
  'AWS::Logs::ResourcePolicy': resourcePolicy,
  ...moreTypes,
};

export default types;
