import assert from 'node:assert/strict';
import { DeleteStackCommand, GetTemplateSummaryCommand, type CloudFormationClient, type Stack } from '@aws-sdk/client-cloudformation';
import { DescribeKinesisStreamingDestinationCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetFunctionEventInvokeConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateBucketCommand, GetBucketNotificationConfigurationCommand, GetObjectLockConfigurationCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation } from './serve.ts';

const BUCKETS = (events: string) => `
Resources:
  Queue: { Type: AWS::SQS::Queue }
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: s3.amazonaws.com }, Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn }]
  Notified:
    Type: AWS::S3::Bucket
    DependsOn: QueuePolicy
    Properties:
      NotificationConfiguration:
        QueueConfigurations:
          - Event: ${events}
            Queue: !GetAtt Queue.Arn
            Filter: { S3Key: { Rules: [{ Name: prefix, Value: in/ }] } }
        EventBridgeConfiguration: { EventBridgeEnabled: true }
  Locked:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
      ObjectLockConfiguration: { ObjectLockEnabled: Enabled, Rule: { DefaultRetention: { Mode: GOVERNANCE, Days: 2 } } }
Outputs:
  Notified: { Value: !Ref Notified }
  Locked: { Value: !Ref Locked }
  QueueArn: { Value: !GetAtt Queue.Arn }
`;

const TABLE = (stream: string) => `
Resources:
  One: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }
  Two: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      KinesisStreamSpecification: { StreamArn: !GetAtt ${stream}.Arn }
Outputs:
  Table: { Value: !Ref Table }
  Stream: { Value: !GetAtt ${stream}.Arn }
`;

