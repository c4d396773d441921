import { AwsError } from '../../../core/errors.ts';
import { loadModel } from '../../../models/load.ts';
import { StatesError } from '../asl/errors.ts';

/** How the optimized integrations (AWS SDK for Java v1 inside Step Functions) name a service's errors. */
const OPTIMIZED: Record<string, { prefix: string; service: string; model: string; exception?: string }> = {
  lambda: { prefix: 'Lambda', service: 'AWSLambda', model: 'lambda' },
  sqs: { prefix: 'SQS', service: 'AmazonSQS', model: 'sqs' },
  sns: { prefix: 'SNS', service: 'AmazonSNS', model: 'sns' },
  // The client names itself AmazonDynamoDBv2 in causes; its generic exception class is AmazonDynamoDBException.
  dynamodb: { prefix: 'DynamoDB', service: 'AmazonDynamoDBv2', model: 'dynamodb', exception: 'AmazonDynamoDBException' },
  states: { prefix: 'StepFunctions', service: 'AWSStepFunctions', model: 'stepfunctions' },
  events: { prefix: 'EventBridge', service: 'AmazonEventBridge', model: 'events' },
  s3: { prefix: 'S3', service: 'AmazonS3', model: 's3' },
};

/** The SDK client names the `aws-sdk:*` integrations (AWS SDK for Java v2) use in error names and causes. */
const SDK_NAMES: Record<string, string> = {
  dynamodb: 'DynamoDb',
  s3: 'S3',
  sqs: 'Sqs',
  sns: 'Sns',
  lambda: 'Lambda',
  sfn: 'Sfn',
  eventbridge: 'EventBridge',
  secretsmanager: 'SecretsManager',
  ssm: 'Ssm',
  kms: 'Kms',
  kinesis: 'Kinesis',
  cloudwatch: 'CloudWatch',
  cloudwatchlogs: 'CloudWatchLogs',
  iam: 'Iam',
  sts: 'Sts',
  scheduler: 'Scheduler',
  firehose: 'Firehose',
  apigateway: 'ApiGateway',
  dynamodbstreams: 'DynamoDbStreams',
  cloudformation: 'CloudFormation',
};

function modelled(model: string, code: string): boolean {
  try {
    return loadModel(model).shapes[code]?.exception === true;
  } catch {
    return false;
  }
}

/** The HTTP status the service answered with: the error's own, else its shape's in the model. */
function statusOf(model: string, error: AwsError): number {
  if (error.status !== undefined) return error.status;
  try {
    return loadModel(model).shapes[error.code]?.error?.httpStatusCode ?? 400;
  } catch {
    return 400;
  }
}

/** The code the service's wire protocol names the error by (a query-protocol service's `NotFound` for NotFoundException). */
function wireCode(model: string, error: AwsError): string {
  try {
    return loadModel(model).shapes[error.code]?.error?.code ?? error.code;
  } catch {
    return error.code;
  }
}

const withException = (code: string) => (code.endsWith('Exception') ? code : `${code}Exception`);

/** A failed call of an optimized integration as the task's error (`DynamoDB.ResourceNotFoundException`, with AWS's cause). */
export function optimizedError(integration: string, error: unknown, requestId: string): StatesError {
  if (!(error instanceof AwsError)) return error instanceof StatesError ? error : new StatesError('States.TaskFailed', String(error));
  const names = OPTIMIZED[integration] ?? { prefix: integration, service: integration, model: integration };
  const name = modelled(names.model, error.code) ? withException(error.code) : (names.exception ?? `${names.service}Exception`);
  const status = statusOf(names.model, error);
  return new StatesError(
    `${names.prefix}.${name}`,
    `${error.message} (Service: ${names.service}; Status Code: ${status}; Error Code: ${wireCode(names.model, error)}; Request ID: ${requestId}; Proxy: null)`,
  );
}

export function sdkClientName(service: string): string {
  return SDK_NAMES[service] ?? service.charAt(0).toUpperCase() + service.slice(1);
}

/**
 * A failed `aws-sdk:*` call as the task's error (`S3.NoSuchBucketException`, `SecretsManager.SecretsManagerException`).
 * The cause ends with the SDK's attempt count, as AWS's has since its SDK began adding it (recorded 2025; 2023's lacked it).
 */
export function sdkError(service: string, model: string, error: unknown, requestId: string): StatesError {
  if (!(error instanceof AwsError)) return error instanceof StatesError ? error : new StatesError('States.TaskFailed', String(error));
  const client = sdkClientName(service);
  const name = modelled(model, error.code) ? withException(error.code) : `${client}Exception`;
  return new StatesError(`${client}.${name}`, `${error.message} (Service: ${client}, Status Code: ${statusOf(model, error)}, Request ID: ${requestId}) (SDK Attempt Count: 1)`);
}
