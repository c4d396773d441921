import assert from 'node:assert/strict';
import { CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, UpdateStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

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
});
