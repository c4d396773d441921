// LocalStack's DynamoDB Streams event source mapping tests (tests/aws/services/lambda_/event_source_mapping/
// test_lambda_integration_dynamodbstreams.py, Apache-2.0). The events a function received are read back from its log as
// the tests read them (FilterLogEvents polled until it holds the events waited for; InteractionMeta.view). Handlers are
// written here with the behaviour of the test's.
import type { SourceFile, SourceScenario, SourceStep } from '../../verifier/port/source-types.ts';
import { callerAccount, FUNCTION, zip } from './lambda-api/common.ts';
import { echoPrinting, esmEnabled, functionLog, withHandler } from './lambda-esm/common.ts';

const TABLE = 'test-table-{{suffix}}';
const KEY = 'my_partition_key';
const dynamodb = (op: string, params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({ service: 'dynamodb', protocol: 'json', op, params, ...extra });

/** DynamoDB members the test leaves unjudged ("dynamodb issues, not related to lambda"). */
const TABLE_UNJUDGED = ['$.TableDescription.DeletionProtectionEnabled', '$.TableDescription.StreamSpecification', '$.TableDescription.TableStatus'];

/**
 * dynamodb_create_table (recorded as create-table-result), its wait until ACTIVE, then the stream the test turns on
 * (NEW_IMAGE), its ARN as `{{streamArn}}`, and wait_for_dynamodb_stream_ready.
 */
const tableWithStream = (waitForStream = true): SourceStep[] => [
  dynamodb(
    'CreateTable',
    { TableName: TABLE, KeySchema: [{ AttributeName: KEY, KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: KEY, AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: false } },
    { snapshot: 'create-table-result', ignore: TABLE_UNJUDGED },
  ),
  dynamodb('DescribeTable', { TableName: TABLE }, { until: { path: '$.Table.TableStatus', matches: '^ACTIVE$' } }),
  dynamodb('UpdateTable', { TableName: TABLE, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }, { capture: { streamArn: '$.TableDescription.LatestStreamArn' } }),
  ...(waitForStream ? [{ service: 'dynamodbstreams', protocol: 'json' as const, op: 'DescribeStream', params: { StreamArn: '{{streamArn}}' }, until: { path: '$.StreamDescription.StreamStatus', matches: '^ENABLED$' } }] : []),
];

/** event_source_mapping/utils.py's create_lambda_with_response: print the event, answer `response` (Python source). */
const withResponse = (response: string) => zip(`import json\n\ndef handler(event, context):\n    print(json.dumps(event))\n    return ${response}\n`);

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
];

const source: SourceFile = {
  service: 'lambda',
  module: 'test_lambda_integration_dynamodbstreams',
  snapshotDir: 'lambda/event_source_mapping',
  testDir: 'lambda_/event_source_mapping',
  variants: {},
  defaultProtocol: 'rest-json',
  scenarios,
  notPorted: {},
  notPortedOtherwise:
    'not reproduced as a contract yet: the events are read back as for the ported tests of this module, but the scenario needs an IAM role made by the test, on-failure destinations (SQS, SNS, S3), event filters over stream records, or batch item failures',
};

export default source;
