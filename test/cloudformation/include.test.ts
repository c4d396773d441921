import assert from 'node:assert/strict';
import { CreateChangeSetCommand, CreateStackCommand, DescribeChangeSetCommand, DescribeStackResourcesCommand, ExecuteChangeSetCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

describe('CloudFormation: the AWS::Include transform', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let s3: S3Client;
  serveCloudFormation((aws, client) => {
    cfn = client;
    s3 = new S3Client({ endpoint: aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
  });
  after(() => s3.destroy());

  it('replaces Fn::Transform AWS::Include with the snippet read from S3, beside the section\'s own keys', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'snippets' }));
    await s3.send(new PutObjectCommand({ Bucket: 'snippets', Key: 'queue.yaml', Body: 'Included:\n  Type: AWS::SQS::Queue\n  Properties:\n    QueueName: !Sub "${AWS::StackName}-included"\n' }));
    const template = {
      Resources: {
        'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://snippets/queue.yaml' } },
        Own: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { 'Fn::GetAtt': ['Included', 'QueueName'] } } },
      },
    };
    await cfn.send(new CreateStackCommand({ StackName: 'includer', TemplateBody: JSON.stringify(template) }));
    assert.equal((await settled(cfn, 'includer')).StackStatus, 'CREATE_COMPLETE');
    const { StackResources } = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'includer' }));
    assert.deepEqual(StackResources!.map((r) => [r.LogicalResourceId, r.ResourceType]).sort(), [['Included', 'AWS::SQS::Queue'], ['Own', 'AWS::SSM::Parameter']]);
  });

  it('fails with AWS\'s S3 error when the snippet cannot be read', async () => {
    const template = { Resources: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://snippets/none.yaml' } } } };
    await assert.rejects(cfn.send(new CreateStackCommand({ StackName: 'no-snippet', TemplateBody: JSON.stringify(template) })), { name: 'ValidationError', message: /^S3 error: Access Denied/ });
  });

  it('makes a FAILED change set, with AWS\'s reason, when the snippet\'s bucket does not exist', async () => {
    const template = { Resources: { MyFoo: { Type: 'AWS::SSM::Parameter', Properties: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://doesnotexist/key.yml' } } } } } };
    const { Id } = await cfn.send(new CreateChangeSetCommand({ StackName: 'no-bucket', ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: JSON.stringify(template) }));
    const described = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
    assert.deepEqual([described.Status, described.ExecutionStatus, described.StatusReason, described.Changes], [
      'FAILED',
      'UNAVAILABLE',
      'Transform AWS::Include failed with: S3 bucket [doesnotexist] does not exist.',
      [],
    ]);
    assert.equal((await settled(cfn, 'no-bucket')).StackStatus, 'REVIEW_IN_PROGRESS');
  });

  it('makes a FAILED change set of an update too, the stack left as it was', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'include-later', TemplateBody: JSON.stringify({ Resources: { Kept: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'v1' } } } }) }));
    assert.equal((await settled(cfn, 'include-later')).StackStatus, 'CREATE_COMPLETE');
    const template = { Resources: { Kept: { Type: 'AWS::SSM::Parameter', Properties: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://doesnotexist/key.yml' } } } } } };
    const { Id } = await cfn.send(new CreateChangeSetCommand({ StackName: 'include-later', ChangeSetName: 'cs', ChangeSetType: 'UPDATE', TemplateBody: JSON.stringify(template) }));
    const described = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
    assert.deepEqual([described.Status, described.ExecutionStatus, described.StatusReason, described.Changes], [
      'FAILED',
      'UNAVAILABLE',
      'Transform AWS::Include failed with: S3 bucket [doesnotexist] does not exist.',
      [],
    ]);
    await assert.rejects(cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id })), { name: 'InvalidChangeSetStatusException' });
    assert.equal((await settled(cfn, 'include-later')).StackStatus, 'CREATE_COMPLETE');
  });
});
