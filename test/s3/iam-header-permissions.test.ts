import assert from 'node:assert/strict';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';
import { bucketName, CREDENTIALS, iamUserKeys } from './support.ts';

// With --enforce-iam, headers that set more than the request's own resource need their own permissions ("Required
// permissions for Amazon S3 API operations", each operation's Permissions): CreateBucket's ACL, Object Lock, ownership
// and tags; a write's ACL, tags and Object Lock settings; and a directory bucket's requests are s3express actions.
const ACCOUNT = '000000000000';

describe('S3 permissions of headers under --enforce-iam', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let root: S3Client;
  const s3 = (credentials: { accessKeyId: string; secretAccessKey: string }, options: Partial<ConstructorParameters<typeof S3Client>[0]> = {}) =>
    new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials, ...options });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['s3', 'iam', 'sts'], enforceIam: true });
    root = s3(CREDENTIALS);
  });
  after(() => aws.stop());

  let users = 0;
  /** A new IAM user allowed `actions` on `resource`. */
  async function allowedOnly(actions: string[], resource: string) {
    const name = `user-${users++}`;
    const keys = await iamUserKeys(aws, name, [{ Effect: 'Allow', Action: actions, Resource: resource }]);
    return { client: s3(keys), keys, name };
  }
  const denied = (user: string, action: string, resource: string) =>
    expectError('AccessDenied', 403, `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`);

  it('needs s3:PutBucketAcl, Object Lock, ownership and tagging permissions for those CreateBucket headers', async () => {
    const creator = await allowedOnly(['s3:CreateBucket'], 'arn:aws:s3:::*');
    const create = (extra: Partial<ConstructorParameters<typeof CreateBucketCommand>[0]>) => {
      const Bucket = bucketName('hdr');
      return { Bucket, sent: creator.client.send(new CreateBucketCommand({ Bucket, ...extra })) };
    };
    let attempt = create({ ObjectOwnership: 'BucketOwnerPreferred' });
    await assert.rejects(attempt.sent, denied(creator.name, 's3:PutBucketOwnershipControls', `arn:aws:s3:::${attempt.Bucket}`));
    attempt = create({ ObjectLockEnabledForBucket: true });
    await assert.rejects(attempt.sent, denied(creator.name, 's3:PutBucketObjectLockConfiguration', `arn:aws:s3:::${attempt.Bucket}`));
    attempt = create({ GrantRead: `id=${'a'.repeat(64)}` });
    await assert.rejects(attempt.sent, denied(creator.name, 's3:PutBucketAcl', `arn:aws:s3:::${attempt.Bucket}`));
    attempt = create({ CreateBucketConfiguration: { Tags: [{ Key: 'team', Value: 'a' }] } });
    await assert.rejects(attempt.sent, denied(creator.name, 's3:TagResource', `arn:aws:s3:::${attempt.Bucket}`));
    // A private ACL (the default) needs nothing more.
    await create({ ACL: 'private' }).sent;

    // Object Lock needs versioning's permission too; with both, the bucket is made locked.
    const locker = await allowedOnly(['s3:CreateBucket', 's3:PutBucketObjectLockConfiguration'], 'arn:aws:s3:::*');
    const Bucket = bucketName('lock');
    await assert.rejects(locker.client.send(new CreateBucketCommand({ Bucket, ObjectLockEnabledForBucket: true })), denied(locker.name, 's3:PutBucketVersioning', `arn:aws:s3:::${Bucket}`));
    const both = await allowedOnly(['s3:CreateBucket', 's3:PutBucketObjectLockConfiguration', 's3:PutBucketVersioning'], 'arn:aws:s3:::*');
    await both.client.send(new CreateBucketCommand({ Bucket, ObjectLockEnabledForBucket: true }));
    assert.equal((await root.send(new GetObjectLockConfigurationCommand({ Bucket }))).ObjectLockConfiguration?.ObjectLockEnabled, 'Enabled');
  });

  it("needs s3:PutObjectTagging and s3:PutObjectAcl for a copy's replaced tags and its ACL, and for a multipart upload's", async () => {
    const bucket = bucketName('copy');
    await root.send(new CreateBucketCommand({ Bucket: bucket }));
    await root.send(new PutObjectCommand({ Bucket: bucket, Key: 'src.txt', Body: 's', Tagging: 'kept=yes' }));
    const copier = await allowedOnly(['s3:GetObject', 's3:PutObject'], `arn:aws:s3:::${bucket}/*`);
    const copy = (extra: Partial<ConstructorParameters<typeof CopyObjectCommand>[0]>) =>
      copier.client.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst.txt', CopySource: `${bucket}/src.txt`, ...extra }));
    const object = `arn:aws:s3:::${bucket}/dst.txt`;
    await assert.rejects(copy({ TaggingDirective: 'REPLACE', Tagging: 'new=tag' }), denied(copier.name, 's3:PutObjectTagging', object));
    await assert.rejects(copy({ ACL: 'bucket-owner-full-control' }), denied(copier.name, 's3:PutObjectAcl', object));
    await assert.rejects(
      copier.client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'dst.txt', Tagging: 'new=tag' })),
      denied(copier.name, 's3:PutObjectTagging', object),
    );
    // Copying the source's tags (the default directive) takes no tagging permission of the destination.
    await copy({});
    assert.deepEqual((await root.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'dst.txt' }))).TagSet, [{ Key: 'kept', Value: 'yes' }]);
    const tagger = await allowedOnly(['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging'], `arn:aws:s3:::${bucket}/*`);
    await tagger.client.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst.txt', CopySource: `${bucket}/src.txt`, TaggingDirective: 'REPLACE', Tagging: 'new=tag' }));
    assert.deepEqual((await root.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'dst.txt' }))).TagSet, [{ Key: 'new', Value: 'tag' }]);
  });

  it('needs s3:PutObjectRetention and s3:PutObjectLegalHold to write Object Lock settings, their Get actions to read them', async () => {
    const bucket = bucketName('locked');
    await root.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: true }));
    const writer = await allowedOnly(['s3:PutObject'], `arn:aws:s3:::${bucket}/*`);
    const object = `arn:aws:s3:::${bucket}/held.txt`;
    const RetainUntilDate = new Date(Date.now() + 86_400_000);
    await assert.rejects(
      writer.client.send(new PutObjectCommand({ Bucket: bucket, Key: 'held.txt', Body: 'h', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: RetainUntilDate })),
      denied(writer.name, 's3:PutObjectRetention', object),
    );
    await assert.rejects(writer.client.send(new PutObjectCommand({ Bucket: bucket, Key: 'held.txt', Body: 'h', ObjectLockLegalHoldStatus: 'ON' })), denied(writer.name, 's3:PutObjectLegalHold', object));
    const locker = await allowedOnly(['s3:PutObject', 's3:PutObjectLegalHold'], `arn:aws:s3:::${bucket}/*`);
    await locker.client.send(new PutObjectCommand({ Bucket: bucket, Key: 'held.txt', Body: 'h', ObjectLockLegalHoldStatus: 'ON' }));
    assert.equal((await root.send(new HeadObjectCommand({ Bucket: bucket, Key: 'held.txt' }))).ObjectLockLegalHoldStatus, 'ON');
    await root.send(new PutObjectCommand({ Bucket: bucket, Key: 'held.txt', Body: 'r', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: RetainUntilDate, ObjectLockLegalHoldStatus: 'ON' }));

    // Reads answer the lock only to those allowed to read it: s3:GetObjectRetention, s3:GetObjectLegalHold.
    const lockOf = (answer: { ObjectLockMode?: string; ObjectLockRetainUntilDate?: Date; ObjectLockLegalHoldStatus?: string }) => [
      answer.ObjectLockMode,
      answer.ObjectLockRetainUntilDate?.getTime(),
      answer.ObjectLockLegalHoldStatus,
    ];
    const reader = await allowedOnly(['s3:GetObject'], `arn:aws:s3:::${bucket}/*`);
    assert.deepEqual(lockOf(await reader.client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'held.txt' }))), [undefined, undefined, undefined]);
    assert.deepEqual(lockOf(await reader.client.send(new GetObjectCommand({ Bucket: bucket, Key: 'held.txt' }))), [undefined, undefined, undefined]);
    const retention = await allowedOnly(['s3:GetObject', 's3:GetObjectRetention'], `arn:aws:s3:::${bucket}/*`);
    const until = RetainUntilDate.getTime();
    assert.deepEqual(lockOf(await retention.client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'held.txt' }))), ['GOVERNANCE', until, undefined]);
    const hold = await allowedOnly(['s3:GetObject', 's3:GetObjectLegalHold'], `arn:aws:s3:::${bucket}/*`);
    assert.deepEqual(lockOf(await hold.client.send(new GetObjectCommand({ Bucket: bucket, Key: 'held.txt' }))), [undefined, undefined, 'ON']);
    assert.deepEqual(lockOf(await root.send(new HeadObjectCommand({ Bucket: bucket, Key: 'held.txt' }))), ['GOVERNANCE', until, 'ON']);
  });

  it("authorizes a directory bucket's requests as s3express actions on its s3express ARN", async () => {
    const Bucket = 'iam--use1-az4--x-s3';
    const arn = `arn:aws:s3express:us-east-1:${ACCOUNT}:bucket/${Bucket}`;
    const CreateBucketConfiguration = { Location: { Type: 'AvailabilityZone' as const, Name: 'use1-az4' }, Bucket: { Type: 'Directory' as const } };
    const general = await allowedOnly(['s3:*'], '*');
    // The Regional endpoint's calls (CreateBucket) sign with the caller's own keys, not a session's.
    const control = (keys: { accessKeyId: string; secretAccessKey: string }) => s3(keys, { disableS3ExpressSessionAuth: true });
    await assert.rejects(control(general.keys).send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration })), denied(general.name, 's3express:CreateBucket', arn));
    const creator = await allowedOnly(['s3express:CreateBucket'], `arn:aws:s3express:us-east-1:${ACCOUNT}:bucket/*`);
    await control(creator.keys).send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration }));

    // Object calls go through CreateSession, which s3:* does not allow.
    await assert.rejects(general.client.send(new PutObjectCommand({ Bucket, Key: 'a.txt', Body: 'a' })), denied(general.name, 's3express:CreateSession', arn));
    const session = await allowedOnly(['s3express:CreateSession'], arn);
    await session.client.send(new PutObjectCommand({ Bucket, Key: 'a.txt', Body: 'a' }));
    assert.equal((await session.client.send(new HeadObjectCommand({ Bucket, Key: 'a.txt' }))).ContentLength, 1);
  });
});
