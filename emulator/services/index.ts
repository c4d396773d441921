import type { ServiceLoader } from '../core/emulator.ts';
import type { ServiceDefinition } from '../core/service.ts';
import type { ResourceTypes } from './cloudformation/provider.ts';
import type { ConsoleView } from '../console/view.ts';
import type { ServiceEndpoints } from '../gateway/route.ts';

/**
 * Every service twinstack serves: one line each, its name (the SERVICES / health-check name, and its model's file name
 * in emulator/models/) and its loader, which runs on the service's first request, never at start.
 */
export const SERVICE_LOADERS: Record<string, () => Promise<ServiceDefinition>> = {
  sts: async () => (await import('./sts/index.ts')).default as ServiceDefinition,
  sqs: async () => (await import('./sqs/index.ts')).default as ServiceDefinition,
  dynamodb: async () => (await import('./dynamodb/index.ts')).default as ServiceDefinition,
  dynamodbstreams: async () => (await import('./dynamodbstreams/index.ts')).default as ServiceDefinition,
  kinesis: async () => (await import('./kinesis/index.ts')).default as ServiceDefinition,
  s3: async () => (await import('./s3/index.ts')).default as ServiceDefinition,
  sns: async () => (await import('./sns/index.ts')).default as ServiceDefinition,
  lambda: async () => (await import('./lambda/index.ts')).default as ServiceDefinition,
  iam: async () => (await import('./iam/index.ts')).default as ServiceDefinition,
  kms: async () => (await import('./kms/index.ts')).default as ServiceDefinition,
  secretsmanager: async () => (await import('./secretsmanager/index.ts')).default as ServiceDefinition,
  ssm: async () => (await import('./ssm/index.ts')).default as ServiceDefinition,
  events: async () => (await import('./events/index.ts')).default as ServiceDefinition,
  logs: async () => (await import('./logs/index.ts')).default as ServiceDefinition,
  cloudwatch: async () => (await import('./cloudwatch/index.ts')).default as ServiceDefinition,
  scheduler: async () => (await import('./scheduler/index.ts')).default as ServiceDefinition,
  cloudformation: async () => (await import('./cloudformation/index.ts')).default as ServiceDefinition,
  ecr: async () => (await import('./ecr/index.ts')).default as ServiceDefinition,
  cloudcontrol: async () => (await import('./cloudcontrol/index.ts')).default as ServiceDefinition,
  firehose: async () => (await import('./firehose/index.ts')).default as ServiceDefinition,
  apigateway: async () => (await import('./apigateway/index.ts')).default as ServiceDefinition,
  apigatewayv2: async () => (await import('./apigatewayv2/index.ts')).default as ServiceDefinition,
  stepfunctions: async () => (await import('./stepfunctions/index.ts')).default as ServiceDefinition,
  s3control: async () => (await import('./s3control/index.ts')).default as ServiceDefinition,
};

/** Console views services declare (`<name>/console.ts`); others get the console's generic list. Loaded on first look. */
export const CONSOLE_VIEWS: Record<string, () => Promise<ConsoleView>> = {
  sqs: async () => (await import('./sqs/console.ts')).default,
  dynamodb: async () => (await import('./dynamodb/console.ts')).default,
  s3: async () => (await import('./s3/console.ts')).default,
  logs: async () => (await import('./logs/console.ts')).default,
  lambda: async () => (await import('./lambda/console.ts')).default,
  stepfunctions: async () => (await import('./stepfunctions/console.ts')).default,
  secretsmanager: async () => (await import('./secretsmanager/console.ts')).default,
  ssm: async () => (await import('./ssm/console.ts')).default,
  sns: async () => (await import('./sns/console.ts')).default,
  events: async () => (await import('./events/console.ts')).default,
  cloudwatch: async () => (await import('./cloudwatch/console.ts')).default,
  kinesis: async () => (await import('./kinesis/console.ts')).default,
  kms: async () => (await import('./kms/console.ts')).default,
  cloudformation: async () => (await import('./cloudformation/console.ts')).default,
};

export const ALL_SERVICE_NAMES = Object.keys(SERVICE_LOADERS);

/**
 * CloudFormation resource types by name, and the service whose `resources/` folder provides them: what the engine
 * knows without loading any service. The handlers load on a type's first use.
 */
