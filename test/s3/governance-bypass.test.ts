import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectRetentionCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';
import { bucketName, CREDENTIALS, iamUserKeys } from './support.ts';

// Object Lock's governance mode: a retained version can be deleted, or its retention shortened, only with
// x-amz-bypass-governance-retention and the s3:BypassGovernanceRetention permission; compliance mode never.
const ACCOUNT = '000000000000';
const LOCKED = 'Access Denied because object protected by object lock.';
const DAY = 86_400_000;

describe('S3 Object Lock governance bypass', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let root: S3Client;
  const s3 = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['s3', 'iam', 'sts'], enforceIam: true });
    root = s3(CREDENTIALS);
  });
  after(() => aws.stop());

  /** A lock-enabled bucket holding one version of `key` retained for a day in `mode`. */
  async function lockedVersion(mode: 'GOVERNANCE' | 'COMPLIANCE', key = 'kept.txt') {
    const bucket = bucketName('lock');
    await root.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: true }));
    const until = new Date(Date.now() + DAY);
    const { VersionId } = await root.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x', ObjectLockMode: mode, ObjectLockRetainUntilDate: until }));
    return { bucket, key, versionId: VersionId!, until };
  }

  const userWithPolicy = async (name: string, statements: object[]) => s3(await iamUserKeys(aws, name, statements));

  it('deletes a governance-retained version only with the bypass header; a compliance one never', async () => {
    const governed = await lockedVersion('GOVERNANCE');
    const remove = (bypass?: boolean) => root.send(new DeleteObjectCommand({ Bucket: governed.bucket, Key: governed.key, VersionId: governed.versionId, BypassGovernanceRetention: bypass }));
    await assert.rejects(remove(), expectError('AccessDenied', 403, LOCKED));
    await assert.rejects(remove(false), expectError('AccessDenied', 403, LOCKED));
    assert.equal((await remove(true)).VersionId, governed.versionId);

    const compliant = await lockedVersion('COMPLIANCE');
    await assert.rejects(
      root.send(new DeleteObjectCommand({ Bucket: compliant.bucket, Key: compliant.key, VersionId: compliant.versionId, BypassGovernanceRetention: true })),
      expectError('AccessDenied', 403, LOCKED),
    );
  });

  it('shortens a governance retention only with the bypass header', async () => {
    const { bucket, key, versionId, until } = await lockedVersion('GOVERNANCE');
    const shorter = new Date(until.getTime() - DAY / 2);
    const shorten = (bypass?: boolean) =>
      root.send(new PutObjectRetentionCommand({ Bucket: bucket, Key: key, VersionId: versionId, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: shorter }, BypassGovernanceRetention: bypass }));
    await assert.rejects(shorten(), expectError('AccessDenied', 403, LOCKED));
    await shorten(true);
    const retention = await root.send(new GetObjectRetentionCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
    assert.ok(Math.abs(retention.Retention!.RetainUntilDate!.getTime() - shorter.getTime()) < 1000, 'the shortened date is kept');
  });

  it('needs s3:BypassGovernanceRetention from the identity policies (--enforce-iam) to bypass', async () => {
    const { bucket, key, versionId } = await lockedVersion('GOVERNANCE');
    const denied = await userWithPolicy('no-bypass', [
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:BypassGovernanceRetention', Resource: '*' },
    ]);
    await assert.rejects(
      denied.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId, BypassGovernanceRetention: true })),
      expectError(
        'AccessDenied',
        403,
        `User: arn:aws:iam::${ACCOUNT}:user/no-bypass is not authorized to perform: s3:BypassGovernanceRetention on resource: "arn:aws:s3:::${bucket}/${key}" with an explicit deny in an identity-based policy`,
      ),
    );
    // Without the header the request asks for no bypass: the lock answers.
    await assert.rejects(denied.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId })), expectError('AccessDenied', 403, LOCKED));
    const allowed = await userWithPolicy('bypasser', [{ Effect: 'Allow', Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:BypassGovernanceRetention'], Resource: `arn:aws:s3:::${bucket}/*` }]);
    assert.equal((await allowed.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId, BypassGovernanceRetention: true }))).VersionId, versionId);
  });

  it("honours a bucket policy's Deny of the bypass, per key in DeleteObjects", async () => {
    const { bucket, key, versionId } = await lockedVersion('GOVERNANCE', 'protected/a.txt');
    const { VersionId: open } = await root.send(new PutObjectCommand({ Bucket: bucket, Key: 'open/b.txt', Body: 'y', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(Date.now() + DAY) }));
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:BypassGovernanceRetention', Resource: `arn:aws:s3:::${bucket}/protected/*` }],
    });
    await root.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy }));
    const result = await root.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        BypassGovernanceRetention: true,
        Delete: { Objects: [{ Key: key, VersionId: versionId }, { Key: 'open/b.txt', VersionId: open }] },
      }),
    );
    assert.deepEqual(result.Deleted?.map((d) => d.Key), ['open/b.txt']);
    assert.deepEqual(result.Errors?.map((e) => [e.Key, e.Code, e.Message]), [[key, 'AccessDenied', 'Access Denied']]);
  });
});
