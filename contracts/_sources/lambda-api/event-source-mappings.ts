// TestLambdaEventSourceMappings scenarios of test_lambda_api.py: mapping validation, lifecycle and the function name
// forms a mapping accepts. Tables are made as LocalStack's create_dynamodb_table does (string hash key `id`,
// on-demand, no stream), then given a stream with UpdateTable.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount, createFunction, FUNCTION, onFunction, queueSetup } from './common.ts';

/** A UUID no mapping has (the test's long_uid()). */
const UNKNOWN_UUID = '9e7a9ae9-4c8b-4e0b-9d0f-1b2c3d4e5f60';
const SOME_QUEUE = 'arn:{{partition}}:sqs:{{region}}:111111111111:somequeue';
/** DynamoDB members the test leaves unjudged ("all dynamodb service issues not related to lambda"). */
const TABLE_UNJUDGED = ['$.TableDescription.ProvisionedThroughput.LastDecreaseDateTime', '$.TableDescription.ProvisionedThroughput.LastIncreaseDateTime', '$.TableDescription.TableStatus'];

/** create_dynamodb_table's table: a string hash key `id`, on demand, no stream yet. */
const ID_TABLE = {
  TableName: 'table-{{suffix}}',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
  StreamSpecification: { StreamEnabled: false },
};

const tableWithStream = (viewType: string, snapshot?: string): SourceStep[] => [
  { service: 'dynamodb', protocol: 'json', op: 'CreateTable', params: ID_TABLE },
  {
    service: 'dynamodb',
    protocol: 'json',
    op: 'UpdateTable',
    params: { TableName: 'table-{{suffix}}', StreamSpecification: { StreamEnabled: true, StreamViewType: viewType } },
    capture: { streamArn: '$.TableDescription.LatestStreamArn' },
    ...(snapshot ? { snapshot, ignore: TABLE_UNJUDGED } : {}),
  },
];

