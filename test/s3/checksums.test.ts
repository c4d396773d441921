import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ChecksumAlgorithm, CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { checksumOf, createDigest, crc32cInJs } from '../../emulator/protocols/rest/checksums.ts';

/** The flexible checksums S3 stores and verifies, against the AWS SDK's own implementations and the standard check values. */
describe('S3 flexible checksums', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let s3: S3Client;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['s3'] });
    s3 = new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await s3.send(new CreateBucketCommand({ Bucket: 'sums' }));
  });
  after(async () => {
    s3.destroy();
    await aws.stop();
  });

  it('give the catalogue check values of "123456789", fed whole or in pieces', () => {
    const data = Buffer.from('123456789');
    const expected: Record<string, string> = { crc32: 'cbf43926', crc32c: 'e3069283', crc64nvme: 'ae8b14860a799888' };
    for (const [algorithm, hex] of Object.entries(expected)) {
      assert.equal(Buffer.from(checksumOf(algorithm, data)!, 'base64').toString('hex'), hex, algorithm);
      const pieces = createDigest(algorithm)!;
      for (const piece of [data.subarray(0, 1), data.subarray(1, 4), Buffer.alloc(0), data.subarray(4)]) pieces.update(piece);
      assert.equal(pieces.digest().toString('hex'), hex, `${algorithm} in pieces`);
    }
    // The JavaScript CRC-32C (what the standalone bundle, without native modules, uses) agrees with the native one.
    const random = randomBytes(100_003);
    const native = createDigest('crc32c')!;
    native.update(random);
    assert.equal(crc32cInJs(random.subarray(50_000), crc32cInJs(random.subarray(0, 50_000), 0)), native.digest().readUInt32BE(0));
  });

  for (const algorithm of [ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256]) {
    it(`${algorithm}: a 1 MiB + 3 B upload is verified as it streams, stored, and returned`, async () => {
      const body = randomBytes(1024 * 1024 + 3);
      const key = `obj-${algorithm}`;
      const put = await s3.send(new PutObjectCommand({ Bucket: 'sums', Key: key, Body: body, ChecksumAlgorithm: algorithm }));
      const field = `Checksum${algorithm}` as const;
      assert.equal(put[field], checksumOf(algorithm, body));
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'sums', Key: key, ChecksumMode: 'ENABLED' }));
      assert.equal(head[field], put[field]);
      // The SDK validates the response checksum itself.
      const got = await s3.send(new GetObjectCommand({ Bucket: 'sums', Key: key, ChecksumMode: 'ENABLED' }));
      assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), body);
    });
  }

  it('an upload without a checksum is stored with the CRC64NVME S3 computes by default', async () => {
    const response = await fetch(`${aws.endpoint}/sums/plain`, {
      method: 'PUT',
      body: '123456789',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0' },
    });
    assert.equal(response.status, 200);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'sums', Key: 'plain', ChecksumMode: 'ENABLED' }));
    assert.equal(head.ChecksumCRC64NVME, Buffer.from('ae8b14860a799888', 'hex').toString('base64'));
    assert.equal(head.ETag, '"25f9e794323b453885f5181f1b624d0b"', 'the MD5 ETag');
  });
});
