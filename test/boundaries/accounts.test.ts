import assert from 'node:assert/strict';
import {
  BatchExecuteStatementCommand,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteResourcePolicyCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  ExecuteTransactionCommand,
  GetItemCommand,
  PutItemCommand,
  PutResourcePolicyCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand as GetStreamRecordsCommand,
  GetShardIteratorCommand as GetStreamIteratorCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetResourcePolicyCommand,
  GetShardIteratorCommand,
  KinesisClient,
  PutRecordCommand,
  PutResourcePolicyCommand as PutStreamPolicyCommand,
} from '@aws-sdk/client-kinesis';
import {
  AddPermissionCommand,
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/**
 * Accounts and regions are walls: three accounts (their 12-digit access keys act in them) and two regions; nothing
 * crosses without a resource policy, and a policy opens exactly what it names.
 */
const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const EAST = 'us-east-1';
const WEST = 'eu-west-1';

type Clients = { sqs: SQSClient; ddb: DynamoDBClient; streams: DynamoDBStreamsClient; kinesis: KinesisClient };

async function rejectsAs(call: Promise<unknown>, name: string, status: number, message?: string | RegExp) {
  await assert.rejects(call, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(error.name, name, error.message);
    assert.equal(error.$metadata?.httpStatusCode, status);
    if (typeof message === 'string') assert.equal(error.message, message);
    else if (message) assert.match(error.message, message);
    return true;
  });
}

function useAccounts(options: { crossAccount?: 'enforce' | 'open' } = {}) {
  const ctx = { clients: new Map<string, Clients>() } as { aws: Twinstack; clients: Map<string, Clients>; as: (account: string, region?: string) => Clients };
  before(async () => {
    ctx.aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb', 'dynamodbstreams', 'kinesis'], ...options });
  });
  after(async () => {
    for (const c of ctx.clients.values()) for (const client of Object.values(c)) client.destroy();
    await ctx.aws.stop();
  });
  ctx.as = (account, region = EAST) => {
    const key = `${account}/${region}`;
    let clients = ctx.clients.get(key);
    if (!clients) {
      const config = { endpoint: ctx.aws.endpoint, region, credentials: { accessKeyId: account, secretAccessKey: 'test' }, maxAttempts: 1 };
      clients = { sqs: new SQSClient(config), ddb: new DynamoDBClient(config), streams: new DynamoDBStreamsClient(config), kinesis: new KinesisClient(config) };
      ctx.clients.set(key, clients);
    }
    return clients;
  };
  return ctx;
}

const SQS_DENIED = `Access to the resource https://sqs.${EAST}.amazonaws.com/ is denied.`;

