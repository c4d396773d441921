import assert from 'node:assert/strict';
import * as apigw from '@aws-sdk/client-api-gateway';
import * as apigw2 from '@aws-sdk/client-apigatewayv2';
import * as cc from '@aws-sdk/client-cloudcontrol';
import * as cfn from '@aws-sdk/client-cloudformation';
import * as cw from '@aws-sdk/client-cloudwatch';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as ddb from '@aws-sdk/client-dynamodb';
import * as ddbs from '@aws-sdk/client-dynamodb-streams';
import * as ecr from '@aws-sdk/client-ecr';
import * as eb from '@aws-sdk/client-eventbridge';
import * as fh from '@aws-sdk/client-firehose';
import * as iam from '@aws-sdk/client-iam';
import * as kinesis from '@aws-sdk/client-kinesis';
import * as kms from '@aws-sdk/client-kms';
import * as lambda from '@aws-sdk/client-lambda';
import * as s3 from '@aws-sdk/client-s3';
import * as s3control from '@aws-sdk/client-s3-control';
import * as scheduler from '@aws-sdk/client-scheduler';
import * as sm from '@aws-sdk/client-secrets-manager';
import * as sfn from '@aws-sdk/client-sfn';
import * as sns from '@aws-sdk/client-sns';
import * as sqs from '@aws-sdk/client-sqs';
import * as ssm from '@aws-sdk/client-ssm';
import * as sts from '@aws-sdk/client-sts';
import { ALL_SERVICE_NAMES } from '../../emulator/services/index.ts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { zip } from '../lambda/support.ts';
import { localhostNames } from '../support/localhost-names.ts';

/**
 * Accounts and regions are walls, for every served service: a resource account A creates in one region is neither
 * visible nor reachable (by name, id, URL or ARN) from account B, from account C or from A's other region; a resource
 * named by another account's ARN is never the caller's own same-named one; and where the service has a resource
 * policy, it opens exactly the action and account it names. One row per service; a new service adds a row.
 */
const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const EAST = 'us-east-1';
const WEST = 'eu-west-1';
const NAME = 'wall';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Client = { send(command: any): Promise<any>; destroy(): void; config: { region: () => Promise<string> } };
type ClientConfig = { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; maxAttempts: number; forcePathStyle: boolean };

/** An AWS error a call must end in: its code and HTTP status (and, when given, its message). */
type Refusal = [name: string, status: number, message?: string | RegExp];
/** What a lookup gives where the resource is not: an error, or an answer that lists nothing. */
type Missing = Refusal | { absent: (output: any) => boolean }; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Wall {
  service: string;
  client: (config: ClientConfig) => Client;
  /** Creates the resource named NAME as this client's account and region; returns how others address it (ARN, URL, id). */
  create: (c: Client, account: string, region: string) => Promise<string>;
  /** Looks the resource up by its name in the caller's own account and region. */
  own: (c: Client) => Promise<unknown>;
  missing: Missing;
  /** Uses the resource by its reference (ARN, URL, or an id for services that address by id only). */
  use: (c: Client, ref: string) => Promise<unknown>;
  /** What another account gets from `use` without a policy. */
  denied: Refusal;
  /** What the owner gets from `use` in its other region; absent for global services, which answer there too. */
  otherRegion?: Refusal;
  /** Whether B also creates a same-named resource (so a reference resolved in the caller's account would find it). */
  sameNameInB?: boolean;
  /** Global services (IAM): one account's resources are the same in every region. */
  global?: boolean;
  /** A resource policy granting B exactly `granted` (and not `withheld`). */
  policy?: {
    grant: (owner: Client, ref: string) => Promise<unknown>;
    granted: (c: Client, ref: string) => Promise<unknown>;
    withheld: (c: Client, ref: string) => Promise<unknown>;
  };
}

