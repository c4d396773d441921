import assert from 'node:assert/strict';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { bucketName, s3Client } from './support.ts';

describe('S3 SigV4 presigned URLs with x-amz-* query parameters (--strict-signatures)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['s3'], strictSignatures: true, credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }] });
  });
  after(() => aws.stop());

  it('reads the storage class and metadata the SDK v3 presigner hoists into the query as headers; the query checksum is signed, not applied', async () => {
    const s3 = s3Client(aws);
    const Bucket = bucketName('hoisted');
    await s3.send(new CreateBucketCommand({ Bucket }));
    // As the AWS SDK for JavaScript presigns it in LocalStack's test: the headers it does not sign (storage class,
    // metadata) go into the query, with a CRC32 checksum of the still empty body; Content-MD5 is signed.
    const command = new PutObjectCommand({ Bucket, Key: 'temp.txt', StorageClass: 'STANDARD_IA', Metadata: { foo: 'bar-complicated-no-random' }, ContentMD5: '4QrcOUm6Wau+VuBX8g+IPg==' });
    const url = await getSignedUrl(s3 as never, command as never, { expiresIn: 600 });
    const query = new URL(url).searchParams;
    assert.deepEqual([query.get('x-amz-storage-class'), query.get('x-amz-meta-foo'), query.get('x-amz-checksum-crc32')], ['STANDARD_IA', 'bar-complicated-no-random', 'AAAAAA==']);
    const put = (target: string, headers: Record<string, string>) => fetch(target, { method: 'PUT', headers, body: '123456' });
    const md5 = { 'content-md5': '4QrcOUm6Wau+VuBX8g+IPg==' };

    assert.equal((await put(url, {})).status, 403);
    assert.equal((await put(url.replace('crc32=AAAAAA%3D%3D', 'crc32=BBBBBB%3D%3D'), md5)).status, 403);
    assert.equal((await put(url, md5)).status, 200);
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'temp.txt', ChecksumMode: 'ENABLED' }));
    assert.equal(head.StorageClass, 'STANDARD_IA');
    assert.deepEqual(head.Metadata, { foo: 'bar-complicated-no-random' });
    assert.equal(head.ChecksumCRC32, undefined);
  });
});
