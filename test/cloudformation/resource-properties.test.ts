import assert from 'node:assert/strict';
import { CreateStackCommand, DeleteStackCommand, GetTemplateSummaryCommand, UpdateStackCommand, type CloudFormationClient, type Stack } from '@aws-sdk/client-cloudformation';
import { DescribeKinesisStreamingDestinationCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetBucketNotificationConfigurationCommand, GetObjectLockConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

function output(stack: Stack, key: string): string {
  return stack.Outputs!.find((o) => o.OutputKey === key)!.OutputValue!;
}

async function deploy(cfn: CloudFormationClient, name: string, template: string, update = false): Promise<Stack> {
  const input = { StackName: name, TemplateBody: template };
  await cfn.send(update ? new UpdateStackCommand(input) : new CreateStackCommand(input));
  const stack = await settled(cfn, name);
  assert.match(stack.StackStatus!, /^(CREATE|UPDATE)_COMPLETE$/, stack.StackStatusReason);
  return stack;
}

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

describe('CloudFormation resource properties applied through their services (S3, DynamoDB) and template summaries', function () {
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

    stack = await deploy(cfn, 'buckets', BUCKETS('s3:ObjectRemoved:*'), true);
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
    stack = await deploy(cfn, 'streamed', TABLE('Two'), true);
    assert.deepEqual(await destinations(stack), [[first, 'DISABLED'], [output(stack, 'Stream'), 'ACTIVE']]);
    await cfn.send(new DeleteStackCommand({ StackName: 'streamed' }));
    dynamodb.destroy();
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