const mapping = (snapshot: string | undefined, params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({
  op: 'CreateEventSourceMapping',
  params: { FunctionName: FUNCTION, ...params },
  ...(snapshot ? { snapshot } : {}),
  ...extra,
});

/** The "minimal" stream mapping of the lifecycle tests. */
const STREAM_MAPPING = {
  EventSourceArn: '{{streamArn}}',
  DestinationConfig: { OnFailure: { Destination: '{{queueArn}}' } },
  BatchSize: 1,
  StartingPosition: 'TRIM_HORIZON',
  MaximumBatchingWindowInSeconds: 1,
  MaximumRetryAttempts: 1,
};

const NAME_FORMS: [string, string][] = [
  ['name_only', FUNCTION],
  ['partial_arn_latest', `${FUNCTION}:$LATEST`],
  ['partial_arn_version', `${FUNCTION}:1`],
  ['partial_arn_alias', `${FUNCTION}:myalias`],
  ['full_arn_latest', '{{functionArn}}'],
  ['full_arn_version', '{{functionArn}}:1'],
  ['full_arn_alias', '{{functionArn}}:myalias'],
];

export const eventSourceMappingScenarios: SourceScenario[] = [
  {
    test: 'TestLambdaEventSourceMappings::test_event_source_mapping_exceptions',
    steps: [
      callerAccount,
      { op: 'GetEventSourceMapping', params: { UUID: UNKNOWN_UUID }, snapshot: 'get_unknown_uuid' },
      { op: 'DeleteEventSourceMapping', params: { UUID: UNKNOWN_UUID }, snapshot: 'delete_unknown_uuid' },
      { op: 'UpdateEventSourceMapping', params: { UUID: UNKNOWN_UUID, Enabled: false }, snapshot: 'update_unknown_uuid' },
      { op: 'ListEventSourceMappings', params: {} },
      { op: 'ListEventSourceMappings', params: { FunctionName: 'doesnotexist' } },
      { op: 'ListEventSourceMappings', params: { EventSourceArn: SOME_QUEUE } },
      { op: 'CreateEventSourceMapping', params: { FunctionName: 'doesnotexist' }, snapshot: 'create_no_event_source_arn' },
      { op: 'CreateEventSourceMapping', params: { FunctionName: 'doesnotexist', EventSourceArn: SOME_QUEUE }, snapshot: 'create_unknown_params' },
      {
        op: 'CreateEventSourceMapping',
        params: { FunctionName: 'doesnotexist', EventSourceArn: SOME_QUEUE, DestinationConfig: { OnSuccess: { Destination: 'arn:{{partition}}:sqs:{{region}}:111111111111:someotherqueue' } } },
        snapshot: 'destination_config_failure',
      },
    ],
  },
  ...(['test_event_source_mapping_lifecycle', 'test_event_source_mapping_lifecycle_delete_function'] as const).map(
    (test): SourceScenario => ({
      test: `TestLambdaEventSourceMappings::${test}`,
      note: 'the test waits until the mapping has left Creating before reading it; twinstack has by the time the next call arrives',
      steps: [
        callerAccount,
        ...queueSetup(),
        ...tableWithStream('NEW_IMAGE', 'update_table_response'),
        createFunction(),
        { ...mapping('create_response', STREAM_MAPPING), capture: { uuid: '$.UUID' } },
        { op: 'GetEventSourceMapping', params: { UUID: '{{uuid}}' }, snapshot: 'get_response' },
        ...(test === 'test_event_source_mapping_lifecycle_delete_function'
          ? [onFunction('DeleteFunction', 'delete_function_response'), { op: 'GetEventSourceMapping', params: { UUID: '{{uuid}}' }, snapshot: 'get_response_post_delete' }]
          : []),
        { op: 'DeleteEventSourceMapping', params: { UUID: '{{uuid}}' }, snapshot: 'delete_response' },
      ],
    }),
  ),
  {
    test: 'TestLambdaEventSourceMappings::test_function_name_variations',
    note: 'each mapping is deleted before the next is created, as the test does (it waits for the mapping to be enabled and then gone; twinstack is done at once)',
    steps: [
      callerAccount,
      ...queueSetup(),
      createFunction(),
      { op: 'PublishVersion', params: { FunctionName: FUNCTION } },
      { op: 'CreateAlias', params: { FunctionName: FUNCTION, FunctionVersion: '1', Name: 'myalias' } },
      { op: 'GetFunction', params: { FunctionName: FUNCTION } },
      ...NAME_FORMS.flatMap(([scope, name]): SourceStep[] => [
        { ...mapping(`${scope}_create_esm`, { FunctionName: name, EventSourceArn: '{{queueArn}}' }), capture: { [`uuid_${scope}`]: '$.UUID' } },
        { op: 'DeleteEventSourceMapping', params: { UUID: `{{uuid_${scope}}}` } },
      ]),
    ],
  },
  {
    test: 'TestLambdaEventSourceMappings::test_create_event_source_validation',
    steps: [
      callerAccount,
      createFunction(),
      ...tableWithStream('NEW_AND_OLD_IMAGES'),
      mapping('no_starting_position', { EventSourceArn: '{{streamArn}}' }),
      mapping('invalid_starting_position', { EventSourceArn: '{{streamArn}}', StartingPosition: 'invalid' }),
      mapping('incompatible_starting_position', { EventSourceArn: '{{streamArn}}', StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: 1741010802 }),
    ],
  },
  {
    test: 'TestLambdaEventSourceMappings::test_create_event_source_validation_kinesis',
    steps: [
      callerAccount,
      createFunction(),
      { service: 'kinesis', protocol: 'json', op: 'CreateStream', params: { StreamName: 'stream-{{suffix}}', ShardCount: 1 } },
      { service: 'kinesis', protocol: 'json', op: 'DescribeStream', params: { StreamName: 'stream-{{suffix}}' }, capture: { streamArn: '$.StreamDescription.StreamARN' } },
      mapping('no_starting_position', { EventSourceArn: '{{streamArn}}' }),
      mapping('invalid_starting_position', { EventSourceArn: '{{streamArn}}', StartingPosition: 'invalid' }),
    ],
  },
  {
    test: 'TestLambdaEventSourceMappings::test_create_event_filter_criteria_validation',
    note: 'the three invalid FilterCriteria the test tries are refused by boto3 before sending (ParamValidationError): nothing reaches AWS',
    steps: [
      callerAccount,
      createFunction(),
      ...tableWithStream('NEW_AND_OLD_IMAGES'),
      mapping('response-with-empty-filters', { EventSourceArn: '{{streamArn}}', StartingPosition: 'LATEST', FilterCriteria: { Filters: [] } }),
    ],
  },
];
