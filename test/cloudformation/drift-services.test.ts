import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { DisableRuleCommand, EventBridgeClient, RemovePermissionCommand, UpdateEventBusCommand } from '@aws-sdk/client-eventbridge';
import { DeregisterStreamConsumerCommand, IncreaseStreamRetentionPeriodCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateKeyCommand, DisableKeyCommand, DisableKeyRotationCommand, KMSClient, UpdateAliasCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { DeleteResourcePolicyCommand, RotateSecretCommand, SecretsManagerClient, TagResourceCommand, UpdateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { SetSubscriptionAttributesCommand, SetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ROTATION_HANDLER } from '../secretsmanager/rotation-handler.ts';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation, stackDrift } from './serve.ts';

const ALLOW = (sid: string, principal: object, action: string) => ({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Principal: principal, Action: action, Resource: '*' }] });
const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

const template = (primaryArn: string) =>
  JSON.stringify({
    Resources: {
      Key: { Type: 'AWS::KMS::Key', Properties: { Description: 'data', EnableKeyRotation: true, KeyPolicy: ALLOW('root', { AWS: 'arn:aws:iam::000000000000:root' }, 'kms:*'), Tags: [{ Key: 'team', Value: 'a' }] } },
      Other: { Type: 'AWS::KMS::Key', Properties: { Description: 'other' } },
      Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/drifting', TargetKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } },
      Replica: { Type: 'AWS::KMS::ReplicaKey', Properties: { PrimaryKeyArn: primaryArn, Description: 'copy', Enabled: true, KeyPolicy: ALLOW('root', { AWS: 'arn:aws:iam::000000000000:root' }, 'kms:*') } },
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { Description: 'first', SecretString: 'v', Tags: [{ Key: 'team', Value: 'a' }] } },
      SecretPolicy: {
        Type: 'AWS::SecretsManager::ResourcePolicy',
        Properties: { SecretId: { Ref: 'Secret' }, ResourcePolicy: ALLOW('read', { AWS: 'arn:aws:iam::000000000000:root' }, 'secretsmanager:GetSecretValue') },
      },
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST } },
      Rotator: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 30, Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: ROTATION_HANDLER } } },
      Invoke: { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: { Ref: 'Rotator' }, Action: 'lambda:InvokeFunction', Principal: 'secretsmanager.amazonaws.com' } },
      Rotated: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: 'r' } },
      Schedule: {
        Type: 'AWS::SecretsManager::RotationSchedule',
        DependsOn: 'Invoke',
        Properties: { SecretId: { Ref: 'Rotated' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: { AutomaticallyAfterDays: 30 } },
      },
      Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'drifting-bus', Description: 'orders' } },
      Rule: {
        Type: 'AWS::Events::Rule',
        Properties: { EventBusName: { Ref: 'Bus' }, EventPattern: { source: ['shop'] }, State: 'ENABLED', Targets: [{ Id: 'queue', Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] } }] },
      },
      Permission: { Type: 'AWS::Events::EventBusPolicy', Properties: { EventBusName: { Ref: 'Bus' }, StatementId: 'partner', Action: 'events:PutEvents', Principal: '111122223333' } },
      Statement: {
        Type: 'AWS::Events::EventBusPolicy',
        Properties: {
          EventBusName: { Ref: 'Bus' },
          StatementId: 'everyone',
          Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': ['Bus', 'Arn'] } },
        },
      },
      Stream: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1, RetentionPeriodHours: 24, Tags: [{ Key: 'team', Value: 'a' }] } },
      Consumer: { Type: 'AWS::Kinesis::StreamConsumer', Properties: { StreamARN: { 'Fn::GetAtt': ['Stream', 'Arn'] }, ConsumerName: 'reader' } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'Orders', Subscription: [{ Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': ['Queue', 'Arn'] } }], Tags: [{ Key: 'team', Value: 'a' }] } },
      Alerts: { Type: 'AWS::SNS::Topic' },
      Subscription: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Alerts' }, Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': ['OtherQueue', 'Arn'] }, RawMessageDelivery: false, FilterPolicy: { kind: ['a'] } } },
      TopicPolicy: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [{ Ref: 'Topic' }], PolicyDocument: ALLOW('publish', { Service: 'events.amazonaws.com' }, 'sns:Publish') } },
      Queue: { Type: 'AWS::SQS::Queue' },
      OtherQueue: { Type: 'AWS::SQS::Queue' },
      QueuePolicy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Queue' }], PolicyDocument: ALLOW('send', { Service: 'sns.amazonaws.com' }, 'sqs:SendMessage') } },
    },
    Outputs: {
      ...Object.fromEntries(['Key', 'Other', 'Replica', 'Secret', 'Rotated', 'Bus', 'Rule', 'Stream', 'Consumer', 'Topic', 'Subscription', 'Queue'].map((id) => [id, { Value: { Ref: id } }])),
      Rotator: { Value: { 'Fn::GetAtt': ['Rotator', 'Arn'] } },
    },
  });

