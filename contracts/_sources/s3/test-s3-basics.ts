// Small request sequences of LocalStack's AWS-validated TestS3 class (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3.py, Apache-2.0): missing buckets, batch deletes, request payment, tagging reads and the
// versioning order.
import type { SourceScenario } from '../../../verifier/port/source-types.ts';
import { createBucket, onBucket, put, versioning } from './common.ts';

const MISSING = 'does-not-exist-{{suffix}}-x';

export const testS3BasicScenarios: SourceScenario[] = [
  { test: 'TestS3::test_get_object_no_such_bucket', steps: [{ op: 'GetObject', params: { Bucket: MISSING, Key: 'foobar' }, snapshot: 'expected_error' }] },
  { test: 'TestS3::test_delete_bucket_no_such_bucket', steps: [{ op: 'DeleteBucket', params: { Bucket: 'does-not-exist-localstack-test' }, snapshot: 'expected_error' }] },
  {
    test: 'TestS3::test_get_bucket_notification_configuration_no_such_bucket',
    steps: [{ op: 'GetBucketNotificationConfiguration', params: { Bucket: MISSING }, snapshot: 'expected_error' }],
  },
  {
    test: 'TestS3::test_delete_non_existing_keys_in_non_existing_bucket',
    steps: [{ op: 'DeleteObjects', params: { Bucket: MISSING, Delete: { Objects: [{ Key: 'dummy1' }, { Key: 'dummy2' }] } }, snapshot: 'error-non-existent-bucket' }],
  },
  {
    test: 'TestS3::test_delete_non_existing_keys',
    steps: [
      createBucket(),
      put('test-key-nonexistent', 'something'),
      {
        ...onBucket('DeleteObjects', 'deleted-resp', { Delete: { Objects: [{ Key: 'test-key-nonexistent' }, { Key: 'dummy1' }, { Key: 'dummy2' }] } }),
        unordered: ['$.Deleted'],
      },
    ],
  },
  {
    test: 'TestS3::test_s3_request_payer',
    steps: [
      createBucket(),
      onBucket('PutBucketRequestPayment', 'put-bucket-request-payment', { RequestPaymentConfiguration: { Payer: 'Requester' } }),
      onBucket('GetBucketRequestPayment', 'get-bucket-request-payment'),
    ],
  },
  {
    test: 'TestS3::test_s3_request_payer_exceptions',
    steps: [
      createBucket(),
      onBucket('PutBucketRequestPayment', 'wrong-payer-type', { RequestPaymentConfiguration: { Payer: 'Random' } }),
      { op: 'PutBucketRequestPayment', params: { Bucket: MISSING, RequestPaymentConfiguration: { Payer: 'Requester' } }, snapshot: 'wrong-bucket-name' },
    ],
  },
  {
    test: 'TestS3::test_put_object_tagging_empty_list',
    steps: [
      createBucket(),
      put('my-key', 'abcdefgh'),
      onBucket('GetObjectTagging', 'created-object-tags', { Key: 'my-key' }),
      onBucket('PutObjectTagging', undefined, { Key: 'my-key', Tagging: { TagSet: [{ Key: 'tag1', Value: 'tag1' }, { Key: 'tag2', Value: '' }] } }),
      onBucket('GetObjectTagging', 'updated-object-tags', { Key: 'my-key' }),
      onBucket('PutObjectTagging', undefined, { Key: 'my-key', Tagging: { TagSet: [] } }),
      onBucket('GetObjectTagging', 'deleted-object-tags', { Key: 'my-key' }),
    ],
  },
  {
    test: 'TestS3::test_delete_object_tagging',
    steps: [
      createBucket(),
      put('test-key-tagging', 'something'),
      onBucket('GetObject', 'get-obj', { Key: 'test-key-tagging' }),
      onBucket('DeleteObjectTagging', undefined, { Key: 'test-key-tagging' }),
      onBucket('GetObject', 'get-obj-after-tag-deletion', { Key: 'test-key-tagging' }),
    ],
  },
  {
    test: 'TestS3::test_get_bucket_versioning_order',
    steps: [
      createBucket(),
      onBucket('ListObjectVersions', 'list_object_versions_before', { EncodingType: 'url' }),
      { ...versioning('Enabled'), snapshot: 'put_bucket_versioning' },
      onBucket('GetBucketVersioning', 'get_bucket_versioning'),
      put('test', 'body'),
      put('test', 'body'),
      put('test2', 'body'),
      onBucket('ListObjectVersions', 'list_object_versions', { EncodingType: 'url' }),
    ],
  },
];
