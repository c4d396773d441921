import assert from 'node:assert/strict';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectAttributesCommand,
  UploadPartCommand,
  type ChecksumAlgorithm,
  type ChecksumType,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { bucketName, failure, s3Fixture } from './support.ts';

describe('S3 multipart checksums at completion (AWS’s rules for part and object checksums)', function () {
  this.timeout(30_000);
  const fixture = s3Fixture();
  let bucket: string;
  beforeEach(async () => {
    bucket = bucketName('mpc');
    await fixture.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  /** An upload of one part `abc`, with the part's response. */
  async function onePart(algorithm?: ChecksumAlgorithm, type?: ChecksumType) {
    const { UploadId } = await fixture.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'k', ChecksumAlgorithm: algorithm, ChecksumType: type }));
    const part = await fixture.s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'k', UploadId, PartNumber: 1, Body: 'abc', ChecksumAlgorithm: algorithm }));
    return { UploadId, part };
  }
  const complete = (UploadId: string | undefined, part: CompletedPart, extra: object = {}) =>
    fixture.s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'k', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ...part }] }, ...extra }));

  it('holds a COMPOSITE upload to each part’s checksum of its algorithm', async () => {
    const { UploadId, part } = await onePart('CRC32', 'COMPOSITE');
    const missing = await failure(complete(UploadId, { ETag: part.ETag }));
    assert.deepEqual(
      [missing.name, missing.message],
      ['InvalidRequest', 'The upload was created using a crc32 checksum. The complete request must include the checksum for each part. It was missing for part 1 in the request.'],
    );
    const other = await failure(complete(UploadId, { ETag: part.ETag, ChecksumSHA256: 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=' }));
    assert.deepEqual([other.name, other.message], ['BadDigest', 'The sha256 you specified for part 1 did not match what we received.']);
    const wrong = await failure(complete(UploadId, { ETag: part.ETag, ChecksumCRC32: 'AAAAAA==' }));
    assert.equal(wrong.name, 'InvalidPart');
    const mode = await failure(complete(UploadId, { ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 }, { ChecksumType: 'FULL_OBJECT' }));
    assert.equal(mode.message, 'The upload was created using the COMPOSITE checksum mode. The complete request must use the same checksum mode.');
    const done = await complete(UploadId, { ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
    assert.match(done.ChecksumCRC32 ?? '', /^[A-Za-z0-9+/]{6}==-1$/);
    // GetObjectAttributes gives the composite value without its part count.
    const attributes = await fixture.s3.send(new GetObjectAttributesCommand({ Bucket: bucket, Key: 'k', ObjectAttributes: ['Checksum'] }));
    assert.equal(attributes.Checksum?.ChecksumCRC32, done.ChecksumCRC32!.replace(/-1$/, ''));
  });

  it('refuses part checksums on an upload begun without an algorithm, and ignores an object checksum there', async () => {
    const { UploadId, part } = await onePart();
    const listed = await failure(complete(UploadId, { ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 ?? 'NSRBwg==' }));
    assert.deepEqual([listed.name, listed.raw.PartNumber], ['InvalidPart', '1']);
    const mode = await failure(complete(UploadId, { ETag: part.ETag }, { ChecksumType: 'COMPOSITE' }));
    assert.equal(mode.message, 'The upload was created using the null checksum mode. The complete request must use the same checksum mode.');
    const done = await complete(UploadId, { ETag: part.ETag }, { ChecksumCRC32C: 'AAAAAA==-2' });
    assert.equal(done.ChecksumType, 'FULL_OBJECT');
    assert.ok(done.ChecksumCRC64NVME);
  });

  it('takes a FULL_OBJECT checksum at completion only when the completion says FULL_OBJECT', async () => {
    const { UploadId, part } = await onePart('CRC32C', 'FULL_OBJECT');
    const crc32cOfAbc = part.ChecksumCRC32C!;
    const unannounced = await failure(complete(UploadId, { ETag: part.ETag }, { ChecksumCRC32C: crc32cOfAbc }));
    assert.deepEqual([unannounced.name, unannounced.message], ['BadDigest', 'The crc32c you specified did not match the calculated checksum.']);
    const otherAlgorithm = await failure(complete(UploadId, { ETag: part.ETag }, { ChecksumCRC32: 'AAAAAA==', ChecksumType: 'FULL_OBJECT' }));
    assert.equal(otherAlgorithm.message, 'The crc32c you specified did not match the calculated checksum.');
    // The header is the object's checksum, not a digest of the completion's XML body.
    const done = await complete(UploadId, { ETag: part.ETag }, { ChecksumCRC32C: crc32cOfAbc, ChecksumType: 'FULL_OBJECT' });
    assert.deepEqual([done.ChecksumCRC32C, done.ChecksumType], [crc32cOfAbc, 'FULL_OBJECT']);
  });
});
