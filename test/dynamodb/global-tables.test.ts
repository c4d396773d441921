import assert from 'node:assert/strict';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTableReplicaAutoScalingCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTableReplicaAutoScalingCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { credentials, rejectsWith, uniqueName, useDynamo } from './support.ts';

const HASH_ID = { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }] };

// Global tables version 2019.11.21: UpdateTable ReplicaUpdates (AWS Developer Guide, "Global tables"; API reference
// UpdateTable / DescribeTable / DescribeTableReplicaAutoScaling).
describe('DynamoDB global tables version 2019.11.21 (AWS SDK v3)', () => {
  const t = useDynamo();
  const clients = new Map<string, { ddb: DynamoDBClient; streams: DynamoDBStreamsClient }>();
  const inRegion = (region: string) => {
    if (!clients.has(region)) {
      const options = { endpoint: t.aws.endpoint, region, credentials, maxAttempts: 1 };
      clients.set(region, { ddb: new DynamoDBClient(options), streams: new DynamoDBStreamsClient(options) });
    }
    return clients.get(region)!;
  };
  after(() => {
    for (const c of clients.values()) {
      c.ddb.destroy();
      c.streams.destroy();
    }
  });

  async function globalTable(regions: string[], extra: Partial<ConstructorParameters<typeof CreateTableCommand>[0]> = {}) {
    const TableName = uniqueName('global');
    await t.ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', ...HASH_ID, ...extra }));
    for (const RegionName of regions) await t.ddb.send(new UpdateTableCommand({ TableName, ReplicaUpdates: [{ Create: { RegionName } }] }));
    return TableName;
  }

  async function records(region: string, TableName: string) {
    const { streams } = inRegion(region);
    const { Streams } = await streams.send(new ListStreamsCommand({ TableName }));
    assert.equal(Streams!.length, 1);
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Streams![0].StreamArn }));
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: Streams![0].StreamArn, ShardId: StreamDescription!.Shards![0].ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    return (await streams.send(new GetRecordsCommand({ ShardIterator }))).Records!;
  }

  it('creates a replica in another region: streams on, Replicas and GlobalTableVersion on both sides', async () => {
    const TableName = uniqueName('global');
    await t.ddb.send(new CreateTableCommand({ TableName, BillingMode: 'PAY_PER_REQUEST', ...HASH_ID }));
    await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'before' }, v: { N: '1' } } }));
    const updated = await t.ddb.send(new UpdateTableCommand({ TableName, ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1', KMSMasterKeyId: 'my-key' } }] }));
    const described = updated.TableDescription!;
    assert.equal(described.TableStatus, 'UPDATING');
    assert.equal(described.GlobalTableVersion, '2019.11.21');
    assert.deepEqual(described.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    assert.deepEqual(
      described.Replicas!.map((r) => [r.RegionName, r.ReplicaStatus]),
      [
        ['eu-west-1', 'CREATING'],
        ['us-east-1', 'ACTIVE'],
      ],
    );
    const remote = (await inRegion('eu-west-1').ddb.send(new DescribeTableCommand({ TableName }))).Table!;
    assert.equal(remote.TableStatus, 'ACTIVE');
    assert.equal(remote.TableArn, `arn:aws:dynamodb:eu-west-1:000000000000:table/${TableName}`);
    assert.equal(remote.GlobalTableVersion, '2019.11.21');
    assert.deepEqual(
      remote.Replicas!.map((r) => [r.RegionName, r.ReplicaStatus, r.KMSMasterKeyId]),
      [
        ['eu-west-1', 'ACTIVE', 'my-key'],
        ['us-east-1', 'ACTIVE', undefined],
      ],
    );
    assert.deepEqual(remote.KeySchema, HASH_ID.KeySchema);
    assert.equal(remote.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');
    assert.match(remote.LatestStreamArn!, /^arn:aws:dynamodb:eu-west-1:000000000000:table\/global-.*\/stream\//);
    // existing items are copied into the new replica
    const copied = await inRegion('eu-west-1').ddb.send(new GetItemCommand({ TableName, Key: { id: { S: 'before' } } }));
    assert.deepEqual(copied.Item, { id: { S: 'before' }, v: { N: '1' } });
    assert.ok((await inRegion('eu-west-1').ddb.send(new ListTablesCommand({}))).TableNames!.includes(TableName));
    assert.ok(!(await inRegion('sa-east-1').ddb.send(new ListTablesCommand({}))).TableNames!.includes(TableName));
  });

  it('replicates writes both ways, and the last writer wins', async () => {
    const TableName = await globalTable(['eu-west-1', 'ap-south-1']);
    const eu = inRegion('eu-west-1').ddb;
    await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'a' }, v: { N: '1' } } }));
    await eu.send(new UpdateItemCommand({ TableName, Key: { id: { S: 'a' } }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { N: '2' } } }));
    for (const region of ['us-east-1', 'eu-west-1', 'ap-south-1']) {
      const { Item } = await inRegion(region).ddb.send(new GetItemCommand({ TableName, Key: { id: { S: 'a' } } }));
      assert.deepEqual(Item, { id: { S: 'a' }, v: { N: '2' } }, region);
    }
    const queried = await inRegion('ap-south-1').ddb.send(
      new QueryCommand({ TableName, KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { S: 'a' } } }),
    );
    assert.equal(queried.Count, 1);
    await eu.send(new DeleteItemCommand({ TableName, Key: { id: { S: 'a' } } }));
    const gone = await t.ddb.send(new GetItemCommand({ TableName, Key: { id: { S: 'a' } } }));
    assert.equal(gone.Item, undefined);
  });

  it('records local and replicated writes in the stream of every replica', async () => {
    const TableName = await globalTable(['eu-west-1']);
    await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'x' } } }));
    await inRegion('eu-west-1').ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'x' }, n: { N: '1' } } }));
    for (const region of ['us-east-1', 'eu-west-1']) {
      const seen = await records(region, TableName);
      assert.deepEqual(
        seen.map((r) => [r.eventName, r.awsRegion, r.dynamodb!.StreamViewType, r.dynamodb!.NewImage]),
        [
          ['INSERT', region, 'NEW_AND_OLD_IMAGES', { id: { S: 'x' } }],
          ['MODIFY', region, 'NEW_AND_OLD_IMAGES', { id: { S: 'x' }, n: { N: '1' } }],
        ],
      );
    }
  });

  it('keeps indexes and time to live in sync across replicas', async () => {
    const TableName = await globalTable(['eu-west-1']);
    await t.ddb.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
      }),
    );
    await t.ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
    await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: '1' }, g: { S: 'G' } } }));
    const eu = inRegion('eu-west-1').ddb;
    const viaIndex = await eu.send(new QueryCommand({ TableName, IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'G' } } }));
    assert.deepEqual(viaIndex.Items, [{ id: { S: '1' }, g: { S: 'G' } }]);
  });

  it('deletes replicas (UpdateTable Delete and DeleteTable) and becomes a regional table again', async () => {
    const TableName = await globalTable(['eu-west-1', 'ap-south-1']);
    await t.ddb.send(new UpdateTableCommand({ TableName, ReplicaUpdates: [{ Delete: { RegionName: 'eu-west-1' } }] }));
    await rejectsWith(inRegion('eu-west-1').ddb.send(new GetItemCommand({ TableName, Key: { id: { S: '1' } } })), 'ResourceNotFoundException', 'Requested resource not found');
    await rejectsWith(
      t.ddb.send(new UpdateTableCommand({ TableName, ReplicaUpdates: [{ Delete: { RegionName: 'eu-west-1' } }] })),
      'ValidationException',
      'Update global table operation failed because one or more replicas were not part of the global table.',
    );
    const described = (await t.ddb.send(new DescribeTableCommand({ TableName }))).Table!;
    assert.deepEqual(described.Replicas!.map((r) => r.RegionName), ['ap-south-1', 'us-east-1']);
    await inRegion('ap-south-1').ddb.send(new DeleteTableCommand({ TableName }));
    const alone = (await t.ddb.send(new DescribeTableCommand({ TableName }))).Table!;
    assert.equal(alone.Replicas, undefined);
    assert.equal(alone.GlobalTableVersion, undefined);
    await t.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: 'local' } } }));
  });

  it('rejects replicas AWS does not allow', async () => {
    const TableName = await globalTable(['eu-west-1']);
    const exists = `Failed to create a the new replica of table with name: '${TableName}' because one or more replicas already existed as tables.`;
    await rejectsWith(t.ddb.send(new UpdateTableCommand({ TableName, ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] })), 'ValidationException', exists);
    const local = 'Cannot add, delete, or update the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.';
    for (const update of [{ Create: { RegionName: 'us-east-1' } }, { Delete: { RegionName: 'us-east-1' } }]) {
      await rejectsWith(t.ddb.send(new UpdateTableCommand({ TableName, ReplicaUpdates: [update] })), 'ValidationException', local);
    }
    const other = uniqueName('other');
    await inRegion('ap-south-1').ddb.send(new CreateTableCommand({ TableName: other, BillingMode: 'PAY_PER_REQUEST', ...HASH_ID }));
    await t.ddb.send(new CreateTableCommand({ TableName: other, BillingMode: 'PAY_PER_REQUEST', ...HASH_ID }));
    await rejectsWith(
      t.ddb.send(new UpdateTableCommand({ TableName: other, ReplicaUpdates: [{ Create: { RegionName: 'ap-south-1' } }] })),
      'ValidationException',
      `Failed to create a the new replica of table with name: '${other}' because one or more replicas already existed as tables.`,
    );
    await rejectsWith(
      t.ddb.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: false } })),
      'ValidationException',
      'One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica.',
    );
    const provisioned = uniqueName('provisioned');
    await t.ddb.send(new CreateTableCommand({ TableName: provisioned, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, ...HASH_ID }));
    await rejectsWith(
      t.ddb.send(new UpdateTableCommand({ TableName: provisioned, ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] })),
      'ValidationException',
      'One or more parameter values were invalid: Table write capacity should either be Pay-Per-Request or AutoScaled.',
    );
    await rejectsWith(
      t.ddb.send(new UpdateTableCommand({ TableName: uniqueName('missing'), ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] })),
      'ResourceNotFoundException',
      /^Requested resource not found: Table: missing-.* not found$/,
    );
  });

  it('lets a provisioned table with write auto scaling have replicas, and describes auto scaling per replica', async () => {
    const TableName = uniqueName('scaled');
    await t.ddb.send(new CreateTableCommand({ TableName, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, ...HASH_ID }));
    const scaled = await t.ddb.send(
      new UpdateTableReplicaAutoScalingCommand({
        TableName,
        ProvisionedWriteCapacityAutoScalingUpdate: {
          MinimumUnits: 10,
          MaximumUnits: 100,
          AutoScalingDisabled: false,
          ScalingPolicyUpdate: { TargetTrackingScalingPolicyConfiguration: { TargetValue: 80 } },
        },
      }),
    );
    const write = scaled.TableAutoScalingDescription!.Replicas![0].ReplicaProvisionedWriteCapacityAutoScalingSettings!;
    assert.deepEqual(write, {
      MinimumUnits: 10,
      MaximumUnits: 100,
      AutoScalingDisabled: false,
      AutoScalingRoleArn:
        'arn:aws:iam::000000000000:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable',
      ScalingPolicies: [{ PolicyName: `DynamoDBWriteCapacityUtilization:table/${TableName}`, TargetTrackingScalingPolicyConfiguration: { TargetValue: 80 } }],
    });
    await t.ddb.send(new UpdateTableCommand({ TableName, ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
    const described = await inRegion('eu-west-1').ddb.send(new DescribeTableReplicaAutoScalingCommand({ TableName }));
    const replicas = described.TableAutoScalingDescription!.Replicas!;
    assert.deepEqual(replicas.map((r) => [r.RegionName, r.ReplicaStatus]), [
      ['eu-west-1', 'ACTIVE'],
      ['us-east-1', 'ACTIVE'],
    ]);
    for (const replica of replicas) {
      assert.deepEqual(replica.ReplicaProvisionedWriteCapacityAutoScalingSettings, write);
      assert.deepEqual(replica.ReplicaProvisionedReadCapacityAutoScalingSettings, { AutoScalingDisabled: true });
    }
    assert.equal(described.TableAutoScalingDescription!.TableStatus, 'ACTIVE');
  });
});
