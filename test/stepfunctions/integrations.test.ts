import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CloudWatchLogsClient, CreateLogGroupCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  GetActivityTaskCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  DescribeMapRunCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { CreateTopicCommand, DeleteTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { strToU8, zipSync } from 'fflate';
import { finished, machine, ROLE, run, shape, useSfn } from './support.ts';

// Service integrations run for real through twinstack's other services; shapes from AWS's documentation and the
// AWS-recorded histories in shared/reference/aws-snapshots/stepfunctions (LocalStack's suite).
describe('Step Functions service integrations (SDK v3)', function () {
  this.timeout(60_000);
  const ctx = useSfn(['stepfunctions', 'lambda', 'sqs', 'sns', 'dynamodb', 'events', 's3', 'logs', 'sts', 'iam']);
  let lambda: LambdaClient;
  let sqs: SQSClient;
  let echo: string;
  let failing: string;

  before(async () => {
    lambda = new LambdaClient(ctx.options);
    sqs = new SQSClient(ctx.options);
    const create = async (name: string, code: string) => {
      const out = await lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Role: 'arn:aws:iam::000000000000:role/lambda-role',
          Code: { ZipFile: zipSync({ 'index.js': strToU8(code) }) },
        }),
      );
      return out.FunctionArn!;
    };
    echo = await create('sfn-echo', 'exports.handler = async (event) => ({ echoed: event });');
    failing = await create('sfn-fail', "exports.handler = async () => { const e = new Error('boom'); e.name = 'CustomError'; throw e; };");
  });
  after(() => {
    lambda.destroy();
    sqs.destroy();
  });

  it('invokes a Lambda function by ARN and by lambda:invoke, with AWS history events for each', async () => {
    const direct = await run(ctx, { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: echo, End: true } } }, { n: 1 });
    assert.equal(direct.described.status, 'SUCCEEDED');
    assert.deepEqual(direct.output, { echoed: { n: 1 } });
    assert.deepEqual(shape(direct.events), [
      '1/0 ExecutionStarted',
      '2/0 TaskStateEntered',
      '3/2 LambdaFunctionScheduled',
      '4/3 LambdaFunctionStarted',
      '5/4 LambdaFunctionSucceeded',
      '6/5 TaskStateExited',
      '7/6 ExecutionSucceeded',
    ]);
    const optimized = await run(
      ctx,
      { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: echo, 'Payload.$': '$' }, ResultSelector: { 'p.$': '$.Payload', 'code.$': '$.StatusCode' }, End: true } } },
      { n: 2 },
    );
    assert.deepEqual(optimized.output, { p: { echoed: { n: 2 } }, code: 200 });
    const scheduled = optimized.events.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!;
    assert.deepEqual({ ...scheduled, parameters: JSON.parse(scheduled.parameters!) }, { resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters: { FunctionName: echo, Payload: { n: 2 } } });
  });

  it('fails with the function error and catches it by name; an unknown function is Lambda.ResourceNotFoundException', async () => {
    const caught = await run(ctx, {
      StartAt: 'Call',
      States: {
        Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: failing }, Catch: [{ ErrorEquals: ['CustomError'], ResultPath: '$.error', Next: 'Handled' }], End: true },
        Handled: { Type: 'Pass', End: true },
      },
    });
    assert.equal(caught.described.status, 'SUCCEEDED');
    const error = (caught.output as { error: { Error: string; Cause: string } }).error;
    assert.equal(error.Error, 'CustomError');
    assert.equal(JSON.parse(error.Cause).errorMessage, 'boom');
    const missing = await run(ctx, { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'no-such-fn' }, End: true } } });
    assert.equal(missing.described.status, 'FAILED');
    assert.equal(missing.described.error, 'Lambda.ResourceNotFoundException');
    assert.match(missing.described.cause!, /\(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]+; Proxy: null\)$/);
    // A Python function's error payload (`{"errorMessage": ...}`, Python's spacing): lambda:invoke passes it on
    // re-serialized compactly, a Task whose Resource is the function as the function wrote it.
    const { FunctionArn } = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'sfn-raise-py',
        Runtime: 'python3.12',
        Handler: 'handler.handler',
        Role: 'arn:aws:iam::000000000000:role/lambda-role',
        Code: { ZipFile: zipSync({ 'handler.py': strToU8('def handler(event, context):\n    raise Exception("Some exception was raised.")\n') }) },
      }),
    );
    const invoked = await run(ctx, { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: FunctionArn }, End: true } } });
    assert.match(invoked.described.cause!, /^\{"errorMessage":"Some exception was raised\.","errorType":"Exception",/);
    const direct = await run(ctx, { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: FunctionArn!, End: true } } });
    assert.match(direct.described.cause!, /^\{"errorMessage": "Some exception was raised\.", "errorType": "Exception", /);
  });

  it('retries with backoff on the emulator clock, then succeeds through a Catch-free path', async () => {
    const stateMachineArn = await machine(ctx, {
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: failing, Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 3600, MaxAttempts: 2, BackoffRate: 2 }], End: true } },
    });
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    await new Promise((r) => setTimeout(r, 300));
    await ctx.aws.advanceClock('1h');
    await new Promise((r) => setTimeout(r, 300));
    await ctx.aws.advanceClock('2h');
    const described = await finished(ctx, executionArn!);
    assert.equal(described.status, 'FAILED');
    assert.equal(described.error, 'CustomError');
  });

  it('sends to SQS and publishes to SNS with the results AWS shapes (MessageId, SdkHttpMetadata)', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'sfn-out' }));
    const result = await run(ctx, {
      StartAt: 'Send',
      States: { Send: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl, MessageBody: { hello: 'world' } }, End: true } },
    });
    const output = result.output as { MessageId: string; MD5OfMessageBody: string; SdkHttpMetadata: { HttpStatusCode: number }; SdkResponseMetadata: { RequestId: string } };
    assert.match(output.MessageId, /^[0-9a-f-]{36}$/);
    assert.equal(output.SdkHttpMetadata.HttpStatusCode, 200);
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    assert.deepEqual(JSON.parse(received.Messages![0].Body!), { hello: 'world' });
    const noQueue = await run(ctx, {
      StartAt: 'Send',
      States: { Send: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl, MessageBody: 'x', DelaySeconds: 1000 }, End: true } },
    });
    assert.equal(noQueue.described.error, 'SQS.AmazonSQSException');
  });

  it("reports each service's answer as AWS sent it (SdkHttpMetadata) and names its errors by their wire codes", async () => {
    type Metadata = { SdkHttpMetadata: { HttpHeaders: Record<string, string>; AllHttpHeaders: Record<string, string[]> }; SdkResponseMetadata: { RequestId: string } };
    const sns = new SNSClient(ctx.options);
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'sfn-meta.fifo', Attributes: { FifoTopic: 'true' } }));
    const publish = (parameters: object) => run(ctx, { StartAt: 'P', States: { P: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn, Message: 'hi', ...parameters }, End: true } } });
    // SNS answers in XML: 294 bytes for a MessageId and a request id, 58 more with a FIFO topic's SequenceNumber.
    const fifo = (await publish({ MessageGroupId: 'g', MessageDeduplicationId: 'd' })).output as Metadata & { SequenceNumber: string };
    assert.equal(fifo.SdkHttpMetadata.HttpHeaders['Content-Type'], 'text/xml');
    assert.equal(fifo.SdkHttpMetadata.HttpHeaders['Content-Length'], '352');
    assert.deepEqual(fifo.SdkHttpMetadata.AllHttpHeaders['x-amzn-RequestId'], [fifo.SdkResponseMetadata.RequestId]);
    const noGroup = await publish({});
    assert.equal(noGroup.described.error, 'SNS.InvalidParameterException');
    assert.match(noGroup.described.cause!, /^Invalid parameter: The MessageGroupId parameter is required for FIFO topics \(Service: AmazonSNS; Status Code: 400; Error Code: InvalidParameter; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
    await sns.send(new DeleteTopicCommand({ TopicArn }));
    const gone = await publish({ MessageGroupId: 'g' });
    assert.match(gone.described.cause!, /^Topic does not exist \(Service: AmazonSNS; Status Code: 404; Error Code: NotFound; /);
    sns.destroy();

    const dynamodb = new DynamoDBClient(ctx.options);
    await dynamodb.send(new CreateTableCommand({ TableName: 'sfn-meta', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
    const item = { id: { S: 'id1' }, data: { S: 'HelloWorld' } };
    const put = await run(ctx, {
      StartAt: 'Put',
      States: {
        Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'sfn-meta', Item: item }, ResultPath: '$.put', Next: 'Get' },
        Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'sfn-meta', Key: { id: { S: 'id1' } } }, ResultPath: '$.get', End: true },
      },
    });
    const { put: written, get: read } = put.output as { put: Metadata; get: Metadata & { Item: object } };
    assert.equal(written.SdkHttpMetadata.HttpHeaders['Content-Length'], '2');
    assert.equal(written.SdkHttpMetadata.HttpHeaders.Server, 'Server');
    assert.match(written.SdkHttpMetadata.HttpHeaders['x-amz-crc32'], /^\d+$/);
    assert.equal(written.SdkHttpMetadata.HttpHeaders['x-amzn-RequestId'], written.SdkResponseMetadata.RequestId);
    // A read's answer names its request id header in lower case, and its length is the item's JSON.
    assert.equal(read.SdkHttpMetadata.HttpHeaders['x-amzn-requestid'], read.SdkResponseMetadata.RequestId);
    assert.equal(read.SdkHttpMetadata.HttpHeaders['Content-Length'], String(JSON.stringify({ Item: read.Item }).length));
    // An error of no modelled shape: the client's generic exception, AmazonDynamoDBException (not ...v2Exception).
    const invalid = await run(ctx, { StartAt: 'Put', States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: '/invalid', Item: item }, End: true } } });
    assert.equal(invalid.described.error, 'DynamoDB.AmazonDynamoDBException');
    assert.match(invalid.described.cause!, /\(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException; /);
    dynamodb.destroy();

    // A null MessageBody is no MessageBody: SQS refuses the request.
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'sfn-meta' }));
    const empty = await run(ctx, { StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl, 'MessageBody.$': '$.body' }, End: true } } }, { body: null });
    assert.equal(empty.described.error, 'SQS.AmazonSQSException');
    assert.match(empty.described.cause!, /^The request must contain the parameter MessageBody\. \(Service: AmazonSQS; Status Code: 400; Error Code: MissingParameter; /);
  });

  it('puts and gets DynamoDB items and puts EventBridge events', async () => {
    const dynamodb = new DynamoDBClient(ctx.options);
    await dynamodb.send(new CreateTableCommand({ TableName: 'sfn-table', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
    const result = await run(ctx, {
      StartAt: 'Put',
      States: {
        Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'sfn-table', Item: { id: { S: 'id1' }, data: { 'S.$': '$.data' } } }, ResultPath: null, Next: 'Get' },
        Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'sfn-table', Key: { id: { S: 'id1' } } }, OutputPath: '$.Item', Next: 'Events' },
        Events: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [{ Source: 'sfn.test', DetailType: 'done', Detail: { ok: true } }] }, ResultPath: '$.events', End: true },
      },
    }, { data: 'HelloWorld' });
    const output = result.output as { data: { S: string }; events: { FailedEntryCount: number; Entries: { EventId: string }[] } };
    assert.deepEqual(output.data, { S: 'HelloWorld' });
    assert.equal(output.events.FailedEntryCount, 0);
    const item = await dynamodb.send(new GetItemCommand({ TableName: 'sfn-table', Key: { id: { S: 'id1' } } }));
    assert.equal(item.Item!.data.S, 'HelloWorld');
    const noTable = await run(ctx, { StartAt: 'Put', States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'nope', Item: { id: { S: '1' } } }, End: true } } });
    assert.equal(noTable.described.error, 'DynamoDB.ResourceNotFoundException');
    dynamodb.destroy();
  });

  it('puts EventBridge events naming the state machine and execution, and fails the task on a refused entry', async () => {
    const events = new EventBridgeClient(ctx.options);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'sfn-events-out' }));
    const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const policy = { Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn }] };
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: JSON.stringify(policy) } }));
    await events.send(new PutRuleCommand({ Name: 'sfn-events', EventPattern: JSON.stringify({ source: ['sfn.events'] }) }));
    await events.send(new PutTargetsCommand({ Rule: 'sfn-events', Targets: [{ Id: 'q', Arn: queueArn }] }));
    const put = (Detail: unknown) => run(ctx, { StartAt: 'E', States: { E: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [{ Source: 'sfn.events', DetailType: 't', Detail, Resources: ['r1'] }] }, End: true } } });
    const ok = await put({ n: 1 });
    assert.equal(ok.described.status, 'SUCCEEDED', ok.described.cause);
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
    assert.deepEqual(JSON.parse(received.Messages![0].Body!).resources, ['r1', ok.described.stateMachineArn, ok.described.executionArn]);
    const refused = await put('"jsonstring"');
    assert.equal(refused.described.error, 'EventBridge.FailedEntry');
    assert.deepEqual(JSON.parse(refused.described.cause!), { FailedEntryCount: 1, Entries: [{ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' }] });
    events.destroy();
  });

  it('calls any served API through aws-sdk:* with PascalCase members, and names its errors as AWS does', async () => {
    const ok = await run(ctx, {
      StartAt: 'Create',
      States: {
        Create: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sqs:createQueue', Parameters: { QueueName: 'via-sdk' }, Next: 'Describe' },
        Describe: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sfn:listStateMachines', Parameters: {}, ResultSelector: { 'count.$': 'States.ArrayLength($.StateMachines)' }, End: true },
      },
    });
    assert.equal(ok.described.status, 'SUCCEEDED', ok.described.cause);
    assert.ok((ok.output as { count: number }).count > 0);
    const failed = await run(ctx, { StartAt: 'List', States: { List: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:listObjects', Parameters: { Bucket: 'no-such-bucket-sfn' }, End: true } } });
    assert.equal(failed.described.error, 'S3.NoSuchBucketException');
    assert.match(failed.described.cause!, /^The specified bucket does not exist \(Service: S3, Status Code: 404, Request ID: [^)]+\) \(SDK Attempt Count: 1\)$/);
    // A JSON object where the API takes text (StartExecution's input) goes as its JSON text.
    const target = await machine(ctx, { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const started = await run(ctx, { StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sfn:startExecution', Parameters: { StateMachineArn: target, Input: { key: 'value' } }, End: true } } });
    assert.equal(started.described.status, 'SUCCEEDED', started.described.cause);
    const child = await finished(ctx, (started.output as { ExecutionArn: string }).ExecutionArn);
    assert.deepEqual(JSON.parse(child.input!), { key: 'value' });
  });

  it("invokes with lambda:invoke as AWS does: a null Payload is Lambda's empty event, the log tail when asked, Lambda's headers", async () => {
    const result = await run(ctx, { StartAt: 'I', States: { I: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: echo, Payload: null, LogType: 'Tail' }, End: true } } });
    assert.equal(result.described.status, 'SUCCEEDED', result.described.cause);
    const output = result.output as { Payload: unknown; LogResult: string; SdkHttpMetadata: { HttpHeaders: Record<string, string> }; SdkResponseMetadata: { RequestId: string } };
    assert.deepEqual(output.Payload, { echoed: {} });
    assert.ok(Buffer.from(output.LogResult, 'base64').toString('utf8').includes('START RequestId'));
    const headers = output.SdkHttpMetadata.HttpHeaders;
    assert.equal(headers['Content-Type'], 'application/json');
    assert.equal(headers['Content-Length'], String(JSON.stringify({ echoed: {} }).length));
    assert.equal(headers['X-Amz-Executed-Version'], '$LATEST');
    assert.equal(headers['X-Amz-Log-Result'], output.LogResult);
    assert.equal(headers['x-amzn-Remapped-Content-Length'], '0');
    assert.match(headers['X-Amzn-Trace-Id'], /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=0$/);
    assert.equal(headers['x-amzn-RequestId'], output.SdkResponseMetadata.RequestId);
  });

  it('puts an S3 object through aws-sdk:s3 as the JSON text of the body given, text/plain, with the SDK default CRC32', async () => {
    const s3 = new S3Client({ ...ctx.options, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'sfn-sdk-put' }));
    for (const [key, body, stored] of [['text', 'text data', '"text data"'], ['dict', { Dict: 'Value' }, '{"Dict":"Value"}'], ['num', 0, '0']] as const) {
      const put = await run(ctx, { StartAt: 'Put', States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:putObject', Parameters: { Bucket: 'sfn-sdk-put', Key: key, 'Body.$': '$.body' }, End: true } } }, { body });
      assert.equal(put.described.status, 'SUCCEEDED', put.described.cause);
      assert.equal((put.output as { ChecksumType: string }).ChecksumType, 'FULL_OBJECT');
      assert.match((put.output as { ChecksumCRC32: string }).ChecksumCRC32, /^[A-Za-z0-9+/]{6}==$/);
      const object = await s3.send(new GetObjectCommand({ Bucket: 'sfn-sdk-put', Key: key }));
      assert.equal(await object.Body!.transformToString(), stored);
      assert.equal(object.ContentType, 'text/plain; charset=UTF-8');
    }
    s3.destroy();
  });

  it('starts a child execution and waits for it with .sync (text output) and .sync:2 (JSON output)', async () => {
    const child = await machine(ctx, { StartAt: 'P', States: { P: { Type: 'Pass', Result: { from: 'child' }, End: true } } });
    for (const [suffix, parsed] of [['.sync', false], ['.sync:2', true]] as const) {
      const parent = await run(ctx, {
        StartAt: 'Start',
        States: { Start: { Type: 'Task', Resource: `arn:aws:states:::states:startExecution${suffix}`, Parameters: { StateMachineArn: child, Input: { a: 1 } }, End: true } },
      });
      assert.equal(parent.described.status, 'SUCCEEDED', parent.described.cause);
      const output = parent.output as { Output: unknown; Status: string; Input: unknown };
      assert.equal(output.Status, 'SUCCEEDED');
      assert.deepEqual(output.Output, parsed ? { from: 'child' } : JSON.stringify({ from: 'child' }));
      assert.deepEqual(
        shape(parent.events).map((s) => s.split(' ')[1]),
        ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded'],
      );
    }
  });

  it('waits for a task token sent through SQS, then SendTaskSuccess; SendTaskFailure fails it; heartbeats keep it alive', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'sfn-callbacks' }));
    const stateMachineArn = await machine(ctx, {
      StartAt: 'Wait',
      States: {
        Wait: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', HeartbeatSeconds: 600, Parameters: { QueueUrl, MessageBody: { 'token.$': '$$.Task.Token', 'input.$': '$' } }, End: true },
      },
    });
    const token = async () => {
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
      return JSON.parse(out.Messages![0].Body!) as { token: string; input: unknown };
    };
    const first = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":1}' }));
    const message = await token();
    assert.deepEqual(message.input, { n: 1 });
    await ctx.sfn.send(new SendTaskHeartbeatCommand({ taskToken: message.token }));
    await ctx.sfn.send(new SendTaskSuccessCommand({ taskToken: message.token, output: '{"done":true}' }));
    const done = await finished(ctx, first.executionArn!);
    assert.equal(done.output, '{"done":true}');
    await assert.rejects(ctx.sfn.send(new SendTaskSuccessCommand({ taskToken: message.token, output: '{}' })), { name: 'TaskTimedOut' });
    await assert.rejects(ctx.sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })), { name: 'InvalidToken' });

    const second = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":2}' }));
    await ctx.sfn.send(new SendTaskFailureCommand({ taskToken: (await token()).token, error: 'MyError', cause: 'because' }));
    const failed = await finished(ctx, second.executionArn!);
    assert.deepEqual([failed.status, failed.error, failed.cause], ['FAILED', 'MyError', 'because']);

    const third = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":3}' }));
    await token();
    await ctx.aws.advanceClock('11m');
    const timedOut = await finished(ctx, third.executionArn!);
    assert.deepEqual([timedOut.status, timedOut.error], ['FAILED', 'States.HeartbeatTimeout']);
  });

  it('hands activity tasks to GetActivityTask workers', async () => {
    const { activityArn } = await ctx.sfn.send(new CreateActivityCommand({ name: 'sfn-activity' }));
    const stateMachineArn = await machine(ctx, { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 300, End: true } } });
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"job":7}' }));
    const task = await ctx.sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'worker-1' }));
    assert.equal(task.input, '{"job":7}');
    await ctx.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"result":49}' }));
    const done = await finished(ctx, executionArn!);
    assert.equal(done.output, '{"result":49}');
  });

  it('calls an HTTP endpoint with the HTTP Task', async () => {
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(req.url?.startsWith('/fail') ? 503 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, url: req.url, body: body ? JSON.parse(body) : null }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const task = (path: string) => ({
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::http:invoke', Parameters: { ApiEndpoint: `${base}${path}`, Method: 'POST', QueryParameters: { q: '1' }, RequestBody: { a: 1 }, Authentication: { ConnectionArn: 'arn:aws:events:us-east-1:000000000000:connection/c/1' } }, End: true } },
    });
    const ok = await run(ctx, task('/ok'));
    assert.deepEqual((ok.output as { ResponseBody: unknown }).ResponseBody, { method: 'POST', url: '/ok?q=1', body: { a: 1 } });
    const failed = await run(ctx, task('/fail'));
    assert.equal(failed.described.error, 'States.Http.StatusCode.503');
    server.close();
  });

  it('runs a distributed Map over a CSV object in S3, batching items and writing results back', async () => {
    const s3 = new S3Client({ ...ctx.options, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'sfn-items' }));
    await s3.send(new PutObjectCommand({ Bucket: 'sfn-items', Key: 'in.csv', Body: 'name,qty\na,1\nb,2\nc,3\n' }));
    const result = await run(ctx, {
      StartAt: 'Map',
      States: {
        Map: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'sfn-items', Key: 'in.csv' } },
          ItemBatcher: { MaxItemsPerBatch: 2 },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Count', States: { Count: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($.Items)' }, End: true } } },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'sfn-items', Prefix: 'out' } },
          End: true,
        },
      },
    });
    assert.equal(result.described.status, 'SUCCEEDED', result.described.cause);
    // AWS's histories since 2024-11: MapStateExited links to MapRunStarted, MapStateSucceeded to MapRunSucceeded.
    assert.deepEqual(shape(result.events).slice(3, 7), ['4/3 MapRunStarted', '5/4 MapRunSucceeded', '6/5 MapStateSucceeded', '7/4 MapStateExited']);
    const output = result.output as { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } };
    const manifest = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: 'sfn-items', Key: output.ResultWriterDetails.Key }))).Body!.transformToString());
    const succeeded = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: 'sfn-items', Key: manifest.ResultFiles.SUCCEEDED[0].Key }))).Body!.transformToString());
    assert.deepEqual(succeeded.map((r: { Output: string }) => JSON.parse(r.Output)), [{ n: 2 }, { n: 1 }]);
    const runs = await ctx.sfn.send(new ListMapRunsCommand({ executionArn: result.executionArn }));
    assert.equal(runs.mapRuns![0].mapRunArn, output.MapRunArn);
    const described = await ctx.sfn.send(new DescribeMapRunCommand({ mapRunArn: output.MapRunArn }));
    assert.deepEqual([described.status, described.itemCounts!.succeeded, described.itemCounts!.total], ['SUCCEEDED', 2, 2]);
    const children = await ctx.sfn.send(new ListExecutionsCommand({ mapRunArn: output.MapRunArn }));
    assert.equal(children.executions!.length, 2);
    s3.destroy();
  });

  it('is started by an EventBridge rule target, and logs its history to CloudWatch Logs', async () => {
    const logs = new CloudWatchLogsClient(ctx.options);
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/sfn/logged' }));
    const { stateMachineArn } = await ctx.sfn.send(
      new CreateStateMachineCommand({
        name: 'from-events',
        roleArn: ROLE,
        definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
        loggingConfiguration: { level: 'ALL', includeExecutionData: true, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:/sfn/logged:*' } }] },
      }),
    );
    const events = new EventBridgeClient(ctx.options);
    await events.send(new PutRuleCommand({ Name: 'to-sfn', EventPattern: JSON.stringify({ source: ['my.app'] }) }));
    await events.send(new PutTargetsCommand({ Rule: 'to-sfn', Targets: [{ Id: 'sfn', Arn: stateMachineArn, RoleArn: 'arn:aws:iam::000000000000:role/events' }] }));
    await events.send(new PutEventsCommand({ Entries: [{ Source: 'my.app', DetailType: 'go', Detail: '{"x":1}' }] }));
    let executions: { executionArn?: string }[] = [];
    for (let i = 0; i < 100 && executions.length === 0; i++) {
      executions = (await ctx.sfn.send(new ListExecutionsCommand({ stateMachineArn }))).executions!;
      if (!executions.length) await new Promise((r) => setTimeout(r, 50));
    }
    const done = await finished(ctx, executions[0].executionArn!);
    assert.deepEqual(JSON.parse(done.input!).detail, { x: 1 });
    let messages: string[] = [];
    for (let i = 0; i < 100 && messages.length < 4; i++) {
      messages = ((await logs.send(new FilterLogEventsCommand({ logGroupName: '/sfn/logged' }))).events ?? []).map((e) => e.message!);
      if (messages.length < 4) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(messages.map((m) => JSON.parse(m).type), ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    events.destroy();
    logs.destroy();
  });
});
