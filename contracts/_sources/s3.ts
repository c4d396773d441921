// LocalStack's AWS-validated S3 tests (github.com/localstack/localstack, tests/aws/services/s3/test_s3_api.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

export const BUCKET = 'bucket-{{suffix}}';
/** The `s3_bucket` / `s3_create_bucket` fixtures: a bucket in the test's region (us-east-1). */
export const createBucket = (Bucket = BUCKET, extra: Record<string, unknown> = {}): SourceStep => ({ op: 'CreateBucket', params: { Bucket, ...extra } });
export const put = (Key: string, Body: string, snapshot?: string, extra: Record<string, unknown> = {}): SourceStep => ({
  op: 'PutObject',
  params: { Bucket: BUCKET, Key, Body, ...extra },
  ...(snapshot ? { snapshot } : {}),
});
export const versioning = (Status: string): SourceStep => ({ op: 'PutBucketVersioning', params: { Bucket: BUCKET, VersioningConfiguration: { Status } } });
const FAKE_VERSION = 'HPniJFCxqTsMuIH9KX8K8wEjNUgmABCD';

const METRICS = (Id: string, Prefix = 'logs/') => ({ Id, Filter: { Prefix } });
const putMetrics = (Id: string, config = METRICS(Id), snapshot?: string): SourceStep => ({
  op: 'PutBucketMetricsConfiguration',
  params: { Bucket: BUCKET, Id, MetricsConfiguration: config },
  ...(snapshot ? { snapshot } : {}),
});
const metricsOp = (op: string, Id: string, snapshot: string): SourceStep => ({ op: `${op}BucketMetricsConfiguration`, params: { Bucket: BUCKET, Id }, snapshot });

/** TestS3MetricsConfiguration (test ids were short uids; any id works). */
function metricsScenarios() {
  const id = 'm-{{suffix}}';
  return [
    {
      test: 'TestS3MetricsConfiguration::test_put_bucket_metrics_configuration',
      steps: [createBucket(), putMetrics(id, METRICS(id), 'put_bucket_metrics_configuration'), metricsOp('Get', id, 'get_bucket_metrics_configuration')],
    },
    {
      test: 'TestS3MetricsConfiguration::test_overwrite_bucket_metrics_configuration',
      steps: [
        createBucket(),
        putMetrics(id),
        putMetrics(id, METRICS(id, 'logs/new-prefix'), 'overwrite_bucket_metrics_configuration'),
        metricsOp('Get', id, 'get_bucket_metrics_configuration'),
      ],
    },
    {
      test: 'TestS3MetricsConfiguration::test_list_bucket_metrics_configurations',
      steps: [
        createBucket(),
        putMetrics(`1-${id}`, METRICS(`1-${id}`, 'logs/prefix')),
        putMetrics(`2-${id}`, METRICS(`2-${id}`, 'logs/prefix')),
        { op: 'ListBucketMetricsConfigurations', params: { Bucket: BUCKET }, snapshot: 'list_bucket_metrics_configurations' },
      ],
    },
    {
      test: 'TestS3MetricsConfiguration::test_get_bucket_metrics_configuration',
      steps: [createBucket(), putMetrics(id), metricsOp('Get', id, 'get_bucket_metrics_configuration')],
    },
    {
      test: 'TestS3MetricsConfiguration::test_get_bucket_metrics_configuration_not_exist',
      steps: [createBucket(), metricsOp('Get', 'does-not-exist', 'get_bucket_metrics_configuration')],
    },
    {
      test: 'TestS3MetricsConfiguration::test_delete_metrics_configuration',
      steps: [createBucket(), putMetrics(id), metricsOp('Delete', id, 'delete_bucket_metrics_configuration'), metricsOp('Get', id, 'get_bucket_metrics_configuration')],
    },
    {
      test: 'TestS3MetricsConfiguration::test_delete_metrics_configuration_twice',
      steps: [
        createBucket(),
        putMetrics(id),
        metricsOp('Delete', id, 'delete_bucket_metrics_configuration_1'),
        metricsOp('Delete', id, 'delete_bucket_metrics_configuration_2'),
      ],
    },
  ];
}

