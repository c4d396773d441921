import assert from 'node:assert/strict';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeContributorInsightsCommand,
  DescribeLimitsCommand,
  ListContributorInsightsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  QueryCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateContributorInsightsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { rejectsWith, uniqueName, useDynamo } from './support.ts';

const HASH_ID = { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }] };

describe('DynamoDB tables (AWS SDK v3)', () => {
  const t = useDynamo();

  it('creates a usable table, lists it with pagination, and deletes it', async () => {
    const names = [uniqueName('list-a'), uniqueName('list-b'), uniqueName('list-c')];
    for (const TableName of names) await t.ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', ...HASH_ID }));
    await waitUntilTableExists({ client: t.ddb, maxWaitTime: 5, minDelay: 1 }, { TableName: names[0] });
    const described = await t.ddb.send(new DescribeTableCommand({ TableName: names[0] }));
    assert.equal(described.Table?.TableStatus, 'ACTIVE');
    assert.deepEqual(described.Table?.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');
    const seen: string[] = [];
    let start: string | undefined;
    do {
      const page = await t.ddb.send(new ListTablesCommand({ Limit: 1, ExclusiveStartTableName: start }));
      assert.ok(page.TableNames!.length <= 1);
      seen.push(...page.TableNames!);
      start = page.LastEvaluatedTableName;
    } while (start);
    for (const name of names) assert.ok(seen.includes(name));
    assert.deepEqual(seen, [...seen].sort());
    const deleted = await t.ddb.send(new DeleteTableCommand({ TableName: names[0] }));
    assert.equal(deleted.TableDescription?.TableStatus, 'DELETING');
    await rejectsWith(t.ddb.send(new DescribeTableCommand({ TableName: names[0] })), 'ResourceNotFoundException', `Requested resource not found: Table: ${names[0]} not found`);
  });

  it('validates table definitions as AWS does', async () => {
    await rejectsWith(
      t.ddb.send(new CreateTableCommand({ TableName: 'ab', BillingMode: 'PAY_PER_REQUEST', ...HASH_ID })),
      'ValidationException',
      "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
    );
    await rejectsWith(
      t.ddb.send(new CreateTableCommand({ TableName: uniqueName('t'), BillingMode: 'PAY_PER_REQUEST', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }, ...HASH_ID })),
      'ValidationException',
      'One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
    );
    await rejectsWith(
      t.ddb.send(new CreateTableCommand({ TableName: uniqueName('t'), BillingMode: 'PAY_PER_REQUEST', KeySchema: HASH_ID.KeySchema, AttributeDefinitions: [{ AttributeName: 'x', AttributeType: 'S' }] })),
      'ValidationException',
      'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [id], AttributeDefinitions: [x]',
    );
    const name = uniqueName('dup');
    await t.ddb.send(new CreateTableCommand({ TableName: name, BillingMode: 'PAY_PER_REQUEST', ...HASH_ID }));
    await rejectsWith(t.ddb.send(new CreateTableCommand({ TableName: name, BillingMode: 'PAY_PER_REQUEST', ...HASH_ID })), 'ResourceInUseException', `Table already exists: ${name}`);
  });

  it('protects tables against deletion when asked to', async () => {
    const TableName = uniqueName('protected');
    await t.ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', DeletionProtectionEnabled: true, ...HASH_ID }));
    await rejectsWith(
      t.ddb.send(new DeleteTableCommand({ TableName })),
      'ValidationException',
      'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
    );
    await t.ddb.send(new UpdateTableCommand({ TableName, DeletionProtectionEnabled: false }));
    await t.ddb.send(new DeleteTableCommand({ TableName }));
  });

  it('adds a GSI to a table with items and backfills it; removes it again', async () => {
    const TableName = uniqueName('backfill');
    await t.ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', ...HASH_ID }));
    for (const [id, color] of [['1', 'red'], ['2', 'blue'], ['3', 'red'], ['4', undefined]]) {
      await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: id! }, ...(color ? { color: { S: color } } : {}) } }));
    }
    const updated = await t.ddb.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'color', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-color', KeySchema: [{ AttributeName: 'color', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
      }),
    );
    assert.equal(updated.TableDescription?.GlobalSecondaryIndexes?.[0].IndexStatus, 'CREATING');
    const red = await t.ddb.send(new QueryCommand({ TableName, IndexName: 'by-color', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': { S: 'red' } } }));
    assert.deepEqual(red.Items?.map((i) => i.id.S).sort(), ['1', '3']);
    const described = await t.ddb.send(new DescribeTableCommand({ TableName }));
    assert.equal(described.Table?.GlobalSecondaryIndexes?.[0].ItemCount, 3);
    await t.ddb.send(new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-color' } }] }));
    await rejectsWith(
      t.ddb.send(new QueryCommand({ TableName, IndexName: 'by-color', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': { S: 'red' } } })),
      'ValidationException',
      'The table does not have the specified index: by-color',
    );
  });

  it('tags tables and lists their tags', async () => {
    const TableName = uniqueName('tags');
    const created = await t.ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', Tags: [{ Key: 'a', Value: '1' }], ...HASH_ID }));
    const ResourceArn = created.TableDescription!.TableArn!;
    await t.ddb.send(new TagResourceCommand({ ResourceArn, Tags: [{ Key: 'b', Value: '2' }] }));
    await t.ddb.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['a'] }));
    const tags = await t.ddb.send(new ListTagsOfResourceCommand({ ResourceArn }));
    assert.deepEqual(tags.Tags, [{ Key: 'b', Value: '2' }]);
  });

  it('turns TTL on and off', async () => {
    const TableName = uniqueName('ttl');
    await t.ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', ...HASH_ID }));
    assert.deepEqual((await t.ddb.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription, { TimeToLiveStatus: 'DISABLED' });
    const spec = { Enabled: true, AttributeName: 'expires' };
    assert.deepEqual((await t.ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: spec }))).TimeToLiveSpecification, spec);
    assert.deepEqual((await t.ddb.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
    await rejectsWith(t.ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: spec })), 'ValidationException', 'TimeToLive is already enabled');
  });

  it('keeps Contributor Insights per table and per index', async () => {
    const TableName = uniqueName('insights');
    await t.ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: HASH_ID.KeySchema,
        AttributeDefinitions: [...HASH_ID.AttributeDefinitions, { AttributeName: 'owner', AttributeType: 'S' }],
        GlobalSecondaryIndexes: [{ IndexName: 'byOwner', KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
      }),
    );
    await t.ddb.send(new UpdateContributorInsightsCommand({ TableName, ContributorInsightsAction: 'ENABLE', ContributorInsightsMode: 'THROTTLED_KEYS' }));
    await t.ddb.send(new UpdateContributorInsightsCommand({ TableName, IndexName: 'byOwner', ContributorInsightsAction: 'ENABLE' }));
    const table = await t.ddb.send(new DescribeContributorInsightsCommand({ TableName }));
    assert.deepEqual([table.ContributorInsightsStatus, table.ContributorInsightsMode, table.IndexName], ['ENABLED', 'THROTTLED_KEYS', undefined]);
    const index = await t.ddb.send(new DescribeContributorInsightsCommand({ TableName, IndexName: 'byOwner' }));
    assert.deepEqual([index.ContributorInsightsStatus, index.IndexName], ['ENABLED', 'byOwner']);
    const { ContributorInsightsSummaries } = await t.ddb.send(new ListContributorInsightsCommand({ TableName }));
    assert.deepEqual(
      ContributorInsightsSummaries!.map((s) => [s.IndexName, s.ContributorInsightsStatus]),
      [
        [undefined, 'ENABLED'],
        ['byOwner', 'ENABLED'],
      ],
    );
  });

  it('reports the default account limits', async () => {
    const limits = await t.ddb.send(new DescribeLimitsCommand({}));
    assert.deepEqual(
      { ...limits, $metadata: undefined },
      { $metadata: undefined, AccountMaxReadCapacityUnits: 80000, AccountMaxWriteCapacityUnits: 80000, TableMaxReadCapacityUnits: 40000, TableMaxWriteCapacityUnits: 40000 },
    );
  });
});
