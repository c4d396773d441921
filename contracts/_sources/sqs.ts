// LocalStack's AWS-validated SQS tests (github.com/localstack/localstack, tests/aws/services/sqs/test_sqs.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
import { repeated, type RepeatedBody, type SourceFile, type SourceScenario, type SourceStep } from '../../verifier/port/source-types.ts';

const queue = '{{queueUrl}}';
const attribute = { k: { DataType: 'String', StringValue: 'x' } };
/** LocalStack's DEFAULT_MAXIMUM_MESSAGE_SIZE, SQS's default and largest message size (1 MiB). */
const MAX_MESSAGE_SIZE = 1_048_576;

/** LocalStack's `sqs_create_queue` fixture: CreateQueue through the JSON client whatever the variant (the recorded errors carry the JSON query-error code). */
const createQueue = (params: Record<string, unknown> = {}, capture = 'queueUrl'): SourceStep => ({
  op: 'CreateQueue',
  params: { QueueName: 'test-queue-{{suffix}}', ...params },
  capture: { [capture]: '$.QueueUrl' },
  protocol: 'json',
});
const fifoQueue = (attributes: Record<string, string> = {}, name = 'queue-{{suffix}}.fifo'): SourceStep =>
  createQueue({ QueueName: name, Attributes: { FifoQueue: 'true', ...attributes } });
/** The account id, taken from a queue URL (`.../<account>/<name>`): the test's `account_id` fixture. */
const accountFromUrl = { account: { from: '$.QueueUrl', regex: '/(\\d{12})/[^/]+$' } };
const handle = (index = 0) => `$.Messages[${index}].ReceiptHandle`;

const send = (MessageBody: string | RepeatedBody, extra: Record<string, unknown> = {}, snapshot?: string): SourceStep => ({
  op: 'SendMessage',
  params: { QueueUrl: queue, MessageBody, ...extra },
  ...(snapshot ? { snapshot } : {}),
});
const receive = (extra: Record<string, unknown> = {}, snapshot?: string, more: Partial<SourceStep> = {}): SourceStep => ({
  op: 'ReceiveMessage',
  params: { QueueUrl: queue, ...extra },
  ...(snapshot ? { snapshot } : {}),
  ...more,
});
const sendBatch = (Entries: Record<string, unknown>[], snapshot?: string): SourceStep => ({
  op: 'SendMessageBatch',
  params: { QueueUrl: queue, Entries },
  ...(snapshot ? { snapshot } : {}),
});
/** The two FIFO batch tests: a valid first entry, a second one lacking what `second` leaves out. */
const fifoBatchLacking = (second: Record<string, string>, snapshot: string): SourceStep[] => [
  fifoQueue({ ContentBasedDeduplication: 'false' }),
  sendBatch(
    [
      { Id: 'message-{{suffix}}a', MessageBody: 'messageBody', MessageGroupId: 'test-group', MessageDeduplicationId: 'dedup-{{suffix}}a' },
      { Id: 'message-{{suffix}}b', MessageBody: 'messageBody', ...second },
    ],
    snapshot,
  ),
];
const setAttributes = (Attributes: Record<string, string>, snapshot?: string, QueueUrl = queue): SourceStep => ({
  op: 'SetQueueAttributes',
  params: { QueueUrl, Attributes },
  ...(snapshot ? { snapshot } : {}),
});
const getAttributes = (AttributeNames: string[], snapshot: string, extra: Partial<SourceStep> = {}, QueueUrl = queue): SourceStep => ({
  op: 'GetQueueAttributes',
  params: { QueueUrl, AttributeNames },
  snapshot,
  ...extra,
});

/** Two batches of ten, received back as twenty receipt handles `h0`..`h19` (the tests' `_receive_all_messages`). */
function twentyReceived(): SourceStep[] {
  const batch = Array.from({ length: 10 }, (_, i) => ({ Id: `message-${i}`, MessageBody: `messageBody-${i}` }));
  const receiveTen = (offset: number) =>
    receive({ MaxNumberOfMessages: 10 }, undefined, { capture: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`h${offset + i}`, handle(i)])) });
  return [
    createQueue({ QueueName: 'queue-{{suffix}}' }),
    sendBatch(batch),
    sendBatch(batch),
    receiveTen(0),
    receiveTen(10),
  ];
}
const twentyHandles = (extra: Record<string, unknown> = {}) => Array.from({ length: 20 }, (_, i) => ({ Id: `${i}`, ReceiptHandle: `{{h${i}}}`, ...extra }));

const fifoBody = '{"foo": "bar"}';
/**
 * The two dedup tests: one contract per `content_based_deduplication` parameter (`True` / `False`), which decides the
 * queue's ContentBasedDeduplication and whether each send names a deduplication id. The snapshot stores the JSON body decoded.
 */
