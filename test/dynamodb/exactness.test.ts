import assert from 'node:assert/strict';
import {
  BatchExecuteStatementCommand,
  BatchGetItemCommand,
  CreateTableCommand,
  type CreateTableCommandInput,
  ExecuteStatementCommand,
  ExecuteTransactionCommand,
  PutItemCommand,
  QueryCommand,
  UpdateContinuousBackupsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { rejectsWith, uniqueName, useDynamo } from './support.ts';

// Expected messages: dynalite's suite run against AWS (empty index lists, operators), moto's tests of AWS's answers
// (unknown function names in key conditions), the GetItem message for empty keys, DynamoDB's documented key limits.
describe('DynamoDB validation order, wording and limits', function () {
  this.timeout(30_000);
  const ctx = useDynamo();
  const base = (TableName: string): CreateTableCommandInput => ({
    TableName,
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'g', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    BillingMode: 'PAY_PER_REQUEST',
  });
  let TableName: string;
  before(async () => {
    TableName = uniqueName('exact');
    await ctx.ddb.send(new CreateTableCommand(base(TableName)));
    await ctx.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, sk: { S: '1' }, g: { S: 'x' }, extra: { S: 'e' } } }));
  });

  it('CreateTable refuses empty index lists, local ones first', async () => {
    const name = uniqueName('empty');
    await rejectsWith(
      ctx.ddb.send(new CreateTableCommand({ ...base(name), GlobalSecondaryIndexes: [], LocalSecondaryIndexes: [] })),
      'ValidationException',
      'One or more parameter values were invalid: List of LocalSecondaryIndexes is empty',
    );
    await rejectsWith(
      ctx.ddb.send(new CreateTableCommand({ ...base(name), GlobalSecondaryIndexes: [] })),
      'ValidationException',
      'One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty',
    );
  });

  it('an index key is held to the key size limits (2048 bytes partition key)', async () => {
    const big = 'x'.repeat(2049);
    const message = 'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes';
    await rejectsWith(ctx.ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'b' }, sk: { S: '1' }, g: { S: big } } })), 'ValidationException', message);
    await rejectsWith(
      ctx.ddb.send(new UpdateItemCommand({ TableName, Key: { pk: { S: 'a' }, sk: { S: '1' } }, UpdateExpression: 'SET g = :g', ExpressionAttributeValues: { ':g': { S: big } } })),
      'ValidationException',
      message,
    );
  });

  it('KeyConditionExpression: an unknown function name is a syntax-level error; Query refuses an empty partition key', async () => {
    const query = (KeyConditionExpression: string, value = 'a') =>
      ctx.ddb.send(new QueryCommand({ TableName, KeyConditionExpression, ExpressionAttributeValues: { ':a': { S: value }, ...(KeyConditionExpression.includes(':s') ? { ':s': { S: '1' } } : {}) } }));
    await rejectsWith(query('pk = :a AND Begins_With(sk, :s)'), 'ValidationException', 'Invalid KeyConditionExpression: Invalid function name; function: Begins_With');
    await rejectsWith(query('pk = :a AND contains(sk, :s)'), 'ValidationException', 'Invalid operator used in KeyConditionExpression: contains');
    await rejectsWith(
      query('pk = :a', ''),
      'ValidationException',
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    );
  });

  it('BatchGetItem reports unused expression attribute names before a missing table', async () => {
    await rejectsWith(
      ctx.ddb.send(new BatchGetItemCommand({ RequestItems: { 'no-such-table': { Keys: [{ pk: { S: 'a' }, sk: { S: '1' } }], ProjectionExpression: 'pk', ExpressionAttributeNames: { '#x': 'x' } } } })),
      'ValidationException',
      'Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}',
    );
  });

  it('enabling point-in-time recovery again keeps its earliest restorable time', async () => {
    const enable = () => ctx.ddb.send(new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
    const first = (await enable()).ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.EarliestRestorableDateTime!;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = (await enable()).ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.EarliestRestorableDateTime!;
    assert.equal(again.getTime(), first.getTime());
  });

  it('PartiQL on a missing index says so without naming it (unlike Query)', async () => {
    await rejectsWith(
      ctx.ddb.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "${TableName}"."no-such-index" WHERE pk = 'a'` })),
      'ValidationException',
      'The table does not have the specified index',
    );
  });

  it('BatchExecuteStatement and ExecuteTransaction honour the SELECT projection', async () => {
    const Statement = `SELECT extra FROM "${TableName}" WHERE pk = 'a' AND sk = '1'`;
    const batch = await ctx.ddb.send(new BatchExecuteStatementCommand({ Statements: [{ Statement }] }));
    assert.deepEqual(batch.Responses![0].Item, { extra: { S: 'e' } });
    const transaction = await ctx.ddb.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement }] }));
    assert.deepEqual(transaction.Responses![0].Item, { extra: { S: 'e' } });
  });
});
