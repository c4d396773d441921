import assert from 'node:assert/strict';
import { type AttributeValue, CreateTableCommand, ScanCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { rejectsWith, uniqueName, useDynamo } from './support.ts';

describe('DynamoDB aggregate limits', function () {
  this.timeout(30_000);
  const ctx = useDynamo();
  /** Scan pages stop at 1 MB, so big items are counted page by page. */
  const count = async (TableName: string) => {
    let total = 0;
    let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await ctx.ddb.send(new ScanCommand({ TableName, Select: 'COUNT', ExclusiveStartKey }));
      total += page.Count!;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return total;
  };

  it('TransactWriteItems refuses more than 4 MB of items in all and writes none of them', async () => {
    const TableName = uniqueName('aggregate');
    await ctx.ddb.send(
      new CreateTableCommand({
        TableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    // 11 items of about 390 KB each: every item is within the 400 KB item limit, together they exceed 4 MB.
    const payload = 'x'.repeat(390 * 1024);
    const put = (i: number) => ({ Put: { TableName, Item: { id: { S: `item-${i}` }, payload: { S: payload } } } });
    await rejectsWith(
      ctx.ddb.send(new TransactWriteItemsCommand({ TransactItems: Array.from({ length: 11 }, (_, i) => put(i)) })),
      'ValidationException',
      'Transaction request cannot be larger than 4 MB',
    );
    assert.equal(await count(TableName), 0);
    await ctx.ddb.send(new TransactWriteItemsCommand({ TransactItems: Array.from({ length: 10 }, (_, i) => put(i)) }));
    assert.equal(await count(TableName), 10);
  });
});
