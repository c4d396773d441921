// LocalStack's SQS event source mapping tests (tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_sqs.py,
// Apache-2.0). The events a function received are read back as the tests read them: from a queue the function
// forwards them to (ReceiveMessage, long polls), or from the function's log (FilterLogEvents, polled until it holds
// the events the test waited for; InteractionMeta.view). Handlers are written here with the behaviour of the test's.
import { pythonJson, type SourceFile, type SourceScenario, type SourceStep } from '../../verifier/port/source-types.ts';
import { callerAccount, FUNCTION, zip } from './lambda-api/common.ts';
import { echoPrinting, esmEnabled, forwardedRecords, functionLog, SEND_RECORDS, withHandler } from './lambda-esm/common.ts';

/** functions/lambda_sqs_integration.py, in behaviour: one record whose body names a destination queue and how many attempts fail; the outcome and the event go to that queue. */
const SQS_INTEGRATION = zip(`import json

import boto3

# Made at start-up (the function's init), not per invocation: the test's handler makes it per invocation.
SQS = boto3.client("sqs")


def handler(event, context):
    records = event.get("Records", [])
    if len(records) != 1:
        raise ValueError("the payload must consist of exactly one record")
    record = records[0]
    message = json.loads(record["body"])
    if not message.get("destination"):
        raise ValueError("no destination for the event given")
    error = None
    try:
        if message["fail_attempts"] >= int(record["attributes"]["ApproximateReceiveCount"]):
            raise ValueError("failed attempt")
    except Exception as e:
        error = e
        raise
    finally:
        outcome = {"error": None if error is None else str(error), "event": event}
        SQS.send_message(QueueUrl=message["destination"], MessageBody=json.dumps(outcome))
`);

/**
 * functions/lambda_sqs_batch_item_failure.py, in behaviour: records whose body's fail_attempts reach their receive count
 * are reported as batch item failures (or OVERWRITE_RESULT is answered); the event and the answer go to
 * DESTINATION_QUEUE_URL.
 */
const BATCH_ITEM_FAILURE = zip(`import json
import os

import boto3

SQS = boto3.client("sqs")


def handler(event, context):
    print("incoming event:")
    print(json.dumps(event))
    if not event.get("Records"):
        raise ValueError("no records passed to event")
    failed = []
    for record in event["Records"]:
        message = json.loads(record["body"])
        if message.get("fail_attempts") is None:
            raise ValueError("no fail_attempts for the event given")
        if message["fail_attempts"] >= int(record["attributes"]["ApproximateReceiveCount"]):
            failed.append(record["messageId"])
    result = {"batchItemFailures": [{"itemIdentifier": message_id} for message_id in failed]}
    overwrite = os.environ.get("OVERWRITE_RESULT")
    if overwrite is not None:
        try:
            result = json.loads(overwrite)
        except Exception:
            result = overwrite
    destination = os.environ.get("DESTINATION_QUEUE_URL")
    if destination:
        SQS.send_message(QueueUrl=destination, MessageBody=json.dumps({"event": event, "result": result}))
    return result
`);

/** functions/lambda_echo_version_env.py, in behaviour: print the version, CUSTOM_VAR and the event. */
const ECHO_VERSION_ENV = zip(`import json
import os


def handler(event, context):
    print(json.dumps({"function_version": os.environ.get("AWS_LAMBDA_FUNCTION_VERSION"), "CUSTOM_VAR": os.environ.get("CUSTOM_VAR"), "event": event}))
    return event
`);

/** functions/lambda_integration.py, in the behaviour the dead-letter test uses: an event with raise_error fails. */
const RAISE_ON_FLAG = zip(`import json


def handler(event, context):
    print(json.dumps(event))
    if "raise_error" in event:
        raise Exception("Test exception (this is intentional)")
    return {"event": event}
`);

/** functions/lambda_sleep.py, in behaviour: sleep TEST_SLEEP_S seconds. */
const SLEEP = zip(`import os
import time

SECONDS = int(os.getenv("TEST_SLEEP_S", "0"))


def handler(event, context):
    print(f"sleeping for {SECONDS}")
    time.sleep(SECONDS)
    print("done sleeping")
    return {"status": "ok"}
`);

