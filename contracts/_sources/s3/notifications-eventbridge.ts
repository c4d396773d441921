// LocalStack's AWS-validated S3-to-EventBridge notification tests (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_notifications_eventbridge.py, Apache-2.0) reproduced as request sequences: a rule on
// the default bus sends the bucket's events to a queue, whose messages are judged against the events the tests kept.
import type { SourceFile, SourceStep } from '../../../verifier/port/source-types.ts';
import { allowSend, collect, createQueue } from './notification-queues.ts';
import { BUCKET, createBucket, objectAclChanges, onBucket, put, versioning, withCapture } from './common.ts';

const events = (op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({ service: 'events', protocol: 'json', op, params, ...more });

const DETAIL_TYPES = [
  'Object Created',
  'Object Deleted',
  'Object Restore Initiated',
  'Object Restore Completed',
  'Object Restore Expired',
  'Object Tags Added',
  'Object Tags Deleted',
  'Object ACL Updated',
  'Object Storage Class Changed',
  'Object Access Tier Changed',
];

/** The `basic_event_bridge_rule_to_sqs_queue` fixture: EventBridge on for the bucket, a rule for its events, a queue as target. */
const ruleToQueue: SourceStep[] = [
  createBucket(),
  onBucket('PutBucketNotificationConfiguration', undefined, { NotificationConfiguration: { EventBridgeConfiguration: {} } }),
  events(
    'PutRule',
    { Name: 'test-rule-{{suffix}}', EventBusName: 'default', EventPattern: JSON.stringify({ source: ['aws.s3'], 'detail-type': DETAIL_TYPES, detail: { bucket: { name: [BUCKET] } } }) },
    { capture: { ruleArn: '$.RuleArn' } },
  ),
  ...createQueue('test-queue-{{suffix}}'),
  allowSend('{{ruleArn}}', 'queue', { Service: 'events.amazonaws.com' }, { ReceiveMessageWaitTimeSeconds: '5' }),
  events('PutTargets', { Rule: 'test-rule-{{suffix}}', Targets: [{ Id: 'test-target-{{suffix}}', Arn: '{{queueArn}}' }] }),
];


const source: SourceFile = {
  service: 's3',
  module: 'test_s3_notifications_eventbridge',
  idPrefix: 'test_notifications_eventbridge-',
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  // jsonpath transformers without reference replacement write these words in place of per-request values.
  redactedWords: { 'object-sequencer': 'any', 'request-id': 'any' },
  scenarios: [
    {
      test: 'TestS3NotificationsToEventBridge::test_object_created_put',
      note: 'the test reads both events after the delete; the contract reads each after the call that sent it',
      steps: [
        ...ruleToQueue,
        put('test-key', 'data'),
        ...collect('object_created', 1, {}),
        onBucket('DeleteObject', undefined, { Key: 'test-key' }),
        ...collect('object_deleted', 1, {}),
      ],
    },
    {
      test: 'TestS3NotificationsToEventBridge::test_object_put_acl',
      note: 'the first PutObjectAcl sets the ACL the object already has (private): AWS sent no event for it',
      steps: [
        ...ruleToQueue,
        onBucket('DeleteBucketOwnershipControls'),
        onBucket('DeletePublicAccessBlock'),
        ...objectAclChanges,
        ...collect('messages', 4, {}),
      ],
    },
    {
      test: 'TestS3NotificationsToEventBridge::test_restore_object',
      note: 'the test polls HeadObject until the expedited restore is done (1-5 minutes on AWS) and drops the Object Created event: the contract takes that event out first, waits five minutes, then polls',
      steps: [
        ...ruleToQueue,
        put('my_key_restore', 'something', undefined, { StorageClass: 'GLACIER' }),
        ...collect(undefined, 1, {}),
        onBucket('RestoreObject', undefined, { Key: 'my_key_restore', RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Expedited' } } }),
        {
          ...onBucket('HeadObject', undefined, { Key: 'my_key_restore' }),
          delaySeconds: 300,
          until: { path: '$.Restore', matches: 'ongoing-request="false"', timeoutSeconds: 120 },
        },
        ...collect('messages', 2, {}),
      ],
    },
    {
      test: 'TestS3NotificationsToEventBridge::test_object_created_put_versioned',
      unreproduced: {
        'message-versioning-active': "the test snapshotted its message list, then emptied and refilled it: AWS's recording of the first four events holds the last two, which message-versioning-suspended judges",
      },
      note: "the test snapshotted its message list, then emptied and refilled it: AWS's recording of the first four events holds the last two, so only those are judged",
      steps: [
        ...ruleToQueue,
        versioning('Enabled'),
        withCapture(put('test-key', 'data', 'obj-ver1'), { version1: '$.VersionId' }),
        put('test-key', 'data-version2', 'obj-ver2'),
        withCapture(onBucket('DeleteObject', 'delete-marker', { Key: 'test-key' }), { marker: '$.VersionId' }),
        onBucket('DeleteObject', 'delete-version', { Key: 'test-key', VersionId: '{{version1}}' }),
        ...collect(undefined, 4, {}),
        versioning('Suspended'),
        put('test-key', 'data-version3', 'add-null-version'),
        onBucket('DeleteObject', 'del-delete-marker', { Key: 'test-key', VersionId: '{{marker}}' }),
        ...collect('message-versioning-suspended', 2, {}),
      ],
    },
    {
      test: 'TestS3NotificationsToEventBridge::test_object_created_put_in_different_region',
      note: 'the first PutObject goes through a client of the secondary region: S3 redirects it to the bucket’s region (a 301 that boto3 follows), so what the bucket got, and the step replays, is the same PutObject signed for the bucket’s region; both events name that region',
      steps: [...ruleToQueue, put('test-key', 'data'), put('test-key', 'data'), ...collect('object-created-different-regions', 2, {})],
      expandedWords: { '<region:1>': '{{region}}' },
    },
  ],
  notPorted: {},
};

export default source;