export const RESOURCE_TYPE_SERVICES: Record<string, string> = {
  'AWS::SQS::Queue': 'sqs',
  'AWS::SQS::QueuePolicy': 'sqs',
  'AWS::SQS::QueueInlinePolicy': 'sqs',
  'AWS::ECR::Repository': 'ecr',
  'AWS::ECR::RegistryPolicy': 'ecr',
  'AWS::ECR::ReplicationConfiguration': 'ecr',
  'AWS::ECR::RegistryScanningConfiguration': 'ecr',
  'AWS::ECR::PullThroughCacheRule': 'ecr',
  'AWS::ECR::RepositoryCreationTemplate': 'ecr',
  'AWS::S3::Bucket': 's3',
  'AWS::S3::BucketPolicy': 's3',
  'AWS::S3::AccessPoint': 's3control',
  'AWS::S3ObjectLambda::AccessPoint': 's3control',
  'AWS::S3ObjectLambda::AccessPointPolicy': 's3control',
  'AWS::IAM::Role': 'iam',
  'AWS::IAM::User': 'iam',
  'AWS::IAM::Group': 'iam',
  'AWS::IAM::Policy': 'iam',
  'AWS::IAM::ManagedPolicy': 'iam',
  'AWS::IAM::InstanceProfile': 'iam',
  'AWS::IAM::AccessKey': 'iam',
  'AWS::IAM::UserToGroupAddition': 'iam',
  'AWS::IAM::RolePolicy': 'iam',
  'AWS::IAM::GroupPolicy': 'iam',
  'AWS::IAM::UserPolicy': 'iam',
  'AWS::IAM::OIDCProvider': 'iam',
  'AWS::IAM::SAMLProvider': 'iam',
  'AWS::IAM::ServiceLinkedRole': 'iam',
  'AWS::IAM::ServerCertificate': 'iam',
  'AWS::IAM::VirtualMFADevice': 'iam',
  'AWS::SSM::Parameter': 'ssm',
  'AWS::SSM::Document': 'ssm',
  'AWS::SSM::Association': 'ssm',
  'AWS::SSM::MaintenanceWindow': 'ssm',
  'AWS::SSM::MaintenanceWindowTarget': 'ssm',
  'AWS::SSM::MaintenanceWindowTask': 'ssm',
  'AWS::SSM::PatchBaseline': 'ssm',
  'AWS::SSM::ResourceDataSync': 'ssm',
  'AWS::SSM::ResourcePolicy': 'ssm',
  'AWS::SSM::ServiceSetting': 'ssm',
  'AWS::SSM::OpsItem': 'ssm',
  'AWS::KMS::Key': 'kms',
  'AWS::KMS::Alias': 'kms',
  'AWS::KMS::ReplicaKey': 'kms',
  'AWS::Lambda::Function': 'lambda',
  'AWS::Lambda::Permission': 'lambda',
  'AWS::Lambda::Version': 'lambda',
  'AWS::Lambda::Alias': 'lambda',
  'AWS::Lambda::Url': 'lambda',
  'AWS::Lambda::LayerVersion': 'lambda',
  'AWS::Lambda::EventSourceMapping': 'lambda',
  'AWS::Lambda::EventInvokeConfig': 'lambda',
  'AWS::Lambda::CodeSigningConfig': 'lambda',
  'AWS::Lambda::LayerVersionPermission': 'lambda',
  'AWS::Lambda::ResourcePolicy': 'lambda',
  'AWS::Lambda::CapacityProvider': 'lambda',
  'AWS::SNS::Topic': 'sns',
  'AWS::SNS::Subscription': 'sns',
  'AWS::SNS::TopicPolicy': 'sns',
  'AWS::SNS::TopicInlinePolicy': 'sns',
  'AWS::DynamoDB::Table': 'dynamodb',
  'AWS::DynamoDB::GlobalTable': 'dynamodb',
  'AWS::Logs::LogGroup': 'logs',
  'AWS::Events::Rule': 'events',
  'AWS::Events::EventBus': 'events',
  'AWS::Events::Archive': 'events',
  'AWS::Events::Connection': 'events',
  'AWS::Events::ApiDestination': 'events',
  'AWS::Events::EventBusPolicy': 'events',
  'AWS::Events::Endpoint': 'events',
  'AWS::Kinesis::Stream': 'kinesis',
  'AWS::Kinesis::StreamConsumer': 'kinesis',
  'AWS::Kinesis::ResourcePolicy': 'kinesis',
  'AWS::SecretsManager::Secret': 'secretsmanager',
  'AWS::SecretsManager::ResourcePolicy': 'secretsmanager',
  'AWS::SecretsManager::RotationSchedule': 'secretsmanager',
  'AWS::CloudWatch::Alarm': 'cloudwatch',
  'AWS::CloudWatch::CompositeAlarm': 'cloudwatch',
  'AWS::CloudWatch::Dashboard': 'cloudwatch',
  'AWS::CloudWatch::InsightRule': 'cloudwatch',
  'AWS::CloudWatch::MetricStream': 'cloudwatch',
  'AWS::CloudWatch::AlarmMuteRule': 'cloudwatch',
  'AWS::CloudWatch::AnomalyDetector': 'cloudwatch',
  'AWS::Scheduler::Schedule': 'scheduler',
  'AWS::Scheduler::ScheduleGroup': 'scheduler',
  'AWS::Logs::LogStream': 'logs',
  'AWS::Logs::MetricFilter': 'logs',
  'AWS::Logs::SubscriptionFilter': 'logs',
  'AWS::Logs::ResourcePolicy': 'logs',
  'AWS::Logs::Destination': 'logs',
  'AWS::Logs::QueryDefinition': 'logs',
  'AWS::Logs::AccountPolicy': 'logs',
  'AWS::Logs::DeliverySource': 'logs',
  'AWS::Logs::DeliveryDestination': 'logs',
  'AWS::Logs::Delivery': 'logs',
  'AWS::Logs::Transformer': 'logs',
  'AWS::Logs::LogAnomalyDetector': 'logs',
  'AWS::KinesisFirehose::DeliveryStream': 'firehose',
  'AWS::StepFunctions::StateMachine': 'stepfunctions',
  'AWS::StepFunctions::Activity': 'stepfunctions',
  'AWS::StepFunctions::StateMachineVersion': 'stepfunctions',
  'AWS::StepFunctions::StateMachineAlias': 'stepfunctions',
  'AWS::ApiGateway::RestApi': 'apigateway',
  'AWS::ApiGateway::Resource': 'apigateway',
  'AWS::ApiGateway::Method': 'apigateway',
  'AWS::ApiGateway::Deployment': 'apigateway',
  'AWS::ApiGateway::Stage': 'apigateway',
  'AWS::ApiGateway::ApiKey': 'apigateway',
  'AWS::ApiGateway::UsagePlan': 'apigateway',
  'AWS::ApiGateway::UsagePlanKey': 'apigateway',
  'AWS::ApiGateway::Authorizer': 'apigateway',
  'AWS::ApiGateway::Model': 'apigateway',
  'AWS::ApiGateway::RequestValidator': 'apigateway',
  'AWS::ApiGateway::GatewayResponse': 'apigateway',
  'AWS::ApiGateway::Account': 'apigateway',
  'AWS::ApiGateway::DomainName': 'apigateway',
  'AWS::ApiGateway::BasePathMapping': 'apigateway',
  'AWS::ApiGateway::DocumentationPart': 'apigateway',
  'AWS::ApiGateway::DocumentationVersion': 'apigateway',
  'AWS::ApiGateway::ClientCertificate': 'apigateway',
  'AWS::ApiGateway::VpcLink': 'apigateway',
  'AWS::ApiGateway::DomainNameV2': 'apigateway',
  'AWS::ApiGateway::BasePathMappingV2': 'apigateway',
  'AWS::ApiGateway::DomainNameAccessAssociation': 'apigateway',
  'AWS::ApiGatewayV2::Api': 'apigatewayv2',
  'AWS::ApiGatewayV2::Route': 'apigatewayv2',
  'AWS::ApiGatewayV2::Integration': 'apigatewayv2',
  'AWS::ApiGatewayV2::Authorizer': 'apigatewayv2',
  'AWS::ApiGatewayV2::Deployment': 'apigatewayv2',
  'AWS::ApiGatewayV2::Stage': 'apigatewayv2',
  'AWS::ApiGatewayV2::Model': 'apigatewayv2',
  'AWS::ApiGatewayV2::RouteResponse': 'apigatewayv2',
  'AWS::ApiGatewayV2::IntegrationResponse': 'apigatewayv2',
  'AWS::ApiGatewayV2::DomainName': 'apigatewayv2',
  'AWS::ApiGatewayV2::ApiMapping': 'apigatewayv2',
  'AWS::ApiGatewayV2::VpcLink': 'apigatewayv2',
  'AWS::ApiGatewayV2::ApiGatewayManagedOverrides': 'apigatewayv2',
};

