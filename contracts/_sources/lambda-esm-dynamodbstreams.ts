// LocalStack's DynamoDB Streams event source mapping tests (tests/aws/services/lambda_/event_source_mapping/
// test_lambda_integration_dynamodbstreams.py, Apache-2.0). The events a function received are read back from its log as
// the tests read them (FilterLogEvents polled until it holds the events waited for; InteractionMeta.view). Handlers are
// written here with the behaviour of the test's.
import { pythonJson, type SourceFile, type SourceScenario, type SourceStep } from '../../verifier/port/source-types.ts';
import { callerAccount, FUNCTION, zip } from './lambda-api/common.ts';
import {
  BATCH_ITEM_FAILURES,
  destinationQueue,
  echoPrinting,
  esmEnabled,
  esmRole,
  failureMessages,
  functionLog,
  S3_DESTINATION_ARN,
  s3Destination,
  s3FailureRecord,
  snsDestination,
  snsFailureMessage,
  withHandler,
  withResponse,
} from './lambda-esm/common.ts';

const TABLE = 'test-table-{{suffix}}';
/** The report_batch_item_failures tests' mapping: batches of 3, 3 retries, failures reported per item and sent to the queue. */
const REPORTING_MAPPING = {
  FunctionName: FUNCTION,
  BatchSize: 3,
  StartingPosition: 'TRIM_HORIZON',
  EventSourceArn: '{{streamArn}}',
  MaximumBatchingWindowInSeconds: 1,
  MaximumRetryAttempts: 3,
  DestinationConfig: { OnFailure: { Destination: '{{queueArn}}' } },
  FunctionResponseTypes: ['ReportBatchItemFailures'],
};
const KEY = 'my_partition_key';
const dynamodb = (op: string, params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({ service: 'dynamodb', protocol: 'json', op, params, ...extra });

/** DynamoDB members the test leaves unjudged ("dynamodb issues, not related to lambda"). */
const TABLE_UNJUDGED = ['$.TableDescription.DeletionProtectionEnabled', '$.TableDescription.StreamSpecification', '$.TableDescription.TableStatus'];

/**
 * dynamodb_create_table (recorded as create-table-result), its wait until ACTIVE, then the stream the test turns on
 * (NEW_IMAGE), its ARN as `{{streamArn}}`, and wait_for_dynamodb_stream_ready.
 */
const tableWithStream = (waitForStream = true, key = KEY, snapshot = 'create-table-result', viewType = 'NEW_IMAGE'): SourceStep[] => [
  createTable(key, { StreamEnabled: false }, snapshot),
  dynamodb('DescribeTable', { TableName: TABLE }, { until: { path: '$.Table.TableStatus', matches: '^ACTIVE$' } }),
  dynamodb('UpdateTable', { TableName: TABLE, StreamSpecification: { StreamEnabled: true, StreamViewType: viewType } }, { capture: { streamArn: '$.TableDescription.LatestStreamArn' } }),
  ...(waitForStream ? [streamReady] : []),
];

/** resources.create_dynamodb_table: the table (PAY_PER_REQUEST, a string hash key) as the fixture makes it, recorded as `snapshot`. */
function createTable(key: string, StreamSpecification: Record<string, unknown>, snapshot?: string): SourceStep {
  return dynamodb(
    'CreateTable',
    { TableName: TABLE, KeySchema: [{ AttributeName: key, KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST', StreamSpecification },
    { ...(snapshot ? { snapshot, ignore: TABLE_UNJUDGED } : {}), ...(StreamSpecification.StreamEnabled ? { capture: { streamArn: '$.TableDescription.LatestStreamArn' } } : {}) },
  );
}
const tableActive = dynamodb('DescribeTable', { TableName: TABLE }, { until: { path: '$.Table.TableStatus', matches: '^ACTIVE$' } });
/** wait_for_dynamodb_stream_ready. */
const streamReady: SourceStep = { service: 'dynamodbstreams', protocol: 'json', op: 'DescribeStream', params: { StreamArn: '{{streamArn}}' }, until: { path: '$.StreamDescription.StreamStatus', matches: '^ENABLED$' } };

/** test_dynamodb_report_batch_item_success_scenarios' answers, as Python source (the test formats its parameter into the handler). */
const SUCCESSES: Record<string, string> = {
  empty_list_success: '[]',
  null_success: 'None',
  empty_dict_success: '{}',
  empty_batch_item_failure_success: "{'batchItemFailures': []}",
  null_batch_item_failure_success: "{'batchItemFailures': None}",
};

/** The item the tests put: a string key and a binary attribute. */
const ITEM = { [KEY]: { S: 'hello world' }, binary_key: { B: { $blob: Buffer.from('foobar').toString('base64') } } };

/** test_dynamodb_event_filter's parameters: the two items put, the filter, and how many invocations the test waits for. */
const EVENT_FILTERS: Record<string, [Record<string, unknown>, Record<string, unknown>, unknown, number]> = {
  insert_same_entry_twice: [{ id: { S: 'id_value' }, id2: { S: 'id2_value' } }, { id: { S: 'id_value' }, id2: { S: 'id2_value' } }, { eventName: ['INSERT'] }, 1],
  content_or_filter: [{ id: { S: 'id_value' } }, { id: { S: 'id_value' }, id2: { S: 'id2_new_value' } }, { eventName: ['INSERT', 'MODIFY'] }, 2],
  content_filter_type: [{ id: { S: 'id_value_1' }, presentKey: { S: 'presentValue' } }, { id: { S: 'id_value_2' } }, { dynamodb: { NewImage: { presentKey: { S: ['presentValue'] } } } }, 1],
  exists_filter_type: [{ id: { S: 'id_value_1' }, presentKey: { S: 'presentValue' } }, { id: { S: 'id_value_2' } }, { dynamodb: { NewImage: { presentKey: { S: [{ exists: true }] } } } }, 1],
  exists_false_filter: [{ id: { S: 'id_value_1' } }, { id: { S: 'id_value_2' }, presentKey: { S: 'presentValue' } }, { dynamodb: { NewImage: { presentKey: [{ exists: false }] } } }, 2],
  numeric_filter: [
    { id: { S: 'id_value_1' }, numericFilter: { N: '42' } },
    { id: { S: 'id_value_2' }, numericFilter: { N: '101' } },
    { dynamodb: { NewImage: { numericFilter: { N: [{ numeric: ['>', 100] }, { 'anything-but': '101' }] } } } },
    1,
  ],
  prefix_filter: [{ id: { S: 'id_value_1' }, prefix: { S: 'us-1-other-suffix' } }, { id: { S: 'id_value_1' }, prefix: { S: 'other-suffix' } }, { dynamodb: { NewImage: { prefix: { S: [{ prefix: 'us-1' }] } } } }, 1],
  date_time_conversion: [{ id: { S: 'id_value_1' } }, { id: { S: 'id_value_2' } }, { dynamodb: { ApproximateCreationDateTime: [{ numeric: ['>', 0] }] } }, 2],
};

/**
 * The on-failure destination tests' function (functions/lambda_unhandled_error.py in behaviour: it raises a custom
 * exception) with the test's role, their table and stream (recorded as create_table_response and
 * update_table_response), `beforeMapping` (the SQS test makes its queue there), the mapping (one record a batch, one
 * retry) to `destination`, and the item that makes the function fail.
 */
const failingTable = (beforeMapping: SourceStep[], destination: string): SourceStep[] => [
  withHandler(zip('class CustomException(Exception):\n    pass\n\n\ndef handler(event, context):\n    raise CustomException("some error occurred")\n'), { Role: '{{roleArn}}' }),
  createTable(KEY, { StreamEnabled: false }, 'create_table_response'),
  tableActive,
  updateTableRecorded,
  ...beforeMapping,
  {
    op: 'CreateEventSourceMapping',
    params: { FunctionName: FUNCTION, BatchSize: 1, StartingPosition: 'TRIM_HORIZON', EventSourceArn: '{{streamArn}}', MaximumBatchingWindowInSeconds: 1, MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: destination } } },
    snapshot: 'create_event_source_mapping_response',
    capture: { uuid: '$.UUID' },
  },
  esmEnabled,
  dynamodb('PutItem', { TableName: TABLE, Item: { [KEY]: { S: 'hello world' } } }),
];

/** The tests' update_table turning on the stream (NEW_IMAGE), recorded as update_table_response; its ARN as `{{streamArn}}`. */
const updateTableRecorded = dynamodb(
  'UpdateTable',
  { TableName: TABLE, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } },
  { snapshot: 'update_table_response', capture: { streamArn: '$.TableDescription.LatestStreamArn' }, ignore: [...TABLE_UNJUDGED, '$.TableDescription.BillingModeSummary.LastUpdateToPayPerRequestDateTime'] },
);

/** functions/lambda_report_batch_item_failures_dynamodb.py in behaviour: print the event, report the records whose new image has should_fail true. */
const REPORT_SHOULD_FAIL = zip(
  'import json\n\n\ndef handler(event, context):\n    print(json.dumps(event))\n    failed = [r["dynamodb"]["SequenceNumber"] for r in event.get("Records", []) if r["dynamodb"].get("NewImage", {}).get("should_fail", {}).get("BOOL", False)]\n    return {"batchItemFailures": [{"itemIdentifier": s} for s in failed]}\n',
);

const MAPPING_DEFAULTS = { StartingPosition: 'TRIM_HORIZON', MaximumBatchingWindowInSeconds: 1, MaximumRetryAttempts: 1 };

const scenarios: SourceScenario[] = [
  {
    test: 'TestDynamoDBEventSourceMapping::test_esm_with_not_existing_dynamodb_stream',
    steps: [
      callerAccount,
      withHandler(echoPrinting(), { Timeout: 5 }),
      {
        op: 'CreateEventSourceMapping',
        params: {
          FunctionName: FUNCTION,
          BatchSize: 1,
          StartingPosition: 'TRIM_HORIZON',
          EventSourceArn: 'arn:{{partition}}:dynamodb:{{region}}:{{accountId}}:table/test-table-4a53f4e8/stream/2025-02-22T03:03:25.490',
          MaximumBatchingWindowInSeconds: 1,
          MaximumRetryAttempts: 1,
        },
        snapshot: 'error',
      },
    ],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_duplicate_event_source_mappings',
    fileName: 'test_dynamodb_duplicate_event_source_mappings',
    steps: [
      callerAccount,
      ...tableWithStream(false),
      withHandler(echoPrinting()),
      { op: 'CreateEventSourceMapping', params: { FunctionName: FUNCTION, EventSourceArn: '{{streamArn}}', ...MAPPING_DEFAULTS }, snapshot: 'create' },
      { op: 'CreateEventSourceMapping', params: { FunctionName: FUNCTION, EventSourceArn: '{{streamArn}}', ...MAPPING_DEFAULTS }, snapshot: 'error' },
      withHandler(echoPrinting(), {}, 'fn2-{{suffix}}'),
      { op: 'CreateEventSourceMapping', params: { FunctionName: 'fn2-{{suffix}}', EventSourceArn: '{{streamArn}}', ...MAPPING_DEFAULTS } },
    ],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_dynamodb_report_batch_item_success_scenarios',
    steps: (param) => [
      callerAccount,
      withHandler(withResponse(SUCCESSES[param])),
      ...tableWithStream(),
      {
        op: 'CreateEventSourceMapping',
        params: { EventSourceArn: '{{streamArn}}', FunctionName: FUNCTION, StartingPosition: 'TRIM_HORIZON', BatchSize: 1, MaximumBatchingWindowInSeconds: 0, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 2 },
        capture: { uuid: '$.UUID' },
      },
      esmEnabled,
      dynamodb('PutItem', { TableName: TABLE, Item: ITEM }),
      { ...functionLog('dynamodb_events', 1), view: 'function-log-records' },
    ],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_dynamodb_event_source_mapping',
    steps: [
      callerAccount,
      ...esmRole,
      withHandler(echoPrinting(), { Role: '{{roleArn}}' }),
      ...tableWithStream(),
      { op: 'CreateEventSourceMapping', params: { FunctionName: FUNCTION, BatchSize: 1, EventSourceArn: '{{streamArn}}', ...MAPPING_DEFAULTS }, snapshot: 'create_event_source_mapping_response', capture: { uuid: '$.UUID' } },
      esmEnabled,
      dynamodb('PutItem', { TableName: TABLE, Item: ITEM }),
      functionLog('event_logs', 1),
    ],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_disabled_dynamodb_event_source_mapping',
    note: "the items' ids are the test's short_uid() values; the test's own two-second wait after disabling is kept before the second put",
    steps: [
      callerAccount,
      withHandler(echoPrinting()),
      createTable('id', { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' }, 'dynamodb_create_table_result'),
      tableActive,
      {
        op: 'CreateEventSourceMapping',
        params: { FunctionName: FUNCTION, EventSourceArn: '{{streamArn}}', StartingPosition: 'TRIM_HORIZON', MaximumBatchingWindowInSeconds: 1 },
        snapshot: 'create_event_source_mapping_result',
        capture: { uuid: '$.UUID' },
      },
      esmEnabled,
      streamReady,
      dynamodb('PutItem', { TableName: TABLE, Item: { id: { S: '{{suffix}}a' }, data: { S: 'data1' } } }),
      { ...functionLog('events', 1), snapshot: undefined },
      { op: 'UpdateEventSourceMapping', params: { UUID: '{{uuid}}', Enabled: false }, snapshot: 'update_event_source_mapping_result' },
      { ...dynamodb('PutItem', { TableName: TABLE, Item: { id: { S: '{{suffix}}b' }, data: { S: 'data2' } } }), delaySeconds: 2 },
    ],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_deletion_event_source_mapping_with_dynamodb',
    steps: [
      callerAccount,
      withHandler(echoPrinting()),
      createTable('id', { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' }, 'create_dynamodb_table_response'),
      tableActive,
      { op: 'CreateEventSourceMapping', params: { FunctionName: FUNCTION, EventSourceArn: '{{streamArn}}', StartingPosition: 'TRIM_HORIZON' }, snapshot: 'create_event_source_mapping_result', capture: { uuid: '$.UUID' } },
      esmEnabled,
      dynamodb('DeleteTable', { TableName: TABLE }),
      { op: 'ListEventSourceMappings', params: { EventSourceArn: '{{streamArn}}' }, snapshot: 'list_event_source_mapping_result' },
    ],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_dynamodb_event_filter',
    note: 'one contract per parameter; the log is read until it holds the invocations the test waits for after each put',
    unportedVariants: { content_multiple_filters: 'skipped by the test itself ("Broken, needs investigation"): its recording is older than the test\'s current parameters' },
    steps: (param) => {
      const [first, second, filter, calls] = EVENT_FILTERS[param];
      return [
        callerAccount,
        withHandler(echoPrinting()),
        ...tableWithStream(true, 'id', 'table_creation_response', 'NEW_AND_OLD_IMAGES'),
        {
          op: 'CreateEventSourceMapping',
          params: { FunctionName: FUNCTION, BatchSize: 1, StartingPosition: 'TRIM_HORIZON', EventSourceArn: '{{streamArn}}', MaximumBatchingWindowInSeconds: 1, MaximumRetryAttempts: 1, FilterCriteria: { Filters: [{ Pattern: pythonJson(filter) }] } },
          snapshot: 'create_event_source_mapping_response',
          capture: { uuid: '$.UUID' },
          jsonStrings: ['$.FilterCriteria.Filters[*].Pattern'],
          // The test's transformer redacts every ApproximateCreationDateTime, the filter's member too.
          ...(param === 'date_time_conversion' ? { present: ['$.FilterCriteria.Filters[0].Pattern.dynamodb.ApproximateCreationDateTime'] } : {}),
        },
        esmEnabled,
        dynamodb('PutItem', { TableName: TABLE, Item: first }),
        functionLog('lambda-log-events', 1),
        dynamodb('PutItem', { TableName: TABLE, Item: second }),
        functionLog('lambda-multiple-log-events', calls),
      ];
    },
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_dynamodb_report_batch_item_failure_scenarios',
    note: "the on-failure destination queue is read until the failed batch's record is there (the test's retry loop); then the function's log until it holds the four invocations",
    steps: (param) => [
      callerAccount,
      withHandler(withResponse(BATCH_ITEM_FAILURES[param])),
      ...tableWithStream(),
      ...destinationQueue,
      {
        op: 'CreateEventSourceMapping',
        params: REPORTING_MAPPING,
        capture: { uuid: '$.UUID' },
      },
      esmEnabled,
      dynamodb('PutItem', { TableName: TABLE, Item: ITEM }),
      failureMessages('destination_queue_messages'),
      { ...functionLog('dynamodb_events', 4), view: 'function-log-records' },
    ],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_dynamodb_report_batch_item_failures',
    note: "functions/lambda_report_batch_item_failures_dynamodb.py in behaviour (it reports the records whose new image has should_fail true); the destination queue is read until the failed item's report is there. The test's dynamodb_records (the log's records, sorted) is left out: the test itself leaves $..Records unverified",
    steps: [
      callerAccount,
      ...esmRole,
      withHandler(REPORT_SHOULD_FAIL, { Role: '{{roleArn}}' }),
      createTable(KEY, { StreamEnabled: false }, 'create_table_response'),
      tableActive,
      updateTableRecorded,
      ...destinationQueue,
      {
        op: 'CreateEventSourceMapping',
        params: REPORTING_MAPPING,
        snapshot: 'create_event_source_mapping_response',
        capture: { uuid: '$.UUID' },
      },
      esmEnabled,
      ...Array.from({ length: 6 }, (_, i) => ({ ...dynamodb('PutItem', { TableName: TABLE, Item: { [KEY]: { S: `testId${i}` }, should_fail: { BOOL: i === 5 } } }), delaySeconds: 0.1 })),
      failureMessages('destination_queue_messages'),
    ],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_dynamodb_invalid_event_filter',
    note: "one contract per parameter: the filter pattern is the test's parameter",
    steps: (param) => [
      callerAccount,
      withHandler(echoPrinting()),
      createTable('id', { StreamEnabled: false }),
      tableActive,
      dynamodb('UpdateTable', { TableName: TABLE, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }, { capture: { streamArn: '$.TableDescription.LatestStreamArn' } }),
      streamReady,
      {
        op: 'CreateEventSourceMapping',
        params: { FunctionName: FUNCTION, BatchSize: 1, StartingPosition: 'TRIM_HORIZON', EventSourceArn: '{{streamArn}}', MaximumBatchingWindowInSeconds: 1, MaximumRetryAttempts: 1, FilterCriteria: { Filters: [{ Pattern: param }] } },
        snapshot: 'exception_event_source_creation',
      },
    ],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_dynamodb_event_source_mapping_with_on_failure_destination_config',
    note: "functions/lambda_unhandled_error.py in behaviour (it raises a custom exception); the destination queue is read until the failed batch's record is there",
    steps: [callerAccount, ...esmRole, ...failingTable(destinationQueue, '{{queueArn}}'), failureMessages('destination_queue_messages')],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_dynamodb_event_source_mapping_with_sns_on_failure_destination_config',
    note: "functions/lambda_unhandled_error.py in behaviour; the queue subscribed to the destination topic is read until the failed batch's record is there",
    steps: [callerAccount, ...snsDestination, ...esmRole, ...failingTable([], '{{topicArn}}'), snsFailureMessage],
  },
  {
    test: 'TestDynamoDBEventSourceMapping::test_dynamodb_event_source_mapping_with_s3_on_failure_destination',
    note: "functions/lambda_unhandled_error.py in behaviour; the destination bucket is listed until it holds the failed batch's record, then the record is read",
    steps: [callerAccount, s3Destination, ...esmRole, ...failingTable([], S3_DESTINATION_ARN), ...s3FailureRecord],
  },
];

const source: SourceFile = {
  service: 'lambda',
  module: 'test_lambda_integration_dynamodbstreams',
  snapshotDir: 'lambda/event_source_mapping',
  testDir: 'lambda_/event_source_mapping',
  variants: {},
  defaultProtocol: 'rest-json',
  // The tests' redaction of the on-failure record's times (words with a colon, which no placeholder form matches).
  redactedText: ['<timestamp:2022-07-13T13:48:01.000Z>', '<timestamp:2022-07-13T13:48:01Z>'],
  scenarios,
  notPorted: {
    'TestDynamoDBEventSourceMapping::test_dynamodb_report_batch_item_failures_with_on_failure_destination_config':
      'recorded in September 2024 by a test that is no longer in the test code (its calls are not known); test_dynamodb_report_batch_item_failures, which records the same on-failure report, is ported',
  },
  notPortedOtherwise: 'not reproduced as a contract yet',
};

export default source;
