// LocalStack's AWS-validated DynamoDB tests (github.com/localstack/localstack, tests/aws/services/dynamodb/test_dynamodb.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
// Fixtures: `dynamodb_create_table` / `ddb_test_table` create a PAY_PER_REQUEST table keyed by `id` with streams
// disabled; `dynamodb_create_table_with_parameters` calls CreateTable with the test's parameters (and waits for ACTIVE).
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

const TAGS = [
  { Key: 'Name', Value: 'test-table' },
  { Key: 'TestKey', Value: 'true' },
];
const THROUGHPUT = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };
const hashKey = (name = 'id') => ({
  KeySchema: [{ AttributeName: name, KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: name, AttributeType: 'S' }],
});
/** A HASH + RANGE key schema of string attributes. */
const compositeKey = (hash: string, range: string) => ({
  KeySchema: [
    { AttributeName: hash, KeyType: 'HASH' },
    { AttributeName: range, KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: hash, AttributeType: 'S' },
    { AttributeName: range, AttributeType: 'S' },
  ],
});
const s = (value: string) => ({ S: value });
/** Bytes for a blob parameter, written as the Latin-1 string of the byte values (serialize.py decodes `$blob`). */
const bytes = (latin1: string) => ({ $blob: Buffer.from(latin1, 'latin1').toString('base64') });

const createTable = (params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({
  op: 'CreateTable',
  params,
  capture: { tableArn: '$.TableDescription.TableArn' },
  ...extra,
});
/** The PartiQL tests' table: provisioned, keyed by the string `Username`. */
const usernameTable = (TableName: string) => createTable({ TableName, ...hashKey('Username'), ProvisionedThroughput: THROUGHPUT });
/** The `dynamodb_create_table` fixture (resources.create_dynamodb_table). */
const fixtureTable = (TableName: string) =>
  createTable({ TableName, ...hashKey(), BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: false } });
