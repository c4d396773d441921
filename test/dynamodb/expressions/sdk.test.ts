/**
 * Expressions end to end: the AWS SDK v3 DynamoDB client over HTTP against twinstack. Expected results and
 * messages are DynamoDB's (see the unit tests for their sources).
 */
import assert from 'node:assert/strict';
import {
  DynamoDBClient,
  ExecuteStatementCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startTwinstack, type Twinstack } from '../../../emulator/index.ts';
import { keyedTable } from './helpers.ts';

describe('DynamoDB expressions through the AWS SDK', function () {
  let aws: Twinstack;
  let client: DynamoDBClient;
  const TableName = 'expressions';

  async function rejects(promise: Promise<unknown>, name: string, message: string) {
    await assert.rejects(promise, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(error.name, name);
      assert.equal(error.message, message);
      assert.equal(error.$metadata?.httpStatusCode, 400);
      return true;
    });
  }

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['dynamodb'] });
    client = new DynamoDBClient({
      endpoint: aws.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await client.send(
      keyedTable(TableName, 'S', 'N'),
    );
    for (let sk = 1; sk <= 5; sk++) {
      await client.send(
        new PutItemCommand({
          TableName,
          Item: { pk: { S: 'p' }, sk: { N: String(sk) }, even: { BOOL: sk % 2 === 0 }, tags: { SS: [`t${sk}`, 'all'] } },
        }),
      );
    }
  });

  after(async () => {
    client?.destroy();
    await aws?.stop();
  });

  it('queries with a key condition and a filter', async () => {
    const result = await client.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
        FilterExpression: 'even = :t AND contains(tags, :all)',
        ExpressionAttributeValues: { ':p': { S: 'p' }, ':lo': { N: '2' }, ':hi': { N: '4' }, ':t': { BOOL: true }, ':all': { S: 'all' } },
      }),
    );
    assert.deepEqual(result.Items?.map((item) => item.sk.N), ['2', '4']);
    assert.equal(result.ScannedCount, 3);
  });

  it('updates with SET/ADD/REMOVE and returns the new values', async () => {
    const result = await client.send(
      new UpdateItemCommand({
        TableName,
        Key: { pk: { S: 'p' }, sk: { N: '1' } },
        UpdateExpression: 'SET #c = if_not_exists(#c, :zero) + :one, nested = :m ADD tags :more REMOVE even',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':zero': { N: '0' }, ':one': { N: '1.50' }, ':m': { M: { a: { L: [] } } }, ':more': { SS: ['new'] } },
        ReturnValues: 'ALL_NEW',
      }),
    );
    // DynamoDB does not promise an order for set members
    const { tags, ...rest } = result.Attributes!;
    assert.deepEqual([...tags.SS!].sort(), ['all', 'new', 't1']);
    assert.deepEqual(rest, { pk: { S: 'p' }, sk: { N: '1' }, count: { N: '1.5' }, nested: { M: { a: { L: [] } } } });
  });

  it('projects nested paths', async () => {
    const result = await client.send(
      new GetItemCommand({ TableName, Key: { pk: { S: 'p' }, sk: { N: '1' } }, ProjectionExpression: 'nested.a, sk' }),
    );
    assert.deepEqual(result.Item, { sk: { N: '1' }, nested: { M: { a: { L: [] } } } });
  });

  it('fails conditional writes with ConditionalCheckFailedException', async () => {
    await rejects(
      client.send(
        new PutItemCommand({
          TableName,
          Item: { pk: { S: 'p' }, sk: { N: '2' } },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
  });

  it('returns AWS validation messages for bad expressions', async () => {
    await rejects(
      client.send(new ScanCommand({ TableName, FilterExpression: 'status = :s', ExpressionAttributeValues: { ':s': { S: 'x' } } })),
      'ValidationException',
      'Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: status',
    );
    await rejects(
      client.send(new UpdateItemCommand({ TableName, Key: { pk: { S: 'p' }, sk: { N: '1' } }, UpdateExpression: 'SET x' })),
      'ValidationException',
      'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "x"',
    );
    await rejects(
      client.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': { S: 'p' }, ':unused': { S: 'x' } },
        }),
      ),
      'ValidationException',
      'Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}',
    );
    await rejects(
      client.send(new QueryCommand({ TableName, KeyConditionExpression: 'sk = :s', ExpressionAttributeValues: { ':s': { N: '1' } } })),
      'ValidationException',
      'Query condition missed key schema element: pk',
    );
    await rejects(
      client.send(
        new UpdateItemCommand({
          TableName,
          Key: { pk: { S: 'p' }, sk: { N: '1' } },
          UpdateExpression: 'SET a = :v REMOVE a.b',
          ExpressionAttributeValues: { ':v': { S: 'x' } },
        }),
      ),
      'ValidationException',
      'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]',
    );
    await rejects(
      client.send(
        new UpdateItemCommand({
          TableName,
          Key: { pk: { S: 'p' }, sk: { N: '1' } },
          UpdateExpression: 'SET absent.child = :v',
          ExpressionAttributeValues: { ':v': { S: 'x' } },
        }),
      ),
      'ValidationException',
      'The document path provided in the update expression is invalid for update',
    );
  });

  it('runs PartiQL statements', async () => {
    const result = await client.send(
      new ExecuteStatementCommand({ Statement: `SELECT sk FROM "${TableName}" WHERE pk = ? AND sk >= 4`, Parameters: [{ S: 'p' }] }),
    );
    assert.deepEqual(result.Items?.map((item) => item.sk.N).sort(), ['4', '5']);
  });
});
