import assert from 'node:assert/strict';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { DeleteTableCommand, DynamoDBClient, TagResourceCommand, UpdateContinuousBackupsCommand, UpdateTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { creationFailure, deploy, serveWithClients, stackDrift } from './serve.ts';

const TEMPLATE = `
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }, { AttributeName: sk, AttributeType: S }, { AttributeName: status, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }, { AttributeName: sk, KeyType: RANGE }]
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }
      GlobalSecondaryIndexes:
        - IndexName: by-status
          KeySchema: [{ AttributeName: status, KeyType: HASH }]
          Projection: { ProjectionType: KEYS_ONLY }
          ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 }
      StreamSpecification: { StreamViewType: NEW_IMAGE }
      SSESpecification: { SSEEnabled: true }
      TimeToLiveSpecification: { AttributeName: expires, Enabled: true }
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
      ContributorInsightsSpecification: { Enabled: true }
      DeletionProtectionEnabled: false
      Tags: [{ Key: team, Value: a }]
  Sessions:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
  Global:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: carts
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }
      Replicas:
        - Region: us-east-1
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
          Tags: [{ Key: team, Value: a }]
        - Region: us-west-2
          DeletionProtectionEnabled: false
Outputs:
  Sessions: { Value: !Ref Sessions }
`;

describe('CloudFormation: drift of DynamoDB tables and global tables', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ dynamodb: DynamoDBClient, control: CloudControlClient });

  it('finds them in sync, then the changes and deletions made through DynamoDB; Cloud Control reads them', async () => {
    const { cfn, dynamodb, control } = aws;
    const stack = await deploy(cfn, 'dynamodb-drift', TEMPLATE);
    const first = await stackDrift(cfn, 'dynamodb-drift');
    assert.deepEqual(
      ['Orders', 'Sessions', 'Global'].map((id) => first.resources[id].StackResourceDriftStatus),
      ['IN_SYNC', 'IN_SYNC', 'IN_SYNC'],
      JSON.stringify(Object.values(first.resources).map((r) => r.PropertyDifferences)),
    );

    const { ResourceDescription } = await control.send(new GetResourceCommand({ TypeName: 'AWS::DynamoDB::Table', Identifier: 'orders' }));
    const orders = JSON.parse(ResourceDescription!.Properties!);
    assert.deepEqual(
      [orders.TableName, orders.BillingMode, orders.ProvisionedThroughput, orders.StreamSpecification, orders.TimeToLiveSpecification, orders.PointInTimeRecoverySpecification],
      ['orders', 'PROVISIONED', { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, { StreamViewType: 'NEW_IMAGE' }, { AttributeName: 'expires', Enabled: true }, { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 }],
    );
    assert.match(orders.Arn, /:table\/orders$/);

    await dynamodb.send(new UpdateTableCommand({ TableName: 'orders', ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 } }));
    await dynamodb.send(new UpdateTimeToLiveCommand({ TableName: 'orders', TimeToLiveSpecification: { AttributeName: 'expires', Enabled: false } }));
    await dynamodb.send(new TagResourceCommand({ ResourceArn: orders.Arn, Tags: [{ Key: 'team', Value: 'b' }] }));
    await dynamodb.send(new UpdateContinuousBackupsCommand({ TableName: 'carts', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }));
    await dynamodb.send(new DeleteTableCommand({ TableName: stack.Outputs![0].OutputValue }));

    const second = await stackDrift(cfn, 'dynamodb-drift');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Orders'), [
      ['/ProvisionedThroughput/ReadCapacityUnits', '5', '10', 'NOT_EQUAL'],
      ['/Tags/0/Value', 'a', 'b', 'NOT_EQUAL'],
      ['/TimeToLiveSpecification/Enabled', 'true', 'false', 'NOT_EQUAL'],
    ]);
    assert.deepEqual(differences('Global'), [['/Replicas/0/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled', 'true', 'false', 'NOT_EQUAL']]);
    assert.equal(second.resources.Sessions.StackResourceDriftStatus, 'DELETED');
  });

  it('fails a table with a property it does not know, as AWS does', async () => {
    const template = JSON.stringify({
      Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: { AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST', Colour: 'blue' } } },
    });
    assert.equal(await creationFailure(aws.cfn, 'dynamodb-unknown-property', template, 'Table'), 'Encountered unsupported property Colour');
  });
});