const put = (TableName: string, Item: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({
  op: 'PutItem',
  params: { TableName, Item },
  ...extra,
});
const getItem = (TableName: string, Key: Record<string, unknown>, snapshot?: string): SourceStep => ({
  op: 'GetItem',
  params: { TableName, Key },
  ...(snapshot ? { snapshot, select: '$.Item' } : {}),
});

// DynamoDB Streams steps of the streaming tests (the test's dynamodbstreams client).
const streamTable = (TableName: string, StreamViewType: string, key = 'id', snapshot: string | null = 'create-table') =>
  createTable(
    { TableName, ...hashKey(key), ProvisionedThroughput: THROUGHPUT, StreamSpecification: { StreamEnabled: true, StreamViewType } },
    { ...(snapshot ? { snapshot } : {}), capture: { streamArn: '$.TableDescription.LatestStreamArn' } },
  );
const describeStream = (snapshot?: string): SourceStep => ({
  service: 'dynamodbstreams',
  op: 'DescribeStream',
  params: { StreamArn: '{{streamArn}}' },
  capture: { shardId: '$.StreamDescription.Shards[0].ShardId', startSequence: '$.StreamDescription.Shards[0].SequenceNumberRange.StartingSequenceNumber' },
  ...(snapshot ? { snapshot } : {}),
});
const shardIterator = (type: 'TRIM_HORIZON' | 'AT_SEQUENCE_NUMBER', snapshot?: string): SourceStep => ({
  service: 'dynamodbstreams',
  op: 'GetShardIterator',
  params: { StreamArn: '{{streamArn}}', ShardId: '{{shardId}}', ShardIteratorType: type, ...(type === 'AT_SEQUENCE_NUMBER' ? { SequenceNumber: '{{startSequence}}' } : {}) },
  capture: { iterator: '$.ShardIterator' },
  ...(snapshot ? { snapshot } : {}),
});
/** The tests gather records over GetRecords calls and snapshot `{"Records": records}`; one call returns them all here. */
const getRecords = (snapshot?: string, extra: Partial<SourceStep> = {}): SourceStep => ({
  service: 'dynamodbstreams',
  op: 'GetRecords',
  params: { ShardIterator: '{{iterator}}' },
  ...(snapshot ? { snapshot, select: '$', ignore: ['$.NextShardIterator'] } : {}),
  ...extra,
});
/** The batch/transact streaming tests begin alike: streaming table, stream described, iterator, Fred put. */
const writesStreamingStart = (): SourceStep[] => [
  streamTable('test-ddb-table-{{suffix}}', 'NEW_AND_OLD_IMAGES'),
  describeStream('describe-stream'),
  shardIterator('TRIM_HORIZON'),
  put('test-ddb-table-{{suffix}}', { id: s('Fred') }, { snapshot: 'put-item-1' }),
];
/** Enable/Update/DisableKinesisStreamingDestination of the captured Kinesis stream. */
const kinesisDestination = (action: 'Enable' | 'Update' | 'Disable', TableName: string, snapshot: string, params: Record<string, unknown> = {}): SourceStep => ({
  op: `${action}KinesisStreamingDestination`,
  params: { TableName, StreamArn: '{{kinesisArn}}', ...params },
  snapshot,
});
const RECORDS_NOTE =
  'the test polls GetRecords until it has the expected number of records and snapshots them as {"Records": [...]}; the contract reads them with one GetRecords call (NextShardIterator is not part of the snapshot)';

const source: SourceFile = {
  service: 'dynamodb',
  module: 'test_dynamodb',
  snapshotDir: 'dynamodb',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { 'starting-sequence-number': 'any' },
  scenarios: [
    {
      test: 'TestDynamoDB::test_valid_local_secondary_index',
      steps: [
        createTable({
          TableName: 'test-table-{{suffix}}',
          ...compositeKey('PK', 'SK'),
          AttributeDefinitions: [...compositeKey('PK', 'SK').AttributeDefinitions, { AttributeName: 'LSI1SK', AttributeType: 'N' }],
          LocalSecondaryIndexes: [
            {
              IndexName: 'LSI1',
              KeySchema: [
                { AttributeName: 'PK', KeyType: 'HASH' },
                { AttributeName: 'LSI1SK', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
          ProvisionedThroughput: THROUGHPUT,
          Tags: TAGS,
        }),
        put('test-table-{{suffix}}', { SK: s('hello'), LSI1SK: { N: '123' }, PK: s('test one') }),
        {
          op: 'Query',
          params: {
            TableName: 'test-table-{{suffix}}',
            IndexName: 'LSI1',
            KeyConditionExpression: 'PK = :v1',
            ExpressionAttributeValues: { ':v1': s('test one') },
            Select: 'ALL_ATTRIBUTES',
          },
          snapshot: 'Items',
        },
      ],
    },
    {
      test: 'TestDynamoDB::test_return_values_in_put_item',
      steps: [
        fixtureTable('ddb-test-table-{{suffix}}'),
        ...(
          [
            ['PutFirstItem', 'foobar', 'ALL_OLD'],
            ['PutFirstItemOLD', 'foobar', 'ALL_OLD'],
            ['PutFirstItemB', 'barfoo', 'ALL_OLD'],
            ['PutSecondItem', 'foobar'],
            ['PutSecondItemReturnNone', 'foobar'],
          ] as const
        ).map(
          ([snapshot, data, ReturnValues]): SourceStep => ({
            op: 'PutItem',
            params: { TableName: 'ddb-test-table-{{suffix}}', Item: { id: s('id1'), data: s(data) }, ...(ReturnValues ? { ReturnValues } : {}) },
            snapshot,
          }),
        ),
      ],
    },
    {
      test: 'TestDynamoDB::test_empty_and_binary_values',
      steps: [
        fixtureTable('table-{{suffix}}'),
        put('table-{{suffix}}', { id: s('id1'), data: s('') }, { snapshot: 'PutFirstItem' }),
        put('table-{{suffix}}', { id: s('id2'), data: { B: bytes('\x90') } }, { snapshot: 'PutSecondItem' }),
      ],
    },
    {
      test: 'TestDynamoDB::test_batch_write_binary',
      steps: [
        createTable({
          TableName: 'table_batch_binary_{{suffix}}',
          ...compositeKey('PK', 'SK'),
          BillingMode: 'PAY_PER_REQUEST',
        }),
        put('table_batch_binary_{{suffix}}', { PK: s('hello'), SK: s('user'), data: { B: bytes('test') } }),
        {
          op: 'BatchWriteItem',
          params: {
            RequestItems: {
              'table_batch_binary_{{suffix}}': [
                { PutRequest: { Item: { PK: s('hello-1'), SK: s('user-1'), data: { B: bytes('test-1') } } } },
                { PutRequest: { Item: { PK: s('hello-2'), SK: s('user-2'), data: { B: bytes('test \xc0 \xed') } } } },
              ],
            },
          },
          snapshot: 'Response',
        },
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_execute_transaction',
      steps: [
        usernameTable('table_{{suffix}}'),
        {
          op: 'ExecuteTransaction',
          params: {
            TransactStatements: [
              { Statement: "INSERT INTO table_{{suffix}} VALUE {'Username': 'user01'}" },
              { Statement: "INSERT INTO table_{{suffix}} VALUE {'Username': 'user02'}" },
            ],
          },
          snapshot: 'ExecutedTransaction',
        },
        // The test sorts the scanned items by Username before the snapshot: AWS defines no scan order.
        { op: 'Scan', params: { TableName: 'table_{{suffix}}' }, snapshot: 'TableScan', unordered: ['$.Items'] },
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_batch_execute_statement',
      steps: [
        usernameTable('test_table_{{suffix}}'),
        put('test_table_{{suffix}}', { Username: s('user02') }),
        {
          op: 'BatchExecuteStatement',
          params: {
            Statements: [
              { Statement: "INSERT INTO test_table_{{suffix}} VALUE {'Username': 'user01'}" },
              { Statement: "UPDATE test_table_{{suffix}} SET Age=20 WHERE Username='user02'" },
            ],
          },
          snapshot: 'ExecutedStatement',
        },
        getItem('test_table_{{suffix}}', { Username: s('user02') }, 'ItemUser2'),
        getItem('test_table_{{suffix}}', { Username: s('user01') }, 'ItemUser1'),
        { op: 'DeleteTable', params: { TableName: 'test_table_{{suffix}}' } },
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_partiql_missing',
      steps: [
        usernameTable('table_with_stream_{{suffix}}'),
        { op: 'ExecuteStatement', params: { Statement: "INSERT INTO table_with_stream_{{suffix}} VALUE {'Username': 'Alice123', 'FirstName':'Alice'}" } },
        {
          op: 'ExecuteStatement',
          params: { Statement: 'SELECT * FROM table_with_stream_{{suffix}} WHERE FirstName IS NOT MISSING' },
          snapshot: 'FirstNameNotMissing',
          select: '$.Items',
        },
        { op: 'ExecuteStatement', params: { Statement: 'SELECT * FROM table_with_stream_{{suffix}} WHERE FirstName IS MISSING' } },
        { op: 'DeleteTable', params: { TableName: 'table_with_stream_{{suffix}}' } },
      ],
    },
    {
      test: 'TestDynamoDB::test_create_duplicate_table',
      steps: [
        createTable({ TableName: 'test_table_{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT, Tags: TAGS }),
        createTable({ TableName: 'test_table_{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT, Tags: TAGS }, { snapshot: 'Error', capture: undefined }),
      ],
    },
    {
      test: 'TestDynamoDB::test_transaction_write_items',
      note: "the recorded test also repeats the transaction with the table's ARN as TableName (snapshot key Response_using_table_arn)",
      steps: [
        createTable({ TableName: 'test-ddb-table-{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT, Tags: TAGS }),
        ...['test-ddb-table-{{suffix}}', '{{tableArn}}'].map(
          (table, i): SourceStep => ({
            op: 'TransactWriteItems',
            params: {
              TransactItems: [
                { ConditionCheck: { TableName: table, ConditionExpression: 'attribute_not_exists(id)', Key: { id: s('test1') } } },
                { Put: { TableName: table, Item: { id: s('test2') } } },
                {
                  Update: {
                    TableName: table,
                    Key: { id: s('test3') },
                    UpdateExpression: 'SET attr1 = :v1, attr2 = :v2',
                    ExpressionAttributeValues: { ':v1': s('value1'), ':v2': s('value2') },
                  },
                },
                { Delete: { TableName: table, Key: { id: s('test4') } } },
              ],
            },
            snapshot: i === 0 ? 'Response' : 'Response_using_table_arn',
          }),
        ),
      ],
    },
    {
      test: 'TestDynamoDB::test_transaction_write_canceled',
      steps: [
        usernameTable('table_{{suffix}}'),
        put('table_{{suffix}}', { Username: s('Fred') }),
        {
          op: 'TransactWriteItems',
          params: {
            TransactItems: [
              { ConditionCheck: { TableName: 'table_{{suffix}}', ConditionExpression: 'attribute_not_exists(Username)', Key: { Username: s('Fred') } } },
              { Delete: { TableName: 'table_{{suffix}}', Key: { Username: s('Bert') } } },
            ],
          },
          snapshot: 'Error',
        },
      ],
    },
    {
      test: 'TestDynamoDB::test_transaction_write_binary_data',
      steps: [
        createTable({ TableName: 'test-ddb-table-{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT, Tags: TAGS }),
        {
          op: 'TransactWriteItems',
          params: { TransactItems: [{ Put: { TableName: 'test-ddb-table-{{suffix}}', Item: { id: s('someUser'), binaryData: { B: bytes('foobar') } } } }] },
          snapshot: 'WriteResponse',
        },
        { ...getItem('test-ddb-table-{{suffix}}', { id: s('someUser') }, 'GetItem'), pythonBytes: ['$.binaryData.B'] },
      ],
    },
    {
      test: 'TestDynamoDB::test_transact_get_items',
      note: "the recorded test also puts a second item and reads it with the table's ARN as TableName (snapshot key TransactGetItems-with-TableArn)",
      steps: [
        fixtureTable('test-ddb-table-{{suffix}}'),
        put('test-ddb-table-{{suffix}}', { id: s('John') }),
        put('test-ddb-table-{{suffix}}', { id: s('Sarah') }),
        {
          op: 'TransactGetItems',
          params: { TransactItems: [{ Get: { Key: { id: s('John') }, TableName: 'test-ddb-table-{{suffix}}' } }] },
          snapshot: 'TransactGetItems',
        },
        {
          op: 'TransactGetItems',
          params: { TransactItems: [{ Get: { Key: { id: s('Sarah') }, TableName: '{{tableArn}}' } }] },
          snapshot: 'TransactGetItems-with-TableArn',
        },
      ],
    },
    {
      test: 'TestDynamoDB::test_batch_write_items',
      steps: [
        createTable({ TableName: 'test-ddb-table-{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT, Tags: TAGS }),
        put('test-ddb-table-{{suffix}}', { id: s('Fred') }),
        {
          op: 'BatchWriteItem',
          params: { RequestItems: { 'test-ddb-table-{{suffix}}': [{ DeleteRequest: { Key: { id: s('Fred') } } }, { PutRequest: { Item: { id: s('Bob') } } }] } },
          snapshot: 'BatchWriteResponse',
        },
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_pay_per_request',
      steps: [
        createTable(
          { TableName: 'ddb-table-{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT, BillingMode: 'PAY_PER_REQUEST' },
          { snapshot: 'Error', capture: undefined },
        ),
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_create_table_with_partial_sse_specification',
      note: 'the KMS DescribeKey call of the test (snapshot KMSDescription) is left out: KMS is not a twinstack service',
      steps: [
        createTable(
          { TableName: 'test_table_{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT, SSESpecification: { Enabled: true }, Tags: TAGS },
          { snapshot: 'SSEDescription', select: '$.TableDescription.SSEDescription' },
        ),
        {
          op: 'UpdateTable',
          params: { TableName: 'test_table_{{suffix}}', SSESpecification: { Enabled: false } },
          snapshot: 'update-table-disable-sse-spec',
          select: '$.TableDescription.SSEDescription',
        },
        { op: 'DescribeTable', params: { TableName: 'test_table_{{suffix}}' } },
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_get_batch_items',
      steps: [
        createTable({ TableName: 'test_table_{{suffix}}', ...hashKey('PK'), ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }),
        { op: 'BatchGetItem', params: { RequestItems: { 'test_table_{{suffix}}': { Keys: [{ PK: s('test-key') }] } } }, snapshot: 'Response' },
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_idempotent_writing',
      note: 'the ClientRequestToken carries the run suffix so that runs within the 10-minute idempotency window do not collide',
      steps: [
        createTable({
          TableName: 'ddb-table-{{suffix}}',
          ...compositeKey('id', 'name'),
          ProvisionedThroughput: THROUGHPUT,
        }),
        ...[
          { id: s('id1'), name: s('name1') },
          { name: s('name1'), id: s('id1') },
        ].map(
          (Item, i): SourceStep => ({
            op: 'TransactWriteItems',
            params: { ClientRequestToken: 'dedupe_token_{{suffix}}', TransactItems: [{ Put: { TableName: 'ddb-table-{{suffix}}', Item } }] },
            snapshot: `Response${i + 1}`,
          }),
        ),
      ],
    },
    {
      test: 'TestDynamoDB::test_batch_write_not_matching_schema',
      steps: [
        createTable({
          TableName: 'ddb-table-{{suffix}}',
          ...compositeKey('id', 'sortKey'),
          ProvisionedThroughput: THROUGHPUT,
        }),
        {
          op: 'BatchWriteItem',
          params: { RequestItems: { 'ddb-table-{{suffix}}': [{ PutRequest: { Item: { nonKey: s('hello') } } }] } },
          snapshot: 'ValidationException',
        },
      ],
    },
    {
      test: 'TestDynamoDB::test_batch_write_not_existing_table',
      steps: [
        {
          op: 'TransactWriteItems',
          params: { TransactItems: [{ Put: { TableName: 'non-existing-table', Item: {} } }] },
          snapshot: 'exc-not-found-transact-write-items',
        },
      ],
    },
    {
      test: 'TestDynamoDB::test_data_encoding_consistency',
      steps: [
        streamTable('table-{{suffix}}', 'NEW_AND_OLD_IMAGES', 'id', null),
        put('table-{{suffix}}', { id: s('id1'), version: { N: '1' }, data: { B: bytes('\x90') } }),
        { ...getItem('table-{{suffix}}', { id: s('id1') }, 'GetItem'), pythonBytes: ['$.data.B'] },
        describeStream(),
        shardIterator('AT_SEQUENCE_NUMBER'),
        getRecords(undefined, { snapshot: 'GetRecords', select: '$.Records[0].dynamodb.NewImage', pythonBytes: ['$.data.B'] }),
        { op: 'UpdateItem', params: { TableName: 'table-{{suffix}}', Key: { id: s('id1') }, UpdateExpression: 'SET version=:v', ExpressionAttributeValues: { ':v': { N: '2' } } } },
        { ...getItem('table-{{suffix}}', { id: s('id1') }, 'GetItemAfterUpdate'), pythonBytes: ['$.data.B'] },
        getRecords(undefined, { snapshot: 'GetRecordsAfterUpdate', select: '$.Records[1].dynamodb.NewImage', pythonBytes: ['$.data.B'] }),
      ],
    },
    {
      test: 'TestDynamoDB::test_continuous_backup_update',
      note: 'the test retries UpdateContinuousBackups until it succeeds, then calls it again for the snapshot',
      steps: [
        fixtureTable('table-{{suffix}}'),
        { op: 'UpdateContinuousBackups', params: { TableName: 'table-{{suffix}}', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } } },
        {
          op: 'UpdateContinuousBackups',
          params: { TableName: 'table-{{suffix}}', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
          snapshot: 'update-continuous-backup',
        },
        { op: 'DescribeContinuousBackups', params: { TableName: 'table-{{suffix}}' }, snapshot: 'describe-continuous-backup' },
      ],
    },
    {
      test: 'TestDynamoDB::test_batch_write_items_streaming',
      note: RECORDS_NOTE,
      steps: [
        ...writesStreamingStart(),
        {
          op: 'BatchWriteItem',
          params: { RequestItems: { 'test-ddb-table-{{suffix}}': [{ PutRequest: { Item: { id: s('Fred') } } }, { PutRequest: { Item: { id: s('NewKey') } } }] } },
          snapshot: 'batch-write-response-overwrite-item-1',
        },
        {
          op: 'BatchWriteItem',
          params: {
            RequestItems: {
              'test-ddb-table-{{suffix}}': [{ DeleteRequest: { Key: { id: s('NewKey') } } }, { PutRequest: { Item: { id: s('Fred'), name: s('Fred') } } }],
            },
          },
          snapshot: 'batch-write-response-delete',
        },
        getRecords('get-records'),
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_stream_stream_view_type',
      note: RECORDS_NOTE,
      steps: [
        streamTable('table_with_stream_{{suffix}}', 'KEYS_ONLY', 'Username'),
        put('table_with_stream_{{suffix}}', { Username: s('Fred') }),
        put('table_with_stream_{{suffix}}', { Username: s('Fred') }),
        {
          op: 'UpdateItem',
          params: {
            TableName: 'table_with_stream_{{suffix}}',
            Key: { Username: s('Fred') },
            UpdateExpression: 'set S=:r',
            ExpressionAttributeValues: { ':r': s('Fred_Modified') },
            ReturnValues: 'UPDATED_NEW',
          },
        },
        { op: 'DeleteItem', params: { TableName: 'table_with_stream_{{suffix}}', Key: { Username: s('Fred') } } },
        describeStream('describe-stream'),
        { op: 'ExecuteStatement', params: { Statement: "INSERT INTO table_with_stream_{{suffix}} VALUE {'Username': 'Alice'}" } },
        { op: 'ExecuteStatement', params: { Statement: "UPDATE table_with_stream_{{suffix}} SET partiql=1 WHERE Username='Alice'" } },
        { op: 'ExecuteStatement', params: { Statement: "DELETE FROM table_with_stream_{{suffix}} WHERE Username='Alice'" } },
        shardIterator('AT_SEQUENCE_NUMBER', 'get-shard-iterator'),
        getRecords('get-records'),
      ],
    },
    {
      test: 'TestDynamoDB::test_return_values_on_conditions_check_failure',
      steps: [
        createTable({ TableName: 'table-{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT }),
        put('table-{{suffix}}', { id: s('456'), price: { N: '650' }, product: s('sporting goods') }),
        {
          op: 'DeleteItem',
          params: {
            TableName: 'table-{{suffix}}',
            Key: { id: s('456') },
            ConditionExpression: 'price between :lo and :hi',
            ExpressionAttributeValues: { ':lo': { N: '500' }, ':hi': { N: '600' } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
          snapshot: 'items',
        },
      ],
    },
    {
      test: 'TestDynamoDB::test_transact_write_items_streaming',
      note: RECORDS_NOTE,
      steps: [
        ...writesStreamingStart(),
        {
          op: 'TransactWriteItems',
          params: {
            TransactItems: [{ Put: { TableName: 'test-ddb-table-{{suffix}}', Item: { id: s('Fred') } } }, { Put: { TableName: 'test-ddb-table-{{suffix}}', Item: { id: s('NewKey') } } }],
          },
          snapshot: 'transact-write-response-overwrite',
        },
        {
          op: 'TransactWriteItems',
          params: {
            TransactItems: [
              {
                Update: {
                  TableName: 'test-ddb-table-{{suffix}}',
                  Key: { id: s('NewKey') },
                  UpdateExpression: 'SET attr1 = :v1, attr2 = :v2',
                  ExpressionAttributeValues: { ':v1': s('value1'), ':v2': s('value2') },
                },
              },
            ],
          },
          snapshot: 'transact-write-response-update',
        },
        {
          op: 'TransactWriteItems',
          params: {
            TransactItems: [
              { Update: { TableName: 'test-ddb-table-{{suffix}}', Key: { id: s('NonExistentKey') }, UpdateExpression: 'SET attr1 = :v1', ExpressionAttributeValues: { ':v1': s('value1') } } },
            ],
          },
          snapshot: 'transact-write-update-insert',
        },
        {
          op: 'TransactWriteItems',
          params: {
            TransactItems: [
              { Delete: { TableName: 'test-ddb-table-{{suffix}}', Key: { id: s('NewKey') } } },
              { Put: { TableName: 'test-ddb-table-{{suffix}}', Item: { id: s('Fred'), name: s('Fred') } } },
              { Update: { TableName: 'test-ddb-table-{{suffix}}', Key: { id: s('NonExistentKey') }, UpdateExpression: 'SET attr1 = :v1', ExpressionAttributeValues: { ':v1': s('value1') } } },
            ],
          },
          snapshot: 'transact-write-response-delete',
        },
        getRecords('get-records'),
      ],
    },
    {
      test: 'TestDynamoDB::test_transact_write_items_streaming_for_different_tables',
      note: RECORDS_NOTE,
      steps: [
        streamTable('test-ddb-table-a{{suffix}}', 'NEW_AND_OLD_IMAGES', 'id', 'create-table-stream'),
        createTable({ TableName: 'test-ddb-table-b{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT }, { snapshot: 'create-table-no-stream', capture: undefined }),
        describeStream('describe-stream'),
        shardIterator('TRIM_HORIZON'),
        {
          op: 'TransactWriteItems',
          params: {
            TransactItems: [{ Put: { TableName: 'test-ddb-table-b{{suffix}}', Item: { id: s('Fred') } } }, { Put: { TableName: 'test-ddb-table-a{{suffix}}', Item: { id: s('Fred') } } }],
          },
          snapshot: 'transact-write-two-tables',
        },
        getRecords('get-records'),
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_stream_records_with_update_item',
      note: RECORDS_NOTE,
      steps: [
        streamTable('test-ddb-table-{{suffix}}', 'NEW_AND_OLD_IMAGES'),
        describeStream('describe-stream'),
        shardIterator('TRIM_HORIZON', 'get-shard-iterator'),
        ...[
          ['value1', 'value2'],
          ['value1', 'value2'],
          ['value2', 'value3'],
        ].flatMap(([v1, v2], i): SourceStep[] => [
          {
            op: 'UpdateItem',
            params: {
              TableName: 'test-ddb-table-{{suffix}}',
              Key: { id: s('my-item-id') },
              UpdateExpression: 'SET attr1 = :v1, attr2 = :v2',
              ExpressionAttributeValues: { ':v1': s(v1), ':v2': s(v2) },
            },
          },
          ...(i === 0 ? [getItem('test-ddb-table-{{suffix}}', { id: s('my-item-id') })] : []),
        ]),
        getRecords('get-records'),
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_execute_statement_empy_parameter',
      note: 'test code not at the stored LocalStack commit: ExecuteStatement with an empty Parameters list, as the recorded error names; the statement reads the test table',
      steps: [
        fixtureTable('table-{{suffix}}'),
        { op: 'ExecuteStatement', params: { Statement: 'SELECT * FROM "table-{{suffix}}"', Parameters: [] }, snapshot: 'invalid-param-error' },
      ],
    },
    {
      test: 'TestDynamoDB::test_gsi_with_billing_mode',
      note: 'test code not at the stored LocalStack commit: the CreateTable parameters are the ones the recorded table description shows',
      steps: (mode: string) => [
        createTable(
          {
            TableName: 'table-{{suffix}}',
            KeySchema: [{ AttributeName: 'TID', KeyType: 'HASH' }],
            AttributeDefinitions: [
              { AttributeName: 'TID', AttributeType: 'S' },
              { AttributeName: 'TRID', AttributeType: 'S' },
            ],
            GlobalSecondaryIndexes: [
              {
                IndexName: 'TransactionRecordID',
                KeySchema: [{ AttributeName: 'TRID', KeyType: 'HASH' }],
                Projection: { ProjectionType: 'ALL' },
                ...(mode === 'PROVISIONED' ? { ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } } : {}),
              },
            ],
            BillingMode: mode,
            ...(mode === 'PROVISIONED' ? { ProvisionedThroughput: THROUGHPUT } : {}),
          },
          { snapshot: 'create-table-with-gsi' },
        ),
        { op: 'DescribeTable', params: { TableName: 'table-{{suffix}}' }, snapshot: 'describe-table' },
      ],
    },
    {
      test: 'TestDynamoDB::test_kinesis_streaming_destination_crud',
      note: 'test code not at the stored LocalStack commit: the calls follow the recorded snapshot keys, with the parameters their recorded errors name; the destination is a new one-shard Kinesis stream',
      steps: [
        { service: 'kinesis', op: 'CreateStream', params: { StreamName: 'kinesis-stream-{{suffix}}', ShardCount: 1 } },
        {
          service: 'kinesis',
          op: 'DescribeStream',
          params: { StreamName: 'kinesis-stream-{{suffix}}' },
          capture: { kinesisArn: '$.StreamDescription.StreamARN', accountId: { from: '$.StreamDescription.StreamARN', regex: '^arn:[^:]+:kinesis:[^:]+:(\\d{12}):' } },
        },
        createTable({ TableName: 'table-{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT }),
        kinesisDestination('Enable', 'bad-table', 'enable-bad-table'),
        kinesisDestination('Enable', 'table-{{suffix}}', 'enable'),
        { op: 'DescribeKinesisStreamingDestination', params: { TableName: 'table-{{suffix}}' }, snapshot: 'describe' },
        kinesisDestination('Update', 'table-{{suffix}}', 'update-missing-params'),
        kinesisDestination('Update', 'table-{{suffix}}', 'update-bad-precision', { UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'SECOND' } }),
        kinesisDestination('Update', 'table-{{suffix}}', 'update-bad-stream-arn', {
          StreamArn: 'arn:{{partition}}:kinesis:{{region}}:{{accountId}}:stream/bad-stream',
          UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MICROSECOND' },
        }),
        kinesisDestination('Update', 'table-{{suffix}}', 'update', { UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MICROSECOND' } }),
        kinesisDestination('Update', 'table-{{suffix}}', 'update-no-idempotency', { UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MICROSECOND' } }),
        kinesisDestination('Disable', 'bad-table', 'disable-bad-table'),
        kinesisDestination('Disable', 'table-{{suffix}}', 'disable'),
      ],
    },
    {
      test: 'TestDynamoDB::test_dynamodb_describe_contributor_insights',
      note: 'test code not at the stored LocalStack commit: DescribeContributorInsights on a new table, as recorded',
      steps: [
        createTable({ TableName: 'table-{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT }),
        { op: 'DescribeContributorInsights', params: { TableName: 'table-{{suffix}}' }, snapshot: 'describe-contributor-insights-disabled' },
      ],
    },
    {
      test: 'TestDynamoDB::test_table_crud',
      note: 'test code not at the stored LocalStack commit: CreateTable parameters as the recorded description shows; DeleteTable of a missing table named "non-existent" as the recorded error names',
      steps: [
        createTable({ TableName: 'table-{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT }, { snapshot: 'create-table' }),
        { op: 'DescribeTable', params: { TableName: 'table-{{suffix}}' }, snapshot: 'describe-table' },
        { op: 'DeleteTable', params: { TableName: 'table-{{suffix}}' }, snapshot: 'delete-table' },
        { op: 'DeleteTable', params: { TableName: 'non-existent' }, snapshot: 'delete-non-existent-table' },
      ],
    },
    {
      test: 'TestDynamoDB::test_table_warm_throughput',
      note: 'test code not at the stored LocalStack commit: CreateTable parameters as the recorded description shows',
      steps: [
        createTable(
          { TableName: 'table-{{suffix}}', ...hashKey(), ProvisionedThroughput: THROUGHPUT, WarmThroughput: { ReadUnitsPerSecond: 1000, WriteUnitsPerSecond: 1200 } },
          { snapshot: 'create-table' },
        ),
        { op: 'DescribeTable', params: { TableName: 'table-{{suffix}}' }, snapshot: 'describe-table' },
      ],
    },
  ],
  notPorted: {
    test_dynamodb_streams_describe_with_exclusive_start_shard_id: 'no recorded responses (the test only asserts)',
    test_stream_destination_records: 'no recorded responses (the test only asserts); needs a Kinesis stream',
    test_dynamodb_update_table_without_sse_specification_change:
      'test code not at the stored LocalStack commit and its UpdateTable parameters are not in the recording; also calls KMS (not a twinstack service)',
    test_streams_on_global_tables: 'needs a replica table in a second region (ListStreams in two regions)',
  },
};

export default source;
