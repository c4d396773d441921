import assert from 'node:assert/strict';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';
import { bucketName, s3Client } from './support.ts';

describe('S3 with --strict-signatures', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['s3'], strictSignatures: true, credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }] });
  });
  after(() => aws.stop());

  it('accepts SDK v3 requests (aws-chunked streaming uploads included) and refuses wrong keys with S3 errors', async () => {
    const s3 = s3Client(aws);
    const bucket = bucketName('strict');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a b+c', Body: 'strict body' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a b+c' }));
    assert.equal(await got.Body!.transformToString(), 'strict body');
    const wrong = s3Client(aws, { accountKey: 'AKIAUNKNOWN' });
    await assert.rejects(wrong.send(new GetObjectCommand({ Bucket: bucket, Key: 'a b+c' })), { name: 'InvalidAccessKeyId' });
  });

  it('serves presigned URLs until they expire, with AWS errors for tampered, expired and unsigned requests', async () => {
    type Fetched = { status: number; body: string };
    const o = await runBoto3Script<Record<string, Fetched> & { v2Header: { body: string; tags: unknown[] }; v2WrongSecret: string }>(
      new URL('./strict-presigned.py', import.meta.url),
      aws.endpoint,
    );
    assert.deepEqual(o.valid, { status: 200, body: 'signed' });
    assert.equal(o.tampered.status, 403);
    assert.match(o.tampered.body, /<Code>SignatureDoesNotMatch<\/Code>/);
    assert.equal(o.expired.status, 403);
    assert.match(o.expired.body, /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message><X-Amz-Expires>1<\/X-Amz-Expires><Expires>/);
    assert.equal(o.unsigned.status, 403);
    assert.match(o.unsigned.body, /<Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/);

    // Signature Version 2, header and query forms.
    assert.deepEqual(o.v2Header, { body: 'v2 body', tags: [] });
    assert.deepEqual(o.v2Valid, { status: 200, body: 'v2 body' });
    assert.equal(o.v2Tampered.status, 403);
    assert.match(o.v2Tampered.body, /<Code>SignatureDoesNotMatch<\/Code>/);
    assert.equal(o.v2Expired.status, 403);
    assert.match(o.v2Expired.body, /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message><Expires>/);
    assert.equal(o.v2WrongSecret, 'SignatureDoesNotMatch');
  });
});
