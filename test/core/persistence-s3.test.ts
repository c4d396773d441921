import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  GetObjectTaggingCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { startTwinstack, type PersistenceOptions, type Twinstack } from '../../emulator/index.ts';

const MiB = 1024 * 1024;
const big = Buffer.alloc(3 * MiB + 17, 7);
const part = (n: number) => Buffer.alloc(5 * MiB, n);

const client = (aws: Twinstack) =>
  new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

/** Objects of every kind: small, multi-megabyte, multipart, versions with a delete marker, tags. */
async function seed(s3: S3Client) {
  await s3.send(new CreateBucketCommand({ Bucket: 'persisted' }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: 'persisted', VersioningConfiguration: { Status: 'Enabled' } }));
  const v1 = await s3.send(new PutObjectCommand({ Bucket: 'persisted', Key: 'small.txt', Body: 'first', ContentType: 'text/plain' }));
  await s3.send(new PutObjectCommand({ Bucket: 'persisted', Key: 'small.txt', Body: 'second', Metadata: { colour: 'blue' } }));
  await s3.send(new PutObjectTaggingCommand({ Bucket: 'persisted', Key: 'small.txt', Tagging: { TagSet: [{ Key: 'k', Value: 'v' }] } }));
  await s3.send(new PutObjectCommand({ Bucket: 'persisted', Key: 'big.bin', Body: big }));
  await s3.send(new PutObjectCommand({ Bucket: 'persisted', Key: 'gone.txt', Body: 'deleted later' }));
  await s3.send(new DeleteObjectCommand({ Bucket: 'persisted', Key: 'gone.txt' }));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'persisted', Key: 'multi.bin' }));
  const parts = [];
  for (const n of [1, 2]) {
    const { ETag } = await s3.send(new UploadPartCommand({ Bucket: 'persisted', Key: 'multi.bin', UploadId, PartNumber: n, Body: part(n) }));
    parts.push({ ETag, PartNumber: n });
  }
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: 'persisted', Key: 'multi.bin', UploadId, MultipartUpload: { Parts: parts } }));
  return { firstVersion: v1.VersionId! };
}

async function verify(s3: S3Client, seeded: { firstVersion: string }) {
  const text = async (input: { Key: string; VersionId?: string }) => (await s3.send(new GetObjectCommand({ Bucket: 'persisted', ...input }))).Body!.transformToString();
  assert.equal(await text({ Key: 'small.txt' }), 'second');
  assert.equal(await text({ Key: 'small.txt', VersionId: seeded.firstVersion }), 'first');
  const small = await s3.send(new GetObjectCommand({ Bucket: 'persisted', Key: 'small.txt' }));
  assert.deepEqual(small.Metadata, { colour: 'blue' });
  assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: 'persisted', Key: 'small.txt' }))).TagSet, [{ Key: 'k', Value: 'v' }]);
  const bigBack = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: 'persisted', Key: 'big.bin' }))).Body!.transformToByteArray());
  assert.ok(bigBack.equals(big));
  const multi = await s3.send(new GetObjectCommand({ Bucket: 'persisted', Key: 'multi.bin', Range: `bytes=${5 * MiB - 2}-${5 * MiB + 1}` }));
  assert.deepEqual([...(await multi.Body!.transformToByteArray())], [1, 1, 2, 2]);
  const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: 'persisted', Prefix: 'gone' }));
  assert.equal(versions.DeleteMarkers?.length, 1);
  assert.equal(versions.Versions?.length, 1);
}

describe('persistence of S3 objects', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'twinstack-s3-persist-'))));
  afterEach(() => {
    delete process.env.TWINSTACK_S3_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  for (const mode of ['wal', 'snapshot'] as const) {
    it(`${mode} mode: bodies are files in the persistence directory and survive a restart`, async () => {
      const options: PersistenceOptions = { dir, mode };
      let aws = await startTwinstack({ port: 0, services: ['s3'], persist: options });
      let s3 = client(aws);
      const seeded = await seed(s3);
      s3.destroy();
      await aws.stop();
      // Bodies: small and big, the versions, the deleted object's version, two parts (the multipart object is its parts).
      assert.equal(readdirSync(join(dir, 's3-bodies')).length, 6);
      aws = await startTwinstack({ port: 0, services: ['s3'], persist: options });
      s3 = client(aws);
      try {
        await verify(s3, seeded);
        // Deleting a version lets its file go once the delete is durable.
        const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: 'persisted', Prefix: 'gone' }));
        await s3.send(new DeleteObjectCommand({ Bucket: 'persisted', Key: 'gone.txt', VersionId: versions.Versions![0].VersionId }));
        assert.equal(readdirSync(join(dir, 's3-bodies')).length, mode === 'wal' ? 5 : 6);
      } finally {
        s3.destroy();
        await aws.stop();
      }
      // In snapshot mode, once the snapshot holds the delete.
      assert.equal(readdirSync(join(dir, 's3-bodies')).length, 5);
    });
  }

  it('bodies under TWINSTACK_S3_DATA_DIR survive a restart too, and bodies in memory go with an export', async () => {
    process.env.TWINSTACK_S3_DATA_DIR = join(dir, 'bodies');
    let aws = await startTwinstack({ port: 0, services: ['s3'], persist: { dir: join(dir, 'state') } });
    let s3 = client(aws);
    const seeded = await seed(s3);
    s3.destroy();
    await aws.stop();
    aws = await startTwinstack({ port: 0, services: ['s3'], persist: { dir: join(dir, 'state') } });
    s3 = client(aws);
    await verify(s3, seeded);
    s3.destroy();
    await aws.stop();
    delete process.env.TWINSTACK_S3_DATA_DIR;

    // An export holds bodies kept in memory with their bytes; an import takes more than other control requests'
    // 16 MiB (here a 20 MiB body, about 27 MiB of JSON).
    const memory = await startTwinstack({ port: 0, services: ['s3'] });
    s3 = client(memory);
    try {
      await s3.send(new CreateBucketCommand({ Bucket: 'in-memory' }));
      await s3.send(new PutObjectCommand({ Bucket: 'in-memory', Key: 'big.bin', Body: big }));
      const huge = randomBytes(20 * 1024 * 1024);
      await s3.send(new PutObjectCommand({ Bucket: 'in-memory', Key: 'huge.bin', Body: huge }));
      const exported = await (await fetch(`${memory.endpoint}/_twinstack/state`)).text();
      await fetch(`${memory.endpoint}/_twinstack/reset`, { method: 'POST' });
      // A reset forgets the buckets.
      assert.equal((await s3.send(new GetObjectCommand({ Bucket: 'in-memory', Key: 'big.bin' })).catch((e) => e)).name, 'NoSuchBucket');
      assert.equal((await fetch(`${memory.endpoint}/_twinstack/state`, { method: 'POST', body: exported })).status, 200);
      const back = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: 'in-memory', Key: 'big.bin' }))).Body!.transformToByteArray());
      assert.ok(back.equals(big));
      const hugeBack = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: 'in-memory', Key: 'huge.bin' }))).Body!.transformToByteArray());
      assert.ok(hugeBack.equals(huge));
    } finally {
      s3.destroy();
      await memory.stop();
    }
  });
});
