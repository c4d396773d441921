// LocalStack's AWS-validated SNS tests (github.com/localstack/localstack, tests/aws/services/sns/test_sns.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

const topicArn = '{{topicArn}}';
/** The tests ran as an IAM user; replays run as the account root, whose ARN is no IAM user's. */
const PRINCIPAL = '$.Attributes.SubscriptionPrincipal';

/** LocalStack's `sns_create_topic` fixture. */
const createTopic = (params: Record<string, unknown> = {}, capture = 'topicArn', snapshot?: string): SourceStep => ({
  op: 'CreateTopic',
  params: { Name: 'topic-{{suffix}}', ...params },
  capture: { [capture]: '$.TopicArn', account: { from: '$.TopicArn', regex: ':(\\d{12}):' } },
  ...(snapshot ? { snapshot } : {}),
});
/** `sqs_create_queue` (through the JSON client) and the queue's ARN, as `sqs_get_queue_arn` reads it. */
const createQueue = (name = 'queue-{{suffix}}', attributes: Record<string, string> = {}, capture = 'queueArn'): SourceStep[] => [
  { service: 'sqs', protocol: 'json', op: 'CreateQueue', params: { QueueName: name, Attributes: attributes }, capture: { [`${capture}Url`]: '$.QueueUrl' } },
  {
    service: 'sqs',
    protocol: 'json',
    op: 'GetQueueAttributes',
    params: { QueueUrl: `{{${capture}Url}}`, AttributeNames: ['QueueArn'] },
    capture: { [capture]: '$.Attributes.QueueArn' },
  },
];
/** Subscribes the queue; `fails` when the recorded answer is an error (nothing to capture then). */
const subscribeQueue = (more: Record<string, unknown> = {}, snapshot?: string, queue = '{{queueArn}}', fails = false): SourceStep => ({
  op: 'Subscribe',
  params: { TopicArn: topicArn, Protocol: 'sqs', Endpoint: queue, ReturnSubscriptionArn: true, ...more },
  ...(fails ? {} : { capture: { subscriptionArn: '$.SubscriptionArn' } }),
  ...(snapshot ? { snapshot } : {}),
});
const publish = (params: Record<string, unknown>, snapshot?: string): SourceStep => ({
  op: 'Publish',
  params: { TopicArn: topicArn, ...params },
  ...(snapshot ? { snapshot } : {}),
});
const setSubAttribute = (AttributeName: string, AttributeValue: string, snapshot?: string): SourceStep => ({
  op: 'SetSubscriptionAttributes',
  params: { SubscriptionArn: '{{subscriptionArn}}', AttributeName, AttributeValue },
  ...(snapshot ? { snapshot } : {}),
});
/**
 * LocalStack's `sns_create_sqs_subscription` fixture: Subscribe, a queue policy that lets the topic send (as AWS
 * requires), and the subscription's attributes (what the fixture returns; `snapshot` when the test recorded them).
 */
/** `sns_allow_topic_sqs_queue`: a queue policy that lets the topic send to the queue. */
const allowTopic = (queueUrl: string, queueArn: string): SourceStep => ({
  service: 'sqs',
  protocol: 'json',
  op: 'SetQueueAttributes',
  params: {
    QueueUrl: queueUrl,
    Attributes: {
      Policy: JSON.stringify({
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: queueArn,
            Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
          },
        ],
      }),
    },
  },
});
const sqsSubscription = (attributes?: Record<string, string>, snapshot?: string): SourceStep[] => [
  {
    op: 'Subscribe',
    params: { TopicArn: topicArn, Protocol: 'sqs', Endpoint: '{{queueArn}}', ...(attributes ? { Attributes: attributes } : {}) },
    capture: { subscriptionArn: '$.SubscriptionArn' },
  },
  allowTopic('{{queueArnUrl}}', '{{queueArn}}'),
  {
    op: 'GetSubscriptionAttributes',
    params: { SubscriptionArn: '{{subscriptionArn}}' },
    ...(snapshot ? { snapshot, ignore: [PRINCIPAL] } : {}),
  },
];
/** What a subscribed queue received (long polling, as the tests do); the notification body is JSON in a string. */
const receive = (snapshot: string, params: Record<string, unknown> = {}, more: Partial<SourceStep> = {}): SourceStep => ({
  service: 'sqs',
  protocol: 'json',
  op: 'ReceiveMessage',
  params: { QueueUrl: '{{queueArnUrl}}', WaitTimeSeconds: 4, ...params },
  snapshot,
  capture: { handle: '$.Messages[0].ReceiptHandle' },
  ...more,
});
const deleteReceived: SourceStep = { service: 'sqs', protocol: 'json', op: 'DeleteMessage', params: { QueueUrl: '{{queueArnUrl}}', ReceiptHandle: '{{handle}}' } };
const BODY = ['$.Messages[0].Body'];

const TOKEN =
  '51b2ff3edb475b7d91550e0ab6edf0c1de2a34e6ebaf6c2262a001bcb7e051c43aa00022ceecce70bd2a67b2042da8d8eb47fef7a4e4e942d23e7fa56146b9ee35da040b4b8af564cc4184a7391c834cb75d75c22981f776ad1ce8805e9bab29da2329985337bb8095627907b46c8577c8440556b6f86582a954758026f41fc62041c4b3f67b0f5921232b5dae5aaca1';
const adm = { PlatformPrincipal: 'dummy', PlatformCredential: 'dummy' };

