// Shared by the event source mapping sources (tests/aws/services/lambda_/event_source_mapping/, Apache-2.0): the
// fixtures' calls and the ways the tests read back the events their functions received.
import { pythonJson, type SourceStep } from '../../../verifier/port/source-types.ts';
import { createFunction, FUNCTION, queueSetup, zip } from '../lambda-api/common.ts';
import { topicToQueue } from '../sns/queue-subscription.ts';

/** functions/lambda_echo.py, in behaviour: print the event as JSON (one log line), answer it. */
export const echoPrinting = () => zip('import json\n\n\ndef handler(event, context):\n    print(json.dumps(event))\n    return event\n');

/** functions/lambda_event_source_mapping_send_message.py, in behaviour: the batch's records go to SQS_QUEUE_URL as one message. */
export const SEND_RECORDS = zip(`import json
import os

import boto3

SQS = boto3.client("sqs")


def handler(event, context):
    records = event.get("Records", [])
    SQS.send_message(QueueUrl=os.environ["SQS_QUEUE_URL"], MessageBody=json.dumps(records))
    return {"count": len(records)}
`);

/**
 * The batch tests' gathering of the records a SEND_RECORDS function forwarded to the queue at `url`, until all `count`
 * arrived (sorted in the snapshot, which the tests record as `Records`).
 */
export const forwardedRecords = (count: number, url: string): SourceStep => ({
  service: 'sqs',
  protocol: 'json',
  op: 'ReceiveMessage',
  params: { QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 120, WaitTimeSeconds: 5 },
  snapshot: 'Records',
  view: 'message-body-lists',
  until: { path: '$', count, accumulate: true, timeoutSeconds: 120 },
  unordered: ['$'],
});

/** create_lambda_function with a handler of the test's (handler.handler, python3.12) and the test's other arguments. */
export const withHandler = (code: { $blob: string }, params: Record<string, unknown> = {}, FunctionName = FUNCTION): SourceStep => {
  const step = createFunction({ Code: { ZipFile: code }, ...params, FunctionName });
  return FunctionName === FUNCTION ? step : { ...step, capture: undefined };
};

/** event_source_mapping/utils.py's create_lambda_with_response: print the event, answer `response` (Python source). */
export const withResponse = (response: string) => zip(`import json\n\ndef handler(event, context):\n    print(json.dumps(event))\n    return ${response}\n`);

/**
 * The report_batch_item_failure_scenarios' answers of the Kinesis and DynamoDB Streams tests, as Python source: batches
 * that fail until retries run out.
 */
export const BATCH_ITEM_FAILURES: Record<string, string> = {
  item_identifier_not_present_failure: "{'batchItemFailures': [{'itemIdentifier': 123}]}",
  empty_string_item_identifier_failure: "{'batchItemFailures': [{'itemIdentifier': ''}]}",
  null_item_identifier_failure: "{'batchItemFailures': [{'itemIdentifier': None}]}",
  invalid_key_foo_failure: "{'batchItemFailures': [{'foo': 123}]}",
  invalid_key_foo_null_value_failure: "{'batchItemFailures': [{'foo': None}]}",
  unhandled_exception_in_function: '(lambda: 1 / 0)()',
};

/** _await_event_source_mapping_enabled: GetEventSourceMapping until the mapping `{{uuid}}` is Enabled. */
export const esmEnabled: SourceStep = { op: 'GetEventSourceMapping', params: { UUID: '{{uuid}}' }, until: { path: '$.State', matches: '^Enabled$', timeoutSeconds: 120 } };

/**
 * get_lambda_log_events in a retry loop: the function's log group read (FilterLogEvents) until it holds `count`
 * printed events, which the test recorded as `snapshot`; bodies of SQS records, JSON the test decoded, are judged as
 * documents.
 */
export const functionLog = (snapshot: string, count: number, functionName = FUNCTION, extra: Partial<SourceStep> = {}): SourceStep => ({
  service: 'logs',
  protocol: 'json',
  op: 'FilterLogEvents',
  params: { logGroupName: `/aws/lambda/${functionName}` },
  snapshot,
  view: 'function-log',
  until: { path: '$', count, whileError: 'ResourceNotFoundException', timeoutSeconds: 120 },
  jsonStrings: ['$[*].Records[*].body', '$[*].event.Records[*].body'],
  ...extra,
});

