import assert from 'node:assert/strict';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { uniqueName, useDynamo } from './support.ts';

/**
 * A 100,000-item table, through the AWS SDK v3: single-item reads and writes, a partition's Query and a one-item Scan
 * page answer as they do on a small table (DynamoDB developer guide: GetItem, PutItem, UpdateItem, DeleteItem, Query
 * and Scan with Limit). Their cost against the table's size is measured by `npm run bench` (its DynamoDB rows use a
 * table of this size); no timing is asserted here.
 */
describe('DynamoDB with a 100,000-item table (AWS SDK v3)', function () {
  this.timeout(300_000);
  const ITEMS = 100_000;
  const PER_PARTITION = 10;
  const ctx = useDynamo();
  const table = uniqueName('large');
  const key = (n: number) => ({ pk: { S: `p${Math.floor(n / PER_PARTITION)}` }, sk: { N: String(n % PER_PARTITION) } });
  const item = (n: number) => ({ ...key(n), n: { N: String(n) }, name: { S: `item ${n}` } });

  before(async () => {
    await ctx.ddb.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    let next = 0;
    const loader = async () => {
      while (next < ITEMS / 25) {
        const batch = next++;
        let requests: WriteRequest[] | undefined = Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: item(batch * 25 + j) } }));
        while (requests?.length) requests = (await ctx.ddb.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }))).UnprocessedItems?.[table];
      }
    };
    await Promise.all(Array.from({ length: 8 }, loader));
  });

  it('GetItem finds the first, a middle and the last item, and nothing at a key never written', async () => {
    for (const n of [0, ITEMS / 2 + 3, ITEMS - 1]) {
      const out = await ctx.ddb.send(new GetItemCommand({ TableName: table, Key: key(n), ReturnConsumedCapacity: 'TOTAL' }));
      assert.deepEqual(out.Item, item(n));
      assert.deepEqual(out.ConsumedCapacity, { TableName: table, CapacityUnits: 0.5, ReadCapacityUnits: 0.5 });
    }
    const missing = await ctx.ddb.send(new GetItemCommand({ TableName: table, Key: key(ITEMS + 5) }));
    assert.equal(missing.Item, undefined);
  });

  it('PutItem, UpdateItem and DeleteItem change one item and return the old one', async () => {
    const n = ITEMS / 4;
    const put = await ctx.ddb.send(new PutItemCommand({ TableName: table, Item: { ...item(n), extra: { S: 'x' } }, ReturnValues: 'ALL_OLD' }));
    assert.deepEqual(put.Attributes, item(n));
    const updated = await ctx.ddb.send(
      new UpdateItemCommand({ TableName: table, Key: key(n), UpdateExpression: 'SET #n = #n + :one', ExpressionAttributeNames: { '#n': 'n' }, ExpressionAttributeValues: { ':one': { N: '1' } }, ReturnValues: 'UPDATED_NEW' }),
    );
    assert.deepEqual(updated.Attributes, { n: { N: String(n + 1) } });
    const deleted = await ctx.ddb.send(new DeleteItemCommand({ TableName: table, Key: key(n), ReturnValues: 'ALL_OLD' }));
    assert.deepEqual(deleted.Attributes, { ...item(n), n: { N: String(n + 1) }, extra: { S: 'x' } });
    assert.equal((await ctx.ddb.send(new GetItemCommand({ TableName: table, Key: key(n) }))).Item, undefined);
    // Its neighbours in the partition are untouched.
    assert.deepEqual((await ctx.ddb.send(new GetItemCommand({ TableName: table, Key: key(n + 1) }))).Item, item(n + 1));
  });

  it("Query returns one partition's items in sort key order, and a range of them", async () => {
    const partition = 4321;
    const all = await ctx.ddb.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: `p${partition}` } } }));
    assert.deepEqual(all.Items, Array.from({ length: PER_PARTITION }, (_, i) => item(partition * PER_PARTITION + i)));
    assert.equal(all.Count, PER_PARTITION);
    assert.equal(all.ScannedCount, PER_PARTITION);
    const range = await ctx.ddb.send(
      new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':p': { S: `p${partition}` }, ':a': { N: '3' }, ':b': { N: '5' } }, ScanIndexForward: false }),
    );
    assert.deepEqual(range.Items, [5, 4, 3].map((i) => item(partition * PER_PARTITION + i)));
  });

  it('a one-item Scan page holds one item and the key to go on from', async () => {
    const page = await ctx.ddb.send(new ScanCommand({ TableName: table, Limit: 1 }));
    assert.equal(page.Count, 1);
    assert.equal(page.ScannedCount, 1);
    const [first] = page.Items!;
    assert.deepEqual(page.LastEvaluatedKey, { pk: first.pk, sk: first.sk });
    const next = await ctx.ddb.send(new ScanCommand({ TableName: table, Limit: 1, ExclusiveStartKey: page.LastEvaluatedKey }));
    assert.equal(next.Count, 1);
    assert.notDeepEqual(next.Items![0], first);
  });
});
