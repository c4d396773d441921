// SSE-KMS tests of LocalStack's AWS-validated TestS3 class (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3.py, Apache-2.0) reproduced as request sequences. The `kms_create_key` fixture is a
// CreateKey through twinstack's KMS.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, completeUpload, createBucket, createUpload, onBucket, put, uploadPart } from './common.ts';
import { getObject } from './test-s3-objects.ts';

/** The `kms_create_key` fixture: a key with a test description. */
const kmsKey: SourceStep = { service: 'kms', op: 'CreateKey', params: { Description: 'test description - {{suffix}}' }, protocol: 'json', capture: { kmsKeyId: '$.KeyMetadata.KeyId' } };
const SSE_KMS = { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: '{{kmsKeyId}}' };
/** The tests skip ETags of KMS-encrypted objects (AWS's are not the body's MD5). */
const NO_ETAG = ['$.ETag', '$.Body'];

export const testS3KmsScenarios: SourceScenario[] = [
  {
    test: 'TestS3::test_copy_object_kms',
    steps: [
      kmsKey,
      createBucket(),
      put('mykey', 'hello world'),
      getObject('mykey', 'get-object'),
      { ...onBucket('CopyObject', 'copy-object', { Key: 'copiedkey', CopySource: `${BUCKET}/mykey`, BucketKeyEnabled: true, ...SSE_KMS }), ignore: ['$.CopyObjectResult.ETag'] },
      { ...getObject('copiedkey', 'get-copied-object'), ignore: NO_ETAG },
    ],
  },
  {
    test: 'TestS3::test_s3_multipart_upload_sse',
    note: 'AWS’s ETags of SSE-KMS parts and objects are not MD5s of the body and change per upload: they are not judged',
    steps: [
      kmsKey,
      createBucket(),
      { ...createUpload('test-sse-field-multipart', 'multi-sse-create-multipart', { BucketKeyEnabled: true, ...SSE_KMS }), ignore: ['$.Bucket'] },
      { ...uploadPart('test-sse-field-multipart', 'test-sse', 1, 'multi-sse-upload-part'), ignore: ['$.ETag'] },
      { ...completeUpload('test-sse-field-multipart', 'multi-sse-compete-multipart'), ignore: ['$.Bucket', '$.Location', '$.ETag'] },
      { ...getObject('test-sse-field-multipart', 'get-obj'), ignore: NO_ETAG },
    ],
  },
  {
    test: 'TestS3::test_s3_sse_bucket_key_default',
    steps: [
      kmsKey,
      createBucket(),
      put('test-sse-bucket-before', 'test-sse', 'put-obj-default-before-setting'),
      getObject('test-sse-bucket-before', 'get-obj-default-before-setting'),
      onBucket('PutBucketEncryption', 'put-bucket-encryption', {
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: '{{kmsKeyId}}' }, BucketKeyEnabled: true }] },
      }),
      onBucket('GetBucketEncryption', 'get-bucket-encryption'),
      getObject('test-sse-bucket-before', 'get-obj-default-after-setting'),
      { ...put('test-sse-bucket-after', 'test-sse', 'put-obj-after-setting'), ignore: ['$.ETag'] },
      { ...getObject('test-sse-bucket-after', 'get-obj-after-setting'), ignore: NO_ETAG },
    ],
  },
  {
    test: 'TestS3::test_s3_sse_validate_kms_key_state',
    steps: [
      { ...kmsKey, snapshot: 'create-kms-key', select: '$.KeyMetadata' },
      createBucket(),
      { ...put('put-object-with-sse', 'test-sse', 'success-put-object-sse', SSE_KMS), ignore: ['$.ETag'] },
      { ...getObject('put-object-with-sse', 'success-get-object-sse'), ignore: NO_ETAG },
      { service: 'kms', op: 'DisableKey', params: { KeyId: '{{kmsKeyId}}' }, protocol: 'json' },
      onBucket('GetObject', 'get-obj-disabled-key', { Key: 'put-object-with-sse' }),
      put('key-is-deactivated', 'test-sse', 'put-obj-disabled-key', SSE_KMS),
      { service: 'kms', op: 'ScheduleKeyDeletion', params: { KeyId: '{{kmsKeyId}}', PendingWindowInDays: 7 }, protocol: 'json' },
      onBucket('GetObject', 'get-obj-pending-deletion-key', { Key: 'put-object-with-sse' }),
    ],
  },
];
