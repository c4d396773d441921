import assert from 'node:assert/strict';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { CreateAccessPointCommand, DeleteAccessPointCommand, GetAccessPointCommand, PutAccessPointPolicyCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { Twinstack } from '../../emulator/index.ts';
import { allowPublicAccess, CREDENTIALS, failure, s3Client, startS3, withHost } from '../s3/support.ts';
import { localhostNames } from '../support/localhost-names.ts';

const ACCOUNT = '000000000000';
const OTHER = '111111111111';

describe('S3 access point aliases (`…-s3alias`) used as bucket names, through AWS SDK v3', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let s3: S3Client;
  let other: S3Client;
  let control: S3ControlClient;
  let alias: string;
  const bucket = 'alias-data';

  before(async () => {
    aws = await startS3(['s3', 's3control']);
    s3 = s3Client(aws);
    other = s3Client(aws, { accountKey: OTHER });
    control = new S3ControlClient({ ...localhostNames(aws.endpoint), region: 'us-east-1', credentials: CREDENTIALS });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    alias = (await control.send(new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: 'data-ap', Bucket: bucket }))).Alias!;
  });
  after(async () => {
    s3.destroy();
    other.destroy();
    control.destroy();
    await aws.stop();
  });

  it('makes a valid bucket name of at most 63 characters, the one GetAccessPoint returns', async () => {
    assert.match(alias, /^data-ap-[a-z0-9]{34}-s3alias$/);
    assert.equal((await control.send(new GetAccessPointCommand({ AccountId: ACCOUNT, Name: 'data-ap' }))).Alias, alias);
    const long = await control.send(new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: 'a-rather-long-access-point-name-for-one-bucket', Bucket: bucket }));
    assert.match(long.Alias!, /^a-rather-long-access-[a-z0-9]{34}-s3alias$/);
    assert.ok(long.Alias!.length <= 63);
  });

  it('serves the object operations through the alias from the access point bucket', async () => {
    await s3.send(new PutObjectCommand({ Bucket: alias, Key: 'a.txt', Body: 'through the alias' }));
    assert.equal(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a.txt' }))).Body!.transformToString(), 'through the alias');
    assert.equal(await (await s3.send(new GetObjectCommand({ Bucket: alias, Key: 'a.txt' }))).Body!.transformToString(), 'through the alias');
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket: alias, Key: 'a.txt' }))).ContentLength, 17);
    await s3.send(new CopyObjectCommand({ Bucket: alias, Key: 'b.txt', CopySource: `${bucket}/a.txt` }));
    // A copy source may name the access point by its alias too.
    await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'c.txt', CopySource: `${alias}/b.txt` }));
    assert.equal(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'c.txt' }))).Body!.transformToString(), 'through the alias');
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'c.txt' }));
    await s3.send(new PutObjectTaggingCommand({ Bucket: alias, Key: 'b.txt', Tagging: { TagSet: [{ Key: 'via', Value: 'alias' }] } }));
    assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: alias, Key: 'b.txt' }))).TagSet, [{ Key: 'via', Value: 'alias' }]);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: alias }));
    assert.deepEqual(listed.Contents?.map((o) => o.Key), ['a.txt', 'b.txt']);

    const upload = await s3.send(new CreateMultipartUploadCommand({ Bucket: alias, Key: 'big.bin' }));
    assert.deepEqual((await s3.send(new ListMultipartUploadsCommand({ Bucket: alias }))).Uploads?.map((u) => u.Key), ['big.bin']);
    const part = await s3.send(new UploadPartCommand({ Bucket: alias, Key: 'big.bin', UploadId: upload.UploadId, PartNumber: 1, Body: 'one part' }));
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: alias, Key: 'big.bin', UploadId: upload.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    assert.equal(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big.bin' }))).Body!.transformToString(), 'one part');

    const deleted = await s3.send(new DeleteObjectsCommand({ Bucket: alias, Delete: { Objects: [{ Key: 'b.txt' }, { Key: 'big.bin' }] } }));
    assert.deepEqual(deleted.Deleted?.map((d) => d.Key).sort(), ['b.txt', 'big.bin']);
    await s3.send(new DeleteObjectCommand({ Bucket: alias, Key: 'a.txt' }));
    assert.equal((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount, 0);
  });

  it('answers HeadBucket and GetBucketLocation through the alias, saying it is an alias', async () => {
    const head = await s3.send(new HeadBucketCommand({ Bucket: alias }));
    assert.deepEqual([head.AccessPointAlias, head.BucketRegion], [true, 'us-east-1']);
    assert.equal((await s3.send(new HeadBucketCommand({ Bucket: bucket }))).AccessPointAlias, false);
    assert.equal((await s3.send(new GetBucketLocationCommand({ Bucket: alias }))).LocationConstraint, undefined);
  });

  it('serves the bucket reads whose API reference takes an alias: Object Lock configuration, notifications', async () => {
    // The bucket's own answer, reached through the alias: it has no Object Lock configuration.
    const lock = await failure(s3.send(new GetObjectLockConfigurationCommand({ Bucket: alias })));
    assert.deepEqual([lock.name, lock.status, lock.raw.BucketName], ['ObjectLockConfigurationNotFoundError', 404, bucket]);
    assert.deepEqual(Object.keys(await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: alias }))).sort(), ['$metadata']);
  });

  it('serves the alias as a virtual host too', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'hosted.txt', Body: 'hosted' }));
    const answer = await withHost(aws, `${alias}.s3.localhost.localstack.cloud`, 'GET', '/hosted.txt', { authorization: '' });
    assert.deepEqual([answer.status, answer.body], [200, 'hosted']);
  });

  it('refuses the bucket operations access points do not take, and aliases nobody made', async () => {
    for (const call of [
      () => s3.send(new GetBucketTaggingCommand({ Bucket: alias })),
      () => s3.send(new PutBucketVersioningCommand({ Bucket: alias, VersioningConfiguration: { Status: 'Enabled' } })),
      () => s3.send(new DeleteBucketCommand({ Bucket: alias })),
    ]) {
      const refused = await failure(call());
      assert.deepEqual([refused.name, refused.status, refused.message], ['NotImplemented', 501, 'Operation Not Implemented.']);
    }
    // Another alias of the same form, one random character changed.
    const unknown = `data-ap-${alias[8] === 'a' ? 'b' : 'a'}${alias.slice(9)}`;
    const invalid = await failure(s3.send(new GetObjectCommand({ Bucket: unknown, Key: 'a.txt' })));
    assert.deepEqual([invalid.name, invalid.status, invalid.message], ['InvalidAccessPointAliasError', 400, 'The specified access point alias name is not valid.']);
  });

  it("applies the access point's policy: its Deny refuses, and another account needs its Allow", async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'secret/plan.txt', Body: 'plan' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'shared/note.txt', Body: 'note' }));
    const arn = `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/data-ap`;
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `${arn}/object/secret/*` },
        { Effect: 'Allow', Principal: { AWS: OTHER }, Action: 's3:GetObject', Resource: `${arn}/object/shared/*` },
      ],
    });
    await control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'data-ap', Policy }));
    const denied = await failure(s3.send(new GetObjectCommand({ Bucket: alias, Key: 'secret/plan.txt' })));
    assert.deepEqual([denied.name, denied.status], ['AccessDenied', 403]);
    // Nor may a copy read it through the access point.
    assert.equal((await failure(s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'copied.txt', CopySource: `/${alias}/secret/plan.txt` })))).name, 'AccessDenied');
    // The bucket itself has no such policy: its owner reads the object by the bucket's name.
    assert.equal(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'secret/plan.txt' }))).Body!.transformToString(), 'plan');
    // Another account: the access point's Allow, then the bucket's own policy, which must let it in too.
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: alias, Key: 'shared/note.txt' })))).name, 'AccessDenied');
    const bucketPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: OTHER }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] };
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(bucketPolicy) }));
    assert.equal(await (await other.send(new GetObjectCommand({ Bucket: alias, Key: 'shared/note.txt' }))).Body!.transformToString(), 'note');
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: alias, Key: 'secret/plan.txt' })))).name, 'AccessDenied');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'other/x.txt', Body: 'x' }));
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: alias, Key: 'other/x.txt' })))).name, 'AccessDenied');
    // By the bucket's name only the bucket policy judges.
    assert.equal(await (await other.send(new GetObjectCommand({ Bucket: bucket, Key: 'secret/plan.txt' }))).Body!.transformToString(), 'plan');
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
  });

  it('gives the bucket policy the access point condition keys: access control delegated to the owner\'s access points', async () => {
    // AWS's "Delegating access control to access points": the bucket lets in whatever its owner's access points let in.
    const delegated = 'alias-delegated';
    await s3.send(new CreateBucketCommand({ Bucket: delegated }));
    await s3.send(new PutObjectCommand({ Bucket: delegated, Key: 'shared/report.txt', Body: 'report' }));
    const name = 'delegated-ap';
    const created = await control.send(new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: name, Bucket: delegated }));
    const arn = `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/${name}`;
    const bucketPolicy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: '*',
          Resource: [`arn:aws:s3:::${delegated}`, `arn:aws:s3:::${delegated}/*`],
          Condition: { StringEquals: { 's3:DataAccessPointAccount': ACCOUNT } },
        },
      ],
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: delegated, Policy: JSON.stringify(bucketPolicy) }));
    const apPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: OTHER }, Action: 's3:GetObject', Resource: `${arn}/object/shared/*` }] };
    await control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: name, Policy: JSON.stringify(apPolicy) }));
    // Through the access point both policies allow; by the bucket's name the condition key is absent and nothing does.
    assert.equal(await (await other.send(new GetObjectCommand({ Bucket: created.Alias!, Key: 'shared/report.txt' }))).Body!.transformToString(), 'report');
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: delegated, Key: 'shared/report.txt' })))).name, 'AccessDenied');
    // The access point's ARN and network origin: a Deny for access points other than this one, or off the Internet, shuts nothing here.
    const narrowed = {
      Version: '2012-10-17',
      Statement: [
        ...bucketPolicy.Statement,
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${delegated}/*`, Condition: { StringNotLike: { 's3:DataAccessPointArn': `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/delegated-*` } } },
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${delegated}/*`, Condition: { StringEquals: { 's3:AccessPointNetworkOrigin': 'VPC' } } },
      ],
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: delegated, Policy: JSON.stringify(narrowed) }));
    assert.equal(await (await other.send(new GetObjectCommand({ Bucket: created.Alias!, Key: 'shared/report.txt' }))).Body!.transformToString(), 'report');
    // Another access point of the bucket is refused by the ARN condition, even to the owner.
    const second = await control.send(new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: 'second-ap', Bucket: delegated }));
    assert.equal((await failure(s3.send(new GetObjectCommand({ Bucket: second.Alias!, Key: 'shared/report.txt' })))).name, 'AccessDenied');
    // The Deny on a missing key (a request straight to the bucket) holds: StringNotLike on an absent key matches.
    assert.equal((await failure(s3.send(new GetObjectCommand({ Bucket: delegated, Key: 'shared/report.txt' })))).name, 'AccessDenied');
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: delegated }));
  });

  it("applies the access point's Block Public Access: public ACLs are neither set nor honoured through it", async () => {
    const open = 'alias-open';
    await s3.send(new CreateBucketCommand({ Bucket: open }));
    await allowPublicAccess(s3, open);
    const openAlias = (await control.send(new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: 'open-ap', Bucket: open }))).Alias!;
    await s3.send(new PutObjectCommand({ Bucket: open, Key: 'public.txt', Body: 'public', ACL: 'public-read' }));
    // Public to every account by the bucket's name; through the access point (every block on by default) ignored.
    assert.equal(await (await other.send(new GetObjectCommand({ Bucket: open, Key: 'public.txt' }))).Body!.transformToString(), 'public');
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: OTHER }, Action: 's3:GetObject', Resource: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/open-ap/object/*` }] });
    await control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'open-ap', Policy }));
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: openAlias, Key: 'public.txt' })))).name, 'AccessDenied');
    const blocked = await failure(s3.send(new PutObjectAclCommand({ Bucket: openAlias, Key: 'public.txt', ACL: 'public-read-write' })));
    assert.deepEqual([blocked.name, blocked.status], ['AccessDenied', 403]);
    await s3.send(new PutObjectAclCommand({ Bucket: open, Key: 'public.txt', ACL: 'public-read-write' }));
  });

  it('stops answering to the alias of a deleted access point', async () => {
    const gone = (await control.send(new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: 'gone-ap', Bucket: bucket }))).Alias!;
    await s3.send(new HeadBucketCommand({ Bucket: gone }));
    await control.send(new DeleteAccessPointCommand({ AccountId: ACCOUNT, Name: 'gone-ap' }));
    assert.equal((await failure(s3.send(new GetObjectCommand({ Bucket: gone, Key: 'a.txt' })))).name, 'InvalidAccessPointAliasError');
  });
});
