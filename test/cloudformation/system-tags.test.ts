import assert from 'node:assert/strict';
import { APIGatewayClient, GetRestApiCommand, TagResourceCommand as TagApiCommand } from '@aws-sdk/client-api-gateway';
import { CreateStackCommand, DescribeStackEventsCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, ListTagsForResourceCommand as ListAlarmTagsCommand, TagResourceCommand as TagAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, ListTagsForResourceCommand as ListLogsTagsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, ListTagsOfResourceCommand, TagResourceCommand as TagTableCommand } from '@aws-sdk/client-dynamodb';
import { ECRClient, ListTagsForResourceCommand as ListEcrTagsCommand, TagResourceCommand as TagRepositoryCommand } from '@aws-sdk/client-ecr';
import { CreateEventBusCommand, EventBridgeClient, ListTagsForResourceCommand as ListEventsTagsCommand } from '@aws-sdk/client-eventbridge';
import { CreateScheduleGroupCommand, ListTagsForResourceCommand as ListSchedulerTagsCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { AddTagsToStreamCommand, KinesisClient, ListTagsForStreamCommand } from '@aws-sdk/client-kinesis';
import { KMSClient, ListResourceTagsCommand, TagResourceCommand as TagKeyCommand } from '@aws-sdk/client-kms';
import { LambdaClient, ListTagsCommand, TagResourceCommand as TagFunctionCommand } from '@aws-sdk/client-lambda';
import { GetBucketTaggingCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeSecretCommand, SecretsManagerClient, TagResourceCommand as TagSecretCommand } from '@aws-sdk/client-secrets-manager';
import { ListTagsForResourceCommand as ListMachineTagsCommand, SFNClient, TagResourceCommand as TagMachineCommand } from '@aws-sdk/client-sfn';
import { ListTagsForResourceCommand as ListTopicTagsCommand, SNSClient, TagResourceCommand as TagTopicCommand } from '@aws-sdk/client-sns';
import { ListQueueTagsCommand, SQSClient, TagQueueCommand } from '@aws-sdk/client-sqs';
import { AddTagsToResourceCommand, ListTagsForResourceCommand as ListParameterTagsCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

const TEMPLATE = {
  Resources: {
    Queue: { Type: 'AWS::SQS::Queue', Properties: { Tags: [{ Key: 'team', Value: 'orders' }] } },
    Topic: { Type: 'AWS::SNS::Topic' },
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'tagged-api' } },
    Logs: { Type: 'AWS::Logs::LogGroup' },
    Repository: { Type: 'AWS::ECR::Repository' },
    Group: { Type: 'AWS::Scheduler::ScheduleGroup' },
    Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'tagged-bus' } },
    Alarm: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: { MetricName: 'Errors', Namespace: 'Shop', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' },
    },
    Bucket: { Type: 'AWS::S3::Bucket' },
    Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: 'shh' } },
    Parameter: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'v' } },
    Key: { Type: 'AWS::KMS::Key' },
    Stream: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        Tags: [{ Key: 'team', Value: 'orders' }],
      },
    },
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'states.amazonaws.com'] }, Action: 'sts:AssumeRole' }] } },
    },
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: 'exports.handler = async () => 1;' } },
    },
    EventSourceMapping: {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: { FunctionName: { Ref: 'Fn' }, EventSourceArn: { 'Fn::GetAtt': ['Queue', 'Arn'] }, Tags: [{ Key: 'my', Value: 'tag' }] },
    },
    Machine: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: { RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, DefinitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}' },
    },
  },
  Outputs: {
    QueueUrl: { Value: { Ref: 'Queue' } },
    TopicArn: { Value: { Ref: 'Topic' } },
    ApiId: { Value: { Ref: 'Api' } },
    LogGroupArn: { Value: { 'Fn::GetAtt': ['Logs', 'Arn'] } },
    RepositoryArn: { Value: { 'Fn::GetAtt': ['Repository', 'Arn'] } },
    GroupArn: { Value: { 'Fn::GetAtt': ['Group', 'Arn'] } },
    BusArn: { Value: { 'Fn::GetAtt': ['Bus', 'Arn'] } },
    AlarmArn: { Value: { 'Fn::GetAtt': ['Alarm', 'Arn'] } },
    BucketName: { Value: { Ref: 'Bucket' } },
    SecretArn: { Value: { Ref: 'Secret' } },
    ParameterName: { Value: { Ref: 'Parameter' } },
    KeyId: { Value: { Ref: 'Key' } },
    StreamName: { Value: { Ref: 'Stream' } },
    TableArn: { Value: { 'Fn::GetAtt': ['Table', 'Arn'] } },
    FunctionName: { Value: { Ref: 'Fn' } },
    MachineArn: { Value: { Ref: 'Machine' } },
    MappingArn: { Value: { 'Fn::GetAtt': ['EventSourceMapping', 'EventSourceMappingArn'] } },
  },
};

