/**
 * The services twinstack serves, by IAM service namespace, with their names (each botocore model's
 * `serviceFullName`): what service last accessed reports list for services a policy allows but nobody used. A
 * policy's wildcard actions (`*`, `s*`) expand over these.
 */
export const SERVICE_NAMES: ReadonlyMap<string, string> = new Map([
  ['apigateway', 'Amazon API Gateway'],
  ['cloudformation', 'AWS CloudFormation'],
  ['cloudwatch', 'Amazon CloudWatch'],
  ['dynamodb', 'Amazon DynamoDB'],
  ['ecr', 'Amazon Elastic Container Registry'],
  ['events', 'Amazon EventBridge'],
  ['firehose', 'Amazon Kinesis Firehose'],
  ['iam', 'AWS Identity and Access Management'],
  ['kinesis', 'Amazon Kinesis'],
  ['kms', 'AWS Key Management Service'],
  ['lambda', 'AWS Lambda'],
  ['logs', 'Amazon CloudWatch Logs'],
  ['s3', 'Amazon Simple Storage Service'],
  ['scheduler', 'Amazon EventBridge Scheduler'],
  ['secretsmanager', 'AWS Secrets Manager'],
  ['sns', 'Amazon Simple Notification Service'],
  ['sqs', 'Amazon Simple Queue Service'],
  ['ssm', 'Amazon Simple Systems Manager (SSM)'],
  ['states', 'AWS Step Functions'],
  ['sts', 'AWS Security Token Service'],
]);