const source: SourceFile = {
  service: 'sns',
  module: 'test_sns',
  snapshotDir: 'sns',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'TestSNSTopicCrud::test_create_topic_with_attributes',
      steps: [
        createTopic({ Name: 'topictest-{{suffix}}.fifo', Attributes: { DisplayName: 'TestTopic', SignatureVersion: '2', FifoTopic: 'true' } }),
        { op: 'GetTopicAttributes', params: { TopicArn: topicArn }, snapshot: 'get-topic-attrs', jsonStrings: ['$.Attributes.Policy', '$.Attributes.EffectiveDeliveryPolicy'] },
        { op: 'GetTopicAttributes', params: { TopicArn: 'arn:{{partition}}:sns:{{region}}:{{account}}:topictest-{{suffix}}' }, snapshot: 'get-attrs-nonexistent-topic' },
        { op: 'GetTopicAttributes', params: { TopicArn: 'test-topic' }, snapshot: 'get-attrs-malformed-topic' },
      ],
    },
    {
      test: 'TestSNSTopicCrud::test_tags',
      steps: [
        createTopic(),
        {
          op: 'TagResource',
          params: { ResourceArn: topicArn, Tags: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: 'v2' }, { Key: 'k2', Value: 'v2' }] },
          snapshot: 'duplicate-key-error',
        },
        { op: 'TagResource', params: { ResourceArn: topicArn, Tags: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: 'v2' }] } },
        { op: 'ListTagsForResource', params: { ResourceArn: topicArn }, snapshot: 'list-created-tags', unordered: ['$.Tags'] },
        { op: 'UntagResource', params: { ResourceArn: topicArn, TagKeys: ['k1'] } },
        { op: 'ListTagsForResource', params: { ResourceArn: topicArn }, snapshot: 'list-after-delete-tags' },
        { op: 'TagResource', params: { ResourceArn: topicArn, Tags: [{ Key: 'k2', Value: 'v2b' }] } },
        { op: 'ListTagsForResource', params: { ResourceArn: topicArn }, snapshot: 'list-after-update-tags' },
      ],
    },
    {
      test: 'TestSNSTopicCrud::test_create_topic_test_arn',
      steps: [
        createTopic({ Name: 'topic-test-create-{{suffix}}' }, 'topicArn', 'create-topic'),
        { op: 'GetTopicAttributes', params: { TopicArn: topicArn }, snapshot: 'get-topic-attrs', jsonStrings: ['$.Attributes.Policy', '$.Attributes.EffectiveDeliveryPolicy'] },
        { op: 'DeleteTopic', params: { TopicArn: topicArn }, snapshot: 'delete-topic' },
        { op: 'GetTopicAttributes', params: { TopicArn: topicArn }, snapshot: 'topic-not-exists' },
      ],
    },
    {
      test: 'TestSNSTopicCrud::test_create_duplicate_topic_with_more_tags',
      steps: [
        createTopic({ Name: 'test-duplicated-topic-more-tags-{{suffix}}' }),
        { op: 'CreateTopic', params: { Name: 'test-duplicated-topic-more-tags-{{suffix}}', Tags: [{ Key: 'key1', Value: 'value1' }] }, snapshot: 'exception-duplicate' },
      ],
    },
    {
      test: 'TestSNSTopicCrud::test_create_duplicate_topic_check_idempotency',
      steps: [
        createTopic({ Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }, 'topicArn', 'response-created'),
        createTopic({ Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }, 'same0', 'response-same-arn-0'),
        createTopic({ Tags: [{ Key: 'a', Value: '1' }] }, 'same1', 'response-same-arn-1'),
        createTopic({ Tags: [] }, 'same2', 'response-same-arn-2'),
      ],
    },
    {
      test: 'TestSNSTopicCrud::test_create_topic_after_delete_with_new_tags',
      steps: [
        createTopic({ Tags: [{ Key: 'Name', Value: 'pqr' }] }, 'topicArn', 'topic-0'),
        { op: 'DeleteTopic', params: { TopicArn: topicArn } },
        createTopic({ Tags: [{ Key: 'Name', Value: 'abc' }] }, 'topicArn', 'topic-1'),
      ],
    },
    {
      test: 'TestSNSTopicCrud::test_tags_removed_after_deletion',
      steps: [
        createTopic(),
        { op: 'TagResource', params: { ResourceArn: topicArn, Tags: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: 'v2' }] } },
        { op: 'ListTagsForResource', params: { ResourceArn: topicArn }, snapshot: 'list-created-tags', unordered: ['$.Tags'] },
        { op: 'DeleteTopic', params: { TopicArn: topicArn } },
        createTopic(),
        { op: 'ListTagsForResource', params: { ResourceArn: topicArn }, snapshot: 'list-empty-tags' },
      ],
    },
    {
      test: 'TestSNSTopicCrudV2::test_create_topic_different_attrs',
      steps: [
        createTopic({ Name: 'test-idempotent-{{suffix}}', Attributes: { DisplayName: 'Value1' } }, 'topicArn', 'create-topic'),
        createTopic({ Name: 'test-idempotent-{{suffix}}' }, 'same', 'create-topic-no-attrs'),
        { op: 'GetTopicAttributes', params: { TopicArn: topicArn }, snapshot: 'topic-attrs', jsonStrings: ['$.Attributes.Policy', '$.Attributes.EffectiveDeliveryPolicy'] },
        createTopic({ Name: 'test-idempotent-{{suffix}}', Attributes: { DisplayName: 'Value1' } }, 'same'),
        createTopic({ Name: 'test-idempotent-{{suffix}}', Attributes: { FifoTopic: 'false' } }, 'same'),
        { op: 'CreateTopic', params: { Name: 'test-idempotent-{{suffix}}', Attributes: { DisplayName: 'Value2' } }, snapshot: 'create-topic-diff-attrs' },
        { op: 'CreateTopic', params: { Name: 'test-idempotent-{{suffix}}', Attributes: { FifoTopic: 'true' } }, snapshot: 'create-topic-new-attrs-fifo' },
        { op: 'CreateTopic', params: { Name: 'test-idempotent-{{suffix}}', Attributes: { SignatureVersion: '2' } }, snapshot: 'create-topic-new-attrs' },
        {
          op: 'CreateTopic',
          params: { Name: 'test-idempotent-{{suffix}}', Attributes: { SignatureVersion: '2', DisplayName: 'Value1' } },
          snapshot: 'create-topic-new-and-same-attrs',
        },
      ],
    },
    {
      test: 'TestSNSTopicCrudV2::test_add_permission_errors',
      steps: [
        createTopic(),
        { op: 'AddPermission', params: { TopicArn: topicArn, Label: 'test', AWSAccountId: ['{{account}}'], ActionName: ['Publish'] } },
        { op: 'AddPermission', params: { TopicArn: topicArn, Label: 'test', AWSAccountId: ['{{account}}'], ActionName: ['AddPermission'] }, snapshot: 'duplicate-label' },
        {
          op: 'AddPermission',
          params: { TopicArn: `${topicArn}-not-existing`, Label: 'test-2', AWSAccountId: ['{{account}}'], ActionName: ['AddPermission'] },
          snapshot: 'topic-not-found',
        },
        { op: 'AddPermission', params: { TopicArn: topicArn, Label: 'test-2', AWSAccountId: ['{{account}}'], ActionName: ['InvalidAction'] }, snapshot: 'invalid-action' },
      ],
    },
    {
      test: 'TestSNSTopicCrudV2::test_remove_permission_errors',
      steps: [
        createTopic(),
        { op: 'AddPermission', params: { TopicArn: topicArn, Label: 'test', AWSAccountId: ['{{account}}'], ActionName: ['Publish'] } },
        { op: 'RemovePermission', params: { TopicArn: `${topicArn}-not-existing`, Label: 'test' }, snapshot: 'topic-not-found' },
      ],
    },
    {
      test: 'TestSNSTopicCrudV2::test_data_protection_policy_crud',
      steps: [
        createTopic(),
        {
          op: 'PutDataProtectionPolicy',
          params: {
            ResourceArn: topicArn,
            DataProtectionPolicy: JSON.stringify({
              Name: 'data_protection_policy',
              Description: 'Test Policy',
              Version: '2021-06-01',
              Statement: [
                {
                  Sid: 'test-statement',
                  DataDirection: 'Inbound',
                  Principal: ['*'],
                  DataIdentifier: ['arn:aws:dataprotection:{{region}}::data-identifier/EmailAddress'],
                  Operation: { Deny: {} },
                },
              ],
            }),
          },
          snapshot: 'put-data-protection-policy',
        },
        { op: 'GetDataProtectionPolicy', params: { ResourceArn: topicArn }, snapshot: 'get-data-protection-policy', jsonStrings: ['$.DataProtectionPolicy'] },
        {
          op: 'GetTopicAttributes',
          params: { TopicArn: topicArn },
          snapshot: 'get-topic-attributes-after-policy',
          jsonStrings: ['$.Attributes.Policy', '$.Attributes.EffectiveDeliveryPolicy'],
        },
      ],
    },
    {
      test: 'TestSNSPublishCrud::test_publish_wrong_arn_format',
      steps: [
        { op: 'Publish', params: { Message: 'Good news everyone!', TopicArn: 'randomstring' }, snapshot: 'invalid-topic-arn' },
        { op: 'Publish', params: { Message: 'Good news everyone!', TopicArn: 'randomstring:1' }, snapshot: 'invalid-topic-arn-1' },
        { op: 'Publish', params: { Message: 'Good news everyone!', TopicArn: '' }, snapshot: 'empty-topic' },
      ],
    },
    {
      test: 'TestSNSPublishCrud::test_unknown_topic_publish',
      steps: [
        createTopic(),
        publish({ Message: 'This is a test message' }, 'success'),
        publish({ TopicArn: `${topicArn}-fake`, Message: 'This is a test message' }, 'error'),
      ],
    },
    {
      test: 'TestSNSPublishCrud::test_publish_non_existent_target',
      steps: [
        createTopic(),
        {
          op: 'Publish',
          params: {
            TargetArn: 'arn:{{partition}}:sns:us-east-1:{{account}}:endpoint/APNS/abcdef/0f7d5971-aa8b-4bd5-b585-0826e9f93a66',
            Message: 'This is a push notification',
          },
          snapshot: 'non-existent-endpoint',
        },
      ],
    },
    {
      test: 'TestSNSPublishCrud::test_publish_with_empty_subject',
      steps: [
        createTopic(),
        publish({ Message: '{"message": "test_publish"}' }, 'response-without-subject'),
        publish({ Subject: '', Message: '{"message": "test_publish"}' }, 'response-with-empty-subject'),
      ],
    },
    {
      test: 'TestSNSPublishCrud::test_message_structure_json_exc',
      steps: [
        createTopic(),
        publish({ Message: '{"sqs": "Test message"}', MessageStructure: 'json' }, 'missing-default-key'),
        publish({ Message: '{"default": "This is a default message"} }', MessageStructure: 'json' }, 'invalid-json'),
        publish({ Message: '{"default": "This is a default message", "default": "Duplicate"}', MessageStructure: 'json' }, 'duplicate-json-keys'),
        publish({ Message: '{"default": {"object": "test"}}', MessageStructure: 'json' }, 'key-is-not-string'),
      ],
    },
    {
      test: 'TestSNSPublishCrud::test_publish_batch_invalid_entry_id',
      note: 'the last two calls (valid ids of 80 characters and with hyphens and underscores) as the test makes them',
      steps: [
        createTopic(),
        ...(
          [
            ['message.id', 'invalid-char-dot'],
            ['msg@123#test', 'invalid-char-special'],
            ['a'.repeat(81), 'id-too-long-81'],
            ['myreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallylongid', 'id-too-long-91'],
          ] as const
        ).map(([Id, snapshot]) => ({ op: 'PublishBatch', params: { TopicArn: topicArn, PublishBatchRequestEntries: [{ Id, Message: 'test message' }] }, snapshot })),
      ],
    },
    {
      test: 'TestSNSSubscriptionCrud::test_subscribe_with_invalid_protocol',
      steps: [
        createTopic(),
        { op: 'Subscribe', params: { TopicArn: topicArn, Protocol: 'test-protocol', Endpoint: 'localstack@yopmail.com' }, snapshot: 'exception' },
      ],
    },
    {
      test: 'TestSNSSubscriptionCrud::test_unsubscribe_from_non_existing_subscription',
      steps: [
        createTopic(),
        ...createQueue(),
        subscribeQueue(),
        { op: 'Unsubscribe', params: { SubscriptionArn: '{{subscriptionArn}}' } },
        { op: 'Unsubscribe', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'empty-unsubscribe' },
      ],
    },
    {
      test: 'TestSNSSubscriptionCrud::test_create_subscriptions_with_attributes',
      steps: [
        createTopic(),
        ...createQueue(),
        subscribeQueue({ Attributes: { RawMessageDelivery: 'wrongvalue' } }, 'subscribe-wrong-attr', undefined, true),
        subscribeQueue({ Attributes: { RawMessageDelivery: 'true' } }, 'subscribe'),
        { op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'get-attrs', ignore: [PRINCIPAL] },
        { op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}-fake-id' }, snapshot: 'get-attrs-nonexistent-sub' },
      ],
    },
    {
      test: 'TestSNSSubscriptionCrud::test_not_found_error_on_set_subscription_attributes',
      steps: [
        createTopic(),
        ...createQueue(),
        subscribeQueue({}, 'sub'),
        { op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'sub-attrs', ignore: [PRINCIPAL] },
        { op: 'ListSubscriptionsByTopic', params: { TopicArn: topicArn }, snapshot: 'subscriptions-for-topic-before-unsub' },
        { op: 'Unsubscribe', params: { SubscriptionArn: '{{subscriptionArn}}' } },
        setSubAttribute('RawMessageDelivery', 'true', 'sub-not-found'),
        { op: 'ListSubscriptionsByTopic', params: { TopicArn: topicArn }, snapshot: 'subscriptions-for-topic-after-unsub' },
      ],
    },
    {
      test: 'TestSNSSubscriptionCrud::test_validate_set_sub_attributes',
      steps: [
        createTopic(),
        ...createQueue(),
        subscribeQueue(),
        setSubAttribute('FakeAttribute', 'test-value', 'fake-attribute'),
        setSubAttribute('RawMessageDelivery', 'test-ValUe', 'raw-message-wrong-value'),
        setSubAttribute('RawMessageDelivery', '', 'raw-message-empty-value'),
        setSubAttribute('RedrivePolicy', '{"deadLetterTargetArn": "fake-arn"}', 'fake-arn-redrive-policy'),
        setSubAttribute('RedrivePolicy', '{invalidjson}', 'invalid-json-redrive-policy'),
        setSubAttribute('FilterPolicy', '{invalidjson}', 'invalid-json-filter-policy'),
      ],
    },
    {
      test: 'TestSNSSubscriptionCrud::test_sns_confirm_subscription_wrong_token',
      steps: [
        createTopic({ Name: 'topic-{{suffix}}a' }),
        { op: 'ConfirmSubscription', params: { TopicArn: 'arn:{{partition}}:sns:{{region}}:{{account}}:topic-{{suffix}}i', Token: TOKEN }, snapshot: 'topic-not-exists' },
        { op: 'ConfirmSubscription', params: { TopicArn: topicArn, Token: 'randomtoken' }, snapshot: 'invalid-token' },
        { op: 'ConfirmSubscription', params: { TopicArn: topicArn, Token: TOKEN }, snapshot: 'token-not-exists' },
      ],
    },
    {
      test: 'TestSNSSubscriptionCrud::test_subscribe_idempotency',
      steps: [
        createTopic(),
        ...createQueue(),
        subscribeQueue({ Attributes: { RawMessageDelivery: 'True' } }, 'subscribe'),
        { op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'get-sub-attrs', ignore: [PRINCIPAL] },
        subscribeQueue({ Attributes: { RawMessageDelivery: 'true' } }, 'subscribe-exact-same-raw'),
      ],
      note: 'the first calls only (the later ones are not reproduced yet)',
    },
    {
      test: 'TestSNSSubscriptionCrud::test_unsubscribe_wrong_arn_format',
      steps: [
        { op: 'Unsubscribe', params: { SubscriptionArn: 'randomstring' }, snapshot: 'invalid-unsubscribe-arn-1' },
        { op: 'Unsubscribe', params: { SubscriptionArn: 'arn:aws:sns:us-east-1:random' }, snapshot: 'invalid-unsubscribe-arn-2' },
        { op: 'Unsubscribe', params: { SubscriptionArn: 'arn:aws:sns:us-east-1:111111111111:random' }, snapshot: 'invalid-unsubscribe-arn-3' },
        { op: 'Unsubscribe', params: {}, snapshot: 'invalid-unsubscribe-arn-4' },
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_subscribe_to_sqs_with_queue_url',
      steps: [createTopic(), ...createQueue(), subscribeQueue({}, 'sub-queue-url', '{{queueArnUrl}}', true)],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_publish_batch_messages_without_topic',
      note: 'a topic of another name is created first, only to learn the account id the test reads from its fixture',
      steps: [
        createTopic({ Name: 'other-{{suffix}}' }),
        {
          op: 'PublishBatch',
          params: {
            TopicArn: 'arn:{{partition}}:sns:{{region}}:{{account}}:topic-{{suffix}}',
            PublishBatchRequestEntries: [{ Id: '1', Message: 'Test Message with two attributes', Subject: 'Subject', MessageAttributes: { attr1: { DataType: 'Number', StringValue: '99.12' }, attr2: { DataType: 'Number', StringValue: '109.12' } } }],
          },
          snapshot: 'publish-batch-no-topic',
        },
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_publish_batch_exceptions',
      steps: [
        createTopic({ Name: 'topic-{{suffix}}.fifo', Attributes: { FifoTopic: 'true' } }),
        { op: 'PublishBatch', params: { TopicArn: topicArn, PublishBatchRequestEntries: [{ Id: '1', Message: 'Test message without Group ID' }] }, snapshot: 'no-group-id' },
        {
          op: 'PublishBatch',
          params: { TopicArn: topicArn, PublishBatchRequestEntries: Array.from({ length: 11 }, (_, i) => ({ Id: `Id_${i}`, Message: 'Too many messages' })) },
          snapshot: 'too-many-msg',
        },
        {
          op: 'PublishBatch',
          params: { TopicArn: topicArn, PublishBatchRequestEntries: [1, 2].map(() => ({ Id: '1', Message: 'Messages with the same ID' })) },
          snapshot: 'same-msg-id',
        },
        {
          op: 'PublishBatch',
          params: { TopicArn: topicArn, PublishBatchRequestEntries: [{ Id: '1', Message: 'Test message without MessageDeduplicationId', MessageGroupId: 'msg1' }] },
          snapshot: 'no-dedup-id',
        },
        {
          op: 'PublishBatch',
          params: { TopicArn: topicArn, PublishBatchRequestEntries: [{ Id: '1', Message: '{"sqs": "test sqs"}', MessageStructure: 'json' }] },
          snapshot: 'no-default-key-json',
        },
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_message_attributes_prefixes',
      steps: [
        createTopic(),
        ...createQueue(),
        subscribeQueue(),
        publish({ Message: 'test message', MessageAttributes: { attr1: { DataType: 'String.', StringValue: 'prefixed-1' } } }, 'publish-error'),
        publish({ Message: 'test message', MessageAttributes: { attr1: { DataType: 'Stringprefixed', StringValue: 'prefixed-1' } } }, 'publish-error-2'),
        publish({ Message: 'test message', MessageAttributes: { attr1: { DataType: 'String.prefixed', StringValue: 'prefixed-1' } } }, 'publish-ok-1'),
        publish({ Message: 'test message', MessageAttributes: { attr1: { DataType: 'String.  prefixed.', StringValue: 'prefixed-1' } } }, 'publish-ok-2'),
      ],
    },
    {
      test: 'TestSNSSubscriptionSQSFifo::test_validations_for_fifo',
      steps: [
        createTopic(),
        createTopic({ Name: 'topic-{{suffix}}.fifo', Attributes: { FifoTopic: 'true' } }, 'fifoTopicArn'),
        ...createQueue('queue-{{suffix}}.fifo', { FifoQueue: 'true' }, 'fifoQueueArn'),
        ...createQueue(),
        ...createQueue('queue-dlq-{{suffix}}', {}, 'dlqArn'),
        subscribeQueue({}, 'not-fifo-topic', '{{fifoQueueArn}}', true),
        {
          op: 'Subscribe',
          params: { TopicArn: '{{fifoTopicArn}}', Protocol: 'sqs', Endpoint: '{{queueArn}}', ReturnSubscriptionArn: true },
          capture: { subscriptionArn: '$.SubscriptionArn' },
        },
        { op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'not-fifo-queue', select: '$.Attributes', ignore: ['$.SubscriptionPrincipal'] },
        setSubAttribute('RedrivePolicy', '{"deadLetterTargetArn": "{{dlqArn}}"}'),
        {
          op: 'Subscribe',
          params: { TopicArn: '{{fifoTopicArn}}', Protocol: 'sqs', Endpoint: '{{fifoQueueArn}}', ReturnSubscriptionArn: true },
          capture: { subscriptionArn: '$.SubscriptionArn' },
        },
        setSubAttribute('RedrivePolicy', '{"deadLetterTargetArn": "{{queueArn}}"}', 'regular-queue-for-dlq-of-fifo-topic'),
        { op: 'Publish', params: { TopicArn: '{{fifoTopicArn}}', Message: 'test' }, snapshot: 'no-msg-group-id' },
        { op: 'Publish', params: { TopicArn: '{{fifoTopicArn}}', Message: 'test', MessageGroupId: 'group-{{suffix}}' }, snapshot: 'no-dedup-policy' },
        publish({ Message: 'test', MessageDeduplicationId: 'dedup-{{suffix}}' }, 'no-msg-dedup-regular-topic'),
      ],
      note: 'the snapshot of the not-FIFO queue subscription is its attributes (the fixture returns them)',
    },
    {
      test: 'TestSNSSubscriptionSQS::test_subscribe_sqs_queue',
      steps: [
        createTopic(),
        ...createQueue(),
        ...sqsSubscription(),
        setSubAttribute('FilterPolicy', JSON.stringify({ attr1: [{ numeric: ['>', 0, '<=', 100] }] })),
        {
          op: 'GetSubscriptionAttributes',
          params: { SubscriptionArn: '{{subscriptionArn}}' },
          snapshot: 'subscription-attributes',
          ignore: [PRINCIPAL],
          jsonStrings: ['$.Attributes.FilterPolicy'],
        },
        publish({ Message: 'This is a test message', MessageAttributes: { attr1: { DataType: 'Number', StringValue: '99.12' } } }),
        receive('messages', { VisibilityTimeout: 0, MessageAttributeNames: ['All'] }, { jsonStrings: BODY }),
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_publish_unicode_chars',
      steps: [
        createTopic(),
        ...createQueue(),
        ...sqsSubscription(),
        publish({ Message: 'ö§a1"_!?,. £$-' }),
        receive('received-message', { VisibilityTimeout: 0 }, { jsonStrings: BODY }),
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_attribute_raw_subscribe',
      steps: [
        createTopic(),
        ...createQueue(),
        ...sqsSubscription({ RawMessageDelivery: 'true' }),
        { op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'subscription-attributes', ignore: [PRINCIPAL] },
        publish({ Message: 'This is a test message', MessageAttributes: { store: { DataType: 'Binary', BinaryValue: { $blob: 'AgME' } } } }),
        receive('messages-response', { VisibilityTimeout: 0, MessageAttributeNames: ['All'] }, { pythonBytes: ['$.Messages[0].MessageAttributes.store.BinaryValue'] }),
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_publish_sqs_from_sns',
      steps: [
        createTopic(),
        ...createQueue(),
        ...sqsSubscription(),
        setSubAttribute('RawMessageDelivery', 'true'),
        { op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'sub-attrs-raw-true', ignore: [PRINCIPAL] },
        publish({ Message: 'Test msg', MessageAttributes: { attr1: { DataType: 'Number', StringValue: '99.12' } } }),
        receive('message-raw-true', { VisibilityTimeout: 0, MessageAttributeNames: ['All'] }),
        deleteReceived,
        setSubAttribute('RawMessageDelivery', 'false'),
        { op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'sub-attrs-raw-false', ignore: [PRINCIPAL] },
        { op: 'Publish', params: { TargetArn: topicArn, Message: 'Test msg', MessageAttributes: { attr1: { DataType: 'Number', StringValue: '100.12' } } } },
        receive('message-raw-false', { VisibilityTimeout: 0, MessageAttributeNames: ['All'] }, { jsonStrings: BODY }),
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_message_attributes_not_missing',
      steps: [
        createTopic(),
        ...createQueue(),
        ...sqsSubscription(),
        setSubAttribute('RawMessageDelivery', 'true'),
        publish(
          {
            Message: 'text',
            MessageAttributes: {
              'an-attribute-key': { DataType: 'String', StringValue: 'an-attribute-value' },
              'binary-attribute': { DataType: 'Binary', BinaryValue: { $blob: 'AgME' } },
            },
          },
          'publish-msg-raw',
        ),
        receive(
          'raw-delivery-msg-attrs',
          { AttributeNames: ['All'], MessageAttributeNames: ['All'], WaitTimeSeconds: 3 },
          { pythonBytes: ['$.Messages[0].MessageAttributes.binary-attribute.BinaryValue'] },
        ),
        deleteReceived,
        setSubAttribute('RawMessageDelivery', 'false'),
        publish(
          {
            Message: 'text',
            MessageAttributes: {
              'an-attribute-key': { DataType: 'String', StringValue: 'an-attribute-value' },
              'binary-attribute': { DataType: 'Binary', BinaryValue: { $blob: 'AgME' } },
            },
          },
          'publish-msg-json',
        ),
        receive('json-delivery-msg-attrs', { AttributeNames: ['All'], MessageAttributeNames: ['All'], WaitTimeSeconds: 3 }, { jsonStrings: BODY }),
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_message_structure_json_to_sqs',
      steps: [
        createTopic(),
        ...createQueue('test-queue-{{suffix}}'),
        ...sqsSubscription(),
        // json.dumps's spacing, as the test sends it.
        publish({ Message: JSON.stringify({ default: 'default field', sqs: '{"field": "value"}' }), MessageStructure: 'json' }),
        receive('get-msg-json-sqs', { WaitTimeSeconds: 10, MaxNumberOfMessages: 1 }, { jsonStrings: BODY }),
        deleteReceived,
        publish({ Message: JSON.stringify({ default: 'default field', sqs: { field: 'value' } }), MessageStructure: 'json' }),
        receive('get-msg-json-default', { WaitTimeSeconds: 10, MaxNumberOfMessages: 1 }, { jsonStrings: BODY }),
      ],
    },
    {
      test: 'TestSNSSubscriptionSQSFifo::test_message_to_fifo_sqs',
      steps: (param) => {
        const contentBased = param === 'True';
        const dedup = contentBased ? {} : { MessageDeduplicationId: 'message-deduplication-id-1' };
        return [
          createTopic({ Name: 'topic-{{suffix}}.fifo', Attributes: { FifoTopic: 'true', ...(contentBased ? { ContentBasedDeduplication: 'true' } : {}) } }),
          ...createQueue('queue-{{suffix}}.fifo', { FifoQueue: 'true', ...(contentBased ? { ContentBasedDeduplication: 'true' } : {}) }),
          ...sqsSubscription(),
          publish({ Message: 'Test', MessageGroupId: 'message-group-id-1', ...dedup }),
          receive('messages', { WaitTimeSeconds: 10, AttributeNames: ['All'] }, { jsonStrings: BODY }),
          deleteReceived,
          publish({ Message: 'Test', MessageGroupId: 'message-group-id-1', ...dedup }),
          receive('dedup-messages', { WaitTimeSeconds: 1, AttributeNames: ['All'] }, { capture: undefined }),
        ];
      },
    },
    {
      test: 'TestSNSSubscriptionSQSFifo::test_fifo_topic_to_regular_sqs',
      steps: (param) => {
        const contentBased = param === 'True';
        const dedup = contentBased ? {} : { MessageDeduplicationId: 'message-deduplication-id-1' };
        return [
          createTopic({ Name: 'topic-{{suffix}}.fifo', Attributes: { FifoTopic: 'true', ...(contentBased ? { ContentBasedDeduplication: 'true' } : {}) } }),
          ...createQueue(),
          ...sqsSubscription(),
          publish({ Message: 'Test', MessageGroupId: 'message-group-id-1', ...dedup }),
          receive('messages', { WaitTimeSeconds: 10, AttributeNames: ['All'] }, { jsonStrings: BODY }),
          deleteReceived,
          publish({ Message: 'Test', MessageGroupId: 'message-group-id-1', ...dedup }),
          receive('dedup-messages', { WaitTimeSeconds: 3, AttributeNames: ['All'] }, { capture: undefined }),
        ];
      },
    },
    {
      test: 'TestSNSSubscriptionSQSFifo::test_publish_to_fifo_topic_deduplication_on_topic_level',
      steps: [
        createTopic({ Name: 'topic-{{suffix}}.fifo', Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } }),
        ...createQueue('queue-{{suffix}}.fifo', { FifoQueue: 'true' }),
        ...sqsSubscription(),
        publish({ Message: 'Test', MessageGroupId: 'message-group-id-1' }),
        publish({ Message: 'Test', MessageGroupId: 'message-group-id-2' }),
        receive('messages', { VisibilityTimeout: 10, WaitTimeSeconds: 10, AttributeNames: ['All'] }, { jsonStrings: BODY }),
        deleteReceived,
        receive('dedup-messages', { VisibilityTimeout: 10, WaitTimeSeconds: 1, AttributeNames: ['All'] }, { capture: undefined }),
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_redrive_policy_sqs_queue_subscription',
      steps: (param) => [
        createTopic(),
        ...createQueue(),
        ...sqsSubscription(),
        ...createQueue('dlq-{{suffix}}', {}, 'dlqArn'),
        setSubAttribute('RedrivePolicy', '{"deadLetterTargetArn": "{{dlqArn}}"}'),
        ...(param === 'True' ? [setSubAttribute('RawMessageDelivery', 'true')] : []),
        allowTopic('{{dlqArnUrl}}', '{{dlqArn}}'),
        { service: 'sqs', protocol: 'json', op: 'DeleteQueue', params: { QueueUrl: '{{queueArnUrl}}' } },
        publish({
          Message: 'test_dlq_after_sqs_endpoint_deleted',
          MessageAttributes: { attr1: { DataType: 'Number', StringValue: '111' }, attr2: { DataType: 'Binary', BinaryValue: { $blob: 'AgME' } } },
        }),
        receive(
          'messages',
          { QueueUrl: '{{dlqArnUrl}}', WaitTimeSeconds: 10, AttributeNames: ['All'], MessageAttributeNames: ['All'] },
          param === 'True' ? { pythonBytes: ['$.Messages[0].MessageAttributes.attr2.BinaryValue'] } : { jsonStrings: BODY },
        ),
      ],
    },
    {
      test: 'TestSNSSubscriptionSQS::test_subscription_after_failure_to_deliver',
      note: 'the test waits for a second subscription to receive the message published to the deleted queue; here a long poll of that queue does',
      steps: [
        createTopic(),
        ...createQueue('test-queue-{{suffix}}'),
        ...sqsSubscription(),
        ...createQueue('dlq-{{suffix}}', {}, 'dlqArn'),
        allowTopic('{{dlqArnUrl}}', '{{dlqArn}}'),
        { op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'subscriptions-attrs', ignore: [PRINCIPAL] },
        publish({ Message: 'test_dlq_before_sqs_endpoint_deleted' }),
        receive('messages-before-delete', { WaitTimeSeconds: 10, MaxNumberOfMessages: 4 }, { jsonStrings: BODY }),
        deleteReceived,
        { service: 'sqs', protocol: 'json', op: 'DeleteQueue', params: { QueueUrl: '{{queueArnUrl}}' } },
        ...createQueue('second-{{suffix}}', {}, 'secondArn'),
        {
          op: 'Subscribe',
          params: { TopicArn: topicArn, Protocol: 'sqs', Endpoint: '{{secondArn}}' },
          capture: { secondSubscription: '$.SubscriptionArn' },
        },
        allowTopic('{{secondArnUrl}}', '{{secondArn}}'),
        publish({ Message: 'test_dlq_after_sqs_endpoint_deleted' }),
        { service: 'sqs', protocol: 'json', op: 'ReceiveMessage', params: { QueueUrl: '{{secondArnUrl}}', WaitTimeSeconds: 10 } },
        { op: 'Unsubscribe', params: { SubscriptionArn: '{{secondSubscription}}' } },
        { op: 'ListSubscriptionsByTopic', params: { TopicArn: topicArn }, snapshot: 'subscriptions' },
        setSubAttribute('RedrivePolicy', '{"deadLetterTargetArn": "{{dlqArn}}"}'),
        {
          op: 'GetSubscriptionAttributes',
          params: { SubscriptionArn: '{{subscriptionArn}}' },
          snapshot: 'subscriptions-attrs-with-redrive',
          ignore: [PRINCIPAL],
          jsonStrings: ['$.Attributes.RedrivePolicy'],
        },
        ...[0, 1].flatMap((i): SourceStep[] => [
          publish({ Message: `test_dlq_after_sqs_endpoint_deleted_${i}` }),
          receive(`message-${i}-after-delete`, { QueueUrl: '{{dlqArnUrl}}', WaitTimeSeconds: 10, MaxNumberOfMessages: 4 }, { jsonStrings: BODY }),
          { ...deleteReceived, params: { QueueUrl: '{{dlqArnUrl}}', ReceiptHandle: '{{handle}}' } },
        ]),
      ],
    },
    {
      test: 'TestSNSSMS::test_publish_wrong_phone_format',
      steps: [
        { op: 'Publish', params: { Message: 'Good news everyone!', PhoneNumber: '+1a234' }, snapshot: 'invalid-number' },
        { op: 'Publish', params: { Message: 'Good news everyone!', PhoneNumber: 'NAA+15551234567' }, snapshot: 'wrong-format' },
        createTopic(),
        { op: 'Subscribe', params: { TopicArn: topicArn, Protocol: 'sms', Endpoint: 'NAA+15551234567' }, snapshot: 'wrong-endpoint' },
      ],
    },
    {
      test: 'TestSNSSMS::test_set_invalid_sms_attributes',
      steps: (param) => {
        const attribute: Record<string, [string, string]> = {
          InvalidAttributeName: ['InvalidAttribute', 'invalid'],
          TooLongID: ['DefaultSendID', 'a'.repeat(12)],
          NoLetterID: ['DefaultSendID', '123456789'],
          InvalidSMSType: ['DefaultSMSType', 'invalid'],
        };
        const [key, value] = attribute[param];
        return [{ op: 'SetSMSAttributes', params: { attributes: { [key]: value } }, snapshot: 'invalid-attribute' }];
      },
    },
    {
      test: 'TestSNSSMS::test_opt_in_non_existing_phone_number',
      steps: [{ op: 'OptInPhoneNumber', params: { phoneNumber: '+4411111111' }, snapshot: 'opt-in-non-existing-number' }],
    },
    {
      test: 'TestSNSSMS::test_opt_in_invalid_number',
      steps: [{ op: 'OptInPhoneNumber', params: { phoneNumber: 'invalid' }, snapshot: 'opt-in-non-existing-number' }],
    },
    {
      test: 'TestSNSPlatformApplicationCrud::test_create_platform_application_invalid_attributes',
      steps: (param) => {
        const attributes: Record<string, Record<string, string>> = {
          'no-args': {},
          'missing-credential': { PlatformPrincipal: 'dummy' },
          'missing-principal': { PlatformCredential: 'dummy' },
        };
        return [
          {
            op: 'CreatePlatformApplication',
            params: { Name: 'platform-application-{{suffix}}', Platform: 'ADM', Attributes: attributes[param] },
            snapshot: 'platform-application-no-attributes',
          },
        ];
      },
    },
    {
      test: 'TestSNSPlatformApplicationCrud::test_create_platform_application_invalid_name',
      steps: (param) => {
        const names: Record<string, string> = { 'too-long': 'a'.repeat(257), empty: '', 'invalid-char': '@name' };
        return [{ op: 'CreatePlatformApplication', params: { Name: names[param], Platform: 'ADM', Attributes: adm }, snapshot: 'invalid-application-name' }];
      },
    },
    {
      test: 'TestSNSPlatformApplicationCrud::test_create_platform_application_invalid_platform',
      steps: [{ op: 'CreatePlatformApplication', params: { Name: 'platform-application-{{suffix}}', Platform: 'AAA', Attributes: adm }, snapshot: 'invalid-platform' }],
    },
    {
      test: 'TestSNSPlatformApplicationCrud::test_get_platform_application_attributes_invalid_arn',
      steps: [{ op: 'GetPlatformApplicationAttributes', params: { PlatformApplicationArn: 'invalid-arn' }, snapshot: 'invalid-application-arn' }],
    },
    {
      test: 'TestSNSPlatformApplicationCrud::test_get_platform_application_attributes_non_existing_app',
      note: 'a topic is created first, only to learn the account id the test reads from its fixture',
      steps: [
        createTopic(),
        {
          op: 'GetPlatformApplicationAttributes',
          params: { PlatformApplicationArn: 'arn:aws:sns:{{region}}:{{account}}:app/ADM/NonExistingApp' },
          snapshot: 'non_existing-application-arn',
        },
      ],
    },
  ],
  notPorted: {},
};

export default source;
