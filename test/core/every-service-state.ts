import assert from 'node:assert/strict';
import { APIGatewayClient, CreateResourceCommand as CreateApiResourceCommand, CreateRestApiCommand, GetMethodCommand, GetResourcesCommand, PutMethodCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, CreateRouteCommand, GetRoutesCommand } from '@aws-sdk/client-apigatewayv2';
import { CloudControlClient, CreateResourceCommand, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { CloudFormationClient, CreateStackCommand, DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  DescribeInsightRulesCommand,
  GetAlarmMuteRuleCommand,
  GetMetricStatisticsCommand,
  GetMetricStreamCommand,
  PutAlarmMuteRuleCommand,
  PutInsightRuleCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  PutMetricStreamCommand,
} from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, GetLogEventsCommand, PutLogEventsCommand, PutRetentionPolicyCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, RestoreTableToPointInTimeCommand, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, GetRecordsCommand as GetStreamRecordsCommand, GetShardIteratorCommand as GetStreamIteratorCommand, ListStreamsCommand, DescribeStreamCommand } from '@aws-sdk/client-dynamodb-streams';
import {
  CreatePullThroughCacheRuleCommand,
  CreateRepositoryCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  ListTagsForResourceCommand,
  PutLifecyclePolicyCommand,
  PutRegistryScanningConfigurationCommand,
} from '@aws-sdk/client-ecr';
import { CreateEventBusCommand, EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, FirehoseClient } from '@aws-sdk/client-firehose';
import { AttachRolePolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateAliasCommand, CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient, ListAliasesCommand } from '@aws-sdk/client-kms';
import { GetFunctionCommand, LambdaClient, ListTagsCommand } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, GetBucketTaggingCommand, GetObjectCommand, PutBucketTaggingCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateScheduleCommand, CreateScheduleGroupCommand, GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { CreateTopicCommand, GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  CreateDocumentCommand,
  CreateMaintenanceWindowCommand,
  DescribeDocumentCommand,
  DescribeMaintenanceWindowTargetsCommand,
  GetMaintenanceWindowCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  PutParameterCommand,
  RegisterTargetWithMaintenanceWindowCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createFunction } from '../lambda/support.ts';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const ROLE = 'arn:aws:iam::000000000000:role/persisted';
const LIFECYCLE = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 }, action: { type: 'expire' } }] });

/** One SDK v3 client per service for an endpoint, made on first use. */
export function clientsFor(endpoint: string) {
  const config = { endpoint, region: 'us-east-1', credentials: CREDENTIALS };
  const made: { destroy(): void }[] = [];
  const lazy = <T extends { destroy(): void }>(make: () => T) => {
    let client: T | undefined;
    return () => {
      if (!client) made.push((client = make()));
      return client;
    };
  };
  return {
    endpoint,
    sqs: lazy(() => new SQSClient(config)),
    sts: lazy(() => new STSClient(config)),
    dynamodb: lazy(() => new DynamoDBClient(config)),
    streams: lazy(() => new DynamoDBStreamsClient(config)),
    kinesis: lazy(() => new KinesisClient(config)),
    s3: lazy(() => new S3Client({ ...config, forcePathStyle: true })),
    sns: lazy(() => new SNSClient(config)),
    lambda: lazy(() => new LambdaClient(config)),
    iam: lazy(() => new IAMClient(config)),
    kms: lazy(() => new KMSClient(config)),
    secrets: lazy(() => new SecretsManagerClient(config)),
    ssm: lazy(() => new SSMClient(config)),
    events: lazy(() => new EventBridgeClient(config)),
    logs: lazy(() => new CloudWatchLogsClient(config)),
    cloudwatch: lazy(() => new CloudWatchClient(config)),
    scheduler: lazy(() => new SchedulerClient(config)),
    firehose: lazy(() => new FirehoseClient(config)),
    sfn: lazy(() => new SFNClient(config)),
    apigateway: lazy(() => new APIGatewayClient(config)),
    apigatewayv2: lazy(() => new ApiGatewayV2Client(config)),
    cloudformation: lazy(() => new CloudFormationClient(config)),
    cloudcontrol: lazy(() => new CloudControlClient(config)),
    ecr: lazy(() => new ECRClient(config)),
    destroy: () => made.forEach((client) => client.destroy()),
  };
}
export type Clients = ReturnType<typeof clientsFor>;