const dedupScenario = (test: string, calls: (send: (group: string) => SourceStep) => SourceStep[]): SourceScenario => ({
  test,
  note: 'one contract per content_based_deduplication parameter; the snapshot stores the JSON message body decoded',
  steps: (param) => {
    const contentBased = param === 'True';
    return [
      createQueue({ QueueName: 'test-queue-{{suffix}}.fifo', Attributes: { FifoQueue: 'true', ...(contentBased ? { ContentBasedDeduplication: 'true' } : {}) } }),
      ...calls((group) => send(fifoBody, { MessageGroupId: group, ...(contentBased ? {} : { MessageDeduplicationId: 'dedup1' }) })),
    ];
  },
});
const jsonBody = { jsonStrings: ['$.Messages[0].Body'] };

/** Receives with attribute filters (the `receive_message` helper of the two system-attribute filter tests). */
function systemAttributeFilters(parameter: 'AttributeNames' | 'MessageSystemAttributeNames'): SourceStep[] {
  const filtered = (names: string[], messageAttributeNames: string[], snapshot: string) =>
    receive({ WaitTimeSeconds: 5, [parameter]: names, MessageAttributeNames: messageAttributeNames }, snapshot);
  return [
    createQueue({ Attributes: { VisibilityTimeout: '0' } }),
    send('msg', { MessageAttributes: { Foo: { DataType: 'String', StringValue: 'Bar' } } }),
    filtered(['All'], [], 'all_attributes'),
    filtered(['All'], ['All'], 'all_system_and_message_attributes'),
    filtered(['SenderId'], [], 'single_attribute'),
    filtered(['SenderId', 'SequenceNumber'], [], 'multiple_attributes'),
  ];
}

/** Same deduplication id in two message groups, one message received at a time. */
const sameDedupDifferentGroups = (attributes: Record<string, string>): SourceStep[] => [
  fifoQueue(attributes),
  send('Test', { MessageGroupId: 'group-1', MessageDeduplicationId: '1' }),
  send('Test', { MessageGroupId: 'group-2', MessageDeduplicationId: '1' }),
  receive({ MaxNumberOfMessages: 1 }, 'same-dedup-different-grp-1'),
  receive({ MaxNumberOfMessages: 1 }, 'same-dedup-different-grp-2'),
];

const invalidTag: Record<string, string> = { empty: '', too_long: 'a'.repeat(129), spaces: 'group 123' };

const permissionPolicy = (snapshot: string) => getAttributes(['Policy'], snapshot, { jsonStrings: ['$.Attributes.Policy'] });
const permission = (Label: string, AWSAccountIds: string[], snapshot?: string): SourceStep => ({
  op: 'AddPermission',
  params: { QueueUrl: queue, AWSAccountIds, Actions: ['ReceiveMessage'], Label },
  ...(snapshot ? { snapshot } : {}),
});
const removePermission = (Label: string, snapshot?: string): SourceStep => ({
  op: 'RemovePermission',
  params: { QueueUrl: queue, Label },
  ...(snapshot ? { snapshot } : {}),
});

/** Tests newer than the stored copy of test_sqs.py: their calls are restated from the recorded values (bodies match the recorded MD5s, errors name the inputs). */
const RESTATED = "the stored test source predates this test; calls restated from the recorded values (bodies match the recorded MD5s, errors name the inputs)";

