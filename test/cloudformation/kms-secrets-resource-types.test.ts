import assert from 'node:assert/strict';
import { DeleteStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateKeyCommand, DescribeKeyCommand, GetKeyPolicyCommand, KMSClient, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, creationFailure, deploy, output, serveCloudFormation, settled } from './serve.ts';
import { ROTATION_HANDLER } from '../secretsmanager/rotation-handler.ts';

const POLICY = (sid: string) => ({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'kms:*', Resource: '*' }] });

const REPLICA = (primaryArn: string, { description, enabled, sid, team }: { description: string; enabled: boolean; sid: string; team: string }) =>
  JSON.stringify({
    Resources: {
      Replica: {
        Type: 'AWS::KMS::ReplicaKey',
        Properties: { PrimaryKeyArn: primaryArn, Description: description, Enabled: enabled, KeyPolicy: POLICY(sid), PendingWindowInDays: 7, Tags: [{ Key: 'team', Value: team }] },
      },
    },
    Outputs: { Ref: { Value: { Ref: 'Replica' } }, Arn: { Value: { 'Fn::GetAtt': ['Replica', 'Arn'] } }, KeyId: { Value: { 'Fn::GetAtt': ['Replica', 'KeyId'] } } },
  });
const ROTATION = (rules: object, immediately: boolean) =>
  JSON.stringify({
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      },
      Rotator: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 30, Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: ROTATION_HANDLER } } },
      Invoke: { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: { Ref: 'Rotator' }, Action: 'lambda:InvokeFunction', Principal: 'secretsmanager.amazonaws.com' } },
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'rotated-by-stack', SecretString: 'v' } },
      Schedule: {
        Type: 'AWS::SecretsManager::RotationSchedule',
        DependsOn: 'Invoke',
        Properties: { SecretId: { Ref: 'Secret' }, RotationLambdaARN: { 'Fn::GetAtt': ['Rotator', 'Arn'] }, RotationRules: rules, RotateImmediatelyOnUpdate: immediately },
      },
    },
    Outputs: { Schedule: { Value: { Ref: 'Schedule' } }, Id: { Value: { 'Fn::GetAtt': ['Schedule', 'Id'] } }, Secret: { Value: { Ref: 'Secret' } }, Rotator: { Value: { 'Fn::GetAtt': ['Rotator', 'Arn'] } } },
  });