/** What a service's seed made (JSON, so that it can cross a process boundary), for its check after the restart. */
type Seeded = Record<string, string>;

/** For one served service: make state through its SDK client, and check after a restart that all of it is back. */
export interface ServiceState {
  service: string;
  seed(c: Clients): Promise<Seeded>;
  verify(c: Clients, seeded: Seeded): Promise<void>;
}

const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const queueArn = async (c: Clients, url: string) =>
  (await c.sqs().send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;

/** Every served service, with state that is typical of it (and, where it has them, its timers). */
export const EVERY_SERVICE: ServiceState[] = [
  {
    service: 'sqs',
    async seed(c) {
      const url = (await c.sqs().send(new CreateQueueCommand({ QueueName: 'every-queue', Attributes: { VisibilityTimeout: '3600' }, tags: { team: 'a' } }))).QueueUrl!;
      await c.sqs().send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'kept', MessageAttributes: { kind: { DataType: 'String', StringValue: 'x' } } }));
      return { url };
    },
    async verify(c, { url }) {
      const got = await c.sqs().send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }));
      assert.equal(got.Messages?.[0]?.Body, 'kept');
      assert.equal(got.Messages?.[0]?.MessageAttributes?.kind.StringValue, 'x');
      const attributes = await c.sqs().send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['VisibilityTimeout'] }));
      assert.equal(attributes.Attributes?.VisibilityTimeout, '3600');
    },
  },
  {
    service: 'sts',
    async seed(c) {
      // With IAM served, the role must exist and trust the caller.
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }] });
      const { Role } = await c.iam().send(new CreateRoleCommand({ RoleName: 'kept', AssumeRolePolicyDocument: trust }));
      const { Credentials } = await c.sts().send(new AssumeRoleCommand({ RoleArn: Role!.Arn, RoleSessionName: 'kept-session' }));
      return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
    },
    async verify(c, credentials) {
      const role = new STSClient({ endpoint: c.endpoint, region: 'us-east-1', credentials: credentials as never });
      try {
        const identity = await role.send(new GetCallerIdentityCommand({}));
        assert.equal(identity.Account, '000000000000');
        assert.match(identity.Arn!, /assumed-role\/kept\/kept-session$/);
      } finally {
        role.destroy();
      }
    },
  },
  {
    service: 'dynamodb',
    async seed(c) {
      await c.dynamodb().send(new CreateTableCommand({
        TableName: 'every-table', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }));
      // Point-in-time recovery keeps the item's history: the restore after the restart finds its first version.
      await c.dynamodb().send(new UpdateContinuousBackupsCommand({ TableName: 'every-table', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
      await c.dynamodb().send(new PutItemCommand({ TableName: 'every-table', Item: { pk: { S: 'a' }, n: { N: '1' } } }));
      await new Promise((r) => setTimeout(r, 5));
      const firstVersion = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      await c.dynamodb().send(new PutItemCommand({ TableName: 'every-table', Item: { pk: { S: 'a' }, n: { N: '1.5' }, b: { B: Buffer.from([0, 255]) }, l: { L: [{ SS: ['x', 'y'] }] } } }));
      return { firstVersion };
    },
    async verify(c, { firstVersion }) {
      const { Item } = await c.dynamodb().send(new GetItemCommand({ TableName: 'every-table', Key: { pk: { S: 'a' } } }));
      assert.deepEqual(Item, { pk: { S: 'a' }, n: { N: '1.5' }, b: { B: Uint8Array.from([0, 255]) }, l: { L: [{ SS: ['x', 'y'] }] } });
      assert.equal((await c.dynamodb().send(new DescribeTableCommand({ TableName: 'every-table' }))).Table?.ItemCount, 1);
      await c.dynamodb().send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'every-table', TargetTableName: 'every-table-then', RestoreDateTime: new Date(firstVersion) }));
      const then = await c.dynamodb().send(new GetItemCommand({ TableName: 'every-table-then', Key: { pk: { S: 'a' } } }));
      assert.deepEqual(then.Item, { pk: { S: 'a' }, n: { N: '1' } });
    },
  },
  {
    service: 'dynamodbstreams',
    async seed(c) {
      await c.dynamodb().send(new CreateTableCommand({
        TableName: 'every-streamed', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }));
      await c.dynamodb().send(new PutItemCommand({ TableName: 'every-streamed', Item: { pk: { S: 'k' }, v: { S: 'one' } } }));
      await c.dynamodb().send(new PutItemCommand({ TableName: 'every-streamed', Item: { pk: { S: 'k' }, v: { S: 'two' } } }));
      return {};
    },
    async verify(c) {
      const { Streams } = await c.streams().send(new ListStreamsCommand({ TableName: 'every-streamed' }));
      const { StreamDescription } = await c.streams().send(new DescribeStreamCommand({ StreamArn: Streams![0].StreamArn }));
      const { ShardIterator } = await c.streams().send(new GetStreamIteratorCommand({ StreamArn: Streams![0].StreamArn, ShardId: StreamDescription!.Shards![0].ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
      const { Records } = await c.streams().send(new GetStreamRecordsCommand({ ShardIterator }));
      assert.deepEqual(Records?.map((r) => r.eventName), ['INSERT', 'MODIFY']);
      assert.deepEqual(Records?.[1].dynamodb?.OldImage, { pk: { S: 'k' }, v: { S: 'one' } });
    },
  },
  {
    service: 'kinesis',
    async seed(c) {
      await c.kinesis().send(new CreateStreamCommand({ StreamName: 'every-stream', ShardCount: 1 }));
      await until(() => c.kinesis().send(new DescribeStreamSummaryCommand({ StreamName: 'every-stream' })), (s) => s.StreamDescriptionSummary?.StreamStatus === 'ACTIVE', 'the stream');
      const { SequenceNumber } = await c.kinesis().send(new PutRecordCommand({ StreamName: 'every-stream', PartitionKey: 'p', Data: Buffer.from('record') }));
      return { sequence: SequenceNumber! };
    },
    async verify(c, { sequence }) {
      const { Shards } = await c.kinesis().send(new ListShardsCommand({ StreamName: 'every-stream' }));
      const { ShardIterator } = await c.kinesis().send(new GetShardIteratorCommand({ StreamName: 'every-stream', ShardId: Shards![0].ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
      const { Records } = await c.kinesis().send(new GetRecordsCommand({ ShardIterator }));
      assert.equal(Records?.[0].SequenceNumber, sequence);
      assert.equal(Buffer.from(Records![0].Data!).toString(), 'record');
    },
  },
  {
    service: 's3',
    async seed(c) {
      await c.s3().send(new CreateBucketCommand({ Bucket: 'every-bucket' }));
      await c.s3().send(new PutBucketTaggingCommand({ Bucket: 'every-bucket', Tagging: { TagSet: [{ Key: 'k', Value: 'v' }] } }));
      await c.s3().send(new PutObjectCommand({ Bucket: 'every-bucket', Key: 'dir/object.txt', Body: 'object body', Metadata: { owner: 'me' } }));
      return {};
    },
    async verify(c) {
      const object = await c.s3().send(new GetObjectCommand({ Bucket: 'every-bucket', Key: 'dir/object.txt' }));
      assert.equal(await object.Body!.transformToString(), 'object body');
      assert.equal(object.Metadata?.owner, 'me');
      assert.deepEqual((await c.s3().send(new GetBucketTaggingCommand({ Bucket: 'every-bucket' }))).TagSet, [{ Key: 'k', Value: 'v' }]);
    },
  },
  {
    service: 'sns',
    async seed(c) {
      const { TopicArn } = await c.sns().send(new CreateTopicCommand({ Name: 'every-topic', Attributes: { DisplayName: 'Kept' } }));
      const url = (await c.sqs().send(new CreateQueueCommand({ QueueName: 'every-topic-queue' }))).QueueUrl!;
      await c.sns().send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: await queueArn(c, url) }));
      return { topicArn: TopicArn! };
    },
    async verify(c, { topicArn }) {
      assert.equal((await c.sns().send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes?.DisplayName, 'Kept');
      const { Subscriptions } = await c.sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
      assert.match(Subscriptions![0].Endpoint!, /:every-topic-queue$/);
    },
  },
  {
    service: 'lambda',
    async seed(c) {
      await createFunction(c.lambda(), { 'handler.py': 'def handler(event, context):\n    return event\n' }, { FunctionName: 'every-function', Tags: { team: 'a' }, MemorySize: 256 });
      const fn = await c.lambda().send(new GetFunctionCommand({ FunctionName: 'every-function' }));
      return { arn: fn.Configuration!.FunctionArn!, sha: fn.Configuration!.CodeSha256! };
    },
    async verify(c, { arn, sha }) {
      const fn = await c.lambda().send(new GetFunctionCommand({ FunctionName: 'every-function' }));
      assert.equal(fn.Configuration?.CodeSha256, sha);
      assert.equal(fn.Configuration?.MemorySize, 256);
      assert.deepEqual((await c.lambda().send(new ListTagsCommand({ Resource: arn }))).Tags, { team: 'a' });
    },
  },
  {
    service: 'iam',
    async seed(c) {
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
      await c.iam().send(new CreateRoleCommand({ RoleName: 'every-role', AssumeRolePolicyDocument: trust, Description: 'kept' }));
      const { Policy } = await c.iam().send(new CreatePolicyCommand({
        PolicyName: 'every-policy', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
      }));
      await c.iam().send(new AttachRolePolicyCommand({ RoleName: 'every-role', PolicyArn: Policy!.Arn }));
      await c.iam().send(new CreateUserCommand({ UserName: 'every-user' }));
      const { AccessKey } = await c.iam().send(new CreateAccessKeyCommand({ UserName: 'every-user' }));
      return { policyArn: Policy!.Arn!, accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
    },
    async verify(c, { policyArn, accessKeyId, secretAccessKey }) {
      // The user's access key still acts as the user.
      const asUser = new STSClient({ endpoint: c.endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey } });
      try {
        assert.match((await asUser.send(new GetCallerIdentityCommand({}))).Arn!, /:user\/every-user$/);
      } finally {
        asUser.destroy();
      }
      assert.equal((await c.iam().send(new GetRoleCommand({ RoleName: 'every-role' }))).Role?.Description, 'kept');
      const attached = await c.iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'every-role' }));
      assert.deepEqual(attached.AttachedPolicies?.map((p) => p.PolicyArn), [policyArn]);
      assert.ok((await c.iam().send(new ListUsersCommand({}))).Users?.some((u) => u.UserName === 'every-user'));
    },
  },
  {
    service: 'kms',
    async seed(c) {
      const { KeyMetadata } = await c.kms().send(new CreateKeyCommand({ Description: 'kept key' }));
      await c.kms().send(new CreateAliasCommand({ AliasName: 'alias/every-key', TargetKeyId: KeyMetadata!.KeyId }));
      const { CiphertextBlob } = await c.kms().send(new EncryptCommand({ KeyId: 'alias/every-key', Plaintext: Buffer.from('secret bytes') }));
      return { keyId: KeyMetadata!.KeyId!, ciphertext: Buffer.from(CiphertextBlob!).toString('base64') };
    },
    async verify(c, { keyId, ciphertext }) {
      // The key material survived: what it encrypted before the restart decrypts after it.
      const { Plaintext, KeyId } = await c.kms().send(new DecryptCommand({ CiphertextBlob: Buffer.from(ciphertext, 'base64') }));
      assert.equal(Buffer.from(Plaintext!).toString(), 'secret bytes');
      assert.match(KeyId!, new RegExp(`${keyId}$`));
      assert.ok((await c.kms().send(new ListAliasesCommand({ KeyId: keyId }))).Aliases?.some((a) => a.AliasName === 'alias/every-key'));
    },
  },
  {
    service: 'secretsmanager',
    async seed(c) {
      await c.secrets().send(new CreateSecretCommand({ Name: 'every/secret', SecretString: 'first', Description: 'kept' }));
      await c.secrets().send(new PutSecretValueCommand({ SecretId: 'every/secret', SecretString: 'second' }));
      return {};
    },
    async verify(c) {
      assert.equal((await c.secrets().send(new GetSecretValueCommand({ SecretId: 'every/secret' }))).SecretString, 'second');
      assert.equal((await c.secrets().send(new GetSecretValueCommand({ SecretId: 'every/secret', VersionStage: 'AWSPREVIOUS' }))).SecretString, 'first');
      assert.equal((await c.secrets().send(new DescribeSecretCommand({ SecretId: 'every/secret' }))).Description, 'kept');
    },
  },
  {
    service: 'ssm',
    async seed(c) {
      await c.ssm().send(new PutParameterCommand({ Name: '/every/param', Value: 'v1', Type: 'String' }));
      await c.ssm().send(new PutParameterCommand({ Name: '/every/param', Value: 'v2', Type: 'String', Overwrite: true }));
      await c.ssm().send(new PutParameterCommand({ Name: '/every/secure', Value: 'hidden', Type: 'SecureString' }));
      await c.ssm().send(new CreateDocumentCommand({ Name: 'every-doc', Content: JSON.stringify({ schemaVersion: '2.2', description: 'kept', mainSteps: [] }) }));
      const { WindowId } = await c.ssm().send(new CreateMaintenanceWindowCommand({ Name: 'every-window', Schedule: 'rate(1 day)', Duration: 2, Cutoff: 1, AllowUnassociatedTargets: true }));
      await c.ssm().send(new RegisterTargetWithMaintenanceWindowCommand({ WindowId, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Every', Values: ['yes'] }] }));
      return { WindowId: WindowId! };
    },
    async verify(c, seeded) {
      const { Parameter } = await c.ssm().send(new GetParameterCommand({ Name: '/every/param' }));
      assert.deepEqual([Parameter?.Value, Parameter?.Version], ['v2', 2]);
      assert.equal((await c.ssm().send(new GetParameterHistoryCommand({ Name: '/every/param' }))).Parameters?.length, 2);
      assert.equal((await c.ssm().send(new GetParameterCommand({ Name: '/every/secure', WithDecryption: true }))).Parameter?.Value, 'hidden');
      assert.equal((await c.ssm().send(new DescribeDocumentCommand({ Name: 'every-doc' }))).Document?.Description, 'kept');
      assert.equal((await c.ssm().send(new GetMaintenanceWindowCommand({ WindowId: seeded.WindowId }))).Name, 'every-window');
      assert.equal((await c.ssm().send(new DescribeMaintenanceWindowTargetsCommand({ WindowId: seeded.WindowId }))).Targets?.length, 1);
    },
  },
  {
    service: 'events',
    async seed(c) {
      await c.events().send(new CreateEventBusCommand({ Name: 'every-bus' }));
      await c.events().send(new PutRuleCommand({ Name: 'every-rule', EventBusName: 'every-bus', EventPattern: JSON.stringify({ source: ['kept'] }) }));
      await c.events().send(new PutTargetsCommand({ Rule: 'every-rule', EventBusName: 'every-bus', Targets: [{ Id: 't', Arn: 'arn:aws:sqs:us-east-1:000000000000:every-queue' }] }));
      return {};
    },
    async verify(c) {
      assert.deepEqual((await c.events().send(new ListRulesCommand({ EventBusName: 'every-bus' }))).Rules?.map((r) => r.Name), ['every-rule']);
      assert.deepEqual((await c.events().send(new ListTargetsByRuleCommand({ Rule: 'every-rule', EventBusName: 'every-bus' }))).Targets?.map((t) => t.Id), ['t']);
    },
  },
  {
    service: 'logs',
    async seed(c) {
      await c.logs().send(new CreateLogGroupCommand({ logGroupName: '/every/group' }));
      await c.logs().send(new PutRetentionPolicyCommand({ logGroupName: '/every/group', retentionInDays: 7 }));
      await c.logs().send(new CreateLogStreamCommand({ logGroupName: '/every/group', logStreamName: 'stream' }));
      const now = Date.now();
      await c.logs().send(new PutLogEventsCommand({ logGroupName: '/every/group', logStreamName: 'stream', logEvents: [{ timestamp: now, message: 'first' }, { timestamp: now, message: 'second' }] }));
      await c.logs().send(new PutLogEventsCommand({ logGroupName: '/every/group', logStreamName: 'stream', logEvents: [{ timestamp: now + 1, message: 'third' }] }));
      return {};
    },
    async verify(c) {
      const { events } = await c.logs().send(new GetLogEventsCommand({ logGroupName: '/every/group', logStreamName: 'stream', startFromHead: true }));
      assert.deepEqual(events?.map((e) => e.message), ['first', 'second', 'third']);
      assert.equal((await c.logs().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/every/' }))).logGroups?.[0].retentionInDays, 7);
    },
  },
  {
    service: 'cloudwatch',
    async seed(c) {
      const now = new Date();
      await c.cloudwatch().send(new PutMetricDataCommand({ Namespace: 'Every', MetricData: [{ MetricName: 'Load', Value: 5, Timestamp: now }, { MetricName: 'Load', Value: 7, Timestamp: now }] }));
      await c.cloudwatch().send(new PutMetricAlarmCommand({
        AlarmName: 'every-alarm', Namespace: 'Every', MetricName: 'Load', Statistic: 'Maximum', Period: 60, EvaluationPeriods: 1, Threshold: 100, ComparisonOperator: 'GreaterThanThreshold',
      }));
      const RuleDefinition = JSON.stringify({ Schema: { Name: 'CloudWatchLogRule', Version: 1 }, LogGroupNames: ['every*'], LogFormat: 'JSON', Contribution: { Keys: ['$.ip'] }, AggregateOn: 'Count' });
      await c.cloudwatch().send(new PutInsightRuleCommand({ RuleName: 'every-rule', RuleDefinition }));
      await c.cloudwatch().send(new PutMetricStreamCommand({ Name: 'every-stream', FirehoseArn: 'arn:aws:firehose:us-east-1:000000000000:deliverystream/x', RoleArn: ROLE, OutputFormat: 'json' }));
      await c.cloudwatch().send(new PutAlarmMuteRuleCommand({ Name: 'every-mute', Rule: { Schedule: { Expression: 'cron(0 2 * * *)', Duration: 'PT1H' } }, MuteTargets: { AlarmNames: ['every-alarm'] } }));
      return { at: now.toISOString() };
    },
    async verify(c, { at }) {
      const time = new Date(at);
      const stats = await c.cloudwatch().send(new GetMetricStatisticsCommand({
        Namespace: 'Every', MetricName: 'Load', StartTime: new Date(time.getTime() - 120_000), EndTime: new Date(time.getTime() + 120_000), Period: 3600, Statistics: ['Sum', 'SampleCount'],
      }));
      assert.deepEqual(stats.Datapoints?.map((d) => [d.Sum, d.SampleCount]), [[12, 2]]);
      assert.equal((await c.cloudwatch().send(new DescribeAlarmsCommand({ AlarmNames: ['every-alarm'] }))).MetricAlarms?.[0].Threshold, 100);
      assert.deepEqual((await c.cloudwatch().send(new DescribeInsightRulesCommand({}))).InsightRules?.map((r) => [r.Name, r.State]), [['every-rule', 'ENABLED']]);
      assert.equal((await c.cloudwatch().send(new GetMetricStreamCommand({ Name: 'every-stream' }))).State, 'running');
      assert.deepEqual((await c.cloudwatch().send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'every-mute' }))).MuteTargets, { AlarmNames: ['every-alarm'] });
    },
  },
  {
    service: 'scheduler',
    async seed(c) {
      await c.scheduler().send(new CreateScheduleGroupCommand({ Name: 'every-group' }));
      await c.scheduler().send(new CreateScheduleCommand({
        Name: 'every-schedule', GroupName: 'every-group', ScheduleExpression: 'rate(1 day)', FlexibleTimeWindow: { Mode: 'OFF' }, State: 'DISABLED',
        Target: { Arn: 'arn:aws:sqs:us-east-1:000000000000:every-queue', RoleArn: ROLE, Input: 'tick' },
      }));
      return {};
    },
    async verify(c) {
      const schedule = await c.scheduler().send(new GetScheduleCommand({ Name: 'every-schedule', GroupName: 'every-group' }));
      assert.deepEqual([schedule.ScheduleExpression, schedule.State, schedule.Target?.Input], ['rate(1 day)', 'DISABLED', 'tick']);
    },
  },
  {
    service: 'firehose',
    async seed(c) {
      await c.s3().send(new CreateBucketCommand({ Bucket: 'every-firehose' }));
      await c.firehose().send(new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'every-delivery', ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::every-firehose', Prefix: 'kept/' },
      }));
      return {};
    },
    async verify(c) {
      const { DeliveryStreamDescription } = await c.firehose().send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'every-delivery' }));
      assert.equal(DeliveryStreamDescription?.DeliveryStreamStatus, 'ACTIVE');
      assert.equal(DeliveryStreamDescription?.Destinations?.[0].ExtendedS3DestinationDescription?.Prefix, 'kept/');
    },
  },
  {
    service: 'stepfunctions',
    async seed(c) {
      const definition = JSON.stringify({ StartAt: 'Hello', States: { Hello: { Type: 'Pass', Result: { kept: true }, End: true } } });
      const { stateMachineArn } = await c.sfn().send(new CreateStateMachineCommand({ name: 'every-machine', definition, roleArn: ROLE }));
      const { executionArn } = await c.sfn().send(new StartExecutionCommand({ stateMachineArn, name: 'done', input: '{"in":1}' }));
      await until(() => c.sfn().send(new DescribeExecutionCommand({ executionArn })), (e) => e.status === 'SUCCEEDED', 'the execution');
      return { executionArn: executionArn! };
    },
    async verify(c, { executionArn }) {
      const execution = await c.sfn().send(new DescribeExecutionCommand({ executionArn }));
      assert.deepEqual([execution.status, execution.input, execution.output], ['SUCCEEDED', '{"in":1}', '{"kept":true}']);
      const { events } = await c.sfn().send(new GetExecutionHistoryCommand({ executionArn }));
      assert.deepEqual(events?.map((e) => e.type), ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    },
  },
  {
    service: 'apigateway',
    async seed(c) {
      const { id } = await c.apigateway().send(new CreateRestApiCommand({ name: 'every-rest' }));
      const root = (await c.apigateway().send(new GetResourcesCommand({ restApiId: id }))).items![0].id!;
      const resource = await c.apigateway().send(new CreateApiResourceCommand({ restApiId: id, parentId: root, pathPart: 'items' }));
      await c.apigateway().send(new PutMethodCommand({ restApiId: id, resourceId: resource.id, httpMethod: 'GET', authorizationType: 'NONE' }));
      return { id: id!, resource: resource.id! };
    },
    async verify(c, { id, resource }) {
      const { items } = await c.apigateway().send(new GetResourcesCommand({ restApiId: id }));
      assert.deepEqual(items?.map((r) => r.path).sort(), ['/', '/items']);
      assert.equal((await c.apigateway().send(new GetMethodCommand({ restApiId: id, resourceId: resource, httpMethod: 'GET' }))).authorizationType, 'NONE');
    },
  },
  {
    service: 'apigatewayv2',
    async seed(c) {
      const { ApiId } = await c.apigatewayv2().send(new CreateApiCommand({ Name: 'every-http', ProtocolType: 'HTTP' }));
      await c.apigatewayv2().send(new CreateRouteCommand({ ApiId, RouteKey: 'GET /kept' }));
      return { id: ApiId! };
    },
    async verify(c, { id }) {
      assert.deepEqual((await c.apigatewayv2().send(new GetRoutesCommand({ ApiId: id }))).Items?.map((r) => r.RouteKey), ['GET /kept']);
    },
  },
  {
    service: 'cloudformation',
    async seed(c) {
      const TemplateBody = JSON.stringify({ Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/every/stack-param', Type: 'String', Value: 'from-stack' } } } });
      await c.cloudformation().send(new CreateStackCommand({ StackName: 'every-stack', TemplateBody }));
      await until(() => c.cloudformation().send(new DescribeStacksCommand({ StackName: 'every-stack' })), (s) => !s.Stacks![0].StackStatus!.endsWith('IN_PROGRESS'), 'the stack');
      return {};
    },
    async verify(c) {
      assert.equal((await c.cloudformation().send(new DescribeStacksCommand({ StackName: 'every-stack' }))).Stacks?.[0].StackStatus, 'CREATE_COMPLETE');
      const { StackResources } = await c.cloudformation().send(new DescribeStackResourcesCommand({ StackName: 'every-stack' }));
      assert.deepEqual(StackResources?.map((r) => [r.LogicalResourceId, r.PhysicalResourceId, r.ResourceStatus]), [['Param', '/every/stack-param', 'CREATE_COMPLETE']]);
      assert.equal((await c.ssm().send(new GetParameterCommand({ Name: '/every/stack-param' }))).Parameter?.Value, 'from-stack');
    },
  },
  {
    service: 'cloudcontrol',
    async seed(c) {
      const { ProgressEvent } = await c.cloudcontrol().send(new CreateResourceCommand({ TypeName: 'AWS::SQS::Queue', DesiredState: JSON.stringify({ QueueName: 'every-controlled', DelaySeconds: 3 }) }));
      assert.equal(ProgressEvent?.OperationStatus, 'SUCCESS');
      return { id: ProgressEvent!.Identifier! };
    },
    async verify(c, { id }) {
      const { ResourceDescription } = await c.cloudcontrol().send(new GetResourceCommand({ TypeName: 'AWS::SQS::Queue', Identifier: id }));
      assert.equal(JSON.parse(ResourceDescription!.Properties!).DelaySeconds, 3);
    },
  },
  {
    service: 'ecr',
    async seed(c) {
      await c.ecr().send(new CreateRepositoryCommand({ repositoryName: 'every/repo', imageTagMutability: 'IMMUTABLE', tags: [{ Key: 'k', Value: 'v' }] }));
      await c.ecr().send(new PutLifecyclePolicyCommand({ repositoryName: 'every/repo', lifecyclePolicyText: LIFECYCLE }));
      await c.ecr().send(new PutRegistryScanningConfigurationCommand({ scanType: 'ENHANCED', rules: [] }));
      await c.ecr().send(new CreatePullThroughCacheRuleCommand({ ecrRepositoryPrefix: 'every', upstreamRegistryUrl: 'public.ecr.aws' }));
      return {};
    },
    async verify(c) {
      const { repositories } = await c.ecr().send(new DescribeRepositoriesCommand({ repositoryNames: ['every/repo'] }));
      assert.equal(repositories?.[0].imageTagMutability, 'IMMUTABLE');
      assert.equal((await c.ecr().send(new GetLifecyclePolicyCommand({ repositoryName: 'every/repo' }))).lifecyclePolicyText, LIFECYCLE);
      assert.deepEqual((await c.ecr().send(new ListTagsForResourceCommand({ resourceArn: repositories![0].repositoryArn }))).tags, [{ Key: 'k', Value: 'v' }]);
      assert.equal((await c.ecr().send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration!.scanType, 'ENHANCED');
      const [rule] = (await c.ecr().send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules!;
      assert.deepEqual([rule.ecrRepositoryPrefix, rule.upstreamRegistry], ['every', 'ecr-public']);
      assert.ok(rule.createdAt instanceof Date);
    },
  },
];

export const EVERY_SERVICE_NAME = EVERY_SERVICE.map((s) => s.service);
