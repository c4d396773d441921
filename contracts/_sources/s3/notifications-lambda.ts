// LocalStack's AWS-validated S3-to-Lambda notification tests (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_notifications_lambda.py, Apache-2.0) reproduced as request sequences. The function
// stores the event record it gets in a DynamoDB table named by the object's key (a handler of the same behaviour as
// the test's lambda_triggered_by_s3.py, written here), and the test reads the table.
import { strToU8, zipSync } from 'fflate';
import type { SourceFile, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount } from './notification-queues.ts';
import { BUCKET, createBucket, onBucket, put } from './common.ts';

const FUNCTION = 'func-{{suffix}}';
const TABLE = 'table-{{suffix}}';
const ROLE = 'test-role-{{suffix}}';
const MISSING_FUNCTION = 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:my-lambda';

const HANDLER = `import uuid

import boto3


def handler(event, context):
    record = event["Records"][0]
    table = boto3.resource("dynamodb", region_name=record["awsRegion"]).Table(record["s3"]["object"]["key"])
    table.put_item(Item={"uuid": str(uuid.uuid4())[0:8], "data": record})
`;
const ZIP = { $blob: Buffer.from(zipSync({ 'handler.py': strToU8(HANDLER) }, { mtime: new Date('2020-01-01T00:00:00Z') })).toString('base64') };

const call = (service: string, protocol: SourceStep['protocol'], op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({
  service,
  protocol,
  op,
  params,
  ...more,
});

/** The role, function, S3 permission and table the test sets up before configuring the bucket. */
const functionWritingToTable: SourceStep[] = [
  call('iam', 'query', 'CreateRole', {
    RoleName: ROLE,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  }, { capture: { roleArn: '$.Role.Arn' } }),
  call('iam', 'query', 'AttachRolePolicy', { RoleName: ROLE, PolicyArn: 'arn:{{partition}}:iam::aws:policy/AWSLambdaExecute' }),
  call('iam', 'query', 'AttachRolePolicy', { RoleName: ROLE, PolicyArn: 'arn:{{partition}}:iam::aws:policy/AmazonDynamoDBFullAccess' }),
  call(
    'lambda',
    'rest-json',
    'CreateFunction',
    { FunctionName: FUNCTION, Runtime: 'python3.12', Role: '{{roleArn}}', Handler: 'handler.handler', Code: { ZipFile: ZIP }, Timeout: 30 },
    // A new role takes some seconds to be usable by Lambda on AWS (create_role's fixture waits for it).
    { capture: { functionArn: '$.FunctionArn' }, delaySeconds: 10 },
  ),
  call('lambda', 'rest-json', 'GetFunction', { FunctionName: FUNCTION }, { until: { path: '$.Configuration.State', matches: '^(Active|Failed)$', timeoutSeconds: 120 } }),
  call('lambda', 'rest-json', 'AddPermission', { FunctionName: FUNCTION, StatementId: '1', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' }),
  call('dynamodb', 'json', 'CreateTable', {
    TableName: TABLE,
    KeySchema: [{ AttributeName: 'uuid', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'uuid', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
  }),
  call('dynamodb', 'json', 'DescribeTable', { TableName: TABLE }, { until: { path: '$.Table.TableStatus', matches: '^ACTIVE$', timeoutSeconds: 120 } }),
];

const configure = (LambdaFunctionConfigurations: unknown[], snapshot?: string, extra: Record<string, unknown> = {}): SourceStep =>
  onBucket('PutBucketNotificationConfiguration', snapshot, { NotificationConfiguration: { LambdaFunctionConfigurations }, ...extra });

const source: SourceFile = {
  service: 's3',
  module: 'test_s3_notifications_lambda',
  idPrefix: 'test_notifications_lambda-',
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  redactedWords: { 'amz-id': 'any', 'amz-request-id': 'any', sequencer: 'any' },
  scenarios: [
    {
      test: 'TestS3NotificationsToLambda::test_create_object_put_via_dynamodb',
      steps: [
        createBucket(),
        ...functionWritingToTable,
        configure([{ LambdaFunctionArn: '{{functionArn}}', Events: ['s3:ObjectCreated:*'] }]),
        put(TABLE, 'something..'),
        call('dynamodb', 'json', 'Scan', { TableName: TABLE }, { snapshot: 'table_content', select: '$.Items[0].data', until: { path: '$.Count', matches: '^[1-9]', timeoutSeconds: 60 } }),
      ],
    },
    {
      test: 'TestS3NotificationsToLambda::test_invalid_lambda_arn',
      steps: [
        callerAccount,
        createBucket(),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], LambdaFunctionArn: 'invalid-queue' }], 'invalid_not_skip', { SkipDestinationValidation: false }),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], LambdaFunctionArn: 'invalid-queue' }], 'invalid_skip', { SkipDestinationValidation: true }),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], LambdaFunctionArn: MISSING_FUNCTION }], 'lambda-does-not-exist'),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], LambdaFunctionArn: MISSING_FUNCTION }], undefined, { SkipDestinationValidation: true }),
        onBucket('GetBucketNotificationConfiguration', 'skip_destination_validation'),
      ],
    },
    {
      test: 'TestS3NotificationsToLambda::test_create_object_by_presigned_request_via_dynamodb',
      steps: [
        createBucket(),
        ...functionWritingToTable,
        configure([{ LambdaFunctionArn: '{{functionArn}}', Events: ['s3:ObjectCreated:*'] }]),
        { op: 'PutObject', params: { Bucket: BUCKET, Key: TABLE }, presign: { version: 'v4', body: 'by_presigned_put' } },
        { op: 'PutObject', params: {}, postForm: { bucket: BUCKET, key: TABLE, file: { content: 'by post method 1' } } },
        call('dynamodb', 'json', 'Scan', { TableName: TABLE }, { snapshot: 'items', select: '$.Items', unordered: ['$'], until: { path: '$.Count', matches: '^[2-9]', timeoutSeconds: 60 } }),
      ],
      note: 'the test sorts the items by event name before snapshotting them; the contract judges them in any order',
    },
  ],
  notPorted: {},
};

export default source;