describe('CloudFormation: drift of KMS, Secrets Manager, EventBridge, Kinesis, SNS and SQS resources', function () {
  this.timeout(90_000);
  let cfn: CloudFormationClient;
  let endpoint: string;
  serveCloudFormation((aws, c) => {
    cfn = c;
    endpoint = aws.endpoint;
  });

  it('finds them in sync, then each change made through the services as property differences (or DELETED)', async () => {
    const clients = {
      kms: new KMSClient({ endpoint, ...CLIENT_CONFIG }),
      west: new KMSClient({ endpoint, ...CLIENT_CONFIG, region: 'us-west-2' }),
      sm: new SecretsManagerClient({ endpoint, ...CLIENT_CONFIG }),
      events: new EventBridgeClient({ endpoint, ...CLIENT_CONFIG }),
      kinesis: new KinesisClient({ endpoint, ...CLIENT_CONFIG }),
      sns: new SNSClient({ endpoint, ...CLIENT_CONFIG }),
      sqs: new SQSClient({ endpoint, ...CLIENT_CONFIG }),
      control: new CloudControlClient({ endpoint, ...CLIENT_CONFIG }),
    };
    const { KeyMetadata: primary } = await clients.west.send(new CreateKeyCommand({ MultiRegion: true }));
    const stack = await deploy(cfn, 'services-drift', template(primary!.Arn!));
    const out = (name: string) => output(stack, name);

    const first = await stackDrift(cfn, 'services-drift');
    const notInSync = Object.values(first.resources).filter((d) => d.StackResourceDriftStatus !== 'IN_SYNC' && d.ResourceType !== 'AWS::Lambda::Permission');
    assert.deepEqual(notInSync.map((d) => [d.LogicalResourceId, d.StackResourceDriftStatus, d.PropertyDifferences]), []);

    await clients.kms.send(new UpdateKeyDescriptionCommand({ KeyId: out('Key'), Description: 'changed' }));
    await clients.kms.send(new DisableKeyRotationCommand({ KeyId: out('Key') }));
    await clients.kms.send(new UpdateAliasCommand({ AliasName: 'alias/drifting', TargetKeyId: out('Other') }));
    await clients.kms.send(new DisableKeyCommand({ KeyId: out('Replica') }));
    await clients.sm.send(new UpdateSecretCommand({ SecretId: out('Secret'), Description: 'second' }));
    await clients.sm.send(new TagResourceCommand({ SecretId: out('Secret'), Tags: [{ Key: 'extra', Value: 'x' }] }));
    await clients.sm.send(new DeleteResourcePolicyCommand({ SecretId: out('Secret') }));
    await clients.sm.send(new RotateSecretCommand({ SecretId: out('Rotated'), RotationLambdaARN: out('Rotator'), RotationRules: { AutomaticallyAfterDays: 10 }, RotateImmediately: false }));
    await clients.events.send(new UpdateEventBusCommand({ Name: out('Bus'), Description: 'returns' }));
    await clients.events.send(new DisableRuleCommand({ Name: out('Rule').split('|')[1], EventBusName: out('Bus') }));
    await clients.events.send(new RemovePermissionCommand({ EventBusName: out('Bus'), StatementId: 'partner' }));
    await clients.kinesis.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: out('Stream'), RetentionPeriodHours: 48 }));
    await clients.kinesis.send(new DeregisterStreamConsumerCommand({ ConsumerARN: out('Consumer') }));
    await clients.sns.send(new SetTopicAttributesCommand({ TopicArn: out('Topic'), AttributeName: 'DisplayName', AttributeValue: 'Returns' }));
    await clients.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: out('Subscription'), AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }));
    const publish = ALLOW('publish-all', { AWS: '*' }, 'sns:Publish');
    await clients.sns.send(new SetTopicAttributesCommand({ TopicArn: out('Topic'), AttributeName: 'Policy', AttributeValue: JSON.stringify(publish) }));
    await clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: out('Queue'), Attributes: { Policy: '' } }));

    const second = await stackDrift(cfn, 'services-drift');
    assert.equal(second.status, 'DRIFTED');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Key'), [
      ['/Description', 'data', 'changed', 'NOT_EQUAL'],
      ['/EnableKeyRotation', 'true', 'false', 'NOT_EQUAL'],
    ]);
    assert.deepEqual(differences('Alias'), [['/TargetKeyId', `arn:aws:kms:us-east-1:000000000000:key/${out('Key')}`, out('Other'), 'NOT_EQUAL']]);
    assert.deepEqual(differences('Replica'), [['/Enabled', 'true', 'false', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Secret'), [
      ['/Description', 'first', 'second', 'NOT_EQUAL'],
      ['/Tags/1', 'null', '{"Key":"extra","Value":"x"}', 'ADD'],
    ]);
    assert.equal(second.resources.SecretPolicy.StackResourceDriftStatus, 'DELETED');
    assert.deepEqual(differences('Schedule'), [['/RotationRules/AutomaticallyAfterDays', '30', '10', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Bus'), [['/Description', 'orders', 'returns', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Rule'), [['/State', 'ENABLED', 'DISABLED', 'NOT_EQUAL']]);
    assert.equal(second.resources.Permission.StackResourceDriftStatus, 'DELETED');
    assert.equal(second.resources.Statement.StackResourceDriftStatus, 'IN_SYNC');
    assert.deepEqual(differences('Stream'), [['/RetentionPeriodHours', '24', '48', 'NOT_EQUAL']]);
    assert.equal(second.resources.Consumer.StackResourceDriftStatus, 'DELETED');
    assert.deepEqual(differences('Topic'), [['/DisplayName', 'Orders', 'Returns', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Subscription'), [['/RawMessageDelivery', 'false', 'true', 'NOT_EQUAL']]);
    assert.deepEqual(differences('TopicPolicy'), [
      ['/PolicyDocument/Statement/0/Principal/AWS', 'null', '*', 'ADD'],
      ['/PolicyDocument/Statement/0/Principal/Service', 'events.amazonaws.com', 'null', 'REMOVE'],
      ['/PolicyDocument/Statement/0/Sid', 'publish', 'publish-all', 'NOT_EQUAL'],
    ]);
    assert.equal(second.resources.QueuePolicy.StackResourceDriftStatus, 'DELETED');

    // Cloud Control reads them through the same handlers.
    const read = async (TypeName: string, Identifier: string) => JSON.parse((await clients.control.send(new GetResourceCommand({ TypeName, Identifier }))).ResourceDescription!.Properties!);
    const key = await read('AWS::KMS::Key', out('Key'));
    assert.deepEqual([key.Description, key.EnableKeyRotation, key.KeySpec, key.KeyUsage, key.MultiRegion, key.Tags], ['changed', false, 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', false, [{ Key: 'team', Value: 'a' }]]);
    const stream = await read('AWS::Kinesis::Stream', out('Stream'));
    assert.deepEqual([stream.Name, stream.ShardCount, stream.RetentionPeriodHours, stream.StreamModeDetails], [out('Stream'), 1, 48, { StreamMode: 'PROVISIONED' }]);
    const topic = await read('AWS::SNS::Topic', out('Topic'));
    assert.deepEqual([topic.DisplayName, topic.Subscription], ['Returns', [{ Endpoint: `arn:aws:sqs:us-east-1:000000000000:${out('Queue').split('/').pop()}`, Protocol: 'sqs' }]]);
    for (const client of Object.values(clients)) client.destroy();
  });
});
