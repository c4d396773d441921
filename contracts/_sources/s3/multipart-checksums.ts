// LocalStack's AWS-validated multipart checksum tests with small parts (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3.py, TestS3MultipartUploadChecksum and TestS3PutObjectChecksum, Apache-2.0) reproduced
// as request sequences. Expected responses come only from the snapshots.
import { repeated, repeatedBytes, type SourceScenario, type SourceStep } from '../../../verifier/port/source-types.ts';
import { checksumOf } from './checksum-values.ts';
import { BUCKET, createBucket, createUpload, GZIP_BODY, LARGE_PART, onBucket, put, uploadPart, withCapture } from './common.ts';

const EXC_KEY = 'test-multipart-checksum-exc';
const KEY = 'test-multipart-checksum';
const complete = (Key: string, snapshot: string, part: Record<string, unknown>, extra: Record<string, unknown> = {}, upload = 'uploadId'): SourceStep =>
  onBucket('CompleteMultipartUpload', snapshot, { Key, UploadId: `{{${upload}}}`, MultipartUpload: { Parts: [{ ETag: '{{part1}}', PartNumber: 1, ...part }] }, ...extra });
const part = (Key: string, Body: string, snapshot: string | undefined, extra: Record<string, unknown> = {}, upload = 'uploadId'): SourceStep =>
  withCapture(refusedPart(Key, Body, snapshot, extra, upload), { part1: '$.ETag' });
const refusedPart = (Key: string, Body: string, snapshot: string | undefined, extra: Record<string, unknown> = {}, upload = 'uploadId'): SourceStep =>
  onBucket('UploadPart', snapshot, { Key, UploadId: `{{${upload}}}`, PartNumber: 1, Body, ...extra });
/** The test wrote literal words in place of the owner ids, and AWS stopped sending DisplayName since. */
const OWNERS = ['$.Initiator.DisplayName', '$.Owner.DisplayName', '$.Initiator.ID', '$.Owner.ID'];
const UPLOAD_OWNERS = OWNERS.map((path) => path.replace('$.', '$.Uploads[*].'));
const listUploads: SourceStep = { ...onBucket('ListMultipartUploads', 'list-multiparts'), ignore: UPLOAD_OWNERS };
const listParts = (Key: string): SourceStep => ({ ...onBucket('ListParts', 'list-parts', { Key, UploadId: '{{uploadId}}' }), ignore: OWNERS });
/**
 * The reads of the completed object the tests snapshot (ChecksumMode ENABLED); most tests read the body out of the
 * response before snapshotting it (an empty Body), which is left out.
 */
const readBack = (Key: string, bodyRead = true): SourceStep[] => [
  { ...onBucket('GetObject', 'get-object-with-checksum', { Key, ChecksumMode: 'ENABLED' }), ...(bodyRead ? { ignore: ['$.Body'] } : {}) },
  onBucket('HeadObject', 'head-object-with-checksum', { Key, ChecksumMode: 'ENABLED' }),
  onBucket('GetObjectAttributes', 'get-object-attrs', { Key, ObjectAttributes: ['Checksum', 'ETag', 'ObjectParts'] }),
];

const ABC_SHA256 = await checksumOf('SHA256', 'abc');
const TEST_DATA_SHA256 = await checksumOf('SHA256', 'test data..');
/** A PUT of `test data..` by the test's own HTTP client, with its headers. */
const plainPut = (Key: string, snapshot: string | undefined, headers: Record<string, string>): SourceStep => ({
  ...onBucket('PutObject', snapshot, { Key, Body: 'test data..' }),
  plainHttp: headers,
});
const ABC_CRC32C = await checksumOf('CRC32C', 'abc');
const AAA_CRC32C = await checksumOf('CRC32C', 'aaa');

/**
 * The 15 MiB uploads of the tests completing multipart checksums: two parts of 5 MiB + 1 byte and a last one of its
 * first 10 bytes, each sent with the upload's algorithm; their ETags kept as `{{part<n>}}`, checksums as `{{checksum<n>}}`.
 */
