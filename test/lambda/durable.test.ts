import assert from 'node:assert/strict';
import {
  CheckpointDurableExecutionCommand,
  GetDurableExecutionCommand,
  GetFunctionConfigurationCommand,
  GetDurableExecutionHistoryCommand,
  GetDurableExecutionStateCommand,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
  type Event,
} from '@aws-sdk/client-lambda';
import { createFunction, decode, useLambda } from './support.ts';

/**
 * Durable functions run with AWS's own durable execution SDK for JavaScript (@aws/durable-execution-sdk-js, which the
 * handler requires as it would from its bundle): the handler checkpoints through CheckpointDurableExecution against
 * twinstack, suspends on waits and callbacks, and is invoked again with its checkpointed state when they complete.
 */
describe('Lambda durable executions', function () {
  this.timeout(90_000);
  const context = useLambda(['lambda', 'sts']);

  const durable = (source: string) =>
    createFunction(context.lambda, { 'index.js': source }, { Runtime: 'nodejs22.x', Handler: 'index.handler', DurableConfig: { ExecutionTimeout: 3600 } });

  async function history(arn: string): Promise<Event[]> {
    return (await context.lambda.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: true }))).Events ?? [];
  }

  async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 300; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('timed out waiting');
  }

  it('a step, a wait and a callback: suspended, resumed by the clock and by SendDurableExecutionCallbackSuccess', async () => {
    const name = await durable(`const { withDurableExecution } = require('@aws/durable-execution-sdk-js');
exports.handler = withDurableExecution(async (event, context) => {
  const doubled = await context.step('double', async () => event.n * 2);
  await context.wait('pause', { seconds: 30 });
  const approval = await context.waitForCallback('approval', async () => {}, { timeout: { seconds: 600 } });
  return { doubled, approval: JSON.parse(approval) };
});`);
    const started = await context.lambda.send(
      new InvokeCommand({ FunctionName: name, InvocationType: 'Event', DurableExecutionName: 'order-1', Payload: JSON.stringify({ n: 21 }) }),
    );
    assert.equal(started.StatusCode, 202);
    const arn = started.DurableExecutionArn!;
    assert.match(arn, new RegExp(`^arn:aws:lambda:us-east-1:000000000000:function:${name}:\\$LATEST/durable-execution/order-1/[0-9a-f-]+$`));

    // The wait suspends the execution until the clock passes its end.
    const wait = await eventually(async () => (await history(arn)).find((e) => e.EventType === 'WaitStarted'));
    assert.equal(wait.WaitStartedDetails!.Duration, 30);
    assert.equal((await context.lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).Status, 'RUNNING');
    context.aws.emulator.clock.advance(31_000);

    const callback = await eventually(async () => (await history(arn)).find((e) => e.EventType === 'CallbackStarted'));
    const callbackId = callback.CallbackStartedDetails!.CallbackId!;
    assert.equal(callback.CallbackStartedDetails!.Timeout, 600);
    await context.lambda.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: Buffer.from(JSON.stringify({ approved: true })) }));

    const done = await eventually(async () => {
      const out = await context.lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
      return out.Status === 'RUNNING' ? undefined : out;
    });
    assert.equal(done.Status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(done.Result!), { doubled: 42, approval: { approved: true } });
    assert.equal(done.InputPayload, JSON.stringify({ n: 21 }));
    assert.equal(done.DurableExecutionName, 'order-1');
    assert.equal(done.Version, '$LATEST');
    assert.equal(done.ExecutionDataIncluded, true);
    assert.deepEqual(done.DurableConfig, (await context.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }))).DurableConfig);
    // IncludeExecutionData false: the metadata without the payloads.
    const metadata = await context.lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn, IncludeExecutionData: false }));
    assert.deepEqual([metadata.ExecutionDataIncluded, metadata.InputPayload, metadata.Result, metadata.Status], [false, undefined, undefined, 'SUCCEEDED']);

    const types: string[] = (await history(arn)).map((e) => String(e.EventType));
    for (const type of ['ExecutionStarted', 'StepStarted', 'StepSucceeded', 'WaitStarted', 'WaitSucceeded', 'CallbackStarted', 'CallbackSucceeded', 'ExecutionSucceeded']) {
      assert.ok(types.includes(type), `${type} in ${types.join(', ')}`);
    }
    assert.ok(types.filter((t) => t === 'InvocationCompleted').length >= 3, 'invoked again after the wait and after the callback');
    assert.equal(types.at(-1), 'ExecutionSucceeded');
    const step = (await history(arn)).find((e) => e.EventType === 'StepSucceeded')!;
    assert.equal(step.Name, 'double');
    assert.equal(step.StepSucceededDetails!.Result!.Payload, '42');
    // Without IncludeExecutionData the history leaves the payloads out.
    const bare = (await context.lambda.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }))).Events!;
    assert.equal(bare.find((e) => e.EventType === 'StepSucceeded')!.StepSucceededDetails!.Result!.Payload, undefined);

    const listed = await context.lambda.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: name, Statuses: ['SUCCEEDED'] }));
    assert.deepEqual(listed.DurableExecutions!.map((e) => e.DurableExecutionArn), [arn]);

    // The callback is spent; the name is an idempotency key; a closed execution neither checkpoints nor stops.
    const again = await context.lambda.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId })).catch((e: Error) => e);
    assert.equal((again as Error).name, 'InvalidParameterValueException');
    const reused = await context.lambda.send(new InvokeCommand({ FunctionName: name, DurableExecutionName: 'order-1', Payload: JSON.stringify({ n: 21 }) }));
    assert.equal(reused.DurableExecutionArn, arn);
    assert.deepEqual(decode(reused.Payload), { doubled: 42, approval: { approved: true } });
    const clash = await context.lambda.send(new InvokeCommand({ FunctionName: name, DurableExecutionName: 'order-1', Payload: '{"n":1}' })).catch((e: Error) => e);
    assert.equal((clash as Error).name, 'DurableExecutionAlreadyStartedException');
    const checkpoint = await context.lambda.send(new CheckpointDurableExecutionCommand({ DurableExecutionArn: arn, CheckpointToken: 'c3RhbGU=' })).catch((e: Error) => e);
    assert.equal((checkpoint as Error).name, 'InvalidParameterValueException');
    const state = await context.lambda.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: arn, CheckpointToken: 'c3RhbGU=' })).catch((e: Error) => e);
    assert.equal((state as Error).name, 'InvalidParameterValueException');
  });

  it('a synchronous invoke answers when the execution ends, with its result or its error as a function error', async () => {
    const name = await durable(`const { withDurableExecution } = require('@aws/durable-execution-sdk-js');
exports.handler = withDurableExecution(async (event, context) => {
  const greeting = await context.step('greet', async () => 'hello ' + event.who);
  if (event.fail) throw new Error('refused: ' + greeting);
  return greeting;
});`);
    const ok = await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify({ who: 'world' }) }));
    assert.equal(ok.StatusCode, 200);
    assert.equal(ok.FunctionError, undefined);
    assert.equal(decode(ok.Payload), 'hello world');
    assert.match(ok.DurableExecutionArn!, /\/durable-execution\//);
    const failed = await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify({ who: 'x', fail: true }) }));
    assert.equal(failed.FunctionError, 'Unhandled');
    assert.equal(decode(failed.Payload).errorMessage, 'refused: hello x');
    const execution = await context.lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn: failed.DurableExecutionArn }));
    assert.equal(execution.Status, 'FAILED');
    assert.equal(execution.Error!.ErrorMessage, 'refused: hello x');
  });

  it('StopDurableExecution stops a waiting execution; unknown executions are ResourceNotFoundException', async () => {
    const name = await durable(`const { withDurableExecution } = require('@aws/durable-execution-sdk-js');
exports.handler = withDurableExecution(async (event, context) => {
  await context.wait({ seconds: 3000 });
  return 'never';
});`);
    const { DurableExecutionArn: arn } = await context.lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event' }));
    await eventually(async () => (await history(arn!)).find((e) => e.EventType === 'InvocationCompleted'));
    const stopped = await context.lambda.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: { ErrorType: 'Cancelled', ErrorMessage: 'by test' } }));
    assert.ok(stopped.StopTimestamp instanceof Date);
    const out = await context.lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    assert.equal(out.Status, 'STOPPED');
    assert.deepEqual(out.Error, { ErrorType: 'Cancelled', ErrorMessage: 'by test' });
    assert.equal((await history(arn!)).at(-1)!.EventType, 'ExecutionStopped');
    const missing = await context.lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn: `${arn!.slice(0, arn!.lastIndexOf('/'))}/0000` })).catch((e: Error) => e);
    assert.equal((missing as Error).name, 'ResourceNotFoundException');
  });
});
