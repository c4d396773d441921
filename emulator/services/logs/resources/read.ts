import type {
  AccountPolicy,
  Delivery,
  DeliveryDestination,
  DeliverySource,
  Destination,
  GetLogAnomalyDetectorResponse,
  LogStream,
  MetricFilter,
  QueryDefinition,
  ResourcePolicy,
  SubscriptionFilter,
} from '@aws-sdk/client-cloudwatch-logs';
import { notFound } from '../errors.ts';
import type { Properties, ResourceDelete } from '../../cloudformation/provider.ts';
import { jsonAsGiven, templateOrder, templateTags } from '../../cloudformation/read-back.ts';

/*
 * The Logs types' read handlers: each resource as AWS's resource schema has it, in the template's form. Logs answers
 * lists (Describe*) for most of them; a name missing from the list is the resource gone.
 */

type Request = ResourceDelete;

/**
 * The parent log group and the resource's own name: a stack holds the name as the physical id and the group in its
 * properties; Cloud Control names the resource by its primary identifier's values joined with `|`.
 */
function groupAndName(request: Request, groupFirst: boolean): { group: string; name: string } {
  const group = request.properties.LogGroupName as string | undefined;
  if (group !== undefined) return { group, name: request.physicalId };
  const at = groupFirst ? request.physicalId.indexOf('|') : request.physicalId.lastIndexOf('|');
  if (at < 0) throw notFound(`Resource of type '${request.resourceType}' with identifier '${request.physicalId}' was not found.`);
  const [first, second] = [request.physicalId.slice(0, at), request.physicalId.slice(at + 1)];
  return groupFirst ? { group: first, name: second } : { group: second, name: first };
}

/** Logs takes tags as a map; the template gives a Key/Value list. */
async function tagsOf(request: Request, arn: string | undefined, known?: Record<string, string>) {
  if (!arn) return undefined;
  const tags = known ?? (await request.call<{ tags?: Record<string, string> }>('logs', 'ListTagsForResource', { resourceArn: arn })).tags;
  return templateTags(request, tags);
}

export async function readMetricFilter(request: Request): Promise<Properties> {
  const { group, name } = groupAndName(request, true);
  const { metricFilters } = await request.call<{ metricFilters?: MetricFilter[] }>('logs', 'DescribeMetricFilters', { logGroupName: group, filterNamePrefix: name });
  const filter = metricFilters?.find((f) => f.filterName === name);
  if (!filter) throw notFound('The specified metric filter does not exist.');
  const given = (request.properties.MetricTransformations ?? []) as Properties[];
  return {
    FilterName: filter.filterName,
    LogGroupName: filter.logGroupName,
    FilterPattern: filter.filterPattern,
    ApplyOnTransformedLogs: filter.applyOnTransformedLogs,
    FieldSelectionCriteria: filter.fieldSelectionCriteria,
    EmitSystemFieldDimensions: filter.emitSystemFieldDimensions,
    MetricTransformations: filter.metricTransformations?.map((t, i) => ({
      MetricName: t.metricName,
      MetricNamespace: t.metricNamespace,
      MetricValue: t.metricValue,
      DefaultValue: t.defaultValue,
      Unit: t.unit,
      Dimensions: t.dimensions && templateOrder(given[i]?.Dimensions, Object.entries(t.dimensions).map(([Key, Value]) => ({ Key, Value })), (d) => (d as { Key: string }).Key),
    })),
  };
}

export async function readSubscriptionFilter(request: Request): Promise<Properties> {
  const { group, name } = groupAndName(request, false);
  const { subscriptionFilters } = await request.call<{ subscriptionFilters?: SubscriptionFilter[] }>('logs', 'DescribeSubscriptionFilters', { logGroupName: group, filterNamePrefix: name });
  const filter = subscriptionFilters?.find((f) => f.filterName === name);
  if (!filter) throw notFound('The specified subscription filter does not exist.');
  return {
    FilterName: filter.filterName,
    LogGroupName: filter.logGroupName,
    FilterPattern: filter.filterPattern,
    DestinationArn: filter.destinationArn,
    RoleArn: filter.roleArn,
    Distribution: filter.distribution,
    ApplyOnTransformedLogs: filter.applyOnTransformedLogs,
    FieldSelectionCriteria: filter.fieldSelectionCriteria,
    EmitSystemFields: filter.emitSystemFields,
  };
}