/** Each service's resource type handlers (`<service>/resources/index.ts`), loaded on first use. */
export const RESOURCE_TYPE_LOADERS: Record<string, () => Promise<ResourceTypes>> = {
  sqs: async () => (await import('./sqs/resources/index.ts')).default,
  ecr: async () => (await import('./ecr/resources/index.ts')).default,
  s3: async () => (await import('./s3/resources/index.ts')).default,
  s3control: async () => (await import('./s3control/resources/index.ts')).default,
  iam: async () => (await import('./iam/resources/index.ts')).default,
  ssm: async () => (await import('./ssm/resources/index.ts')).default,
  kms: async () => (await import('./kms/resources/index.ts')).default,
  lambda: async () => (await import('./lambda/resources/index.ts')).default,
  sns: async () => (await import('./sns/resources/index.ts')).default,
  dynamodb: async () => (await import('./dynamodb/resources/index.ts')).default,
  logs: async () => (await import('./logs/resources/index.ts')).default,
  events: async () => (await import('./events/resources/index.ts')).default,
  kinesis: async () => (await import('./kinesis/resources/index.ts')).default,
  secretsmanager: async () => (await import('./secretsmanager/resources/index.ts')).default,
  cloudwatch: async () => (await import('./cloudwatch/resources/index.ts')).default,
  scheduler: async () => (await import('./scheduler/resources/index.ts')).default,
  firehose: async () => (await import('./firehose/resources/index.ts')).default,
  stepfunctions: async () => (await import('./stepfunctions/resources/index.ts')).default,
  apigateway: async () => (await import('./apigateway/resources/index.ts')).default,
  apigatewayv2: async () => (await import('./apigatewayv2/resources/index.ts')).default,
};

