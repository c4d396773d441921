import assert from 'node:assert/strict';
import { DeleteStackCommand, DescribeStackEventsCommand, UpdateStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, DescribeTableReplicaAutoScalingCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation, settled } from './serve.ts';

const ATTRIBUTES = ['id', 'owner', 'day'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' }));

function index(name: string, hash: string, extra: Record<string, unknown> = {}) {
  return { IndexName: name, KeySchema: [{ AttributeName: hash, KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, ...extra };
}

const scaling = (min: number, max: number) => ({ WriteCapacityAutoScalingSettings: { MinCapacity: min, MaxCapacity: max, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } } });

function template(table: Record<string, unknown>): string {
  const used = new Set(['id', ...((table.GlobalSecondaryIndexes ?? []) as { KeySchema: { AttributeName: string }[] }[]).flatMap((i) => i.KeySchema.map((k) => k.AttributeName))]);
  const properties = {
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: ATTRIBUTES.filter((a) => used.has(a.AttributeName)),
    StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    Replicas: [{ Region: 'us-east-1' }, { Region: 'eu-west-1' }],
    ...table,
  };
  return JSON.stringify({ Resources: { Table: { Type: 'AWS::DynamoDB::GlobalTable', Properties: properties } }, Outputs: { Name: { Value: { Ref: 'Table' } } } });
}

describe('CloudFormation: AWS::DynamoDB::GlobalTable updates in place (billing mode, table-wide reads, indexes)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  const clients: DynamoDBClient[] = [];
  const dynamodb = (region: string) => {
    const client = new DynamoDBClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG, region });
    clients.push(client);
    return client;
  };
  serveCloudFormation((a, c) => ((aws = a), (cfn = c)));
  after(() => clients.forEach((c) => c.destroy()));

  const describe = async (region: string, name: string) => (await dynamodb(region).send(new DescribeTableCommand({ TableName: name }))).Table!;

  it('switches every replica between on-demand and provisioned capacity, with write auto scaling', async () => {
    const owners = index('byOwner', 'owner');
    const created = await deploy(cfn, 'billing', template({ BillingMode: 'PAY_PER_REQUEST', GlobalSecondaryIndexes: [owners] }));
    const name = output(created, 'Name');
    assert.equal((await describe('eu-west-1', name)).BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');

    const provisioned = template({
      BillingMode: 'PROVISIONED',
      WriteProvisionedThroughputSettings: scaling(5, 50),
      GlobalSecondaryIndexes: [{ ...owners, WriteProvisionedThroughputSettings: scaling(2, 20) }],
      Replicas: [{ Region: 'us-east-1', ReadProvisionedThroughputSettings: { ReadCapacityUnits: 7 } }, { Region: 'eu-west-1' }],
    });
    await deploy(cfn, 'billing', provisioned, {}, true);
    for (const region of ['us-east-1', 'eu-west-1']) {
      const table = await describe(region, name);
      assert.equal(table.BillingModeSummary?.BillingMode, 'PROVISIONED', region);
      assert.equal(table.ProvisionedThroughput?.WriteCapacityUnits, 5, region);
      assert.equal(table.GlobalSecondaryIndexes![0].ProvisionedThroughput?.WriteCapacityUnits, 2, region);
    }
    assert.equal((await describe('us-east-1', name)).ProvisionedThroughput?.ReadCapacityUnits, 7);
    const { TableAutoScalingDescription } = await dynamodb('us-east-1').send(new DescribeTableReplicaAutoScalingCommand({ TableName: name }));
    const write = TableAutoScalingDescription!.Replicas!.find((r) => r.RegionName === 'eu-west-1')!.ReplicaProvisionedWriteCapacityAutoScalingSettings!;
    assert.deepEqual([write.MinimumUnits, write.MaximumUnits], [5, 50]);

    await deploy(cfn, 'billing', template({ BillingMode: 'PAY_PER_REQUEST', GlobalSecondaryIndexes: [owners] }), {}, true);
    for (const region of ['us-east-1', 'eu-west-1']) assert.equal((await describe(region, name)).BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST', region);
    await cfn.send(new DeleteStackCommand({ StackName: 'billing' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
  });

  it('gives replicas the table-wide read capacity unless they set their own, and changes it in place', async () => {
    const body = (units: number) =>
      template({
        BillingMode: 'PROVISIONED',
        WriteProvisionedThroughputSettings: scaling(4, 40),
        ReadProvisionedThroughputSettings: { ReadCapacityUnits: units },
        Replicas: [{ Region: 'us-east-1' }, { Region: 'eu-west-1', ReadProvisionedThroughputSettings: { ReadCapacityUnits: 3 } }, { Region: 'us-west-2' }],
      });
    const created = await deploy(cfn, 'table-reads', body(6));
    const name = output(created, 'Name');
    const replicaOverride = async (region: string) => (await describe('us-east-1', name)).Replicas!.find((r) => r.RegionName === region)!.ProvisionedThroughputOverride;
    assert.equal((await describe('us-east-1', name)).ProvisionedThroughput?.ReadCapacityUnits, 6);
    assert.deepEqual(await replicaOverride('eu-west-1'), { ReadCapacityUnits: 3 });
    // A replica without read settings of its own uses the table's (DynamoDB's ProvisionedThroughputOverride absent).
    assert.equal(await replicaOverride('us-west-2'), undefined);

    await deploy(cfn, 'table-reads', body(9), {}, true);
    assert.equal((await describe('us-east-1', name)).ProvisionedThroughput?.ReadCapacityUnits, 9);
    assert.equal(await replicaOverride('us-west-2'), undefined);
    assert.deepEqual(await replicaOverride('eu-west-1'), { ReadCapacityUnits: 3 });
    // With read units of its own, the local replica's become the table's: the others then take the table-wide units.
    const localOwn = JSON.parse(body(9));
    localOwn.Resources.Table.Properties.Replicas[0].ReadProvisionedThroughputSettings = { ReadCapacityUnits: 12 };
    await deploy(cfn, 'table-reads', JSON.stringify(localOwn), {}, true);
    assert.equal((await describe('us-east-1', name)).ProvisionedThroughput?.ReadCapacityUnits, 12);
    assert.deepEqual(await replicaOverride('us-west-2'), { ReadCapacityUnits: 9 });
    assert.deepEqual(await replicaOverride('eu-west-1'), { ReadCapacityUnits: 3 });
    await cfn.send(new DeleteStackCommand({ StackName: 'table-reads' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
  });

  it('adds and removes one index per update in place, and fails an update that would create and delete indexes together', async () => {
    const owners = index('byOwner', 'owner');
    const created = await deploy(cfn, 'indexes', template({ BillingMode: 'PAY_PER_REQUEST' }));
    const name = output(created, 'Name');
    const indexNames = async (region: string) => ((await describe(region, name)).GlobalSecondaryIndexes ?? []).map((i) => i.IndexName);

    await deploy(cfn, 'indexes', template({ BillingMode: 'PAY_PER_REQUEST', GlobalSecondaryIndexes: [owners] }), {}, true);
    assert.deepEqual([await indexNames('us-east-1'), await indexNames('eu-west-1')], [['byOwner'], ['byOwner']]);

    const failing = async (indexes: object[]) => {
      await cfn.send(new UpdateStackCommand({ StackName: 'indexes', TemplateBody: template({ BillingMode: 'PAY_PER_REQUEST', GlobalSecondaryIndexes: indexes }) }));
      assert.equal((await settled(cfn, 'indexes')).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
      const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'indexes' }));
      return StackEvents!.find((e) => e.LogicalResourceId === 'Table' && e.ResourceStatus === 'UPDATE_FAILED')!.ResourceStatusReason!;
    };
    const reason = /^Resource handler returned message: "Cannot perform more than one GSI creation or deletion in a single update" \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: InvalidRequest\)$/;
    // A new key schema under the same name is a deletion and a creation.
    assert.match(await failing([index('byOwner', 'day')]), reason);
    assert.match(await failing([owners, index('byDay', 'day'), index('byId', 'id')]), reason);
    assert.deepEqual(await indexNames('us-east-1'), ['byOwner']);

    await deploy(cfn, 'indexes', template({ BillingMode: 'PAY_PER_REQUEST' }), {}, true);
    assert.deepEqual([await indexNames('us-east-1'), await indexNames('eu-west-1')], [[], []]);
    await cfn.send(new DeleteStackCommand({ StackName: 'indexes' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
  });
});