const scenarios: SourceScenario[] = [
  {
    test: 'TestSqsProvider::test_send_receive_max_number_of_messages',
    steps: [createQueue(), send('message'), receive({ MaxNumberOfMessages: 11 }, 'send_max_number_of_messages')],
  },
  {
    test: 'TestSqsProvider::test_send_message_with_updated_maximum_message_size',
    steps: [
      createQueue(),
      setAttributes({ MaximumMessageSize: '1024' }),
      send('a'.repeat(1024)),
      send('a'.repeat(1024 - 8 + 1), { MessageAttributes: attribute }, 'send_oversized_message'),
    ],
  },
  {
    test: 'TestSqsProvider::test_send_oversized_message',
    note: 'the 1 MiB message body is made at replay time (a RepeatedText generator), not stored',
    steps: [createQueue(), send(repeated('a', MAX_MESSAGE_SIZE - 8 + 1), { MessageAttributes: attribute }, 'send_oversized_message')],
  },
  {
    test: 'TestSqsProvider::test_send_message_batch_with_oversized_contents',
    note: 'the 1 MiB message body is made at replay time (a RepeatedText generator), not stored',
    steps: [
      createQueue(),
      sendBatch(
        [
          { Id: '1', MessageBody: repeated('a', MAX_MESSAGE_SIZE - 8), MessageAttributes: attribute },
          { Id: '2', MessageBody: 'a' },
        ],
        'send_oversized_message_batch',
      ),
    ],
  },
  {
    test: 'TestSqsProvider::test_send_message_batch_with_oversized_contents_with_updated_maximum_message_size',
    steps: [
      createQueue(),
      setAttributes({ MaximumMessageSize: '2048' }),
      {
        ...sendBatch(
          [
            { Id: '1', MessageBody: 'a'.repeat(2048 - 8), MessageAttributes: attribute },
            { Id: '2', MessageBody: 'a' },
          ],
          'send_oversized_message_batch',
        ),
        unordered: ['$.Successful'],
      },
    ],
  },
  {
    test: 'TestSqsProvider::test_tag_untag_queue',
    steps: [
      createQueue(),
      { op: 'TagQueue', params: { QueueUrl: queue, Tags: { tag1: 'value1', tag2: 'value2', tag3: '' } } },
      { op: 'ListQueueTags', params: { QueueUrl: queue }, snapshot: 'get-tag-1' },
      { op: 'UntagQueue', params: { QueueUrl: queue, TagKeys: ['tag1', 'tag3'] } },
      { op: 'ListQueueTags', params: { QueueUrl: queue }, snapshot: 'get-tag-2' },
      { op: 'UntagQueue', params: { QueueUrl: queue, TagKeys: ['tag2'] } },
      { op: 'ListQueueTags', params: { QueueUrl: queue }, snapshot: 'get-tag-after-untag' },
    ],
  },
  {
    test: 'TestSqsProvider::test_create_fifo_queue_with_different_attributes_raises_error',
    steps: [
      fifoQueue({ ContentBasedDeduplication: 'true' }),
      { ...fifoQueue({ ContentBasedDeduplication: 'false' }), capture: undefined, snapshot: 'queue-already-exists' },
    ],
  },
  {
    test: 'TestSqsProvider::test_create_queue_with_different_attributes_raises_exception',
    steps: [
      createQueue({ QueueName: 'queue-{{suffix}}', Attributes: { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '1' } }),
      createQueue({ QueueName: 'queue-{{suffix}}' }),
      createQueue({ QueueName: 'queue-{{suffix}}', Attributes: { DelaySeconds: '1' } }),
      { ...createQueue({ QueueName: 'queue-{{suffix}}', Attributes: { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '2' } }), capture: undefined, snapshot: 'create_queue_01' },
      setAttributes({ DelaySeconds: '2' }),
      createQueue({ QueueName: 'queue-{{suffix}}', Attributes: { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '2' } }),
      { ...createQueue({ QueueName: 'queue-{{suffix}}', Attributes: { ReceiveMessageWaitTimeSeconds: '1', DelaySeconds: '1' } }), capture: undefined, snapshot: 'create_queue_02' },
    ],
  },
  {
    test: 'TestSqsProvider::test_create_and_update_queue_attributes',
    steps: [
      createQueue({ Attributes: { MessageRetentionPeriod: '604800', ReceiveMessageWaitTimeSeconds: '10', VisibilityTimeout: '20' } }),
      getAttributes(['All'], 'get_queue_attributes'),
      setAttributes({ MaximumMessageSize: '2048', VisibilityTimeout: '69', DelaySeconds: '420' }),
      getAttributes(['All'], 'get_updated_queue_attributes'),
    ],
  },
  {
    test: 'TestSqsProvider::test_change_message_visibility_after_visibility_timeout_expiration',
    note: RESTATED,
    steps: [
      createQueue({ Attributes: { VisibilityTimeout: '1' } }),
      send('test'),
      receive({}, undefined, { capture: { handle: handle() } }),
      {
        op: 'ChangeMessageVisibility',
        params: { QueueUrl: queue, ReceiptHandle: '{{handle}}', VisibilityTimeout: 1 },
        snapshot: 'visibility_timeout_expired',
        delaySeconds: 2,
      },
    ],
  },
  {
    test: 'TestSqsProvider::test_fifo_empty_message_groups_added_back_to_queue',
    note: RESTATED,
    steps: [
      fifoQueue({ ContentBasedDeduplication: 'true' }),
      send('Message 1', { MessageGroupId: 'group-1' }),
      receive({}, 'inital-fifo-receive', { capture: { handle: handle() } }),
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}' } },
      receive({}, 'empty-fifo-receive'),
      send('Message 2', { MessageGroupId: 'group-1' }),
      receive({}, 'final-fifo-receive'),
    ],
  },
  {
    test: 'TestSqsProvider::test_fifo_queue_send_message_with_delay_seconds_fails',
    steps: [fifoQueue({ ContentBasedDeduplication: 'true' }), send('message-1', { MessageGroupId: '1', DelaySeconds: 2 }, 'send_message')],
  },
  {
    test: 'TestSqsProvider::test_fifo_message_attributes',
    steps: [
      fifoQueue({ ContentBasedDeduplication: 'true', VisibilityTimeout: '0', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' }),
      send('message-body-1', { MessageGroupId: 'group-1', MessageDeduplicationId: 'dedup-1' }, 'send_message'),
      receive({ AttributeNames: ['All'], WaitTimeSeconds: 10 }, 'receive_message_0'),
      receive({ AttributeNames: ['All'], WaitTimeSeconds: 10 }, 'receive_message_1'),
    ],
  },
  {
    test: 'TestSqsProvider::test_fifo_set_content_based_deduplication_strategy',
    steps: [
      fifoQueue({ SqsManagedSseEnabled: 'true', ContentBasedDeduplication: 'true' }),
      getAttributes(['All'], 'before-update'),
      setAttributes({ ContentBasedDeduplication: 'false' }),
      getAttributes(['All'], 'after-update'),
    ],
  },
  {
    test: 'TestSqsProvider::test_too_many_entries_in_batch_request',
    steps: [
      createQueue({ QueueName: 'queue-{{suffix}}' }),
      sendBatch(
        Array.from({ length: 20 }, (_, i) => ({ Id: `message-${i}`, MessageBody: `messageBody-${i}` })),
        'test_too_many_entries_in_batch_request',
      ),
    ],
  },
  {
    test: 'TestSqsProvider::test_invalid_batch_id',
    steps: [
      createQueue({ QueueName: 'queue-{{suffix}}' }),
      sendBatch([{ Id: 'message:{{suffix}}', MessageBody: 'messageBody-{{suffix}}' }], 'test_invalid_batch_id'),
    ],
  },
  {
    test: 'TestSqsProvider::test_send_batch_missing_deduplication_id_for_fifo_queue',
    steps: fifoBatchLacking({ MessageGroupId: 'test-group' }, 'test_missing_deduplication_id_for_fifo_queue'),
  },
  {
    test: 'TestSqsProvider::test_send_batch_missing_message_group_id_for_fifo_queue',
    steps: fifoBatchLacking({ MessageDeduplicationId: 'dedup-{{suffix}}b' }, 'test_missing_message_group_id_for_fifo_queue'),
  },
  {
    test: 'TestSqsProvider::test_delete_message_batch_invalid_msg_id',
    note: 'one contract per invalid id parameter: empty, 100 characters, and one with a colon',
    steps: (invalidId) => [
      createQueue({ QueueName: 'queue-{{suffix}}' }),
      { op: 'DeleteMessageBatch', params: { QueueUrl: queue, Entries: [{ Id: invalidId, ReceiptHandle: 'testHandle1' }] }, snapshot: 'error_response' },
    ],
  },
  {
    test: 'TestSqsProvider::test_delete_message_batch_with_too_large_batch',
    steps: [...twentyReceived(), { op: 'DeleteMessageBatch', params: { QueueUrl: queue, Entries: twentyHandles() }, snapshot: 'error_response' }],
  },
  {
    test: 'TestSqsProvider::test_change_message_visibility_batch_with_too_large_batch',
    steps: [
      ...twentyReceived(),
      { op: 'ChangeMessageVisibilityBatch', params: { QueueUrl: queue, Entries: twentyHandles({ VisibilityTimeout: 123 }) }, snapshot: 'error_response' },
    ],
  },
  {
    test: 'TestSqsProvider::test_send_message_with_binary_attributes',
    steps: [
      createQueue({ QueueName: 'queue-{{suffix}}' }),
      send('test', { MessageAttributes: { attr1: { BinaryValue: 'traceparent\x1e00-774062d6c37081a5a0b9b5b88e30627c-2d2482211f6489da-01', DataType: 'Binary' } } }),
      receive({ MessageAttributeNames: ['All'] }, 'binary-attrs-msg', { pythonBytes: ['$.Messages[0].MessageAttributes.attr1.BinaryValue'] }),
    ],
  },
  {
    test: 'TestSqsProvider::test_send_message_with_empty_string_attribute',
    steps: [createQueue(), send('test', { MessageAttributes: { ErrorDetails: { StringValue: '', DataType: 'String' } } }, 'empty-string-attr')],
  },
  {
    test: 'TestSqsProvider::test_dead_letter_queue_message_attributes',
    note: `${RESTATED}; the snapshot keeps the queue ARNs and the received message lists`,
    steps: [
      createQueue({ QueueName: 'test-queue-{{suffix}}-dlq' }, 'dlqUrl'),
      getAttributes(['QueueArn'], 'dlq-arn', { select: '$.Attributes.QueueArn', capture: { dlqArn: '$.Attributes.QueueArn' } }, '{{dlqUrl}}'),
      createQueue({ Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: '{{dlqArn}}', maxReceiveCount: 1 }), VisibilityTimeout: '0' } }),
      getAttributes(['QueueArn'], 'sourcen-arn', { select: '$.Attributes.QueueArn' }),
      send('message-1', {
        MessageAttributes: { MyAttribute: { DataType: 'String', StringValue: 'foobar' } },
        MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1' } },
      }),
      send('message-2'),
      ...[queue, queue, '{{dlqUrl}}'].map((QueueUrl, i) =>
        receive(
          {
            QueueUrl,
            AttributeNames: ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SentTimestamp', 'AWSTraceHeader', 'DeadLetterQueueSourceArn'],
            MessageAttributeNames: ['All'],
            MaxNumberOfMessages: 10,
          },
          ['rec-pre-dlq', undefined, 'dlq-messages'][i],
          i === 1 ? {} : { select: '$.Messages', unordered: ['$'] },
        ),
      ),
    ],
  },
  {
    test: 'TestSqsProvider::test_set_unsupported_attribute_fifo',
    steps: [
      createQueue({ QueueName: 'queue-{{suffix}}' }),
      setAttributes({ FifoQueue: 'true' }, 'invalid-attr-name-1'),
      { ...fifoQueue(), capture: { fifoUrl: '$.QueueUrl' } },
      setAttributes({ FifoQueue: 'true' }, undefined, '{{fifoUrl}}'),
      setAttributes({ FifoQueue: 'false' }, 'invalid-attr-name-2', '{{fifoUrl}}'),
    ],
  },
  {
    test: 'TestSqsProvider::test_set_unsupported_attribute_standard',
    note: RESTATED,
    steps: [createQueue(), setAttributes({ FifoQueue: 'true' }, 'invalid-attr-name-1'), setAttributes({ FifoQueue: 'false' }, 'invalid-attr-name-2')],
  },
  dedupScenario('TestSqsProvider::test_fifo_deduplication_arrives_once_after_delete', (sendTo) => [
    sendTo('group-1'),
    receive({ WaitTimeSeconds: 3 }, 'get-messages', { capture: { handle: handle() }, ...jsonBody }),
    { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}' } },
    sendTo('group-1'),
    receive({ WaitTimeSeconds: 1 }, 'get-messages-duplicate'),
  ]),
  dedupScenario('TestSqsProvider::test_fifo_deduplication_not_on_message_group_id', (sendTo) => [
    sendTo('group-1'),
    sendTo('group-2'),
    receive({ MaxNumberOfMessages: 1, WaitTimeSeconds: 2 }, 'get-messages', jsonBody),
    receive({ MaxNumberOfMessages: 1, WaitTimeSeconds: 1 }, 'get-dedup-messages'),
  ]),
  {
    test: 'TestSqsProvider::test_posting_to_fifo_requires_deduplicationid_group_id',
    note: 'the `-query` snapshot keys repeat the two calls through the JSON client (their recorded errors carry the JSON query-error code)',
    steps: [
      fifoQueue(),
      ...(['', '-query'] as const).flatMap((key): SourceStep[] => [
        { ...send('test{{suffix}}', { MessageGroupId: 'fifo_group-{{suffix}}' }, `invalid-parameter-value${key}`), ...(key ? { protocol: 'json' as const } : {}) },
        { ...send('test{{suffix}}', { MessageDeduplicationId: 'fifo_dedup-{{suffix}}' }, `missing-parameter${key}`), ...(key ? { protocol: 'json' as const } : {}) },
      ]),
    ],
  },
  {
    test: 'TestSqsProvider::test_successive_purge_calls_fail',
    steps: [
      createQueue(),
      { op: 'PurgeQueue', params: { QueueUrl: queue } },
      { op: 'PurgeQueue', params: { QueueUrl: queue }, snapshot: 'purge_queue_error' },
    ],
  },
  {
    test: 'TestSqsProvider::test_sqs_fifo_same_dedup_id_different_message_groups',
    note: RESTATED,
    steps: sameDedupDifferentGroups({}),
  },
  {
    test: 'TestSqsProvider::test_sqs_fifo_message_group_scope_no_throughput_setting',
    note: RESTATED,
    steps: sameDedupDifferentGroups({ DeduplicationScope: 'messageGroup' }),
  },
  {
    test: 'TestSqsProvider::test_sse_queue_attributes',
    steps: [
      createQueue(),
      setAttributes({ KmsMasterKeyId: 'testKeyId', KmsDataKeyReusePeriodSeconds: '6000', SqsManagedSseEnabled: 'false' }),
      getAttributes(['KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled'], 'sse_kms_attributes'),
      createQueue({ QueueName: 'test-queue-{{suffix}}-2' }),
      setAttributes({ SqsManagedSseEnabled: 'true' }),
      getAttributes(['KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled'], 'sse_sqs_attributes'),
    ],
  },
  {
    test: 'TestSqsProvider::test_sse_kms_and_sqs_are_mutually_exclusive',
    note: 'the snapshot keeps str(ClientError): code and message; the status is the error shape\'s in the AWS model',
    steps: [createQueue(), setAttributes({ KmsMasterKeyId: 'testKeyId', SqsManagedSseEnabled: 'true' }, 'error')],
  },
  {
    test: 'TestSqsProvider::test_receive_message_message_attribute_names_filters',
    steps: [
      createQueue({ Attributes: { VisibilityTimeout: '0' } }),
      send(
        'msg',
        {
          MessageAttributes: {
            'Help.Me': { DataType: 'String', StringValue: 'Me' },
            Hello: { DataType: 'String', StringValue: 'There' },
            General: { DataType: 'String', StringValue: 'Kenobi' },
          },
        },
        'send_message_response',
      ),
      ...(
        [
          [[], 'empty_filter', false],
          [['All'], 'all_name', false],
          [['*'], 'all_wildcard_asterisk', true],
          [['.*'], 'all_wildcard', true],
          [['Foo', 'Help'], 'only_non_existing_names', true],
          [['Hello', 'General'], 'only_existing', true],
          [['Foo', 'Hello'], 'existing_and_non_existing', true],
          [['Hel.*'], 'prefix_filter', true],
          [['AWS.'], 'illegal_name_1', false],
          [['..foo'], 'illegal_name_2', false],
        ] as const
      ).map(([names, key, first]) => receive({ WaitTimeSeconds: 5, MessageAttributeNames: [...names] }, key, first ? { select: '$.Messages[0]' } : {})),
    ],
  },
  { test: 'TestSqsProvider::test_receive_message_attribute_names_filters', steps: systemAttributeFilters('AttributeNames') },
  {
    test: 'TestSqsProvider::test_receive_message_message_system_attribute_names_filters',
    note: RESTATED,
    steps: systemAttributeFilters('MessageSystemAttributeNames'),
  },
  {
    test: 'TestSqsProvider::test_sqs_permission_lifecycle',
    note: 'the account_id fixture is the account in the queue URL; the snapshot stores the Policy JSON decoded',
    steps: [
      { ...createQueue(), capture: { queueUrl: '$.QueueUrl', ...accountFromUrl } },
      permission('crossaccountpermission', ['{{account}}', '668614515564'], 'add-permission-response'),
      permissionPolicy('get-queue-policy-attribute'),
      removePermission('crossaccountpermission', 'remove-permission-response'),
      getAttributes(['Policy'], 'get-queue-policy-attribute-after-removal'),
      permission('crossaccountpermission', ['{{account}}']),
      permissionPolicy('get-queue-policy-attribute-first-account-same-label'),
      permission('crossaccountpermission', ['668614515564'], 'get-queue-policy-attribute-second-account-same-label'),
      permission('crossaccountpermission2', ['{{account}}']),
      permissionPolicy('get-queue-policy-attribute-second-account-different-label'),
      removePermission('crossaccountpermission'),
      permissionPolicy('get-queue-policy-attribute-delete-first-permission'),
      removePermission('crossaccountpermission2'),
      getAttributes(['Policy'], 'get-queue-policy-attribute-delete-second-permission'),
      removePermission('crossaccountpermission2', 'get-queue-policy-attribute-delete-non-existent-label'),
    ],
  },
  {
    test: 'TestSqsProvider::test_create_standard_queue_with_fifo_attribute_raises_error',
    note: RESTATED,
    steps: (
      [
        ['invalid-attribute-fifo-queue', { FifoQueue: 'false' }],
        ['invalid-attribute-content-based-deduplication', { ContentBasedDeduplication: 'true' }],
        ['invalid-attribute-deduplication-scope', { DeduplicationScope: 'queue' }],
        ['invalid-attribute-throughput-limit', { FifoThroughputLimit: 'perQueue' }],
      ] as const
    ).map(([snapshot, Attributes], i) => ({ ...createQueue({ QueueName: `test-queue-{{suffix}}-${i}`, Attributes }), capture: undefined, snapshot })),
  },
  {
    test: 'TestSqsProvider::test_non_existent_queue',
    note: `${RESTATED}; the last call goes through a query-protocol client`,
    steps: [
      { ...createQueue(), capture: { queueUrl: '$.QueueUrl', ...accountFromUrl } },
      { op: 'DeleteQueue', params: { QueueUrl: queue } },
      getAttributes(['All'], 'queue-does-not-exist'),
      { op: 'GetQueueUrl', params: { QueueName: 'does-not-exist', QueueOwnerAWSAccountId: '{{account}}' }, snapshot: 'queue-does-not-exist-url' },
      getAttributes(['All'], 'queue-does-not-exist-query', { protocol: 'query' }),
    ],
  },
  {
    test: 'TestSqsProvider::test_send_receive_wait_time_seconds',
    note: RESTATED,
    steps: [
      createQueue(),
      receive({ WaitTimeSeconds: 21 }, 'recieve_message_error_too_large'),
      receive({ WaitTimeSeconds: -1 }, 'recieve_message_error_too_small'),
      send('message'),
      receive({}, 'empty_short_poll_by_default_resp', { capture: { handle: handle() } }),
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}' } },
      send('message'),
      receive({ WaitTimeSeconds: 0 }, 'empty_short_poll_explicit_resp'),
    ],
  },
  {
    test: 'TestSqsProvider::test_receive_empty_queue',
    note: RESTATED,
    steps: [
      createQueue(),
      receive({}, 'empty_short_poll_resp_no_param'),
      receive({ WaitTimeSeconds: 0 }, 'empty_short_poll_resp'),
      receive({ WaitTimeSeconds: 1 }, 'empty_long_poll_resp'),
    ],
  },
  { test: 'TestSqsProvider::test_send_empty_message', note: RESTATED, steps: [createQueue(), send('', {}, 'send_empty_message')] },
  {
    test: 'TestSqsProvider::test_delete_after_visibility_timeout',
    note: RESTATED,
    steps: [
      createQueue({ Attributes: { VisibilityTimeout: '1' } }),
      send('foobar'),
      receive({}, undefined, { capture: { handle: handle() } }),
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}' }, delaySeconds: 2 },
      receive({}, 'delete_after_timeout_queue_empty'),
    ],
  },
  {
    test: 'TestSqsProvider::test_fifo_delete_after_visibility_timeout',
    note: RESTATED,
    steps: [
      fifoQueue({ VisibilityTimeout: '1', ContentBasedDeduplication: 'true' }),
      send('foobar', { MessageGroupId: '1' }),
      receive({}, 'received_sqs_message', { capture: { handle: handle() } }),
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}' }, snapshot: 'delete_after_timeout_fifo', delaySeconds: 2 },
    ],
  },
  {
    test: 'TestSqsProvider::test_fifo_delete_after_visibility_timeout_extended',
    note: RESTATED,
    steps: [
      fifoQueue({ VisibilityTimeout: '1', ContentBasedDeduplication: 'true' }),
      send('foobar', { MessageGroupId: '1' }),
      receive({}, 'received_sqs_message', { capture: { handle: handle() } }),
      { op: 'ChangeMessageVisibility', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}', VisibilityTimeout: 4 } },
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}' }, snapshot: 'delete_after_timeout_fifo_extended', delaySeconds: 2 },
    ],
  },
  {
    test: 'TestSqsProvider::test_fair_queue_with_message_group_id',
    note: RESTATED,
    steps: [createQueue(), send('message', { MessageGroupId: 'test' }, 'send_message'), receive({ AttributeNames: ['All'] }, 'get-message-with-deduplication-id')],
  },
  {
    test: 'TestSqsProvider::test_send_message_to_standard_queue_with_invalid_message_group_id',
    note: `${RESTATED}; one contract per invalid value (empty, 129 characters, with a space)`,
    steps: (param) => [createQueue(), send('message', { MessageGroupId: invalidTag[param] }, 'error-response')],
  },
  {
    test: 'TestSqsProvider::test_message_deduplication_id_invalid',
    note: `${RESTATED}; one contract per invalid value (empty, 129 characters, with a space)`,
    steps: (param) => [fifoQueue(), send('message', { MessageGroupId: 'group', MessageDeduplicationId: invalidTag[param] }, 'error-response')],
  },
  {
    test: 'TestSqsProvider::test_fifo_queue_send_message_with_zero_delay_defaults_to_queue_delay',
    note: RESTATED,
    steps: [
      fifoQueue({ ContentBasedDeduplication: 'true', DelaySeconds: '1' }),
      send('message-1', { MessageGroupId: '1', DelaySeconds: 0 }, 'send_message_result'),
      receive({}, 'receive_message_initial_result'),
      receive({ WaitTimeSeconds: 3 }, 'receive_message_after_delay_result'),
    ],
  },
  {
    test: 'TestSqsProvider::test_fifo_high_throughput_ordering',
    steps: [
      fifoQueue({ FifoQueue: 'True', ContentBasedDeduplication: 'False', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' }),
      send('Test1', { MessageGroupId: 'group1', MessageDeduplicationId: 'same-dedup' }),
      receive({}, 'same-dedup-different-grp-1', { capture: { handle: handle() } }),
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}' } },
      send('Test2', { MessageGroupId: 'group2', MessageDeduplicationId: 'same-dedup' }),
      receive({}, 'same-dedup-different-grp-2'),
    ],
  },
  {
    test: 'TestSqsProvider::test_fifo_change_to_high_throughput_after_creation',
    steps: [
      fifoQueue({ FifoQueue: 'True', ContentBasedDeduplication: 'False', DeduplicationScope: 'queue' }),
      send('Test1', { MessageGroupId: 'group1', MessageDeduplicationId: 'same-dedup' }),
      receive({}, 'same-dedup-different-grp-1', { capture: { handle: handle() } }),
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}' } },
      send('Test2', { MessageGroupId: 'group2', MessageDeduplicationId: 'same-dedup' }),
      receive({ VisibilityTimeout: 0 }, 'same-dedup-different-grp-2'),
      setAttributes({ DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' }),
      getAttributes(['All'], 'set-to-high-throughput'),
      receive({}, 'same-dedup-different-grp-high-throughput'),
      send('Test3', { MessageGroupId: 'group3', MessageDeduplicationId: 'same-dedup' }),
      receive({}, 'same-dedup-different-grp-high-throughput-2'),
      send('Test4', { MessageGroupId: 'group4', MessageDeduplicationId: 'dedup_2' }),
      receive({}, 'new-dedup2-high-throughput', { capture: { handle2: handle() } }),
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle2}}' } },
      send('Test5', { MessageGroupId: 'group5', MessageDeduplicationId: 'dedup_2' }),
      receive({}, 'same-dedup2-high-throughput'),
    ],
  },
  {
    test: 'TestSqsProvider::test_fifo_change_to_regular_throughput_after_creation',
    steps: [
      fifoQueue({ FifoQueue: 'True', ContentBasedDeduplication: 'False', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' }),
      send('Test1', { MessageGroupId: 'group1', MessageDeduplicationId: 'same-dedup' }),
      receive({}, 'same-dedup-different-grp-1', { capture: { handle: handle() } }),
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}' } },
      send('Test2', { MessageGroupId: 'group2', MessageDeduplicationId: 'same-dedup' }),
      receive({}, 'same-dedup-different-grp-2', { capture: { handle2: handle() } }),
      { op: 'DeleteMessage', params: { QueueUrl: queue, ReceiptHandle: '{{handle2}}' } },
      setAttributes({ DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue' }),
      getAttributes(['All'], 'set-to-regular-throughput'),
      send('Test3', { MessageGroupId: 'group3', MessageDeduplicationId: 'same-dedup' }),
      receive({}, 'same-dedup-different-grp-regular-throughput'),
    ],
  },
  {
    test: 'TestSqsProvider::test_message_system_attribute_names_with_attribute_names',
    steps: [
      createQueue({ Attributes: { VisibilityTimeout: '0' } }),
      send('msg', { MessageAttributes: { Foo: { DataType: 'String', StringValue: 'Bar' } } }),
      receive({ WaitTimeSeconds: 5, MessageSystemAttributeNames: ['All'], AttributeNames: ['All'] }, 'same_values'),
      receive({ WaitTimeSeconds: 5, MessageSystemAttributeNames: ['All'], AttributeNames: ['SenderId'] }, 'different_values'),
    ],
  },
  {
    test: 'TestSqsProvider::test_fifo_group_visibility_extends_with_change_message_visibility',
    note: 'one contract per message_position parameter (0-visible, 1-visible, 2-visible): the message whose visibility is extended',
    unportedVariants: Object.fromEntries(
      ['all-invisible', '1-invisible', 'no-invisible'].map((id) => [
        id,
        'recorded by an earlier form of the test that was never committed (localstack#13386 committed it with the ids 0-visible, 1-visible and 2-visible, recorded three minutes later and ported): which message this id extended is not known',
      ]),
    ),
    steps: (param) => [
      createQueue({ QueueName: 'test-queue-{{suffix}}.fifo', Attributes: { FifoQueue: 'true', VisibilityTimeout: '1' } }),
      send('foo', { MessageGroupId: '1', MessageDeduplicationId: 'foo' }),
      send('bar', { MessageGroupId: '1', MessageDeduplicationId: 'bar' }),
      send('baz', { MessageGroupId: '1', MessageDeduplicationId: 'baz' }),
      receive({ MaxNumberOfMessages: 5 }, 'receive_all_messages', { capture: { handle: handle(Number(param.split('-')[0])) } }),
      { op: 'ChangeMessageVisibility', params: { QueueUrl: queue, ReceiptHandle: '{{handle}}', VisibilityTimeout: 4 } },
      receive({ MaxNumberOfMessages: 5 }, 'some-messages-invisible', { delaySeconds: 2.5 }),
    ],
  },
  {
    test: 'TestSqsProvider::test_set_queue_attributes_default_values',
    steps: [
      createQueue(),
      getAttributes(['All'], 'get-queue-attributes-initial-values'),
      setAttributes({ KmsMasterKeyId: 'testKeyId', KmsDataKeyReusePeriodSeconds: '6000' }),
      getAttributes(['All'], 'get-queue-attributes-after-update'),
      setAttributes({ KmsMasterKeyId: '', KmsDataKeyReusePeriodSeconds: '300' }),
      getAttributes(['All'], 'get-queue-attributes-after-set-to-defaults'),
    ],
  },
  {
    test: 'TestSqsProvider::test_send_batch_message_size',
    steps: [
      createQueue({ Attributes: { MaximumMessageSize: '1024' } }),
      {
        ...sendBatch(
          [
            { Id: 'a4cff0d1-1961-44bd-ae53-c6d5ed71ed08', MessageBody: 'a'.repeat(1024) },
            { Id: '35b535ed-b76a-4ebd-b749-6eb35cdb55ee', MessageBody: 'a'.repeat(1025) },
          ],
          'send-message-batch-result',
        ),
      },
    ],
  },
];

const source: SourceFile = {
  service: 'sqs',
  module: 'test_sqs',
  snapshotDir: 'sqs',
  variants: { sqs: 'json', sqs_query: 'query' },
  defaultProtocol: 'json',
  scenarios,
  notPorted: {
    test_list_queues_pagination: "the recorded queue URLs and NextToken are LocalStack's (localhost.localstack.cloud), not AWS's",
    test_aws_trace_header_propagation: 'the snapshot redacted the message attribute named "timestamp" to a timestamp placeholder, so its value is lost',
    test_fifo_delete_message_with_expired_receipt_handle: 'no recorded entries',
    test_invalid_dead_letter_arn_rejected_before_lookup: 'no recorded entries',
    test_dead_letter_queue_with_fifo_and_content_based_deduplication: 'no recorded entries',
    test_set_empty_redrive_policy: 'no recorded entries',
    test_message_deduplication_id_success: 'no recorded entries',
    test_approximate_number_of_messages_not_visible: 'no recorded entries',
    test_fifo_approximate_number_of_messages_not_visible: 'no recorded entries',
    test_send_message_via_queue_url_with_json_protocol: "the test's client takes the queue URL as its endpoint (JSON requests posted to the queue's path), which a step cannot express",
  },
};

export default source;
