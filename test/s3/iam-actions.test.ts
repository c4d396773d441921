import assert from 'node:assert/strict';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  DeleteObjectTaggingCommand,
  GetBucketCorsCommand,
  GetObjectAclCommand,
  GetObjectAttributesCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  PutBucketVersioningCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError, type SdkError } from '../support/aws-error.ts';
import { bucketName, CREDENTIALS, iamUserKeys } from './support.ts';

// With --enforce-iam a request is authorized as the action AWS names for it ("Required permissions for Amazon S3 API
// operations"): a request naming a version as the version's own action (s3:GetObjectVersion, s3:DeleteObjectVersion,
// s3:*ObjectVersionAcl, s3:*ObjectVersionTagging...), a configuration delete as its Put, each key of DeleteObjects on
// its own, and a copy's source as a read of the source object.
const ACCOUNT = '000000000000';

describe('S3 IAM actions under --enforce-iam', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let root: S3Client;
  let bucket: string;
  let versionId: string;
  const s3 = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['s3', 'iam', 'sts'], enforceIam: true });
    root = s3(CREDENTIALS);
    bucket = bucketName('iam');
    await root.send(new CreateBucketCommand({ Bucket: bucket }));
    await root.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    versionId = (await root.send(new PutObjectCommand({ Bucket: bucket, Key: 'doc.txt', Body: 'v1' }))).VersionId!;
    await root.send(new PutObjectCommand({ Bucket: bucket, Key: 'doc.txt', Body: 'v2' }));
  });
  after(() => aws.stop());

  let users = 0;
  /** A client of a new IAM user allowed `actions` on `resource` (the test bucket's objects by default). */
  async function allowedOnly(actions: string[], resource = `arn:aws:s3:::${bucket}/*`) {
    const name = `user-${users++}`;
    return { client: s3(await iamUserKeys(aws, name, [{ Effect: 'Allow', Action: actions, Resource: resource }])), name };
  }

  const denied = (user: string, action: string, resource: string) =>
    expectError('AccessDenied', 403, `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: "${resource}" because no identity-based policy allows the ${action} action`);

  it('authorizes reads and deletes of a named version as s3:GetObjectVersion and s3:DeleteObjectVersion', async () => {
    const object = `arn:aws:s3:::${bucket}/doc.txt`;
    const current = await allowedOnly(['s3:GetObject', 's3:DeleteObject']);
    assert.equal(await (await current.client.send(new GetObjectCommand({ Bucket: bucket, Key: 'doc.txt' }))).Body!.transformToString(), 'v2');
    await assert.rejects(current.client.send(new GetObjectCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: versionId })), denied(current.name, 's3:GetObjectVersion', object));
    await assert.rejects(current.client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: versionId })), (e: SdkError) => e.$metadata.httpStatusCode === 403);
    await assert.rejects(current.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: versionId })), denied(current.name, 's3:DeleteObjectVersion', object));

    const versions = await allowedOnly(['s3:GetObjectVersion', 's3:DeleteObjectVersion']);
    await assert.rejects(versions.client.send(new GetObjectCommand({ Bucket: bucket, Key: 'doc.txt' })), denied(versions.name, 's3:GetObject', object));
    assert.equal(await (await versions.client.send(new GetObjectCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: versionId }))).Body!.transformToString(), 'v1');
    const scratch = (await root.send(new PutObjectCommand({ Bucket: bucket, Key: 'scratch.txt', Body: 's' }))).VersionId!;
    assert.equal((await versions.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'scratch.txt', VersionId: scratch }))).VersionId, scratch);
    // Without a version id the delete makes a delete marker: s3:DeleteObject, which this user lacks.
    await assert.rejects(versions.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'scratch.txt' })), denied(versions.name, 's3:DeleteObject', `arn:aws:s3:::${bucket}/scratch.txt`));
  });

  it("authorizes a version's ACL and tags as s3:*ObjectVersionAcl and s3:*ObjectVersionTagging", async () => {
    const object = `arn:aws:s3:::${bucket}/doc.txt`;
    const current = await allowedOnly(['s3:GetObjectAcl', 's3:PutObjectAcl', 's3:GetObjectTagging', 's3:PutObjectTagging', 's3:DeleteObjectTagging']);
    const Tagging = { TagSet: [{ Key: 'k', Value: 'v' }] };
    await current.client.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'doc.txt', Tagging }));
    const calls: Array<[string, (client: S3Client) => Promise<unknown>]> = [
      ['s3:GetObjectVersionAcl', (client) => client.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: versionId }))],
      ['s3:PutObjectVersionAcl', (client) => client.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: versionId, ACL: 'private' }))],
      ['s3:PutObjectVersionTagging', (client) => client.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: versionId, Tagging }))],
      ['s3:GetObjectVersionTagging', (client) => client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: versionId }))],
      ['s3:DeleteObjectVersionTagging', (client) => client.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: versionId }))],
    ];
    for (const [action, call] of calls) await assert.rejects(call(current.client), denied(current.name, action, object));

    const versions = await allowedOnly(calls.map(([action]) => action));
    const answers = [];
    for (const [, call] of calls) answers.push(await call(versions.client));
    assert.deepEqual((answers[3] as { TagSet?: unknown }).TagSet, Tagging.TagSet);
    assert.equal((answers[0] as { Grants?: unknown[] }).Grants?.length, 1);
  });

  it('needs both GetObjectAttributes and GetObject (their Version twins for a version)', async () => {
    const object = `arn:aws:s3:::${bucket}/doc.txt`;
    const attributesOnly = await allowedOnly(['s3:GetObjectAttributes', 's3:GetObjectVersionAttributes']);
    const attributes = (VersionId?: string) => new GetObjectAttributesCommand({ Bucket: bucket, Key: 'doc.txt', VersionId, ObjectAttributes: ['ObjectSize'] });
    await assert.rejects(attributesOnly.client.send(attributes()), denied(attributesOnly.name, 's3:GetObject', object));
    await assert.rejects(attributesOnly.client.send(attributes(versionId)), denied(attributesOnly.name, 's3:GetObjectVersion', object));
    const both = await allowedOnly(['s3:GetObjectVersionAttributes', 's3:GetObjectVersion']);
    assert.equal((await both.client.send(attributes(versionId))).ObjectSize, 2);
    await assert.rejects(both.client.send(attributes()), denied(both.name, 's3:GetObjectAttributes', object));
  });

  it('authorizes each key of DeleteObjects on its own object', async () => {
    await root.send(new PutObjectCommand({ Bucket: bucket, Key: 'tmp/a.txt', Body: 'a' }));
    const { VersionId: kept } = await root.send(new PutObjectCommand({ Bucket: bucket, Key: 'keep/b.txt', Body: 'b' }));
    const tmpOnly = await allowedOnly(['s3:DeleteObject', 's3:DeleteObjectVersion'], `arn:aws:s3:::${bucket}/tmp/*`);
    const result = await tmpOnly.client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'tmp/a.txt' }, { Key: 'keep/b.txt', VersionId: kept }] } }));
    assert.deepEqual(result.Deleted?.map((d) => [d.Key, d.DeleteMarker]), [['tmp/a.txt', true]]);
    assert.deepEqual(
      result.Errors?.map((e) => [e.Key, e.VersionId, e.Code, e.Message]),
      [['keep/b.txt', kept, 'AccessDenied', `User: arn:aws:iam::${ACCOUNT}:user/${tmpOnly.name} is not authorized to perform: s3:DeleteObjectVersion on resource: "arn:aws:s3:::${bucket}/keep/b.txt" because no identity-based policy allows the s3:DeleteObjectVersion action`]],
    );
    assert.equal((await root.send(new HeadObjectCommand({ Bucket: bucket, Key: 'keep/b.txt' }))).VersionId, kept);
  });

  it("authorizes a copy's source as a read of the source object", async () => {
    const writer = await allowedOnly(['s3:PutObject']);
    const copy = (CopySource: string) => writer.client.send(new CopyObjectCommand({ Bucket: bucket, Key: 'copy.txt', CopySource }));
    await assert.rejects(copy(`${bucket}/doc.txt`), denied(writer.name, 's3:GetObject', `arn:aws:s3:::${bucket}/doc.txt`));
    await assert.rejects(copy(`${bucket}/doc.txt?versionId=${versionId}`), denied(writer.name, 's3:GetObjectVersion', `arn:aws:s3:::${bucket}/doc.txt`));
    const copier = await allowedOnly(['s3:PutObject', 's3:GetObjectVersion']);
    await copier.client.send(new CopyObjectCommand({ Bucket: bucket, Key: 'copy.txt', CopySource: `${bucket}/doc.txt?versionId=${versionId}` }));
    assert.equal(await (await root.send(new GetObjectCommand({ Bucket: bucket, Key: 'copy.txt' }))).Body!.transformToString(), 'v1');
  });

  it('needs s3:PutObjectTagging and s3:PutObjectAcl for tags and ACLs sent with PutObject', async () => {
    const writer = await allowedOnly(['s3:PutObject']);
    const object = `arn:aws:s3:::${bucket}/tagged.txt`;
    await assert.rejects(writer.client.send(new PutObjectCommand({ Bucket: bucket, Key: 'tagged.txt', Body: 't', Tagging: 'a=b' })), denied(writer.name, 's3:PutObjectTagging', object));
    await assert.rejects(writer.client.send(new PutObjectCommand({ Bucket: bucket, Key: 'tagged.txt', Body: 't', ACL: 'private' })), denied(writer.name, 's3:PutObjectAcl', object));
    await writer.client.send(new PutObjectCommand({ Bucket: bucket, Key: 'tagged.txt', Body: 't' }));
  });

  it('tells a missing key (NoSuchKey) only to a reader allowed s3:ListBucket, else AccessDenied', async () => {
    const reader = await allowedOnly(['s3:GetObject']);
    await assert.rejects(reader.client.send(new GetObjectCommand({ Bucket: bucket, Key: 'absent.txt' })), denied(reader.name, 's3:ListBucket', `arn:aws:s3:::${bucket}`));
    await assert.rejects(reader.client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'absent.txt' })), (e: SdkError) => e.$metadata.httpStatusCode === 403);
    const lister = `user-${users++}`;
    const keys = await iamUserKeys(aws, lister, [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` },
    ]);
    await assert.rejects(s3(keys).send(new GetObjectCommand({ Bucket: bucket, Key: 'absent.txt' })), expectError('NoSuchKey', 404));
    await assert.rejects(s3(keys).send(new HeadObjectCommand({ Bucket: bucket, Key: 'absent.txt' })), (e: SdkError) => e.$metadata.httpStatusCode === 404);
  });

  it("authorizes a configuration's delete as its Put (DeleteBucketCors as s3:PutBucketCORS)", async () => {
    const cors = await allowedOnly(['s3:PutBucketCORS'], `arn:aws:s3:::${bucket}`);
    await cors.client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['*'] }] } }));
    await assert.rejects(cors.client.send(new GetBucketCorsCommand({ Bucket: bucket })), denied(cors.name, 's3:GetBucketCORS', `arn:aws:s3:::${bucket}`));
    await cors.client.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
    await assert.rejects(root.send(new GetBucketCorsCommand({ Bucket: bucket })), expectError('NoSuchCORSConfiguration', 404));
  });
});
