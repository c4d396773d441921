import assert from 'node:assert/strict';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  type LambdaServiceException,
} from '@aws-sdk/client-lambda';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createFunction, CREDENTIALS, uniqueName, useLambda } from './support.ts';

// Each handler forwards what it received to a result queue, so the test reads the events AWS's shape of them.
const FORWARD = `
import boto3, json, os
sqs = boto3.client("sqs")
def handler(event, context):
    sqs.send_message(QueueUrl=os.environ["RESULTS"], MessageBody=json.dumps(event))
    failures = [{"itemIdentifier": r["messageId"]} for r in event.get("Records", []) if "fail" in r.get("body", "")]
    return {"batchItemFailures": failures}
`;

describe('Lambda event source mappings: SQS, Kinesis, DynamoDB Streams', function () {
  this.timeout(60_000);
  const context = useLambda(['lambda', 'sts', 'sqs', 'kinesis', 'dynamodb', 'dynamodbstreams', 's3']);
  let sqs: SQSClient;
  before(() => {
    sqs = new SQSClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  });
  after(() => sqs.destroy());

  async function queue(attributes: Record<string, string> = {}) {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueName('q'), Attributes: attributes }));
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    return { url: QueueUrl!, arn };
  }
  async function receive(url: string, count: number) {
    const bodies: Record<string, unknown>[] = [];
    const deadline = Date.now() + 20_000;
    while (bodies.length < count && Date.now() < deadline) {
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
      bodies.push(...(out.Messages ?? []).map((m) => JSON.parse(m.Body!)));
      // Read once: a result left on the queue would come back after its visibility timeout (or a jump of the clock).
      const entries = (out.Messages ?? []).map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle }));
      if (entries.length) await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: entries }));
    }
    return bodies;
  }
  /** A one-shard Kinesis stream, its ARN, and a client for it. */
  async function kinesisStream() {
    const kinesis = new KinesisClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    const stream = uniqueName('s');
    await kinesis.send(new CreateStreamCommand({ StreamName: stream, ShardCount: 1 }));
    const arn = (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: stream }))).StreamDescriptionSummary!.StreamARN!;
    return { kinesis, stream, arn };
  }
  async function forwarder(results: string) {
    return createFunction(context.lambda, { 'handler.py': FORWARD }, { Environment: { Variables: { RESULTS: results } }, Timeout: 10 });
  }

  it('SQS: AWS\'s record shape, message attributes, deletion after success', async () => {
    const results = await queue();
    const source = await queue();
    const name = await forwarder(results.url);
    const created = await context.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: source.arn }));
    assert.equal(created.$metadata.httpStatusCode, 202);
    assert.equal(created.State, 'Creating');
    assert.equal(created.BatchSize, 10);
    assert.equal(created.MaximumBatchingWindowInSeconds, 0);
    assert.deepEqual(created.FunctionResponseTypes, []);
    assert.equal(created.StateTransitionReason, 'USER_INITIATED');
    assert.equal(created.EventSourceMappingArn, `arn:aws:lambda:us-east-1:000000000000:event-source-mapping:${created.UUID}`);
    assert.equal((await context.lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State, 'Enabled');
    await sqs.send(
      new SendMessageCommand({ QueueUrl: source.url, MessageBody: '{"foo":"bar"}', MessageAttributes: { Title: { DataType: 'String', StringValue: 'The Whistler' } } }),
    );
    const [event] = await receive(results.url, 1);
    const [record] = (event as { Records: Record<string, unknown>[] }).Records;
    assert.deepEqual(Object.keys(record), ['messageId', 'receiptHandle', 'body', 'attributes', 'messageAttributes', 'md5OfMessageAttributes', 'md5OfBody', 'eventSource', 'eventSourceARN', 'awsRegion']);
    assert.equal(record.body, '{"foo":"bar"}');
    assert.deepEqual(Object.keys(record.attributes as object).sort(), ['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp']);
    assert.deepEqual(record.messageAttributes, { Title: { stringValue: 'The Whistler', stringListValues: [], binaryListValues: [], dataType: 'String' } });
    assert.equal(record.eventSource, 'aws:sqs');
    assert.equal(record.eventSourceARN, source.arn);
    assert.equal(record.awsRegion, 'us-east-1');
    const listed = await context.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: name }));
    assert.deepEqual(listed.EventSourceMappings?.map((m) => m.UUID), [created.UUID]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const left = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: source.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
    assert.equal(left.Attributes?.ApproximateNumberOfMessages, '0');
    assert.equal(left.Attributes?.ApproximateNumberOfMessagesNotVisible, '0');
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }));
  });

  it('SQS: ReportBatchItemFailures keeps the failed message, which the queue then redrives to its DLQ', async () => {
    const results = await queue();
    const dlq = await queue();
    // The visibility timeout must outlast a cold start on a loaded machine, or the successful message comes back too.
    const source = await queue({ VisibilityTimeout: '4', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }) });
    const name = await forwarder(results.url);
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: source.arn, FunctionResponseTypes: ['ReportBatchItemFailures'] }),
    );
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'ok-1' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: 'fail-1' }));
    const deadline = Date.now() + 20_000;
    let dead: string[] = [];
    while (!dead.length && Date.now() < deadline) {
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, WaitTimeSeconds: 1 }));
      dead = (out.Messages ?? []).map((m) => m.Body!);
    }
    assert.deepEqual(dead, ['fail-1']);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
  });

  it('SQS: filter criteria; batch size over 10 needs a batching window', async () => {
    const results = await queue();
    const source = await queue();
    const name = await forwarder(results.url);
    await assert.rejects(
      context.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: source.arn, BatchSize: 11 })),
      (e: LambdaServiceException) => e.message === 'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    );
    await assert.rejects(
      context.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: `${source.arn}-missing` })),
      (e: LambdaServiceException) => e.message.startsWith('Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue.'),
    );
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: source.arn, FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ body: { testItem: ['test24'] } }) }] } }),
    );
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: '{"testItem":"test25"}' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: '{"testItem":"test24"}' }));
    const events = await receive(results.url, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    events.push(...(await receive(results.url, 0)));
    assert.deepEqual(events.flatMap((e) => (e as { Records: { body: string }[] }).Records.map((r) => r.body)), ['{"testItem":"test24"}']);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
  });

  it('SQS: an exists filter looks at leaf values only (an object under the key counts as absent)', async () => {
    const results = await queue();
    const source = await queue();
    const name = await forwarder(results.url);
    const Pattern = JSON.stringify({ body: { key: [{ exists: false }] } });
    const mapping = await context.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: source.arn, BatchSize: 1, FilterCriteria: { Filters: [{ Pattern }] } }));
    for (const body of ['{"key":"leaf"}', '{"key":{"S":"nested"}}', '{"other":1}']) await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: body }));
    const events = await receive(results.url, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    events.push(...(await receive(results.url, 0)));
    const bodies = events.flatMap((e) => (e as { Records: { body: string }[] }).Records.map((r) => r.body)).sort();
    assert.deepEqual(bodies, ['{"key":{"S":"nested"}}', '{"other":1}']);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
  });

  it('Kinesis: records from TRIM_HORIZON in AWS\'s event shape', async () => {
    const results = await queue();
    const { kinesis, stream, arn } = await kinesisStream();
    await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'test_0', Data: Buffer.from('hello') }));
    const name = await forwarder(results.url);
    await assert.rejects(
      context.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: arn })),
      (e: LambdaServiceException) => e.message === "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
    );
    const mapping = await context.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON', BatchSize: 10 }));
    assert.equal(mapping.MaximumRetryAttempts, -1);
    assert.equal(mapping.ParallelizationFactor, 1);
    assert.equal(mapping.LastProcessingResult, 'No records processed');
    const [event] = await receive(results.url, 1);
    const [record] = (event as { Records: Record<string, unknown>[] }).Records;
    const inner = record.kinesis as Record<string, unknown>;
    assert.equal(inner.data, 'aGVsbG8=');
    assert.equal(inner.partitionKey, 'test_0');
    assert.equal(inner.kinesisSchemaVersion, '1.0');
    assert.equal(record.eventName, 'aws:kinesis:record');
    assert.equal(record.eventSource, 'aws:kinesis');
    assert.equal(record.eventID, `shardId-000000000000:${inner.sequenceNumber}`);
    assert.equal(record.invokeIdentityArn, 'arn:aws:iam::000000000000:role/lambda-role');
    assert.equal(record.eventSourceARN, arn);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
    kinesis.destroy();
  });

  it('DynamoDB Streams: item changes reach the function as stream records', async () => {
    const dynamodb = new DynamoDBClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    const results = await queue();
    const table = await dynamodb.send(
      new CreateTableCommand({
        TableName: uniqueName('t'),
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    const name = await forwarder(results.url);
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: table.TableDescription!.LatestStreamArn, StartingPosition: 'LATEST' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await dynamodb.send(new PutItemCommand({ TableName: table.TableDescription!.TableName, Item: { id: { S: 'a' }, n: { N: '1' } } }));
    const [event] = await receive(results.url, 1);
    const [record] = (event as { Records: Record<string, unknown>[] }).Records;
    assert.equal(record.eventName, 'INSERT');
    assert.equal(record.eventSource, 'aws:dynamodb');
    assert.equal(record.eventSourceARN, table.TableDescription!.LatestStreamArn);
    const change = record.dynamodb as Record<string, unknown>;
    assert.deepEqual(change.Keys, { id: { S: 'a' } });
    assert.deepEqual(change.NewImage, { id: { S: 'a' }, n: { N: '1' } });
    assert.equal(typeof change.ApproximateCreationDateTime, 'number');
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
    dynamodb.destroy();
  });
  it('SQS: ScalingConfig.MaximumConcurrency caps concurrent batches; a batching window waits for more messages', async () => {
    const results = await queue();
    const source = await queue();
    const slow = `
import boto3, json, os, time
sqs = boto3.client("sqs")
def handler(event, context):
    start = time.time()
    time.sleep(0.4)
    sqs.send_message(QueueUrl=os.environ["RESULTS"], MessageBody=json.dumps({"start": start, "end": time.time(), "n": len(event["Records"])}))
`;
    const name = await createFunction(context.lambda, { 'handler.py': slow }, { Environment: { Variables: { RESULTS: results.url } }, Timeout: 10 });
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: source.arn, BatchSize: 1, ScalingConfig: { MaximumConcurrency: 2 } }),
    );
    assert.deepEqual(mapping.ScalingConfig, { MaximumConcurrency: 2 });
    for (let i = 0; i < 8; i++) await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: String(i) }));
    const runs = (await receive(results.url, 8)) as { start: number; end: number }[];
    assert.equal(runs.length, 8);
    // The most runs in progress at one moment (at some run's start).
    const overlap = Math.max(...runs.map((r) => runs.filter((o) => o.start <= r.start && r.start < o.end).length));
    assert.equal(overlap, 2, 'two batches at a time, never more');
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));

    const windowed = await context.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: source.arn, BatchSize: 100, MaximumBatchingWindowInSeconds: 2, ScalingConfig: { MaximumConcurrency: 2 } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = Date.now() / 1000;
    for (let i = 0; i < 4; i++) await sqs.send(new SendMessageCommand({ QueueUrl: source.url, MessageBody: String(i) }));
    const batches: { start: number; n: number }[] = [];
    for (let i = 0; i < 10 && batches.reduce((sum, b) => sum + b.n, 0) < 4; i++) batches.push(...((await receive(results.url, 1)) as { start: number; n: number }[]));
    assert.ok(batches[0].start - sent >= 1.5, `the first batch waited for its window (${(batches[0].start - sent).toFixed(2)} s)`);
    assert.ok(batches.length <= 2, JSON.stringify(batches));
    assert.equal(batches.reduce((sum, b) => sum + b.n, 0), 4);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: windowed.UUID }));
  });

  it('Kinesis: ParallelizationFactor runs batches of one shard at once, in order per partition key', async () => {
    const results = await queue();
    const { kinesis, stream, arn } = await kinesisStream();
    const timed = `
import boto3, json, os, time
sqs = boto3.client("sqs")
def handler(event, context):
    started = time.time()
    time.sleep(0.4)
    records = [[r["kinesis"]["partitionKey"], r["kinesis"]["data"]] for r in event["Records"]]
    sqs.send_message(QueueUrl=os.environ["RESULTS"], MessageBody=json.dumps({"records": records, "start": started, "end": time.time()}))
`;
    const name = await createFunction(context.lambda, { 'handler.py': timed }, { Environment: { Variables: { RESULTS: results.url } }, Timeout: 10 });
    const sqsMapping = await queue();
    await assert.rejects(
      context.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: sqsMapping.arn, ParallelizationFactor: 2 })),
      (e: LambdaServiceException) => e.name === 'InvalidParameterValueException' && e.message === 'Unsupported ParallelizationFactor parameter for given event source mapping type.',
    );
    await assert.rejects(
      context.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON', ParallelizationFactor: 11 })),
      (e: LambdaServiceException) => e.name === 'ValidationException' && /Member must have value less than or equal to 10/.test(e.message),
    );
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    for (let i = 0; i < 3; i++) for (const key of keys) await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: key, Data: Buffer.from(`${key}-${i}`) }));
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON', BatchSize: 2, ParallelizationFactor: 5 }),
    );
    assert.equal(mapping.ParallelizationFactor, 5);
    type Batch = { records: [string, string][]; start: number; end: number };
    const batches: Batch[] = [];
    while (batches.flatMap((b) => b.records).length < 18) {
      const got = (await receive(results.url, 1)) as Batch[];
      assert.ok(got.length, 'every record arrives');
      batches.push(...got);
    }
    const seen = batches.sort((a, b) => a.start - b.start).flatMap((b) => b.records);
    for (const key of keys) assert.deepEqual(seen.filter(([k]) => k === key).map(([, data]) => Buffer.from(data, 'base64').toString()), [0, 1, 2].map((i) => `${key}-${i}`));
    assert.ok(batches.every((b) => b.records.length <= 2));
    const overlapping = batches.some((a, i) => batches.some((b, j) => i !== j && a.start < b.end && b.start < a.end));
    assert.ok(overlapping, 'batches of the one shard ran at the same time');
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
    kinesis.destroy();
  });

  it('Kinesis: a tumbling window carries the function\'s state between batches and ends with a final invocation', async () => {
    const results = await queue();
    const { kinesis, stream, arn } = await kinesisStream();
    const aggregate = `
import boto3, json, os
sqs = boto3.client("sqs")
def handler(event, context):
    sqs.send_message(QueueUrl=os.environ["RESULTS"], MessageBody=json.dumps({k: v for k, v in event.items() if k != "Records"} | {"count": len(event["Records"])}))
    return {"state": {"total": event["state"].get("total", 0) + len(event["Records"])}}
`;
    const name = await createFunction(context.lambda, { 'handler.py': aggregate }, { Environment: { Variables: { RESULTS: results.url } }, Timeout: 10 });
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON', BatchSize: 2, TumblingWindowInSeconds: 300 }),
    );
    assert.equal(mapping.TumblingWindowInSeconds, 300);
    for (const data of ['a', 'b', 'c']) await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'k', Data: Buffer.from(data) }));
    const batches = (await receive(results.url, 2)) as Record<string, unknown>[];
    assert.deepEqual(batches.map((b) => [b.count, b.state, b.isFinalInvokeForWindow]), [
      [2, {}, false],
      [1, { total: 2 }, false],
    ]);
    const window = batches[0].window as { start: string; end: string };
    assert.equal(Date.parse(window.end) - Date.parse(window.start), 300_000);
    assert.match(window.start, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(batches[0].shardId, 'shardId-000000000000');
    assert.equal(batches[0].eventSourceARN, arn);
    assert.equal(batches[0].isWindowTerminatedEarly, false);
    await context.aws.advanceClock('6m');
    const [final] = (await receive(results.url, 1)) as Record<string, unknown>[];
    assert.deepEqual([final.count, final.state, final.isFinalInvokeForWindow], [0, { total: 3 }, true]);
    assert.deepEqual(final.window, window);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
    kinesis.destroy();
  });
  it('Kinesis: a failing batch is bisected, then each half goes to the on-failure destination; too old records go there without invoking', async () => {
    const failures = await queue();
    const { kinesis, stream, arn } = await kinesisStream();
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    raise ValueError("no")\n' });
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: name,
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 2,
        MaximumRetryAttempts: 0,
        BisectBatchOnFunctionError: true,
        DestinationConfig: { OnFailure: { Destination: failures.arn } },
      }),
    );
    assert.deepEqual(mapping.DestinationConfig, { OnFailure: { Destination: failures.arn } });
    for (const data of ['a', 'b']) await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'k', Data: Buffer.from(data) }));
    const records = (await receive(failures.url, 2)) as Record<string, Record<string, unknown>>[];
    assert.deepEqual(
      records.map((r) => [r.requestContext.condition, r.KinesisBatchInfo.batchSize, r.responseContext.functionError]),
      [
        ['RetryAttemptsExhausted', 1, 'Unhandled'],
        ['RetryAttemptsExhausted', 1, 'Unhandled'],
      ],
    );
    assert.equal(records[0].KinesisBatchInfo.shardId, 'shardId-000000000000');
    assert.equal(records[0].KinesisBatchInfo.streamArn, arn);
    assert.equal(records[0].requestContext.functionArn, `arn:aws:lambda:us-east-1:000000000000:function:${name}`);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));

    // MaximumRecordAgeInSeconds: records older than that are not retried but reported as RecordAgeExceeded.
    const aged = await context.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: name,
        EventSourceArn: arn,
        StartingPosition: 'LATEST',
        MaximumRecordAgeInSeconds: 60,
        DestinationConfig: { OnFailure: { Destination: failures.arn } },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'k', Data: Buffer.from('c') }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await context.aws.advanceClock('2m');
    const [old] = (await receive(failures.url, 1)) as Record<string, Record<string, unknown>>[];
    assert.equal(old.requestContext.condition, 'RecordAgeExceeded');
    assert.equal(old.KinesisBatchInfo.batchSize, 1);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: aged.UUID }));
    kinesis.destroy();
  });
  it('Kinesis: a filter pattern matches the record\'s data, decoded and parsed, as the top-level `data` key', async () => {
    const results = await queue();
    const { kinesis, stream, arn } = await kinesisStream();
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: await forwarder(results.url),
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 1,
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ data: { event_type: ['wanted'] } }) }] },
      }),
    );
    for (const type of ['other', 'wanted', 'other']) await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'k', Data: Buffer.from(JSON.stringify({ event_type: type })) }));
    await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'k', Data: Buffer.from('{"event_type": "wanted", "last": true}') }));
    const batches = (await receive(results.url, 2)) as { Records: { kinesis: { data: string } }[] }[];
    assert.deepEqual(
      batches.map((b) => JSON.parse(Buffer.from(b.Records[0].kinesis.data, 'base64').toString())),
      [{ event_type: 'wanted' }, { event_type: 'wanted', last: true }],
    );
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
    kinesis.destroy();
  });
  it('Kinesis: records older than MaximumRecordAgeInSeconds are discarded to the destination, the rest of their batch is delivered', async () => {
    const failures = await queue();
    const results = await queue();
    const { kinesis, stream, arn } = await kinesisStream();
    await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'k', Data: Buffer.from('old') }));
    await context.aws.advanceClock('2m');
    for (const data of ['new-1', 'new-2']) await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'k', Data: Buffer.from(data) }));
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: await forwarder(results.url),
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 10,
        MaximumRecordAgeInSeconds: 60,
        DestinationConfig: { OnFailure: { Destination: failures.arn } },
      }),
    );
    const [report] = (await receive(failures.url, 1)) as Record<string, Record<string, unknown>>[];
    // Never invoked with the old record, AWS still counts one attempt; no responseContext.
    assert.deepEqual([report.requestContext.condition, report.requestContext.approximateInvokeCount, report.KinesisBatchInfo.batchSize, report.responseContext], ['RecordAgeExceeded', 1, 1, undefined]);
    const [batch] = (await receive(results.url, 1)) as { Records: { kinesis: { data: string } }[] }[];
    assert.deepEqual(batch.Records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString()), ['new-1', 'new-2']);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
    kinesis.destroy();
  });
  it('Kinesis: an S3 on-failure destination gets an object under aws/lambda/<mapping>/<shard>/<date>/ with the record and the batch', async () => {
    const s3 = new S3Client({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    const bucket = uniqueName('b').toLowerCase();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const { kinesis, stream, arn } = await kinesisStream();
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    raise ValueError("no")\n' });
    const mapping = await context.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: name,
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        MaximumRetryAttempts: 0,
        DestinationConfig: { OnFailure: { Destination: `arn:aws:s3:::${bucket}` } },
      }),
    );
    await kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'k', Data: Buffer.from('payload') }));
    let keys: string[] = [];
    for (const deadline = Date.now() + 20_000; keys.length === 0 && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      keys = ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!);
    }
    assert.equal(keys.length, 1);
    const record = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: keys[0] }))).Body!.transformToString()) as Record<string, Record<string, unknown>>;
    const [date, time] = (record.timestamp as unknown as string).split('T');
    assert.equal(keys[0].slice(0, -37), `aws/lambda/${mapping.UUID}/shardId-000000000000/${date.replaceAll('-', '/')}/${date}T${time.slice(0, 8).replaceAll(':', '.')}`);
    assert.match(keys[0].slice(-37), /^-[0-9a-f-]{36}$/);
    assert.deepEqual([record.requestContext.condition, record.requestContext.approximateInvokeCount, record.responseContext.functionError], ['RetryAttemptsExhausted', 1, 'Unhandled']);
    assert.equal(record.KinesisBatchInfo.batchSize, 1);
    const events = (record.payload as { Records: { kinesis: { data: string }; eventSourceARN: string }[] }).Records;
    assert.deepEqual(events.map((e) => [Buffer.from(e.kinesis.data, 'base64').toString(), e.eventSourceARN]), [['payload', arn]]);
    await context.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
    kinesis.destroy();
    s3.destroy();
  });
});