const arn = (service: string, region: string, account: string, resource: string) => `arn:aws:${service}:${region}:${account}:${resource}`;
const allow = (actions: string[], resource = '*', principal: object = { AWS: `arn:aws:iam::${B}:root` }) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'grant', Effect: 'Allow', Principal: principal, Action: actions, Resource: resource }] });
const trust = (accounts: string[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) }, Action: 'sts:AssumeRole' }] });
const notAuthorized = (action: string, resource: string) =>
  `User: arn:aws:iam::${B}:root is not authorized to perform: ${action} on resource: ${resource} because no resource-based policy allows the ${action} action`;

const WALLS: Wall[] = [
  {
    service: 'sqs',
    client: (c) => new sqs.SQSClient(c),
    create: async (c) => (await c.send(new sqs.CreateQueueCommand({ QueueName: NAME }))).QueueUrl,
    own: (c) => c.send(new sqs.GetQueueUrlCommand({ QueueName: NAME })),
    missing: ['QueueDoesNotExist', 400],
    use: (c, url) => c.send(new sqs.GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] })),
    denied: ['AccessDenied', 403],
    otherRegion: ['QueueDoesNotExist', 400],
    sameNameInB: true,
    policy: {
      grant: (c, url) => c.send(new sqs.AddPermissionCommand({ QueueUrl: url, Label: 'grant', AWSAccountIds: [B], Actions: ['SendMessage'] })),
      granted: (c, url) => c.send(new sqs.SendMessageCommand({ QueueUrl: url, MessageBody: 'from b' })),
      withheld: (c, url) => c.send(new sqs.ReceiveMessageCommand({ QueueUrl: url })),
    },
  },
  {
    service: 'sts',
    client: (c) => new sts.STSClient(c),
    // A role's trust policy is the resource policy AssumeRole obeys; the owner's account is trusted at first.
    create: async (_c, account, region) => {
      const roles = new iam.IAMClient(configOf(account, region));
      try {
        for (const name of [NAME, `${NAME}-closed`]) await roles.send(new iam.CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust([account]) }));
      } finally {
        roles.destroy();
      }
      return `arn:aws:iam::${account}:role/${NAME}`;
    },
    own: async (c) => {
      const { Account } = await c.send(new sts.GetCallerIdentityCommand({}));
      if (Account !== A) throw Object.assign(new Error(`identity of ${Account}`), { name: 'OtherAccount' });
    },
    missing: ['OtherAccount', 0],
    use: (c, role) => c.send(new sts.AssumeRoleCommand({ RoleArn: role, RoleSessionName: 'session' })),
    denied: ['AccessDenied', 403, `User: arn:aws:iam::${B}:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${A}:role/${NAME}`],
    global: true,
    policy: {
      grant: async () => {
        const roles = new iam.IAMClient(configOf(A, EAST));
        await roles.send(new iam.UpdateAssumeRolePolicyCommand({ RoleName: NAME, PolicyDocument: trust([A, B]) })).finally(() => roles.destroy());
      },
      granted: (c, role) => c.send(new sts.AssumeRoleCommand({ RoleArn: role, RoleSessionName: 'session' })),
      withheld: (c, role) => c.send(new sts.AssumeRoleCommand({ RoleArn: `${role}-closed`, RoleSessionName: 'session' })),
    },
  },
  {
    service: 'dynamodb',
    client: (c) => new ddb.DynamoDBClient(c),
    create: async (c) => {
      const table = { TableName: NAME, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }], BillingMode: 'PAY_PER_REQUEST' as const };
      return (await c.send(new ddb.CreateTableCommand(table))).TableDescription.TableArn;
    },
    own: (c) => c.send(new ddb.DescribeTableCommand({ TableName: NAME })),
    missing: ['ResourceNotFoundException', 400],
    use: (c, ref) => c.send(new ddb.GetItemCommand({ TableName: ref, Key: { id: { S: '1' } } })),
    denied: ['AccessDeniedException', 400, notAuthorized('dynamodb:GetItem', arn('dynamodb', EAST, A, `table/${NAME}`))],
    otherRegion: ['ValidationException', 400],
    sameNameInB: true,
    policy: {
      grant: (c, ref) => c.send(new ddb.PutResourcePolicyCommand({ ResourceArn: ref, Policy: allow(['dynamodb:GetItem'], ref) })),
      granted: (c, ref) => c.send(new ddb.GetItemCommand({ TableName: ref, Key: { id: { S: '1' } } })),
      withheld: (c, ref) => c.send(new ddb.PutItemCommand({ TableName: ref, Item: { id: { S: '1' } } })),
    },
  },
  {
    service: 'dynamodbstreams',
    client: (c) => new ddbs.DynamoDBStreamsClient(c),
    create: async (_c, account, region) => {
      const table = new ddb.DynamoDBClient(configOf(account, region));
      try {
        const { TableDescription } = await table.send(
          new ddb.CreateTableCommand({
            TableName: `${NAME}-streamed`,
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
          }),
        );
        return TableDescription!.LatestStreamArn!;
      } finally {
        table.destroy();
      }
    },
    own: (c) => c.send(new ddbs.ListStreamsCommand({ TableName: `${NAME}-streamed` })),
    missing: { absent: (out) => out.Streams.length === 0 },
    use: (c, ref) => c.send(new ddbs.DescribeStreamCommand({ StreamArn: ref })),
    denied: ['AccessDeniedException', 400],
    otherRegion: ['ResourceNotFoundException', 400],
  },
  {
    service: 'kinesis',
    client: (c) => new kinesis.KinesisClient(c),
    create: async (c, account, region) => {
      await c.send(new kinesis.CreateStreamCommand({ StreamName: NAME, ShardCount: 1 }));
      return arn('kinesis', region, account, `stream/${NAME}`);
    },
    own: (c) => c.send(new kinesis.DescribeStreamSummaryCommand({ StreamName: NAME })),
    missing: ['ResourceNotFoundException', 400],
    use: (c, ref) => c.send(new kinesis.DescribeStreamSummaryCommand({ StreamARN: ref })),
    denied: ['AccessDeniedException', 400, notAuthorized('kinesis:DescribeStreamSummary', arn('kinesis', EAST, A, `stream/${NAME}`))],
    otherRegion: ['ResourceNotFoundException', 400],
    sameNameInB: true,
    policy: {
      grant: (c, ref) => c.send(new kinesis.PutResourcePolicyCommand({ ResourceARN: ref, Policy: allow(['kinesis:PutRecord'], ref) })),
      granted: (c, ref) => c.send(new kinesis.PutRecordCommand({ StreamARN: ref, Data: Buffer.from('x'), PartitionKey: 'k' })),
      withheld: (c, ref) => c.send(new kinesis.DescribeStreamSummaryCommand({ StreamARN: ref })),
    },
  },
  {
    service: 's3',
    client: (c) => new s3.S3Client(c),
    create: async (c) => {
      await c.send(new s3.CreateBucketCommand({ Bucket: `${NAME}-bucket` }));
      await c.send(new s3.PutObjectCommand({ Bucket: `${NAME}-bucket`, Key: 'k', Body: 'secret' }));
      return `${NAME}-bucket`;
    },
    own: async (c) => c.send(new s3.ListBucketsCommand({ BucketRegion: await c.config.region() })),
    missing: { absent: (out) => !out.Buckets?.some((b: { Name: string }) => b.Name === `${NAME}-bucket`) },
    use: (c, bucket) => c.send(new s3.GetObjectCommand({ Bucket: bucket, Key: 'k' })),
    denied: ['AccessDenied', 403, 'Access Denied'],
    // Bucket names are global; a bucket answers in its own region only.
    otherRegion: ['PermanentRedirect', 301],
    policy: {
      grant: (c, bucket) => c.send(new s3.PutBucketPolicyCommand({ Bucket: bucket, Policy: allow(['s3:GetObject'], `arn:aws:s3:::${bucket}/*`) })),
      granted: (c, bucket) => c.send(new s3.GetObjectCommand({ Bucket: bucket, Key: 'k' })),
      withheld: (c, bucket) => c.send(new s3.PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'overwritten' })),
    },
  },
  {
    service: 's3control',
    client: (c) => new s3control.S3ControlClient({ ...c, ...localhostNames(c.endpoint) }),
    create: async (c, account, region) => {
      const bucket = `${NAME}-${account}-${region}`;
      const buckets = new s3.S3Client(configOf(account, region));
      await buckets.send(new s3.CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: region === EAST ? undefined : { LocationConstraint: region as s3.BucketLocationConstraint } }));
      buckets.destroy();
      return (await c.send(new s3control.CreateAccessPointCommand({ AccountId: account, Name: NAME, Bucket: bucket }))).AccessPointArn;
    },
    own: async (c) => c.send(new s3control.GetAccessPointCommand({ AccountId: (await (c as s3control.S3ControlClient).config.credentials()).accessKeyId, Name: NAME })),
    missing: ['NoSuchAccessPoint', 404],
    // S3 Control acts on the caller's own account: another account id in the request is refused.
    use: (c, ref) => c.send(new s3control.GetAccessPointCommand({ AccountId: ref.split(':')[4], Name: NAME })),
    denied: ['AccessDenied', 403, 'Access Denied'],
    otherRegion: ['NoSuchAccessPoint', 404],
    sameNameInB: true,
  },
  {
    service: 'sns',
    client: (c) => new sns.SNSClient(c),
    create: async (c) => (await c.send(new sns.CreateTopicCommand({ Name: NAME }))).TopicArn,
    own: (c) => c.send(new sns.ListTopicsCommand({})),
    missing: { absent: (out) => out.Topics.length === 0 },
    use: (c, ref) => c.send(new sns.GetTopicAttributesCommand({ TopicArn: ref })),
    denied: ['AuthorizationErrorException', 403, notAuthorized('SNS:GetTopicAttributes', arn('sns', EAST, A, NAME))],
    otherRegion: ['InvalidParameterException', 400],
    sameNameInB: true,
    policy: {
      grant: (c, ref) => c.send(new sns.AddPermissionCommand({ TopicArn: ref, Label: 'grant', AWSAccountId: [B], ActionName: ['Publish'] })),
      granted: (c, ref) => c.send(new sns.PublishCommand({ TopicArn: ref, Message: 'from b' })),
      withheld: (c, ref) => c.send(new sns.GetTopicAttributesCommand({ TopicArn: ref })),
    },
  },
  {
    service: 'lambda',
    client: (c) => new lambda.LambdaClient(c),
    create: async (c, account) => {
      const code = { ZipFile: zip({ 'handler.py': 'def handler(event, context):\n    return event\n' }) };
      const role = `arn:aws:iam::${account}:role/${NAME}`;
      return (await c.send(new lambda.CreateFunctionCommand({ FunctionName: NAME, Runtime: 'python3.12', Handler: 'handler.handler', Role: role, Code: code }))).FunctionArn;
    },
    own: (c) => c.send(new lambda.GetFunctionCommand({ FunctionName: NAME })),
    missing: ['ResourceNotFoundException', 404],
    use: (c, ref) => c.send(new lambda.GetFunctionConfigurationCommand({ FunctionName: ref })),
    denied: ['AccessDeniedException', 403],
    otherRegion: ['ResourceNotFoundException', 404],
    sameNameInB: true,
    policy: {
      grant: (c, ref) => c.send(new lambda.AddPermissionCommand({ FunctionName: ref, StatementId: 'grant', Action: 'lambda:InvokeFunction', Principal: B })),
      granted: (c, ref) => c.send(new lambda.InvokeCommand({ FunctionName: ref, InvocationType: 'DryRun' })),
      withheld: (c, ref) => c.send(new lambda.GetPolicyCommand({ FunctionName: ref })),
    },
  },
  {
    service: 'iam',
    client: (c) => new iam.IAMClient(c),
    create: async (c) => (await c.send(new iam.CreatePolicyCommand({ PolicyName: NAME, PolicyDocument: allow(['s3:GetObject']).replace(/"Principal":\{[^}]*\},/, '') }))).Policy.Arn,
    own: (c) => c.send(new iam.GetPolicyCommand({ PolicyArn: `arn:aws:iam::${A}:policy/${NAME}` })),
    missing: ['NoSuchEntityException', 404],
    use: (c, ref) => c.send(new iam.GetPolicyCommand({ PolicyArn: ref })),
    denied: ['NoSuchEntityException', 404],
    sameNameInB: true,
    global: true,
  },
  {
    service: 'kms',
    client: (c) => new kms.KMSClient(c),
    create: async (c) => (await c.send(new kms.CreateKeyCommand({}))).KeyMetadata.Arn,
    own: (c) => c.send(new kms.ListKeysCommand({})),
    missing: { absent: (out) => out.Keys.length === 0 },
    use: (c, ref) => c.send(new kms.DescribeKeyCommand({ KeyId: ref })),
    denied: ['AccessDeniedException', 400],
    otherRegion: ['NotFoundException', 400],
    policy: {
      grant: (c, ref) =>
        c.send(
          new kms.PutKeyPolicyCommand({
            KeyId: ref,
            PolicyName: 'default',
            Policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
                { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'kms:DescribeKey', Resource: '*' },
              ],
            }),
          }),
        ),
      granted: (c, ref) => c.send(new kms.DescribeKeyCommand({ KeyId: ref })),
      withheld: (c, ref) => c.send(new kms.EncryptCommand({ KeyId: ref, Plaintext: Buffer.from('x') })),
    },
  },
  {
    service: 'secretsmanager',
    client: (c) => new sm.SecretsManagerClient(c),
    create: async (c) => (await c.send(new sm.CreateSecretCommand({ Name: NAME, SecretString: 'secret' }))).ARN,
    own: (c) => c.send(new sm.DescribeSecretCommand({ SecretId: NAME })),
    missing: ['ResourceNotFoundException', 400],
    use: (c, ref) => c.send(new sm.DescribeSecretCommand({ SecretId: ref })),
    denied: ['AccessDeniedException', 400],
    otherRegion: ['ResourceNotFoundException', 400],
    sameNameInB: true,
    policy: {
      grant: (c, ref) => c.send(new sm.PutResourcePolicyCommand({ SecretId: ref, ResourcePolicy: allow(['secretsmanager:DescribeSecret']) })),
      granted: (c, ref) => c.send(new sm.DescribeSecretCommand({ SecretId: ref })),
      withheld: (c, ref) => c.send(new sm.PutSecretValueCommand({ SecretId: ref, SecretString: 'overwritten' })),
    },
  },
  {
    service: 'ssm',
    client: (c) => new ssm.SSMClient(c),
    create: async (c, account, region) => {
      await c.send(new ssm.PutParameterCommand({ Name: NAME, Value: account, Type: 'String' }));
      return arn('ssm', region, account, `parameter/${NAME}`);
    },
    own: (c) => c.send(new ssm.GetParameterCommand({ Name: NAME })),
    missing: ['ParameterNotFound', 400],
    use: (c, ref) => c.send(new ssm.GetParameterCommand({ Name: ref })),
    denied: ['ParameterNotFound', 400],
    otherRegion: ['ParameterNotFound', 400],
    sameNameInB: true,
  },
  {
    service: 'events',
    client: (c) => new eb.EventBridgeClient(c),
    create: async (c) => (await c.send(new eb.CreateEventBusCommand({ Name: NAME }))).EventBusArn,
    own: (c) => c.send(new eb.DescribeEventBusCommand({ Name: NAME })),
    missing: ['ResourceNotFoundException', 400],
    use: (c, ref) => c.send(new eb.DescribeEventBusCommand({ Name: ref })),
    denied: ['ResourceNotFoundException', 400],
    otherRegion: ['ResourceNotFoundException', 400],
    sameNameInB: true,
    policy: {
      grant: (c) => c.send(new eb.PutPermissionCommand({ EventBusName: NAME, StatementId: 'grant', Action: 'events:PutEvents', Principal: B })),
      granted: async (c, ref) => {
        const { FailedEntryCount, Entries } = await c.send(new eb.PutEventsCommand({ Entries: [{ EventBusName: ref, Source: 'b', DetailType: 't', Detail: '{}' }] }));
        if (FailedEntryCount) throw Object.assign(new Error(Entries[0].ErrorMessage), { name: Entries[0].ErrorCode });
      },
      withheld: (c, ref) => c.send(new eb.PutRuleCommand({ Name: 'b-rule', EventBusName: ref, EventPattern: '{"source":["b"]}' })),
    },
  },
  {
    service: 'logs',
    client: (c) => new logs.CloudWatchLogsClient(c),
    create: async (c, account, region) => {
      await c.send(new logs.CreateLogGroupCommand({ logGroupName: NAME }));
      return arn('logs', region, account, `log-group:${NAME}`);
    },
    own: (c) => c.send(new logs.DescribeLogStreamsCommand({ logGroupName: NAME })),
    missing: ['ResourceNotFoundException', 400],
    use: (c, ref) => c.send(new logs.DescribeLogStreamsCommand({ logGroupIdentifier: ref })),
    denied: ['ResourceNotFoundException', 400],
    otherRegion: ['ResourceNotFoundException', 400],
    sameNameInB: true,
  },
  {
    service: 'cloudwatch',
    client: (c) => new cw.CloudWatchClient(c),
    create: async (c, account, region) => {
      const alarm = { AlarmName: NAME, MetricName: 'm', Namespace: 'ns', Statistic: 'Sum' as const, Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' as const };
      await c.send(new cw.PutMetricAlarmCommand(alarm));
      return arn('cloudwatch', region, account, `alarm:${NAME}`);
    },
    own: (c) => c.send(new cw.DescribeAlarmsCommand({ AlarmNames: [NAME] })),
    missing: { absent: (out) => out.MetricAlarms.length === 0 },
    use: (c, ref) => c.send(new cw.TagResourceCommand({ ResourceARN: ref, Tags: [{ Key: 'k', Value: 'v' }] })),
    denied: ['ResourceNotFoundException', 404],
    otherRegion: ['ResourceNotFoundException', 404],
    sameNameInB: true,
  },
  {
    service: 'scheduler',
    client: (c) => new scheduler.SchedulerClient(c),
    create: async (c, account, region) => {
      const { ScheduleGroupArn } = await c.send(new scheduler.CreateScheduleGroupCommand({ Name: NAME }));
      const target = { Arn: arn('sqs', region, account, NAME), RoleArn: `arn:aws:iam::${account}:role/${NAME}` };
      await c.send(new scheduler.CreateScheduleCommand({ Name: NAME, GroupName: NAME, ScheduleExpression: 'rate(1 day)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: target }));
      return ScheduleGroupArn;
    },
    own: (c) => c.send(new scheduler.GetScheduleCommand({ Name: NAME, GroupName: NAME })),
    missing: ['ResourceNotFoundException', 404],
    use: (c, ref) => c.send(new scheduler.ListTagsForResourceCommand({ ResourceArn: ref })),
    denied: ['ResourceNotFoundException', 404],
    otherRegion: ['ResourceNotFoundException', 404],
    sameNameInB: true,
  },
  {
    service: 'firehose',
    client: (c) => new fh.FirehoseClient(c),
    create: async (c, account) => {
      const destination = { BucketARN: `arn:aws:s3:::${NAME}-firehose-${account}`, RoleARN: `arn:aws:iam::${account}:role/${NAME}` };
      return (await c.send(new fh.CreateDeliveryStreamCommand({ DeliveryStreamName: NAME, ExtendedS3DestinationConfiguration: destination }))).DeliveryStreamARN;
    },
    own: (c) => c.send(new fh.DescribeDeliveryStreamCommand({ DeliveryStreamName: NAME })),
    missing: ['ResourceNotFoundException', 400],
    // Firehose addresses streams by name only: another account's name is that account's (absent) stream.
    use: (c) => c.send(new fh.PutRecordCommand({ DeliveryStreamName: NAME, Record: { Data: Buffer.from('x') } })),
    denied: ['ResourceNotFoundException', 400],
    otherRegion: ['ResourceNotFoundException', 400],
  },
  {
    service: 'stepfunctions',
    client: (c) => new sfn.SFNClient(c),
    create: async (c, account) => {
      const definition = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });
      return (await c.send(new sfn.CreateStateMachineCommand({ name: NAME, definition, roleArn: `arn:aws:iam::${account}:role/${NAME}` }))).stateMachineArn;
    },
    own: (c) => c.send(new sfn.ListStateMachinesCommand({})),
    missing: { absent: (out) => out.stateMachines.length === 0 },
    use: (c, ref) => c.send(new sfn.DescribeStateMachineCommand({ stateMachineArn: ref })),
    denied: ['StateMachineDoesNotExist', 400],
    otherRegion: ['StateMachineDoesNotExist', 400],
    sameNameInB: true,
  },
  {
    service: 'apigateway',
    client: (c) => new apigw.APIGatewayClient(c),
    create: async (c) => (await c.send(new apigw.CreateRestApiCommand({ name: NAME }))).id,
    own: (c) => c.send(new apigw.GetRestApisCommand({})),
    missing: { absent: (out) => out.items.length === 0 },
    use: (c, id) => c.send(new apigw.GetRestApiCommand({ restApiId: id })),
    denied: ['NotFoundException', 404],
    otherRegion: ['NotFoundException', 404],
  },
  {
    service: 'apigatewayv2',
    client: (c) => new apigw2.ApiGatewayV2Client(c),
    create: async (c) => (await c.send(new apigw2.CreateApiCommand({ Name: NAME, ProtocolType: 'HTTP' }))).ApiId,
    own: (c) => c.send(new apigw2.GetApisCommand({})),
    missing: { absent: (out) => out.Items.length === 0 },
    use: (c, id) => c.send(new apigw2.GetApiCommand({ ApiId: id })),
    denied: ['NotFoundException', 404],
    otherRegion: ['NotFoundException', 404],
  },
  {
    service: 'cloudformation',
    client: (c) => new cfn.CloudFormationClient(c),
    create: async (c) => {
      const template = JSON.stringify({ Resources: { Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle' } } });
      return (await c.send(new cfn.CreateStackCommand({ StackName: NAME, TemplateBody: template }))).StackId;
    },
    own: (c) => c.send(new cfn.DescribeStacksCommand({ StackName: NAME })),
    missing: ['ValidationError', 400, `Stack with id ${NAME} does not exist`],
    use: (c, ref) => c.send(new cfn.DescribeStacksCommand({ StackName: ref })),
    denied: ['ValidationError', 400, /^Stack with id arn:.* does not exist$/],
    otherRegion: ['ValidationError', 400],
    sameNameInB: true,
  },
  {
    service: 'cloudcontrol',
    client: (c) => new cc.CloudControlClient(c),
    create: async (c) => {
      const { ProgressEvent } = await c.send(new cc.CreateResourceCommand({ TypeName: 'AWS::Logs::LogGroup', DesiredState: JSON.stringify({ LogGroupName: `${NAME}-cc` }) }));
      return ProgressEvent.Identifier;
    },
    own: (c) => c.send(new cc.GetResourceCommand({ TypeName: 'AWS::Logs::LogGroup', Identifier: `${NAME}-cc` })),
    missing: ['ResourceNotFoundException', 400],
    use: (c, id) => c.send(new cc.GetResourceCommand({ TypeName: 'AWS::Logs::LogGroup', Identifier: id })),
    denied: ['ResourceNotFoundException', 400],
    otherRegion: ['ResourceNotFoundException', 400],
  },
  {
    service: 'ecr',
    client: (c) => new ecr.ECRClient(c),
    create: async (c) => (await c.send(new ecr.CreateRepositoryCommand({ repositoryName: NAME }))).repository.repositoryArn,
    own: (c) => c.send(new ecr.DescribeRepositoriesCommand({ repositoryNames: [NAME] })),
    missing: ['RepositoryNotFoundException', 400],
    use: (c) => c.send(new ecr.DescribeRepositoriesCommand({ registryId: A, repositoryNames: [NAME] })),
    denied: ['AccessDeniedException', 400, notAuthorized('ecr:DescribeRepositories', arn('ecr', EAST, A, `repository/${NAME}`))],
    otherRegion: ['RepositoryNotFoundException', 400],
    sameNameInB: true,
    policy: {
      grant: (c) => c.send(new ecr.SetRepositoryPolicyCommand({ repositoryName: NAME, policyText: allow(['ecr:DescribeRepositories']).replace(',"Resource":"*"', '') })),
      granted: (c) => c.send(new ecr.DescribeRepositoriesCommand({ registryId: A, repositoryNames: [NAME] })),
      withheld: (c) => c.send(new ecr.GetRepositoryPolicyCommand({ registryId: A, repositoryName: NAME })),
    },
  },
];

let endpoint = '';
const configOf = (account: string, region: string): ClientConfig => ({ endpoint, region, credentials: { accessKeyId: account, secretAccessKey: 'test' }, maxAttempts: 1, forcePathStyle: true });

async function refused(call: Promise<unknown>, [name, status, message]: Refusal, what: string) {
  await assert.rejects(call, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(error.name, name, `${what}: ${error.message}`);
    if (status) assert.equal(error.$metadata?.httpStatusCode, status, what);
    if (typeof message === 'string') assert.equal(error.message, message, what);
    else if (message) assert.match(error.message, message, what);
    return true;
  }, what);
}

async function isMissing(call: Promise<unknown>, missing: Missing, what: string) {
  if (Array.isArray(missing)) return refused(call, missing, what);
  assert.ok(missing.absent(await call), `${what}: listed`);
}

describe('Account and region walls, every served service (3 accounts x 2 regions)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  const clients: Client[] = [];
  before(async () => {
    aws = await startTwinstack({ port: 0 });
    endpoint = aws.endpoint;
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await aws.stop();
  });

  it('has a row for every served service', () => {
    assert.deepEqual(WALLS.map((w) => w.service).sort(), [...ALL_SERVICE_NAMES].sort());
  });

  for (const wall of WALLS) {
    describe(wall.service, () => {
      const as = (account: string, region = EAST) => {
        const client = wall.client(configOf(account, region));
        clients.push(client);
        return client;
      };
      let ref: string;
      before(async () => {
        ref = await wall.create(as(A), A, EAST);
        if (wall.sameNameInB) await wall.create(as(B), B, EAST);
        await wall.use(as(A), ref);
      });

      it('another account reaches nothing of it by reference, and its own same-named resource is not it', async () => {
        await refused(wall.use(as(B), ref), wall.denied, `${B} using ${ref}`);
        await refused(wall.use(as(C), ref), [wall.denied[0], wall.denied[1]], `${C} using ${ref}`);
        await isMissing(wall.own(as(C)), wall.missing, `${C} looking it up by name`);
      });

      it(wall.global ? 'a global service: the owner finds it in its other region' : 'another region of the owner neither lists nor reaches it', async () => {
        if (wall.global) {
          await wall.own(as(A, WEST));
          return;
        }
        await isMissing(wall.own(as(A, WEST)), wall.missing, `${A} in ${WEST} looking it up by name`);
        await refused(wall.use(as(A, WEST), ref), wall.otherRegion!, `${A} in ${WEST} using ${ref}`);
      });

      if (wall.policy) {
        it('its resource policy opens exactly the action and account it names', async () => {
          await wall.policy!.grant(as(A), ref);
          await wall.policy!.granted(as(B), ref);
          await assert.rejects(wall.policy!.withheld(as(B), ref), `${B} doing what the policy does not name`);
          await assert.rejects(wall.policy!.granted(as(C), ref), `${C}, whom the policy does not name`);
        });
      }
    });
  }
});
