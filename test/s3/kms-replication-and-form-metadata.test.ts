import assert from 'node:assert/strict';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetBucketReplicationCommand,
  HeadObjectCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { Twinstack } from '../../emulator/index.ts';
import { signedPostFields } from '../../verifier/replay/post-form.ts';
import { bucketName, CREDENTIALS, failure, s3Client, startS3 } from './support.ts';

describe('S3 SSE-KMS key checks, replication rules and POST form metadata', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startS3(['s3', 'kms']);
  });
  after(() => aws.stop());

  const kms = (region: string) => new KMSClient({ endpoint: aws.endpoint, region, credentials: CREDENTIALS });

  it('answers KMS’s own NotFoundException, prefixed KMS., for a key KMS does not know in the bucket’s region', async () => {
    const s3 = s3Client(aws, { region: 'us-east-2' });
    const Bucket = bucketName('kms');
    await s3.send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }));
    const elsewhere = (await kms('us-west-2').send(new CreateKeyCommand({}))).KeyMetadata!;
    const here = (await kms('us-east-2').send(new CreateKeyCommand({}))).KeyMetadata!;
    const sse = (SSEKMSKeyId: string) => ({ Bucket, Key: 'k', ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId });

    const cases: [() => Promise<unknown>, string][] = [
      [() => s3.send(new PutObjectCommand({ ...sse('fake-key-id'), Body: 'x' })), "Invalid keyId 'fake-key-id'"],
      [() => s3.send(new PutObjectCommand({ ...sse(elsewhere.Arn!), Body: 'x' })), 'Invalid arn us-west-2'],
      [() => s3.send(new PutObjectCommand({ ...sse(elsewhere.KeyId!), Body: 'x' })), `Key '${elsewhere.Arn!.replace('us-west-2', 'us-east-2')}' does not exist`],
      [() => s3.send(new CreateMultipartUploadCommand(sse('fake-key-id'))), "Invalid keyId 'fake-key-id'"],
    ];
    for (const [call, message] of cases) {
      const error = await failure(call());
      assert.deepEqual([error.name, error.status, error.message], ['KMS.NotFoundException', 400, message]);
    }
    await s3.send(new PutObjectCommand({ Bucket, Key: 'src', Body: 'x' }));
    const copy = await failure(s3.send(new CopyObjectCommand({ ...sse('fake-key-id'), CopySource: `${Bucket}/src` })));
    assert.equal(copy.name, 'KMS.NotFoundException');

    // A key of the bucket's region, named by its id, is stored (and answered) as its ARN.
    const upload = await s3.send(new CreateMultipartUploadCommand(sse(here.KeyId!)));
    assert.equal(upload.SSEKMSKeyId, here.Arn);
  });

  it('refuses a replication configuration without rules and names rules given without an ID', async () => {
    const s3 = s3Client(aws);
    const [source, destination] = [bucketName('src'), bucketName('dst')];
    for (const Bucket of [source, destination]) {
      await s3.send(new CreateBucketCommand({ Bucket }));
      await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    }
    const Role = 'arn:aws:iam::000000000000:role/replication';
    const empty = await failure(s3.send(new PutBucketReplicationCommand({ Bucket: source, ReplicationConfiguration: { Role, Rules: [] } })));
    assert.deepEqual([empty.name, empty.status], ['MalformedXML', 400]);

    const rule = { Status: 'Enabled' as const, Priority: 1, DeleteMarkerReplication: { Status: 'Disabled' as const }, Filter: { Prefix: 'Tax' }, Destination: { Bucket: `arn:aws:s3:::${destination}` } };
    await s3.send(new PutBucketReplicationCommand({ Bucket: source, ReplicationConfiguration: { Role, Rules: [rule, { ...rule, ID: 'mine', Priority: 2 }] } }));
    const rules = (await s3.send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration!.Rules!;
    assert.match(rules[0].ID!, /^[A-Za-z0-9+/=]{20,}$/);
    assert.equal(rules[1].ID, 'mine');
  });

  it('keeps a POST form’s metadata as given and answers it RFC 2047-encoded as JavaMail would (Q or B)', async () => {
    const s3 = s3Client(aws);
    const Bucket = bucketName('form');
    await s3.send(new CreateBucketCommand({ Bucket }));
    const fields: Record<string, string> = {
      'Cache-Control': 'a_—_é',
      'x-amz-meta-text': 'ÄMÄZÕÑ S3',
      'x-amz-meta-controls': '\x00\x01\x02',
      'x-amz-meta-tab': 'a\tb',
      'x-amz-meta-word': '=?UTF-8?B?YWJj?=',
    };
    const form = new FormData();
    // A POST policy names every field the form carries.
    const conditions = Object.keys(fields).map((name) => ['starts-with', `$${name}`, '']);
    const signed = signedPostFields({ bucket: Bucket, key: 'k', fields, conditions, file: { content: 'x' } }, new Map(), CREDENTIALS, 'us-east-1', aws.emulator.clock.now());
    for (const [k, v] of signed) form.append(k, v);
    form.append('file', new Blob(['x']), 'file');
    assert.equal((await fetch(`${aws.endpoint}/${Bucket}`, { method: 'POST', body: form })).status, 204);
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'k' }));
    assert.equal(head.CacheControl, 'a_ _é');
    assert.deepEqual(head.Metadata, { text: '=?UTF-8?Q?=C3=84M=C3=84Z=C3=95=C3=91_S3?=', controls: '=?UTF-8?B?AAEC?=', tab: 'a\tb', word: '=?UTF-8?B?YWJj?=' });
  });
});
