import {
  keysCased,
  readAccountPolicy,
  readAnomalyDetector,
  readDelivery,
  readDeliveryDestination,
  readDeliverySource,
  readDestination,
  readQueryDefinition,
  readTransformer,
} from './read.ts';
import { jsonText, resourceTags, type Properties, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';

/** Template tags as the Logs APIs take them: a map. */
const tagMap = (request: ResourceRequest) => {
  const tags = resourceTags(request);
  return tags.length ? Object.fromEntries(tags.map((t) => [t.Key, t.Value])) : undefined;
};


/** `AWS::Logs::Destination`: Ref is the destination name; GetAtt Arn. */
const destination: ResourceType = {
  async create(request) {
    const name: string = request.properties.DestinationName;
    return { physicalId: name, attributes: { Arn: await putDestination(request, name, tagMap(request)) } };
  },
  async update(request) {
    return { physicalId: request.physicalId, attributes: { Arn: await putDestination(request, request.physicalId) } };
  },
  async delete(request) {
    await request.call('logs', 'DeleteDestination', { destinationName: request.physicalId });
  },
  read: readDestination,
  createOnly: ['DestinationName'],
  properties: ['DestinationName', 'DestinationPolicy', 'RoleArn', 'Tags', 'TargetArn'],
};

async function putDestination(request: ResourceRequest, name: string, tags?: Record<string, string>): Promise<string> {
  const p = request.properties;
  const { destination: put } = await request.call('logs', 'PutDestination', { destinationName: name, targetArn: p.TargetArn, roleArn: p.RoleArn, tags });
  if (p.DestinationPolicy !== undefined) await request.call('logs', 'PutDestinationPolicy', { destinationName: name, accessPolicy: jsonText(p.DestinationPolicy) });
  return put.arn;
}

/** `AWS::Logs::QueryDefinition`: Ref and GetAtt QueryDefinitionId are the definition's id. */
const queryDefinition: ResourceType = {
  async create(request) {
    const id = await putQueryDefinition(request);
    return { physicalId: id, attributes: { QueryDefinitionId: id } };
  },
  async update(request) {
    await putQueryDefinition(request, request.physicalId);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('logs', 'DeleteQueryDefinition', { queryDefinitionId: request.physicalId });
  },
  read: readQueryDefinition,
  properties: ['LogGroupNames', 'Name', 'Parameters', 'QueryLanguage', 'QueryString'],
};

async function putQueryDefinition(request: ResourceRequest, id?: string): Promise<string> {
  const p = request.properties;
  const put = await request.call('logs', 'PutQueryDefinition', {
    queryDefinitionId: id,
    name: p.Name,
    queryString: p.QueryString,
    logGroupNames: p.LogGroupNames,
    queryLanguage: p.QueryLanguage,
  });
  return put.queryDefinitionId;
}

/** `AWS::Logs::AccountPolicy`: Ref is the account id; the policy is named by its name and type. */
const accountPolicy: ResourceType = {
  async create(request) {
    const put = await putAccountPolicy(request.properties, request);
    return { physicalId: `${request.properties.PolicyType}/${request.properties.PolicyName}`, attributes: { AccountId: put.accountPolicy.accountId } };
  },
  async update(request) {
    await putAccountPolicy(request.properties, request);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('logs', 'DeleteAccountPolicy', { policyName: request.properties.PolicyName, policyType: request.properties.PolicyType });
  },
  read: readAccountPolicy,
  createOnly: ['PolicyName', 'PolicyType'],
  properties: ['PolicyDocument', 'PolicyName', 'PolicyType', 'Scope', 'SelectionCriteria'],
  ref: (state) => String(state.attributes.AccountId),
};

function putAccountPolicy(p: Properties, request: ResourceRequest) {
  return request.call('logs', 'PutAccountPolicy', {
    policyName: p.PolicyName,
    policyDocument: jsonText(p.PolicyDocument),
    policyType: p.PolicyType,
    scope: p.Scope,
    selectionCriteria: p.SelectionCriteria,
  });
}

/** A type named by its `Name` property, put again on every update; the put answers the attributes. */
function namedPut(
  put: (request: ResourceRequest, tags?: Record<string, string>) => Promise<Record<string, unknown>>,
  remove: string,
  read: ResourceType['read'],
  createOnly: string[],
  properties: string[],
): ResourceType {
  return {
    async create(request) {
      return { physicalId: request.properties.Name, attributes: await put(request, tagMap(request)) };
    },
    async update(request) {
      return { physicalId: request.physicalId, attributes: await put(request) };
    },
    async delete(request) {
      await request.call('logs', remove, { name: request.physicalId });
    },
    read,
    createOnly,
    properties,
  };
}

async function putDeliverySource(request: ResourceRequest, tags?: Record<string, string>) {
  const p = request.properties;
  const { deliverySource: put } = await request.call('logs', 'PutDeliverySource', {
    name: p.Name,
    resourceArn: p.ResourceArn,
    logType: p.LogType,
    deliverySourceConfiguration: p.DeliverySourceConfiguration,
    tags,
  });
  return { Arn: put.arn, ResourceArns: put.resourceArns, Service: put.service };
}

async function putDeliveryDestination(request: ResourceRequest, tags?: Record<string, string>) {
  const p = request.properties;
  const { deliveryDestination: put } = await request.call('logs', 'PutDeliveryDestination', {
    name: p.Name,
    outputFormat: p.OutputFormat,
    deliveryDestinationType: p.DeliveryDestinationType,
    deliveryDestinationConfiguration: p.DestinationResourceArn && { destinationResourceArn: p.DestinationResourceArn },
    tags,
  });
  // The template gives the policy as { DeliveryDestinationName, DeliveryDestinationPolicy }.
  const policy = p.DeliveryDestinationPolicy?.DeliveryDestinationPolicy ?? p.DeliveryDestinationPolicy;
  if (policy !== undefined) await request.call('logs', 'PutDeliveryDestinationPolicy', { deliveryDestinationName: p.Name, deliveryDestinationPolicy: jsonText(policy) });
  return { Arn: put.arn, DeliveryDestinationType: put.deliveryDestinationType };
}

/** `AWS::Logs::DeliverySource`: Ref is the name; GetAtt Arn, ResourceArns, Service. */
const deliverySource = namedPut(putDeliverySource, 'DeleteDeliverySource', readDeliverySource, ['Name'], ['DeliverySourceConfiguration', 'LogType', 'Name', 'ResourceArn', 'Tags']);

/** `AWS::Logs::DeliveryDestination`: Ref is the name; GetAtt Arn, DeliveryDestinationType. */
const deliveryDestination = namedPut(putDeliveryDestination, 'DeleteDeliveryDestination', readDeliveryDestination, ['Name', 'OutputFormat', 'DeliveryDestinationType'], [
  'DeliveryDestinationPolicy',
  'DeliveryDestinationType',
  'DestinationResourceArn',
  'Name',
  'OutputFormat',
  'Tags',
]);

const s3Settings = (p: Properties) =>
  p.S3SuffixPath === undefined && p.S3EnableHiveCompatiblePath === undefined ? undefined : { suffixPath: p.S3SuffixPath, enableHiveCompatiblePath: p.S3EnableHiveCompatiblePath };

/** `AWS::Logs::Delivery`: Ref is the delivery id; GetAtt Arn, DeliveryDestinationType, DeliveryId. */
const delivery: ResourceType = {
  async create(request) {
    const p = request.properties;
    const { delivery: created } = await request.call('logs', 'CreateDelivery', {
      deliverySourceName: p.DeliverySourceName,
      deliveryDestinationArn: p.DeliveryDestinationArn,
      recordFields: p.RecordFields,
      fieldDelimiter: p.FieldDelimiter,
      s3DeliveryConfiguration: s3Settings(p),
      tags: tagMap(request),
    });
    return { physicalId: created.id, attributes: { Arn: created.arn, DeliveryDestinationType: created.deliveryDestinationType, DeliveryId: created.id } };
  },
  async update(request) {
    const p = request.properties;
    await request.call('logs', 'UpdateDeliveryConfiguration', { id: request.physicalId, recordFields: p.RecordFields, fieldDelimiter: p.FieldDelimiter, s3DeliveryConfiguration: s3Settings(p) });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('logs', 'DeleteDelivery', { id: request.physicalId });
  },
  read: readDelivery,
  createOnly: ['DeliverySourceName', 'DeliveryDestinationArn'],
  properties: ['DeliveryDestinationArn', 'DeliverySourceName', 'FieldDelimiter', 'RecordFields', 'S3EnableHiveCompatiblePath', 'S3SuffixPath', 'Tags'],
};

/** `AWS::Logs::Transformer`: Ref is the log group identifier. */
const transformer: ResourceType = {
  async create(request) {
    await putTransformer(request);
    return { physicalId: request.properties.LogGroupIdentifier, attributes: {} };
  },
  async update(request) {
    await putTransformer(request);
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('logs', 'DeleteTransformer', { logGroupIdentifier: request.physicalId });
  },
  read: readTransformer,
  createOnly: ['LogGroupIdentifier'],
  properties: ['LogGroupIdentifier', 'TransformerConfig'],
};

function putTransformer(request: ResourceRequest) {
  return request.call('logs', 'PutTransformer', { logGroupIdentifier: request.properties.LogGroupIdentifier, transformerConfig: keysCased(request.properties.TransformerConfig, 'lower') });
}

/** `AWS::Logs::LogAnomalyDetector`: Ref and GetAtt AnomalyDetectorArn are the detector's ARN. */
const anomalyDetector: ResourceType = {
  async create(request) {
    const p = request.properties;
    const { anomalyDetectorArn } = await request.call('logs', 'CreateLogAnomalyDetector', {
      // A log group's GetAtt Arn ends in `:*`, which the API's ARN pattern refuses.
      logGroupArnList: (p.LogGroupArnList as string[] | undefined)?.map((arn) => arn.replace(/:\*$/, '')),
      detectorName: p.DetectorName,
      evaluationFrequency: p.EvaluationFrequency,
      filterPattern: p.FilterPattern,
      kmsKeyId: p.KmsKeyId,
      anomalyVisibilityTime: p.AnomalyVisibilityTime === undefined ? undefined : Number(p.AnomalyVisibilityTime),
    });
    const got = await request.call('logs', 'GetLogAnomalyDetector', { anomalyDetectorArn });
    return { physicalId: anomalyDetectorArn, attributes: { AnomalyDetectorArn: anomalyDetectorArn, CreationTimeStamp: got.creationTimeStamp, LastModifiedTimeStamp: got.lastModifiedTimeStamp } };
  },
  async update(request) {
    const p = request.properties;
    await request.call('logs', 'UpdateLogAnomalyDetector', {
      anomalyDetectorArn: request.physicalId,
      enabled: true,
      evaluationFrequency: p.EvaluationFrequency,
      filterPattern: p.FilterPattern,
      anomalyVisibilityTime: p.AnomalyVisibilityTime === undefined ? undefined : Number(p.AnomalyVisibilityTime),
    });
    const got = await request.call('logs', 'GetLogAnomalyDetector', { anomalyDetectorArn: request.physicalId });
    return { physicalId: request.physicalId, attributes: { ...request.attributes, LastModifiedTimeStamp: got.lastModifiedTimeStamp } };
  },
  async delete(request) {
    await request.call('logs', 'DeleteLogAnomalyDetector', { anomalyDetectorArn: request.physicalId });
  },
  read: readAnomalyDetector,
  createOnly: ['LogGroupArnList', 'DetectorName', 'KmsKeyId'],
  properties: ['AccountId', 'AnomalyVisibilityTime', 'DetectorName', 'EvaluationFrequency', 'FilterPattern', 'KmsKeyId', 'LogGroupArnList'],
};

/** The CloudFormation resource types of CloudWatch Logs' newer features. */
export const moreTypes: ResourceTypes = {
  'AWS::Logs::Destination': destination,
  'AWS::Logs::QueryDefinition': queryDefinition,
  'AWS::Logs::AccountPolicy': accountPolicy,
  'AWS::Logs::DeliverySource': deliverySource,
  'AWS::Logs::DeliveryDestination': deliveryDestination,
  'AWS::Logs::Delivery': delivery,
  'AWS::Logs::Transformer': transformer,
  'AWS::Logs::LogAnomalyDetector': anomalyDetector,
};