const largeParts = (algorithm: string): SourceStep[] =>
  [LARGE_PART, LARGE_PART, 'a'.repeat(10)].map((body, i) =>
    withCapture(uploadPart(KEY, body, i + 1, `upload-part-${i}`, 'uploadId', `part${i + 1}`, { ChecksumAlgorithm: algorithm }), { [`checksum${i + 1}`]: `$.Checksum${algorithm}` }),
  );
/** The completion's list of the three parts, each with the checksum member given (or none). */
const largePartList = (algorithm: string, checksum?: (n: number) => string) =>
  [1, 2, 3].map((n) => ({ ETag: `{{part${n}}}`, PartNumber: n, ...(checksum ? { [`Checksum${algorithm}`]: checksum(n) } : {}) }));
const completeLarge = (snapshot: string, parts: Record<string, unknown>[], extra: Record<string, unknown> = {}): SourceStep =>
  onBucket('CompleteMultipartUpload', snapshot, { Key: KEY, UploadId: '{{uploadId}}', MultipartUpload: { Parts: parts }, ...extra });
/** The reads after a 15 MiB completion: the object, its copy, and its third part (ChecksumMode ENABLED). */
const largeReadBack: SourceStep[] = [
  ...readBack(KEY),
  onBucket('CopyObject', 'copy-obj-checksum', { Key: 'mpu-copy-checksum', CopySource: `${BUCKET}/${KEY}` }),
  onBucket('GetObjectAttributes', 'get-copy-object-attrs', { Key: 'mpu-copy-checksum', ObjectAttributes: ['Checksum', 'ETag', 'ObjectParts'] }),
  onBucket('GetObject', 'get-object-part-checksum', { Key: KEY, PartNumber: 3, ChecksumMode: 'ENABLED' }),
];
/**
 * The test lets AWS name any part in InvalidPart ("it seems the PartNumber might not be deterministic"), so its
 * snapshot does not judge which one.
 */
const wrongPartChecksums = (algorithm: string): SourceStep => ({
  ...completeLarge('complete-multipart-wrong-parts-checksum', largePartList(algorithm, () => BBB[algorithm])),
  ignore: ['$.Error.PartNumber', '$.Error.ETag'],
});
const ALGORITHMS = ['CRC32', 'CRC32C', 'SHA1', 'SHA256', 'CRC64NVME'];
/** `get_checksum_for_algorithm(algorithm, b"bbb")`, and of the whole 15 MiB object, by algorithm. */
const BBB = Object.fromEntries(await Promise.all(ALGORITHMS.map(async (a) => [a, await checksumOf(a, 'bbb')])));
const WHOLE = Object.fromEntries(await Promise.all(ALGORITHMS.map(async (a) => [a, await checksumOf(a, repeatedBytes(repeated('a', 2 * LARGE_PART.bytes + 10)))])));

/**
 * The 15 MiB upload of a checksum type, by algorithm: a COMPOSITE completion must list each part's checksum (refused
 * without), a FULL_OBJECT one lists none and gives the whole object's.
 */
const largeUpload =
  (type: 'COMPOSITE' | 'FULL_OBJECT') =>
  (algorithm: string): SourceStep[] => [
    createBucket(),
    createUpload(KEY, 'create-mpu-checksum', { ChecksumAlgorithm: algorithm, ChecksumType: type }),
    ...largeParts(algorithm),
    listParts(KEY),
    wrongPartChecksums(algorithm),
    ...(type === 'COMPOSITE'
      ? [
        completeLarge('complete-multipart-no-checksum', largePartList(algorithm)),
        completeLarge('complete-multipart-checksum', largePartList(algorithm, (n) => `{{checksum${n}}}`)),
      ]
      : [completeLarge('complete-multipart-checksum', largePartList(algorithm), { ChecksumType: 'FULL_OBJECT', [`Checksum${algorithm}`]: WHOLE[algorithm] })]),
    ...largeReadBack,
  ];