/** lambda_utils.lambda_role: the trust policy the tests' own roles give Lambda. */
const LAMBDA_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
/** lambda_utils.esm_lambda_permission: what those roles may do (the event sources and destinations, logs). */
const ESM_PERMISSION = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'sqs:*', 'sns:*', 'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams',
        'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards',
        'kinesis:ListStreams', 'kinesis:SubscribeToShard', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 's3:ListBucket', 's3:PutObject',
      ],
      Resource: ['*'],
    },
  ],
};

/** create_iam_role_with_policy(RoleDefinition=lambda_role, PolicyDefinition=esm_lambda_permission): the role's ARN as `{{roleArn}}`. */
export const esmRole: SourceStep[] = [
  {
    service: 'iam',
    protocol: 'query',
    op: 'CreateRole',
    params: { RoleName: 'test-lambda-role-{{suffix}}', AssumeRolePolicyDocument: pythonJson(LAMBDA_TRUST) },
    capture: { roleArn: '$.Role.Arn' },
  },
  {
    service: 'iam',
    protocol: 'query',
    op: 'PutRolePolicy',
    params: { RoleName: 'test-lambda-role-{{suffix}}', PolicyName: 'test-lambda-policy-{{suffix}}', PolicyDocument: pythonJson(ESM_PERMISSION) },
  },
];

/** sqs_create_queue + sqs_get_queue_arn: an SQS on-failure destination, `{{queueUrl}}` and `{{queueArn}}`. */
export const destinationQueue = queueSetup('test-queue-{{suffix}}');

/** The tests' retry loop over the destination queue until the on-failure record is there, recorded as `snapshot`. */
export const failureMessages = (snapshot: string): SourceStep => ({
  service: 'sqs',
  protocol: 'json',
  op: 'ReceiveMessage',
  params: { QueueUrl: '{{queueUrl}}' },
  snapshot,
  jsonStrings: ['$.Messages[*].Body'],
  until: { path: '$.Messages', count: 1, timeoutSeconds: 240 },
});

/**
 * sqs_create_queue, sns_create_topic, the queue's subscription to the topic and sns_allow_topic_sqs_queue's queue
 * policy: an SNS on-failure destination (`{{topicArn}}`) whose messages land in `{{queueUrl}}`.
 */
export const snsDestination: SourceStep[] = [
  { service: 'sqs', protocol: 'json', op: 'CreateQueue', params: { QueueName: 'test-queue-{{suffix}}' }, capture: { queueUrl: '$.QueueUrl' } },
  { service: 'sns', protocol: 'query', op: 'CreateTopic', params: { Name: 'topic-{{suffix}}' }, capture: { topicArn: '$.TopicArn' } },
  { service: 'sqs', protocol: 'json', op: 'GetQueueAttributes', params: { QueueUrl: '{{queueUrl}}', AttributeNames: ['QueueArn'] }, capture: { queueArn: '$.Attributes.QueueArn' } },
  ...topicToQueue(),
];

/** The test's retry loop over the subscribed queue: the SNS notification of the failed batch's record, its Message decoded. */
export const snsFailureMessage: SourceStep = {
  service: 'sqs',
  protocol: 'json',
  op: 'ReceiveMessage',
  params: { QueueUrl: '{{queueUrl}}' },
  snapshot: 'failure_sns_message',
  messageBodies: { bodyJson: ['Message'] },
  until: { path: '$.Messages', count: 1, timeoutSeconds: 240 },
};

/** The s3_bucket fixture: an S3 on-failure destination, `arn:<partition>:s3:::test-bucket-{{suffix}}`. */
export const s3Destination: SourceStep = { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: 'test-bucket-{{suffix}}' } };
export const S3_DESTINATION_ARN = 'arn:{{partition}}:s3:::test-bucket-{{suffix}}';

/**
 * The test's retry loop over the bucket until it holds one object (the failed batch's record), then the object, whose
 * JSON the test recorded as `record_body`.
 */
export const s3FailureRecord: SourceStep[] = [
  { service: 's3', protocol: 'rest-xml', op: 'ListObjectsV2', params: { Bucket: 'test-bucket-{{suffix}}' }, until: { path: '$.Contents', count: 1, timeoutSeconds: 240 }, capture: { key: '$.Contents[0].Key' } },
  { service: 's3', protocol: 'rest-xml', op: 'GetObject', params: { Bucket: 'test-bucket-{{suffix}}', Key: '{{key}}' }, snapshot: 'record_body', select: '$.Body', jsonStrings: ['$'] },
];
