// Multipart copy, bucket configuration errors and notification validation tests of LocalStack's AWS-validated suite
// (github.com/localstack/localstack, tests/aws/services/s3/test_s3_api.py, Apache-2.0) reproduced as request
// sequences. "now ± 1 day" in the copy conditions are fixed dates on the same side of the object's write time.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, createBucket, createUpload, onBucket, put, versioning, withCapture } from './common.ts';

const PAST = '2020-01-01T00:00:00Z';
const FUTURE = '2099-01-01T00:00:00Z';
const SOURCE = 'source_file.txt';
const DEST = 'destination_file.txt';
const partCopy = (Key: string, snapshot: string | undefined, extra: Record<string, unknown>, source = SOURCE): SourceStep =>
  onBucket('UploadPartCopy', snapshot, { Key, UploadId: '{{uploadId}}', PartNumber: 1, CopySource: `${BUCKET}/${source}`, ...extra });
/** AWS stopped sending owners' DisplayName since the recording (the test skips it too). */
const listParts = (Key: string, snapshot = 'list-parts'): SourceStep => ({
  ...onBucket('ListParts', snapshot, { Key, UploadId: '{{uploadId}}' }),
  ignore: ['$.Initiator.DisplayName', '$.Owner.DisplayName'],
});

/** A part copied from a fresh source object under a copy condition (and the parts listed when it succeeds). */
function conditionalPartCopy(test: string, snapshot: string, condition: Record<string, unknown>, succeeds: boolean, setup: SourceStep[] = []): SourceScenario {
  return {
    test: `TestS3Multipart::${test}`,
    steps: [
      createBucket(),
      withCapture(put(SOURCE, '0123456789'), { etag: '$.ETag' }),
      ...setup,
      createUpload(DEST),
      partCopy(DEST, snapshot, condition),
      ...(succeeds ? [listParts(DEST)] : []),
    ],
  };
}

const RANGES = ['0-8', '1-1', '0-0'];
const WRONG_RANGES = ['1-0', '-1-', '0--1', '0-1,3-4,7-9', '-', '-0', '0-100', '100-200', '1-', '-2', '-15'];
const ownership = (snapshot: string, Rules: unknown) => onBucket('PutBucketOwnershipControls', snapshot, { OwnershipControls: { Rules } });
const accelerate = (snapshot: string, Status: string, Bucket = BUCKET) => ({ op: 'PutBucketAccelerateConfiguration', params: { Bucket, AccelerateConfiguration: { Status } }, snapshot });
const METRIC_IDS = Array.from({ length: 102 }, (_, i) => `${100 + i}-{{suffix}}`);

/** The `sqs_create_queue` fixture and the queue's ARN. */
const queue: SourceStep[] = [
  { service: 'sqs', op: 'CreateQueue', params: { QueueName: 'q-{{suffix}}' }, protocol: 'json', capture: { queueUrl: '$.QueueUrl' } },
  { service: 'sqs', op: 'GetQueueAttributes', params: { QueueUrl: '{{queueUrl}}', AttributeNames: ['QueueArn'] }, protocol: 'json', capture: { queueArn: '$.Attributes.QueueArn' } },
];
const notifyWithRule = (snapshot: string, rule: Record<string, string>) =>
  onBucket('PutBucketNotificationConfiguration', snapshot, {
    NotificationConfiguration: { QueueConfigurations: [{ QueueArn: '{{queueArn}}', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [rule] } } }] },
  });

