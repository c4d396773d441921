/**
 * The operations a typical application (its code, its tests and its IaC deploys) calls most, per service: what a user
 * switching emulators tries in the first hour. Gaps here are marked in the scorecard. The lists follow the operations
 * the AWS SDK developer guides and the AWS CLI's high-level commands (`aws s3 cp/sync`, `aws logs tail`...) use.
 */
export const COMMON_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  sqs: ['CreateQueue', 'GetQueueUrl', 'SendMessage', 'SendMessageBatch', 'ReceiveMessage', 'DeleteMessage', 'DeleteMessageBatch', 'ChangeMessageVisibility', 'GetQueueAttributes', 'SetQueueAttributes', 'PurgeQueue', 'DeleteQueue', 'ListQueues'],
  sts: ['GetCallerIdentity', 'AssumeRole', 'AssumeRoleWithWebIdentity', 'GetSessionToken'],
  dynamodb: ['CreateTable', 'DescribeTable', 'DeleteTable', 'ListTables', 'UpdateTable', 'PutItem', 'GetItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactWriteItems', 'TransactGetItems', 'UpdateTimeToLive'],
  dynamodbstreams: ['DescribeStream', 'GetShardIterator', 'GetRecords', 'ListStreams'],
  kinesis: ['CreateStream', 'DescribeStream', 'DescribeStreamSummary', 'PutRecord', 'PutRecords', 'GetShardIterator', 'GetRecords', 'ListShards', 'DeleteStream'],
  s3: ['CreateBucket', 'HeadBucket', 'ListBuckets', 'DeleteBucket', 'PutObject', 'GetObject', 'HeadObject', 'DeleteObject', 'DeleteObjects', 'CopyObject', 'ListObjectsV2', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload', 'AbortMultipartUpload', 'PutBucketPolicy', 'PutBucketNotificationConfiguration', 'PutBucketVersioning'],
  sns: ['CreateTopic', 'Subscribe', 'Publish', 'PublishBatch', 'ListTopics', 'ListSubscriptionsByTopic', 'SetSubscriptionAttributes', 'GetTopicAttributes', 'Unsubscribe', 'DeleteTopic'],
  lambda: ['CreateFunction', 'GetFunction', 'Invoke', 'UpdateFunctionCode', 'UpdateFunctionConfiguration', 'DeleteFunction', 'ListFunctions', 'AddPermission', 'CreateEventSourceMapping', 'PublishVersion', 'CreateAlias'],
  iam: ['CreateRole', 'GetRole', 'DeleteRole', 'PutRolePolicy', 'AttachRolePolicy', 'DetachRolePolicy', 'CreatePolicy', 'CreateUser', 'CreateAccessKey', 'ListRoles'],
  kms: ['CreateKey', 'DescribeKey', 'Encrypt', 'Decrypt', 'GenerateDataKey', 'CreateAlias', 'ScheduleKeyDeletion'],
  secretsmanager: ['CreateSecret', 'GetSecretValue', 'PutSecretValue', 'UpdateSecret', 'DescribeSecret', 'DeleteSecret', 'ListSecrets'],
  ssm: ['PutParameter', 'GetParameter', 'GetParameters', 'GetParametersByPath', 'DeleteParameter', 'DescribeParameters'],
  logs: ['CreateLogGroup', 'CreateLogStream', 'PutLogEvents', 'GetLogEvents', 'FilterLogEvents', 'DescribeLogGroups', 'DescribeLogStreams', 'PutRetentionPolicy', 'DeleteLogGroup'],
  events: ['PutEvents', 'PutRule', 'PutTargets', 'DescribeRule', 'ListRules', 'RemoveTargets', 'DeleteRule', 'CreateEventBus'],
  cloudwatch: ['PutMetricData', 'GetMetricData', 'GetMetricStatistics', 'ListMetrics', 'PutMetricAlarm', 'DescribeAlarms'],
  scheduler: ['CreateSchedule', 'GetSchedule', 'UpdateSchedule', 'DeleteSchedule', 'ListSchedules'],
  firehose: ['CreateDeliveryStream', 'DescribeDeliveryStream', 'PutRecord', 'PutRecordBatch', 'DeleteDeliveryStream'],
  stepfunctions: ['CreateStateMachine', 'DescribeStateMachine', 'StartExecution', 'StartSyncExecution', 'DescribeExecution', 'GetExecutionHistory', 'ListExecutions', 'SendTaskSuccess', 'DeleteStateMachine'],
  apigateway: ['CreateRestApi', 'GetResources', 'CreateResource', 'PutMethod', 'PutIntegration', 'CreateDeployment', 'GetRestApis', 'DeleteRestApi'],
  apigatewayv2: ['CreateApi', 'CreateRoute', 'CreateIntegration', 'CreateStage', 'GetApis', 'DeleteApi'],
  // What `aws cloudformation deploy` and `cdk deploy` call.
  cloudformation: ['CreateChangeSet', 'DescribeChangeSet', 'ExecuteChangeSet', 'DescribeStacks', 'DescribeStackEvents', 'GetTemplate', 'DeleteStack'],
  ecr: ['CreateRepository', 'DescribeRepositories', 'DeleteRepository'],
};