describe('CloudFormation resource types of KMS and Secrets Manager: replica keys and rotation schedules', function () {
  this.timeout(90_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it("replicates a multi-Region primary key of another region into the stack's region, updates the replica in place and schedules its deletion", async () => {
    const west = new KMSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG, region: 'us-west-2' });
    const east = new KMSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { KeyMetadata: primary } = await west.send(new CreateKeyCommand({ MultiRegion: true, Description: 'primary' }));
    let stack = await deploy(cfn, 'replica', REPLICA(primary!.Arn!, { description: 'first', enabled: true, sid: 'one', team: 'a' }));
    assert.equal(output(stack, 'Ref'), primary!.KeyId);
    assert.equal(output(stack, 'KeyId'), primary!.KeyId);
    assert.equal(output(stack, 'Arn'), `arn:aws:kms:us-east-1:000000000000:key/${primary!.KeyId}`);
    const { KeyMetadata: replica } = await east.send(new DescribeKeyCommand({ KeyId: primary!.KeyId }));
    assert.deepEqual([replica!.Description, replica!.KeyState, replica!.MultiRegionConfiguration!.MultiRegionKeyType], ['first', 'Enabled', 'REPLICA']);
    assert.equal(replica!.MultiRegionConfiguration!.PrimaryKey!.Arn, primary!.Arn);
    assert.equal(JSON.parse((await east.send(new GetKeyPolicyCommand({ KeyId: primary!.KeyId, PolicyName: 'default' }))).Policy!).Statement[0].Sid, 'one');
    const tags = (await east.send(new ListResourceTagsCommand({ KeyId: primary!.KeyId }))).Tags!;
    assert.ok(tags.some((t) => t.TagKey === 'team' && t.TagValue === 'a'));

    stack = await deploy(cfn, 'replica', REPLICA(primary!.Arn!, { description: 'second', enabled: false, sid: 'two', team: 'b' }), {}, true);
    assert.equal(output(stack, 'Ref'), primary!.KeyId);
    const { KeyMetadata: updated } = await east.send(new DescribeKeyCommand({ KeyId: primary!.KeyId }));
    assert.deepEqual([updated!.Description, updated!.KeyState], ['second', 'Disabled']);
    assert.equal(JSON.parse((await east.send(new GetKeyPolicyCommand({ KeyId: primary!.KeyId, PolicyName: 'default' }))).Policy!).Statement[0].Sid, 'two');
    const retagged = (await east.send(new ListResourceTagsCommand({ KeyId: primary!.KeyId }))).Tags!;
    assert.ok(retagged.some((t) => t.TagKey === 'team' && t.TagValue === 'b'));

    await cfn.send(new DeleteStackCommand({ StackName: 'replica' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    const { KeyMetadata: deleted } = await east.send(new DescribeKeyCommand({ KeyId: primary!.KeyId }));
    assert.equal(deleted!.KeyState, 'PendingDeletion');
    assert.equal((deleted!.DeletionDate!.getTime() - Date.now()) / 86_400_000 > 6.9, true, 'the template’s seven-day window');
    assert.equal((await west.send(new DescribeKeyCommand({ KeyId: primary!.KeyId }))).KeyMetadata!.KeyState, 'Enabled', 'the primary stays');

    // A primary in the stack's own region cannot be replicated there: KMS's error fails the resource.
    const { KeyMetadata: local } = await east.send(new CreateKeyCommand({ MultiRegion: true }));
    const reason = await creationFailure(cfn, 'replica-same-region', REPLICA(local!.Arn!, { description: 'x', enabled: true, sid: 'x', team: 'x' }), 'Replica');
    assert.match(reason, /Resource handler returned message: "us-east-1 is the region of the primary key /);
    west.destroy();
    east.destroy();
  });

  it('turns rotation on with a function (rotating at once), changes the schedule without rotating when told, and turns it off on delete', async () => {
    const sm = new SecretsManagerClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    let stack = await deploy(cfn, 'rotation', ROTATION({ AutomaticallyAfterDays: 30 }, false));
    const secret = output(stack, 'Secret');
    assert.equal(output(stack, 'Schedule'), secret);
    assert.equal(output(stack, 'Id'), secret);
    let described = await sm.send(new DescribeSecretCommand({ SecretId: secret }));
    assert.deepEqual([described.RotationEnabled, described.RotationLambdaARN, described.RotationRules], [true, output(stack, 'Rotator'), { AutomaticallyAfterDays: 30 }]);
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: secret }))).SecretString, 'v+1', 'creating the schedule rotates the secret');

    stack = await deploy(cfn, 'rotation', ROTATION({ ScheduleExpression: 'rate(10 days)' }, false), {}, true);
    assert.equal(output(stack, 'Schedule'), secret);
    described = await sm.send(new DescribeSecretCommand({ SecretId: secret }));
    assert.deepEqual(described.RotationRules, { ScheduleExpression: 'rate(10 days)' });
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: secret }))).SecretString, 'v+1', 'RotateImmediatelyOnUpdate false: no rotation');

    stack = await deploy(cfn, 'rotation', ROTATION({ ScheduleExpression: 'rate(20 days)' }, true), {}, true);
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: secret }))).SecretString, 'v+1+1');

    // The stack's secret goes with it; a schedule alone is removed by turning rotation off.
    const alone = JSON.parse(ROTATION({ AutomaticallyAfterDays: 30 }, true));
    alone.Resources.Secret.DeletionPolicy = 'Retain';
    await deploy(cfn, 'rotation', JSON.stringify(alone), {}, true);
    await cfn.send(new DeleteStackCommand({ StackName: 'rotation' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    assert.equal((await sm.send(new DescribeSecretCommand({ SecretId: secret }))).RotationEnabled, false);
    sm.destroy();
  });

  it("fails a schedule without a function with Secrets Manager's error, and one asking for a hosted function", async () => {
    const template = (properties: object) => JSON.stringify({ Resources: { Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: 'v' } }, Schedule: { Type: 'AWS::SecretsManager::RotationSchedule', Properties: { SecretId: { Ref: 'Secret' }, ...properties } } } });
    const none = await creationFailure(cfn, 'rotation-none', template({ RotationRules: { AutomaticallyAfterDays: 1 } }), 'Schedule');
    assert.match(none, /Resource handler returned message: "No Lambda rotation function ARN is associated with this secret\."/);
    const hosted = await creationFailure(cfn, 'rotation-hosted', template({ HostedRotationLambda: { RotationType: 'MySQLSingleUser' } }), 'Schedule');
    assert.equal(hosted, 'Encountered unsupported property HostedRotationLambda');
  });
});
