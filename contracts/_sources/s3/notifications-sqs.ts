// LocalStack's AWS-validated S3-to-SQS notification tests (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_notifications_sqs.py, Apache-2.0) reproduced as request sequences. The tests snapshot
// the event records they collected from the queue; the contracts judge the received messages against them.
import type { SourceFile, SourceStep } from '../../../verifier/port/source-types.ts';
import { allowSend, callerAccount, collect, createQueue, hideTestEvents } from './notification-queues.ts';
import { BUCKET, completeUpload, createBucket, createUpload, objectAclChanges, onBucket, put, uploadPart, versioning, withCapture } from './common.ts';

const BUCKET_ARN = `arn:{{partition}}:s3:::${BUCKET}`;
const QUEUE_ARN = '{{queueArn}}';
const MISSING_QUEUE = (name: string) => `arn:{{partition}}:sqs:{{region}}:{{accountId}}:${name}`;


const configure = (QueueConfigurations: unknown[], snapshot?: string, extra: Record<string, unknown> = {}): SourceStep =>
  onBucket('PutBucketNotificationConfiguration', snapshot, { NotificationConfiguration: { QueueConfigurations }, ...extra });
const getConfig = (snapshot: string): SourceStep => onBucket('GetBucketNotificationConfiguration', snapshot);

/** `s3_bucket`, `sqs_create_queue` and `s3_create_sqs_bucket_notification(events)`, with the test event set aside. */
const setup = (Events: string[]): SourceStep[] => [
  createBucket(),
  ...createQueue('queue-{{suffix}}'),
  allowSend(BUCKET_ARN),
  configure([{ QueueArn: QUEUE_ARN, Events }]),
  hideTestEvents(),
];

const tag = (op: 'PutObjectTagging' | 'DeleteObjectTagging', Key: string): SourceStep =>
  onBucket(op, undefined, { Key, ...(op === 'PutObjectTagging' ? { Tagging: { TagSet: [{ Key: 'swallow_type', Value: 'african' }] } } : {}) });


/** A queue configuration of the filter tests, with its Id and key filter. */
const filtered = (Id: string, Events: string[], FilterRules?: { Name: string; Value: string }[]) => ({
  Id,
  QueueArn: QUEUE_ARN,
  Events,
  ...(FilterRules ? { Filter: { Key: { FilterRules } } } : {}),
});
const PREFIX_SUFFIX = [
  { Name: 'Prefix', Value: 'testupload/' },
  { Name: 'Suffix', Value: 'testfile.txt' },
];

/** The tests that configure a queue they only read the ARN of (SkipDestinationValidation, no policy). */
const filterRulesScenario = (test: string, FilterRules: { Name: string; Value: string }[]) => ({
  test: `TestS3NotificationsToSQS::${test}`,
  steps: [
    createBucket(),
    ...createQueue('my-queue-{{suffix}}'),
    configure([{ QueueArn: QUEUE_ARN, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules } } }], undefined, { SkipDestinationValidation: true }),
    { ...getConfig('bucket_notification_configuration'), unordered: ['$.QueueConfigurations[0].Filter.Key.FilterRules'] },
  ],
});

/** The second region of test_object_created_put_with_presigned_url_upload (LocalStack's default secondary_region_name). */
const REGION_2 = 'ap-southeast-1';
const BUCKET_2 = 'test-bucket-{{suffix}}';
/** The test's `requests.put` of a SigV4 presigned PutObject URL. */
const presignedPut = (Bucket: string): SourceStep => ({ op: 'PutObject', params: { Bucket, Key: 'key-by-hostname' }, presign: { version: 'v4', body: 'something' } });

