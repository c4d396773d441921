import assert from 'node:assert/strict';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { AddPermissionCommand, CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, GetFederationTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { APIGatewayClient, CreateDomainNameCommand } from '@aws-sdk/client-api-gateway';
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateEventBusCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateScheduleGroupCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetDefaultPatchBaselineCommand, GetParameterCommand, GetServiceSettingCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { partitionInfo } from '../../emulator/core/arn.ts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/** One region of each partition AWS's partition data knows, and the partition its ARNs must name. */
const PARTITIONS: [region: string, partition: string][] = [
  ['us-east-1', 'aws'],
  ['cn-north-1', 'aws-cn'],
  ['us-gov-west-1', 'aws-us-gov'],
  ['us-iso-east-1', 'aws-iso'],
  ['us-isob-east-1', 'aws-iso-b'],
  ['eu-isoe-west-1', 'aws-iso-e'],
  ['us-isof-south-1', 'aws-iso-f'],
];

const ACCOUNT = '123456789012';
const credentials = { accessKeyId: ACCOUNT, secretAccessKey: 'test' };

describe('ARNs in every partition (a resource of every served service per partition)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'sts', 'dynamodb', 'dynamodbstreams', 'kinesis'] });
  });
  after(() => aws.stop());

  for (const [region, partition] of PARTITIONS) {
    it(`${region} -> arn:${partition}:`, async () => {
      const config = { endpoint: aws.endpoint, region, credentials, maxAttempts: 1 };
      const sqs = new SQSClient(config);
      const sts = new STSClient(config);
      const ddb = new DynamoDBClient(config);
      const streams = new DynamoDBStreamsClient(config);
      const kinesis = new KinesisClient(config);
      try {
        const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'orders' }));
        await sqs.send(new AddPermissionCommand({ QueueUrl, Label: 'share', AWSAccountIds: ['210987654321'], Actions: ['SendMessage'] }));
        const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn', 'Policy'] }));
        assert.equal(Attributes!.QueueArn, `arn:${partition}:sqs:${region}:${ACCOUNT}:orders`);
        const statement = JSON.parse(Attributes!.Policy!).Statement[0];
        assert.equal(statement.Principal.AWS, `arn:${partition}:iam::210987654321:root`);

        const identity = await sts.send(new GetCallerIdentityCommand({}));
        assert.equal(identity.Arn, `arn:${partition}:iam::${ACCOUNT}:root`);
        const federated = await sts.send(new GetFederationTokenCommand({ Name: 'bob' }));
        assert.equal(federated.FederatedUser!.Arn, `arn:${partition}:sts::${ACCOUNT}:federated-user/bob`);

        const { TableDescription } = await ddb.send(
          new CreateTableCommand({
            TableName: 'items',
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
            SSESpecification: { Enabled: true },
          }),
        );
        assert.equal(TableDescription!.TableArn, `arn:${partition}:dynamodb:${region}:${ACCOUNT}:table/items`);
        assert.match(TableDescription!.SSEDescription!.KMSMasterKeyArn!, new RegExp(`^arn:${partition}:kms:${region}:${ACCOUNT}:key/`));
        const { Streams } = await streams.send(new ListStreamsCommand({ TableName: 'items' }));
        assert.match(Streams![0].StreamArn!, new RegExp(`^arn:${partition}:dynamodb:${region}:${ACCOUNT}:table/items/stream/`));

        await kinesis.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 1 }));
        const summary = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'events' }));
        assert.equal(summary.StreamDescriptionSummary!.StreamARN, `arn:${partition}:kinesis:${region}:${ACCOUNT}:stream/events`);
      } finally {
        for (const client of [sqs, sts, ddb, streams, kinesis]) client.destroy();
      }
    });
  }

  it('queue URLs in the AWS form of another partition name their region', async () => {
    const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'cn-north-1', credentials, maxAttempts: 1 });
    const elsewhere = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    try {
      await sqs.send(new CreateQueueCommand({ QueueName: 'china' }));
      const { Attributes } = await elsewhere.send(
        new GetQueueAttributesCommand({ QueueUrl: `https://sqs.cn-north-1.amazonaws.com.cn/${ACCOUNT}/china`, AttributeNames: ['QueueArn'] }),
      );
      assert.equal(Attributes!.QueueArn, `arn:aws-cn:sqs:cn-north-1:${ACCOUNT}:china`);
    } finally {
      sqs.destroy();
      elsewhere.destroy();
    }
  });
});