describe('CloudFormation resource properties applied through their services (S3, DynamoDB, SNS…) and template summaries', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it("applies a bucket's NotificationConfiguration (queue with key filter, EventBridge) and ObjectLockConfiguration, and updates the notifications", async () => {
    const s3 = new S3Client({ endpoint: aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
    let stack = await deploy(cfn, 'buckets', BUCKETS('s3:ObjectCreated:*'));
    const notified = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: output(stack, 'Notified') }));
    assert.equal(notified.QueueConfigurations!.length, 1);
    const [queue] = notified.QueueConfigurations!;
    assert.deepEqual([queue.QueueArn, queue.Events, queue.Filter], [output(stack, 'QueueArn'), ['s3:ObjectCreated:*'], { Key: { FilterRules: [{ Name: 'Prefix', Value: 'in/' }] } }]);
    assert.ok(queue.Id);
    assert.deepEqual(notified.EventBridgeConfiguration, {});
    const locked = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: output(stack, 'Locked') }));
    assert.deepEqual(locked.ObjectLockConfiguration, { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 2 } } });

    stack = await deploy(cfn, 'buckets', BUCKETS('s3:ObjectRemoved:*'), {}, true);
    const updated = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: output(stack, 'Notified') }));
    assert.deepEqual(updated.QueueConfigurations!.map((q) => q.Events), [['s3:ObjectRemoved:*']]);
    s3.destroy();
  });

  it("streams a table to the Kinesis stream of its KinesisStreamSpecification, and moves it when the stream changes", async () => {
    const dynamodb = new DynamoDBClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const destinations = async (stack: Stack) =>
      (await dynamodb.send(new DescribeKinesisStreamingDestinationCommand({ TableName: output(stack, 'Table') }))).KinesisDataStreamDestinations!.map((d) => [d.StreamArn, d.DestinationStatus]);
    let stack = await deploy(cfn, 'streamed', TABLE('One'));
    assert.deepEqual(await destinations(stack), [[output(stack, 'Stream'), 'ACTIVE']]);
    const first = output(stack, 'Stream');
    stack = await deploy(cfn, 'streamed', TABLE('Two'), {}, true);
    assert.deepEqual(await destinations(stack), [[first, 'DISABLED'], [output(stack, 'Stream'), 'ACTIVE']]);
    await cfn.send(new DeleteStackCommand({ StackName: 'streamed' }));
    dynamodb.destroy();
  });

  it("attaches a secret's resource policy (AWS::SecretsManager::ResourcePolicy), whose Ref is the secret's ARN", async () => {
    const secrets = new SecretsManagerClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] };
    const stack = await deploy(
      cfn,
      'secret-policy',
      JSON.stringify({
        Resources: { Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: 'x' } }, Policy: { Type: 'AWS::SecretsManager::ResourcePolicy', Properties: { SecretId: { Ref: 'Secret' }, ResourcePolicy: policy, BlockPublicPolicy: true } } },
        Outputs: { Secret: { Value: { Ref: 'Secret' } }, Policy: { Value: { Ref: 'Policy' } } },
      }),
    );
    assert.equal(output(stack, 'Policy'), output(stack, 'Secret'));
    const attached = await secrets.send(new GetResourcePolicyCommand({ SecretId: output(stack, 'Secret') }));
    assert.deepEqual(JSON.parse(attached.ResourcePolicy!), policy);
    await cfn.send(new DeleteStackCommand({ StackName: 'secret-policy' }));
    secrets.destroy();
  });

  it("gives SNS a FIFO topic's ArchivePolicy with the retention as a string, as AWS's topic handler does, and updates it in place", async () => {
    const sns = new SNSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const template = (days: number) =>
      JSON.stringify({
        Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { FifoTopic: true, ArchivePolicy: { MessageRetentionPeriod: days } } } },
        Outputs: { Topic: { Value: { Ref: 'Topic' } } },
      });
    const archivePolicy = async (arn: string) => (await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes!.ArchivePolicy;
    const stack = await deploy(cfn, 'archived-topic', template(30));
    const arn = output(stack, 'Topic');
    assert.equal(await archivePolicy(arn), '{"MessageRetentionPeriod":"30"}');
    assert.equal(output(await deploy(cfn, 'archived-topic', template(60), {}, true), 'Topic'), arn);
    assert.equal(await archivePolicy(arn), '{"MessageRetentionPeriod":"60"}');
    await cfn.send(new DeleteStackCommand({ StackName: 'archived-topic' }));
    sns.destroy();
  });

  it("sets a function version's asynchronous invocation settings (AWS::Lambda::EventInvokeConfig), updates and removes them", async () => {
    const lambda = new LambdaClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const template = (retries: number) =>
      JSON.stringify({
        Resources: {
          Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'async-fn', Runtime: 'python3.12', Handler: 'index.handler', Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: 'def handler(e, c):\n  return e\n' } } },
          Version: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Fn' } } },
          Async: { Type: 'AWS::Lambda::EventInvokeConfig', Properties: { FunctionName: { Ref: 'Fn' }, Qualifier: { 'Fn::GetAtt': 'Version.Version' }, MaximumEventAgeInSeconds: 300, MaximumRetryAttempts: retries } },
        },
      });
    await deploy(cfn, 'async', template(1));
    const read = () => lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'async-fn', Qualifier: '1' }));
    assert.deepEqual([(await read()).MaximumEventAgeInSeconds, (await read()).MaximumRetryAttempts], [300, 1]);
    await deploy(cfn, 'async', template(0), {}, true);
    assert.equal((await read()).MaximumRetryAttempts, 0);
    await cfn.send(new DeleteStackCommand({ StackName: 'async' }));
    lambda.destroy();
  });

  it('gives a schedule without a retry policy or time zone the ones AWS gives (a day, 185 attempts, UTC)', async () => {
    const scheduler = new SchedulerClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const target = { Arn: 'arn:aws:sqs:us-east-1:000000000000:q', RoleArn: 'arn:aws:iam::000000000000:role/r' };
    const stack = await deploy(
      cfn,
      'schedule',
      JSON.stringify({
        Resources: { Schedule: { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: target } } },
        Outputs: { Name: { Value: { Ref: 'Schedule' } } },
      }),
    );
    const schedule = await scheduler.send(new GetScheduleCommand({ Name: output(stack, 'Name') }));
    assert.deepEqual([schedule.ScheduleExpressionTimezone, schedule.Target!.RetryPolicy], ['UTC', { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 }]);
    scheduler.destroy();
  });

  it('reads a state machine definition from S3 (DefinitionS3Location) and asks for the AWS-owned key where the template names none', async () => {
    const s3 = new S3Client({ endpoint: aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
    const sfn = new SFNClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const definition = { StartAt: 'S0', States: { S0: { Type: 'Succeed' } } };
    await s3.send(new CreateBucketCommand({ Bucket: 'definitions' }));
    await s3.send(new PutObjectCommand({ Bucket: 'definitions', Key: 'machine.json', Body: JSON.stringify(definition) }));
    const stack = await deploy(
      cfn,
      'machine',
      JSON.stringify({
        Resources: { Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: 'arn:aws:iam::000000000000:role/r', DefinitionS3Location: { Bucket: 'definitions', Key: 'machine.json' } } } },
        Outputs: { Arn: { Value: { Ref: 'Machine' } } },
      }),
    );
    const machine = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: output(stack, 'Arn') }));
    assert.deepEqual([JSON.parse(machine.definition!), machine.encryptionConfiguration], [definition, { type: 'AWS_OWNED_KEY' }]);
    s3.destroy();
    sfn.destroy();
  });

  it("names the primary identifier of importable types (IAM roles, Kinesis and Firehose streams) in GetTemplateSummary, as AWS does", async () => {
    const template = JSON.stringify({
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
        Stream: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
        Delivery: { Type: 'AWS::KinesisFirehose::DeliveryStream', Properties: {} },
      },
    });
    const { ResourceIdentifierSummaries } = await cfn.send(new GetTemplateSummaryCommand({ TemplateBody: template }));
    assert.deepEqual(
      ResourceIdentifierSummaries!.map((s) => [s.ResourceType, s.ResourceIdentifiers]),
      [
        ['AWS::IAM::Role', ['RoleName']],
        ['AWS::Kinesis::Stream', ['Name']],
        ['AWS::KinesisFirehose::DeliveryStream', ['DeliveryStreamName']],
      ],
    );
  });
});