const source: SourceFile = {
  service: 's3',
  module: 'test_s3_notifications_sqs',
  // The SNS and EventBridge modules have tests of the same names.
  idPrefix: 'test_notifications_sqs-',
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  // The sqs_api/s3_api transformers write these words in place of per-request values.
  redactedWords: { 'amz-id': 'any', 'amz-request-id': 'any', sequencer: 'any', 'version-id': 'any' },
  scenarios: [
    {
      test: 'TestS3NotificationsToSQS::test_object_created_put',
      steps: [...setup(['s3:ObjectCreated:Put']), put('my_key_0', 'something'), put('my_key_1', 'something else'), ...collect('receive_messages', 2)],
    },
    {
      test: 'TestS3NotificationsToSQS::test_object_created_copy',
      note: 'the test also waits a second to see that PutObject sent no event; the contract judges that only the copy event arrived',
      steps: [
        ...setup(['s3:ObjectCreated:Copy']),
        put('src-dest-{{suffix}}', 'something'),
        onBucket('CopyObject', undefined, { Key: 'key-dest-{{suffix}}', CopySource: `${BUCKET}/src-dest-{{suffix}}` }),
        ...collect('receive_messages', 1),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_object_created_and_object_removed',
      steps: [
        ...setup(['s3:ObjectCreated:*', 's3:ObjectRemoved:*']),
        put('src-dest-{{suffix}}', 'something'),
        onBucket('CopyObject', undefined, { Key: 'key-dest-{{suffix}}', CopySource: `${BUCKET}/src-dest-{{suffix}}` }),
        onBucket('DeleteObject', undefined, { Key: 'src-dest-{{suffix}}' }),
        ...collect('receive_messages', 3),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_delete_objects',
      steps: [
        ...setup(['s3:ObjectRemoved:*']),
        put('key-{{suffix}}', 'something'),
        onBucket('DeleteObjects', undefined, { Delete: { Objects: [{ Key: 'key-{{suffix}}' }, { Key: 'dummy1' }, { Key: 'dummy2' }], Quiet: true } }),
        ...collect('receive_messages', 3),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_object_created_complete_multipart_upload',
      note: "boto3's upload_file with a 5 KiB threshold and 1 KiB chunks: the chunk size is raised to S3's 5 MiB minimum, so the 6 KiB file goes up as one part",
      steps: [
        ...setup(['s3:ObjectCreated:*']),
        createUpload('test-key'),
        uploadPart('test-key', '1'.repeat(6 * 1024)),
        completeUpload('test-key'),
        ...collect('receive_messages', 1),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_key_encoding',
      steps: [...setup(['s3:ObjectCreated:*']), put('a@b', 'something'), ...collect('receive_messages', 1)],
    },
    {
      test: 'TestS3NotificationsToSQS::test_object_tagging_put_event',
      steps: [...setup(['s3:ObjectTagging:Put']), put('key-dest-{{suffix}}', 'FooBarBlitz'), tag('PutObjectTagging', 'key-dest-{{suffix}}'), ...collect('receive_messages', 1)],
    },
    {
      test: 'TestS3NotificationsToSQS::test_object_tagging_delete_event',
      steps: [
        ...setup(['s3:ObjectTagging:Delete']),
        put('key-dest-{{suffix}}', 'FooBarBlitz'),
        tag('PutObjectTagging', 'key-dest-{{suffix}}'),
        tag('DeleteObjectTagging', 'key-dest-{{suffix}}'),
        ...collect('receive_messages', 1),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_notifications_with_filter',
      note: 'upload_fileobj sends small files as one PutObject',
      steps: [
        createBucket(),
        ...createQueue('queue-{{suffix}}'),
        allowSend(BUCKET_ARN),
        configure([filtered('id0001', ['s3:ObjectCreated:*', 's3:ObjectRemoved:Delete'], PREFIX_SUFFIX), filtered('id0002', ['s3:ObjectTagging:*'], PREFIX_SUFFIX)]),
        hideTestEvents(),
        getConfig('config'),
        put('/testdata', '{"test": "bucket_notification1"}'),
        put('testupload/dir1/testfile.txt', '{"test": "bucket_notification2"}'),
        ...collect('message', 1),
        onBucket('PutBucketNotificationConfiguration', undefined, { NotificationConfiguration: {} }),
        getConfig('config_empty'),
        configure([filtered('id123456', ['s3:ObjectCreated:*'])]),
        getConfig('config_updated'),
        configure([filtered('id123456', ['s3:ObjectCreated:*'], [{ Name: 'Prefix', Value: 'testupload/' }])]),
        getConfig('config_updated_filter'),
      ],
    },
    filterRulesScenario('test_filter_rules_case_insensitive', [
      { Name: 'suffix', Value: '.txt' },
      { Name: 'PREFIX', Value: 'notif-' },
    ]),
    filterRulesScenario('test_filter_rules_empty_value', [{ Name: 'suffix', Value: '' }]),
    {
      test: 'TestS3NotificationsToSQS::test_invalid_sqs_arn',
      steps: [
        callerAccount,
        createBucket(),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], QueueArn: 'invalid-queue' }], 'invalid_not_skip', { SkipDestinationValidation: false }),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], QueueArn: 'invalid-queue' }], 'invalid_skip', { SkipDestinationValidation: true }),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], QueueArn: MISSING_QUEUE('my-queue') }], 'queue-does-not-exist'),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], QueueArn: MISSING_QUEUE('my-queue') }], undefined, { SkipDestinationValidation: true }),
        getConfig('skip_destination_validation'),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_multiple_invalid_sqs_arns',
      steps: [
        callerAccount,
        createBucket(),
        configure(
          [
            { Id: 'id1', Events: ['s3:ObjectCreated:*'], QueueArn: 'invalid_arn' },
            { Id: 'id2', Events: ['s3:ObjectRemoved:*'], QueueArn: 'invalid_arn_2' },
          ],
          'two-queue-arns-invalid',
        ),
        configure(
          [
            { Id: 'id1', Events: ['s3:ObjectCreated:*'], QueueArn: MISSING_QUEUE('my-queue') },
            { Id: 'id2', Events: ['s3:ObjectRemoved:*'], QueueArn: 'invalid_arn_2' },
          ],
          'one-queue-invalid-one-not-existent',
        ),
        configure(
          [
            { Id: 'id1', Events: ['s3:ObjectCreated:*'], QueueArn: MISSING_QUEUE('my-queue') },
            { Id: 'id2', Events: ['s3:ObjectRemoved:*'], QueueArn: MISSING_QUEUE('my-queue-2') },
          ],
          'multiple-queues-do-not-exist',
        ),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_object_put_acl',
      note: 'the first PutObjectAcl sets the ACL the object already has (private): AWS sent no event for it',
      steps: [
        createBucket(),
        onBucket('DeleteBucketOwnershipControls'),
        onBucket('DeletePublicAccessBlock'),
        ...setup(['s3:ObjectAcl:Put']).slice(1),
        ...objectAclChanges,
        ...collect('receive_messages', 3),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_restore_object',
      note: 'the test polls HeadObject until the expedited restore is done (1-5 minutes on AWS): the contract waits five minutes, then polls',
      steps: [
        ...setup(['s3:ObjectRestore:*']),
        put('my_key_restore', 'something', undefined, { StorageClass: 'GLACIER' }),
        onBucket('RestoreObject', undefined, { Key: 'my_key_restore', RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Expedited' } } }),
        {
          ...onBucket('HeadObject', undefined, { Key: 'my_key_restore' }),
          delaySeconds: 300,
          until: { path: '$.Restore', matches: 'ongoing-request="false"', timeoutSeconds: 120 },
        },
        ...collect('receive_messages', 2),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_object_created_put_versioned',
      steps: [
        ...setup(['s3:ObjectCreated:*', 's3:ObjectRemoved:*']),
        versioning('Enabled'),
        withCapture(put('test-key', 'data', 'obj-ver1'), { version1: '$.VersionId' }),
        put('test-key', 'data-version2', 'obj-ver2'),
        withCapture(onBucket('DeleteObject', 'delete-marker', { Key: 'test-key' }), { marker: '$.VersionId' }),
        onBucket('DeleteObject', 'delete-version', { Key: 'test-key', VersionId: '{{version1}}' }),
        ...collect('message-versioning-active', 4),
        versioning('Suspended'),
        put('test-key', 'data-version3', 'add-null-version'),
        onBucket('DeleteObject', 'del-delete-marker', { Key: 'test-key', VersionId: '{{marker}}' }),
        ...collect('message-versioning-suspended', 2),
      ],
    },
    {
      test: 'TestS3NotificationsToSQS::test_object_created_put_with_presigned_url_upload',
      note: 'the second region is LocalStack’s default secondary_region_name; its bucket, queue and presigned URL come from clients of that region',
      steps: [
        ...setup(['s3:ObjectCreated:*']),
        presignedPut(BUCKET),
        ...collect('receive_messages', 1),
        ...[
          { op: 'CreateBucket', params: { Bucket: BUCKET_2, CreateBucketConfiguration: { LocationConstraint: REGION_2 } } },
          ...createQueue('queue-2-{{suffix}}', 'queue2'),
          allowSend(`arn:{{partition}}:s3:::${BUCKET_2}`, 'queue2'),
          { op: 'PutBucketNotificationConfiguration', params: { Bucket: BUCKET_2, NotificationConfiguration: { QueueConfigurations: [{ QueueArn: '{{queue2Arn}}', Events: ['s3:ObjectCreated:*'] }] } } },
          hideTestEvents('queue2'),
          presignedPut(BUCKET_2),
          ...collect('receive_messages_region_2', 1, { records: true }, 'queue2'),
        ].map((step): SourceStep => ({ ...step, region: REGION_2 })),
      ],
      expandedWords: { '<aws-region:1>': '{{region}}', '<aws-region:2>': REGION_2 },
    },
  ],
  notPorted: {
    test_xray_header: 'sends an X-Amzn-Trace-Id header that botocore does not serialize (a boto event hook adds it); a contract step sends only what the SDK serializes',
  },
};

export default source;