describe('ARNs and host names in every partition: the services served since the first five', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sns', 'ssm', 'kms', 'secretsmanager', 'logs', 'events', 'iam', 'ecr', 'stepfunctions', 'cloudwatch', 'apigateway', 'scheduler'] });
  });
  after(() => aws.stop());

  for (const [region, partition] of PARTITIONS) {
    it(`${region} -> arn:${partition}: and its DNS suffix`, async () => {
      const config = { endpoint: aws.endpoint, region, credentials, maxAttempts: 1 };
      const arn = (service: string, resource: string, inRegion = region) => `arn:${partition}:${service}:${inRegion}:${ACCOUNT}:${resource}`;
      const clients = {
        sns: new SNSClient(config),
        ssm: new SSMClient(config),
        kms: new KMSClient(config),
        secrets: new SecretsManagerClient(config),
        logs: new CloudWatchLogsClient(config),
        events: new EventBridgeClient(config),
        iam: new IAMClient(config),
        ecr: new ECRClient(config),
        sfn: new SFNClient(config),
        cloudwatch: new CloudWatchClient(config),
        apigateway: new APIGatewayClient(config),
        scheduler: new SchedulerClient(config),
      };
      try {
        assert.equal((await clients.sns.send(new CreateTopicCommand({ Name: 'alerts' }))).TopicArn, arn('sns', 'alerts'));
        await clients.ssm.send(new PutParameterCommand({ Name: '/app/key', Value: 'v', Type: 'String' }));
        assert.equal((await clients.ssm.send(new GetParameterCommand({ Name: '/app/key' }))).Parameter!.ARN, arn('ssm', 'parameter/app/key'));
        const setting = (await clients.ssm.send(new GetServiceSettingCommand({ SettingId: '/ssm/parameter-store/high-throughput-enabled' }))).ServiceSetting!;
        assert.equal(setting.ARN, arn('ssm', 'servicesetting/ssm/parameter-store/high-throughput-enabled'));
        assert.match((await clients.ssm.send(new GetDefaultPatchBaselineCommand({}))).BaselineId!, new RegExp(`^arn:${partition}:ssm:${region}:aws:patchbaseline/pb-`));
        assert.match((await clients.kms.send(new CreateKeyCommand({}))).KeyMetadata!.Arn!, new RegExp(`^${arn('kms', 'key/')}`));
        assert.match((await clients.secrets.send(new CreateSecretCommand({ Name: 'db', SecretString: 's' }))).ARN!, new RegExp(`^${arn('secretsmanager', 'secret:db-')}`));
        await clients.logs.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
        assert.equal((await clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'app' }))).logGroups![0].arn, arn('logs', 'log-group:app:*'));
        assert.equal((await clients.events.send(new CreateEventBusCommand({ Name: 'bus' }))).EventBusArn, arn('events', 'event-bus/bus'));
        const role = await clients.iam.send(new CreateRoleCommand({ RoleName: `runner-${region}`, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
        // IAM is global: one role name per partition here, as an account belongs to one partition.
        assert.equal(role.Role!.Arn, arn('iam', `role/runner-${region}`, ''));
        const repository = (await clients.ecr.send(new CreateRepositoryCommand({ repositoryName: 'web' }))).repository!;
        assert.equal(repository.repositoryArn, arn('ecr', 'repository/web'));
        assert.equal(repository.repositoryUri, `${ACCOUNT}.dkr.ecr.${region}.${partitionInfo(region).dnsSuffix}/web`);
        const machine = await clients.sfn.send(
          new CreateStateMachineCommand({ name: 'flow', roleArn: role.Role!.Arn, definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }) }),
        );
        assert.equal(machine.stateMachineArn, arn('states', 'stateMachine:flow'));
        await clients.cloudwatch.send(new PutMetricAlarmCommand({ AlarmName: 'high', MetricName: 'm', Namespace: 'n', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }));
        assert.equal((await clients.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['high'] }))).MetricAlarms![0].AlarmArn, arn('cloudwatch', 'alarm:high'));
        const domain = await clients.apigateway.send(new CreateDomainNameCommand({ domainName: 'api.example.com', regionalCertificateArn: arn('acm', 'certificate/x'), endpointConfiguration: { types: ['REGIONAL'] } }));
        assert.match(domain.regionalDomainName!, new RegExp(`\\.execute-api\\.${region}\\.${partitionInfo(region).dnsSuffix.replace(/\./g, '\\.')}$`));
        assert.equal((await clients.scheduler.send(new CreateScheduleGroupCommand({ Name: 'jobs' }))).ScheduleGroupArn, arn('scheduler', 'schedule-group/jobs'));
      } finally {
        for (const client of Object.values(clients)) client.destroy();
      }
    });
  }
});
