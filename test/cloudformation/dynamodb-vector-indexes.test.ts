import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, DynamoDBClient, GetResourcePolicyCommand, PutItemCommand, SearchVectorsCommand } from '@aws-sdk/client-dynamodb';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, creationFailure, deleteStack, deploy, output, serveCloudFormation } from './serve.ts';

const embeddingIndex = (name: string, attribute: string) => ({
  IndexName: name,
  VectorAttribute: { AttributeName: attribute },
  SearchSchema: [{ AttributeName: 'tenant', SearchSchemaElementType: 'HASH' }],
  Projection: { ProjectionType: 'ALL' },
  Dimensions: 3,
  DistanceFunction: 'EUCLIDEAN',
});

const keys = {
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  AttributeDefinitions: [
    { AttributeName: 'id', AttributeType: 'S' },
    { AttributeName: 'tenant', AttributeType: 'S' },
  ],
};

function tableTemplate(properties: Record<string, unknown>): string {
  return JSON.stringify({
    Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', ...keys, ...properties } } },
    Outputs: { Name: { Value: { Ref: 'Table' } } },
  });
}

describe('CloudFormation: DynamoDB vector indexes, warm and on-demand throughput, resource policies', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  const dynamodb = (region = 'us-east-1') => new DynamoDBClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG, region });
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  const nearest = async (client: DynamoDBClient, table: string, index: string) =>
    (
      await client.send(
        new SearchVectorsCommand({
          TableName: table,
          IndexName: index,
          SearchVector: [{ N: '0' }, { N: '0' }, { N: '1' }],
          TopK: 1,
          SearchConditionExpression: 'tenant = :t',
          ExpressionAttributeValues: { ':t': { S: 't1' } },
        }),
      )
    ).SearchResults!.map((r) => [r.Item!.id.S, r.Score]);

  it('AWS::DynamoDB::Table: VectorIndexes, WarmThroughput, OnDemandThroughput and ResourcePolicy on creation; vector indexes added and removed by updates', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'dynamodb:GetItem', Resource: '*' }],
    };
    const stack = await deploy(
      cfn,
      'vector-table',
      tableTemplate({
        VectorIndexes: [embeddingIndex('by-text', 'text')],
        WarmThroughput: { ReadUnitsPerSecond: 15000, WriteUnitsPerSecond: 5000 },
        OnDemandThroughput: { MaxReadRequestUnits: 100, MaxWriteRequestUnits: '50' },
        ResourcePolicy: { PolicyDocument: policy },
      }),
    );
    const name = output(stack, 'Name');
    const client = dynamodb();
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    assert.deepEqual(
      Table!.VectorIndexes!.map((i) => [i.IndexName, i.Dimensions, i.DistanceFunction, i.IndexStatus]),
      [['by-text', 3, 'EUCLIDEAN', 'ACTIVE']],
    );
    assert.deepEqual([Table!.WarmThroughput!.ReadUnitsPerSecond, Table!.WarmThroughput!.WriteUnitsPerSecond], [15000, 5000]);
    assert.deepEqual(Table!.OnDemandThroughput, { MaxReadRequestUnits: 100, MaxWriteRequestUnits: 50 });
    assert.deepEqual(JSON.parse((await client.send(new GetResourcePolicyCommand({ ResourceArn: Table!.TableArn }))).Policy!), policy);
    await client.send(new PutItemCommand({ TableName: name, Item: { id: { S: 'a' }, tenant: { S: 't1' }, text: { L: [{ N: '0' }, { N: '0' }, { N: '3' }] }, image: { L: [{ N: '0' }, { N: '0' }, { N: '1' }] } } }));
    assert.deepEqual(await nearest(client, name, 'by-text'), [['a', 2]]);

    // One index change per update, as DynamoDB allows: the image index added, then the text index removed.
    await deploy(cfn, 'vector-table', tableTemplate({ VectorIndexes: [embeddingIndex('by-text', 'text'), embeddingIndex('by-image', 'image')] }), {}, true);
    assert.deepEqual(await nearest(client, name, 'by-image'), [['a', 0]]);
    await deploy(cfn, 'vector-table', tableTemplate({ VectorIndexes: [embeddingIndex('by-image', 'image')] }), {}, true);
    const after = (await client.send(new DescribeTableCommand({ TableName: name }))).Table!;
    assert.deepEqual(
      after.VectorIndexes!.map((i) => i.IndexName),
      ['by-image'],
    );
    await deleteStack(cfn, stack);
  });

  it('AWS::DynamoDB::Table: a vector index on a provisioned table fails the resource with DynamoDB’s error', async () => {
    const template = JSON.stringify({
      Resources: {
        Table: {
          Type: 'AWS::DynamoDB::Table',
          Properties: { ...keys, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }, VectorIndexes: [embeddingIndex('by-text', 'text')] },
        },
      },
    });
    const reason = await creationFailure(cfn, 'vector-provisioned', template, 'Table');
    assert.match(reason, /Vector indexes are not supported on tables with PROVISIONED billing mode/);
  });

  it('AWS::DynamoDB::GlobalTable: VectorIndexes on every replica, searchable in each region', async () => {
    const template = (indexes: unknown[]) =>
      JSON.stringify({
        Resources: {
          Table: {
            Type: 'AWS::DynamoDB::GlobalTable',
            Properties: {
              BillingMode: 'PAY_PER_REQUEST',
              ...keys,
              StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
              VectorIndexes: indexes,
              Replicas: [{ Region: 'us-east-1' }, { Region: 'us-west-2' }],
            },
          },
        },
        Outputs: { Name: { Value: { Ref: 'Table' } } },
      });
    const stack = await deploy(cfn, 'vector-global', template([embeddingIndex('by-text', 'text')]));
    const name = output(stack, 'Name');
    const east = dynamodb('us-east-1');
    const west = dynamodb('us-west-2');
    await east.send(new PutItemCommand({ TableName: name, Item: { id: { S: 'a' }, tenant: { S: 't1' }, text: { L: [{ N: '0' }, { N: '0' }, { N: '1' }] } } }));
    let found: unknown[] = [];
    for (let i = 0; i < 100 && !found.length; i++) {
      found = await nearest(west, name, 'by-text');
      if (!found.length) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(found, [['a', 0]]);
    await deploy(cfn, 'vector-global', template([]), {}, true);
    for (const client of [east, west]) assert.equal((await client.send(new DescribeTableCommand({ TableName: name }))).Table!.VectorIndexes, undefined);
    await deleteStack(cfn, stack);
  });
});
