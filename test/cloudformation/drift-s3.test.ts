import assert from 'node:assert/strict';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import {
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { deploy, serveWithClients, stackDrift } from './serve.ts';

const TEMPLATE = `
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: drifting-site
      AccessControl: Private
      VersioningConfiguration: { Status: Enabled }
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 } }] }
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
      CorsConfiguration: { CorsRules: [{ AllowedMethods: [GET], AllowedOrigins: ["https://a.example.com"], MaxAge: 300 }] }
      LifecycleConfiguration:
        Rules:
          - { Id: logs, Status: Enabled, Prefix: logs/, ExpirationInDays: 30, NoncurrentVersionExpirationInDays: 7 }
          - { Id: tmp, Status: Enabled, TagFilters: [{ Key: kind, Value: tmp }], AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }
      WebsiteConfiguration: { IndexDocument: index.html, ErrorDocument: error.html }
      Tags: [{ Key: team, Value: a }]
  Plain:
    Type: AWS::S3::Bucket
    Properties: { BucketName: drifting-plain }
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Site
      PolicyDocument:
        Version: "2012-10-17"
        Statement: [{ Effect: Allow, Principal: { AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root" }, Action: s3:GetObject, Resource: !Sub "arn:aws:s3:::\${Site}/*" }]
  PlainPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Plain
      PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Deny, Principal: "*", Action: s3:DeleteObject, Resource: "arn:aws:s3:::drifting-plain/*" }] }
`;

describe('CloudFormation: drift of S3 buckets and bucket policies', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ control: CloudControlClient });
  let s3: S3Client;
  before(() => (s3 = new S3Client({ endpoint: aws.aws.endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })));
  after(() => s3.destroy());

  it('finds them in sync, then the changes and deletions made through S3; Cloud Control reads them', async () => {
    const { cfn, control } = aws;
    await deploy(cfn, 's3-drift', TEMPLATE);
    const first = await stackDrift(cfn, 's3-drift');
    assert.deepEqual(
      ['Site', 'Plain', 'Policy', 'PlainPolicy'].map((id) => first.resources[id].StackResourceDriftStatus),
      ['IN_SYNC', 'IN_SYNC', 'IN_SYNC', 'IN_SYNC'],
      JSON.stringify(Object.values(first.resources).map((r) => r.PropertyDifferences)),
    );

    const { ResourceDescription } = await control.send(new GetResourceCommand({ TypeName: 'AWS::S3::Bucket', Identifier: 'drifting-site' }));
    const site = JSON.parse(ResourceDescription!.Properties!);
    assert.deepEqual([site.BucketName, site.VersioningConfiguration, site.WebsiteConfiguration, site.AccessControl], ['drifting-site', { Status: 'Enabled' }, { IndexDocument: 'index.html', ErrorDocument: 'error.html' }, undefined]);
    assert.deepEqual(site.LifecycleConfiguration.Rules[0], { Id: 'logs', Status: 'Enabled', Prefix: 'logs/', ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 7 } });
    const policy = await control.send(new GetResourceCommand({ TypeName: 'AWS::S3::BucketPolicy', Identifier: 'drifting-site' }));
    assert.equal(JSON.parse(policy.ResourceDescription!.Properties!).PolicyDocument.Statement[0].Action, 's3:GetObject');

    const Bucket = 'drifting-site';
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Suspended' } }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: false, IgnorePublicAcls: true, RestrictPublicBuckets: true } }));
    await s3.send(new PutBucketCorsCommand({ Bucket, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['https://a.example.com'], MaxAgeSeconds: 600 }] } }));
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket,
        LifecycleConfiguration: {
          Rules: [
            { ID: 'logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 60 }, NoncurrentVersionExpiration: { NoncurrentDays: 7 } },
            { ID: 'tmp', Status: 'Enabled', Filter: { Tag: { Key: 'kind', Value: 'tmp' } }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
          ],
        },
      }),
    );
    await s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'team', Value: 'b' }] } }));
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: 'drifting-plain' }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'drifting-plain' }));

    const second = await stackDrift(cfn, 's3-drift');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Site'), [
      ['/CorsConfiguration/CorsRules/0/MaxAge', '300', '600', 'NOT_EQUAL'],
      ['/LifecycleConfiguration/Rules/0/ExpirationInDays', '30', '60', 'NOT_EQUAL'],
      ['/PublicAccessBlockConfiguration/BlockPublicPolicy', 'true', 'false', 'NOT_EQUAL'],
      ['/Tags/0/Value', 'a', 'b', 'NOT_EQUAL'],
      ['/VersioningConfiguration/Status', 'Enabled', 'Suspended', 'NOT_EQUAL'],
    ]);
    assert.deepEqual(['Plain', 'PlainPolicy', 'Policy'].map((id) => second.resources[id].StackResourceDriftStatus), ['DELETED', 'DELETED', 'IN_SYNC']);
  });
});
