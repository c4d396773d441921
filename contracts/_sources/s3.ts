// LocalStack's AWS-validated S3 tests (github.com/localstack/localstack, tests/aws/services/s3/test_s3_api.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

const BUCKET = 'bucket-{{suffix}}';
/** The `s3_bucket` / `s3_create_bucket` fixtures: a bucket in the test's region (us-east-1). */
const createBucket = (Bucket = BUCKET, extra: Record<string, unknown> = {}): SourceStep => ({ op: 'CreateBucket', params: { Bucket, ...extra } });
const put = (Key: string, Body: string, snapshot?: string, extra: Record<string, unknown> = {}): SourceStep => ({
  op: 'PutObject',
  params: { Bucket: BUCKET, Key, Body, ...extra },
  ...(snapshot ? { snapshot } : {}),
});
const versioning = (Status: string): SourceStep => ({ op: 'PutBucketVersioning', params: { Bucket: BUCKET, VersioningConfiguration: { Status } } });
const FAKE_VERSION = 'HPniJFCxqTsMuIH9KX8K8wEjNUgmABCD';

const source: SourceFile = {
  service: 's3',
  module: 'test_s3_api',
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  scenarios: [
    {
      test: 'TestS3BucketCRUD::test_delete_bucket_with_objects',
      steps: [
        createBucket(),
        put('test-delete', 'test-delete'),
        { op: 'DeleteBucket', params: { Bucket: BUCKET }, snapshot: 'delete-with-obj' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-delete' }, snapshot: 'delete-obj' },
        { op: 'DeleteBucket', params: { Bucket: BUCKET }, snapshot: 'delete-bucket' },
      ],
    },
    {
      test: 'TestS3BucketCRUD::test_delete_versioned_bucket_with_objects',
      steps: [
        createBucket(),
        versioning('Enabled'),
        { ...put('test-delete-versioned', 'test-delete'), capture: { objectVersion: '$.VersionId' } },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-delete-versioned' }, capture: { markerVersion: '$.VersionId' } },
        { op: 'DeleteBucket', params: { Bucket: BUCKET }, snapshot: 'delete-with-obj-and-delete-marker' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-delete-versioned', VersionId: '{{objectVersion}}' }, snapshot: 'delete-obj-by-version' },
        { op: 'DeleteBucket', params: { Bucket: BUCKET }, snapshot: 'delete-with-only-delete-marker' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-delete-versioned', VersionId: '{{markerVersion}}' }, snapshot: 'delete-marker-by-version' },
        { op: 'DeleteBucket', params: { Bucket: BUCKET }, snapshot: 'success-delete-bucket' },
      ],
    },
    {
      test: 'TestS3ObjectCRUD::test_delete_object',
      steps: [
        createBucket(),
        put('test-delete', 'test-delete', 'put-object'),
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-delete' }, snapshot: 'delete-object' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-delete' }, snapshot: 'delete-nonexistent-object' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-delete', VersionId: FAKE_VERSION }, snapshot: 'delete-nonexistent-object-versionid' },
      ],
    },
    {
      test: 'TestS3ObjectCRUD::test_delete_objects',
      steps: [
        createBucket(),
        put('test-delete', 'test-delete', 'put-object'),
        {
          op: 'DeleteObjects',
          params: { Bucket: BUCKET, Delete: { Objects: [{ Key: 'test-delete', VersionId: FAKE_VERSION }] } },
          snapshot: 'delete-object-wrong-version-id',
        },
        {
          op: 'DeleteObjects',
          params: { Bucket: BUCKET, Delete: { Objects: [{ Key: 'test-delete' }, { Key: 'c-wrong-key' }, { Key: 'a-wrong-key' }] } },
          snapshot: 'delete-objects',
          unordered: ['$.Deleted'],
        },
      ],
    },
    {
      test: 'TestS3ObjectCRUD::test_get_object_with_version_unversioned_bucket',
      steps: [
        createBucket(),
        put('test-version', 'test-version', 'put-object'),
        { op: 'GetObject', params: { Bucket: BUCKET, Key: 'test-version', VersionId: FAKE_VERSION }, snapshot: 'get-obj-with-version' },
        { op: 'GetObject', params: { Bucket: BUCKET, Key: 'test-version', VersionId: 'null' }, snapshot: 'get-obj-with-null-version' },
      ],
    },
    {
      test: 'TestS3BucketVersioning::test_bucket_versioning_crud',
      steps: [
        createBucket(),
        { op: 'GetBucketVersioning', params: { Bucket: BUCKET }, snapshot: 'get-versioning-before' },
        { ...versioning('Suspended'), snapshot: 'put-versioning-suspended-before' },
        { op: 'GetBucketVersioning', params: { Bucket: BUCKET }, snapshot: 'get-versioning-after-suspended' },
        { ...versioning('enabled'), snapshot: 'put-versioning-enabled-lowercase' },
        { ...versioning('Enabled'), snapshot: 'put-versioning-enabled-capitalized' },
        { op: 'GetBucketVersioning', params: { Bucket: BUCKET }, snapshot: 'get-versioning-after-enabled' },
        { ...versioning('Suspended'), snapshot: 'put-versioning-suspended-after' },
        { ...versioning('Disabled'), snapshot: 'put-versioning-disabled' },
        { op: 'PutBucketVersioning', params: { Bucket: BUCKET, VersioningConfiguration: {} }, snapshot: 'put-versioning-empty' },
        { op: 'PutBucketVersioning', params: { Bucket: 'myrandombucket{{suffix}}-x', VersioningConfiguration: { Status: 'Suspended' } }, snapshot: 'put-versioning-no-bucket' },
        { op: 'GetBucketVersioning', params: { Bucket: 'myrandombucket{{suffix}}-x' }, snapshot: 'get-versioning-no-bucket' },
      ],
    },
    {
      test: 'TestS3BucketEncryption::test_s3_default_bucket_encryption',
      steps: [
        createBucket(),
        { op: 'GetBucketEncryption', params: { Bucket: BUCKET }, snapshot: 'default-bucket-encryption' },
        { op: 'DeleteBucketEncryption', params: { Bucket: BUCKET }, snapshot: 'delete-bucket-encryption' },
        { op: 'DeleteBucketEncryption', params: { Bucket: BUCKET }, snapshot: 'delete-bucket-encryption-idempotent' },
        { op: 'GetBucketVersioning', params: { Bucket: BUCKET }, snapshot: 'get-bucket-no-encryption' },
      ],
    },
    {
      test: 'TestS3BucketObjectTagging::test_bucket_tagging_crud',
      steps: [
        createBucket(),
        { op: 'GetBucketTagging', params: { Bucket: BUCKET }, snapshot: 'get-bucket-tags-empty' },
        { op: 'PutBucketTagging', params: { Bucket: BUCKET, Tagging: { TagSet: [{ Key: 'tag1', Value: 'tag1' }, { Key: 'tag2', Value: '' }] } }, snapshot: 'put-bucket-tags' },
        { op: 'GetBucketTagging', params: { Bucket: BUCKET }, snapshot: 'get-bucket-tags' },
        { op: 'PutBucketTagging', params: { Bucket: BUCKET, Tagging: { TagSet: [{ Key: 'tag3', Value: 'tag3' }] } }, snapshot: 'put-bucket-tags-overwrite' },
        { op: 'GetBucketTagging', params: { Bucket: BUCKET }, snapshot: 'get-bucket-tags-overwritten' },
        { op: 'DeleteBucketTagging', params: { Bucket: BUCKET }, snapshot: 'delete-bucket-tags' },
        { op: 'DeleteBucketTagging', params: { Bucket: BUCKET } },
        { op: 'GetBucketTagging', params: { Bucket: BUCKET }, fails: true },
        { op: 'PutBucketTagging', params: { Bucket: BUCKET, Tagging: { TagSet: [] } }, snapshot: 'put-bucket-tags-empty' },
        { op: 'GetBucketTagging', params: { Bucket: BUCKET }, fails: true },
      ],
    },
    {
      test: 'TestS3BucketOwnershipControls::test_crud_bucket_ownership_controls',
      steps: [
        createBucket(),
        { op: 'GetBucketOwnershipControls', params: { Bucket: BUCKET }, snapshot: 'default-ownership' },
        { op: 'PutBucketOwnershipControls', params: { Bucket: BUCKET, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }, snapshot: 'put-ownership' },
        { op: 'GetBucketOwnershipControls', params: { Bucket: BUCKET }, snapshot: 'get-ownership' },
        { op: 'DeleteBucketOwnershipControls', params: { Bucket: BUCKET }, snapshot: 'delete-ownership' },
        { op: 'GetBucketOwnershipControls', params: { Bucket: BUCKET }, snapshot: 'get-ownership-after-delete' },
        { op: 'DeleteBucketOwnershipControls', params: { Bucket: BUCKET }, snapshot: 'delete-ownership-after-delete' },
        createBucket('bucket2-{{suffix}}', { ObjectOwnership: 'BucketOwnerPreferred' }),
        { op: 'GetBucketOwnershipControls', params: { Bucket: 'bucket2-{{suffix}}' }, snapshot: 'get-ownership-at-creation' },
      ],
    },
    {
      test: 'TestS3PublicAccessBlock::test_crud_public_access_block',
      steps: [
        createBucket(),
        { op: 'GetPublicAccessBlock', params: { Bucket: BUCKET }, snapshot: 'get-default-public-access-block' },
        {
          op: 'PutPublicAccessBlock',
          params: { Bucket: BUCKET, PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false } },
          snapshot: 'put-public-access-block',
        },
        { op: 'GetPublicAccessBlock', params: { Bucket: BUCKET }, snapshot: 'get-public-access-block' },
        { op: 'DeletePublicAccessBlock', params: { Bucket: BUCKET }, snapshot: 'delete-public-access-block' },
        { op: 'GetPublicAccessBlock', params: { Bucket: BUCKET }, snapshot: 'get-public-access-block-after-delete' },
        { op: 'DeletePublicAccessBlock', params: { Bucket: BUCKET }, snapshot: 'idempotent-delete-public-access-block' },
      ],
    },
    {
      test: 'TestS3BucketPolicy::test_bucket_policy_crud',
      steps: [
        createBucket(),
        { op: 'DeleteBucketOwnershipControls', params: { Bucket: BUCKET } },
        { op: 'DeletePublicAccessBlock', params: { Bucket: BUCKET } },
        { op: 'GetBucketPolicy', params: { Bucket: BUCKET }, snapshot: 'get-bucket-default-policy' },
        {
          op: 'PutBucketPolicy',
          params: {
            Bucket: BUCKET,
            Policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Action: 's3:GetObject', Effect: 'Allow', Resource: `arn:aws:s3:::${BUCKET}/*`, Principal: { AWS: '*' } }],
            }),
          },
          snapshot: 'put-bucket-policy',
        },
        { op: 'GetBucketPolicy', params: { Bucket: BUCKET }, snapshot: 'get-bucket-policy', jsonStrings: ['$.Policy'] },
        { op: 'DeleteBucketPolicy', params: { Bucket: BUCKET }, snapshot: 'delete-bucket-policy' },
        { op: 'GetBucketPolicy', params: { Bucket: BUCKET }, snapshot: 'get-bucket-policy-after-delete' },
        { op: 'DeleteBucketPolicy', params: { Bucket: BUCKET }, snapshot: 'delete-bucket-policy-after-delete' },
      ],
    },
    {
      test: 'TestS3BucketPolicy::test_bucket_policy_exc',
      steps: [
        createBucket(),
        { op: 'DeleteBucketOwnershipControls', params: { Bucket: BUCKET } },
        { op: 'DeletePublicAccessBlock', params: { Bucket: BUCKET } },
        { op: 'PutBucketPolicy', params: { Bucket: BUCKET, Policy: '' }, snapshot: 'put-empty-bucket-policy' },
        { op: 'PutBucketPolicy', params: { Bucket: BUCKET, Policy: 'invalid json' }, snapshot: 'put-bucket-policy-randomstring' },
        { op: 'PutBucketPolicy', params: { Bucket: BUCKET, Policy: '{}' }, snapshot: 'put-bucket-policy-empty-json' },
      ],
    },
    {
      test: 'TestS3BucketAccelerateConfiguration::test_bucket_acceleration_configuration_crud',
      steps: [
        createBucket(),
        { op: 'GetBucketAccelerateConfiguration', params: { Bucket: BUCKET }, snapshot: 'get-bucket-default-accelerate-config' },
        { op: 'PutBucketAccelerateConfiguration', params: { Bucket: BUCKET, AccelerateConfiguration: { Status: 'Enabled' } }, snapshot: 'put-bucket-accelerate-config-enabled' },
        { op: 'GetBucketAccelerateConfiguration', params: { Bucket: BUCKET }, snapshot: 'get-bucket-accelerate-config-enabled' },
        { op: 'PutBucketAccelerateConfiguration', params: { Bucket: BUCKET, AccelerateConfiguration: { Status: 'Suspended' } }, snapshot: 'put-bucket-accelerate-config-disabled' },
        { op: 'GetBucketAccelerateConfiguration', params: { Bucket: BUCKET }, snapshot: 'get-bucket-accelerate-config-disabled' },
      ],
    },
  ],
  notPorted: {},
};

export default source;
