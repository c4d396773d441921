import type { Properties } from '../../provider.ts';
import { resolveParameterRefs, TransformErrorFor } from './context.ts';

// The named policies SAM's MSK, MQ, self-managed Kafka and DocumentDB event sources put on the function's role (their
// secrets, brokers, clusters, VPC access, KMS key and Glue schema registry), with SAM's checks of their
// SourceAccessConfigurations.

/** Raises SAM's error about one event of a function. */
type Invalid = (message: string) => TransformErrorFor;

const VPC_ACCESS = {
  Action: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'],
  Effect: 'Allow',
  Resource: '*',
};
const secretStatement = (uri: unknown) => ({ Action: ['secretsmanager:GetSecretValue'], Effect: 'Allow', Resource: uri });
const kmsResource = (keyId: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:kms:\${AWS::Region}:\${AWS::AccountId}:key/${keyId}` });
const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);
const isIntrinsic = (v: unknown) => isMap(v) && Object.keys(v).length === 1 && (Object.keys(v)[0] === 'Ref' || Object.keys(v)[0].startsWith('Fn::'));

function checkKmsKeyId(p: Properties, invalid: Invalid): string | undefined {
  if (!p.SecretsManagerKmsKeyId) return undefined;
  if (typeof p.SecretsManagerKmsKeyId !== 'string') throw invalid("Property 'SecretsManagerKmsKeyId' should be a string.");
  return p.SecretsManagerKmsKeyId;
}

/** SAM's _validate_source_access_configurations: the URI of the one `required` entry. */
function requiredUri(type: string, p: Properties, supported: string[], required: string, invalid: Invalid): unknown {
  const configurations = p.SourceAccessConfigurations;
  if (!configurations) throw invalid(`No SourceAccessConfigurations for Amazon ${type} event provided.`);
  if (!Array.isArray(configurations)) throw invalid('Provided SourceAccessConfigurations cannot be parsed into a list.');
  let uri: unknown;
  configurations.forEach((conf: unknown, index) => {
    if (!isMap(conf)) throw invalid(`Property 'SourceAccessConfigurations[${index}]' should be a map.`);
    if (typeof conf.Type !== 'string') throw invalid(`Property 'SourceAccessConfigurations[${index}].Type' should be a string.`);
    if (!supported.includes(conf.Type)) throw invalid(`Invalid property Type specified in SourceAccessConfigurations. The supported values are: [${supported.map((s) => `'${s}'`).join(', ')}].`);
    if (conf.Type !== required) return;
    if (uri) throw invalid(`Multiple ${required} properties specified in SourceAccessConfigurations.`);
    uri = conf.URI;
    if (!uri) throw invalid(`No ${required} URI property specified in SourceAccessConfigurations.`);
  });
  if (!uri) throw invalid(`No ${required} property specified in SourceAccessConfigurations.`);
  return uri;
}

/** SAM's checks of a SchemaRegistryConfig and the statements it needs (access secrets, a Glue registry's schemas). */
function schemaRegistryStatements(p: Properties, parameters: Record<string, unknown>, invalid: Invalid): Properties[] {
  const config = p.SchemaRegistryConfig;
  if (!config) return [];
  if (!isMap(config)) throw invalid("Property 'SchemaRegistryConfig' should be a map.");
  for (const field of ['SchemaRegistryURI', 'EventRecordFormat', 'SchemaValidationConfigs']) if (!Object.hasOwn(config, field)) throw invalid(`Missing required field ${field} in SchemaRegistryConfig`);
  if (config.EventRecordFormat !== 'JSON' && config.EventRecordFormat !== 'SOURCE') throw invalid("EventRecordFormat in SchemaRegistryConfig must be either 'JSON' or 'SOURCE'");
  if (!Array.isArray(config.SchemaValidationConfigs)) throw invalid('SchemaValidationConfigs must be a list');
  const access = config.AccessConfigs ?? [];
  if (access && !Array.isArray(access)) throw invalid('AccessConfigs in SchemaRegistryConfig must be a list');
  const statements: Properties[] = [];
  for (const entry of (access || []) as unknown[]) {
    if (!isMap(entry) || !Object.hasOwn(entry, 'Type') || !Object.hasOwn(entry, 'URI')) throw invalid("Each AccessConfig must be a dict with 'Type' and 'URI' fields");
    statements.push(secretStatement(entry.URI));
  }
  const uri = config.SchemaRegistryURI;
  const arn = typeof uri === 'string' ? uri : isMap(uri) ? (resolveParameterRefs(uri, parameters) as Properties)['Fn::Sub'] : undefined;
  const parts = typeof arn === 'string' && arn.startsWith('arn') ? arn.split(':') : [];
  if (parts.length >= 6 && parts[5].startsWith('registry/')) {
    statements.push({ Action: ['glue:GetRegistry'], Effect: 'Allow', Resource: uri });
    statements.push({ Action: ['glue:GetSchemaVersion'], Effect: 'Allow', Resource: [{ 'Fn::Sub': `arn:\${AWS::Partition}:glue:\${AWS::Region}:\${AWS::AccountId}:schema/${parts[5].slice('registry/'.length)}/*` }] });
  }
  return statements;
}

function mskPolicies(p: Properties, parameters: Record<string, unknown>, invalid: Invalid): Properties[] {
  const statements = schemaRegistryStatements(p, parameters, invalid);
  for (const conf of Array.isArray(p.SourceAccessConfigurations) ? p.SourceAccessConfigurations : []) {
    if (isMap(conf) && conf.Type === 'CLIENT_CERTIFICATE_TLS_AUTH' && conf.URI) statements.push(secretStatement(conf.URI));
  }
  return statements.length ? [{ PolicyName: 'MSKExecutionRolePolicy', PolicyDocument: { Statement: statements } }] : [];
}

function mqPolicies(logicalId: string, p: Properties, invalid: Invalid): Properties[] {
  const uri = requiredUri('MQ', p, ['BASIC_AUTH', 'VIRTUAL_HOST'], 'BASIC_AUTH', invalid);
  const statements: Properties[] = [secretStatement(uri), { Action: ['mq:DescribeBroker'], Effect: 'Allow', Resource: p.Broker }];
  const key = checkKmsKeyId(p, invalid);
  if (key) statements.push({ Action: 'kms:Decrypt', Effect: 'Allow', Resource: kmsResource(key) });
  return [{ PolicyName: p.DynamicPolicyName ? `${logicalId}AMQPolicy` : 'SamAutoGeneratedAMQPolicy', PolicyDocument: { Statement: statements } }];
}

const KAFKA_AUTH = ['SASL_SCRAM_256_AUTH', 'SASL_SCRAM_512_AUTH', 'BASIC_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH'];

function selfManagedKafkaPolicies(p: Properties, parameters: Record<string, unknown>, invalid: Invalid): Properties[] {
  if (!p.KafkaBootstrapServers || (Array.isArray(p.KafkaBootstrapServers) && !p.KafkaBootstrapServers.length)) throw invalid('No KafkaBootstrapServers provided for self managed kafka as an event source');
  if (!p.Topics || (Array.isArray(p.Topics) && !p.Topics.length)) throw invalid('No Topics provided for self managed kafka as an event source');
  // SAM counts a list's entries, or an intrinsic function's keys (one).
  const topics = Array.isArray(p.Topics) ? p.Topics.length : isMap(p.Topics) ? Object.keys(p.Topics).length : String(p.Topics).length;
  if (topics !== 1) throw invalid('Topics for self managed kafka only supports single configuration entry.');
  const configurations = p.SourceAccessConfigurations;
  if (!configurations || (Array.isArray(configurations) && !configurations.length)) throw invalid('No SourceAccessConfigurations for self managed kafka event provided.');
  if (!Array.isArray(configurations)) throw invalid('SourceAccessConfigurations for self managed kafka event should be a list.');
  const checkUri = (uri: unknown, what: string) => {
    if (!uri) throw invalid(`No ${what} URI property specified in SourceAccessConfigurations for self managed kafka event.`);
    if (typeof uri !== 'string' && !isIntrinsic(uri)) throw invalid(`Wrong Type for ${what} URI property specified in SourceAccessConfigurations for self managed kafka event.`);
  };
  let auth: unknown;
  let rootCa: unknown;
  let subnet = false;
  let securityGroup = false;
  for (const conf of configurations) {
    if (!isMap(conf)) throw invalid("Property 'SourceAccessConfigurations' should be a map.");
    if (conf.Type === 'VPC_SUBNET') {
      checkUri(conf.URI, 'VPC_SUBNET');
      subnet = true;
    } else if (conf.Type === 'VPC_SECURITY_GROUP') {
      checkUri(conf.URI, 'VPC_SECURITY_GROUP');
      securityGroup = true;
    } else if (KAFKA_AUTH.includes(conf.Type)) {
      if (auth) throw invalid('Multiple auth mechanism properties specified in SourceAccessConfigurations for self managed kafka event.');
      checkUri(conf.URI, 'auth mechanism');
      auth = conf.URI;
    } else if (conf.Type === 'SERVER_ROOT_CA_CERTIFICATE') {
      checkUri(conf.URI, 'SERVER_ROOT_CA_CERTIFICATE');
      rootCa = conf.URI;
    } else throw invalid('Invalid SourceAccessConfigurations Type provided for self managed kafka event.');
  }
  if (subnet !== securityGroup) throw invalid('VPC_SUBNET and VPC_SECURITY_GROUP in SourceAccessConfigurations for SelfManagedKafka must be both provided.');
  const statements: Properties[] = [];
  if (auth) statements.push(secretStatement(auth));
  // SAM grants the auth secret again (not the root CA's) when a root CA certificate is given.
  if (rootCa) statements.push(secretStatement(auth));
  if (subnet) statements.push(VPC_ACCESS);
  const key = checkKmsKeyId(p, invalid);
  if (key) statements.push({ Action: ['kms:Decrypt'], Effect: 'Allow', Resource: kmsResource(key) });
  statements.push(...schemaRegistryStatements(p, parameters, invalid));
  return [{ PolicyDocument: { Statement: statements, Version: '2012-10-17' }, PolicyName: 'SelfManagedKafkaExecutionRolePolicy' }];
}

function documentDbPolicies(p: Properties, invalid: Invalid): Properties[] {
  const uri = requiredUri('DocumentDB', p, ['BASIC_AUTH'], 'BASIC_AUTH', invalid);
  const rds = (action: string, resource: unknown) => ({ Action: [action], Effect: 'Allow', Resource: resource });
  const statements: Properties[] = [
    secretStatement(uri),
    rds('rds:DescribeDBClusterParameters', { 'Fn::Sub': 'arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster-pg:*' }),
    rds('rds:DescribeDBSubnetGroups', { 'Fn::Sub': 'arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:subgrp:*' }),
    rds('rds:DescribeDBClusters', p.Cluster),
    VPC_ACCESS,
  ];
  const key = checkKmsKeyId(p, invalid);
  if (key) statements.push({ Action: ['kms:Decrypt'], Effect: 'Allow', Resource: kmsResource(key) });
  return [{ PolicyName: 'SamAutoGeneratedDocumentDBPolicy', PolicyDocument: { Statement: statements } }];
}

/** The named policies the role needs for a pull event of this type (none for SQS, Kinesis and DynamoDB streams). */
export function pullEventPolicies(type: string, logicalId: string, p: Properties, parameters: Record<string, unknown>, invalid: Invalid): Properties[] {
  if (type === 'MSK') return mskPolicies(p, parameters, invalid);
  if (type === 'MQ') return mqPolicies(logicalId, p, invalid);
  if (type === 'SelfManagedKafka') return selfManagedKafkaPolicies(p, parameters, invalid);
  if (type === 'DocumentDB') return documentDbPolicies(p, invalid);
  return [];
}