/** A tag list as a sorted `key=value` array, whatever shape the service answers in. */
function pairs(tags: { Key?: string; Value?: string; TagKey?: string; TagValue?: string; key?: string; value?: string }[] | Record<string, string> | undefined): string[] {
  const list = Array.isArray(tags) ? tags.map((t) => [t.Key ?? t.TagKey ?? t.key, t.Value ?? t.TagValue ?? t.value]) : Object.entries(tags ?? {});
  return list.map(([k, v]) => `${k}=${v}`).sort();
}

async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  return assert.fail('expected the request to be refused');
}

// CloudFormation tags what a stack creates with aws:cloudformation:stack-name, logical-id and stack-id (AWS-recorded:
// Lambda's ListTags and Secrets Manager's DescribeSecret of stack resources; the AWS::SSM::Parameter documentation),
// through each service's own tag API; users cannot set or change those keys themselves.
describe('CloudFormation aws:cloudformation:* tags (SDK v3 clients)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => ((aws = a), (cfn = c)));
  const client = <T>(Client: new (config: object) => T): T => new Client({ endpoint: aws.endpoint, ...CLIENT_CONFIG, forcePathStyle: true });
  let outputs: Record<string, string>;
  let system: (logicalId: string) => string[];

  before(async () => {
    const { StackId } = await cfn.send(new CreateStackCommand({ StackName: 'tagged', TemplateBody: JSON.stringify(TEMPLATE), Capabilities: ['CAPABILITY_IAM'], Tags: [{ Key: 'env', Value: 'test' }] }));
    const stack = await settled(cfn, 'tagged');
    if (stack.StackStatus !== 'CREATE_COMPLETE') {
      const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'tagged' }));
      assert.fail(StackEvents!.filter((e) => e.ResourceStatus === 'CREATE_FAILED').map((e) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`).join('\n'));
    }
    outputs = Object.fromEntries(stack.Outputs!.map((o) => [o.OutputKey!, o.OutputValue!]));
    system = (logicalId) => [`aws:cloudformation:logical-id=${logicalId}`, `aws:cloudformation:stack-id=${StackId}`, 'aws:cloudformation:stack-name=tagged', 'env=test'];
  });

  it('puts them on topics, buckets, secrets, parameters, keys, streams, functions, event source mappings, state machines and REST APIs, not queues', async () => {
    const sqs = client(SQSClient);
    // AWS's recording of a stack's queue lists the stack's and the template's tags only.
    assert.deepEqual(pairs((await sqs.send(new ListQueueTagsCommand({ QueueUrl: outputs.QueueUrl }))).Tags), ['env=test', 'team=orders']);
    assert.deepEqual(pairs((await client(SNSClient).send(new ListTopicTagsCommand({ ResourceArn: outputs.TopicArn }))).Tags), system('Topic'));
    assert.deepEqual(pairs((await client(S3Client).send(new GetBucketTaggingCommand({ Bucket: outputs.BucketName }))).TagSet), system('Bucket'));
    const secret = await client(SecretsManagerClient).send(new DescribeSecretCommand({ SecretId: outputs.SecretArn }));
    // AWS's recording lists a stack's secret tags in this order: stack-name, logical-id, stack-id.
    assert.deepEqual(secret.Tags!.filter((t) => t.Key!.startsWith('aws:')).map((t) => t.Key), ['aws:cloudformation:stack-name', 'aws:cloudformation:logical-id', 'aws:cloudformation:stack-id']);
    assert.deepEqual(pairs(secret.Tags), system('Secret'));
    const ssm = client(SSMClient);
    assert.deepEqual(pairs((await ssm.send(new ListParameterTagsCommand({ ResourceType: 'Parameter', ResourceId: outputs.ParameterName }))).TagList), system('Parameter'));
    assert.deepEqual(pairs((await client(KMSClient).send(new ListResourceTagsCommand({ KeyId: outputs.KeyId }))).Tags), system('Key'));
    assert.deepEqual(pairs((await client(KinesisClient).send(new ListTagsForStreamCommand({ StreamName: outputs.StreamName }))).Tags), system('Stream'));
    assert.deepEqual(pairs((await client(LambdaClient).send(new ListTagsCommand({ Resource: await functionArn() }))).Tags), system('Fn'));
    // AWS-recorded (lambda event_source_mapping test_cfn_resource::test_adding_tags): the mapping's own tag and CloudFormation's.
    assert.deepEqual(pairs((await client(LambdaClient).send(new ListTagsCommand({ Resource: outputs.MappingArn }))).Tags), [...system('EventSourceMapping'), 'my=tag'].sort());
    assert.deepEqual(pairs((await client(SFNClient).send(new ListMachineTagsCommand({ resourceArn: outputs.MachineArn }))).tags), system('Machine'));
    assert.deepEqual(pairs((await client(APIGatewayClient).send(new GetRestApiCommand({ restApiId: outputs.ApiId }))).tags), system('Api'));
  });

  it('puts them on log groups, repositories, schedule groups, event buses and alarms', async () => {
    assert.deepEqual(pairs((await client(CloudWatchLogsClient).send(new ListLogsTagsCommand({ resourceArn: outputs.LogGroupArn.replace(/:\*$/, '') }))).tags), system('Logs'));
    assert.deepEqual(pairs((await client(ECRClient).send(new ListEcrTagsCommand({ resourceArn: outputs.RepositoryArn }))).tags), system('Repository'));
    assert.deepEqual(pairs((await client(SchedulerClient).send(new ListSchedulerTagsCommand({ ResourceArn: outputs.GroupArn }))).Tags), system('Group'));
    assert.deepEqual(pairs((await client(EventBridgeClient).send(new ListEventsTagsCommand({ ResourceARN: outputs.BusArn }))).Tags), system('Bus'));
    assert.deepEqual(pairs((await client(CloudWatchClient).send(new ListAlarmTagsCommand({ ResourceARN: outputs.AlarmArn }))).Tags), system('Alarm'));
  });

  it("leaves them off DynamoDB tables, as AWS's recording of a stack's table shows", async () => {
    const { Tags } = await client(DynamoDBClient).send(new ListTagsOfResourceCommand({ ResourceArn: outputs.TableArn }));
    assert.deepEqual(pairs(Tags), ['env=test', 'team=orders']);
  });

  async function functionArn(): Promise<string> {
    return `arn:aws:lambda:us-east-1:000000000000:function:${outputs.FunctionName}`;
  }

  it("refuses users' aws: keys with each service's error, CloudFormation's own included", async () => {
    const refused: [string, () => Promise<unknown>, string, string][] = [
      ['sqs', () => client(SQSClient).send(new TagQueueCommand({ QueueUrl: outputs.QueueUrl, Tags: { 'aws:cloudformation:stack-name': 'x' } })), 'InvalidParameterValue', "Tag key 'aws:cloudformation:stack-name' is invalid."],
      ['kms', () => client(KMSClient).send(new TagKeyCommand({ KeyId: outputs.KeyId, Tags: [{ TagKey: 'AWS:team', TagValue: 'x' }] })), 'TagException', 'Tags beginning with aws: are reserved'],
      ['secretsmanager', () => client(SecretsManagerClient).send(new TagSecretCommand({ SecretId: outputs.SecretArn, Tags: [{ Key: 'aws:cloudformation:logical-id', Value: 'x' }] })), 'InvalidParameterException', 'Invalid tag key.'],
      [
        'apigateway',
        () => client(APIGatewayClient).send(new TagApiCommand({ resourceArn: `arn:aws:apigateway:us-east-1::/restapis/${outputs.ApiId}`, tags: { 'aws:cloudformation:logical-id': 'x' } })),
        'BadRequestException',
        "Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)",
      ],
      ['s3', () => client(S3Client).send(new PutBucketTaggingCommand({ Bucket: outputs.BucketName, Tagging: { TagSet: [{ Key: 'aws:cloudformation:stack-name', Value: 'tagged' }] } })), 'InvalidTag', 'System tags cannot be added/updated by requester'],
    ];
    // Services whose words for this no AWS recording or documentation gives answer with their error shape and our words.
    const ours: [string, () => Promise<unknown>, string][] = [
      ['sns', () => client(SNSClient).send(new TagTopicCommand({ ResourceArn: outputs.TopicArn, Tags: [{ Key: 'aws:x', Value: 'y' }] })), 'InvalidParameterException'],
      ['lambda', async () => client(LambdaClient).send(new TagFunctionCommand({ Resource: await functionArn(), Tags: { 'aws:x': 'y' } })), 'InvalidParameterValueException'],
      ['ssm', () => client(SSMClient).send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: outputs.ParameterName, Tags: [{ Key: 'Aws:x', Value: 'y' }] })), 'InvalidParameters'],
      ['kinesis', () => client(KinesisClient).send(new AddTagsToStreamCommand({ StreamName: outputs.StreamName, Tags: { 'aws:x': 'y' } })), 'InvalidArgumentException'],
      ['stepfunctions', () => client(SFNClient).send(new TagMachineCommand({ resourceArn: outputs.MachineArn, tags: [{ key: 'aws:x', value: 'y' }] })), 'ValidationException'],
    ];
    ours.push(
      ['dynamodb', () => client(DynamoDBClient).send(new TagTableCommand({ ResourceArn: outputs.TableArn, Tags: [{ Key: 'aws:x', Value: 'y' }] })), 'ValidationException'],
      ['logs', () => client(CloudWatchLogsClient).send(new CreateLogGroupCommand({ logGroupName: 'mine', tags: { 'aws:x': 'y' } })), 'InvalidParameterException'],
      ['ecr', () => client(ECRClient).send(new TagRepositoryCommand({ resourceArn: outputs.RepositoryArn, tags: [{ Key: 'aws:x', Value: 'y' }] })), 'InvalidTagParameterException'],
      ['scheduler', () => client(SchedulerClient).send(new CreateScheduleGroupCommand({ Name: 'mine', Tags: [{ Key: 'aws:x', Value: 'y' }] })), 'ValidationException'],
      ['events', () => client(EventBridgeClient).send(new CreateEventBusCommand({ Name: 'mine', Tags: [{ Key: 'aws:x', Value: 'y' }] })), 'ValidationException'],
      ['cloudwatch', () => client(CloudWatchClient).send(new TagAlarmCommand({ ResourceARN: outputs.AlarmArn, Tags: [{ Key: 'aws:x', Value: 'y' }] })), 'InvalidParameterValueException'],
    );
    for (const [service, send, name] of ours) assert.deepEqual({ service, name: (await rejection(send())).name }, { service, name });
    for (const [service, send, name, message] of refused) {
      const error = await rejection(send());
      assert.deepEqual({ service, name: error.name, message: error.message }, { service, name, message });
    }
    const stack = await rejection(cfn.send(new CreateStackCommand({ StackName: 'mine', TemplateBody: JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }), Tags: [{ Key: 'aws:owner', Value: 'me' }] })));
    assert.deepEqual({ name: stack.name, message: stack.message }, { name: 'ValidationError', message: 'aws: prefixed tag key names are not allowed for external use.' });
  });

  it('lets users add their own tags next to the system tags', async () => {
    await client(SecretsManagerClient).send(new TagSecretCommand({ SecretId: outputs.SecretArn, Tags: [{ Key: 'owner', Value: 'me' }] }));
    const { Tags } = await client(SecretsManagerClient).send(new DescribeSecretCommand({ SecretId: outputs.SecretArn }));
    assert.deepEqual(pairs(Tags), [...system('Secret'), 'owner=me'].sort());
    await client(LambdaClient).send(new TagFunctionCommand({ Resource: await functionArn(), Tags: { owner: 'me' } }));
    await client(SNSClient).send(new TagTopicCommand({ ResourceArn: outputs.TopicArn, Tags: [{ Key: 'owner', Value: 'me' }] }));
    await client(SSMClient).send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: outputs.ParameterName, Tags: [{ Key: 'owner', Value: 'me' }] }));
    await client(SFNClient).send(new TagMachineCommand({ resourceArn: outputs.MachineArn, tags: [{ key: 'owner', value: 'me' }] }));
  });
});