describe('Account and region walls', function () {
  this.timeout(30_000);

  describe('SQS', () => {
    const ctx = useAccounts();
    let url: string;
    before(async () => {
      url = (await ctx.as(A).sqs.send(new CreateQueueCommand({ QueueName: 'wall' }))).QueueUrl!;
      await ctx.as(A).sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'secret' }));
    });

    it('another account reaches nothing of a queue without a policy (URL, AWS-style URL, GetQueueUrl)', async () => {
      const b = ctx.as(B).sqs;
      const awsStyle = `https://sqs.${EAST}.amazonaws.com/${A}/wall`;
      for (const call of [
        b.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })),
        b.send(new ReceiveMessageCommand({ QueueUrl: url })),
        b.send(new GetQueueAttributesCommand({ QueueUrl: awsStyle, AttributeNames: ['All'] })),
        b.send(new PurgeQueueCommand({ QueueUrl: url })),
        b.send(new DeleteQueueCommand({ QueueUrl: url })),
        b.send(new GetQueueUrlCommand({ QueueName: 'wall', QueueOwnerAWSAccountId: A })),
        b.send(new SendMessageCommand({ QueueUrl: `${url}-missing`, MessageBody: 'x' })),
      ]) {
        await rejectsAs(call, 'AccessDenied', 403, SQS_DENIED);
      }
      const attributes = await ctx.as(A).sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
      assert.equal(attributes.Attributes!.ApproximateNumberOfMessages, '1', 'the denied purge and receive changed nothing');
    });

    it('a region is a wall: the same account in another region does not find the queue by name', async () => {
      await rejectsAs(ctx.as(A, WEST).sqs.send(new GetQueueUrlCommand({ QueueName: 'wall' })), 'QueueDoesNotExist', 400);
    });

    it('AddPermission opens exactly the actions and account it names', async () => {
      await ctx.as(A).sqs.send(new AddPermissionCommand({ QueueUrl: url, Label: 'b-sends', AWSAccountIds: [B], Actions: ['SendMessage', 'GetQueueUrl'] }));
      const b = ctx.as(B).sqs;
      await b.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'from b' }));
      assert.equal((await b.send(new GetQueueUrlCommand({ QueueName: 'wall', QueueOwnerAWSAccountId: A }))).QueueUrl, url);
      await rejectsAs(b.send(new ReceiveMessageCommand({ QueueUrl: url })), 'AccessDenied', 403);
      await rejectsAs(ctx.as(C).sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })), 'AccessDenied', 403);
    });

    it('a policy for everyone still keeps the owner-only actions to the owner; an explicit Deny wins', async () => {
      const policy = {
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: `arn:aws:sqs:${EAST}:${A}:wall` },
          { Effect: 'Deny', Principal: { AWS: C }, Action: 'sqs:SendMessage', Resource: '*' },
        ],
      };
      await ctx.as(A).sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify(policy) } }));
      const b = ctx.as(B).sqs;
      assert.ok((await b.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages?.length);
      await rejectsAs(b.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { DelaySeconds: '1' } })), 'AccessDenied', 403);
      await rejectsAs(b.send(new DeleteQueueCommand({ QueueUrl: url })), 'AccessDenied', 403);
      await rejectsAs(ctx.as(C).sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })), 'AccessDenied', 403);
      await ctx.as(C).sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
    });
  });

  describe('DynamoDB', () => {
    const ctx = useAccounts();
    const arnOf = (account: string, region = EAST) => `arn:aws:dynamodb:${region}:${account}:table/orders`;
    before(async () => {
      for (const account of [A, B]) {
        await ctx.as(account).ddb.send(
          new CreateTableCommand({
            TableName: 'orders',
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
          }),
        );
        await ctx.as(account).ddb.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: '1' }, owner: { S: account } } }));
      }
    });

    it("a table ARN of another account is that account's table, and denied without a policy", async () => {
      const b = ctx.as(B).ddb;
      const denied = (action: string) =>
        `User: arn:aws:iam::${B}:root is not authorized to perform: dynamodb:${action} on resource: ${arnOf(A)} because no resource-based policy allows the dynamodb:${action} action`;
      await rejectsAs(b.send(new GetItemCommand({ TableName: arnOf(A), Key: { id: { S: '1' } } })), 'AccessDeniedException', 400, denied('GetItem'));
      await rejectsAs(b.send(new PutItemCommand({ TableName: arnOf(A), Item: { id: { S: '2' } } })), 'AccessDeniedException', 400, denied('PutItem'));
      await rejectsAs(b.send(new DescribeTableCommand({ TableName: arnOf(A) })), 'AccessDeniedException', 400, denied('DescribeTable'));
      // B's own same-named table was not touched by the denied write.
      assert.equal((await b.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: '2' } } }))).Item, undefined);
      assert.equal((await b.send(new GetItemCommand({ TableName: arnOf(B), Key: { id: { S: '1' } } }))).Item!.owner.S, B);
    });

    it("another account's table stream is denied without the stream's own policy, which opens exactly its actions", async () => {
      const { TableDescription } = await ctx.as(A).ddb.send(new UpdateTableCommand({ TableName: 'orders', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
      const StreamArn = TableDescription!.LatestStreamArn!;
      await ctx.as(A).ddb.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: 'streamed' } } }));
      assert.equal((await ctx.as(A).streams.send(new DescribeStreamCommand({ StreamArn }))).StreamDescription!.StreamArn, StreamArn);
      await rejectsAs(
        ctx.as(B).streams.send(new DescribeStreamCommand({ StreamArn })),
        'AccessDeniedException',
        400,
        `User: arn:aws:iam::${B}:root is not authorized to perform: dynamodb:DescribeStream on resource: ${StreamArn} because no resource-based policy allows the dynamodb:DescribeStream action`,
      );
      await rejectsAs(ctx.as(A, WEST).streams.send(new DescribeStreamCommand({ StreamArn })), 'ResourceNotFoundException', 400);
      // The table's policy is not the stream's: a policy on the table opens nothing of its stream.
      const tablePolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: B }, Action: 'dynamodb:*', Resource: '*' }] };
      await ctx.as(A).ddb.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(A), Policy: JSON.stringify(tablePolicy) }));
      await rejectsAs(ctx.as(B).streams.send(new DescribeStreamCommand({ StreamArn })), 'AccessDeniedException', 400);
      await ctx.as(A).ddb.send(new DeleteResourcePolicyCommand({ ResourceArn: arnOf(A) }));
      const streamPolicy = {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: ['dynamodb:DescribeStream', 'dynamodb:GetShardIterator', 'dynamodb:GetRecords'], Resource: StreamArn }],
      };
      await ctx.as(A).ddb.send(new PutResourcePolicyCommand({ ResourceArn: StreamArn, Policy: JSON.stringify(streamPolicy) }));
      const b = ctx.as(B).streams;
      const shard = (await b.send(new DescribeStreamCommand({ StreamArn }))).StreamDescription!.Shards![0].ShardId!;
      const { ShardIterator } = await b.send(new GetStreamIteratorCommand({ StreamArn, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }));
      const records = (await b.send(new GetStreamRecordsCommand({ ShardIterator }))).Records!;
      assert.deepEqual(records.map((r) => r.dynamodb!.Keys!.id.S), ['streamed']);
      await rejectsAs(ctx.as(C).streams.send(new GetStreamRecordsCommand({ ShardIterator })), 'AccessDeniedException', 400);
      // ListStreams lists the caller's own streams only; the table's policy is still none.
      assert.deepEqual((await b.send(new ListStreamsCommand({}))).Streams, []);
      await rejectsAs(ctx.as(B).ddb.send(new GetItemCommand({ TableName: arnOf(A), Key: { id: { S: '1' } } })), 'AccessDeniedException', 400);
    });

    it("multi-table operations pass each table's wall before changing anything; a policy opens exactly its actions", async () => {
      const b = ctx.as(B).ddb;
      const ownItem = async (id: string) => (await b.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: id } } }))).Item;
      const denied = (action: string) =>
        `User: arn:aws:iam::${B}:root is not authorized to perform: dynamodb:${action} on resource: ${arnOf(A)} because no resource-based policy allows the dynamodb:${action} action`;
      await rejectsAs(b.send(new BatchGetItemCommand({ RequestItems: { [arnOf(A)]: { Keys: [{ id: { S: '1' } }] } } })), 'AccessDeniedException', 400, denied('BatchGetItem'));
      await rejectsAs(
        b.send(new BatchWriteItemCommand({ RequestItems: { orders: [{ PutRequest: { Item: { id: { S: 'w1' } } } }], [arnOf(A)]: [{ PutRequest: { Item: { id: { S: 'w2' } } } }] } })),
        'AccessDeniedException',
        400,
        denied('BatchWriteItem'),
      );
      await rejectsAs(
        b.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'orders', Item: { id: { S: 't1' } } } }, { Put: { TableName: arnOf(A), Item: { id: { S: 't2' } } } }] })),
        'AccessDeniedException',
        400,
        denied('PutItem'),
      );
      await rejectsAs(b.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: arnOf(A), Key: { id: { S: '1' } } } }] })), 'AccessDeniedException', 400, denied('GetItem'));
      // Nothing of the refused requests was written, in B's own table either.
      assert.equal(await ownItem('w1'), undefined);
      assert.equal(await ownItem('t1'), undefined);

      const actions = ['BatchGetItem', 'BatchWriteItem', 'GetItem', 'PutItem', 'PartiQLSelect'].map((a) => `dynamodb:${a}`);
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: B }, Action: actions, Resource: arnOf(A) }] };
      await ctx.as(A).ddb.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(A), Policy: JSON.stringify(policy) }));
      const got = await b.send(new BatchGetItemCommand({ RequestItems: { [arnOf(A)]: { Keys: [{ id: { S: '1' } }] }, orders: { Keys: [{ id: { S: '1' } }] } } }));
      assert.equal(got.Responses![arnOf(A)][0].owner.S, A);
      assert.equal(got.Responses!.orders[0].owner.S, B);
      await b.send(new BatchWriteItemCommand({ RequestItems: { [arnOf(A)]: [{ PutRequest: { Item: { id: { S: 'w2' }, by: { S: B } } } }] } }));
      await b.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: arnOf(A), Item: { id: { S: 't2' }, by: { S: B } } } }] }));
      const read = await b.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: arnOf(A), Key: { id: { S: 'w2' } } } }, { Get: { TableName: arnOf(A), Key: { id: { S: 't2' } } } }] }));
      assert.deepEqual(read.Responses!.map((r) => r.Item!.by.S), [B, B]);
      const inA = await ctx.as(A).ddb.send(new BatchGetItemCommand({ RequestItems: { orders: { Keys: [{ id: { S: 'w2' } }, { id: { S: 't2' } }] } } }));
      assert.equal(inA.Responses!.orders.length, 2);
      assert.equal(await ownItem('w2'), undefined);
      // What the policy does not name stays closed: an update in a transaction, another account, PartiQL across accounts.
      await rejectsAs(
        b.send(new TransactWriteItemsCommand({ TransactItems: [{ Update: { TableName: arnOf(A), Key: { id: { S: 't2' } }, UpdateExpression: 'SET x = :x', ExpressionAttributeValues: { ':x': { S: '1' } } } }] })),
        'AccessDeniedException',
        400,
        denied('UpdateItem'),
      );
      await rejectsAs(ctx.as(C).ddb.send(new BatchGetItemCommand({ RequestItems: { [arnOf(A)]: { Keys: [{ id: { S: '1' } }] } } })), 'AccessDeniedException', 400);
      const select = `SELECT * FROM "${arnOf(A)}" WHERE id = '1'`;
      await rejectsAs(b.send(new ExecuteStatementCommand({ Statement: select })), 'AccessDeniedException', 400, denied('PartiQLSelect'));
      await rejectsAs(b.send(new BatchExecuteStatementCommand({ Statements: [{ Statement: select }] })), 'AccessDeniedException', 400);
      await rejectsAs(b.send(new ExecuteTransactionCommand({ TransactStatements: [{ Statement: select }] })), 'AccessDeniedException', 400);
      // The owner may name its own table by ARN in PartiQL.
      assert.equal((await ctx.as(A).ddb.send(new ExecuteStatementCommand({ Statement: select }))).Items![0].owner.S, A);
    });

    it('a table ARN of another region is refused as AWS refuses it', async () => {
      await rejectsAs(
        ctx.as(A).ddb.send(new GetItemCommand({ TableName: arnOf(A, WEST), Key: { id: { S: '1' } } })),
        'ValidationException',
        400,
        `1 validation error detected: Invalid AWS region in '${arnOf(A, WEST)}'`,
      );
    });

    it("a resource policy opens exactly its actions to its principal, on the owner's table", async () => {
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'dynamodb:GetItem', Resource: arnOf(A) }] };
      await ctx.as(A).ddb.send(new PutResourcePolicyCommand({ ResourceArn: arnOf(A), Policy: JSON.stringify(policy) }));
      const got = await ctx.as(B).ddb.send(new GetItemCommand({ TableName: arnOf(A), Key: { id: { S: '1' } } }));
      assert.equal(got.Item!.owner.S, A);
      await rejectsAs(ctx.as(B).ddb.send(new PutItemCommand({ TableName: arnOf(A), Item: { id: { S: '3' } } })), 'AccessDeniedException', 400);
      await rejectsAs(ctx.as(C).ddb.send(new GetItemCommand({ TableName: arnOf(A), Key: { id: { S: '1' } } })), 'AccessDeniedException', 400);
      // Operations DynamoDB does not share across accounts stay the owner's, whatever the policy.
      await rejectsAs(
        ctx.as(B).ddb.send(new UpdateTimeToLiveCommand({ TableName: arnOf(A), TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' } })),
        'AccessDeniedException',
        400,
      );
    });
  });

  describe('Kinesis', () => {
    const ctx = useAccounts();
    const arn = `arn:aws:kinesis:${EAST}:${A}:stream/events`;
    before(async () => {
      await ctx.as(A).kinesis.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 1 }));
    });

    it("another account's stream ARN is denied without a policy; its name finds only the caller's own streams", async () => {
      const b = ctx.as(B).kinesis;
      await rejectsAs(
        b.send(new PutRecordCommand({ StreamARN: arn, Data: Buffer.from('x'), PartitionKey: 'k' })),
        'AccessDeniedException',
        400,
        `User: arn:aws:iam::${B}:root is not authorized to perform: kinesis:PutRecord on resource: ${arn} because no resource-based policy allows the kinesis:PutRecord action`,
      );
      await rejectsAs(b.send(new DescribeStreamSummaryCommand({ StreamName: 'events' })), 'ResourceNotFoundException', 400, `Stream events under account ${B} not found.`);
      await rejectsAs(ctx.as(A, WEST).kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'events' })), 'ResourceNotFoundException', 400);
    });

    it('a stream policy opens exactly its actions to its principal; policies stay the owner’s', async () => {
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: B }, Action: ['kinesis:PutRecord', 'kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: arn }] };
      await ctx.as(A).kinesis.send(new PutStreamPolicyCommand({ ResourceARN: arn, Policy: JSON.stringify(policy) }));
      const b = ctx.as(B).kinesis;
      await b.send(new PutRecordCommand({ StreamARN: arn, Data: Buffer.from('x'), PartitionKey: 'k' }));
      assert.equal((await b.send(new DescribeStreamSummaryCommand({ StreamARN: arn }))).StreamDescriptionSummary!.StreamARN, arn);
      await rejectsAs(b.send(new GetResourcePolicyCommand({ ResourceARN: arn })), 'AccessDeniedException', 400);
      // An iterator of the shared stream reads that stream, for whoever the policy lets in.
      const { ShardIterator } = await b.send(new GetShardIteratorCommand({ StreamARN: arn, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
      assert.equal((await b.send(new GetRecordsCommand({ ShardIterator }))).Records!.length, 1);
      await rejectsAs(ctx.as(C).kinesis.send(new GetRecordsCommand({ ShardIterator })), 'AccessDeniedException', 400);
      await rejectsAs(ctx.as(C).kinesis.send(new PutRecordCommand({ StreamARN: arn, Data: Buffer.from('x'), PartitionKey: 'k' })), 'AccessDeniedException', 400);
    });
  });

  describe("crossAccount: 'open' (for suites written against emulators without walls)", () => {
    const ctx = useAccounts({ crossAccount: 'open' });
    it('lets another account use a queue by its URL', async () => {
      const url = (await ctx.as(A).sqs.send(new CreateQueueCommand({ QueueName: 'open' }))).QueueUrl!;
      await ctx.as(B).sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
      assert.equal((await ctx.as(A).sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages![0].Body, 'x');
    });
  });
});
