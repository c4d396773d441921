import type { Properties } from '../../provider.ts';
import { defined, TransformErrorFor } from './context.ts';
import type { Invoked } from './events.ts';
import { pullEventPolicies } from './pull-event-policies.ts';

// SAM's pull event sources (SQS, Kinesis, DynamoDB streams, MSK, self-managed Kafka, MQ, DocumentDB): an event source
// mapping of the properties SAM passes on, the AWS managed policy or named policies the source needs on the function's
// role, and a policy for an on-failure destination's Type.

/** Per event type: the property naming the source (none for self-managed Kafka), and the managed policy (under service-role/) its polling needs. */
const SOURCES: Record<string, { source?: string; policy?: string }> = {
  SQS: { source: 'Queue', policy: 'AWSLambdaSQSQueueExecutionRole' },
  Kinesis: { source: 'Stream', policy: 'AWSLambdaKinesisExecutionRole' },
  DynamoDB: { source: 'Stream', policy: 'AWSLambdaDynamoDBExecutionRole' },
  MSK: { source: 'Stream', policy: 'AWSLambdaMSKExecutionRole' },
  MQ: { source: 'Broker' },
  SelfManagedKafka: {},
  DocumentDB: { source: 'Cluster' },
};

/** The Kafka event types' own configuration member of the mapping (ConsumerGroupId, SchemaRegistryConfig). */
const KAFKA_CONFIG: Record<string, string> = { MSK: 'AmazonManagedKafkaEventSourceConfig', SelfManagedKafka: 'SelfManagedKafkaEventSourceConfig' };

/** The mapping's members SAM makes of Kafka and DocumentDB event properties. */
function sourceConfigs(type: string, p: Properties, invalid: (message: string) => TransformErrorFor): Properties {
  const out: Properties = {};
  if (p.KafkaBootstrapServers) out.SelfManagedEventSource = { Endpoints: { KafkaBootstrapServers: p.KafkaBootstrapServers } };
  if (p.ConsumerGroupId) {
    if (!Object.hasOwn(KAFKA_CONFIG, type)) throw invalid(`Property ConsumerGroupId not defined for resource of type ${type}.`);
    out[KAFKA_CONFIG[type]] = { ConsumerGroupId: p.ConsumerGroupId };
  }
  if (p.SchemaRegistryConfig && Object.hasOwn(KAFKA_CONFIG, type)) out[KAFKA_CONFIG[type]] = { ...(out[KAFKA_CONFIG[type]] ?? {}), SchemaRegistryConfig: p.SchemaRegistryConfig };
  if (type === 'DocumentDB') out.DocumentDBEventSourceConfig = defined({ DatabaseName: p.DatabaseName, CollectionName: p.CollectionName || undefined, FullDocument: p.FullDocument || undefined });
  return out;
}

/** The event properties SAM copies onto the event source mapping. */
const PASSED = [
  'StartingPosition', 'StartingPositionTimestamp', 'BatchSize', 'Enabled', 'MaximumBatchingWindowInSeconds', 'MaximumRetryAttempts', 'BisectBatchOnFunctionError',
  'MaximumRecordAgeInSeconds', 'ParallelizationFactor', 'Topics', 'Queues', 'SourceAccessConfigurations', 'TumblingWindowInSeconds', 'FunctionResponseTypes',
  'FilterCriteria', 'KmsKeyArn', 'ScalingConfig', 'ProvisionedPollerConfig', 'MetricsConfig', 'LoggingConfig',
];

/** What an on-failure destination of each Type needs on the role (SAM names the policy after the event). */
function destinationPolicy(id: string, type: string, destination: unknown): Properties | undefined {
  const policy = (suffix: string, statements: Properties[]) => ({ PolicyName: `${id}${suffix}`, PolicyDocument: { Statement: statements } });
  if (type === 'SQS') return policy('SQSPolicy', [{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: destination }]);
  if (type === 'SNS') return policy('SNSPolicy', [{ Action: 'sns:publish', Effect: 'Allow', Resource: destination }]);
  if (type === 'S3') {
    return policy('S3Policy', [
      { Action: 's3:PutObject', Effect: 'Allow', Resource: { 'Fn::Join': ['/', [destination, '*']] } },
      { Action: 's3:ListBucket', Effect: 'Allow', Resource: destination },
    ]);
  }
  return undefined;
}

export const isPullEvent = (type: unknown): type is string => typeof type === 'string' && Object.hasOwn(SOURCES, type);

/** The event source mapping of a pull event, its policies recorded on `fn` for the role SAM makes. */
export function pullEventSource(fn: Invoked, id: string, type: string, p: Properties, partition: string, parameters: Record<string, unknown>): Properties {
  const { source, policy } = SOURCES[type];
  const invalid = (message: string) => new TransformErrorFor(fn.id, `Event with id [${id}] is invalid. ${message}`);
  const properties: Properties = { FunctionName: fn.ref, EventSourceArn: source ? p[source] : undefined };
  for (const name of PASSED) properties[name] = p[name];
  Object.assign(properties, sourceConfigs(type, p, invalid));
  const filter = p.FilterCriteria as Properties | undefined;
  if (filter && typeof filter === 'object' && !Object.keys(filter).some((k) => k === 'Ref' || k.startsWith('Fn::'))) {
    const keys = Object.keys(filter);
    if (keys.length > 1 || (keys.length === 1 && keys[0] !== 'Filters')) throw new TransformErrorFor(fn.id, `Event with id [${id}] is invalid. FilterCriteria field has a wrong format`);
  }
  const destinationPolicies: Properties[] = [];
  if (p.DestinationConfig) {
    const config = p.DestinationConfig as Properties;
    const onFailure = config.OnFailure as Properties | undefined;
    if (!onFailure || typeof onFailure !== 'object' || Array.isArray(onFailure)) throw new TransformErrorFor(fn.id, `Event with id [${id}] is invalid. Property 'DestinationConfig.OnFailure' should be a map.`);
    const { Type: destinationType, ...rest } = onFailure;
    if (destinationType) {
      if (!['SQS', 'SNS', 'S3', 'Kafka'].includes(destinationType as string)) throw new TransformErrorFor(fn.id, `Event with id [${id}] is invalid. The only valid values for 'Type' are 'SQS', 'SNS', 'S3', and 'Kafka'`);
      const extra = destinationPolicy(`${fn.id}${id}`, destinationType as string, rest.Destination);
      if (extra) destinationPolicies.push(extra);
    }
    // SAM drops the Type, which is its own.
    properties.DestinationConfig = { ...config, OnFailure: rest };
  }
  // The source's own policies come before an on-failure destination's.
  fn.rolePolicies.push(...pullEventPolicies(type, `${fn.id}${id}`, p, parameters, invalid), ...destinationPolicies);
  if (policy) fn.managedPolicies.push(`arn:${partition}:iam::aws:policy/service-role/${policy}`);
  return { Type: 'AWS::Lambda::EventSourceMapping', Properties: defined(properties) };
}
