import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  GetBucketAclCommand,
  GetBucketPolicyStatusCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand as GetBucketPublicAccessBlockCommand,
  PutBucketAclCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { DeletePublicAccessBlockCommand, PutPublicAccessBlockCommand, S3ControlClient, type PublicAccessBlockConfiguration } from '@aws-sdk/client-s3-control';
import type { Twinstack } from '../../emulator/index.ts';
import { allowPublicAccess, bucketName, failure, s3Client, startS3 } from '../s3/support.ts';
import { localhostNames } from '../support/localhost-names.ts';

const OWNER = '111111111111';
const OTHER = '222222222222';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const publicRead = (bucket: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] });
const otherAccountRead = (bucket: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] });

describe('S3 Control account-level Block Public Access, enforced on the account\'s buckets with their own settings (SDK v3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let owner: S3Client;
  let other: S3Client;
  let control: S3ControlClient;
  before(async () => {
    aws = await startS3(['s3', 's3control']);
    owner = s3Client(aws, { accountKey: OWNER });
    other = s3Client(aws, { accountKey: OTHER });
    control = new S3ControlClient({ ...localhostNames(aws.endpoint), region: 'us-east-1', credentials: { accessKeyId: OWNER, secretAccessKey: 'test' } });
  });
  after(() => aws.stop());
  afterEach(() => control.send(new DeletePublicAccessBlockCommand({ AccountId: OWNER })));

  const blockAccount = (configuration: PublicAccessBlockConfiguration) =>
    control.send(new PutPublicAccessBlockCommand({ AccountId: OWNER, PublicAccessBlockConfiguration: configuration }));
  /** A bucket of the owner whose own Block Public Access is off and whose ACLs are enabled (ObjectWriter). */
  async function openBucket(s3 = owner): Promise<string> {
    const bucket = bucketName('acct-bpa');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await allowPublicAccess(s3, bucket);
    return bucket;
  }
  const read = async (s3: S3Client, bucket: string, key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

  it('BlockPublicPolicy refuses a public bucket policy though the bucket allows it; other policies and accounts are not concerned', async () => {
    const bucket = await openBucket();
    const elsewhere = await openBucket(other);
    await blockAccount({ BlockPublicPolicy: true });
    const refused = await failure(owner.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket) })));
    assert.deepEqual([refused.name, refused.status], ['AccessDenied', 403]);
    assert.equal(
      refused.message,
      `User: arn:aws:iam::${OWNER}:root is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    );
    // The bucket's own setting stays what it is: the account's is combined with it, not copied into it.
    assert.equal((await failure(owner.send(new GetBucketPublicAccessBlockCommand({ Bucket: bucket })))).name, 'NoSuchPublicAccessBlockConfiguration');
    await owner.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: otherAccountRead(bucket) }));
    await other.send(new PutBucketPolicyCommand({ Bucket: elsewhere, Policy: publicRead(elsewhere) }));
    await control.send(new DeletePublicAccessBlockCommand({ AccountId: OWNER }));
    await owner.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket) }));
    assert.equal((await owner.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))).PolicyStatus!.IsPublic, true);
  });

  it('BlockPublicAcls refuses public ACLs in PutBucketAcl, PutObjectAcl and PutObject, and takes private ones', async () => {
    const bucket = await openBucket();
    await owner.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v' }));
    await blockAccount({ BlockPublicAcls: true });
    for (const call of [
      owner.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' })),
      owner.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'k', ACL: 'public-read' })),
      owner.send(new PutObjectCommand({ Bucket: bucket, Key: 'k2', Body: 'v', ACL: 'public-read-write' })),
      owner.send(new PutObjectCommand({ Bucket: bucket, Key: 'k3', Body: 'v', GrantRead: 'uri="http://acs.amazonaws.com/groups/global/AuthenticatedUsers"' })),
    ]) {
      const refused = await failure(call);
      assert.deepEqual([refused.name, refused.status, refused.message], ['AccessDenied', 403, 'Access Denied']);
    }
    await owner.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'k', ACL: 'private' }));
    await owner.send(new PutObjectCommand({ Bucket: bucket, Key: 'k4', Body: 'v', ACL: 'bucket-owner-full-control' }));
  });

  it('CreateBucket takes an ACL only with ACLs enabled, and never a public one (the new bucket blocks public ACLs)', async () => {
    const enforced = await failure(owner.send(new CreateBucketCommand({ Bucket: bucketName('acl-new'), ACL: 'public-read' })));
    assert.deepEqual(
      [enforced.name, enforced.status, enforced.message],
      ['InvalidBucketAclWithObjectOwnership', 400, "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"],
    );
    const toOtherAccount = await failure(owner.send(new CreateBucketCommand({ Bucket: bucketName('acl-new'), GrantRead: `id="${'a'.repeat(64)}"` })));
    assert.equal(toOtherAccount.name, 'InvalidBucketAclWithObjectOwnership');
    await blockAccount({ BlockPublicAcls: true });
    const refusedName = bucketName('acl-new');
    const refused = await failure(owner.send(new CreateBucketCommand({ Bucket: refusedName, ACL: 'public-read', ObjectOwnership: 'ObjectWriter' })));
    assert.deepEqual([refused.name, refused.status, refused.message], ['AccessDenied', 403, 'Access Denied']);
    // Nothing was created by a refused request.
    assert.equal((await failure(owner.send(new GetBucketAclCommand({ Bucket: refusedName })))).name, 'NoSuchBucket');
    // A private ACL is no ACL to refuse, with ACLs disabled or not.
    await owner.send(new CreateBucketCommand({ Bucket: bucketName('acl-new'), ACL: 'private' }));
    const writer = bucketName('acl-new');
    await owner.send(new CreateBucketCommand({ Bucket: writer, GrantWrite: `uri="${LOG_DELIVERY}"`, GrantReadACP: `uri="${LOG_DELIVERY}"`, ObjectOwnership: 'ObjectWriter' }));
    const grants = (await owner.send(new GetBucketAclCommand({ Bucket: writer }))).Grants!;
    assert.deepEqual(
      grants.map((g) => g.Grantee?.URI ?? g.Grantee?.Type).sort(),
      [LOG_DELIVERY, LOG_DELIVERY],
    );
    // ACLs are disabled again only once the bucket's ACL is private.
    const disable = () => owner.send(new PutBucketOwnershipControlsCommand({ Bucket: writer, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
    assert.equal((await failure(disable())).name, 'InvalidBucketAclWithObjectOwnership');
    await owner.send(new PutBucketAclCommand({ Bucket: writer, ACL: 'private' }));
    await disable();
  });

  it('IgnorePublicAcls and RestrictPublicBuckets close public ACLs and public policies to other accounts, not to the owner', async () => {
    const bucket = await openBucket();
    await owner.send(new PutObjectCommand({ Bucket: bucket, Key: 'acl.txt', Body: 'by acl', ACL: 'authenticated-read' }));
    assert.equal(await read(other, bucket, 'acl.txt'), 'by acl');
    await blockAccount({ IgnorePublicAcls: true });
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: bucket, Key: 'acl.txt' })))).name, 'AccessDenied');
    assert.equal(await read(owner, bucket, 'acl.txt'), 'by acl');

    await owner.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket) }));
    await owner.send(new PutObjectCommand({ Bucket: bucket, Key: 'policy.txt', Body: 'by policy' }));
    assert.equal(await read(other, bucket, 'policy.txt'), 'by policy');
    await blockAccount({ IgnorePublicAcls: true, RestrictPublicBuckets: true });
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: bucket, Key: 'policy.txt' })))).name, 'AccessDenied');
    assert.equal(await read(owner, bucket, 'policy.txt'), 'by policy');
    // The policy status describes the policy, which stays public (the block restricts access to it, it does not change it).
    assert.equal((await owner.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))).PolicyStatus!.IsPublic, true);

    await control.send(new DeletePublicAccessBlockCommand({ AccountId: OWNER }));
    assert.equal(await read(other, bucket, 'policy.txt'), 'by policy');
    assert.equal(await read(other, bucket, 'acl.txt'), 'by acl');
  });
});