/** The service that keeps principals and their policies, for `--enforce-iam`. */
export const IDENTITY_SERVICE = 'iam';

/** Services that cannot run alone: DynamoDB Streams reads DynamoDB's tables. */
const REQUIRES: Record<string, string[]> = { dynamodbstreams: ['dynamodb'], apigatewayv2: ['apigateway'] };

/**
 * Endpoints services answer outside their model's API. S3 answers requests signed for S3 Object Lambda (GetObject
 * through an Object Lambda access point, WriteGetObjectResponse); S3 Control signs as `s3` and is told apart by its
 * `/v20180820/` paths. API Gateway answers deployed APIs (REST, HTTP and WebSocket)
 * at `<api-id>.execute-api.<domain>` and at LocalStack's path forms, and WebSocket APIs' @connections API (signed
 * `execute-api`, also at `/@connections/<id>` on any host).
 */
const ENDPOINTS: Record<string, ServiceEndpoints> = {
  s3: { signingNames: ['s3-object-lambda'] },
  s3control: { paths: [/^\/v20180820\//], onlyByPath: true },
  apigateway: {
    hostPrefixes: ['execute-api'],
    paths: [/^\/_aws\/execute-api\//, /^\/restapis\/[^/]+\/[^/]+\/_user_request_(?:\/|$)/, /^\/@connections\//],
    signingNames: ['execute-api'],
  },
};

/** The named services and those they require, each to be loaded on its first use. */
export function serviceLoaders(names: string[] = ALL_SERVICE_NAMES): ServiceLoader[] {
  const unknown = names.filter((n) => !Object.hasOwn(SERVICE_LOADERS, n));
  if (unknown.length) throw new Error(`unknown service(s): ${unknown.join(', ')} (available: ${ALL_SERVICE_NAMES.join(', ')})`);
  const all = [...new Set(names.flatMap((n) => [...(REQUIRES[n] ?? []), n]))];
  return all.map((name) => ({ name, load: SERVICE_LOADERS[name], requires: REQUIRES[name], endpoints: ENDPOINTS[name] }));
}
