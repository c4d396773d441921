import assert from 'node:assert/strict';
import {
  CreateGlobalTableCommand,
  CreateTableCommand,
  DescribeGlobalTableCommand,
  DescribeGlobalTableSettingsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListGlobalTablesCommand,
  PutItemCommand,
  UpdateGlobalTableCommand,
  UpdateGlobalTableSettingsCommand,
} from '@aws-sdk/client-dynamodb';
import { credentials, rejectsWith, uniqueName, useDynamo } from './support.ts';

const HASH_ID = { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }] };
const STREAM = { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' as const };
const THROUGHPUT = { ReadCapacityUnits: 10, WriteCapacityUnits: 5 };

// Global tables version 2017.11.29 (Legacy): CreateGlobalTable & co. over same-named empty streaming tables
// (AWS API reference; examples in the AWS CLI documentation).
describe('DynamoDB global tables version 2017.11.29 (AWS SDK v3)', () => {
  const t = useDynamo();
  const clients = new Map<string, DynamoDBClient>();
  const inRegion = (region: string) => {
    if (!clients.has(region)) clients.set(region, new DynamoDBClient({ endpoint: t.aws.endpoint, region, credentials, maxAttempts: 1 }));
    return clients.get(region)!;
  };
  after(() => clients.forEach((c) => c.destroy()));

  async function tables(name: string, regions: string[], extra: object = {}) {
    for (const region of regions) {
      await inRegion(region).send(new CreateTableCommand({ TableName: name, ProvisionedThroughput: THROUGHPUT, StreamSpecification: STREAM, ...HASH_ID, ...extra }));
    }
  }

  it('creates, describes, lists and updates a global table', async () => {
    const name = uniqueName('legacy');
    await tables(name, ['us-east-1', 'us-east-2', 'eu-west-1']);
    const created = await t.ddb.send(new CreateGlobalTableCommand({ GlobalTableName: name, ReplicationGroup: [{ RegionName: 'us-east-2' }, { RegionName: 'us-east-1' }] }));
    const description = created.GlobalTableDescription!;
    assert.equal(description.GlobalTableStatus, 'CREATING');
    assert.equal(description.GlobalTableName, name);
    assert.equal(description.GlobalTableArn, `arn:aws:dynamodb::000000000000:global-table/${name}`);
    assert.ok(description.CreationDateTime instanceof Date);
    // in the order of the request, as in the AWS CLI example of create-global-table
    assert.deepEqual(description.ReplicationGroup, [{ RegionName: 'us-east-2' }, { RegionName: 'us-east-1' }]);
    // the definition belongs to the account: any regional endpoint describes it
    const described = await inRegion('eu-west-1').send(new DescribeGlobalTableCommand({ GlobalTableName: name }));
    assert.equal(described.GlobalTableDescription!.GlobalTableStatus, 'ACTIVE');
    const listed = await t.ddb.send(new ListGlobalTablesCommand({ RegionName: 'us-east-2' }));
    assert.deepEqual(
      listed.GlobalTables!.find((g) => g.GlobalTableName === name),
      { GlobalTableName: name, ReplicationGroup: [{ RegionName: 'us-east-2' }, { RegionName: 'us-east-1' }] },
    );
    assert.ok(!(await t.ddb.send(new ListGlobalTablesCommand({ RegionName: 'eu-west-1' }))).GlobalTables!.some((g) => g.GlobalTableName === name));
    const updated = await t.ddb.send(
      new UpdateGlobalTableCommand({ GlobalTableName: name, ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }, { Delete: { RegionName: 'us-east-2' } }] }),
    );
    assert.deepEqual(updated.GlobalTableDescription!.ReplicationGroup!.map((r) => r.RegionName).sort(), ['eu-west-1', 'us-east-1']);
    assert.equal(updated.GlobalTableDescription!.GlobalTableStatus, 'ACTIVE');
    // DescribeTable does not show version 2017.11.29 replicas
    assert.equal((await t.ddb.send(new DescribeTableCommand({ TableName: name }))).Table!.GlobalTableVersion, undefined);
  });

  it('pages ListGlobalTables by name', async () => {
    const names = [uniqueName('page-a'), uniqueName('page-b')];
    for (const name of names) {
      await tables(name, ['us-east-1', 'us-west-2']);
      await t.ddb.send(new CreateGlobalTableCommand({ GlobalTableName: name, ReplicationGroup: [{ RegionName: 'us-east-1' }, { RegionName: 'us-west-2' }] }));
    }
    const seen: string[] = [];
    let start: string | undefined;
    do {
      const page = await t.ddb.send(new ListGlobalTablesCommand({ Limit: 1, ExclusiveStartGlobalTableName: start }));
      assert.ok(page.GlobalTables!.length <= 1);
      seen.push(...page.GlobalTables!.map((g) => g.GlobalTableName!));
      start = page.LastEvaluatedGlobalTableName;
    } while (start);
    assert.deepEqual(seen, [...seen].sort());
    for (const name of names) assert.ok(seen.includes(name));
  });

  it('replicates writes and marks items with aws:rep attributes', async () => {
    const name = uniqueName('legacy-rep');
    await tables(name, ['us-east-1', 'eu-west-1']);
    await t.ddb.send(new CreateGlobalTableCommand({ GlobalTableName: name, ReplicationGroup: [{ RegionName: 'us-east-1' }, { RegionName: 'eu-west-1' }] }));
    await t.ddb.send(new PutItemCommand({ TableName: name, Item: { id: { S: '1' }, v: { S: 'hello' } } }));
    for (const region of ['us-east-1', 'eu-west-1']) {
      const { Item } = await inRegion(region).send(new GetItemCommand({ TableName: name, Key: { id: { S: '1' } } }));
      assert.equal(Item!.v.S, 'hello');
      assert.equal(Item!['aws:rep:updateregion'].S, 'us-east-1');
      assert.equal(Item!['aws:rep:deleting'].BOOL, false);
      assert.match(Item!['aws:rep:updatetime'].N!, /^\d+\.\d+$/);
    }
  });

  it('describes and updates replica settings', async () => {
    const name = uniqueName('legacy-settings');
    await tables(name, ['us-east-1', 'us-east-2']);
    await t.ddb.send(new CreateGlobalTableCommand({ GlobalTableName: name, ReplicationGroup: [{ RegionName: 'us-east-1' }, { RegionName: 'us-east-2' }] }));
    const settings = await t.ddb.send(new DescribeGlobalTableSettingsCommand({ GlobalTableName: name }));
    assert.equal(settings.GlobalTableName, name);
    assert.deepEqual(settings.ReplicaSettings![0], {
      RegionName: 'us-east-1',
      ReplicaStatus: 'ACTIVE',
      ReplicaProvisionedReadCapacityUnits: 10,
      ReplicaProvisionedReadCapacityAutoScalingSettings: { AutoScalingDisabled: true },
      ReplicaProvisionedWriteCapacityUnits: 5,
      ReplicaProvisionedWriteCapacityAutoScalingSettings: { AutoScalingDisabled: true },
      ReplicaGlobalSecondaryIndexSettings: [],
    });
    const updated = await t.ddb.send(
      new UpdateGlobalTableSettingsCommand({
        GlobalTableName: name,
        GlobalTableProvisionedWriteCapacityUnits: 15,
        ReplicaSettingsUpdate: [{ RegionName: 'us-east-2', ReplicaProvisionedReadCapacityUnits: 20 }],
      }),
    );
    assert.deepEqual(
      updated.ReplicaSettings!.map((r) => [r.RegionName, r.ReplicaStatus, r.ReplicaProvisionedReadCapacityUnits, r.ReplicaProvisionedWriteCapacityUnits]),
      [
        ['us-east-1', 'UPDATING', 10, 15],
        ['us-east-2', 'UPDATING', 20, 15],
      ],
    );
    const table = (await inRegion('us-east-2').send(new DescribeTableCommand({ TableName: name }))).Table!;
    assert.equal(table.ProvisionedThroughput!.WriteCapacityUnits, 15);
    await rejectsWith(
      t.ddb.send(new UpdateGlobalTableSettingsCommand({ GlobalTableName: name, ReplicaSettingsUpdate: [{ RegionName: 'eu-west-1', ReplicaProvisionedReadCapacityUnits: 2 }] })),
      'ReplicaNotFoundException',
      'Replica not found in region: eu-west-1',
    );
    await rejectsWith(
      t.ddb.send(
        new UpdateGlobalTableSettingsCommand({ GlobalTableName: name, GlobalTableGlobalSecondaryIndexSettingsUpdate: [{ IndexName: 'nope', ProvisionedWriteCapacityUnits: 2 }] }),
      ),
      'IndexNotFoundException',
      'Requested resource not found: Index: nope not found',
    );
  });

  it('enforces the preconditions and reports AWS errors', async () => {
    const name = uniqueName('legacy-err');
    await tables(name, ['us-east-1']);
    await rejectsWith(
      t.ddb.send(new CreateGlobalTableCommand({ GlobalTableName: name, ReplicationGroup: [{ RegionName: 'us-east-1' }, { RegionName: 'eu-west-1' }] })),
      'TableNotFoundException',
      `Table not found: Table: '${name}' not found in region: 'eu-west-1'.`,
    );
    await inRegion('eu-west-1').send(new CreateTableCommand({ TableName: name, ProvisionedThroughput: THROUGHPUT, ...HASH_ID }));
    await rejectsWith(
      t.ddb.send(new CreateGlobalTableCommand({ GlobalTableName: name, ReplicationGroup: [{ RegionName: 'us-east-1' }, { RegionName: 'eu-west-1' }] })),
      'ValidationException',
      /NEW_AND_OLD_IMAGES/,
    );
    await t.ddb.send(new PutItemCommand({ TableName: name, Item: { id: { S: 'x' } } }));
    await rejectsWith(t.ddb.send(new CreateGlobalTableCommand({ GlobalTableName: name, ReplicationGroup: [{ RegionName: 'us-east-1' }] })), 'ValidationException', /empty/);
    const ok = uniqueName('legacy-ok');
    await tables(ok, ['us-east-1']);
    await t.ddb.send(new CreateGlobalTableCommand({ GlobalTableName: ok, ReplicationGroup: [{ RegionName: 'us-east-1' }] }));
    await rejectsWith(
      t.ddb.send(new CreateGlobalTableCommand({ GlobalTableName: ok, ReplicationGroup: [{ RegionName: 'us-east-1' }] })),
      'GlobalTableAlreadyExistsException',
      `Global table already exists: ${ok}`,
    );
    await rejectsWith(
      t.ddb.send(new UpdateGlobalTableCommand({ GlobalTableName: ok, ReplicaUpdates: [{ Create: { RegionName: 'us-east-1' } }] })),
      'ReplicaAlreadyExistsException',
      'Replica already exists in region: us-east-1',
    );
    await rejectsWith(
      t.ddb.send(new UpdateGlobalTableCommand({ GlobalTableName: ok, ReplicaUpdates: [{ Delete: { RegionName: 'ap-south-1' } }] })),
      'ReplicaNotFoundException',
      'Replica not found in region: ap-south-1',
    );
    for (const call of [
      new DescribeGlobalTableCommand({ GlobalTableName: 'no-such-global-table' }),
      new DescribeGlobalTableSettingsCommand({ GlobalTableName: 'no-such-global-table' }),
    ]) {
      await rejectsWith(t.ddb.send(call as DescribeGlobalTableCommand), 'GlobalTableNotFoundException', 'Global table not found: no-such-global-table');
    }
  });
});