export const multipartChecksumScenarios: SourceScenario[] = [
  {
    test: 'TestS3PutObjectChecksum::test_s3_checksum_with_content_encoding',
    steps: [
      createBucket(),
      onBucket('PutObject', 'put-object', { Key: 'test.gz', ContentEncoding: 'gzip', Body: GZIP_BODY, ChecksumAlgorithm: 'SHA256' }),
      { ...onBucket('GetObject', 'get-object', { Key: 'test.gz' }), ignore: ['$.Body'] },
      { ...onBucket('GetObject', 'get-object-with-checksum', { Key: 'test.gz', ChecksumMode: 'ENABLED' }), ignore: ['$.Body'] },
      onBucket('GetObjectAttributes', 'get-object-attrs', { Key: 'test.gz', ObjectAttributes: ['Checksum'] }),
    ],
  },
  { test: 'TestS3MultipartUploadChecksum::test_complete_multipart_parts_checksum_composite', steps: largeUpload('COMPOSITE') },
  { test: 'TestS3MultipartUploadChecksum::test_complete_multipart_parts_checksum_full_object', steps: largeUpload('FULL_OBJECT') },
  {
    test: 'TestS3PutObjectChecksum::test_s3_checksum_no_algorithm',
    steps: [
      createBucket(),
      // short_uid(): eight characters that are not a SHA-256 digest.
      put('file-{{suffix}}', 'test data..', 'put-wrong-checksum', { ChecksumSHA256: 'a1b2c3d4' }),
      put('file-{{suffix}}', 'test data..', 'put-2-checksums', { ChecksumSHA256: 'a1b2c3d4', ChecksumCRC32: 'e5f6a7b8' }),
      put('file-{{suffix}}', 'test data..', 'put-right-checksum', { ChecksumSHA256: TEST_DATA_SHA256 }),
      onBucket('HeadObject', 'head-obj', { Key: 'file-{{suffix}}', ChecksumMode: 'ENABLED' }),
    ],
  },
  {
    test: 'TestS3PutObjectChecksum::test_s3_checksum_no_automatic_sdk_calculation',
    steps: [
      createBucket(),
      plainPut('wrong-checksum', 'wrong-checksum', { 'x-amz-checksum-sha256': 'a1b2c3d4' }),
      plainPut('right-checksum', undefined, { 'x-amz-checksum-sha256': TEST_DATA_SHA256 }),
      onBucket('HeadObject', 'head-obj-right-checksum', { Key: 'right-checksum', ChecksumMode: 'ENABLED' }),
      plainPut('algo-only-checksum', undefined, { 'x-amz-checksum-algorithm': 'SHA256' }),
      onBucket('HeadObject', 'head-obj-only-checksum-algo', { Key: 'algo-only-checksum', ChecksumMode: 'ENABLED' }),
      plainPut('algo-wrong-checksum', undefined, { 'x-amz-checksum-algorithm': 'TEST' }),
      plainPut('algo-diff-checksum', undefined, { 'x-amz-checksum-algorithm': 'SHA1', 'x-amz-checksum-sha256': TEST_DATA_SHA256 }),
      onBucket('HeadObject', 'head-obj-diff-checksum-algo', { Key: 'algo-diff-checksum', ChecksumMode: 'ENABLED' }),
      plainPut('no-checksum', undefined, {}),
      onBucket('HeadObject', 'head-obj-no-checksum', { Key: 'no-checksum', ChecksumMode: 'ENABLED' }),
      onBucket('GetObjectAttributes', 'get-obj-attrs-no-checksum', { Key: 'no-checksum', ObjectAttributes: ['Checksum'] }),
      onBucket('CopyObject', 'copy-obj-default-checksum', { Key: 'dest-key-checksum', CopySource: `${BUCKET}/no-checksum` }),
      onBucket('GetObjectAttributes', 'get-copy-obj-attrs-no-checksum', { Key: 'dest-key-checksum', ObjectAttributes: ['Checksum'] }),
    ],
    note: 'the PUTs are the test’s own signed HTTP requests (UNSIGNED-PAYLOAD; the verifier signs its payload instead), with only the headers it set',
  },
  {
    test: 'TestS3MultipartUploadChecksum::test_multipart_parts_checksum_exceptions_composite',
    steps: [
      createBucket(),
      onBucket('CreateMultipartUpload', 'create-mpu-wrong-checksum-algo', { Key: EXC_KEY, ChecksumAlgorithm: 'TEST' }),
      onBucket('CreateMultipartUpload', 'create-mpu-no-checksum-algo-with-type', { Key: EXC_KEY, ChecksumType: 'COMPOSITE' }),
      createUpload(EXC_KEY, 'create-mpu-composite-checksum', { ChecksumType: 'COMPOSITE', ChecksumAlgorithm: 'CRC32' }),
      listUploads,
      part(EXC_KEY, 'abc', 'upload-part-no-checksum-ok'),
      complete(EXC_KEY, 'complete-part-with-checksum', { ChecksumSHA256: ABC_SHA256 }),
      complete(EXC_KEY, 'complete-part-with-bad-checksum-type', {}, { ChecksumType: 'FULL_OBJECT' }),
      createUpload(EXC_KEY, 'create-mpu-with-checksum', { ChecksumAlgorithm: 'SHA256' }, 'upload2'),
      refusedPart(EXC_KEY, 'abc', 'upload-part-different-checksum-exc', {}, 'upload2'),
    ],
    note: 'the part sent without a checksum goes with boto3’s default CRC32, as the test’s did',
  },
  {
    test: 'TestS3MultipartUploadChecksum::test_multipart_parts_checksum_exceptions_full_object',
    steps: [
      createBucket(),
      onBucket('CreateMultipartUpload', 'create-mpu-no-checksum-algo-with-type', { Key: EXC_KEY, ChecksumType: 'FULL_OBJECT' }),
      createUpload(EXC_KEY, 'create-mpu-checksum-crc32c', { ChecksumAlgorithm: 'CRC32C', ChecksumType: 'FULL_OBJECT' }),
      listUploads,
      part(EXC_KEY, 'abc', 'upload-part-no-checksum-ok', { ChecksumAlgorithm: 'CRC32C' }),
      complete(EXC_KEY, 'complete-part-bad-checksum-type', { ChecksumCRC32C: ABC_CRC32C }, { ChecksumType: 'COMPOSITE' }),
      complete(EXC_KEY, 'complete-part-good-checksum-no-type', { ChecksumCRC32C: ABC_CRC32C }, {
        ChecksumCRC32C: `${await checksumOf('CRC32C', Buffer.from(ABC_CRC32C, 'base64'))}-1`,
      }),
      complete(EXC_KEY, 'complete-part-only-checksum-algo', { ChecksumCRC32C: ABC_CRC32C }, { ChecksumCRC32C: ABC_CRC32C }),
      complete(EXC_KEY, 'complete-part-only-checksum-algo-diff', { ChecksumCRC32C: ABC_CRC32C }, { ChecksumCRC64NVME: await checksumOf('CRC64NVME', 'abc') }),
      complete(EXC_KEY, 'complete-part-bad-checksum', { ChecksumCRC32C: ABC_CRC32C }, { ChecksumCRC32C: await checksumOf('CRC32C', 'bad string'), ChecksumType: 'FULL_OBJECT' }),
      complete(EXC_KEY, 'complete-part-bad-checksum-algo', { ChecksumCRC32C: ABC_CRC32C }, { ChecksumCRC32: await checksumOf('CRC32', 'bad string'), ChecksumType: 'FULL_OBJECT' }),
      complete(EXC_KEY, 'complete-success', { ChecksumCRC32C: ABC_CRC32C }, { ChecksumCRC32C: ABC_CRC32C, ChecksumType: 'FULL_OBJECT' }),
      createUpload(EXC_KEY, 'create-mpu-with-checksum', { ChecksumAlgorithm: 'CRC32C', ChecksumType: 'FULL_OBJECT' }, 'upload2'),
      refusedPart(EXC_KEY, 'abc', 'upload-part-different-checksum-exc', { ChecksumAlgorithm: 'CRC32' }, 'upload2'),
    ],
  },
  {
    test: 'TestS3MultipartUploadChecksum::test_complete_multipart_parts_checksum_default',
    steps: [
      createBucket(),
      createUpload(KEY, 'create-mpu-no-checksum'),
      listUploads,
      withCapture(part(KEY, 'aaa', 'upload-part-different-checksum-than-default', { ChecksumAlgorithm: 'CRC32C' }), { partCrc32c: '$.ChecksumCRC32C' }),
      listParts(KEY),
      complete(KEY, 'complete-multipart-parts-checksum', { ChecksumCRC32C: '{{partCrc32c}}' }),
      complete(KEY, 'complete-multipart-wrong-parts-checksum', { ChecksumSHA256: await checksumOf('SHA256', 'aaa') }),
      complete(KEY, 'complete-multipart-full-object-type', {}, { ChecksumType: 'FULL_OBJECT' }),
      complete(KEY, 'complete-multipart-composite-type', {}, { ChecksumType: 'COMPOSITE' }),
      complete(KEY, 'complete-multipart-checksum', {}, { ChecksumCRC32C: `${await checksumOf('CRC32C', Buffer.from(AAA_CRC32C, 'base64'))}-2` }),
      ...readBack(KEY),
      onBucket('CopyObject', 'copy-obj-checksum', { Key: 'mpu-copy-checksum', CopySource: `${BUCKET}/${KEY}` }),
      onBucket('GetObjectAttributes', 'get-copy-object-attrs', { Key: 'mpu-copy-checksum', ObjectAttributes: ['Checksum', 'ETag', 'ObjectParts'] }),
    ],
  },
  {
    test: 'TestS3MultipartUploadChecksum::test_complete_multipart_parts_checksum_full_object_default',
    steps: [
      createBucket(),
      createUpload(KEY, 'create-mpu-checksum-crc64', { ChecksumAlgorithm: 'CRC64NVME' }),
      withCapture(part(KEY, 'aaa', 'upload-part', { ChecksumAlgorithm: 'CRC64NVME' }), { partCrc64: '$.ChecksumCRC64NVME' }),
      complete(KEY, 'complete-multipart-checksum', { ChecksumCRC64NVME: '{{partCrc64}}' }),
      ...readBack(KEY),
    ],
  },
  {
    test: 'TestS3MultipartUploadChecksum::test_multipart_size_validation',
    steps: [
      createBucket(),
      createUpload('test-multipart-size', 'create-mpu'),
      part('test-multipart-size', 'aaaa', 'upload-part'),
      complete('test-multipart-size', 'complete-multipart-wrong-size', {}, { MpuObjectSize: 5 }),
      complete('test-multipart-size', 'complete-multipart-good-size', {}, { MpuObjectSize: 4 }),
      onBucket('GetObjectAttributes', 'get-object-attrs', { Key: 'test-multipart-size', ObjectAttributes: ['Checksum', 'ETag'] }),
    ],
  },
  {
    test: 'TestS3MultipartUploadChecksum::test_multipart_upload_part_copy_checksum',
    steps: (type) => [
      createBucket(),
      put('test-part-checksum', 'this is a part', 'put-object'),
      createUpload(KEY, 'create-mpu-checksum-sha256', { ChecksumAlgorithm: 'CRC32C', ChecksumType: type }),
      withCapture(onBucket('UploadPartCopy', 'upload-part-copy', { Key: KEY, UploadId: '{{uploadId}}', PartNumber: 1, CopySource: `${BUCKET}/test-part-checksum` }), {
        part1: '$.CopyPartResult.ETag',
        partCrc32c: '$.CopyPartResult.ChecksumCRC32C',
      }),
      listParts(KEY),
      complete(KEY, 'complete-multipart-checksum', { ChecksumCRC32C: '{{partCrc32c}}' }),
      ...readBack(KEY, false),
    ],
  },
];
