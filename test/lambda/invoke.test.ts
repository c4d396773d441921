import assert from 'node:assert/strict';
import { InvokeCommand, InvokeWithResponseStreamCommand, UpdateFunctionConfigurationCommand, type LambdaServiceException } from '@aws-sdk/client-lambda';
import { CloudWatchLogsClient, DescribeLogStreamsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { createFunction, CREDENTIALS, decode, useLambda } from './support.ts';

const NODE = { Runtime: 'nodejs20.x' as const, Handler: 'index.handler' };

describe('Lambda Invoke: real Node.js and Python handlers in child processes', function () {
  this.timeout(60_000);
  const context = useLambda(['lambda', 'sts', 'sqs', 'logs']);
  const invoke = (FunctionName: string, payload: unknown = {}, extra: object = {}) =>
    context.lambda.send(new InvokeCommand({ FunctionName, Payload: Buffer.from(JSON.stringify(payload)), ...extra }));

  it('Node.js: async and callback handlers, ESM and CommonJS, console lines in the log', async () => {
    const esm = await createFunction(context.lambda, { 'index.mjs': 'export const handler = async (event) => { console.log("got", event.n); return { doubled: event.n * 2 }; };\n' }, NODE);
    const out = await invoke(esm, { n: 21 }, { LogType: 'Tail' });
    assert.deepEqual(decode(out.Payload), { doubled: 42 });
    assert.match(Buffer.from(out.LogResult!, 'base64').toString(), /\n\d{4}-\d\d-\d\dT[\d:.]+Z\t[0-9a-f-]{36}\tINFO\tgot 21\n/);
    const cjs = await createFunction(context.lambda, { 'index.js': 'exports.handler = (event, context, callback) => callback(null, { cb: event.x });\n' }, NODE);
    assert.deepEqual(decode((await invoke(cjs, { x: 'y' })).Payload), { cb: 'y' });
  });

  it('Node.js: the context object, the environment, and the AWS SDK v3 reaching twinstack with the role credentials', async () => {
    const source = `
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
export const handler = async (event, context) => {
  const identity = await new STSClient({}).send(new GetCallerIdentityCommand({}));
  return {
    functionName: context.functionName, version: context.functionVersion, arn: context.invokedFunctionArn,
    memory: context.memoryLimitInMB, requestId: context.awsRequestId, group: context.logGroupName,
    stream: context.logStreamName, remaining: context.getRemainingTimeInMillis(),
    env: { custom: process.env.CUSTOM, handler: process.env._HANDLER, region: process.env.AWS_REGION, api: process.env.AWS_LAMBDA_RUNTIME_API,
           exec: process.env.AWS_EXECUTION_ENV, root: process.env.LAMBDA_TASK_ROOT },
    caller: identity.Arn,
  };
};`;
    const name = await createFunction(context.lambda, { 'index.mjs': source }, { ...NODE, Environment: { Variables: { CUSTOM: 'value' } }, Timeout: 10 });
    const out = await invoke(name);
    const body = decode(out.Payload);
    assert.equal(out.FunctionError, undefined, JSON.stringify(body));
    assert.equal(body.functionName, name);
    assert.equal(body.version, '$LATEST');
    assert.equal(body.arn, `arn:aws:lambda:us-east-1:000000000000:function:${name}`);
    assert.equal(body.memory, '128');
    assert.equal(body.requestId, out.$metadata.requestId);
    assert.equal(body.group, `/aws/lambda/${name}`);
    assert.match(body.stream, /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    assert.ok(body.remaining > 8000 && body.remaining <= 10_000);
    assert.deepEqual({ ...body.env, api: undefined, root: undefined }, { custom: 'value', handler: 'index.handler', region: 'us-east-1', exec: 'AWS_Lambda_nodejs20.x', api: undefined, root: undefined });
    assert.match(body.env.api, /^127\.0\.0\.1:\d+$/);
    assert.equal(body.caller, `arn:aws:sts::000000000000:assumed-role/lambda-role/${name}`);
  });

  it('the execution role session is named after the function; a one-letter name gets @lambda_function (STS needs two)', async () => {
    const source = 'import boto3\n\ndef handler(event, context):\n    return boto3.client("sts").get_caller_identity()["Arn"]\n';
    for (const [name, session] of [['u', 'u@lambda_function'], ['zz', 'zz']]) {
      await createFunction(context.lambda, { 'handler.py': source }, { FunctionName: name, Timeout: 10 });
      const out = await invoke(name);
      assert.equal(decode(out.Payload), `arn:aws:sts::000000000000:assumed-role/lambda-role/${session}`);
    }
  });

  it('Python: boto3 inside the handler reaches twinstack; the context object', async () => {
    const source = `
import boto3, os
def handler(event, context):
    sqs = boto3.client("sqs")
    url = sqs.create_queue(QueueName="from-lambda")["QueueUrl"]
    return {"url": url, "name": context.function_name, "arn": context.invoked_function_arn, "memory": context.memory_limit_in_mb,
            "request": context.aws_request_id, "remaining": context.get_remaining_time_in_millis() > 0, "region": os.environ["AWS_REGION"]}
`;
    const name = await createFunction(context.lambda, { 'handler.py': source }, { Timeout: 20 });
    const out = await invoke(name);
    const body = decode(out.Payload);
    assert.equal(out.FunctionError, undefined, JSON.stringify(body));
    assert.deepEqual(body, {
      url: `${context.aws.endpoint}/000000000000/from-lambda`,
      name,
      arn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
      memory: '128',
      request: out.$metadata.requestId,
      remaining: true,
      region: 'us-east-1',
    });
  });

  it('errors: FunctionError Unhandled with AWS payload shapes for Python and Node.js', async () => {
    const py = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    raise Exception("Handler fails")\n' });
    const out = await invoke(py);
    assert.equal(out.StatusCode, 200);
    assert.equal(out.FunctionError, 'Unhandled');
    const error = decode(out.Payload);
    assert.deepEqual({ ...error, stackTrace: undefined }, { errorMessage: 'Handler fails', errorType: 'Exception', requestId: out.$metadata.requestId, stackTrace: undefined });
    assert.equal(error.stackTrace.length, 1);
    assert.match(error.stackTrace[0], /^ {2}File ".*\/handler\.py", line 2, in handler\n {4}raise Exception\("Handler fails"\)\n$/);

    const node = await createFunction(context.lambda, { 'index.js': 'exports.handler = async () => { throw new TypeError("bad type"); };\n' }, NODE);
    const nodeOut = await invoke(node);
    assert.equal(nodeOut.FunctionError, 'Unhandled');
    const nodeError = decode(nodeOut.Payload);
    assert.equal(nodeError.errorType, 'TypeError');
    assert.equal(nodeError.errorMessage, 'bad type');
    assert.equal(nodeError.trace[0], 'TypeError: bad type');
  });

  it('init errors: an exception at import, a missing handler', async () => {
    const raising = await createFunction(context.lambda, { 'handler.py': 'raise Exception("Runtime startup fails")\n' });
    const out = await invoke(raising);
    assert.equal(out.FunctionError, 'Unhandled');
    const error = decode(out.Payload);
    assert.deepEqual({ ...error, stackTrace: undefined }, { errorMessage: 'Runtime startup fails', errorType: 'Exception', requestId: '', stackTrace: undefined });
    assert.match(error.stackTrace.at(-1), /handler\.py", line 1, in <module>\n {4}raise Exception\("Runtime startup fails"\)\n$/);
    const missing = await createFunction(context.lambda, { 'handler.py': 'x = 1\n' });
    assert.deepEqual(decode((await invoke(missing)).Payload), {
      errorMessage: "Handler 'handler' missing on module 'handler'",
      errorType: 'Runtime.HandlerNotFound',
      requestId: '',
      stackTrace: [],
    });
    const node = await createFunction(context.lambda, { 'other.js': '' }, NODE);
    const nodeError = decode((await invoke(node)).Payload);
    assert.equal(nodeError.errorType, 'Runtime.ImportModuleError');
    assert.match(nodeError.errorMessage, /^Cannot find module 'index'/);
  });

  it('timeouts: the process is killed and Sandbox.Timedout reported; the next invoke starts a fresh environment', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'import time\ndef handler(event, context):\n    if event.get("sleep"):\n        time.sleep(5)\n    return "ok"\n' }, { Timeout: 1 });
    const out = await invoke(name, { sleep: true }, { LogType: 'Tail' });
    assert.equal(out.FunctionError, 'Unhandled');
    assert.deepEqual(decode(out.Payload), { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${out.$metadata.requestId} Error: Task timed out after 1.00 seconds` });
    assert.match(Buffer.from(out.LogResult!, 'base64').toString(), /Task timed out after 1\.00 seconds/);
    assert.equal(decode((await invoke(name, {})).Payload), 'ok');
  });

  it('a runtime that exits: Runtime.ExitError with the exit status', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'import os\ndef handler(event, context):\n    os._exit(3)\n' });
    const out = await invoke(name);
    assert.deepEqual(decode(out.Payload), { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: exit status 3` });
  });

  it('provided.al2023: the zip\'s bootstrap speaks the Runtime API itself', async () => {
    const bootstrap = `#!/bin/sh
set -e
while true; do
  HEADERS=$(mktemp)
  EVENT=$(curl -sS -D "$HEADERS" "http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation/next")
  ID=$(grep -i lambda-runtime-aws-request-id "$HEADERS" | tr -d '\\r' | cut -d' ' -f2)
  curl -sS -X POST "http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation/$ID/response" -d "{\\"shell\\":$EVENT}" > /dev/null
done
`;
    const name = await createFunction(context.lambda, { bootstrap }, { Runtime: 'provided.al2023', Handler: 'function.handler' });
    assert.deepEqual(decode((await invoke(name, { a: 1 })).Payload), { shell: { a: 1 } });
  });

  it('payload limits and invalid JSON payloads', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    return "x" * 7000000 if event.get("big") else 1\n' });
    await assert.rejects(
      context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.alloc(6_291_457, 0x20) })),
      (e: LambdaServiceException) => e.name === 'RequestTooLargeException' && e.$metadata.httpStatusCode === 413,
    );
    await assert.rejects(context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{nope') })), (e: LambdaServiceException) => e.name === 'InvalidRequestContentException');
    const big = await invoke(name, { big: true });
    assert.equal(big.FunctionError, 'Unhandled');
    assert.deepEqual(decode(big.Payload), { errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).', errorType: 'Function.ResponseSizeTooLarge' });
  });

  it('DryRun checks access without running; the concurrency setting 0 throttles', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    return 1\n' });
    const dry = await invoke(name, {}, { InvocationType: 'DryRun' });
    assert.equal(dry.StatusCode, 204);
    await assert.rejects(invoke('does-not-exist'), (e: LambdaServiceException) => e.name === 'ResourceNotFoundException');
    await context.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: 4 }));
    assert.equal(decode((await invoke(name)).Payload), 1);
  });

  it('InvokeWithResponseStream: chunks a streaming Node.js handler writes, a buffered handler\'s whole answer, then InvokeComplete', async () => {
    const collect = async (FunctionName: string) => {
      const out = await context.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName, Payload: Buffer.from('{"n":3}'), LogType: 'Tail' }));
      const chunks: string[] = [];
      let complete: Record<string, unknown> | undefined;
      for await (const event of out.EventStream!) {
        if (event.PayloadChunk) chunks.push(Buffer.from(event.PayloadChunk.Payload!).toString());
        if (event.InvokeComplete) complete = { ...event.InvokeComplete };
      }
      return { status: out.StatusCode, version: out.ExecutedVersion, chunks, complete };
    };
    const streaming = await createFunction(
      context.lambda,
      {
        'index.mjs': `export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  for (let i = 0; i < event.n; i++) { responseStream.write('part' + i + ';'); await new Promise((r) => setTimeout(r, 20)); }
  responseStream.end();
});`,
      },
      NODE,
    );
    const streamed = await collect(streaming);
    assert.equal(streamed.status, 200);
    assert.equal(streamed.version, '$LATEST');
    assert.equal(streamed.chunks.join(''), 'part0;part1;part2;');
    assert.ok(streamed.chunks.length > 1, 'more than one chunk');
    assert.match(Buffer.from(streamed.complete!.LogResult as string, 'base64').toString(), /REPORT RequestId/);
    const buffered = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    return {"n": event["n"]}\n' });
    const whole = await collect(buffered);
    assert.deepEqual(whole.chunks, ['{"n": 3}']);
    assert.equal(whole.complete!.ErrorCode, undefined);
    const failing = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    raise ValueError("nope")\n' });
    const failed = await collect(failing);
    assert.deepEqual(failed.chunks, []);
    assert.equal(failed.complete!.ErrorCode, 'ValueError');
    assert.equal(failed.complete!.ErrorDetails, 'nope');
  });

  it('logs go to CloudWatch Logs: the function\'s /aws/lambda group, one stream per environment, START/END/REPORT and the output', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    print("hello from", context.function_name)\n    return 1\n' });
    await invoke(name);
    await invoke(name);
    const logs = new CloudWatchLogsClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    let messages: string[] = [];
    for (let i = 0; i < 50 && messages.filter((m) => m.startsWith('REPORT')).length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const out = await logs.send(new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${name}` })).catch(() => ({ events: [] }));
      messages = (out.events ?? []).map((e) => e.message!);
    }
    assert.equal(messages.filter((m) => m === `hello from ${name}`).length, 2);
    assert.equal(messages.filter((m) => m.startsWith('START RequestId: ')).length, 2);
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: `/aws/lambda/${name}` }));
    assert.equal(streams.logStreams?.length, 1);
    assert.match(streams.logStreams![0].logStreamName!, /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    logs.destroy();
  });
});
