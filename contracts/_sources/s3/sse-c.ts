// LocalStack's AWS-validated SSE-C tests (github.com/localstack/localstack, tests/aws/services/s3/test_s3.py,
// TestS3SSECEncryption, Apache-2.0) reproduced as request sequences. Expected responses come only from the snapshots.
import { createHash } from 'node:crypto';
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, completeUpload, createBucket, createUpload, LARGE_PART, onBucket, uploadPart, versioning, withCapture } from './common.ts';

/** ENCRYPTION_KEY and ENCRYPTION_KEY_2 of the test class, base64, with their MD5s (base64). */
const KEY_1 = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: 'MTIzNDU2Nzg5MGFiY2RlZjEyMzQ1Njc4OTBhYmNkZWY=', SSECustomerKeyMD5: 'JMwgiexXqwuPqIPjYFmIZQ==' };
const KEY_2 = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: 'YWJjZGVmMTIzNDU2Nzg5MGFiY2RlZjEyMzQ1Njc4OTA=', SSECustomerKeyMD5: 'KoitZ78ZSAQHz4+gxDpJqQ==' };
/** The first 10 bytes of ENCRYPTION_KEY (a key of the wrong size) and their MD5. */
const SHORT_KEY = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: 'MTIzNDU2Nzg5MA==', SSECustomerKeyMD5: '6Afx/PgtEy+bsBjKZzihnw==' };
/** The key's MD5 with its first character changed, as the test does. */
const BAD_MD5 = 'aMwgiexXqwuPqIPjYFmIZQ==';
const KMS_ALGORITHM = { ...KEY_1, SSECustomerAlgorithm: 'KMS' };
const { SSECustomerKey: _key, ...NO_KEY } = KEY_1;
/**
 * A key given without its MD5: boto3 (botocore's sse_md5 handler) then base64-encodes the key it was given (here the
 * already-encoded text) and sends the MD5 of that, as the test's request did.
 */
const NO_MD5 = {
  SSECustomerAlgorithm: 'AES256',
  SSECustomerKey: Buffer.from(KEY_1.SSECustomerKey).toString('base64'),
  SSECustomerKeyMD5: createHash('md5').update(KEY_1.SSECustomerKey).digest('base64'),
};
const { SSECustomerAlgorithm: _algorithm, ...NO_ALGORITHM } = KEY_1;
const copySource = (key: typeof KEY_1) => ({
  CopySourceSSECustomerAlgorithm: key.SSECustomerAlgorithm,
  CopySourceSSECustomerKey: key.SSECustomerKey,
  CopySourceSSECustomerKeyMD5: key.SSECustomerKeyMD5,
});

/**
 * AWS derives an SSE-C object's ETag from its encrypted form, with a fresh random IV each time: the same data gives
 * another ETag on every upload (the snapshots show it), so the recorded value is judged by its form only.
 */
const RANDOM_ETAG = '^"[0-9a-f]{32}"$';
const randomEtag = (step: SourceStep, path = '$.ETag', pattern = RANDOM_ETAG): SourceStep => ({ ...step, patterns: { ...step.patterns, [path]: pattern } });
/** The ETag of a three-part upload of such parts: the MD5 of their random ETags. */
const MULTIPART_ETAG = '^"[0-9a-f]{32}-3"$';

const KEY = 'test-sse-c';
const putSseC = (snapshot: string | undefined, extra: Record<string, unknown>, Key = KEY, Body = 'test_data'): SourceStep => onBucket('PutObject', snapshot, { Key, Body, ...extra });

