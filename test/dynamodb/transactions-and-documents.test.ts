import assert from 'node:assert/strict';
import { CreateTableCommand, TransactGetItemsCommand, TransactWriteItemsCommand, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rejectsWith, uniqueName, useDynamo } from './support.ts';

describe('DynamoDB transactions and the DocumentClient (AWS SDK v3)', () => {
  const t = useDynamo();
  let TableName: string;

  before(async () => {
    TableName = uniqueName('tx');
    await t.ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
      }),
    );
  });

  it('writes all or nothing and explains cancellations per item', async () => {
    const key = (sk: string) => ({ pk: { S: 'acct' }, sk: { N: sk } });
    const ok = await t.ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [{ Put: { TableName, Item: { ...key('1'), balance: { N: '10' } } } }, { Put: { TableName, Item: { ...key('2'), balance: { N: '0' } } } }],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    assert.deepEqual(ok.ConsumedCapacity, [{ TableName, CapacityUnits: 4, WriteCapacityUnits: 4 }]);
    await assert.rejects(
      t.ddb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Update: { TableName, Key: key('1'), UpdateExpression: 'SET balance = balance - :a', ConditionExpression: 'balance >= :a', ExpressionAttributeValues: { ':a': { N: '20' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
            { Update: { TableName, Key: key('2'), UpdateExpression: 'SET balance = balance + :a', ExpressionAttributeValues: { ':a': { N: '20' } } } },
          ],
        }),
      ),
      (e: Error & { CancellationReasons?: CancellationReason[] }) => {
        assert.equal(e.name, 'TransactionCanceledException');
        assert.equal(e.message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]');
        assert.deepEqual(e.CancellationReasons, [
          { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { ...key('1'), balance: { N: '10' } } },
          { Code: 'None' },
        ]);
        return true;
      },
    );
    const read = await t.ddb.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName, Key: key('2') } }, { Get: { TableName, Key: key('3') } }] }));
    assert.deepEqual(read.Responses, [{ Item: { ...key('2'), balance: { N: '0' } } }, {}]);
    await rejectsWith(
      t.ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName, Item: key('5') } }, { Delete: { TableName, Key: key('5') } }] })),
      'ValidationException',
      'Transaction request cannot include multiple operations on one item',
    );
  });

  it('honours ClientRequestToken idempotency and rejects a reused token with other parameters', async () => {
    const item = (v: string) => ({ Put: { TableName, Item: { pk: { S: 'idem' }, sk: { N: '1' }, v: { S: v } } } });
    await t.ddb.send(new TransactWriteItemsCommand({ ClientRequestToken: 'token-1', TransactItems: [item('a')] }));
    await t.ddb.send(new TransactWriteItemsCommand({ ClientRequestToken: 'token-1', TransactItems: [item('a')] }));
    await assert.rejects(t.ddb.send(new TransactWriteItemsCommand({ ClientRequestToken: 'token-1', TransactItems: [item('b')] })), { name: 'IdempotentParameterMismatchException' });
  });

  it('round-trips native JavaScript values through the DocumentClient', async () => {
    const docs = DynamoDBDocumentClient.from(t.ddb, { marshallOptions: { removeUndefinedValues: true } });
    const item = { pk: 'doc', sk: 1, name: 'Ada', tags: new Set(['x', 'y']), nested: { list: [1, 'two', { three: true }], nothing: null }, bytes: new Uint8Array([9, 8]) };
    await docs.send(new PutCommand({ TableName, Item: item }));
    const got = await docs.send(new GetCommand({ TableName, Key: { pk: 'doc', sk: 1 } }));
    assert.deepEqual(got.Item, item);
    const updated = await docs.send(
      new UpdateCommand({ TableName, Key: { pk: 'doc', sk: 1 }, UpdateExpression: 'SET #n = :n ADD visits :one', ExpressionAttributeNames: { '#n': 'name' }, ExpressionAttributeValues: { ':n': 'Grace', ':one': 1 }, ReturnValues: 'ALL_NEW' }),
    );
    assert.equal(updated.Attributes?.name, 'Grace');
    assert.equal(updated.Attributes?.visits, 1);
    await docs.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName, Item: { pk: 'doc', sk: 2 } } }] }));
    const queried = await docs.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = :p AND sk > :s', ExpressionAttributeValues: { ':p': 'doc', ':s': 0 } }));
    assert.deepEqual(queried.Items?.map((i) => i.sk), [1, 2]);
  });
});
