// LocalStack's AWS-validated S3-to-SNS notification tests (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_notifications_sns.py, Apache-2.0) reproduced as request sequences: the topic's
// notifications reach a subscribed queue, whose messages are judged against the notifications the tests collected.
import type { SourceFile, SourceStep } from '../../../verifier/port/source-types.ts';
import { allowSend, callerAccount, collect, createQueue, hideTestEvents } from './notification-queues.ts';
import { BUCKET, createBucket, onBucket, put } from './common.ts';

const TOPIC_ARN = '{{topicArn}}';
const MISSING_TOPIC = 'arn:{{partition}}:sns:{{region}}:{{accountId}}:my-topic';
const sns = (op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({ service: 'sns', protocol: 'query', op, params, ...more });

const configure = (TopicConfigurations: unknown[], snapshot?: string, extra: Record<string, unknown> = {}): SourceStep =>
  onBucket('PutBucketNotificationConfiguration', snapshot, { NotificationConfiguration: { TopicConfigurations }, ...extra });

/** `sns_create_topic`, `sqs_create_queue` and `sns_create_sqs_subscription` (the queue lets the topic send to it). */
const topicToQueue: SourceStep[] = [
  sns('CreateTopic', { Name: 'topic-{{suffix}}' }, { capture: { topicArn: '$.TopicArn' } }),
  ...createQueue('queue-{{suffix}}'),
  sns('Subscribe', { TopicArn: TOPIC_ARN, Protocol: 'sqs', Endpoint: '{{queueArn}}' }, { capture: { subscriptionArn: '$.SubscriptionArn' } }),
  allowSend(TOPIC_ARN, 'queue', { Service: 'sns.amazonaws.com' }),
  sns('GetSubscriptionAttributes', { SubscriptionArn: '{{subscriptionArn}}' }),
];

/** `create_sns_bucket_notification`: a topic policy letting anyone publish for the bucket, then the configuration. */
const notifyTopic = (Events: string[]): SourceStep[] => [
  sns('SetTopicAttributes', {
    TopicArn: TOPIC_ARN,
    AttributeName: 'Policy',
    AttributeValue: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: TOPIC_ARN, Condition: { ArnEquals: { 'aws:SourceArn': `arn:{{partition}}:s3:::${BUCKET}` } } }],
    }),
  }),
  configure([{ TopicArn: TOPIC_ARN, Events }]),
  hideTestEvents(),
];

/** The notifications as `sqs_collect_sns_messages` parsed them: the SNS documents, their `Message` decoded. */
const NOTIFICATIONS = { bodyJson: ['Message'] };

const source: SourceFile = {
  service: 's3',
  module: 'test_s3_notifications_sns',
  idPrefix: 'test_notifications_sns-',
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  redactedWords: { 'amz-id': 'any', 'amz-request-id': 'any', sequencer: 'any' },
  scenarios: [
    {
      test: 'TestS3NotificationsToSns::test_object_created_put',
      steps: [
        createBucket(),
        ...topicToQueue,
        ...notifyTopic(['s3:ObjectCreated:*']),
        put('bucket-key', 'first event'),
        put('bucket-key', 'second event'),
        ...collect('receive_messages', 2, NOTIFICATIONS),
      ],
    },
    {
      test: 'TestS3NotificationsToSns::test_bucket_notifications_with_filter',
      note: 'upload_fileobj sends small files as one PutObject',
      steps: [
        createBucket(),
        ...topicToQueue,
        ...notifyTopic(['s3:ObjectCreated:*']),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], TopicArn: TOPIC_ARN, Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'testupload/' }] } } }]),
        hideTestEvents(),
        put('test/dir1/myfile.txt', '{"test": "bucket_notification one"}'),
        put('testupload/dir1/testfile.txt', '{"test": "bucket_notification one"}'),
        ...collect('message', 1, NOTIFICATIONS),
      ],
    },
    {
      test: 'TestS3NotificationsToSns::test_bucket_not_exist',
      steps: [
        callerAccount,
        {
          op: 'PutBucketNotificationConfiguration',
          params: {
            Bucket: 'this-bucket-does-not-exist-{{suffix}}',
            NotificationConfiguration: { TopicConfigurations: [{ Id: 'id123', Events: ['s3:ObjectCreated:*'], TopicArn: MISSING_TOPIC }] },
            SkipDestinationValidation: true,
          },
          snapshot: 'bucket_not_exists',
        },
      ],
    },
    {
      test: 'TestS3NotificationsToSns::test_invalid_topic_arn',
      steps: [
        callerAccount,
        createBucket(),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], TopicArn: 'invalid-topic' }], 'invalid_not_skip', { SkipDestinationValidation: false }),
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], TopicArn: 'invalid-topic' }], 'invalid_skip', { SkipDestinationValidation: true }),
        { ...configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], TopicArn: MISSING_TOPIC }]), fails: true },
        configure([{ Id: 'id123', Events: ['s3:ObjectCreated:*'], TopicArn: MISSING_TOPIC }], undefined, { SkipDestinationValidation: true }),
        onBucket('GetBucketNotificationConfiguration', 'skip_destination_validation'),
      ],
    },
  ],
  notPorted: {},
};

export default source;
