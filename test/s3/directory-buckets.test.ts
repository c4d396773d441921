import assert from 'node:assert/strict';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  CreateSessionCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  DeleteObjectCommand,
  ListDirectoryBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  RenameObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';
import { CREDENTIALS, failure, startS3 } from './support.ts';

const BUCKET = 'logs--usw2-az1--x-s3';
const DIRECTORY = { Location: { Type: 'AvailabilityZone' as const, Name: 'usw2-az1' }, Bucket: { Type: 'Directory' as const, DataRedundancy: 'SingleAvailabilityZone' as const } };

describe('S3 directory buckets (S3 Express One Zone)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let control: S3Client;
  let data: S3Client;
  before(async () => {
    aws = await startS3();
    const options = { endpoint: aws.endpoint, region: 'us-west-2', forcePathStyle: true, credentials: CREDENTIALS };
    control = new S3Client({ ...options, disableS3ExpressSessionAuth: true });
    data = new S3Client(options);
  });
  after(() => aws.stop());

  it('creates directory buckets with AWS naming rules, lists them apart from general purpose buckets, heads them', async () => {
    // The SDK asks CreateSession first (a custom endpoint has no separate control endpoint): that works before the bucket exists.
    const created = await data.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: DIRECTORY }));
    assert.equal(created.BucketArn, `arn:aws:s3express:us-west-2:000000000000:bucket/${BUCKET}`);
    const wrongZone = await failure(control.send(new CreateBucketCommand({ Bucket: 'logs--usw2-az2--x-s3', CreateBucketConfiguration: DIRECTORY })));
    assert.deepEqual([wrongZone.name, wrongZone.status], ['InvalidBucketName', 400]);
    const noConfig = await failure(control.send(new CreateBucketCommand({ Bucket: 'other--usw2-az1--x-s3' })));
    assert.equal(noConfig.name, 'InvalidRequest');
    const again = await failure(control.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: DIRECTORY })));
    assert.equal(again.name, 'BucketAlreadyOwnedByYou');

    const listed = await control.send(new ListDirectoryBucketsCommand({}));
    assert.deepEqual(listed.Buckets?.map((b) => [b.Name, b.BucketRegion]), [[BUCKET, 'us-west-2']]);
    assert.equal((await control.send(new ListBucketsCommand({}))).Buckets?.length, 0);
    const head = await data.send(new HeadBucketCommand({ Bucket: BUCKET }));
    assert.deepEqual([head.BucketLocationType, head.BucketLocationName, head.BucketRegion], ['AvailabilityZone', 'usw2-az1', 'us-west-2']);
  });

  it('signs object calls with CreateSession credentials, stores EXPRESS_ONEZONE objects, renames them atomically', async () => {
    const session = await control.send(new CreateSessionCommand({ Bucket: BUCKET }));
    assert.match(session.Credentials!.AccessKeyId!, /^ASIA[A-Z2-7]{16}$/);
    assert.equal(session.Credentials!.Expiration!.getTime() - Date.now() <= 5 * 60 * 1000, true);
    await data.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a.txt', Body: 'first', Metadata: { kind: 'log' } }));
    const original = await data.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a.txt' }));
    assert.equal(original.StorageClass, 'EXPRESS_ONEZONE');
    const standard = await failure(data.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'x', Body: 'x', StorageClass: 'STANDARD' })));
    assert.equal(standard.name, 'InvalidStorageClass');

    await data.send(new RenameObjectCommand({ Bucket: BUCKET, Key: 'b.txt', RenameSource: `${BUCKET}/a.txt`, ClientToken: 'token-1' }));
    const renamed = await data.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'b.txt' }));
    assert.equal(await renamed.Body!.transformToString(), 'first');
    assert.deepEqual([renamed.ETag, renamed.LastModified?.getTime(), renamed.Metadata], [original.ETag, original.LastModified?.getTime(), { kind: 'log' }]);
    assert.equal((await failure(data.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a.txt' })))).status, 404);
    // The same token again answers as the first time; reused for another rename it is a mismatch.
    await data.send(new RenameObjectCommand({ Bucket: BUCKET, Key: 'b.txt', RenameSource: `${BUCKET}/a.txt`, ClientToken: 'token-1' }));
    const mismatch = await failure(data.send(new RenameObjectCommand({ Bucket: BUCKET, Key: 'c.txt', RenameSource: `${BUCKET}/b.txt`, ClientToken: 'token-1' })));
    assert.equal(mismatch.name, 'IdempotencyParameterMismatch');

    await data.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'c.txt', Body: 'second' }));
    const kept = await failure(data.send(new RenameObjectCommand({ Bucket: BUCKET, Key: 'c.txt', RenameSource: `${BUCKET}/b.txt`, DestinationIfNoneMatch: '*' })));
    assert.deepEqual([kept.name, kept.status], ['PreconditionFailed', 412]);
    const missing = await failure(data.send(new RenameObjectCommand({ Bucket: BUCKET, Key: 'd.txt', RenameSource: `${BUCKET}/nothing` })));
    assert.equal(missing.name, 'NoSuchKey');
  });

  it('limits a ReadOnly session to reads: a write signed with its credentials is AccessDenied', async () => {
    const signedWith = async (SessionMode: 'ReadOnly' | 'ReadWrite') => {
      const { Credentials } = await control.send(new CreateSessionCommand({ Bucket: BUCKET, SessionMode }));
      const credentials = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
      return new S3Client({ endpoint: aws.endpoint, region: 'us-west-2', forcePathStyle: true, credentials, disableS3ExpressSessionAuth: true });
    };
    const writer = await signedWith('ReadWrite');
    await writer.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'read-only.txt', Body: 'kept' }));
    const reader = await signedWith('ReadOnly');
    const read = await reader.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'read-only.txt' }));
    assert.equal(await read.Body!.transformToString(), 'kept');
    assert.equal((await reader.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'read-only.txt' }))).ContentLength, 4);
    assert.ok((await reader.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents?.some((o) => o.Key === 'read-only.txt'));
    for (const write of [
      () => reader.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'read-only.txt', Body: 'changed' })),
      () => reader.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'read-only.txt' })),
      () => reader.send(new CreateSessionCommand({ Bucket: BUCKET, SessionMode: 'ReadWrite' })),
    ]) {
      const denied = await failure(write());
      assert.deepEqual([denied.name, denied.status, denied.message], ['AccessDenied', 403, 'Access Denied']);
    }
    const unchanged = await writer.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'read-only.txt' }));
    assert.equal(await unchanged.Body!.transformToString(), 'kept');
  });

  it('answers 501 to a copy that would write tags into a directory bucket, copies an untagged one', async () => {
    const s3 = new S3Client({ endpoint: aws.endpoint, region: 'us-west-2', forcePathStyle: true, credentials: CREDENTIALS });
    await s3.send(new CreateBucketCommand({ Bucket: 'tagged-source', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }));
    await s3.send(new PutObjectCommand({ Bucket: 'tagged-source', Key: 'tagged', Body: 't', Tagging: 'team=a' }));
    await s3.send(new PutObjectCommand({ Bucket: 'tagged-source', Key: 'plain', Body: 'p' }));
    const copied = await failure(data.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'tagged', CopySource: 'tagged-source/tagged' })));
    assert.deepEqual([copied.name, copied.status], ['NotImplemented', 501]);
    const replaced = await failure(data.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'tagged', CopySource: 'tagged-source/plain', TaggingDirective: 'REPLACE', Tagging: 'team=b' })));
    assert.deepEqual([replaced.name, replaced.status], ['NotImplemented', 501]);
    assert.equal((await failure(data.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'tagged' })))).status, 404);
    await data.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'tagged', CopySource: 'tagged-source/tagged', TaggingDirective: 'REPLACE', Tagging: '' }));
    await data.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'plain', CopySource: 'tagged-source/plain' }));
    assert.equal((await data.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'plain' }))).StorageClass, 'EXPRESS_ONEZONE');
  });

  it('refuses RenameObject in general purpose buckets', async () => {
    const s3 = new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
    await s3.send(new CreateBucketCommand({ Bucket: 'general-purpose' }));
    await s3.send(new PutObjectCommand({ Bucket: 'general-purpose', Key: 'a', Body: 'a' }));
    const refused = await failure(s3.send(new RenameObjectCommand({ Bucket: 'general-purpose', Key: 'b', RenameSource: 'general-purpose/a' })));
    assert.equal(refused.name, 'InvalidRequest');
  });

  it('forgets session credentials with the rest of the state on reset', async () => {
    const session = await control.send(new CreateSessionCommand({ Bucket: BUCKET }));
    assert.equal(aws.emulator.credentials.lookup(session.Credentials!.AccessKeyId)?.accountId, '000000000000');
    await aws.reset();
    assert.equal(aws.emulator.credentials.lookup(session.Credentials!.AccessKeyId), undefined);
  });

  it('serves boto3: create_bucket, session-signed put/get/list, rename_object, create_session', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./directory-boto3.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out, { body: 'alpha', storage_class: 'EXPRESS_ONEZONE', keys: ['logs/b.txt'], missing_source: 'NoSuchKey', session_keys: ['AccessKeyId', 'Expiration', 'SecretAccessKey', 'SessionToken'] });
  });
});
