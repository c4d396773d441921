import assert from 'node:assert/strict';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  DeleteItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { rejectsWith, uniqueName, useDynamo } from './support.ts';

type Item = Record<string, AttributeValue>;

describe('DynamoDB items, queries and scans (AWS SDK v3)', () => {
  const t = useDynamo();
  const sorted = async (sortType: 'S' | 'N' | 'B') => {
    const TableName = uniqueName(`sorted-${sortType}`);
    await t.ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: sortType }],
      }),
    );
    return TableName;
  };
  const queryAll = async (TableName: string, forward = true) =>
    (await t.ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } }, ScanIndexForward: forward }))).Items!;

  it('stores numbers without leading and trailing zeros and orders number sort keys numerically', async () => {
    const TableName = await sorted('N');
    for (const n of ['10', '2', '-3', '1.50', '1E2', '0.001']) await t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { N: n } } }));
    assert.deepEqual((await queryAll(TableName)).map((i) => i.sk.N), ['-3', '0.001', '1.5', '2', '10', '100']);
    assert.deepEqual((await queryAll(TableName, false)).map((i) => i.sk.N), ['100', '10', '2', '1.5', '0.001', '-3']);
    const got = await t.ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'p' }, sk: { N: '100.0' } } }));
    assert.deepEqual(got.Item, { pk: { S: 'p' }, sk: { N: '100' } });
  });

  it('orders binary sort keys as unsigned bytes and string sort keys by UTF-8 bytes', async () => {
    const binary = await sorted('B');
    for (const b of [[0xff], [0x01], [0x80], [0x01, 0x00]]) await t.ddb.send(new PutItemCommand({ TableName: binary, Item: { pk: { S: 'p' }, sk: { B: new Uint8Array(b) } } }));
    assert.deepEqual((await queryAll(binary)).map((i) => [...i.sk.B!]), [[0x01], [0x01, 0x00], [0x80], [0xff]]);
    const strings = await sorted('S');
    // U+FF61 sorts after U+1F600 in UTF-16 order but before it in UTF-8 byte order
    for (const s of ['b', 'B', 'a', '\u{1F600}', '\uFF61', 'é']) await t.ddb.send(new PutItemCommand({ TableName: strings, Item: { pk: { S: 'p' }, sk: { S: s } } }));
    assert.deepEqual((await queryAll(strings)).map((i) => i.sk.S), ['B', 'a', 'b', 'é', '\uFF61', '\u{1F600}']);
  });

  it('queries sort-key ranges and pages with Limit and ExclusiveStartKey; Limit counts items before the filter', async () => {
    const TableName = await sorted('N');
    for (let i = 1; i <= 10; i++) await t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { N: String(i) }, even: { BOOL: i % 2 === 0 } } }));
    const between = await t.ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { N: '3' }, ':b': { N: '5' } } }));
    assert.deepEqual(between.Items!.map((i) => i.sk.N), ['3', '4', '5']);
    const pages: string[][] = [];
    let start: Item | undefined;
    do {
      const page = await t.ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', FilterExpression: 'even = :t', ExpressionAttributeValues: { ':p': { S: 'p' }, ':t': { BOOL: true } }, Limit: 3, ExclusiveStartKey: start }));
      assert.equal(page.ScannedCount, page.LastEvaluatedKey ? 3 : page.ScannedCount);
      pages.push(page.Items!.map((i) => i.sk.N!));
      start = page.LastEvaluatedKey;
    } while (start);
    assert.deepEqual(pages.flat(), ['2', '4', '6', '8', '10']);
    assert.deepEqual(pages[0], ['2']);
    const count = await t.ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } }, Select: 'COUNT' }));
    assert.equal(count.Count, 10);
    assert.equal(count.Items, undefined);
  });

  it('ends a scan page after 1 MB of items and resumes it; parallel segments split the table', async () => {
    const TableName = uniqueName('big');
    await t.ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }));
    const blob = 'x'.repeat(100 * 1024);
    for (let i = 0; i < 12; i++) await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: `item-${i}` }, blob: { S: blob } } }));
    const first = await t.ddb.send(new ScanCommand({ TableName }));
    assert.ok(first.LastEvaluatedKey, 'a 1.2 MB table does not fit one page');
    assert.ok(first.Count! < 12);
    const rest = await t.ddb.send(new ScanCommand({ TableName, ExclusiveStartKey: first.LastEvaluatedKey }));
    assert.equal(first.Count! + rest.Count!, 12);
    const segments = await Promise.all([0, 1, 2].map((Segment) => t.ddb.send(new ScanCommand({ TableName, Segment, TotalSegments: 3, ProjectionExpression: 'id' }))));
    const ids = segments.flatMap((s) => s.Items!.map((i) => i.id.S));
    assert.equal(ids.length, 12);
    assert.equal(new Set(ids).size, 12);
    await rejectsWith(
      t.ddb.send(new ScanCommand({ TableName, Segment: 3, TotalSegments: 3 })),
      'ValidationException',
      'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3',
    );
  });

  it('serves GSIs (sparse, projected) and LSIs, and refuses consistent reads on GSIs', async () => {
    const TableName = uniqueName('indexed');
    await t.ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        AttributeDefinitions: ['pk', 'sk', 'gpk', 'lsk'].map((AttributeName) => ({ AttributeName, AttributeType: AttributeName === 'lsk' ? 'N' : 'S' })),
        GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['extra'] } }],
        LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
      }),
    );
    await t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, sk: { S: '1' }, gpk: { S: 'g' }, lsk: { N: '2' }, extra: { S: 'e' }, other: { S: 'o' } } }));
    await t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, sk: { S: '2' }, lsk: { N: '1' } } }));
    const global = await t.ddb.send(new QueryCommand({ TableName, IndexName: 'gsi', KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': { S: 'g' } } }));
    assert.deepEqual(global.Items, [{ pk: { S: 'a' }, sk: { S: '1' }, gpk: { S: 'g' }, extra: { S: 'e' } }]);
    const sparse = await t.ddb.send(new ScanCommand({ TableName, IndexName: 'gsi' }));
    assert.equal(sparse.Count, 1);
    const local = await t.ddb.send(new QueryCommand({ TableName, IndexName: 'lsi', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'a' } } }));
    assert.deepEqual(local.Items!.map((i) => i.sk.S), ['2', '1']);
    const localAll = await t.ddb.send(new QueryCommand({ TableName, IndexName: 'lsi', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'a' } }, Select: 'ALL_ATTRIBUTES' }));
    assert.equal(localAll.Items![1].other.S, 'o');
    await rejectsWith(
      t.ddb.send(new QueryCommand({ TableName, IndexName: 'gsi', ConsistentRead: true, KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': { S: 'g' } } })),
      'ValidationException',
      'Consistent reads are not supported on global secondary indexes',
    );
    await rejectsWith(
      t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, sk: { S: '3' }, gpk: { N: '1' } } })),
      'ValidationException',
      'One or more parameter values were invalid: Type mismatch for Index Key gpk Expected: S Actual: N IndexName: gsi',
    );
  });

  it('validates keys and sizes', async () => {
    const TableName = await sorted('S');
    await rejectsWith(t.ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'p' } } })), 'ValidationException', 'The provided key element does not match the schema');
    await rejectsWith(t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' } } })), 'ValidationException', 'One or more parameter values were invalid: Missing the key sk in the item');
    await rejectsWith(
      t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { N: '1' } } })),
      'ValidationException',
      'One or more parameter values were invalid: Type mismatch for key sk expected: S actual: N',
    );
    await rejectsWith(
      t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p'.repeat(2049) }, sk: { S: 's' } } })),
      'ValidationException',
      'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
    );
    await rejectsWith(
      t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { S: 's'.repeat(1025) } } })),
      'ValidationException',
      'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
    );
    await t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { S: 's' }, big: { S: 'x'.repeat(400 * 1024 - 20) } } }));
    await rejectsWith(
      t.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'p' }, sk: { S: 's' }, big: { S: 'x'.repeat(400 * 1024) } } })),
      'ValidationException',
      'Item size has exceeded the maximum allowed size',
    );
    await rejectsWith(t.ddb.send(new GetItemCommand({ TableName: 'missing-table', Key: { pk: { S: 'p' } } })), 'ResourceNotFoundException', 'Requested resource not found');
  });

  it('returns values and consumed capacity as AWS computes them', async () => {
    const TableName = await sorted('S');
    const key = { pk: { S: 'p' }, sk: { S: 's' } };
    const put = await t.ddb.send(new PutItemCommand({ TableName, Item: { ...key, a: { N: '1' }, b: { S: 'x'.repeat(1500) } }, ReturnConsumedCapacity: 'TOTAL' }));
    assert.deepEqual(put.ConsumedCapacity, { TableName, CapacityUnits: 2, WriteCapacityUnits: 2 });
    const eventual = await t.ddb.send(new GetItemCommand({ TableName, Key: key, ReturnConsumedCapacity: 'TOTAL' }));
    assert.deepEqual(eventual.ConsumedCapacity, { TableName, CapacityUnits: 0.5, ReadCapacityUnits: 0.5 });
    const strong = await t.ddb.send(new GetItemCommand({ TableName, Key: key, ConsistentRead: true, ReturnConsumedCapacity: 'INDEXES' }));
    assert.deepEqual(strong.ConsumedCapacity, { TableName, CapacityUnits: 1, ReadCapacityUnits: 1, Table: { CapacityUnits: 1, ReadCapacityUnits: 1 } });
    const updatedNew = await t.ddb.send(new UpdateItemCommand({ TableName, Key: key, UpdateExpression: 'SET a = a + :one, c = :c', ExpressionAttributeValues: { ':one': { N: '1' }, ':c': { S: 'new' } }, ReturnValues: 'UPDATED_NEW' }));
    assert.deepEqual(updatedNew.Attributes, { a: { N: '2' }, c: { S: 'new' } });
    const updatedOld = await t.ddb.send(new UpdateItemCommand({ TableName, Key: key, UpdateExpression: 'SET a = :v REMOVE c', ExpressionAttributeValues: { ':v': { N: '5' } }, ReturnValues: 'UPDATED_OLD' }));
    assert.deepEqual(updatedOld.Attributes, { a: { N: '2' }, c: { S: 'new' } });
    const deleted = await t.ddb.send(new DeleteItemCommand({ TableName, Key: key, ReturnValues: 'ALL_OLD' }));
    assert.equal(deleted.Attributes?.a.N, '5');
    await rejectsWith(t.ddb.send(new PutItemCommand({ TableName, Item: key, ReturnValues: 'ALL_NEW' })), 'ValidationException', 'Return values set to invalid value');
  });

  it('fails conditional writes with the old item when asked', async () => {
    const TableName = await sorted('S');
    const item = { pk: { S: 'p' }, sk: { S: 's' }, v: { B: new Uint8Array([1, 2, 3]) } };
    await t.ddb.send(new PutItemCommand({ TableName, Item: item }));
    await assert.rejects(
      t.ddb.send(new PutItemCommand({ TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })),
      (e: Error & { Item?: Item }) => {
        assert.equal(e.name, 'ConditionalCheckFailedException');
        assert.equal(e.message, 'The conditional request failed');
        assert.deepEqual([...e.Item!.v.B!], [1, 2, 3]);
        return true;
      },
    );
  });

  it('batches writes and reads within AWS limits', async () => {
    const TableName = await sorted('S');
    const put = (i: number) => ({ PutRequest: { Item: { pk: { S: 'p' }, sk: { S: String(i) } } } });
    await rejectsWith(
      t.ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: [put(1), put(1)] } })),
      'ValidationException',
      'Provided list of item keys contains duplicates',
    );
    const written = await t.ddb.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: Array.from({ length: 25 }, (_, i) => put(i)) } }));
    assert.deepEqual(written.UnprocessedItems, {});
    const keys = Array.from({ length: 30 }, (_, i) => ({ pk: { S: 'p' }, sk: { S: String(i) } }));
    const read = await t.ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: keys, ProjectionExpression: 'sk' } } }));
    assert.equal(read.Responses![TableName].length, 25);
    assert.deepEqual(read.UnprocessedKeys, {});
    await rejectsWith(
      t.ddb.send(new BatchGetItemCommand({ RequestItems: { [TableName]: { Keys: [keys[0], keys[0]] } } })),
      'ValidationException',
      'Provided list of item keys contains duplicates',
    );
  });
});
