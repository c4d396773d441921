import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Twinstack } from '../../emulator/index.ts';
import { bucketName, s3Client, startS3, withHost } from './support.ts';

/** A signed-looking request with an explicit Host header (virtual-host names need no DNS this way). */
const viaHost = (aws: Twinstack, host: string, method: string, path: string, body?: string) =>
  withHost(aws, host, method, path, { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0' }, body);

describe('S3 addressing forms and on-disk bodies', function () {
  this.timeout(60_000);

  describe('virtual hosts', () => {
    let aws: Twinstack;
    before(async () => {
      aws = await startS3();
    });
    after(() => aws.stop());

    for (const form of ['%s.localhost:4566', '%s.s3.localhost.localstack.cloud:4566', '%s.s3.us-east-1.amazonaws.com', '%s.s3.amazonaws.com']) {
      it(`serves ${form.replace('%s', '<bucket>')} as path-style`, async () => {
        const bucket = bucketName('vh');
        const host = form.replace('%s', bucket);
        assert.equal((await viaHost(aws, host, 'PUT', '/')).status, 200);
        assert.equal((await viaHost(aws, host, 'PUT', '/dir/key.txt', 'virtual')).status, 200);
        assert.equal((await viaHost(aws, host, 'GET', '/dir/key.txt')).body, 'virtual');
        const listing = await viaHost(aws, host, 'GET', '/?list-type=2');
        assert.match(listing.body, /<ListBucketResult[^>]*>.*<Key>dir\/key.txt<\/Key>.*<Name>vh-/);
        const path = await s3Client(aws).send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/key.txt' }));
        assert.equal(await path.Body!.transformToString(), 'virtual');
      });
    }
  });

  describe('bodies on disk (TWINSTACK_S3_DATA_DIR)', () => {
    let aws: Twinstack;
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 's3-bodies-'));
      process.env.TWINSTACK_S3_DATA_DIR = dir;
      aws = await startS3();
    });
    after(async () => {
      delete process.env.TWINSTACK_S3_DATA_DIR;
      await aws.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('keeps object and part bodies in files with the same semantics, and deletes them with their objects', async () => {
      const s3 = s3Client(aws);
      const bucket = bucketName('disk');
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'small', Body: 'on disk' }));
      assert.equal((await readdir(dir)).length, 1);
      const ranged = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'small', Range: 'bytes=3-6' }));
      assert.equal(await ranged.Body!.transformToString(), 'disk');
      const data = Buffer.alloc(11 * 1024 * 1024, 3);
      await new Upload({ client: s3, params: { Bucket: bucket, Key: 'big', Body: data }, partSize: 5 * 1024 * 1024 }).done();
      const back = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big', Range: 'bytes=5242870-5242890' }));
      assert.equal((await back.Body!.transformToByteArray()).length, 21);
      assert.equal((await readdir(dir)).length, 4, 'one file per object body and per part');
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'big' }));
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'small' }));
      assert.deepEqual(await readdir(dir), []);
    });
  });
});
