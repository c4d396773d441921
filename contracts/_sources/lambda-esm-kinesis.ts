// LocalStack's Kinesis event source mapping tests (tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_kinesis.py,
// Apache-2.0). The events a function received are read back from its log as the tests read them (FilterLogEvents
// polled until it holds the events waited for; InteractionMeta.view), failures from the on-failure destination queue.
// Handlers are written here with the behaviour of the test's.
import { pythonJson, type SourceFile, type SourceScenario, type SourceStep } from '../../verifier/port/source-types.ts';
import { callerAccount, FUNCTION, zip } from './lambda-api/common.ts';
import {
  BATCH_ITEM_FAILURES,
  destinationQueue,
  echoPrinting,
  esmEnabled,
  esmRole,
  failureMessages,
  forwardedRecords,
  functionLog,
  S3_DESTINATION_ARN,
  SEND_RECORDS,
  s3Destination,
  s3FailureRecord,
  snsDestination,
  snsFailureMessage,
  withHandler,
  withResponse,
} from './lambda-esm/common.ts';

const STREAM = 'test-foobar-{{suffix}}';
const kinesis = (op: string, params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({ service: 'kinesis', protocol: 'json', op, params, ...extra });
const data = (text: string) => ({ $blob: Buffer.from(text).toString('base64') });

/** kinesis_create_stream + wait_for_stream_ready + describe_stream: the stream `name`, its ARN as `{{streamArn}}`. */
const streamNamed = (name: string): SourceStep[] => [
  kinesis('CreateStream', { StreamName: name, ShardCount: 1 }),
  kinesis('DescribeStream', { StreamName: name }, { until: { path: '$.StreamDescription.StreamStatus', matches: '^(ACTIVE|UPDATING)$' } }),
  kinesis('DescribeStreamSummary', { StreamName: name }),
  kinesis('DescribeStream', { StreamName: name }, { capture: { streamArn: '$.StreamDescription.StreamARN' } }),
];
const stream = streamNamed(STREAM);

const mapping = (params: Record<string, unknown>, snapshot = 'create_event_source_mapping_response', functionName = FUNCTION): SourceStep => ({
  op: 'CreateEventSourceMapping',
  params: { EventSourceArn: '{{streamArn}}', FunctionName: functionName, ...params },
  snapshot,
  capture: { uuid: '$.UUID' },
});

/** The test's own filter of the function's log (`"Records" in event`), waited for until it holds `count` events. */
const recordEvents = (snapshot: string, count: number): SourceStep => ({ ...functionLog(snapshot, count), view: 'function-log-records' });

/** test_kinesis_report_batch_item_success_scenarios' answers, as Python source (the test formats its parameter into the handler). */
const SUCCESSES: Record<string, string> = {
  empty_string_success: '',
  empty_list_success: '[]',
  null_success: 'None',
  empty_dict_success: '{}',
  empty_batch_item_failure_success: "{'batchItemFailures': []}",
  null_batch_item_failure_success: "{'batchItemFailures': None}",
};

/** functions/lambda_integration.py as this test uses it: it logs, and raises for a Kinesis record whose data holds `raise_error`. */
const RAISE_ON_FLAG = zip(
  'import base64\nimport json\n\n\ndef handler(event, context):\n    print("Lambda log message - print function", flush=True)\n    for record in event.get("Records", []):\n        data = json.loads(base64.b64decode(record["kinesis"]["data"]))\n        if "raise_error" in data:\n            raise Exception("Test exception (this is intentional)")\n',
);

/** functions/provided_bootstrap_empty in behaviour: a bootstrap that answers every invocation of the runtime API with an empty response. */
const EMPTY_BOOTSTRAP = zip(
  '#!/bin/sh\nset -eu\nwhile true; do\n  HEADERS="$(mktemp)"\n  curl -sS -D "$HEADERS" -o /dev/null "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next"\n  ID=$(grep -i "^Lambda-Runtime-Aws-Request-Id:" "$HEADERS" | cut -d: -f2 | tr -d "[:space:]")\n  rm -f "$HEADERS"\n  curl -sS -X POST -o /dev/null "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$ID/response"\ndone\n',
  'bootstrap',
);

/** functions/kinesis_log.py in behaviour: print the batch's records' data, decoded from base64 and parsed, as one JSON list. */
const PRINT_DATA = zip('import base64\nimport json\n\n\ndef handler(event, context):\n    print(json.dumps([json.loads(base64.b64decode(r["kinesis"]["data"])) for r in event["Records"]]))\n');

/** functions/lambda_echofail.py in behaviour: print the event and the request id, then raise. */
const ECHO_FAIL = zip('import json\n\n\ndef handler(event, context):\n    print(json.dumps({"event": event, "aws_request_id": context.aws_request_id}))\n    raise Exception("intentional failure")\n');

/** functions/lambda_parallel.py in behaviour: wait five seconds, print and answer `{executionStart, event}`. */
const PARALLEL = zip('import json\nimport time\n\n\ndef handler(event, context):\n    result = {"executionStart": time.time(), "event": event}\n    time.sleep(5)\n    print(json.dumps(result))\n    return result\n');

/**
 * The on-failure destination tests' stream (test-kinesis-<uid>), their mapping (one record a batch, one retry) to
 * `destination`, and the record that makes RAISE_ON_FLAG fail.
 */
/** The role-made tests' stream (test-kinesis-<uid>) as they make it: create_stream, describe_stream (its ARN as `{{streamArn}}`), wait_for_stream_ready. */
const testKinesisStream: SourceStep[] = [
  kinesis('CreateStream', { StreamName: 'test-kinesis-{{suffix}}', ShardCount: 1 }),
  kinesis('DescribeStream', { StreamName: 'test-kinesis-{{suffix}}' }, { capture: { streamArn: '$.StreamDescription.StreamARN' } }),
  kinesis('DescribeStream', { StreamName: 'test-kinesis-{{suffix}}' }, { until: { path: '$.StreamDescription.StreamStatus', matches: '^ACTIVE$' } }),
];

const failingStream = (destination: string): SourceStep[] => [
  ...testKinesisStream,
  mapping({ BatchSize: 1, StartingPosition: 'TRIM_HORIZON', MaximumBatchingWindowInSeconds: 1, MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: destination } } }),
  esmEnabled,
  kinesis('PutRecord', { StreamName: 'test-kinesis-{{suffix}}', Data: data(pythonJson({ input: 'hello', value: 'world', raise_error: 1 })), PartitionKey: 'custom' }),
];