export const apiMiscScenarios: SourceScenario[] = [
  {
    test: 'TestS3Multipart::test_upload_part_copy_range',
    steps: [
      createBucket(),
      put('src-key', '0123456789', 'put-src-object'),
      createUpload('test-upload-part-copy', 'create-multipart'),
      ...RANGES.map((range, i) => ({ ...partCopy('test-upload-part-copy', `upload-part-copy-${i + 1}`, { CopySourceRange: `bytes=${range}`, PartNumber: i + 1 }, 'src-key') })),
      listParts('test-upload-part-copy'),
      partCopy('test-upload-part-copy', 'upload-part-copy-wrong-format', { CopySourceRange: '0-8' }, 'src-key'),
      ...WRONG_RANGES.map((range) => partCopy('test-upload-part-copy', `upload-part-copy-range-exc-${range}`, { CopySourceRange: `bytes=${range}` }, 'src-key')),
    ],
  },
  {
    test: 'TestS3Multipart::test_upload_part_copy_no_copy_source_range',
    steps: [
      createBucket(),
      put('src-key', '0123456789', 'put-src-object'),
      createUpload('test-upload-part-copy', 'create-multipart'),
      partCopy('test-upload-part-copy', 'upload-part-copy', {}, 'src-key'),
      listParts('test-upload-part-copy'),
    ],
  },
  conditionalPartCopy('test_upload_part_copy_with_copy_source_if_match_success', 'upload-part-copy-if-match', { CopySourceIfMatch: '{{etag}}' }, true),
  conditionalPartCopy('test_upload_part_copy_with_copy_source_if_match_none_success', 'upload-part-copy-if-none-match', { CopySourceIfNoneMatch: 'none-match' }, true),
  conditionalPartCopy('test_upload_part_copy_with_copy_source_if_unmodified_since_success', 'upload-part-copy-if-unmodified-since', { CopySourceIfUnmodifiedSince: FUTURE }, true),
  conditionalPartCopy('test_upload_part_copy_with_copy_source_if_modified_since_success', 'upload-part-copy-if-modified-since', { CopySourceIfModifiedSince: PAST }, true),
  conditionalPartCopy('test_upload_part_copy_with_copy_source_if_modified_since_in_future_success', 'upload-part-copy-if-modified-since-in-future', { CopySourceIfModifiedSince: FUTURE }, true),
  conditionalPartCopy('test_upload_part_copy_with_copy_source_if_match_failed', 'upload-part-copy-source-if-match', { CopySourceIfMatch: 'not-matching' }, false),
  conditionalPartCopy('test_upload_part_copy_with_copy_source_if_none_match_failed', 'upload-part-copy-source-if-none-match', { CopySourceIfNoneMatch: '{{etag}}' }, false),
  conditionalPartCopy('test_upload_part_copy_with_copy_source_if_unmodified_since_match_failed', 'upload-part-copy-source-unmodified-since-match', { CopySourceIfUnmodifiedSince: PAST }, false),
  conditionalPartCopy(
    'test_upload_part_copy_with_copy_source_if_match_and_if_unmodified_since_match',
    'upload-part-copy',
    { CopySourceIfMatch: '{{etag}}', CopySourceIfUnmodifiedSince: PAST },
    true,
  ),
  conditionalPartCopy(
    'test_upload_part_copy_with_copy_source_if_none_match_and_if_unmodified_since_match_failed',
    'upload-part-copy-source-unmodified-since-and-if-none-match',
    { CopySourceIfNoneMatch: 'not-matching', CopySourceIfUnmodifiedSince: PAST },
    false,
  ),
  // "now" after the write: the source's own Last-Modified, read by a HEAD the test does not make.
  conditionalPartCopy('test_upload_part_copy_with_if_modified_since_failed', 'upload-part-copy-source-modified-since-match', { CopySourceIfModifiedSince: '{{lastModified}}' }, false, [
    withCapture(onBucket('HeadObject', undefined, { Key: SOURCE }), { lastModified: 'header:last-modified' }),
  ]),
  {
    test: 'TestS3BucketVersioning::test_object_version_id_format',
    steps: [createBucket(), versioning('Enabled'), onBucket('PutObject', 'put-object', { Key: 'test-version-id' })],
  },
  {
    test: 'TestS3BucketOwnershipControls::test_bucket_ownership_controls_exc',
    steps: [
      createBucket(),
      onBucket('GetBucketOwnershipControls', 'default-ownership'),
      ownership('put-ownership-multiple-rules', [{ ObjectOwnership: 'BucketOwnerPreferred' }, { ObjectOwnership: 'ObjectWriter' }]),
      ownership('put-ownership-wrong-value', [{ ObjectOwnership: 'RandomValue' }]),
      ownership('put-ownership-empty-rule', []),
      { ...createBucket('bucket2-{{suffix}}', { ObjectOwnership: 'RandomValue' }), snapshot: 'ownership-wrong-value-at-creation' },
      { ...createBucket('bucket3-{{suffix}}', { ObjectOwnership: '' }), snapshot: 'ownership-non-value-at-creation' },
    ],
  },
  {
    test: 'TestS3BucketAccelerateConfiguration::test_bucket_acceleration_configuration_exc',
    steps: [
      createBucket(),
      accelerate('put-bucket-accelerate-config-lowercase', 'enabled'),
      accelerate('put-bucket-accelerate-config-random', 'random'),
      createBucket('test.bucket.{{suffix}}'),
      accelerate('put-bucket-accelerate-config-dot-bucket', 'random', 'test.bucket.{{suffix}}'),
    ],
  },
  {
    test: 'TestS3MetricsConfiguration::test_list_bucket_metrics_configurations_paginated',
    steps: [
      createBucket(),
      ...METRIC_IDS.map((Id) => onBucket('PutBucketMetricsConfiguration', undefined, { Id, MetricsConfiguration: { Id, Filter: { Prefix: 'logs/prefix' } } })),
      withCapture(onBucket('ListBucketMetricsConfigurations'), { token: '$.NextContinuationToken' }),
      onBucket('ListBucketMetricsConfigurations', 'list_bucket_metrics_configurations_page_2', { ContinuationToken: '{{token}}' }),
    ],
  },
  {
    test: 'TestS3BucketNotificationConfiguration::test_bucket_notification_with_missing_values_in_rule',
    steps: [
      createBucket(),
      ...queue,
      notifyWithRule('invalid-rule-no-values', {}),
      notifyWithRule('invalid-rule-no-value', { Name: 'prefix' }),
      notifyWithRule('invalid-rule-no-name', { Value: 'test' }),
    ],
  },
  {
    test: 'TestS3BucketNotificationConfiguration::test_bucket_notification_with_invalid_filter_rules',
    steps: [createBucket(), ...queue, notifyWithRule('invalid_filter_name', { Name: 'INVALID', Value: 'does not matter' })],
  },
];
