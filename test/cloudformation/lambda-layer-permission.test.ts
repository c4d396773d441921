import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { GetLayerVersionPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expectError } from '../support/aws-error.ts';
import { zip } from '../lambda/support.ts';
import { CLIENT_CONFIG, creationFailure, deploy, output, deleteStack, serveCloudFormation } from './serve.ts';

/** A layer from s3://layers/lib.zip and a permission on its version for `principal` (in an organization when given). */
const template = (principal: string, organization?: string) =>
  JSON.stringify({
    Resources: {
      Layer: { Type: 'AWS::Lambda::LayerVersion', Properties: { LayerName: 'shared', Content: { S3Bucket: 'layers', S3Key: 'lib.zip' } } },
      Permission: {
        Type: 'AWS::Lambda::LayerVersionPermission',
        Properties: { LayerVersionArn: { Ref: 'Layer' }, Action: 'lambda:GetLayerVersion', Principal: principal, ...(organization ? { OrganizationId: organization } : {}) },
      },
    },
    Outputs: { Layer: { Value: { Ref: 'Layer' } }, Permission: { Value: { Ref: 'Permission' } } },
  });

describe('CloudFormation: AWS::Lambda::LayerVersionPermission', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let lambda: LambdaClient;
  let s3: S3Client;
  serveCloudFormation((aws, client) => {
    cfn = client;
    lambda = new LambdaClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    s3 = new S3Client({ endpoint: aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
  });
  before(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'layers' }));
    await s3.send(new PutObjectCommand({ Bucket: 'layers', Key: 'lib.zip', Body: zip({ 'python/lib.py': 'VALUE = 1\n' }) }));
  });
  after(() => {
    lambda?.destroy();
    s3?.destroy();
  });

  const policy = (arn: string) => {
    const cut = arn.lastIndexOf(':');
    return lambda.send(new GetLayerVersionPolicyCommand({ LayerName: arn.slice(0, cut), VersionNumber: Number(arn.slice(cut + 1)) }));
  };

  it("adds a statement to the layer version's policy (Ref `<version ARN>#<statement id>`), replaces it on change, removes it", async () => {
    const created = await deploy(cfn, 'layer-share', template('111111111111'));
    const layer = output(created, 'Layer');
    const permission = output(created, 'Permission');
    assert.match(permission, new RegExp(`^${layer.replace(/[$:]/g, '\\$&')}#layer-share-Permission-[A-Z0-9]+$`));
    const statementId = permission.split('#')[1];
    assert.deepEqual(JSON.parse((await policy(layer)).Policy!).Statement, [
      { Sid: statementId, Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'lambda:GetLayerVersion', Resource: layer },
    ]);

    // Every property replaces the permission: the new statement is there, the old one gone.
    const updated = await deploy(cfn, 'layer-share', template('*', 'o-abcdefghij'), {}, true);
    const [statement] = JSON.parse((await policy(layer)).Policy!).Statement;
    assert.notEqual(output(updated, 'Permission'), permission);
    assert.deepEqual([statement.Sid, statement.Principal, statement.Condition], [output(updated, 'Permission').split('#')[1], '*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } }]);

    await deploy(cfn, 'layer-share', JSON.stringify({ Resources: { Layer: JSON.parse(template('*')).Resources.Layer } }), {}, true);
    await assert.rejects(policy(layer), expectError('ResourceNotFoundException', 404, 'No policy is associated with the given resource.'));
    await deleteStack(cfn, created);
  });

  it("fails the resource with Lambda's error", async () => {
    const body = JSON.stringify({
      Resources: {
        Permission: {
          Type: 'AWS::Lambda::LayerVersionPermission',
          Properties: { LayerVersionArn: { 'Fn::Sub': 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:layer:missing:1' }, Action: 'lambda:GetLayerVersion', Principal: '*' },
        },
      },
    });
    assert.match(await creationFailure(cfn, 'layer-missing', body, 'Permission'), /^Resource handler returned message: ".*" \(RequestToken: [-0-9a-f]+, HandlerErrorCode: NotFound\)$/);
  });
});