/** Why whole test classes are not ported (by class name). */
const API_REASONS: Record<string, string> = {
  TestS3BucketEncryption: 'SSE-KMS cases need KMS keys (kms_key fixture); KMS is not a twinstack service yet',
};

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
    {
      test: 'TestS3ObjectCRUD::test_delete_objects_versioned',
      steps: [
        createBucket(),
        versioning('Enabled'),
        { ...put('test-delete', 'test-delete', 'put-object'), capture: { objectVersion: '$.VersionId' } },
        {
          op: 'DeleteObjects',
          params: { Bucket: BUCKET, Delete: { Objects: [{ Key: 'test-delete' }, { Key: 'wrongkey' }, { Key: 'wrongkey-x' }] } },
          snapshot: 'delete-objects-no-version-id',
          unordered: ['$.Deleted'],
          capture: { markerVersion: '$.Deleted[0].DeleteMarkerVersionId' },
        },
        {
          op: 'DeleteObjects',
          params: { Bucket: BUCKET, Delete: { Objects: [{ Key: 'test-delete', VersionId: '{{markerVersion}}' }] } },
          snapshot: 'delete-objects-marker',
        },
        {
          op: 'DeleteObjects',
          params: {
            Bucket: BUCKET,
            Delete: { Objects: [{ Key: 'test-delete', VersionId: FAKE_VERSION }, { Key: 'wrong-key-2', VersionId: FAKE_VERSION }] },
          },
          snapshot: 'delete-objects-wrong-version-id',
          unordered: ['$.Deleted'],
        },
        {
          op: 'DeleteObjects',
          params: { Bucket: BUCKET, Delete: { Objects: [{ Key: 'test-delete', VersionId: '{{objectVersion}}' }] } },
          snapshot: 'delete-objects-version-id',
        },
      ],
    },
    {
      test: 'TestS3ObjectCRUD::test_put_object_on_suspended_bucket',
      steps: [
        createBucket(),
        versioning('Enabled'),
        put('test-version', 'test-version-0', 'put-object-0'),
        put('test-version', 'test-version-1', 'put-object-1'),
        put('test-version', 'test-version-2', 'put-object-2'),
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-enabled' },
        versioning('Suspended'),
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-suspended' },
        put('test-version', 'test-version-suspended', 'put-object-suspended'),
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-suspended-after-put' },
        put('test-version', 'test-version-suspended', 'put-object-suspended-overwrite'),
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-suspended-after-overwrite' },
        { op: 'GetObject', params: { Bucket: BUCKET, Key: 'test-version' }, snapshot: 'get-object-current' },
      ],
    },
    {
      test: 'TestS3ObjectCRUD::test_delete_object_on_suspended_bucket',
      steps: [
        createBucket(),
        versioning('Enabled'),
        put('test-delete-suspended', 'test-version-0', 'put-object-0'),
        put('test-delete-suspended', 'test-version-1', 'put-object-1'),
        versioning('Suspended'),
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-suspended' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-delete-suspended' }, snapshot: 'delete-object-no-version' },
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-suspended-delete' },
        put('test-delete-suspended', 'test-version-suspended-after-delete', 'put-object-suspended'),
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-suspended-put' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-delete-suspended' }, snapshot: 'delete-object-no-version-after-put' },
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-suspended-after-put' },
      ],
    },
    {
      test: 'TestS3ObjectCRUD::test_list_object_versions_order_unversioned',
      steps: [
        createBucket(),
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-empty' },
        put('a-test-object-1', 'test-object-1', 'put-object'),
        put('c-test-object-3', 'test-object-3', 'put-object-3'),
        put('b-test-object-2', 'test-object-2', 'put-object-2'),
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-object-versions' },
      ],
    },
    {
      test: 'TestS3ObjectCRUD::test_get_object_range',
      steps: [
        createBucket(),
        put('test-key-range', '0123456789'),
        ...(
          [
            ['bytes=0-8', 'get-0-8'],
            ['bytes=1-1', 'get-1-1'],
            ['bytes=1-0', 'get-1-0'],
            ['bytes=1-', 'get-1-'],
            ['bytes=-1-', 'get--1-'],
            ['bytes=-2', 'get--2'],
            ['bytes=-9', 'get--9'],
            ['bytes=-15', 'get--15'],
            ['bytes=0-100', 'get-0-100'],
            ['bytes=0-0', 'get-0-0'],
            ['bytes=0--1', 'get-0--1'],
            ['bytes=0-1,3-4,7-9', 'get-multiple-ranges'],
            ['0-1', 'get-wrong-format'],
            ['bytes=-', 'get--'],
            ['bytes=-0', 'get--0'],
            ['bytes=100-200', 'get-100-200'],
          ] as const
        ).map(([Range, snapshot]): SourceStep => ({ op: 'GetObject', params: { Bucket: BUCKET, Key: 'test-key-range', Range }, snapshot })),
        put('test-key-range', '01234567890123456789', 'put-after-failed'),
      ],
      note: 'the ChecksumMode=ENABLED read (get-0-8-checksum) is left out: boto3 asks for checksums on every read here',
    },
    {
      test: 'TestS3BucketObjectTagging::test_object_tagging_crud',
      steps: [
        createBucket(),
        put('test-object-tagging', 'test-tagging', 'put-object'),
        { op: 'GetObjectTagging', params: { Bucket: BUCKET, Key: 'test-object-tagging' }, snapshot: 'get-object-tags-empty' },
        {
          op: 'PutObjectTagging',
          params: { Bucket: BUCKET, Key: 'test-object-tagging', Tagging: { TagSet: [{ Key: 'tag1', Value: 'tag1' }, { Key: 'tag2', Value: '' }] } },
          snapshot: 'put-object-tags',
        },
        { op: 'GetObjectTagging', params: { Bucket: BUCKET, Key: 'test-object-tagging' }, snapshot: 'get-object-tags' },
        {
          op: 'PutObjectTagging',
          params: { Bucket: BUCKET, Key: 'test-object-tagging', Tagging: { TagSet: [{ Key: 'tag3', Value: 'tag3' }] } },
          snapshot: 'put-object-tags-overwrite',
        },
        { op: 'GetObjectTagging', params: { Bucket: BUCKET, Key: 'test-object-tagging' }, snapshot: 'get-object-tags-overwritten' },
        { op: 'GetObject', params: { Bucket: BUCKET, Key: 'test-object-tagging' }, snapshot: 'get-obj-after-tags' },
        { op: 'DeleteObjectTagging', params: { Bucket: BUCKET, Key: 'test-object-tagging' }, snapshot: 'delete-object-tags' },
        { op: 'GetObjectTagging', params: { Bucket: BUCKET, Key: 'test-object-tagging' }, snapshot: 'get-object-tags-deleted' },
        { op: 'GetObject', params: { Bucket: BUCKET, Key: 'test-object-tagging' }, snapshot: 'get-obj-after-tags-deleted' },
      ],
    },
    {
      test: 'TestS3BucketObjectTagging::test_object_tagging_exc',
      steps: [
        createBucket(),
        { op: 'GetObjectTagging', params: { Bucket: 'fake-bucket-{{suffix}}-x', Key: 'fake-key' }, snapshot: 'get-no-bucket-tags' },
        { op: 'DeleteObjectTagging', params: { Bucket: 'fake-bucket-{{suffix}}-x', Key: 'fake-key' }, snapshot: 'delete-no-bucket-tags' },
        { op: 'PutObjectTagging', params: { Bucket: 'fake-bucket-{{suffix}}-x', Key: 'fake-key', Tagging: { TagSet: [] } }, snapshot: 'put-no-bucket-tags' },
        { op: 'GetObjectTagging', params: { Bucket: BUCKET, Key: 'fake-key' }, snapshot: 'get-no-key-tags' },
        { op: 'DeleteObjectTagging', params: { Bucket: BUCKET, Key: 'fake-key' }, snapshot: 'delete-no-key-tags' },
        { op: 'PutObjectTagging', params: { Bucket: BUCKET, Key: 'fake-key', Tagging: { TagSet: [] } }, snapshot: 'put-no-key-tags' },
        put('fake-key', '', 'put-obj-duplicate-tagging', { Tagging: 'key1=val1&key1=val2' }),
        put('fake-key', '', 'put-obj-wrong-format', { Tagging: 'key1=val1,key2=val2' }),
      ],
    },
    {
      test: 'TestS3ObjectWritePrecondition::test_put_object_if_none_match',
      steps: [
        createBucket(),
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition', IfNoneMatch: '*' }, snapshot: 'put-obj' },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition', IfNoneMatch: '*' }, snapshot: 'put-obj-if-none-match' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-precondition' }, snapshot: 'del-obj' },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition', IfNoneMatch: '*' }, snapshot: 'put-obj-after-del' },
      ],
    },
    {
      test: 'TestS3ObjectWritePrecondition::test_put_object_if_none_match_validation',
      steps: [
        createBucket(),
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition-validation' }, snapshot: 'put-obj', capture: { etag: '$.ETag' } },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition-validation', IfNoneMatch: '{{etag}}' }, snapshot: 'put-obj-if-none-match-bad-value' },
      ],
    },
    {
      test: 'TestS3ObjectWritePrecondition::test_put_object_if_none_match_versioned_bucket',
      steps: [
        createBucket(),
        versioning('Enabled'),
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition', IfNoneMatch: '*' }, snapshot: 'put-obj' },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition', IfNoneMatch: '*' }, snapshot: 'put-obj-if-none-match' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-precondition' }, snapshot: 'del-obj' },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition', IfNoneMatch: '*' }, snapshot: 'put-obj-after-del' },
        { op: 'ListObjectVersions', params: { Bucket: BUCKET, EncodingType: 'url' }, snapshot: 'list-object-versions' },
      ],
    },
    {
      test: 'TestS3ObjectWritePrecondition::test_put_object_if_match',
      steps: [
        createBucket(),
        { ...put('test-precondition', 'test', 'put-obj'), capture: { etag: '$.ETag' } },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition', IfMatch: 'd41d8cd98f00b204e9800998ecf8427e' }, snapshot: 'put-obj-if-match-wrong-etag' },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition', IfMatch: '{{etag}}' }, snapshot: 'put-obj-overwrite' },
        { op: 'DeleteObject', params: { Bucket: BUCKET, Key: 'test-precondition' }, snapshot: 'del-obj' },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition', IfMatch: '{{etag}}' }, snapshot: 'put-obj-if-match-key-not-exists' },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition' }, snapshot: 'put-obj-after-del' },
      ],
    },
    {
      test: 'TestS3ObjectWritePrecondition::test_put_object_if_match_validation',
      steps: [
        createBucket(),
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition-validation', IfMatch: '*' }, snapshot: 'put-obj-if-match-star-value' },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition-validation', IfMatch: 'abcdef' }, snapshot: 'put-obj-if-match-bad-value' },
        { op: 'PutObject', params: { Bucket: BUCKET, Key: 'test-precondition-validation', IfMatch: 'bad-char_/' }, snapshot: 'put-obj-if-match-bad-value-2' },
      ],
    },
    ...metricsScenarios(),
  ],
  notPorted: (test) => API_REASONS[test.split('::')[0]] ?? 'not reproduced yet (the operations are implemented; time ran out)',
};

export default source;
