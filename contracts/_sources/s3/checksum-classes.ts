// LocalStack's AWS-validated S3 checksum tests outside class TestS3 (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3.py, TestS3PutObjectChecksum and TestS3MultipartUploadChecksum, Apache-2.0) reproduced as
// request sequences. Expected responses come only from the snapshots.
import type { SourceScenario } from '../../../verifier/port/source-types.ts';
import { createBucket, createUpload, onBucket, put } from './common.ts';

/**
 * `get_checksum_for_algorithm(algorithm, b"bad data")` of the test: the base64 digests of `bad data` (CRC32, SHA-1 and
 * SHA-256 as Python's zlib and hashlib give them; CRC32C and CRC64NVME as twinstack's checksum code does).
 */
const BAD_DATA_CHECKSUMS: Record<string, string> = {
  CRC32: 'BD5xyQ==',
  CRC32C: '4q23MA==',
  SHA1: 'BDCWjBJe/zmyXyL6gEuqvpLEpkg=',
  SHA256: '12LQ9XUy6sxoX2Pno5qXzN4roqhdsBYkX5KOtzpu7jo=',
  CRC64NVME: '8dM07oiUKIk=',
};

/** The combinations of checksum type and algorithm AWS refuses at CreateMultipartUpload (recorded as `create-mpu-checksum-exc`). */
const REFUSED_COMBINATIONS = new Set(['COMPOSITE-CRC64NVME', 'FULL_OBJECT-SHA1', 'FULL_OBJECT-SHA256']);

export const checksumClassScenarios: SourceScenario[] = [
  {
    test: 'TestS3PutObjectChecksum::test_s3_get_object_checksum',
    steps: (algorithm) => {
      const key = 'test-checksum-retrieval';
      return [
        createBucket(),
        put(key, 'test-checksum', 'put-object', algorithm === 'None' ? {} : { ChecksumAlgorithm: algorithm }),
        onBucket('GetObject', 'get-object', { Key: key }),
        onBucket('GetObject', 'get-object-with-checksum', { Key: key, ChecksumMode: 'ENABLED' }),
        onBucket('GetObject', 'head-object-with-checksum', { Key: key, ChecksumMode: 'enabled' }),
        onBucket('GetObjectAttributes', 'get-object-attrs', { Key: key, ObjectAttributes: ['Checksum'] }),
      ];
    },
    note: 'boto3 asks for response checksums (ChecksumMode ENABLED) on its own, so the first GetObject carries it as the test’s did',
  },
  {
    test: 'TestS3MultipartUploadChecksum::test_multipart_checksum_type_compatibility',
    steps: (param) => {
      const [type, algorithm] = param.split('-');
      const snapshot = REFUSED_COMBINATIONS.has(param) ? 'create-mpu-checksum-exc' : 'create-mpu-checksum';
      return [createBucket(), onBucket('CreateMultipartUpload', snapshot, { Key: 'test-multipart-checksum-compat', ChecksumAlgorithm: algorithm, ChecksumType: type })];
    },
  },
  {
    test: 'TestS3MultipartUploadChecksum::test_multipart_checksum_type_default_for_checksum',
    steps: (algorithm) => [createBucket(), onBucket('CreateMultipartUpload', 'create-mpu-default-checksum-type', { Key: 'test-multipart-checksum-default', ChecksumAlgorithm: algorithm })],
  },
  {
    test: 'TestS3MultipartUploadChecksum::test_multipart_upload_part_checksum_exception',
    steps: (algorithm) => {
      const key = 'test-multipart-checksum-default';
      const part = (checksum: string, snapshot: string) =>
        onBucket('UploadPart', snapshot, { Key: key, UploadId: '{{uploadId}}', PartNumber: 1, Body: 'right body', ChecksumAlgorithm: algorithm, [`Checksum${algorithm}`]: checksum });
      // short_uid(): eight characters that are not a base64 digest of the algorithm's length.
      return [createBucket(), createUpload(key), part('a1b2c3d4', 'put-wrong-checksum-no-b64'), part(BAD_DATA_CHECKSUMS[algorithm], 'put-wrong-checksum-value')];
    },
  },
];