export async function readLogStream(request: Request): Promise<Properties> {
  const { group, name } = groupAndName(request, true);
  const { logStreams } = await request.call<{ logStreams?: LogStream[] }>('logs', 'DescribeLogStreams', { logGroupName: group, logStreamNamePrefix: name });
  if (!logStreams?.some((s) => s.logStreamName === name)) throw notFound('The specified log stream does not exist.');
  return { LogGroupName: group, LogStreamName: name };
}

export async function readResourcePolicy(request: Request): Promise<Properties> {
  const policies: ResourcePolicy[] = [];
  let nextToken: string | undefined;
  do {
    const page = await request.call<{ resourcePolicies?: ResourcePolicy[]; nextToken?: string }>('logs', 'DescribeResourcePolicies', { nextToken });
    policies.push(...(page.resourcePolicies ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const policy = policies.find((p) => p.policyName === request.physicalId);
  if (!policy) throw notFound('Policy with name [' + request.physicalId + '] does not exist.');
  return { PolicyName: policy.policyName, PolicyDocument: jsonAsGiven(request.properties.PolicyDocument, policy.policyDocument) };
}

export async function readDestination(request: Request): Promise<Properties> {
  const { destinations } = await request.call<{ destinations?: Destination[] }>('logs', 'DescribeDestinations', { DestinationNamePrefix: request.physicalId });
  const destination = destinations?.find((d) => d.destinationName === request.physicalId);
  if (!destination) throw notFound('The specified destination does not exist.');
  return {
    DestinationName: destination.destinationName,
    TargetArn: destination.targetArn,
    RoleArn: destination.roleArn,
    DestinationPolicy: jsonAsGiven(request.properties.DestinationPolicy, destination.accessPolicy),
    Arn: destination.arn,
    Tags: await tagsOf(request, destination.arn),
  };
}

export async function readQueryDefinition(request: Request): Promise<Properties> {
  let nextToken: string | undefined;
  do {
    const page = await request.call<{ queryDefinitions?: QueryDefinition[]; nextToken?: string }>('logs', 'DescribeQueryDefinitions', { nextToken });
    const found = page.queryDefinitions?.find((d) => d.queryDefinitionId === request.physicalId);
    if (found) {
      return {
        Name: found.name,
        QueryString: found.queryString,
        LogGroupNames: found.logGroupNames && templateOrder(request.properties.LogGroupNames, found.logGroupNames, String),
        QueryLanguage: found.queryLanguage,
        QueryDefinitionId: found.queryDefinitionId,
      };
    }
    nextToken = page.nextToken;
  } while (nextToken);
  throw notFound('The specified query definition does not exist.');
}

/** The policy's physical id is `<PolicyType>/<PolicyName>`. */
export async function readAccountPolicy(request: Request): Promise<Properties> {
  const at = request.physicalId.indexOf('/');
  const policyType = request.physicalId.slice(0, at);
  const policyName = request.physicalId.slice(at + 1);
  const { accountPolicies } = await request.call<{ accountPolicies?: AccountPolicy[] }>('logs', 'DescribeAccountPolicies', { policyType, policyName });
  const policy = accountPolicies!.find((p) => p.policyName === policyName)!;
  return {
    AccountId: policy.accountId,
    PolicyName: policy.policyName,
    PolicyType: policy.policyType,
    PolicyDocument: jsonAsGiven(request.properties.PolicyDocument, policy.policyDocument),
    Scope: policy.scope,
    SelectionCriteria: policy.selectionCriteria,
  };
}

export async function readDeliverySource(request: Request): Promise<Properties> {
  const { deliverySource: s } = await request.call<{ deliverySource: DeliverySource }>('logs', 'GetDeliverySource', { name: request.physicalId });
  return { Name: s.name, Arn: s.arn, ResourceArn: s.resourceArns?.[0], ResourceArns: s.resourceArns, Service: s.service, LogType: s.logType, Tags: await tagsOf(request, s.arn, s.tags ?? {}) };
}

export async function readDeliveryDestination(request: Request): Promise<Properties> {
  const { deliveryDestination: d } = await request.call<{ deliveryDestination: DeliveryDestination }>('logs', 'GetDeliveryDestination', { name: request.physicalId });
  const { policy } = await request.call<{ policy?: { deliveryDestinationPolicy?: string } }>('logs', 'GetDeliveryDestinationPolicy', { deliveryDestinationName: request.physicalId });
  const text = policy?.deliveryDestinationPolicy;
  // The template gives the policy as { DeliveryDestinationName, DeliveryDestinationPolicy } (the document, an object or text).
  const given = request.properties.DeliveryDestinationPolicy;
  const wrapped = given && typeof given === 'object' && 'DeliveryDestinationPolicy' in given;
  return {
    Name: d.name,
    Arn: d.arn,
    DeliveryDestinationType: d.deliveryDestinationType,
    OutputFormat: d.outputFormat,
    DestinationResourceArn: d.deliveryDestinationConfiguration?.destinationResourceArn,
    DeliveryDestinationPolicy:
      text === undefined ? undefined : wrapped ? { DeliveryDestinationName: d.name, DeliveryDestinationPolicy: jsonAsGiven(given.DeliveryDestinationPolicy, text) } : jsonAsGiven(given, text),
    Tags: await tagsOf(request, d.arn, d.tags ?? {}),
  };
}

export async function readDelivery(request: Request): Promise<Properties> {
  const { delivery: d } = await request.call<{ delivery: Delivery }>('logs', 'GetDelivery', { id: request.physicalId });
  return {
    DeliveryId: d.id,
    Arn: d.arn,
    DeliverySourceName: d.deliverySourceName,
    DeliveryDestinationArn: d.deliveryDestinationArn,
    DeliveryDestinationType: d.deliveryDestinationType,
    RecordFields: d.recordFields,
    FieldDelimiter: d.fieldDelimiter,
    S3SuffixPath: d.s3DeliveryConfiguration?.suffixPath,
    S3EnableHiveCompatiblePath: d.s3DeliveryConfiguration?.enableHiveCompatiblePath,
    Tags: await tagsOf(request, d.arn, d.tags ?? {}),
  };
}

/**
 * Member names between the template and the API: CloudFormation spells the transformer's processors and parameters
 * in PascalCase (`lower` gives the API's camelCase, `upper` the template's).
 */
export function keysCased(value: unknown, first: 'lower' | 'upper'): unknown {
  if (Array.isArray(value)) return value.map((v) => keysCased(v, first));
  if (!value || typeof value !== 'object') return value;
  const recase = (k: string) => (first === 'lower' ? k[0].toLowerCase() : k[0].toUpperCase()) + k.slice(1);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [recase(k), keysCased(v, first)]));
}

export async function readTransformer(request: Request): Promise<Properties> {
  const { transformerConfig } = await request.call<{ transformerConfig?: unknown }>('logs', 'GetTransformer', { logGroupIdentifier: request.physicalId });
  return { LogGroupIdentifier: request.physicalId, TransformerConfig: keysCased(transformerConfig, 'upper') };
}

/** AccountId is write-only in AWS's schema: not read back. */
export async function readAnomalyDetector(request: Request): Promise<Properties> {
  const d = await request.call<GetLogAnomalyDetectorResponse>('logs', 'GetLogAnomalyDetector', { anomalyDetectorArn: request.physicalId });
  // The template may name a log group by its GetAtt Arn, which ends in `:*` (the API's form has no suffix).
  const given = ((request.properties.LogGroupArnList ?? []) as string[]).map(String);
  const arns = (d.logGroupArnList ?? []).map((arn) => given.find((g) => g.replace(/:\*$/, '') === arn) ?? arn);
  return {
    DetectorName: d.detectorName,
    LogGroupArnList: templateOrder(given, arns, String),
    EvaluationFrequency: d.evaluationFrequency,
    FilterPattern: d.filterPattern,
    KmsKeyId: d.kmsKeyId,
    AnomalyVisibilityTime: d.anomalyVisibilityTime,
    AnomalyDetectorArn: request.physicalId,
    AnomalyDetectorStatus: d.anomalyDetectorStatus,
    CreationTimeStamp: d.creationTimeStamp,
    LastModifiedTimeStamp: d.lastModifiedTimeStamp,
  };
}
