import assert from 'node:assert/strict';
import { type AttributeValue, CreateTableCommand, DescribeTableCommand, PutItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { rejectsWith, uniqueName, useDynamo } from './support.ts';

// Multi-attribute keys for global secondary indexes (DynamoDB Developer Guide, "Multi-attribute keys", Nov 2025):
// up to four partition and four sort attributes; Query needs equality on every partition attribute and takes
// conditions on a left-to-right prefix of the sort attributes, the last of which may be a range.
describe('DynamoDB multi-attribute GSI keys', function () {
  this.timeout(30_000);
  const ctx = useDynamo();
  let TableName: string;
  const IndexName = 'by-tournament';
  const KeySchema = [
    { AttributeName: 'tournament', KeyType: 'HASH' as const },
    { AttributeName: 'region', KeyType: 'HASH' as const },
    { AttributeName: 'round', KeyType: 'RANGE' as const },
    { AttributeName: 'bracket', KeyType: 'RANGE' as const },
  ];
  const match = (id: string, round: string, bracket?: string, region = 'NA') => ({
    id: { S: id },
    tournament: { S: 'WINTER' },
    region: { S: region },
    round: { S: round },
    ...(bracket ? { bracket: { N: bracket } } : {}),
  });

  before(async () => {
    TableName = uniqueName('multi');
    await ctx.ddb.send(
      new CreateTableCommand({
        TableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [
          ...['id', 'tournament', 'region', 'round'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
          { AttributeName: 'bracket', AttributeType: 'N' as const },
        ],
        GlobalSecondaryIndexes: [{ IndexName, KeySchema, Projection: { ProjectionType: 'ALL' } }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (const item of [match('m1', 'SEMI', '2'), match('m2', 'FINAL', '1'), match('m3', 'SEMI', '1'), match('m4', 'QUARTER', '3'), match('m5', 'SEMI'), match('m6', 'SEMI', '1', 'EU')]) {
      await ctx.ddb.send(new PutItemCommand({ TableName, Item: item }));
    }
  });

  const query = (KeyConditionExpression: string, values: Record<string, AttributeValue>, extra: object = {}) => {
    const names = Object.entries({ '#r': 'region', '#round': 'round' }).filter(([alias]) => new RegExp(`${alias}\\b`).test(KeyConditionExpression));
    return ctx.ddb.send(
      new QueryCommand({
        TableName,
        IndexName,
        KeyConditionExpression,
        ExpressionAttributeNames: names.length ? Object.fromEntries(names) : undefined,
        ExpressionAttributeValues: values,
        ...extra,
      }),
    );
  };
  const ids = (items: Record<string, { S?: string }>[] | undefined) => (items ?? []).map((i) => i.id.S);

  it('describes the index with every key attribute as given', async () => {
    const { Table } = await ctx.ddb.send(new DescribeTableCommand({ TableName }));
    assert.deepEqual(Table!.GlobalSecondaryIndexes![0].KeySchema, KeySchema);
  });

  it('queries by every partition attribute, sorted by the sort attributes in order; items missing one are left out', async () => {
    const all = await query('tournament = :t AND #r = :r', { ':t': { S: 'WINTER' }, ':r': { S: 'NA' } });
    assert.deepEqual(ids(all.Items), ['m2', 'm4', 'm3', 'm1']);
    const backwards = await query('tournament = :t AND #r = :r', { ':t': { S: 'WINTER' }, ':r': { S: 'NA' } }, { ScanIndexForward: false });
    assert.deepEqual(ids(backwards.Items), ['m1', 'm3', 'm4', 'm2']);
  });

  it('takes equality on a prefix of the sort attributes and a range on the last one', async () => {
    const semis = await query('tournament = :t AND #r = :r AND #round = :round', { ':t': { S: 'WINTER' }, ':r': { S: 'NA' }, ':round': { S: 'SEMI' } });
    assert.deepEqual(ids(semis.Items), ['m3', 'm1']);
    const ranged = await query('tournament = :t AND #r = :r AND #round = :round AND bracket > :b', {
      ':t': { S: 'WINTER' },
      ':r': { S: 'NA' },
      ':round': { S: 'SEMI' },
      ':b': { N: '1' },
    });
    assert.deepEqual(ids(ranged.Items), ['m1']);
    const between = await query('tournament = :t AND #r = :r AND #round BETWEEN :a AND :b', { ':t': { S: 'WINTER' }, ':r': { S: 'NA' }, ':a': { S: 'Q' }, ':b': { S: 'R' } });
    assert.deepEqual(ids(between.Items), ['m4']);
  });

  it('pages through a multi-attribute index', async () => {
    const first = await query('tournament = :t AND #r = :r', { ':t': { S: 'WINTER' }, ':r': { S: 'NA' } }, { Limit: 2 });
    assert.deepEqual(ids(first.Items), ['m2', 'm4']);
    const second = await query('tournament = :t AND #r = :r', { ':t': { S: 'WINTER' }, ':r': { S: 'NA' } }, { ExclusiveStartKey: first.LastEvaluatedKey });
    assert.deepEqual(ids(second.Items), ['m3', 'm1']);
  });

  it('follows item changes into and out of the index', async () => {
    await ctx.ddb.send(new UpdateItemCommand({ TableName, Key: { id: { S: 'm5' } }, UpdateExpression: 'SET bracket = :b', ExpressionAttributeValues: { ':b': { N: '0' } } }));
    const semis = await query('tournament = :t AND #r = :r AND #round = :round', { ':t': { S: 'WINTER' }, ':r': { S: 'NA' }, ':round': { S: 'SEMI' } });
    assert.deepEqual(ids(semis.Items), ['m5', 'm3', 'm1']);
    await ctx.ddb.send(new UpdateItemCommand({ TableName, Key: { id: { S: 'm5' } }, UpdateExpression: 'REMOVE bracket' }));
  });

  it('refuses a missing partition attribute, a gap in the sort attributes and a range before the last condition', async () => {
    await rejectsWith(query('tournament = :t', { ':t': { S: 'WINTER' } }), 'ValidationException', 'Query condition missed key schema element: region');
    await rejectsWith(
      query('tournament = :t AND #r = :r AND bracket = :b', { ':t': { S: 'WINTER' }, ':r': { S: 'NA' }, ':b': { N: '1' } }),
      'ValidationException',
      'Query key condition not supported',
    );
    await rejectsWith(
      query('tournament = :t AND #r = :r AND #round > :round AND bracket = :b', { ':t': { S: 'WINTER' }, ':r': { S: 'NA' }, ':round': { S: 'A' }, ':b': { N: '1' } }),
      'ValidationException',
      'Query key condition not supported',
    );
  });
});
