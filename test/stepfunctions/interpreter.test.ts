import assert from 'node:assert/strict';
import { CreateActivityCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { finished, machine, run, shape, useSfn } from './support.ts';

// Semantics from the Amazon States Language specification and AWS's documentation; history shapes as in the
// AWS-recorded histories of shared/reference/aws-snapshots/stepfunctions.
describe('Step Functions ASL interpreter (SDK v3)', function () {
  this.timeout(30_000);
  const ctx = useSfn();

  it('processes JSONPath input and output: InputPath, Parameters with intrinsics and context, ResultSelector, ResultPath, OutputPath', async () => {
    const { output } = await run(
      ctx,
      {
        StartAt: 'Shape',
        States: {
          Shape: {
            Type: 'Pass',
            InputPath: '$.order',
            Parameters: {
              'id.$': '$.id',
              'label.$': "States.Format('order {} of {}', $.id, $.customer)",
              'items.$': 'States.ArrayLength($.items)',
              'state.$': '$$.State.Name',
              'parts.$': "States.StringSplit('a,b;c', ',;')",
              'hash.$': "States.Hash('abc', 'SHA-256')",
              'merged.$': 'States.JsonMerge($.meta, States.StringToJson(\'{"b":2}\'), false)',
              'range.$': 'States.ArrayRange(1, 9, 4)',
              'encoded.$': "States.Base64Encode('hi')",
            },
            ResultPath: '$.shaped',
            OutputPath: '$.shaped',
            End: true,
          },
        },
      },
      { order: { id: 7, customer: 'ann', items: [1, 2, 3], meta: { a: 1 } } },
    );
    assert.deepEqual(output, {
      id: 7,
      label: 'order 7 of ann',
      items: 3,
      state: 'Shape',
      parts: ['a', 'b', 'c'],
      hash: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      merged: { a: 1, b: 2 },
      range: [1, 5, 9],
      encoded: 'aGk=',
    });
  });

  it("keeps the client's input text in ExecutionStarted and re-serializes it for the first state, as AWS writes it since 2024-07", async () => {
    const stateMachineArn = await machine(ctx, { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '["Hello", "World"]' }));
    await finished(ctx, executionArn!);
    const { events } = await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    assert.deepEqual([events![0].executionStartedEventDetails!.input, events![1].stateEnteredEventDetails!.input], ['["Hello", "World"]', '["Hello","World"]']);
  });

  it('stalls before entering a Map whose MaxConcurrencyPath finds a negative integer, as AWS does, until stopped', async () => {
    const stateMachineArn = await machine(ctx, {
      StartAt: 'MapState',
      States: { MapState: { Type: 'Map', MaxConcurrencyPath: '$.MaxConcurrencyValue', ItemsPath: '$.Values', Iterator: { StartAt: 'H', States: { H: { Type: 'Pass', End: true } } }, End: true } },
    });
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ MaxConcurrencyValue: -1, Values: ['HelloWorld'] }) }));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await ctx.sfn.send(new DescribeExecutionCommand({ executionArn }))).status, 'RUNNING');
    assert.deepEqual(shape((await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!), ['1/0 ExecutionStarted']);
    await ctx.sfn.send(new StopExecutionCommand({ executionArn }));
    assert.equal((await finished(ctx, executionArn!)).status, 'ABORTED');
    assert.deepEqual((await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!.map((e) => e.type), ['ExecutionStarted', 'ExecutionAborted']);
  });

  it('chooses with every kind of rule (And/Or/Not, string, numeric, timestamp, type tests, wildcards)', async () => {
    const definition = {
      StartAt: 'Pick',
      States: {
        Pick: {
          Type: 'Choice',
          Choices: [
            { And: [{ Variable: '$.n', NumericGreaterThanEquals: 10 }, { Variable: '$.s', StringMatches: 'log-*.txt' }], Next: 'Big' },
            { Or: [{ Variable: '$.t', TimestampLessThan: '2020-01-01T00:00:00Z' }, { Not: { Variable: '$.flag', IsPresent: true } }], Next: 'Old' },
            { Variable: '$.n', NumericEqualsPath: '$.m', Next: 'Same' },
          ],
          Default: 'Other',
        },
        Big: { Type: 'Pass', Result: 'big', End: true },
        Old: { Type: 'Pass', Result: 'old', End: true },
        Same: { Type: 'Pass', Result: 'same', End: true },
        Other: { Type: 'Fail', Error: 'NoMatch' },
      },
    };
    assert.equal((await run(ctx, definition, { n: 12, s: 'log-1.txt', flag: true })).output, 'big');
    const old = await run(ctx, definition, { n: 1, t: '2019-05-01T00:00:00Z', flag: true });
    assert.equal(old.output, 'old');
    assert.equal((await run(ctx, definition, { n: 1, s: 'x', t: '2021-05-01T00:00:00Z' })).output, 'old');
    assert.equal((await run(ctx, definition, { n: 3, m: 3, flag: true, t: '2021-05-01T00:00:00Z' })).output, 'same');
    assert.equal((await run(ctx, definition, { n: 3, m: 4, flag: true, t: '2021-05-01T00:00:00Z' })).described.error, 'NoMatch');
  });

  it('runs Parallel branches and Map iterations, linking their events as AWS does', async () => {
    const parallel = await run(ctx, {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Pass', Result: 2, End: true } } },
          ],
          End: true,
        },
      },
    });
    assert.deepEqual(parallel.output, [1, 2]);
    const map = await run(
      ctx,
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemsPath: '$.xs',
            ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
            ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($.value, $.value)', 'i.$': '$.index' }, End: true } } },
            End: true,
          },
        },
      },
      { xs: [1, 2] },
    );
    assert.deepEqual(map.output, [{ v: 2, i: 0 }, { v: 4, i: 1 }]);
    assert.deepEqual(shape(map.events), [
      '1/0 ExecutionStarted',
      '2/0 MapStateEntered',
      '3/2 MapStateStarted',
      '4/3 MapIterationStarted',
      '5/4 PassStateEntered',
      '6/5 PassStateExited',
      '7/6 MapIterationSucceeded',
      '8/6 MapIterationStarted',
      '9/8 PassStateEntered',
      '10/9 PassStateExited',
      '11/10 MapIterationSucceeded',
      '12/11 MapStateSucceeded',
      '13/11 MapStateExited',
      '14/13 ExecutionSucceeded',
    ]);
  });

  it('catches a failing branch of a Parallel state, with the error output at ResultPath', async () => {
    const { output, events } = await run(ctx, {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Ok', States: { Ok: { Type: 'Pass', End: true } } },
            { StartAt: 'Bad', States: { Bad: { Type: 'Fail', Error: 'Branch.Failed', Cause: 'second branch' } } },
          ],
          Catch: [{ ErrorEquals: ['Branch.Failed'], ResultPath: '$.caught', Next: 'Recover' }],
          Next: 'Recover',
        },
        Recover: { Type: 'Pass', End: true },
      },
    });
    assert.deepEqual(output, { caught: { Error: 'Branch.Failed', Cause: 'second branch' } });
    assert.ok(events.some((e) => e.type === 'ParallelStateFailed'));
  });

  it('retries with MaxDelaySeconds and FULL jitter on the emulator clock, then catches with States.ALL', async () => {
    const stateMachineArn = await machine(ctx, {
      StartAt: 'Fail',
      States: {
        Fail: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Flaky' } } }],
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 100, BackoffRate: 10, MaxDelaySeconds: 200, MaxAttempts: 3, JitterStrategy: 'FULL' }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
          End: true,
        },
        Done: { Type: 'Pass', End: true },
      },
    });
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await ctx.aws.advanceClock('200s');
    }
    const done = await finished(ctx, executionArn!);
    assert.deepEqual(JSON.parse(done.output!), { Error: 'Flaky', Cause: '' });
  });

  it('evaluates JSONata: Arguments, Output, Assign and variables, and reports evaluation errors', async () => {
    const ok = await run(
      ctx,
      {
        QueryLanguage: 'JSONata',
        StartAt: 'First',
        States: {
          First: { Type: 'Pass', Assign: { total: '{% $sum($states.input.xs) %}', names: '{% $states.input.who %}' }, Output: '{% $states.input %}', Next: 'Second' },
          Second: { Type: 'Pass', Output: { sum: '{% $total %}', greeting: "{% 'hi ' & $names[0] %}", upper: '{% $uppercase($names[1]) %}' }, End: true },
        },
      },
      { xs: [1, 2, 3], who: ['ann', 'bob'] },
    );
    assert.deepEqual(ok.output, { sum: 6, greeting: 'hi ann', upper: 'BOB' });
    const exited = ok.events.find((e) => e.type === 'PassStateExited')!.stateExitedEventDetails!;
    assert.deepEqual(exited.assignedVariables, { total: '6', names: '["ann","bob"]' });
    const failed = await run(ctx, { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: { r: '{% $nope %}' }, End: true } } });
    assert.equal(failed.described.error, 'States.QueryEvaluationError');
    assert.equal(failed.described.cause, "An error occurred while executing the state 'P' (entered at the event id #2). The JSONata expression '$nope' specified for the field 'Output/r' returned nothing (undefined).");
    assert.deepEqual(shape(failed.events), ['1/0 ExecutionStarted', '2/0 PassStateEntered', '3/0 EvaluationFailed', '4/3 ExecutionFailed']);
  });

  it('fails a JSONPath reference that finds nothing with States.Runtime, worded as AWS words it', async () => {
    const { described } = await run(ctx, { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'x.$': '$.missing' }, End: true } } }, { a: 1 });
    assert.equal(described.error, 'States.Runtime');
    assert.equal(described.cause, "An error occurred while executing the state 'P' (entered at the event id #2). The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input '{\"a\":1}'");
  });

  it('times out executions (TimeoutSeconds) and tasks (activity TimeoutSeconds) on the emulator clock', async () => {
    const slow = await machine(ctx, { TimeoutSeconds: 60, StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });
    const first = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: slow }));
    await ctx.aws.advanceClock('61s');
    const timedOut = await finished(ctx, first.executionArn!);
    // AWS's DescribeExecution of a timed-out execution names no error (test_timeouts.py::test_global_timeout's recording).
    assert.deepEqual([timedOut.status, timedOut.error], ['TIMED_OUT', undefined]);
    const { activityArn } = await ctx.sfn.send(new CreateActivityCommand({ name: 'never-polled' }));
    const task = await machine(ctx, { StartAt: 'T', States: { T: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 30, End: true } } });
    const second = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: task }));
    await new Promise((r) => setTimeout(r, 50));
    await ctx.aws.advanceClock('31s');
    const taskTimedOut = await finished(ctx, second.executionArn!);
    assert.deepEqual([taskTimedOut.status, taskTimedOut.error], ['FAILED', 'States.Timeout']);
  });
});
