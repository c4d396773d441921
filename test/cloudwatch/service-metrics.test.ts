import assert from 'node:assert/strict';
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateStreamCommand, KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient, PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { createFunction } from '../lambda/support.ts';

// The namespaces, metric names, units and dimensions are those the AWS service guides list (SQS "Available CloudWatch
// metrics", Lambda "Types of metrics", Kinesis "Stream-level metrics", EventBridge and CloudWatch Logs metrics);
// the recorded SQS and Lambda metric tests are in shared/reference/aws-snapshots/cloudwatch/test_cloudwatch_metrics.
describe('Standard metrics the services publish to CloudWatch (SDK v3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  const options = () => ({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  let cw: CloudWatchClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['cloudwatch', 'sqs', 'kinesis', 'logs', 'events', 'lambda', 'sts', 'dynamodb'] });
    cw = new CloudWatchClient(options());
  });
  after(async () => {
    cw.destroy();
    await aws.stop();
  });

  /** The Sum of each metric over the last ten minutes, once published (values are batched per tick). */
  async function sums(namespace: string, dimension: { Name: string; Value: string }, names: string[], stat = 'Sum', since?: number): Promise<Record<string, number>> {
    const now = aws.emulator.clock.now();
    const start = since ?? now - 600_000;
    const queries: MetricDataQuery[] = names.map((MetricName, i) => ({ Id: `m${i}`, MetricStat: { Metric: { Namespace: namespace, MetricName, Dimensions: [dimension] }, Period: 600, Stat: stat } }));
    for (let attempt = 0; ; attempt++) {
      const out = await cw.send(new GetMetricDataCommand({ StartTime: new Date(start), EndTime: new Date(now + 60_000), MetricDataQueries: queries }));
      const values = Object.fromEntries(out.MetricDataResults!.map((r, i) => [names[i], r.Values!.reduce((a, b) => a + b, 0)]));
      if (Object.values(values).every((v) => v > 0) || attempt > 20) return values;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('SQS: messages sent, received, deleted, empty receives, sizes, and queue depth sampled each minute', async () => {
    const sqs = new SQSClient(options());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'metered' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'world!' }));
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: received.Messages![0].ReceiptHandle }));
    const dimension = { Name: 'QueueName', Value: 'metered' };
    assert.deepEqual(await sums('AWS/SQS', dimension, ['NumberOfMessagesSent', 'NumberOfMessagesReceived', 'NumberOfMessagesDeleted', 'SentMessageSize']), {
      NumberOfMessagesSent: 2,
      NumberOfMessagesReceived: 1,
      NumberOfMessagesDeleted: 1,
      SentMessageSize: 11,
    });
    // What is recorded after CloudWatch collected is counted as well.
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '!' }));
    assert.deepEqual(await sums('AWS/SQS', dimension, ['NumberOfMessagesSent', 'SentMessageSize']), { NumberOfMessagesSent: 3, SentMessageSize: 12 });
    const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    aws.emulator.clock.advance(60_000);
    // Only the minute the clock moved to is judged: its sample is taken after the delete, while an earlier minute's
    // Maximum once saw 2 visible on a loaded CI machine (not reproduced since; the cause is not established).
    const minute = Math.floor(aws.emulator.clock.now() / 60_000) * 60_000;
    const depth = await sums('AWS/SQS', dimension, ['ApproximateNumberOfMessagesVisible', 'ApproximateNumberOfMessagesNotVisible'], 'Maximum', minute);
    assert.deepEqual(depth, { ApproximateNumberOfMessagesVisible: Number(attributes.Attributes!.ApproximateNumberOfMessages), ApproximateNumberOfMessagesNotVisible: 0 });
    sqs.destroy();
  });

  it('SQS: ApproximateAgeOfOldestMessage, the age in seconds of the oldest message, sampled each minute', async () => {
    const sqs = new SQSClient(options());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'aged' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'old' }));
    aws.emulator.clock.advance(90_000);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'new' }));
    const minute = Math.floor(aws.emulator.clock.now() / 60_000) * 60_000;
    const age = await sums('AWS/SQS', { Name: 'QueueName', Value: 'aged' }, ['ApproximateAgeOfOldestMessage'], 'Maximum', minute);
    assert.deepEqual(age, { ApproximateAgeOfOldestMessage: 90 });
    sqs.destroy();
  });

  it('DynamoDB: ConsumedRead/WriteCapacityUnits by TableName and by GlobalSecondaryIndexName', async () => {
    const ddb = new DynamoDBClient(options());
    await ddb.send(
      new CreateTableCommand({
        TableName: 'metered',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'g', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [{ IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
      }),
    );
    // 1 write unit on the table and 1 on the index; 2 KB of item makes the second put cost 3 on each.
    await ddb.send(new PutItemCommand({ TableName: 'metered', Item: { pk: { S: 'a' }, g: { S: 'x' } } }));
    await ddb.send(new PutItemCommand({ TableName: 'metered', Item: { pk: { S: 'b' }, g: { S: 'y' }, big: { S: 'z'.repeat(2100) } } }));
    await ddb.send(new GetItemCommand({ TableName: 'metered', Key: { pk: { S: 'a' } }, ConsistentRead: true }));
    await ddb.send(new GetItemCommand({ TableName: 'metered', Key: { pk: { S: 'a' } } }));
    const table = { Name: 'TableName', Value: 'metered' };
    assert.deepEqual(await sums('AWS/DynamoDB', table, ['ConsumedWriteCapacityUnits', 'ConsumedReadCapacityUnits']), { ConsumedWriteCapacityUnits: 4, ConsumedReadCapacityUnits: 1.5 });
    const now = aws.emulator.clock.now();
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 600_000),
        EndTime: new Date(now + 60_000),
        MetricDataQueries: [
          {
            Id: 'gsi',
            MetricStat: { Metric: { Namespace: 'AWS/DynamoDB', MetricName: 'ConsumedWriteCapacityUnits', Dimensions: [table, { Name: 'GlobalSecondaryIndexName', Value: 'by-g' }] }, Period: 600, Stat: 'Sum' },
          },
        ],
      }),
    );
    assert.deepEqual(out.MetricDataResults![0].Values, [4]);
    ddb.destroy();
  });

  it('DynamoDB: SuccessfulRequestLatency by TableName and Operation, UserErrors for the account', async () => {
    const ddb = new DynamoDBClient({ ...options(), maxAttempts: 1 });
    await ddb.send(
      new CreateTableCommand({ TableName: 'timed', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }),
    );
    await ddb.send(new PutItemCommand({ TableName: 'timed', Item: { pk: { S: 'a' } } }));
    await ddb.send(new GetItemCommand({ TableName: 'timed', Key: { pk: { S: 'a' } } }));
    await ddb.send(new GetItemCommand({ TableName: 'timed', Key: { pk: { S: 'b' } } }));
    // Three client errors (a missing table, a key of the wrong type, a Limit below 1); a failed condition is not a UserError.
    await assert.rejects(ddb.send(new GetItemCommand({ TableName: 'missing', Key: { pk: { S: 'a' } } })), { name: 'ResourceNotFoundException' });
    await assert.rejects(ddb.send(new GetItemCommand({ TableName: 'timed', Key: { pk: { N: '1' } } })), { name: 'ValidationException' });
    await assert.rejects(ddb.send(new PutItemCommand({ TableName: 'timed', Item: { pk: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(pk)' })), { name: 'ConditionalCheckFailedException' });
    // A request the core's model validation rejects before DynamoDB's handler runs counts as well (issue #14).
    await assert.rejects(ddb.send(new QueryCommand({ TableName: 'timed', KeyConditionExpression: 'pk = :a', ExpressionAttributeValues: { ':a': { S: 'a' } }, Limit: 0 })), {
      name: 'ValidationException',
      message: /Member must have value greater than or equal to 1/,
    });
    const now = aws.emulator.clock.now();
    const latency = (Operation: string, Stat: string): MetricDataQuery => ({
      Id: `${Operation.toLowerCase()}${Stat.toLowerCase()}`,
      MetricStat: {
        Metric: { Namespace: 'AWS/DynamoDB', MetricName: 'SuccessfulRequestLatency', Dimensions: [{ Name: 'TableName', Value: 'timed' }, { Name: 'Operation', Value: Operation }] },
        Period: 600,
        Stat,
      },
    });
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 600_000),
        EndTime: new Date(now + 60_000),
        MetricDataQueries: [
          latency('GetItem', 'SampleCount'),
          latency('PutItem', 'SampleCount'),
          latency('GetItem', 'Maximum'),
          { Id: 'errors', MetricStat: { Metric: { Namespace: 'AWS/DynamoDB', MetricName: 'UserErrors' }, Period: 600, Stat: 'Sum' } },
        ],
      }),
    );
    const [gets, puts, slowest, errors] = out.MetricDataResults!.map((r) => r.Values!.reduce((a, b) => a + b, 0));
    assert.deepEqual([gets, puts, errors], [2, 1, 3]);
    assert.ok(slowest > 0 && slowest < 5000, `GetItem latency ${slowest} ms`);
    ddb.destroy();
  });

  it('Lambda: Invocations, Errors and Duration by FunctionName', async () => {
    // One attempt per call: the SDK retries a throttled invocation, and each attempt would count.
    const lambda = new LambdaClient({ ...options(), maxAttempts: 1 });
    const name = await createFunction(lambda, { 'index.js': 'exports.handler = async (e) => { if (e.fail) throw new Error("no"); return 1; };' }, { Runtime: 'nodejs22.x', Handler: 'index.handler' });
    await lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{}') }));
    await lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{"fail":true}') }));
    const values = await sums('AWS/Lambda', { Name: 'FunctionName', Value: name }, ['Invocations', 'Errors', 'Duration'], 'SampleCount');
    assert.deepEqual([values.Invocations, values.Errors, values.Duration], [2, 2, 2]);
    const errors = await sums('AWS/Lambda', { Name: 'FunctionName', Value: name }, ['Invocations', 'Errors']);
    assert.deepEqual(errors, { Invocations: 2, Errors: 1 });
    const concurrency = await sums('AWS/Lambda', { Name: 'FunctionName', Value: name }, ['ConcurrentExecutions'], 'Maximum');
    assert.deepEqual(concurrency, { ConcurrentExecutions: 1 });
    // Reserved concurrency 0 throttles every invocation: each one counts in Throttles.
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 0 }));
    await assert.rejects(lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{}') })), { name: 'TooManyRequestsException' });
    assert.deepEqual(await sums('AWS/Lambda', { Name: 'FunctionName', Value: name }, ['Throttles']), { Throttles: 1 });
    lambda.destroy();
  });

  it('Kinesis, CloudWatch Logs and EventBridge: records, log events and rule metrics', async () => {
    const kinesis = new KinesisClient(options());
    await kinesis.send(new CreateStreamCommand({ StreamName: 'metered', ShardCount: 1 }));
    await kinesis.send(new PutRecordsCommand({ StreamName: 'metered', Records: [1, 2, 3].map((i) => ({ Data: Buffer.from(`r${i}`), PartitionKey: `k${i}` })) }));
    assert.deepEqual(await sums('AWS/Kinesis', { Name: 'StreamName', Value: 'metered' }, ['IncomingRecords', 'IncomingBytes']), { IncomingRecords: 3, IncomingBytes: 6 });

    const logs = new CloudWatchLogsClient(options());
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'metered' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'metered', logStreamName: 's' }));
    const now = aws.emulator.clock.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: 'metered', logStreamName: 's', logEvents: [{ timestamp: now, message: 'abc' }, { timestamp: now, message: 'de' }] }));
    assert.deepEqual(await sums('AWS/Logs', { Name: 'LogGroupName', Value: 'metered' }, ['IncomingLogEvents', 'IncomingBytes']), { IncomingLogEvents: 2, IncomingBytes: 5 });

    const events = new EventBridgeClient(options());
    const sqs = new SQSClient(options());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'rule-target' }));
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn;
    await events.send(new PutRuleCommand({ Name: 'metered', EventPattern: JSON.stringify({ source: ['app'] }) }));
    await events.send(new PutTargetsCommand({ Rule: 'metered', Targets: [{ Id: 'q', Arn: arn }] }));
    await events.send(new PutEventsCommand({ Entries: [{ Source: 'app', DetailType: 'x', Detail: '{}' }, { Source: 'other', DetailType: 'x', Detail: '{}' }] }));
    assert.deepEqual(await sums('AWS/Events', { Name: 'RuleName', Value: 'metered' }, ['MatchedEvents', 'TriggeredRules', 'Invocations']), {
      MatchedEvents: 1,
      TriggeredRules: 1,
      Invocations: 1,
    });
    for (const client of [kinesis, logs, events, sqs]) client.destroy();
  });
});
