// Versioned deletes and default bucket encryption tests of LocalStack's AWS-validated suite
// (github.com/localstack/localstack, tests/aws/services/s3/test_s3_api.py TestS3ObjectCRUD / TestS3BucketEncryption,
// Apache-2.0) reproduced as request sequences. The `kms_key` fixture is a CreateKey through twinstack's KMS.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { createBucket, onBucket, put, versioning, withCapture } from './common.ts';

const KEY = 'test-delete';
const FAKE_BUCKET = 'fakebucket-{{suffix}}-x';
const encryption = (snapshot: string | undefined, Rules: unknown[], Bucket?: string): SourceStep => ({
  ...onBucket('PutBucketEncryption', snapshot, { ServerSideEncryptionConfiguration: { Rules } }),
  ...(Bucket ? { params: { Bucket, ServerSideEncryptionConfiguration: { Rules } } } : {}),
});
const byDefault = (SSEAlgorithm: string, extra: Record<string, unknown> = {}, BucketKeyEnabled?: boolean) => ({
  ApplyServerSideEncryptionByDefault: { SSEAlgorithm, ...extra },
  ...(BucketKeyEnabled === undefined ? {} : { BucketKeyEnabled }),
});
const kmsKey: SourceStep = { service: 'kms', op: 'CreateKey', params: {}, protocol: 'json', capture: { kmsKeyId: '$.KeyMetadata.KeyId' } };
const readEncrypted = (Key: string): SourceStep[] => [onBucket('HeadObject', 'head-object-encrypted', { Key }), onBucket('GetObject', 'get-object-encrypted', { Key })];

export const encryptionScenarios: SourceScenario[] = [
  {
    test: 'TestS3ObjectCRUD::test_delete_object_versioned',
    steps: [
      createBucket(),
      versioning('Enabled'),
      withCapture(put(KEY, 'test-delete', 'put-object'), { version: '$.VersionId', versionHead: { from: '$.VersionId', regex: '^(.*)....$' } }),
      withCapture(onBucket('DeleteObject', 'delete-object', { Key: KEY }), { marker: '$.VersionId' }),
      onBucket('GetObject', 'get-deleted-object', { Key: KEY }),
      onBucket('GetObject', 'get-object-with-version', { Key: KEY, VersionId: '{{version}}' }),
      onBucket('GetObject', 'get-delete-marker', { Key: KEY, VersionId: '{{marker}}' }),
      onBucket('DeleteObject', 'delete-object-2', { Key: KEY }),
      onBucket('ListObjectVersions', 'list-object-versions', { Prefix: KEY, EncodingType: 'url' }),
      onBucket('DeleteObject', 'delete-delete-marker', { Key: KEY, VersionId: '{{marker}}' }),
      onBucket('DeleteObject', 'delete-object-version', { Key: KEY, VersionId: '{{version}}' }),
      onBucket('GetObject', 'get-deleted-object-with-version', { Key: KEY, VersionId: '{{version}}' }),
      onBucket('DeleteObject', 'delete-with-bad-version', { Key: KEY, VersionId: '{{versionHead}}ABCD' }),
      onBucket('DeleteObject', 'delete-wrong-key', { Key: 'wrong-key' }),
    ],
  },
  {
    test: 'TestS3BucketEncryption::test_s3_default_bucket_encryption_exc',
    steps: [
      createBucket(),
      { op: 'GetBucketEncryption', params: { Bucket: FAKE_BUCKET }, snapshot: 'get-bucket-enc-no-bucket' },
      { op: 'DeleteBucketEncryption', params: { Bucket: FAKE_BUCKET }, snapshot: 'delete-bucket-enc-no-bucket' },
      encryption('put-bucket-enc-no-bucket', [], FAKE_BUCKET),
      encryption('put-bucket-encryption-no-rules', []),
      encryption('put-bucket-encryption-two-rules', [byDefault('aws:kms', {}, true), byDefault('AES256')]),
      encryption('put-bucket-encryption-kms-with-aes', [byDefault('AES256', { KMSMasterKeyID: 'randomkeyid' })]),
    ],
  },
  {
    test: 'TestS3BucketEncryption::test_s3_bucket_encryption_sse_s3',
    steps: [
      createBucket(),
      encryption('put-bucket-enc', [byDefault('AES256', {}, true)]),
      put('key-encrypted', 'test-encrypted', 'put-object-encrypted'),
      ...readEncrypted('key-encrypted'),
    ],
  },
  {
    test: 'TestS3BucketEncryption::test_s3_bucket_encryption_sse_kms',
    steps: [
      kmsKey,
      createBucket(),
      encryption('put-bucket-enc', [byDefault('aws:kms', { KMSMasterKeyID: '{{kmsKeyId}}' }, true)]),
      onBucket('GetBucketEncryption', 'get-bucket-enc'),
      { ...put('key-encrypted', 'test-encrypted', 'put-object-encrypted'), ignore: ['$.ETag'] },
      { ...onBucket('HeadObject', 'head-object-encrypted', { Key: 'key-encrypted' }), ignore: ['$.ETag'] },
      { ...onBucket('GetObject', 'get-object-encrypted', { Key: 'key-encrypted' }), ignore: ['$.ETag'] },
      encryption('put-bucket-enc-bucket-key-disabled', [byDefault('aws:kms', { KMSMasterKeyID: '{{kmsKeyId}}' }, false)]),
      { ...put('key-encrypted-bucket-key-disabled', 'test-encrypted', 'put-object-encrypted-bucket-key-disabled'), ignore: ['$.ETag'] },
    ],
    note: 'ETags of SSE-KMS objects are not their MD5 on AWS (the test skips them too)',
  },
  {
    test: 'TestS3BucketEncryption::test_s3_bucket_encryption_sse_kms_aws_managed_key',
    steps: [
      createBucket(),
      encryption('put-bucket-enc', [byDefault('aws:kms', {}, true)]),
      onBucket('GetBucketEncryption', 'get-bucket-enc'),
      { ...put('key-encrypted', 'test-encrypted', 'put-object-encrypted'), ignore: ['$.ETag'], capture: { managedKeyArn: '$.SSEKMSKeyId' } },
      { service: 'kms', op: 'DescribeKey', params: { KeyId: '{{managedKeyArn}}' }, protocol: 'json', snapshot: 'managed-kms-key' },
      ...readEncrypted('key-encrypted').map((step) => ({ ...step, ignore: ['$.ETag'] })),
    ],
    note: 'ETags of SSE-KMS objects are not their MD5 on AWS (the test skips them too)',
  },
];