/** functions/lambda_report_batch_item_failures_kinesis.py in behaviour: print the event, report the records whose JSON data has should_fail true. */
const REPORT_SHOULD_FAIL = zip(
  'import base64\nimport json\n\n\ndef handler(event, context):\n    print(json.dumps(event))\n    failed = [r["kinesis"]["sequenceNumber"] for r in event.get("Records", []) if json.loads(base64.b64decode(r["kinesis"]["data"])).get("should_fail")]\n    return {"batchItemFailures": [{"itemIdentifier": s} for s in failed]}\n',
);

const scenarios: SourceScenario[] = [
  {
    test: 'TestKinesisSource::test_esm_with_not_existing_kinesis_stream',
    steps: [
      callerAccount,
      withHandler(echoPrinting(), { Timeout: 5 }),
      {
        op: 'CreateEventSourceMapping',
        params: { EventSourceArn: 'arn:{{partition}}:kinesis:{{region}}:{{accountId}}:stream/test-foobar-81ded7e8', FunctionName: FUNCTION, StartingPosition: 'LATEST' },
        snapshot: 'error',
      },
    ],
  },
  {
    test: 'TestKinesisSource::test_create_kinesis_event_source_mapping',
    note: "the test's retry of put-and-read (for records put before a LATEST mapping reads the shard) is one pass: the mapping is Enabled first",
    steps: [
      callerAccount,
      withHandler(echoPrinting()),
      ...stream,
      mapping({ StartingPosition: 'LATEST' }),
      esmEnabled,
      kinesis('PutRecords', { StreamName: STREAM, Records: Array.from({ length: 10 }, (_, i) => ({ Data: data('hello'), PartitionKey: `test_${i}` })) }),
      { ...functionLog('kinesis_records', 1), select: '$[0]' },
    ],
  },
  {
    test: 'TestKinesisSource::test_create_kinesis_event_source_mapping_multiple_lambdas_single_kinesis_event_stream',
    steps: [
      callerAccount,
      ...stream,
      ...(['a', 'b'] as const).flatMap((id): SourceStep[] => [
        withHandler(echoPrinting(), {}, `fn-${id}-{{suffix}}`),
        mapping({ StartingPosition: 'TRIM_HORIZON' }, `create_event_source_mapping_response-${id}`, `fn-${id}-{{suffix}}`),
      ]),
      kinesis('PutRecords', { StreamName: STREAM, Records: [{ Data: data('hello'), PartitionKey: 'test_1' }] }),
      ...(['a', 'b'] as const).map((id): SourceStep => ({ ...functionLog(`kinesis_records-${id}`, 1, `fn-${id}-{{suffix}}`), select: '$[0]' })),
    ],
  },
  {
    test: 'TestKinesisSource::test_duplicate_event_source_mappings',
    fileName: 'test_kinesis_duplicate_event_source_mappings',
    steps: [
      callerAccount,
      ...stream,
      withHandler(echoPrinting()),
      mapping({ StartingPosition: 'LATEST' }, 'create'),
      { op: 'CreateEventSourceMapping', params: { FunctionName: FUNCTION, EventSourceArn: '{{streamArn}}', StartingPosition: 'LATEST' }, snapshot: 'error' },
      withHandler(echoPrinting(), {}, 'fn2-{{suffix}}'),
      { op: 'CreateEventSourceMapping', params: { FunctionName: 'fn2-{{suffix}}', EventSourceArn: '{{streamArn}}', StartingPosition: 'LATEST' } },
    ],
  },
  {
    test: 'TestKinesisSource::test_disable_kinesis_event_source_mapping',
    note: "the test's last minute (disabled, more records put, the log read again: nothing recorded) is left out",
    steps: [
      callerAccount,
      withHandler(echoPrinting()),
      ...stream,
      mapping({ StartingPosition: 'LATEST', BatchSize: 10 }),
      esmEnabled,
      kinesis('PutRecords', { StreamName: STREAM, Records: Array.from({ length: 10 }, (_, i) => ({ Data: data(`{"record_id": ${i}}`), PartitionKey: 'test' })) }),
      functionLog('invocation_events', 1),
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_report_batch_item_success_scenarios',
    steps: (param) => [
      callerAccount,
      withHandler(withResponse(SUCCESSES[param])),
      ...stream,
      mapping({ StartingPosition: 'TRIM_HORIZON', BatchSize: 1, MaximumBatchingWindowInSeconds: 1, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 2 }),
      esmEnabled,
      kinesis('PutRecord', { Data: data('hello'), PartitionKey: 'test', StreamName: STREAM }),
      recordEvents('kinesis_events', 1),
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_report_batch_item_failure_scenarios',
    note: "the on-failure destination queue is read until the failed batch's record is there (the test's retry loop)",
    steps: (param) => [
      callerAccount,
      withHandler(withResponse(BATCH_ITEM_FAILURES[param])),
      ...stream,
      ...destinationQueue,
      mapping({
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 1,
        MaximumBatchingWindowInSeconds: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: '{{queueArn}}' } },
      }),
      esmEnabled,
      kinesis('PutRecord', { Data: data('hello'), PartitionKey: 'test', StreamName: STREAM }),
      failureMessages('sqs_payload'),
      recordEvents('kinesis_events', 3),
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_event_source_mapping_with_on_failure_destination_config',
    note: "functions/lambda_integration.py in the behaviour this test uses (it raises for a record whose data holds raise_error); the destination queue is read until the failed batch's record is there",
    steps: [
      callerAccount,
      ...esmRole,
      withHandler(RAISE_ON_FLAG, { Role: '{{roleArn}}' }),
      ...destinationQueue,
      ...failingStream('{{queueArn}}'),
      failureMessages('sqs_payload'),
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_event_source_mapping_with_sns_on_failure_destination_config',
    note: "functions/lambda_integration.py in the behaviour this test uses (it raises for a record whose data holds raise_error); the queue subscribed to the destination topic is read until the failed batch's record is there",
    steps: [
      callerAccount,
      ...esmRole,
      ...snsDestination,
      withHandler(RAISE_ON_FLAG, { Role: '{{roleArn}}' }),
      ...failingStream('{{topicArn}}'),
      snsFailureMessage,
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_event_source_mapping_with_s3_on_failure_destination',
    note: "functions/lambda_integration.py in the behaviour this test uses; the destination bucket is listed until it holds the failed batch's record, then the record is read",
    steps: [callerAccount, s3Destination, ...esmRole, withHandler(RAISE_ON_FLAG, { Role: '{{roleArn}}' }), ...failingStream(S3_DESTINATION_ARN), ...s3FailureRecord],
  },
  {
    test: 'TestKinesisSource::test_kinesis_report_batch_item_failures',
    note: "functions/lambda_report_batch_item_failures_kinesis.py in behaviour (it reports the records whose data has should_fail true); the destination queue is read until the failed record's report is there. The test's kinesis_records (the log's records, sorted) is left out: the test itself leaves $..Records unverified",
    steps: [
      callerAccount,
      ...esmRole,
      withHandler(REPORT_SHOULD_FAIL, { Role: '{{roleArn}}' }),
      ...testKinesisStream,
      ...destinationQueue,
      mapping({
        BatchSize: 3,
        StartingPosition: 'TRIM_HORIZON',
        MaximumBatchingWindowInSeconds: 1,
        MaximumRetryAttempts: 3,
        DestinationConfig: { OnFailure: { Destination: '{{queueArn}}' } },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      }),
      esmEnabled,
      kinesis('PutRecords', { StreamName: 'test-kinesis-{{suffix}}', Records: Array.from({ length: 6 }, (_, i) => ({ Data: data(pythonJson({ should_fail: i === 5 })), PartitionKey: `test_${i}` })) }),
      failureMessages('sqs_payload'),
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_event_source_mapping_with_async_invocation',
    note: "functions/lambda_parallel.py in behaviour (it prints {executionStart, event} after five seconds); the test's own check that the second batch started five seconds after the first is in its code, not its snapshot",
    steps: [
      callerAccount,
      withHandler(PARALLEL),
      ...stream,
      mapping({ StartingPosition: 'LATEST', BatchSize: 10 }),
      esmEnabled,
      ...[0, 1].map((i) => kinesis('PutRecords', { StreamName: STREAM, Records: Array.from({ length: 10 }, (_, j) => ({ Data: data(pythonJson({ record_id: j })), PartitionKey: `test_${i}` })) })),
      functionLog('invocation_events', 2),
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_maximum_record_age_exceeded',
    note: "functions/lambda_echofail.py in behaviour (it prints the event and raises); the test's wait between the put and the mapping (60 seconds on AWS) is a step's delay",
    unportedVariants: {
      'expire-while-retrying':
        "the record ages out while the function is retried for 60 seconds, and the recorded approximateInvokeCount is the number of attempts AWS's own retry back-off made in that time, which twinstack's back-off does not reproduce",
    },
    steps: () => [
      callerAccount,
      ...streamNamed('test-kinesis-{{suffix}}'),
      kinesis('PutRecord', { Data: data('stream-data'), PartitionKey: 'test', StreamName: 'test-kinesis-{{suffix}}' }),
      { ...withHandler(ECHO_FAIL), delaySeconds: 60 },
      ...destinationQueue,
      mapping({
        BatchSize: 1,
        StartingPosition: 'TRIM_HORIZON',
        MaximumBatchingWindowInSeconds: 1,
        MaximumRetryAttempts: 0,
        MaximumRecordAgeInSeconds: 60,
        DestinationConfig: { OnFailure: { Destination: '{{queueArn}}' } },
      }),
      esmEnabled,
      failureMessages('record_age_exceeded_payload'),
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_maximum_record_age_exceeded_discard_records',
    note: "functions/lambda_event_source_mapping_send_message.py in behaviour (it forwards each batch's records to SQS_QUEUE_URL); the test's wait for the first record to age out (80 seconds on AWS) is a step's delay",
    steps: [
      callerAccount,
      ...streamNamed('test-kinesis-{{suffix}}'),
      kinesis('PutRecord', { Data: data('stream-data'), PartitionKey: 'test', StreamName: 'test-kinesis-{{suffix}}' }),
      { service: 'sqs', protocol: 'json', op: 'CreateQueue', params: { QueueName: 'test-dest-{{suffix}}' }, capture: { destUrl: '$.QueueUrl' }, delaySeconds: 80 },
      withHandler(SEND_RECORDS, { Environment: { Variables: { SQS_QUEUE_URL: '{{destUrl}}' } } }),
      ...destinationQueue,
      kinesis('PutRecords', { StreamName: 'test-kinesis-{{suffix}}', Records: Array.from({ length: 5 }, (_, i) => ({ Data: data(`stream-data-${i + 1}`), PartitionKey: 'test' })) }),
      mapping({
        BatchSize: 10,
        StartingPosition: 'TRIM_HORIZON',
        MaximumBatchingWindowInSeconds: 1,
        MaximumRetryAttempts: 0,
        MaximumRecordAgeInSeconds: 60,
        DestinationConfig: { OnFailure: { Destination: '{{queueArn}}' } },
      }),
      esmEnabled,
      failureMessages('record_age_exceeded_payload'),
      forwardedRecords(5, '{{destUrl}}'),
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_empty_provided',
    note: "functions/provided_bootstrap_empty in behaviour: a provided.al2023 bootstrap (a shell script of ours) that answers every invocation with an empty response; the function's log is read until it holds the invocation's REPORT line",
    steps: [
      callerAccount,
      withHandler(EMPTY_BOOTSTRAP, { Runtime: 'provided.al2023' }),
      ...stream,
      mapping({ StartingPosition: 'TRIM_HORIZON', BatchSize: 1, MaximumBatchingWindowInSeconds: 1, MaximumRetryAttempts: 2 }),
      esmEnabled,
      kinesis('PutRecord', { Data: data('hello'), PartitionKey: 'test', StreamName: STREAM }),
      {
        service: 'logs',
        protocol: 'json',
        op: 'FilterLogEvents',
        params: { logGroupName: `/aws/lambda/${FUNCTION}`, filterPattern: 'REPORT' },
        until: { path: '$.events', count: 1, whileError: 'ResourceNotFoundException', timeoutSeconds: 150 },
      },
      { op: 'GetEventSourceMapping', params: { UUID: '{{uuid}}' }, snapshot: 'get_esm_result' },
    ],
  },
  {
    test: 'TestKinesisEventFiltering::test_kinesis_event_filtering_json_pattern',
    note:
      "functions/kinesis_log.py in behaviour (it prints the records' decoded data as one JSON list); the first function's log is read until it holds its one invocation. The printed line the test recorded (kinesis-record-lambda-payload) is left out: the snapshot keeps it as text, which the function-log view judges parsed; test/lambda/event-source-mappings.test.ts checks that only the matching record reaches each function",
    steps: [
      callerAccount,
      ...esmRole,
      ...[1, 2].map((n) => withHandler(PRINT_DATA, { Role: '{{roleArn}}' }, `fn${n}-{{suffix}}`)),
      ...testKinesisStream,
      ...[1, 2].flatMap((n): SourceStep[] => [
        {
          ...mapping(
            { BatchSize: 1, StartingPosition: 'TRIM_HORIZON', MaximumBatchingWindowInSeconds: 1, MaximumRetryAttempts: 1, FilterCriteria: { Filters: [{ Pattern: pythonJson({ data: { event_type: [`function_${n}`] } }) }] } },
            n === 1 ? 'create_event_source_mapping_response' : 'create_event_source_mapping_2_response',
            `fn${n}-{{suffix}}`,
          ),
          jsonStrings: ['$.FilterCriteria.Filters[*].Pattern'],
        },
        esmEnabled,
      ]),
      ...[['function_1', 'foo'], ['function_2', 'bar']].map(([type, message]) =>
        kinesis('PutRecord', { StreamName: 'test-kinesis-{{suffix}}', Data: data(pythonJson({ event_type: type, message })), PartitionKey: 'custom' }),
      ),
      { ...functionLog('kinesis-record-lambda-payload', 1, 'fn1-{{suffix}}'), snapshot: undefined },
    ],
  },
  {
    test: 'TestKinesisSource::test_kinesis_event_source_trim_horizon',
    note: 'functions/lambda_parallel.py in behaviour (it prints {executionStart, event} after five seconds); two batches of ten records put before the mapping, one after',
    steps: [
      callerAccount,
      withHandler(PARALLEL),
      ...stream,
      ...[0, 1].map((i) => kinesis('PutRecords', { StreamName: STREAM, Records: Array.from({ length: 10 }, (_, j) => ({ Data: data(pythonJson({ record_id: j })), PartitionKey: `test_${i}` })) })),
      mapping({ StartingPosition: 'TRIM_HORIZON', BatchSize: 10 }),
      kinesis('PutRecords', { StreamName: STREAM, Records: Array.from({ length: 10 }, (_, j) => ({ Data: data(pythonJson({ record_id: j })), PartitionKey: 'test_3' })) }),
      functionLog('invocation_events', 3),
    ],
  },
];

const source: SourceFile = {
  service: 'lambda',
  module: 'test_lambda_integration_kinesis',
  snapshotDir: 'lambda/event_source_mapping',
  testDir: 'lambda_/event_source_mapping',
  variants: {},
  defaultProtocol: 'rest-json',
  // The tests' redaction of the on-failure record's times (a word with a colon, which no placeholder form matches).
  redactedText: ['<timestamp:2022-07-13T13:48:01.000Z>'],
  scenarios,
  notPorted: {},
  notPortedOtherwise: 'not reproduced as a contract yet',
};

export default source;