export const sseCustomerKeyScenarios: SourceScenario[] = [
  {
    test: 'TestS3SSECEncryption::test_put_object_lifecycle_with_sse_c',
    steps: [
      createBucket(),
      randomEtag(putSseC('put-obj-sse-c', KEY_1)),
      randomEtag(onBucket('HeadObject', 'head-obj-sse-c', { Key: KEY, ...KEY_1 })),
      randomEtag(onBucket('GetObject', 'get-obj-sse-c', { Key: KEY, ...KEY_1 })),
      { ...onBucket('GetObjectAttributes', 'get-obj-attrs-sse-c', { Key: KEY, ObjectAttributes: ['ETag', 'ObjectSize'], ...KEY_1 }), patterns: { '$.ETag': '^[0-9a-f]{32}$' } },
      onBucket('DeleteObject', 'del-obj-sse-c', { Key: KEY }),
    ],
  },
  {
    test: 'TestS3SSECEncryption::test_put_object_validation_sse_c',
    steps: [
      createBucket(),
      putSseC('put-obj-sse-c-both-encryption', { ServerSideEncryption: 'AES256', ...KMS_ALGORITHM }),
      putSseC('put-obj-sse-c-wrong-algo', KMS_ALGORITHM),
      putSseC('put-obj-sse-c-no-algo', NO_ALGORITHM),
      putSseC('put-obj-sse-c-no-key', NO_KEY),
      putSseC('put-obj-sse-c-no-md5', NO_MD5),
      putSseC('put-obj-sse-c-wrong-key-size', SHORT_KEY),
      putSseC('put-obj-sse-c-bad-md5', { ...KEY_1, SSECustomerKeyMD5: BAD_MD5 }),
    ],
  },
  {
    test: 'TestS3SSECEncryption::test_object_retrieval_sse_c',
    steps: [
      createBucket(),
      randomEtag(putSseC('put-obj-sse-c', KEY_1)),
      onBucket('GetObject', 'get-obj-no-sse-c', { Key: KEY }),
      onBucket('GetObject', 'get-obj-sse-c-wrong-key', { Key: KEY, ...KEY_2 }),
      onBucket('GetObject', 'get-obj-sse-c-wrong-algo', { Key: KEY, ...KMS_ALGORITHM }),
      onBucket('HeadObject', 'head-obj-sse-c-wrong-algo', { Key: KEY, ...KMS_ALGORITHM }),
      onBucket('GetObjectAttributes', 'get-obj-attrs-sse-c-wrong-algo', { Key: KEY, ObjectAttributes: ['ETag'], ...KMS_ALGORITHM }),
      onBucket('GetObject', 'get-obj-sse-c-no-md5', { Key: KEY, ...NO_MD5 }),
      onBucket('HeadObject', 'head-obj-sse-c-no-md5', { Key: KEY, ...NO_MD5 }),
      // The test's last two calls are PutObjects without a body (its snapshot keys say get-).
      onBucket('PutObject', 'get-obj-sse-c-wrong-key-size', { Key: KEY, ...SHORT_KEY }),
      onBucket('PutObject', 'get-obj-sse-c-bad-md5', { Key: KEY, ...KEY_1, SSECustomerKeyMD5: BAD_MD5 }),
    ],
  },
  {
    test: 'TestS3SSECEncryption::test_copy_object_with_sse_c',
    steps: [
      createBucket(),
      randomEtag(putSseC('put-obj-sse-c', KEY_1, 'test-sse-c-src')),
      onBucket('CopyObject', 'copy-obj-sse-c-target-no-sse-c', { Key: 'test-sse-c-target', CopySource: `${BUCKET}/test-sse-c-src`, ...copySource(KEY_1) }),
      randomEtag(
        onBucket('CopyObject', 'copy-obj-sse-c', { Key: 'test-sse-c-target', CopySource: `${BUCKET}/test-sse-c-src`, ...copySource(KEY_1), ...KEY_1 }),
        '$.CopyObjectResult.ETag',
      ),
      onBucket('GetObject', 'get-obj-no-sse-c-param', { Key: 'test-sse-c-target' }),
      onBucket('CopyObject', 'copy-obj-no-src-sse-c', { Key: 'test-sse-c-target', CopySource: `${BUCKET}/test-sse-c-src`, ...KEY_1 }),
      onBucket('CopyObject', 'copy-obj-wrong-src-sse-c-algo', { Key: 'test-sse-c-target', CopySource: `${BUCKET}/test-sse-c-src`, ...copySource(KMS_ALGORITHM) }),
      onBucket('CopyObject', 'copy-obj-wrong-target-sse-c-algo', {
        Key: 'test-sse-c-target',
        CopySource: `${BUCKET}/test-sse-c-src`,
        ...copySource(KEY_1),
        ...KMS_ALGORITHM,
      }),
      onBucket('CopyObject', 'copy-obj-target-double-encryption', {
        Key: 'test-sse-c-target',
        CopySource: `${BUCKET}/test-sse-c-src`,
        ...copySource(KEY_1),
        ...KEY_1,
        ServerSideEncryption: 'AES256',
      }),
    ],
  },
  {
    test: 'TestS3SSECEncryption::test_multipart_upload_sse_c_validation',
    steps: [
      createBucket(),
      createUpload('test-sse-c-multipart', 'create-mpu-no-sse-c'),
      onBucket('UploadPart', 'mpu-no-sse-c-upload-part-with-sse-c', { Key: 'test-sse-c-multipart', UploadId: '{{uploadId}}', PartNumber: 1, Body: 'testbody', ...KEY_1 }),
      onBucket('AbortMultipartUpload', undefined, { Key: 'test-sse-c-multipart', UploadId: '{{uploadId}}' }),
      createUpload('test-sse-c-multipart', 'create-mpu-sse-c', KEY_1, 'sseUploadId'),
      onBucket('UploadPart', 'mpu-sse-c-upload-part-no-sse-c', { Key: 'test-sse-c-multipart', UploadId: '{{sseUploadId}}', PartNumber: 1, Body: 'testbody' }),
      onBucket('UploadPart', 'mpu-sse-c-upload-part-wrong-sse-c', { Key: 'test-sse-c-multipart', UploadId: '{{sseUploadId}}', PartNumber: 1, Body: 'testbody', ...KEY_2 }),
    ],
  },
  {
    test: 'TestS3SSECEncryption::test_multipart_upload_sse_c',
    steps: [
      createBucket(),
      createUpload('test-sse-c-multipart', 'create-mpu-sse-c', KEY_1),
      ...[1, 2, 3].map((n) => randomEtag(uploadPart('test-sse-c-multipart', LARGE_PART, n, `upload-part-${n - 1}`, 'uploadId', `part${n}`, KEY_1))),
      {
        ...onBucket('ListParts', 'list-parts', { Key: 'test-sse-c-multipart', UploadId: '{{uploadId}}' }),
        ignore: ['$.Initiator.DisplayName', '$.Initiator.ID', '$.Owner.ID'],
        patterns: { '$.Parts[*].ETag': RANDOM_ETAG },
      },
      randomEtag(completeUpload('test-sse-c-multipart', 'complete-multipart-checksum', {}, 3), '$.ETag', MULTIPART_ETAG),
      onBucket('GetObject', 'get-obj-no-sse-c-param', { Key: 'test-sse-c-multipart' }),
      { ...randomEtag(onBucket('GetObject', 'get-obj-sse-c', { Key: 'test-sse-c-multipart', ...KEY_1 }), '$.ETag', MULTIPART_ETAG), ignore: ['$.Body'] },
    ],
  },
  {
    test: 'TestS3SSECEncryption::test_put_object_default_checksum_with_sse_c',
    steps: [
      createBucket(),
      { ...putSseC(undefined, KEY_1, KEY, 'test data..'), plainHttp: {} },
      randomEtag(onBucket('HeadObject', 'head-obj-sse-c', { Key: KEY, ...KEY_1, ChecksumMode: 'ENABLED' })),
      randomEtag(onBucket('GetObject', 'get-obj-sse-c', { Key: KEY, ...KEY_1 })),
      { ...onBucket('GetObjectAttributes', 'get-obj-attrs-sse-c', { Key: KEY, ObjectAttributes: ['ETag', 'Checksum'], ...KEY_1 }), patterns: { '$.ETag': '^[0-9a-f]{32}$' } },
    ],
    note: 'the PUT is the test’s own signed HTTP request (no SDK checksum) with the SSE-C headers, which botocore serializes the same way',
  },
  {
    test: 'TestS3SSECEncryption::test_sse_c_with_versioning',
    steps: [
      createBucket(),
      versioning('Enabled'),
      withCapture(randomEtag(putSseC('put-obj-sse-c-version-1', KEY_1, 'test-versioning-sse-c', 'version1')), { version1: '$.VersionId' }),
      withCapture(randomEtag(putSseC('put-obj-sse-c-version-2', KEY_2, 'test-versioning-sse-c', 'version2')), { version2: '$.VersionId' }),
      randomEtag(onBucket('GetObject', 'get-obj-sse-c-last-version', { Key: 'test-versioning-sse-c', ...KEY_2 })),
      randomEtag(onBucket('GetObject', 'get-obj-sse-c-version-2', { Key: 'test-versioning-sse-c', VersionId: '{{version2}}', ...KEY_2 })),
      onBucket('GetObject', 'get-obj-sse-c-last-version-wrong-key', { Key: 'test-versioning-sse-c', VersionId: '{{version1}}', ...KEY_2 }),
      randomEtag(onBucket('GetObject', 'get-obj-sse-c-version-1', { Key: 'test-versioning-sse-c', VersionId: '{{version1}}', ...KEY_1 })),
    ],
  },
];
