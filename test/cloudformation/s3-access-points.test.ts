import assert from 'node:assert/strict';
import { CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, DetectStackResourceDriftCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  GetAccessPointCommand,
  GetAccessPointConfigurationForObjectLambdaCommand,
  GetAccessPointForObjectLambdaCommand,
  GetAccessPointPolicyCommand,
  GetAccessPointPolicyForObjectLambdaCommand,
  ListTagsForResourceCommand,
  PutAccessPointPolicyCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { localhostNames } from '../support/localhost-names.ts';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation, settled } from './serve.ts';

const ACCOUNT = '000000000000';
const FUNCTION = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:transform`;

type Failure = Error & { $metadata: { httpStatusCode: number } };
const failureOf = (call: Promise<unknown>) => call.then(() => assert.fail('expected the call to fail'), (e: Failure) => [e.name, e.$metadata.httpStatusCode]);

function accessPointTemplate(properties: Record<string, unknown>): string {
  return JSON.stringify({
    Resources: { AccessPoint: { Type: 'AWS::S3::AccessPoint', Properties: { Bucket: 'cfn-ap-bucket', ...properties } } },
    Outputs: {
      Ref: { Value: { Ref: 'AccessPoint' } },
      Alias: { Value: { 'Fn::GetAtt': ['AccessPoint', 'Alias'] } },
      Arn: { Value: { 'Fn::GetAtt': ['AccessPoint', 'Arn'] } },
      Name: { Value: { 'Fn::GetAtt': ['AccessPoint', 'Name'] } },
      NetworkOrigin: { Value: { 'Fn::GetAtt': ['AccessPoint', 'NetworkOrigin'] } },
    },
  });
}

function objectLambdaTemplate(name: string | undefined, payload: string, policy?: object): string {
  const configuration = {
    SupportingAccessPoint: { 'Fn::GetAtt': ['AccessPoint', 'Arn'] },
    TransformationConfigurations: [{ Actions: ['GetObject'], ContentTransformation: { AwsLambda: { FunctionArn: FUNCTION, FunctionPayload: payload } } }],
  };
  return JSON.stringify({
    Resources: {
      AccessPoint: { Type: 'AWS::S3::AccessPoint', Properties: { Bucket: 'cfn-ap-bucket', Name: 'olap-support' } },
      Olap: { Type: 'AWS::S3ObjectLambda::AccessPoint', Properties: { ...(name ? { Name: name } : {}), ObjectLambdaConfiguration: configuration } },
      ...(policy ? { OlapPolicy: { Type: 'AWS::S3ObjectLambda::AccessPointPolicy', Properties: { ObjectLambdaAccessPoint: { Ref: 'Olap' }, PolicyDocument: policy } } } : {}),
    },
    Outputs: {
      Ref: { Value: { Ref: 'Olap' } },
      Arn: { Value: { 'Fn::GetAtt': ['Olap', 'Arn'] } },
      AliasValue: { Value: { 'Fn::GetAtt': ['Olap', 'Alias.Value'] } },
      AliasStatus: { Value: { 'Fn::GetAtt': ['Olap', 'Alias.Status'] } },
      CreationDate: { Value: { 'Fn::GetAtt': ['Olap', 'CreationDate'] } },
      BlockPublicAcls: { Value: { 'Fn::GetAtt': ['Olap', 'PublicAccessBlockConfiguration.BlockPublicAcls'] } },
      ...(policy ? { PolicyRef: { Value: { Ref: 'OlapPolicy' } } } : {}),
    },
  });
}

describe('CloudFormation: S3 access points and S3 Object Lambda access points (AWS SDK v3)', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let control: S3ControlClient;
  let s3: S3Client;
  serveCloudFormation((aws, client) => {
    cfn = client;
    control = new S3ControlClient({ ...localhostNames(aws.endpoint), ...CLIENT_CONFIG });
    s3 = new S3Client({ endpoint: aws.endpoint, ...CLIENT_CONFIG, forcePathStyle: true });
  });
  before(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'cfn-ap-bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'cfn-ap-bucket', Key: 'k.txt', Body: 'through the stack' }));
  });
  after(() => {
    control.destroy();
    s3.destroy();
  });

  it('AWS::S3::AccessPoint: creates it with its Ref and GetAtt values, changes policy and tags in place, replaces it for a new name, deletes it', async () => {
    const policy = (action: string) => ({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: action, Resource: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/stack-ap/object/*` }],
    });
    const created = await deploy(cfn, 'ap-stack', accessPointTemplate({ Name: 'stack-ap', Policy: policy('s3:GetObject'), Tags: [{ Key: 'team', Value: 'data' }] }));
    const found = await control.send(new GetAccessPointCommand({ AccountId: ACCOUNT, Name: 'stack-ap' }));
    assert.deepEqual(
      ['Ref', 'Name', 'Alias', 'Arn', 'NetworkOrigin'].map((key) => output(created, key)),
      ['stack-ap', 'stack-ap', found.Alias, `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/stack-ap`, 'Internet'],
    );
    assert.equal(found.Bucket, 'cfn-ap-bucket');
    assert.deepEqual(JSON.parse((await control.send(new GetAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'stack-ap' }))).Policy!), policy('s3:GetObject'));
    assert.deepEqual((await control.send(new ListTagsForResourceCommand({ AccountId: ACCOUNT, ResourceArn: output(created, 'Arn') }))).Tags, [{ Key: 'team', Value: 'data' }]);
    // The alias the stack gives out serves the bucket's objects.
    assert.equal(await (await s3.send(new GetObjectCommand({ Bucket: output(created, 'Alias'), Key: 'k.txt' }))).Body!.transformToString(), 'through the stack');

    const updated = await deploy(cfn, 'ap-stack', accessPointTemplate({ Name: 'stack-ap', Policy: policy('s3:*'), Tags: [{ Key: 'owner', Value: 'ops' }] }), {}, true);
    assert.equal(output(updated, 'Alias'), found.Alias, 'updated in place');
    assert.deepEqual(JSON.parse((await control.send(new GetAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'stack-ap' }))).Policy!), policy('s3:*'));
    assert.deepEqual((await control.send(new ListTagsForResourceCommand({ AccountId: ACCOUNT, ResourceArn: output(updated, 'Arn') }))).Tags, [{ Key: 'owner', Value: 'ops' }]);
    // Drift: the policy changed outside the stack is reported by its path.
    const drift = async () => (await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'ap-stack', LogicalResourceId: 'AccessPoint' }))).StackResourceDrift!;
    assert.equal((await drift()).StackResourceDriftStatus, 'IN_SYNC');
    await control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'stack-ap', Policy: JSON.stringify(policy('s3:GetObject')) }));
    const modified = await drift();
    assert.equal(modified.StackResourceDriftStatus, 'MODIFIED');
    assert.deepEqual(modified.PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue]), [['/Policy/Statement/0/Action', 's3:*', 's3:GetObject']]);

    const withoutPolicy = await deploy(cfn, 'ap-stack', accessPointTemplate({ Name: 'stack-ap' }), {}, true);
    assert.deepEqual(await failureOf(control.send(new GetAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'stack-ap' }))), ['NoSuchAccessPointPolicy', 404]);
    assert.equal(output(withoutPolicy, 'Ref'), 'stack-ap');

    // Without a Name, CloudFormation names it: a new access point replaces the old one.
    const replaced = await deploy(cfn, 'ap-stack', accessPointTemplate({}), {}, true);
    assert.match(output(replaced, 'Ref'), /^ap-stack-accesspoint-[a-z0-9]+$/);
    assert.notEqual(output(replaced, 'Alias'), found.Alias);
    assert.deepEqual(await failureOf(control.send(new GetAccessPointCommand({ AccountId: ACCOUNT, Name: 'stack-ap' }))), ['NoSuchAccessPoint', 404]);
    await cfn.send(new DeleteStackCommand({ StackName: 'ap-stack' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
    assert.deepEqual(await failureOf(control.send(new GetAccessPointCommand({ AccountId: ACCOUNT, Name: output(replaced, 'Ref') }))), ['NoSuchAccessPoint', 404]);
  });

  it("AWS::S3::AccessPoint: S3 Control's refusal fails the stack with its message", async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'ap-bad', TemplateBody: accessPointTemplate({ Name: 'Not_Valid' }) }));
    assert.equal((await settled(cfn, 'ap-bad')).StackStatus, 'ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'ap-bad' }));
    const failed = StackEvents!.find((e) => e.LogicalResourceId === 'AccessPoint' && e.ResourceStatus === 'CREATE_FAILED');
    assert.match(failed!.ResourceStatusReason!, /Your Amazon S3 AccessPoint name is not valid/);
  });

  it('AWS::S3ObjectLambda::AccessPoint and AccessPointPolicy: create, update the configuration in place, replace for a new name, delete', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 's3-object-lambda:GetObject', Resource: '*' }] };
    const created = await deploy(cfn, 'olap-stack', objectLambdaTemplate('stack-olap', 'one', policy));
    const found = await control.send(new GetAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'stack-olap' }));
    assert.deepEqual(
      ['Ref', 'Arn', 'AliasValue', 'AliasStatus', 'CreationDate', 'BlockPublicAcls', 'PolicyRef'].map((key) => output(created, key)),
      ['stack-olap', `arn:aws:s3-object-lambda:us-east-1:${ACCOUNT}:accesspoint/stack-olap`, found.Alias!.Value, 'READY', found.CreationDate!.toISOString(), 'false', 'stack-olap'],
    );
    assert.deepEqual(JSON.parse((await control.send(new GetAccessPointPolicyForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'stack-olap' }))).Policy!), policy);
    const stored = async (name: string) =>
      (await control.send(new GetAccessPointConfigurationForObjectLambdaCommand({ AccountId: ACCOUNT, Name: name }))).Configuration!.TransformationConfigurations![0].ContentTransformation!
        .AwsLambda!.FunctionPayload;
    assert.equal(await stored('stack-olap'), 'one');
    for (const LogicalResourceId of ['Olap', 'OlapPolicy']) {
      const { StackResourceDrift } = await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'olap-stack', LogicalResourceId }));
      assert.equal(StackResourceDrift!.StackResourceDriftStatus, 'IN_SYNC', LogicalResourceId);
    }

    const updated = await deploy(cfn, 'olap-stack', objectLambdaTemplate('stack-olap', 'two'), {}, true);
    assert.equal(output(updated, 'AliasValue'), found.Alias!.Value, 'updated in place');
    assert.equal(await stored('stack-olap'), 'two');
    // The policy resource left the template: its policy is deleted, the access point stays.
    assert.deepEqual(await failureOf(control.send(new GetAccessPointPolicyForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'stack-olap' }))), ['NoSuchAccessPointPolicy', 404]);

    const replaced = await deploy(cfn, 'olap-stack', objectLambdaTemplate(undefined, 'three'), {}, true);
    const name = output(replaced, 'Ref');
    assert.match(name, /^olap-stack-olap-[a-z0-9]+$/);
    assert.equal(await stored(name), 'three');
    assert.deepEqual(await failureOf(control.send(new GetAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'stack-olap' }))), ['NoSuchAccessPoint', 404]);
    await cfn.send(new DeleteStackCommand({ StackName: 'olap-stack' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
    assert.deepEqual(await failureOf(control.send(new GetAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: name }))), ['NoSuchAccessPoint', 404]);
    assert.deepEqual(await failureOf(control.send(new GetAccessPointCommand({ AccountId: ACCOUNT, Name: 'olap-support' }))), ['NoSuchAccessPoint', 404]);
  });
});