/** sqs_create_queue + sqs_get_queue_arn: `{{<key>Url}}` and `{{<key>Arn}}`. */
const queue = (key: string, QueueName: string, Attributes?: Record<string, string>): SourceStep[] => [
  { service: 'sqs', protocol: 'json', op: 'CreateQueue', params: { QueueName, ...(Attributes ? { Attributes } : {}) }, capture: { [`${key}Url`]: '$.QueueUrl' } },
  { service: 'sqs', protocol: 'json', op: 'GetQueueAttributes', params: { QueueUrl: `{{${key}Url}}`, AttributeNames: ['QueueArn'] }, capture: { [`${key}Arn`]: '$.Attributes.QueueArn' } },
];
const sqs = (op: string, params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({ service: 'sqs', protocol: 'json', op, params, ...extra });
/** The destination queue the test reads the function's results from, and its recorded GetQueueUrl. */
const destination: SourceStep[] = [
  ...queue('dest', 'destination-queue-{{suffix}}'),
  sqs('GetQueueUrl', { QueueName: 'destination-queue-{{suffix}}' }, { snapshot: 'get_destination_queue_url' }),
];
/** A ReceiveMessage the test recorded whole, message bodies decoded. */
const received = (snapshot: string, url: string, params: Record<string, unknown> = {}): SourceStep =>
  sqs('ReceiveMessage', { QueueUrl: url, ...params }, { snapshot, jsonStrings: ['$.Messages[*].Body'] });
const fromDestination = (snapshot: string, WaitTimeSeconds = 15) => received(snapshot, '{{destUrl}}', { WaitTimeSeconds, MaxNumberOfMessages: 1 });

/** The redrive policy the tests give their source queues. */
const redrive = (maxReceiveCount: number) => JSON.stringify({ deadLetterTargetArn: '{{dlqArn}}', maxReceiveCount });

const mapping = (params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({
  op: 'CreateEventSourceMapping',
  params: { FunctionName: FUNCTION, ...params },
  capture: { uuid: '$.UUID' },
  ...extra,
});

const echoFunction = withHandler(echoPrinting());
const sendMessage = (QueueUrl: string, MessageBody: string, extra: Record<string, unknown> = {}) => sqs('SendMessage', { QueueUrl, MessageBody, ...extra });

/** The test's event for lambda_sqs_integration.py: where to report, and how many attempts fail. */
const integrationEvent = (failAttempts: number) => `{"destination": "{{destUrl}}", "fail_attempts": ${failAttempts}}`;

/** test_sqs_event_filter's parameters as the test writes them: the filter, the matching item, the one dropped. */
const FILTERS: Record<string, [unknown, unknown, unknown]> = {
  single: [{ body: { 'my-key': ['my-value'] } }, { 'my-key': 'my-value' }, { 'my-key': 'other-value' }],
  or: [{ body: { 'my-key': ['my-value-one', 'my-value-two'] } }, { 'my-key': 'my-value-two' }, { 'my-key': 'other-value' }],
  and: [
    { body: { 'my-key-one': ['other-filter', 'my-value-one'], 'my-key-two': ['my-value-two'] } },
    { 'my-key-one': 'my-value-one', 'my-key-two': 'my-value-two' },
    { 'my-key-one': 'other-value-', 'my-key-two': 'my-value-two' },
  ],
  exists: [{ body: { 'my-key': [{ exists: true }] } }, { 'my-key': 'any-value-one' }, { 'other-key': 'any-value-two' }],
  'numeric-bigger': [{ body: { 'my-number': [{ numeric: ['>', 100] }] } }, { 'my-number': 101 }, { 'my-number': 100 }],
  'numeric-smaller': [{ body: { 'my-number': [{ numeric: ['<', 100] }] } }, { 'my-number': 99 }, { 'my-number': 100 }],
  'numeric-range': [{ body: { 'my-number': [{ numeric: ['>=', 100, '<', 200] }] } }, { 'my-number': 100 }, { 'my-number': 200 }],
  prefix: [{ body: { 'my-key': [{ prefix: 'yes' }] } }, { 'my-key': 'yes-value' }, { 'my-key': 'no-value' }],
  'valid-json-filter': [{ body: { 'my-key': ['my-value'] } }, { 'my-key': 'my-value' }, 'plain-string'],
};

/**
 * The parameters of test_sqs_event_filter's October 2024 version (pytest's own ids filter0..filter7, python3.9), as a
 * public copy of that test file has them; the recorded patterns and matching bodies are these.
 */
const FILTERS_2024: [unknown, unknown, unknown][] = [
  [{ body: { testItem: ['test24'] } }, { testItem: 'test24' }, { testItem: 'tesWER' }],
  [{ body: { testItem: ['test24', 'test45'] } }, { testItem: 'test45' }, { testItem: 'WERTD' }],
  [{ body: { testItem: ['test24', 'test45'], test2: ['go'] } }, { testItem: 'test45', test2: 'go' }, { testItem: 'test67', test2: 'go' }],
  [{ body: { test2: [{ exists: true }] } }, { test2: '7411' }, { test5: '74545' }],
  [{ body: { test2: [{ numeric: ['>', 100] }] } }, { test2: 105 }, 'this is a test string'],
  [{ body: { test2: [{ numeric: ['<', 100] }] } }, { test2: 93 }, { test2: 105 }],
  [{ body: { test2: [{ numeric: ['>=', 100, '<', 200] }] } }, { test2: 105 }, { test2: 200 }],
  [{ body: { test2: [{ prefix: 'us-1' }] } }, { test2: 'us-1-48454' }, { test2: 'eu-wert' }],
];
const OLD_FILTER_IDS = [
  'filter0-item_matching0-item_not_matching0',
  'filter1-item_matching1-item_not_matching1',
  'filter2-item_matching2-item_not_matching2',
  'filter3-item_matching3-item_not_matching3',
  'filter4-item_matching4-this is a test string',
  'filter5-item_matching5-item_not_matching5',
  'filter6-item_matching6-item_not_matching6',
  'filter7-item_matching7-item_not_matching7',
];
/**
 * The December 2024 version named those parameters; its recorded patterns and matching bodies are the October ones
 * (single-filter the first, ..., numeric-prefix the prefix filter), so the dropped items are taken to be too.
 */
const NAMED_2024: Record<string, number> = { 'single-filter': 0, 'or-filter': 1, 'and-filter': 2, 'exists-filter': 3, 'numeric-prefix': 7 };

/** test_sqs_event_filter's parameters for a recorded id: the current ones, or an earlier version's, with its runtime. */
function filterParameters(param: string): { parameters: [unknown, unknown, unknown]; runtime?: string } {
  if (Object.hasOwn(FILTERS, param)) return { parameters: FILTERS[param] };
  const old = OLD_FILTER_IDS.indexOf(param);
  if (old >= 0) return { parameters: FILTERS_2024[old], runtime: 'python3.9' };
  return { parameters: FILTERS_2024[NAMED_2024[param]] };
}

const INVALID_FILTERS: Record<string, string> = {
  None: 'null',
  'simple string': 'simple string',
  invalid_filter2: '{"eventSource": "aws:sqs"}',
  invalid_filter3: '{"eventSource": []}',
};

/** The failing-lambda scenarios: a destination queue, the integration handler, a source queue (with a DLQ when `dlq`). */
const failingSetup = (dlqRetries?: number): SourceStep[] => [
  callerAccount,
  ...destination,
  withHandler(SQS_INTEGRATION, { Timeout: 5 }),
  ...(dlqRetries ? queue('dlq', 'event-dlq-{{suffix}}') : []),
  ...queue('source', 'source-queue-{{suffix}}', { VisibilityTimeout: '5', ...(dlqRetries ? { RedrivePolicy: redrive(dlqRetries) } : {}) }),
  mapping({ EventSourceArn: '{{sourceArn}}', BatchSize: 1 }),
  esmEnabled,
];

/** The ReportBatchItemFailures scenarios' set-up: the batch-item-failure handler reporting to a destination queue. */
const batchItemFailureSetup = (retryTimeout: number, retries: number, overwrite: string): SourceStep[] => [
  callerAccount,
  ...destination,
  withHandler(BATCH_ITEM_FAILURE, { Timeout: retryTimeout, Environment: { Variables: { DESTINATION_QUEUE_URL: '{{destUrl}}', OVERWRITE_RESULT: overwrite } } }),
  ...queue('dlq', 'event-dlq-{{suffix}}'),
  ...queue('source', 'source-queue-{{suffix}}', { VisibilityTimeout: String(retryTimeout), RedrivePolicy: redrive(retries) }),
  mapping({ EventSourceArn: '{{sourceArn}}', BatchSize: 10, MaximumBatchingWindowInSeconds: 0, FunctionResponseTypes: ['ReportBatchItemFailures'] }),
  esmEnabled,
  sendMessage('{{sourceUrl}}', '{"message": 1, "fail_attempts": 0}'),
];

/** CUSTOM_VAR set (waiting for the update), then a version published (waiting until it is Active), its ARN as `{{<arn>}}`. */
const publishWithVar = (value: string, arn: string): SourceStep[] => [
  { op: 'UpdateFunctionConfiguration', params: { FunctionName: FUNCTION, Environment: { Variables: { CUSTOM_VAR: value } } } },
  { op: 'GetFunctionConfiguration', params: { FunctionName: FUNCTION }, until: { path: '$.LastUpdateStatus', matches: '^Successful$' } },
  { op: 'PublishVersion', params: { FunctionName: FUNCTION }, capture: { [arn]: '$.FunctionArn' } },
  { op: 'GetFunctionConfiguration', params: { FunctionName: `{{${arn}}}` }, until: { path: '$.State', matches: '^Active$' } },
];

const scenarios: SourceScenario[] = [
  {
    test: 'test_esm_with_not_existing_sqs_queue',
    steps: [
      callerAccount,
      withHandler(SQS_INTEGRATION, { Timeout: 5 }),
      { op: 'CreateEventSourceMapping', params: { EventSourceArn: 'arn:{{partition}}:sqs:{{region}}:{{accountId}}:not-existing-queue-{{suffix}}', FunctionName: FUNCTION, BatchSize: 1 }, snapshot: 'error' },
    ],
  },
  {
    test: 'test_failing_lambda_retries_after_visibility_timeout',
    note: 'the first attempt fails, the second (after the 5-second visibility timeout) succeeds; both events are read from the queue the handler reports to',
    steps: [
      ...failingSetup(),
      { op: 'GetEventSourceMapping', params: { UUID: '{{uuid}}' }, snapshot: 'event_source_mapping' },
      sendMessage('{{sourceUrl}}', integrationEvent(1)),
      fromDestination('first_attempt'),
      fromDestination('second_attempt'),
    ],
  },
  {
    test: 'test_message_body_and_attributes_passed_correctly',
    steps: [
      ...failingSetup(2),
      sendMessage('{{sourceUrl}}', integrationEvent(0), {
        MessageAttributes: {
          Title: { DataType: 'String', StringValue: 'The Whistler' },
          Author: { DataType: 'String', StringValue: 'John Grisham' },
          WeeksOn: { DataType: 'Number', StringValue: '6' },
        },
      }),
      fromDestination('first_attempt'),
    ],
  },
  {
    test: 'test_redrive_policy_with_failing_lambda',
    steps: [
      ...failingSetup(2),
      sendMessage('{{sourceUrl}}', integrationEvent(2)),
      fromDestination('first_attempt'),
      sqs('ReceiveMessage', { QueueUrl: '{{dlqUrl}}', WaitTimeSeconds: 1 }),
      fromDestination('second_attempt'),
      received('dlq_response', '{{dlqUrl}}', { WaitTimeSeconds: 15 }),
    ],
  },
  {
    test: 'test_sqs_queue_as_lambda_dead_letter_queue',
    note: "the test polls the dead-letter queue until a message is there: a poll of ReceiveMessage until its Messages holds one",
    steps: [
      callerAccount,
      ...queue('dlq', 'dlq-{{suffix}}'),
      {
        ...withHandler(RAISE_ON_FLAG, { DeadLetterConfig: { TargetArn: '{{dlqArn}}' } }),
        snapshot: 'lambda-response-dlq-config',
        select: '$.DeadLetterConfig',
      },
      { op: 'PutFunctionEventInvokeConfig', params: { FunctionName: FUNCTION, MaximumRetryAttempts: 0 } },
      { op: 'Invoke', params: { FunctionName: FUNCTION, Payload: { $blob: Buffer.from('{"raise_error": 1}').toString('base64') }, InvocationType: 'Event' } },
      {
        ...received('messages', '{{dlqUrl}}', { MessageAttributeNames: ['All'], VisibilityTimeout: 0 }),
        until: { path: '$.Messages', count: 1, timeoutSeconds: 240 },
        ignore: ['$.MD5OfMessageAttributes', '$.Messages[0].MD5OfMessageAttributes'],
      },
    ],
  },
  {
    test: 'test_report_batch_item_failures_on_lambda_error',
    note: 'the dead-letter queue is read until both messages of the failed batch are there, as the test gathers them (in any order; the test sorts them by digest)',
    steps: [
      callerAccount,
      withHandler(SQS_INTEGRATION, { Timeout: 2 }),
      ...queue('dlq', 'event-dlq-{{suffix}}'),
      ...queue('source', 'source-queue-{{suffix}}', { VisibilityTimeout: '2', RedrivePolicy: redrive(2) }),
      sqs('SendMessageBatch', { QueueUrl: '{{sourceUrl}}', Entries: [{ Id: 'message-1', MessageBody: '{not a json body' }, { Id: 'message-2', MessageBody: '{"message": 2, "fail_attempts": 0}' }] }),
      mapping({ EventSourceArn: '{{sourceArn}}', FunctionResponseTypes: ['ReportBatchItemFailures'] }),
      esmEnabled,
      {
        ...sqs('ReceiveMessage', { QueueUrl: '{{dlqUrl}}' }),
        snapshot: 'dlq_messages',
        view: 'messages',
        until: { path: '$', count: 2, accumulate: true, timeoutSeconds: 120 },
        jsonStrings: ['$[*].Body'],
        unordered: ['$'],
      },
    ],
  },
  {
    test: 'test_report_batch_item_failures_invalid_result_json_batch_fails',
    steps: [
      ...batchItemFailureSetup(4, 2, '{"batchItemFailures": [{"foo":"notvalid"}]}'),
      fromDestination('first_invocation'),
      fromDestination('second_invocation'),
      received('dlq_response', '{{dlqUrl}}', { WaitTimeSeconds: 15 }),
    ],
  },
  {
    test: 'test_report_batch_item_failures_empty_json_batch_succeeds',
    steps: [...batchItemFailureSetup(4, 1, '{}'), fromDestination('first_invocation'), sqs('ReceiveMessage', { QueueUrl: '{{dlqUrl}}', WaitTimeSeconds: 5 })],
  },
  {
    test: 'test_fifo_message_group_parallelism',
    note: "the test's last minute (a sleep, then a count of the function's log streams) records nothing and is left out",
    steps: [
      callerAccount,
      sqs('CreateQueue', { QueueName: 'test-queue-{{suffix}}.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true', VisibilityTimeout: '60' } }, { capture: { queueUrl: '$.QueueUrl' } }),
      sqs('GetQueueAttributes', { QueueUrl: '{{queueUrl}}', AttributeNames: ['QueueArn'] }, { capture: { queueArn: '$.Attributes.QueueArn' } }),
      withHandler(SLEEP, { Timeout: 10, Environment: { Variables: { TEST_SLEEP_S: '5' } } }),
      mapping({ EventSourceArn: '{{queueArn}}', Enabled: false, BatchSize: 1 }, { snapshot: 'create_esm_disabled' }),
      ...[0, 1, 2, 3, 4].map((i) => sendMessage('{{queueUrl}}', `message-${i}`, { MessageGroupId: 'fixed-message-group-id-test' })),
      { op: 'UpdateEventSourceMapping', params: { UUID: '{{uuid}}', Enabled: true }, snapshot: 'update_esm_enabling' },
      esmEnabled,
      { op: 'GetEventSourceMapping', params: { UUID: '{{uuid}}' }, snapshot: 'get_esm_enabled' },
    ],
  },
  {
    test: 'TestSQSEventSourceMapping::test_event_source_mapping_default_batch_size',
    steps: [
      callerAccount,
      ...queue('one', 'queue-{{suffix}}-1'),
      echoFunction,
      mapping({ EventSourceArn: '{{oneArn}}' }, { snapshot: 'create-event-source-mapping' }),
      esmEnabled,
      { op: 'UpdateEventSourceMapping', params: { UUID: '{{uuid}}', FunctionName: FUNCTION, BatchSize: 11 }, snapshot: 'invalid-update-event-source-mapping' },
      ...queue('two', 'queue-{{suffix}}-2'),
      { op: 'CreateEventSourceMapping', params: { EventSourceArn: '{{twoArn}}', FunctionName: FUNCTION, BatchSize: 11 }, snapshot: 'invalid-create-event-source-mapping' },
    ],
  },
  {
    test: 'TestSQSEventSourceMapping::test_sqs_event_source_mapping',
    steps: [
      callerAccount,
      echoFunction,
      ...queue('one', 'queue-{{suffix}}-1'),
      mapping({ EventSourceArn: '{{oneArn}}', MaximumBatchingWindowInSeconds: 1 }, { snapshot: 'create-event-source-mapping-response' }),
      esmEnabled,
      sendMessage('{{oneUrl}}', '{"foo": "bar"}'),
      functionLog('events', 1),
      sqs('ReceiveMessage', { QueueUrl: '{{oneUrl}}' }),
    ],
  },
  {
    test: 'TestSQSEventSourceMapping::test_sqs_event_filter',
    note: "the test's current parameters, and for the ids of its 2024 versions theirs; the function's log is read until it holds the one invocation the test waits for",
    steps: (param) => {
      const { parameters, runtime } = filterParameters(param);
      const [filter, matching, notMatching] = parameters;
      return [
        callerAccount,
        runtime ? withHandler(echoPrinting(), { Runtime: runtime }) : echoFunction,
        ...queue('one', 'queue-{{suffix}}-1'),
        sendMessage('{{oneUrl}}', pythonJson(matching)),
        sendMessage('{{oneUrl}}', typeof notMatching === 'string' ? notMatching : pythonJson(notMatching)),
        mapping(
          { EventSourceArn: '{{oneArn}}', MaximumBatchingWindowInSeconds: 1, FilterCriteria: { Filters: [{ Pattern: pythonJson(filter) }] } },
          { snapshot: 'create_event_source_mapping_response', jsonStrings: ['$.FilterCriteria.Filters[*].Pattern'] },
        ),
        esmEnabled,
        functionLog('invocation_events', 1),
        sqs('ReceiveMessage', { QueueUrl: '{{oneUrl}}' }),
      ];
    },
    unportedVariants: {
      'plain-string-matching': 'skipped by the test itself ("figure out how plain string matching works"): nothing recorded',
      'plain-string-filter': 'skipped by the test itself ("figure out how plain string matching works"): nothing recorded',
    },
  },
  {
    test: 'TestSQSEventSourceMapping::test_sqs_invalid_event_filter',
    steps: (param) => [
      callerAccount,
      echoFunction,
      ...queue('one', 'queue-{{suffix}}'),
      {
        op: 'CreateEventSourceMapping',
        params: { EventSourceArn: '{{oneArn}}', FunctionName: FUNCTION, MaximumBatchingWindowInSeconds: 1, FilterCriteria: { Filters: [{ Pattern: INVALID_FILTERS[param] }] } },
        snapshot: 'create_event_source_mapping_exception',
      },
    ],
  },
  {
    test: 'TestSQSEventSourceMapping::test_sqs_event_source_mapping_update',
    note: "the function_updated_v2 and function_active_v2 waiters are polls of GetFunctionConfiguration; the test's wait of 10 seconds after the update, on AWS, is kept",
    steps: [
      callerAccount,
      withHandler(ECHO_VERSION_ENV),
      ...publishWithVar('a', 'v1Arn'),
      ...queue('one', 'queue-{{suffix}}-1'),
      mapping({ EventSourceArn: '{{oneArn}}', FunctionName: '{{v1Arn}}', MaximumBatchingWindowInSeconds: 1 }, { snapshot: 'create-event-source-mapping-response' }),
      esmEnabled,
      sendMessage('{{oneUrl}}', '{"foo": "bar"}'),
      functionLog('events', 1),
      sqs('ReceiveMessage', { QueueUrl: '{{oneUrl}}' }),
      ...publishWithVar('b', 'v2Arn'),
      { op: 'UpdateEventSourceMapping', params: { UUID: '{{uuid}}', FunctionName: '{{v2Arn}}' }, snapshot: 'updated_esm' },
      esmEnabled,
      { op: 'GetEventSourceMapping', params: { UUID: '{{uuid}}' }, snapshot: 'updated_event_source_mapping', delaySeconds: 10 },
      sendMessage('{{oneUrl}}', '{"foo": "bar2"}'),
      functionLog('events_postupdate', 2),
      sqs('ReceiveMessage', { QueueUrl: '{{oneUrl}}' }),
    ],
  },
  {
    test: 'TestSQSEventSourceMapping::test_duplicate_event_source_mappings',
    steps: [
      callerAccount,
      ...queue('one', 'queue-{{suffix}}'),
      echoFunction,
      mapping({ EventSourceArn: '{{oneArn}}' }, { snapshot: 'create' }),
      { op: 'CreateEventSourceMapping', params: { FunctionName: FUNCTION, EventSourceArn: '{{oneArn}}' }, snapshot: 'error' },
      withHandler(echoPrinting(), {}, 'fn2-{{suffix}}'),
      { op: 'CreateEventSourceMapping', params: { FunctionName: 'fn2-{{suffix}}', EventSourceArn: '{{oneArn}}' } },
    ],
  },
  {
    test: 'TestSQSEventSourceMapping::test_sqs_event_source_mapping_batch_size',
    note: "MaximumBatchingWindowInSeconds is AWS's 10 (the snapshot redacts it, as LocalStack sends 2)",
    steps: (batchSize) => [
      callerAccount,
      ...queue('dest', 'destination-queue-{{suffix}}'),
      withHandler(SEND_RECORDS, { Environment: { Variables: { SQS_QUEUE_URL: '{{destUrl}}' } } }),
      ...queue('source', 'source-queue-{{suffix}}'),
      mapping({ EventSourceArn: '{{sourceArn}}', MaximumBatchingWindowInSeconds: 10, BatchSize: Number(batchSize) }, { snapshot: 'create-event-source-mapping-response', ignore: ['$.MaximumBatchingWindowInSeconds'] }),
      esmEnabled,
      sqs('SendMessageBatch', { QueueUrl: '{{sourceUrl}}', Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `${i}-0`, MessageBody: `${i}-0-message-${i}` })) }, { snapshot: 'send-message-batch-result-10' }),
      sqs('SendMessageBatch', { QueueUrl: '{{sourceUrl}}', Entries: Array.from({ length: 5 }, (_, i) => ({ Id: `${i}-1`, MessageBody: `${i}-1-message-${i}` })) }, { snapshot: 'send-message-batch-result-5' }),
      forwardedRecords(15, '{{destUrl}}'),
    ],
  },
  {
    test: 'TestSQSEventSourceMapping::test_sqs_event_source_mapping_batching_reserved_concurrency',
    note: 'batch_info, the number of batches the function forwarded (which AWS decides), is not judged',
    steps: [
      callerAccount,
      ...queue('dest', 'destination-queue-{{suffix}}'),
      withHandler(SEND_RECORDS, { Environment: { Variables: { SQS_QUEUE_URL: '{{destUrl}}' } } }),
      { op: 'PutFunctionConcurrency', params: { FunctionName: FUNCTION, ReservedConcurrentExecutions: 2 }, snapshot: 'put_concurrency_resp' },
      ...queue('source', 'source-queue-{{suffix}}'),
      ...[0, 1, 2].map((b) => sqs('SendMessageBatch', { QueueUrl: '{{sourceUrl}}', Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `${i}-${b}`, MessageBody: `${i}-${b}-message` })) })),
      mapping({ EventSourceArn: '{{sourceArn}}', MaximumBatchingWindowInSeconds: 1, BatchSize: 20, ScalingConfig: { MaximumConcurrency: 2 } }, { snapshot: 'create-event-source-mapping-response' }),
      esmEnabled,
      forwardedRecords(30, '{{destUrl}}'),
    ],
  },
];

const source: SourceFile = {
  service: 'lambda',
  module: 'test_lambda_integration_sqs',
  snapshotDir: 'lambda/event_source_mapping',
  testDir: 'lambda_/event_source_mapping',
  variants: {},
  defaultProtocol: 'rest-json',
  redactedWords: { 'sent-timestamp': 'any', 'sender-id': 'any' },
  scenarios,
  notPorted: {
    test_report_batch_item_failures:
      "skipped by the test itself (\"Flaky as an SQS queue will not always return messages in a ReceiveMessages call\"): its first read waits only 3 seconds for the function's first report",
    'TestSQSEventSourceMapping::test_sqs_event_source_mapping_batching_behaviour': 'skipped by the test itself: nothing recorded',
  },
};

export default source;
