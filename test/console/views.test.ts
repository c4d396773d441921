import assert from 'node:assert/strict';
import { CreateLogGroupCommand, CreateLogStreamCommand, CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, GetObjectCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { zipSync, strToU8 } from 'fflate';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the console's JSON answers, checked member by member
type Json = Record<string, any>;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const SCOPE = { accountId: '000000000000', region: 'us-east-1' };

/** The services' console views run through the console's API, on resources made and checked with the AWS SDK v3. */
describe('web console: service views', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  const client = <C>(Client: new (config: object) => C): C => new Client({ endpoint: aws.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  const action = async (service: string, path: string[], args: { item?: unknown; parent?: unknown; fields?: object; cursor?: unknown }) => {
    const response = await fetch(`${aws.endpoint}/_twinstack/ui/api/action`, { method: 'POST', body: JSON.stringify({ service, action: path, ...args, ...SCOPE }) });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const blocks = async (service: string, path: string[], args: Parameters<typeof action>[2]) => {
    const { status, body } = await action(service, path, args);
    assert.equal(status, 200, body.message);
    return body.blocks as Json[];
  };

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['dynamodb', 's3', 'logs', 'lambda', 'stepfunctions', 'sqs', 'ssm', 'sts', 'kinesis'] });
  });
  after(() => aws.stop());

  it('marks server-run actions in the view the page gets, and refuses unknown or one-operation actions', async () => {
    const { view } = (await (await fetch(`${aws.endpoint}/_twinstack/ui/api/view?service=dynamodb`)).json()) as Json;
    const scan = view.actions.find((a: Json) => a.label === 'Scan');
    assert.equal(scan.rowActions.find((a: Json) => a.label === 'Delete').run, true);
    assert.equal((await action('dynamodb', ['Scan', 'Nope'], {})).status, 404);
    assert.equal((await action('dynamodb', ['Describe'], { item: 't' })).status, 400);
    assert.equal((await action('dynamodb', 'Scan' as never, {})).status, 400);
    assert.equal((await action('kms', ['Scan'], {})).status, 404);
  });

  it('DynamoDB: deletes a scanned item by its key, answering AWS errors as errors', async () => {
    const ddb = client(DynamoDBClient);
    await ddb.send(new CreateTableCommand({ TableName: 'orders', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }], BillingMode: 'PAY_PER_REQUEST' }));
    const item = { pk: { S: 'a' }, sk: { N: '1' }, note: { S: 'to delete' } };
    await ddb.send(new PutItemCommand({ TableName: 'orders', Item: item }));
    const [deleted] = await blocks('dynamodb', ['Scan', 'Delete'], { item, parent: 'orders' });
    assert.deepEqual(deleted.value, { pk: { S: 'a' }, sk: { N: '1' } });
    assert.equal((await ddb.send(new GetItemCommand({ TableName: 'orders', Key: deleted.value }))).Item, undefined);
    const missing = await action('dynamodb', ['Scan', 'Delete'], { item, parent: 'absent' });
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /^ResourceNotFoundException: /);
  });

  it('S3: uploads a file, downloads it, and downloads an older version', async () => {
    const s3 = client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: 'console-files' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'console-files', VersioningConfiguration: { Status: 'Enabled' } }));
    const bytes = Buffer.from([0, 1, 2, 250, 255, 10]);
    const [uploaded] = await blocks('s3', ['Upload'], { item: { Name: 'console-files' }, fields: { File: { name: 'data.bin', type: 'application/x-test', base64: bytes.toString('base64') }, Key: 'dir/data.bin' } });
    const first = uploaded.value.VersionId;
    assert.ok(first);
    const stored = await s3.send(new GetObjectCommand({ Bucket: 'console-files', Key: 'dir/data.bin' }));
    assert.deepEqual(Buffer.from(await stored.Body!.transformToByteArray()), bytes);
    assert.equal(stored.ContentType, 'application/x-test');
    await s3.send(new PutObjectCommand({ Bucket: 'console-files', Key: 'dir/data.bin', Body: 'second' }));
    const [latest] = await blocks('s3', ['Objects', 'Download'], { item: { Key: 'dir/data.bin' }, parent: { Name: 'console-files' } });
    assert.deepEqual({ kind: latest.kind, name: latest.name, text: Buffer.from(latest.base64, 'base64').toString() }, { kind: 'download', name: 'data.bin', text: 'second' });
    const [older] = await blocks('s3', ['Versions', 'Download'], { item: { Key: 'dir/data.bin', VersionId: first }, parent: { Name: 'console-files' } });
    assert.deepEqual(Buffer.from(older.base64, 'base64'), bytes);
    assert.equal((await action('s3', ['Upload'], { item: { Name: 'console-files' }, fields: {} })).status, 400);
    await s3.send(new PutObjectCommand({ Bucket: 'console-files', Key: 'top.txt', Body: 'top' }));
    const [rootFolders, rootObjects] = await blocks('s3', ['Objects'], { item: { Name: 'console-files' }, fields: {} });
    assert.deepEqual(rootFolders.output.folders, [{ Prefix: 'dir/', Name: 'dir/' }]);
    assert.deepEqual(rootObjects.output.Contents.map((o: Json) => o.Key), ['top.txt']);
    const [inDir, dirObjects] = await blocks('s3', ['Objects'], { item: { Name: 'console-files' }, fields: { Prefix: 'dir/' } });
    assert.deepEqual(inDir.output.folders, [{ Prefix: '', Name: '..' }]);
    assert.deepEqual(dirObjects.output.Contents.map((o: Json) => o.Key), ['dir/data.bin']);
  });

  it('Logs: a tail shows recent events, then only those that arrive after', async () => {
    const logs = client(CloudWatchLogsClient);
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/app/orders' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/app/orders', logStreamName: 's1' }));
    const now = aws.clock.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: '/app/orders', logStreamName: 's1', logEvents: [{ timestamp: now - 2 * 3600_000, message: 'too old' }, { timestamp: now, message: 'first' }] }));
    const item = { logGroupName: '/app/orders' };
    const tail = await action('logs', ['Tail'], { item, fields: {} });
    const messages = (body: Json) => body.blocks[0].output.events.map((e: Json) => e.message);
    assert.deepEqual(messages(tail.body), ['first']);
    await logs.send(new PutLogEventsCommand({ logGroupName: '/app/orders', logStreamName: 's1', logEvents: [{ timestamp: now, message: 'same time' }, { timestamp: now + 5, message: 'later' }] }));
    const next = await action('logs', ['Tail'], { item, fields: {}, cursor: tail.body.cursor });
    assert.deepEqual(messages(next.body), ['same time', 'later']);
    const quiet = await action('logs', ['Tail'], { item, fields: {}, cursor: next.body.cursor });
    assert.deepEqual(messages(quiet.body), []);
  });

  it('Lambda: invokes with a payload and shows the result and the log', async () => {
    const code = zipSync({ 'handler.py': strToU8('def handler(event, context):\n    print("got", event["n"])\n    return {"double": event["n"] * 2}\n') });
    await client(LambdaClient).send(new CreateFunctionCommand({ FunctionName: 'doubler', Runtime: 'python3.12', Handler: 'handler.handler', Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: code } }));
    const [result, payload, log] = await blocks('lambda', ['Invoke'], { item: { FunctionName: 'doubler' }, fields: { Payload: '{"n": 21}' } });
    assert.equal(result.value.StatusCode, 200);
    assert.deepEqual(payload.value, { double: 42 });
    assert.match(log.text, /got 21/);
  });

  it('Step Functions: draws the graph with every state, escaped, and an execution path', async () => {
    const sfn = client(SFNClient);
    const definition = {
      StartAt: 'Check <&>',
      States: {
        'Check <&>': { Type: 'Choice', Choices: [{ Variable: '$.go', BooleanEquals: true, Next: 'Both' }], Default: 'Stop' },
        Both: { Type: 'Parallel', Branches: [{ StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } }, { StartAt: 'Right', States: { Right: { Type: 'Pass', End: true } } }], Next: 'Done', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Stop' }] },
        Done: { Type: 'Succeed' },
        Stop: { Type: 'Fail', Error: 'Stopped' },
      },
    };
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'graph', definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::000000000000:role/r' }));
    const [graph] = await blocks('stepfunctions', ['Graph'], { item: { stateMachineArn } });
    assert.equal(graph.kind, 'svg');
    for (const name of ['Check &#60;&#38;&#62;', 'Both', 'Left', 'Right', 'Done', 'Stop']) assert.ok(graph.svg.includes(`data-state="${name}"`), name);
    assert.doesNotMatch(graph.svg, /<&>/);
    assert.equal(graph.svg.match(/class="edge catch"/g)?.length, 1);
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"go": false}' }));
    for (let i = 0; i < 100 && (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status === 'RUNNING'; i++) await new Promise((r) => setTimeout(r, 20));
    const [path, history] = await blocks('stepfunctions', ['Executions', 'Path'], { item: { executionArn }, parent: { stateMachineArn } });
    assert.match(path.title, /: FAILED$/);
    assert.match(path.svg, /<title>Check &#60;&#38;&#62; \(Choice\) \(visited\)<\/title>/);
    assert.match(path.svg, /<title>Stop \(Fail\) \(failed\)<\/title>/);
    assert.match(path.svg, /<title>Both \(Parallel\) \(not visited\)<\/title>/);
    assert.deepEqual(history.output.events.map((e: Json) => e.type), ['ExecutionStarted', 'ChoiceStateEntered', 'ChoiceStateExited', 'FailStateEntered', 'ExecutionFailed']);
  });

  it('Kinesis: puts a record and reads the oldest records of every shard as text', async () => {
    const kinesis = client(KinesisClient);
    await kinesis.send(new CreateStreamCommand({ StreamName: 'clicks', ShardCount: 2 }));
    const { StreamSummaries } = (await (await fetch(`${aws.endpoint}/_twinstack/ui/api/call`, { method: 'POST', body: JSON.stringify({ service: 'kinesis', operation: 'ListStreams', input: {}, ...SCOPE }) })).json()).output;
    const item = StreamSummaries.find((s: Json) => s.StreamName === 'clicks');
    await kinesis.send(new PutRecordCommand({ StreamName: 'clicks', PartitionKey: 'a', Data: Buffer.from('from the sdk') }));
    const [put] = await blocks('kinesis', ['Put record'], { item, fields: { PartitionKey: 'b', Data: 'from the console' } });
    assert.match(put.value.ShardId, /^shardId-/);
    const [read] = await blocks('kinesis', ['Read'], { item });
    assert.deepEqual(read.output.records.map((r: Json) => r.Data).sort(), ['from the console', 'from the sdk']);
    assert.deepEqual(new Set(read.output.records.map((r: Json) => r.PartitionKey)), new Set(['a', 'b']));
  });
});
