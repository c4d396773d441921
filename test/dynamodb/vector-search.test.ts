import assert from 'node:assert/strict';
import {
  CreateTableCommand,
  DescribeTableCommand,
  PutItemCommand,
  QueryCommand,
  SearchVectorsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { rejectsWith, uniqueName, useDynamo } from './support.ts';

const vector = (...values: number[]): AttributeValue => ({ L: values.map((v) => ({ N: String(v) })) });
const search = (...values: number[]) => values.map((v) => ({ N: String(v) }));

describe('DynamoDB vector indexes and SearchVectors', () => {
  const ctx = useDynamo();

  async function productsTable(distance: 'COSINE' | 'EUCLIDEAN' | 'DOT_PRODUCT' = 'COSINE') {
    const name = uniqueName('vectors');
    const created = await ctx.ddb.send(
      new CreateTableCommand({
        TableName: name,
        AttributeDefinitions: [
          { AttributeName: 'id', AttributeType: 'S' },
          { AttributeName: 'category', AttributeType: 'S' },
          { AttributeName: 'brand', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        VectorIndexes: [
          {
            IndexName: 'embedding-index',
            VectorAttribute: { AttributeName: 'embedding' },
            SearchSchema: [
              { AttributeName: 'category', SearchSchemaElementType: 'HASH' },
              { AttributeName: 'brand', SearchSchemaElementType: 'INLINE_FILTER' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['title'] },
            Dimensions: 4,
            DistanceFunction: distance,
          },
        ],
      }),
    );
    return { name, created };
  }

  async function put(table: string, id: string, embedding: number[], extra: Record<string, AttributeValue> = {}) {
    await ctx.ddb.send(new PutItemCommand({ TableName: table, Item: { id: { S: id }, embedding: vector(...embedding), category: { S: 'books' }, title: { S: `title ${id}` }, ...extra } }));
  }

  it('creates a table with a vector index, describes it, and searches it nearest first (COSINE)', async () => {
    const { name, created } = await productsTable();
    const [fresh] = created.TableDescription!.VectorIndexes!;
    assert.equal(fresh.IndexStatus, 'CREATING');
    assert.equal(fresh.Backfilling, undefined);
    await put(name, 'same', [1, 0, 0, 0], { brand: { S: 'acme' } });
    await put(name, 'long', [10, 0, 0, 0], { brand: { S: 'other' } });
    await put(name, 'near', [1, 1, 0, 0], { brand: { S: 'acme' } });
    await put(name, 'opposite', [-1, 0, 0, 0], { brand: { S: 'acme' } });
    // No HASH attribute: stored, but not in the index.
    await ctx.ddb.send(new PutItemCommand({ TableName: name, Item: { id: { S: 'unindexed' }, embedding: vector(1, 0, 0, 0) } }));
    const { Table } = await ctx.ddb.send(new DescribeTableCommand({ TableName: name }));
    const [index] = Table!.VectorIndexes!;
    assert.deepEqual(
      { ...index, IndexSizeBytes: undefined },
      {
        IndexName: 'embedding-index',
        SearchSchema: [
          { AttributeName: 'category', SearchSchemaElementType: 'HASH' },
          { AttributeName: 'brand', SearchSchemaElementType: 'INLINE_FILTER' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['title'] },
        VectorAttribute: { AttributeName: 'embedding' },
        Dimensions: 4,
        DistanceFunction: 'COSINE',
        IndexStatus: 'ACTIVE',
        IndexSizeBytes: undefined,
        ItemCount: 4,
        IndexArn: `${Table!.TableArn}/index/embedding-index`,
      },
    );
    const found = await ctx.ddb.send(
      new SearchVectorsCommand({
        TableName: name,
        IndexName: 'embedding-index',
        SearchVector: search(1, 0, 0, 0),
        TopK: 10,
        SearchConditionExpression: 'category = :c',
        ExpressionAttributeValues: { ':c': { S: 'books' } },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const results = found.SearchResults!;
    assert.deepEqual(
      results.map((r) => r.Item!.id.S),
      ['same', 'long', 'near', 'opposite'],
    );
    assert.equal(results[0].Score, 0);
    assert.equal(results[1].Score, 0);
    assert.ok(Math.abs(results[2].Score! - (1 - Math.SQRT1_2)) < 1e-6);
    assert.equal(results[3].Score, 2);
    // The vector is left out; the projection's attributes and the search schema's are there.
    assert.deepEqual(results[0].Item, { id: { S: 'same' }, category: { S: 'books' }, brand: { S: 'acme' }, title: { S: 'title same' } });
    assert.equal(found.ConsumedCapacity!.VectorSearchRequestBytes, 1024);
  });

  it('ranks by EUCLIDEAN distance and by DOT_PRODUCT (higher first), filters inline, projects the vector when asked', async () => {
    const euclid = await productsTable('EUCLIDEAN');
    await put(euclid.name, 'same', [1, 0, 0, 0], { brand: { S: 'acme' } });
    await put(euclid.name, 'long', [10, 0, 0, 0], { brand: { S: 'acme' } });
    await put(euclid.name, 'other-brand', [1, 0, 0, 0], { brand: { S: 'other' } });
    const byDistance = await ctx.ddb.send(
      new SearchVectorsCommand({
        TableName: euclid.name,
        IndexName: 'embedding-index',
        SearchVector: search(1, 0, 0, 0),
        TopK: 5,
        SearchConditionExpression: '#c = :c AND brand = :b',
        ExpressionAttributeNames: { '#c': 'category' },
        ExpressionAttributeValues: { ':c': { S: 'books' }, ':b': { S: 'acme' } },
        ProjectionExpression: 'id, embedding, price',
      }),
    );
    assert.deepEqual(
      byDistance.SearchResults!.map((r) => [r.Item, r.Score]),
      [
        [{ id: { S: 'same' }, embedding: vector(1, 0, 0, 0) }, 0],
        [{ id: { S: 'long' }, embedding: vector(10, 0, 0, 0) }, 9],
      ],
    );
    const dot = await productsTable('DOT_PRODUCT');
    await put(dot.name, 'small', [1, 0, 0, 0]);
    await put(dot.name, 'large', [10, 0, 0, 0]);
    await put(dot.name, 'negative', [-2, 0, 0, 0]);
    const byProduct = await ctx.ddb.send(
      new SearchVectorsCommand({
        TableName: dot.name,
        IndexName: 'embedding-index',
        SearchVector: search(1, 0, 0, 0),
        TopK: 2,
        SearchConditionExpression: 'category = :c',
        ExpressionAttributeValues: { ':c': { S: 'books' } },
      }),
    );
    assert.deepEqual(
      byProduct.SearchResults!.map((r) => [r.Item!.id.S, r.Score]),
      [
        ['large', 10],
        ['small', 1],
      ],
    );
  });

  it('refuses searches and writes that do not fit the index, with AWS messages', async () => {
    const { name } = await productsTable();
    await put(name, 'a', [1, 0, 0, 0]);
    const base = { TableName: name, IndexName: 'embedding-index', SearchVector: search(1, 0, 0, 0), TopK: 5 };
    const withHash = { SearchConditionExpression: 'category = :c', ExpressionAttributeValues: { ':c': { S: 'books' } } };
    await rejectsWith(ctx.ddb.send(new SearchVectorsCommand(base)), 'ValidationException', 'SearchConditionExpression must be provided when SearchSchema has a HASH key');
    await rejectsWith(
      ctx.ddb.send(new SearchVectorsCommand({ ...base, ...withHash, TopK: 101 })),
      'ValidationException',
      "Provided TopK value '101' is out of valid range. The value must be between 1 and 100 inclusive",
    );
    await rejectsWith(
      ctx.ddb.send(new SearchVectorsCommand({ ...base, ...withHash, SearchVector: search(1, 0, 0) })),
      'ValidationException',
      'Input search vector dimension 3 does not match vector index dimension 4',
    );
    await rejectsWith(
      ctx.ddb.send(new SearchVectorsCommand({ ...base, ...withHash, SearchConditionExpression: 'category <> :c' })),
      'ValidationException',
      'Invalid SearchConditionExpression: Invalid comparator used in SearchConditionExpression',
    );
    await rejectsWith(
      ctx.ddb.send(new SearchVectorsCommand({ ...base, ...withHash, IndexName: 'missing-index' })),
      'ValidationException',
      'The table does not have the specified index: missing-index',
    );
    await rejectsWith(
      ctx.ddb.send(new QueryCommand({ TableName: name, IndexName: 'embedding-index', KeyConditionExpression: 'category = :c', ExpressionAttributeValues: { ':c': { S: 'books' } } })),
      'ValidationException',
      'Query operation not supported on this index type.',
    );
    await rejectsWith(
      ctx.ddb.send(new UpdateItemCommand({ TableName: name, Key: { id: { S: 'a' } }, UpdateExpression: 'SET embedding = :v', ExpressionAttributeValues: { ':v': vector(1, 2) } })),
      'ValidationException',
      /Invalid size for parameter embedding, Expected: 4, Actual: 2\. IndexName: embedding-index$/,
    );
    await rejectsWith(
      ctx.ddb.send(new SearchVectorsCommand({ ...base, ...withHash, TableName: uniqueName('missing') })),
      'ResourceNotFoundException',
      'Requested resource not found',
    );
  });

  it('adds and deletes a vector index with UpdateTable, one index change at a time', async () => {
    const name = uniqueName('vectors');
    await ctx.ddb.send(
      new CreateTableCommand({
        TableName: name,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await ctx.ddb.send(new PutItemCommand({ TableName: name, Item: { id: { S: 'a' }, v: vector(0, 1) } }));
    const create = (indexName: string) => ({
      Create: { IndexName: indexName, VectorAttribute: { AttributeName: 'v' }, Projection: { ProjectionType: 'ALL' as const }, Dimensions: 2, DistanceFunction: 'COSINE' as const },
    });
    await rejectsWith(
      ctx.ddb.send(new UpdateTableCommand({ TableName: name, VectorIndexUpdates: [create('one'), create('two')] })),
      'LimitExceededException',
      'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table',
    );
    const updated = await ctx.ddb.send(new UpdateTableCommand({ TableName: name, VectorIndexUpdates: [create('one')] }));
    const [creating] = updated.TableDescription!.VectorIndexes!;
    assert.deepEqual([creating.IndexStatus, creating.Backfilling], ['CREATING', true]);
    const found = await ctx.ddb.send(new SearchVectorsCommand({ TableName: name, IndexName: 'one', SearchVector: search(0, 1), TopK: 1 }));
    assert.deepEqual(found.SearchResults, [{ Item: { id: { S: 'a' } }, Score: 0 }]);
    await ctx.ddb.send(new UpdateTableCommand({ TableName: name, VectorIndexUpdates: [{ Delete: { IndexName: 'one' } }] }));
    const { Table } = await ctx.ddb.send(new DescribeTableCommand({ TableName: name }));
    assert.equal(Table!.VectorIndexes, undefined);
    await rejectsWith(
      ctx.ddb.send(
        new CreateTableCommand({
          TableName: uniqueName('vectors'),
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
          VectorIndexes: [{ ...create('idx').Create, SearchSchema: [{ AttributeName: 'tenant', SearchSchemaElementType: 'HASH' }] }],
        }),
      ),
      'ValidationException',
      'One or more parameter values were invalid: One element in SearchSchema is not defined in attribute definitions',
    );
  });
});
