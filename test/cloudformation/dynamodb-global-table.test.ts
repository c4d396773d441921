import assert from 'node:assert/strict';
import { CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, UpdateStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  DescribeContinuousBackupsCommand,
  DescribeContributorInsightsCommand,
  DescribeKinesisStreamingDestinationCommand,
  DescribeTableCommand,
  DescribeTableReplicaAutoScalingCommand,
  DynamoDBClient,
  GetItemCommand,
  GetResourcePolicyCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import type { Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation, settled } from './serve.ts';

function template(replicas: Record<string, unknown>[]): string {
  return JSON.stringify({
    Resources: {
      Table: {
        Type: 'AWS::DynamoDB::GlobalTable',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
          Replicas: replicas,
        },
      },
    },
    Outputs: {
      Name: { Value: { Ref: 'Table' } },
      Arn: { Value: { 'Fn::GetAtt': ['Table', 'Arn'] } },
      StreamArn: { Value: { 'Fn::GetAtt': ['Table', 'StreamArn'] } },
      TableId: { Value: { 'Fn::GetAtt': ['Table', 'TableId'] } },
    },
  });
}

describe('CloudFormation: AWS::DynamoDB::GlobalTable', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  const dynamodb = (region: string) => new DynamoDBClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG, region });
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('creates the table in the stack region and its replicas elsewhere, adds and removes replicas, deletes them all', async () => {
    const local = { Region: 'us-east-1', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, Tags: [{ Key: 'team', Value: 'orders' }] };
    await cfn.send(new CreateStackCommand({ StackName: 'global', TemplateBody: template([local, { Region: 'us-west-2', TableClass: 'STANDARD_INFREQUENT_ACCESS' }]) }));
    const created = await settled(cfn, 'global');
    assert.equal(created.StackStatus, 'CREATE_COMPLETE', created.StackStatusReason);
    const output = (key: string) => created.Outputs!.find((o) => o.OutputKey === key)!.OutputValue!;
    const east = dynamodb('us-east-1');
    const west = dynamodb('us-west-2');
    const { Table } = await east.send(new DescribeTableCommand({ TableName: output('Name') }));
    assert.deepEqual([output('Arn'), output('StreamArn'), output('TableId')], [Table!.TableArn, Table!.LatestStreamArn, Table!.TableId]);
    assert.deepEqual(Table!.Replicas!.map((r) => r.RegionName).sort(), ['us-east-1', 'us-west-2']);
    const replica = (await west.send(new DescribeTableCommand({ TableName: output('Name') }))).Table!;
    assert.equal(replica.TableClassSummary?.TableClass, 'STANDARD_INFREQUENT_ACCESS');
    const backups = await east.send(new DescribeContinuousBackupsCommand({ TableName: output('Name') }));
    assert.equal(backups.ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.PointInTimeRecoveryStatus, 'ENABLED');

    // An item written in one region reaches the other.
    await east.send(new PutItemCommand({ TableName: output('Name'), Item: { id: { S: 'o-1' } } }));
    let item;
    for (let i = 0; i < 100 && !item; i++) {
      item = (await west.send(new GetItemCommand({ TableName: output('Name'), Key: { id: { S: 'o-1' } } }))).Item;
      if (!item) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(item, { id: { S: 'o-1' } });

    await cfn.send(new UpdateStackCommand({ StackName: 'global', TemplateBody: template([local, { Region: 'eu-west-1' }]) }));
    assert.equal((await settled(cfn, 'global')).StackStatus, 'UPDATE_COMPLETE');
    const regions = (await east.send(new DescribeTableCommand({ TableName: output('Name') }))).Table!.Replicas!.map((r) => r.RegionName).sort();
    assert.deepEqual(regions, ['eu-west-1', 'us-east-1']);
    assert.equal((await rejection(west.send(new DescribeTableCommand({ TableName: output('Name') })))).name, 'ResourceNotFoundException');

    await cfn.send(new DeleteStackCommand({ StackName: 'global' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
    for (const region of ['us-east-1', 'eu-west-1']) {
      const client = dynamodb(region);
      assert.equal((await rejection(client.send(new DescribeTableCommand({ TableName: output('Name') })))).name, 'ResourceNotFoundException');
      client.destroy();
    }
    east.destroy();
    west.destroy();
  });

  it("fails without a replica in the stack's region, with AWS's message", async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'global-elsewhere', TemplateBody: template([{ Region: 'us-west-2' }]) }));
    assert.equal((await settled(cfn, 'global-elsewhere')).StackStatus, 'ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'global-elsewhere' }));
    const failed = StackEvents!.find((e) => e.LogicalResourceId === 'Table' && e.ResourceStatus === 'CREATE_FAILED')!;
    // As AWS's handler answers (quoted in aws-cloudformation/rain#339).
    assert.match(
      failed.ResourceStatusReason!,
      /^Resource handler returned message: "Invalid request provided: The Replicas section must contain an entry for the current region" \(RequestToken: [0-9a-f-]+, HandlerErrorCode: InvalidRequest\)$/,
    );
  });

  const KEYS = {
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'owner', AttributeType: 'S' },
    ],
  };
  const policy = (action: string, resource: unknown) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: action, Resource: resource }],
  });
  const stackTemplate = (table: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    JSON.stringify({ Resources: { Table: { Type: 'AWS::DynamoDB::GlobalTable', Properties: table }, ...more }, Outputs: { Name: { Value: { Ref: 'Table' } } } });

  it('sets every replica setting through DynamoDB: on-demand and warm throughput, insights, PITR, Kinesis, policies, tags, protection', async () => {
    const west = dynamodb('us-west-2');
    const east = dynamodb('us-east-1');
    const kinesis = new KinesisClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG, region: 'us-west-2' });
    await kinesis.send(new CreateStreamCommand({ StreamName: 'west-changes', ShardCount: 1 }));
    const westStream = `arn:aws:kinesis:us-west-2:000000000000:stream/west-changes`;
    const replicas = (westProtected: boolean, eastInsights: boolean) => [
      {
        Region: 'us-east-1',
        TableClass: 'STANDARD',
        ContributorInsightsSpecification: { Enabled: eastInsights, Mode: 'THROTTLED_KEYS' },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 },
        ReadOnDemandThroughputSettings: { MaxReadRequestUnits: 200 },
        GlobalSecondaryIndexes: [{ IndexName: 'byOwner', ContributorInsightsSpecification: { Enabled: true }, ReadOnDemandThroughputSettings: { MaxReadRequestUnits: 80 } }],
        KinesisStreamSpecification: { StreamArn: { 'Fn::GetAtt': ['Changes', 'Arn'] }, ApproximateCreationDateTimePrecision: 'MICROSECOND' },
        ResourcePolicy: { PolicyDocument: policy('dynamodb:GetItem', '*') },
        ReplicaStreamSpecification: { ResourcePolicy: { PolicyDocument: policy('dynamodb:GetRecords', '*') } },
        Tags: [{ Key: 'team', Value: 'orders' }],
      },
      {
        Region: 'us-west-2',
        TableClass: 'STANDARD_INFREQUENT_ACCESS',
        DeletionProtectionEnabled: westProtected,
        ContributorInsightsSpecification: { Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        ReadOnDemandThroughputSettings: { MaxReadRequestUnits: 150 },
        KinesisStreamSpecification: { StreamArn: westStream },
        Tags: [{ Key: 'team', Value: westProtected ? 'orders-west' : 'orders' }],
      },
    ];
    const template = (westProtected: boolean, eastInsights: boolean) =>
      stackTemplate(
        {
          ...KEYS,
          TableName: 'orders-everywhere',
          BillingMode: 'PAY_PER_REQUEST',
          WriteOnDemandThroughputSettings: { MaxWriteRequestUnits: 100 },
          WarmThroughput: { ReadUnitsPerSecond: 15000, WriteUnitsPerSecond: 5000 },
          GlobalSecondaryIndexes: [
            {
              IndexName: 'byOwner',
              KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'KEYS_ONLY' },
              WriteOnDemandThroughputSettings: { MaxWriteRequestUnits: 50 },
            },
          ],
          StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
          SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
          TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
          Replicas: replicas(westProtected, eastInsights),
        },
        { Changes: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } } },
      );
    const created = await deploy(cfn, 'global-settings', template(true, true));
    const name = output(created, 'Name');
    const table = (await east.send(new DescribeTableCommand({ TableName: name }))).Table!;
    assert.deepEqual(table.OnDemandThroughput, { MaxWriteRequestUnits: 100, MaxReadRequestUnits: 200 });
    assert.deepEqual([table.WarmThroughput?.ReadUnitsPerSecond, table.WarmThroughput?.WriteUnitsPerSecond], [15000, 5000]);
    assert.deepEqual(table.GlobalSecondaryIndexes![0].OnDemandThroughput, { MaxWriteRequestUnits: 50, MaxReadRequestUnits: 80 });
    assert.equal(table.SSEDescription?.SSEType, 'KMS');
    const westReplica = table.Replicas!.find((r) => r.RegionName === 'us-west-2')!;
    assert.deepEqual(westReplica.OnDemandThroughputOverride, { MaxReadRequestUnits: 150 });
    assert.equal(westReplica.ReplicaTableClassSummary?.TableClass, 'STANDARD_INFREQUENT_ACCESS');
    assert.equal((await west.send(new DescribeTableCommand({ TableName: name }))).Table!.DeletionProtectionEnabled, true);

    const insights = await east.send(new DescribeContributorInsightsCommand({ TableName: name }));
    assert.deepEqual([insights.ContributorInsightsStatus, insights.ContributorInsightsMode], ['ENABLED', 'THROTTLED_KEYS']);
    assert.equal((await east.send(new DescribeContributorInsightsCommand({ TableName: name, IndexName: 'byOwner' }))).ContributorInsightsStatus, 'ENABLED');
    assert.equal((await west.send(new DescribeContributorInsightsCommand({ TableName: name }))).ContributorInsightsStatus, 'ENABLED');
    const pitr = (await east.send(new DescribeContinuousBackupsCommand({ TableName: name }))).ContinuousBackupsDescription!.PointInTimeRecoveryDescription!;
    assert.deepEqual([pitr.PointInTimeRecoveryStatus, pitr.RecoveryPeriodInDays], ['ENABLED', 7]);
    assert.equal((await west.send(new DescribeContinuousBackupsCommand({ TableName: name }))).ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.PointInTimeRecoveryStatus, 'ENABLED');
    const eastKinesis = (await east.send(new DescribeKinesisStreamingDestinationCommand({ TableName: name }))).KinesisDataStreamDestinations!;
    assert.deepEqual(eastKinesis.map((d) => [d.StreamArn!.split(':')[3], d.DestinationStatus, d.ApproximateCreationDateTimePrecision]), [['us-east-1', 'ACTIVE', 'MICROSECOND']]);
    const westKinesis = (await west.send(new DescribeKinesisStreamingDestinationCommand({ TableName: name }))).KinesisDataStreamDestinations!;
    assert.deepEqual(westKinesis.map((d) => d.StreamArn), [westStream]);
    const tablePolicy = JSON.parse((await east.send(new GetResourcePolicyCommand({ ResourceArn: table.TableArn }))).Policy!);
    assert.equal(tablePolicy.Statement[0].Action, 'dynamodb:GetItem');
    const streamPolicy = JSON.parse((await east.send(new GetResourcePolicyCommand({ ResourceArn: table.LatestStreamArn }))).Policy!);
    assert.equal(streamPolicy.Statement[0].Action, 'dynamodb:GetRecords');
    const tagsIn = async (client: DynamoDBClient, region: string) =>
      (await client.send(new ListTagsOfResourceCommand({ ResourceArn: table.TableArn!.replace(':us-east-1:', `:${region}:`) }))).Tags;
    assert.deepEqual(await tagsIn(east, 'us-east-1'), [{ Key: 'team', Value: 'orders' }]);
    assert.deepEqual(await tagsIn(west, 'us-west-2'), [{ Key: 'team', Value: 'orders-west' }]);

    // An update changes replica settings in place: protection off in the west, insights off in the east, a tag.
    await deploy(cfn, 'global-settings', template(false, false), {}, true);
    assert.equal((await west.send(new DescribeTableCommand({ TableName: name }))).Table!.DeletionProtectionEnabled, false);
    assert.equal((await east.send(new DescribeContributorInsightsCommand({ TableName: name }))).ContributorInsightsStatus, 'DISABLED');
    assert.deepEqual(await tagsIn(west, 'us-west-2'), [{ Key: 'team', Value: 'orders' }]);

    await cfn.send(new DeleteStackCommand({ StackName: 'global-settings' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
    for (const client of [east, west]) assert.equal((await rejection(client.send(new DescribeTableCommand({ TableName: name })))).name, 'ResourceNotFoundException');
    for (const client of [east, west, kinesis]) client.destroy();
  });

  it('provisions capacity with write auto scaling for every replica and read settings per replica', async () => {
    const scaling = (min: number, max: number, target: number, seed?: number) => ({
      MinCapacity: min,
      MaxCapacity: max,
      ...(seed ? { SeedCapacity: seed } : {}),
      TargetTrackingScalingPolicyConfiguration: { TargetValue: target, ScaleInCooldown: 60 },
    });
    const created = await deploy(
      cfn,
      'global-provisioned',
      stackTemplate({
        ...KEYS,
        BillingMode: 'PROVISIONED',
        WriteProvisionedThroughputSettings: { WriteCapacityAutoScalingSettings: scaling(5, 20, 70, 10) },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byOwner',
            KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
            WriteProvisionedThroughputSettings: { WriteCapacityAutoScalingSettings: scaling(2, 6, 50) },
          },
        ],
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        Replicas: [
          { Region: 'us-east-1', ReadProvisionedThroughputSettings: { ReadCapacityUnits: 8 }, GlobalSecondaryIndexes: [{ IndexName: 'byOwner', ReadProvisionedThroughputSettings: { ReadCapacityUnits: 4 } }] },
          { Region: 'eu-west-1', ReadProvisionedThroughputSettings: { ReadCapacityAutoScalingSettings: scaling(3, 9, 60) } },
        ],
      }),
    );
    const name = output(created, 'Name');
    const east = dynamodb('us-east-1');
    const table = (await east.send(new DescribeTableCommand({ TableName: name }))).Table!;
    assert.deepEqual([table.ProvisionedThroughput?.ReadCapacityUnits, table.ProvisionedThroughput?.WriteCapacityUnits], [8, 10]);
    assert.deepEqual([table.GlobalSecondaryIndexes![0].ProvisionedThroughput?.ReadCapacityUnits, table.GlobalSecondaryIndexes![0].ProvisionedThroughput?.WriteCapacityUnits], [4, 2]);
    assert.deepEqual(table.Replicas!.find((r) => r.RegionName === 'eu-west-1')!.ProvisionedThroughputOverride, { ReadCapacityUnits: 3 });
    const { TableAutoScalingDescription } = await east.send(new DescribeTableReplicaAutoScalingCommand({ TableName: name }));
    const byRegion = new Map(TableAutoScalingDescription!.Replicas!.map((r) => [r.RegionName, r]));
    const write = byRegion.get('us-east-1')!.ReplicaProvisionedWriteCapacityAutoScalingSettings!;
    assert.deepEqual([write.MinimumUnits, write.MaximumUnits, write.ScalingPolicies![0].TargetTrackingScalingPolicyConfiguration!.TargetValue], [5, 20, 70]);
    const indexWrite = byRegion.get('eu-west-1')!.GlobalSecondaryIndexes![0].ProvisionedWriteCapacityAutoScalingSettings!;
    assert.deepEqual([indexWrite.MinimumUnits, indexWrite.MaximumUnits], [2, 6]);
    const westRead = byRegion.get('eu-west-1')!.ReplicaProvisionedReadCapacityAutoScalingSettings!;
    assert.deepEqual([westRead.MinimumUnits, westRead.MaximumUnits, westRead.ScalingPolicies![0].TargetTrackingScalingPolicyConfiguration!.TargetValue], [3, 9, 60]);
    assert.equal(byRegion.get('us-east-1')!.ReplicaProvisionedReadCapacityAutoScalingSettings!.AutoScalingDisabled, true);
    await cfn.send(new DeleteStackCommand({ StackName: 'global-provisioned' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
    east.destroy();
  });

  it('makes a multi-Region strongly consistent table with a witness region', async () => {
    const created = await deploy(
      cfn,
      'global-strong',
      stackTemplate({
        KeySchema: KEYS.KeySchema,
        AttributeDefinitions: [KEYS.AttributeDefinitions[0]],
        BillingMode: 'PAY_PER_REQUEST',
        MultiRegionConsistency: 'STRONG',
        GlobalTableWitnesses: [{ Region: 'us-west-2' }],
        Replicas: [{ Region: 'us-east-1' }, { Region: 'us-east-2' }],
      }),
    );
    const east = dynamodb('us-east-1');
    const table = (await east.send(new DescribeTableCommand({ TableName: output(created, 'Name') }))).Table!;
    assert.equal(table.MultiRegionConsistency, 'STRONG');
    assert.deepEqual(table.Replicas!.map((r) => r.RegionName).sort(), ['us-east-1', 'us-east-2']);
    assert.deepEqual(table.GlobalTableWitnesses, [{ RegionName: 'us-west-2', WitnessStatus: 'ACTIVE' }]);
    await cfn.send(new DeleteStackCommand({ StackName: 'global-strong' }));
    assert.equal((await settled(cfn, created.StackId!)).StackStatus, 'DELETE_COMPLETE');
    east.destroy();
  });

  it('fails a replica property it does not set instead of ignoring it', async () => {
    const body = stackTemplate({ KeySchema: KEYS.KeySchema, AttributeDefinitions: [KEYS.AttributeDefinitions[0]], BillingMode: 'PAY_PER_REQUEST', Replicas: [{ Region: 'us-east-1', GlobalTableSettingsReplicationMode: 'ENABLED' }] });
    await cfn.send(new CreateStackCommand({ StackName: 'global-unknown', TemplateBody: body }));
    assert.equal((await settled(cfn, 'global-unknown')).StackStatus, 'ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'global-unknown' }));
    const failed = StackEvents!.find((e) => e.LogicalResourceId === 'Table' && e.ResourceStatus === 'CREATE_FAILED')!;
    assert.match(failed.ResourceStatusReason!, /Encountered unsupported property GlobalTableSettingsReplicationMode/);
  });
});
