import assert from 'node:assert/strict';
import {
  CreateActivityCommand,
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DeleteStateMachineVersionCommand,
  DescribeActivityCommand,
  DescribeExecutionCommand,
  DescribeStateMachineAliasCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListActivitiesCommand,
  ListExecutionsCommand,
  ListStateMachineAliasesCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  ListTagsForResourceCommand,
  PublishStateMachineVersionCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  TagResourceCommand,
  TestStateCommand,
  UntagResourceCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { finished, machine, ROLE, shape, useSfn } from './support.ts';

const PASS = { StartAt: 'P', States: { P: { Type: 'Pass', Result: { ok: true }, End: true } } };

// Expected values from AWS's recorded responses (shared/reference/aws-snapshots/stepfunctions) and its API reference.
describe('Step Functions control plane (SDK v3)', function () {
  this.timeout(30_000);
  const ctx = useSfn();

  it('validates definitions with AWS diagnostics, and CreateStateMachine refuses them with InvalidDefinition', async () => {
    const check = (definition: string, type?: 'EXPRESS') => ctx.sfn.send(new ValidateStateMachineDefinitionCommand({ definition, type }));
    assert.deepEqual((await check('{}')).diagnostics, [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/', message: 'These fields are required: [States, StartAt]', severity: 'ERROR' }]);
    const ok = await check(JSON.stringify(PASS));
    assert.deepEqual([ok.result, ok.diagnostics, ok.truncated], ['OK', [], false]);
    const wftt = await check(JSON.stringify({ StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true } } }), 'EXPRESS');
    assert.equal(wftt.diagnostics![0].message, "Express state machine does not support '.waitForTaskToken' service integration ");
    const notJson = await check('not a definition');
    assert.equal(notJson.diagnostics![0].code, 'INVALID_JSON_DESCRIPTION');
    await assert.rejects(
      ctx.sfn.send(new CreateStateMachineCommand({ name: ctx.fresh('bad'), roleArn: ROLE, definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } }) })),
      (e: Error) => e.name === 'InvalidDefinition' && e.message === "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A/Next'",
    );
    await assert.rejects(ctx.sfn.send(new CreateStateMachineCommand({ name: 'bad name', roleArn: ROLE, definition: JSON.stringify(PASS) })), { name: 'InvalidName', message: "Invalid Name: 'bad name'" });
  });

  it('creates, describes, updates (with revisions), lists and deletes state machines', async () => {
    const name = ctx.fresh('crud');
    const { stateMachineArn } = await ctx.sfn.send(new CreateStateMachineCommand({ name, roleArn: ROLE, definition: JSON.stringify(PASS) }));
    assert.equal(stateMachineArn, `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`);
    const described = await ctx.sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
    assert.deepEqual(
      { status: described.status, type: described.type, logging: described.loggingConfiguration, tracing: described.tracingConfiguration, revisionId: described.revisionId },
      { status: 'ACTIVE', type: 'STANDARD', logging: { level: 'OFF', includeExecutionData: false }, tracing: { enabled: false }, revisionId: undefined },
    );
    const updated = await ctx.sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: JSON.stringify({ ...PASS, Comment: 'v2' }), publish: true, versionDescription: 'second' }));
    assert.match(updated.revisionId!, /^[0-9a-f-]{36}$/);
    assert.equal(updated.stateMachineVersionArn, `${stateMachineArn}:1`);
    await assert.rejects(ctx.sfn.send(new UpdateStateMachineCommand({ stateMachineArn })), { name: 'MissingRequiredParameter' });
    const listed = await ctx.sfn.send(new ListStateMachinesCommand({}));
    assert.ok(listed.stateMachines!.some((m) => m.stateMachineArn === stateMachineArn));
    await ctx.sfn.send(new ListStateMachinesCommand({ maxResults: 1000 }));
    await assert.rejects(ctx.sfn.send(new ListStateMachinesCommand({ maxResults: 1001 })), {
      name: 'ValidationException',
      message: "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
    await ctx.sfn.send(new CreateStateMachineCommand({ name, roleArn: ROLE, definition: JSON.stringify({ ...PASS, Comment: 'v2' }) }));
    await assert.rejects(ctx.sfn.send(new CreateStateMachineCommand({ name, roleArn: ROLE, definition: JSON.stringify(PASS) })), { name: 'StateMachineAlreadyExists' });
    await assert.rejects(ctx.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'not_a_valid_arn' })), { name: 'InvalidArn', message: "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'" });
    await assert.rejects(ctx.sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'succeeded' as 'SUCCEEDED' })), {
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
    });
  });

  it('publishes versions, routes aliases by weight, and refuses deleting a routed version', async () => {
    const stateMachineArn = await machine(ctx, PASS);
    const v1 = await ctx.sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn, description: 'one' }));
    assert.equal((await ctx.sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn }))).stateMachineVersionArn, v1.stateMachineVersionArn, 'unchanged revision: same version');
    await ctx.sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: JSON.stringify({ ...PASS, Comment: 'two' }) }));
    const v2 = await ctx.sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn }));
    assert.equal(v2.stateMachineVersionArn, `${stateMachineArn}:2`);
    await assert.rejects(ctx.sfn.send(new UpdateStateMachineCommand({ stateMachineArn: v2.stateMachineVersionArn, definition: JSON.stringify(PASS), publish: true })), {
      name: 'StateMachineDoesNotExist',
      message: `State Machine Does Not Exist: '${v2.stateMachineVersionArn}'`,
    });
    const versions = await ctx.sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }));
    assert.deepEqual(versions.stateMachineVersions!.map((v) => v.stateMachineVersionArn), [`${stateMachineArn}:2`, `${stateMachineArn}:1`]);
    const alias = await ctx.sfn.send(
      new CreateStateMachineAliasCommand({ name: 'live', routingConfiguration: [{ stateMachineVersionArn: v2.stateMachineVersionArn, weight: 100 }] }),
    );
    assert.equal(alias.stateMachineAliasArn, `${stateMachineArn}:live`);
    const described = await ctx.sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: alias.stateMachineAliasArn }));
    assert.deepEqual(described.routingConfiguration, [{ stateMachineVersionArn: v2.stateMachineVersionArn, weight: 100 }]);
    assert.equal((await ctx.sfn.send(new ListStateMachineAliasesCommand({ stateMachineArn }))).stateMachineAliases!.length, 1);
    await assert.rejects(
      ctx.sfn.send(new CreateStateMachineAliasCommand({ name: 'bad', routingConfiguration: [{ stateMachineVersionArn: v2.stateMachineVersionArn, weight: 50 }] })),
      { name: 'ValidationException' },
    );
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: alias.stateMachineAliasArn }));
    const execution = await finished(ctx, executionArn!);
    assert.deepEqual([execution.stateMachineAliasArn, execution.stateMachineVersionArn], [alias.stateMachineAliasArn, v2.stateMachineVersionArn]);
    const forExecution = await ctx.sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    assert.equal(JSON.parse(forExecution.definition!).Comment, 'two');
    await assert.rejects(ctx.sfn.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v2.stateMachineVersionArn })), { name: 'ConflictException' });
    await ctx.sfn.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v1.stateMachineVersionArn }));
  });

  it('tags state machines and activities, and manages activities', async () => {
    const stateMachineArn = await machine(ctx, PASS);
    await ctx.sfn.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'team', value: 'a' }, { key: 'env', value: 'dev' }] }));
    await ctx.sfn.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ['env'] }));
    assert.deepEqual((await ctx.sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags, [{ key: 'team', value: 'a' }]);
    const { activityArn } = await ctx.sfn.send(new CreateActivityCommand({ name: 'act-1', tags: [{ key: 'k', value: 'v' }] }));
    assert.equal((await ctx.sfn.send(new CreateActivityCommand({ name: 'act-1' }))).activityArn, activityArn);
    assert.equal((await ctx.sfn.send(new DescribeActivityCommand({ activityArn }))).name, 'act-1');
    assert.ok((await ctx.sfn.send(new ListActivitiesCommand({}))).activities!.some((a) => a.activityArn === activityArn));
    await ctx.sfn.send(new DeleteActivityCommand({ activityArn }));
    await assert.rejects(ctx.sfn.send(new DescribeActivityCommand({ activityArn })), { name: 'ActivityDoesNotExist', message: `Activity Does Not Exist: '${activityArn}'` });
  });

  it('stops, describes, lists and redrives executions; waits follow the emulator clock', async () => {
    const stateMachineArn = await machine(ctx, {
      StartAt: 'Wait',
      States: {
        Wait: { Type: 'Wait', Seconds: 86_400, Next: 'Check' },
        Check: { Type: 'Choice', Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'Boom' }], Default: 'Done' },
        Boom: { Type: 'Fail', Error: 'Boom', Cause: 'asked to fail' },
        Done: { Type: 'Succeed' },
      },
    });
    const waiting = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"fail":false}' }));
    const stopped = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"fail":false}' }));
    await ctx.sfn.send(new StopExecutionCommand({ executionArn: stopped.executionArn, error: 'Stop', cause: 'test' }));
    const aborted = await ctx.sfn.send(new DescribeExecutionCommand({ executionArn: stopped.executionArn }));
    assert.deepEqual([aborted.status, aborted.error, aborted.cause, aborted.redriveStatus], ['ABORTED', 'Stop', 'test', 'REDRIVABLE']);
    const running = await ctx.sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }));
    assert.deepEqual(running.executions!.map((e) => e.executionArn), [waiting.executionArn]);
    await ctx.aws.advanceClock('1d');
    const done = await finished(ctx, waiting.executionArn!);
    assert.deepEqual([done.status, done.output, done.redriveStatusReason], ['SUCCEEDED', '{"fail":false}', 'Execution is SUCCEEDED and cannot be redriven']);
    const history = await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn: waiting.executionArn }));
    assert.deepEqual(shape(history.events!), [
      '1/0 ExecutionStarted',
      '2/0 WaitStateEntered',
      '3/2 WaitStateExited',
      '4/3 ChoiceStateEntered',
      '5/4 ChoiceStateExited',
      '6/5 SucceedStateEntered',
      '7/6 SucceedStateExited',
      '8/7 ExecutionSucceeded',
    ]);
    const stopHistory = await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn: stopped.executionArn }));
    assert.deepEqual(shape(stopHistory.events!), ['1/0 ExecutionStarted', '2/0 WaitStateEntered', '3/0 ExecutionAborted']);
    await ctx.sfn.send(new RedriveExecutionCommand({ executionArn: stopped.executionArn }));
    await ctx.aws.advanceClock('1d');
    const redriven = await finished(ctx, stopped.executionArn!);
    assert.deepEqual([redriven.status, redriven.redriveCount], ['SUCCEEDED', 1]);
    await assert.rejects(ctx.sfn.send(new RedriveExecutionCommand({ executionArn: stopped.executionArn })), { name: 'ExecutionNotRedrivable' });
  });

  it('runs EXPRESS machines synchronously with StartSyncExecution; their executions are not described', async () => {
    const stateMachineArn = await machine(ctx, PASS, { type: 'EXPRESS' });
    const sync = await ctx.sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{}' }));
    assert.deepEqual([sync.status, sync.output], ['SUCCEEDED', '{"ok":true}']);
    assert.match(sync.executionArn!, /^arn:aws:states:us-east-1:000000000000:express:/);
    await assert.rejects(ctx.sfn.send(new DescribeExecutionCommand({ executionArn: sync.executionArn })), {
      name: 'InvalidArn',
      message: "Invalid Arn: 'Resource type not valid in this context: express'",
    });
    const failing = await machine(ctx, { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E', Cause: 'C' } } }, { type: 'EXPRESS' });
    const failed = await ctx.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: failing }));
    assert.deepEqual([failed.status, failed.error, failed.cause], ['FAILED', 'E', 'C']);
    const standard = await machine(ctx, PASS);
    await assert.rejects(ctx.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: standard })), {
      name: 'StateMachineTypeNotSupported',
      message: 'This operation is not supported by this type of state machine',
    });
  });

  it('tests one state with TestState, showing inspection data at DEBUG', async () => {
    const out = await ctx.sfn.send(
      new TestStateCommand({
        definition: JSON.stringify({ Type: 'Pass', InputPath: '$.a', Parameters: { 'b.$': '$.x' }, ResultPath: '$.r', Next: 'Somewhere' }),
        input: '{"a":{"x":1}}',
        inspectionLevel: 'DEBUG',
      }),
    );
    // ResultPath places the result in the state's raw input, before InputPath.
    assert.deepEqual([out.status, out.nextState, JSON.parse(out.output!)], ['SUCCEEDED', 'Somewhere', { a: { x: 1 }, r: { b: 1 } }]);
    assert.deepEqual(JSON.parse(out.inspectionData!.afterParameters!), { b: 1 });
    await assert.rejects(
      ctx.sfn.send(new TestStateCommand({ definition: JSON.stringify({ Type: 'Parallel', Branches: [PASS], End: true }) })),
      { name: 'InvalidDefinition', message: 'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]' },
    );
    const failed = await ctx.sfn.send(new TestStateCommand({ definition: JSON.stringify({ Type: 'Fail', Error: 'X', Cause: 'Y' }) }));
    assert.deepEqual([failed.status, failed.error, failed.cause], ['FAILED', 'X', 'Y']);
  });

  it('tests a state named inside a Map of a whole state machine, reporting only the steps the state has', async () => {
    const definition = JSON.stringify({
      StartAt: 'Each',
      States: { Each: { Type: 'Map', ItemsPath: '$.v', ItemProcessor: { StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } }, End: true } },
    });
    const out = await ctx.sfn.send(new TestStateCommand({ stateName: 'Inner', definition, input: '{"a":1}', inspectionLevel: 'DEBUG' }));
    assert.deepEqual([out.status, JSON.parse(out.output!)], ['SUCCEEDED', { a: 1 }]);
    // A Pass state without Result has no result step; a Fail state reports its input as after InputPath.
    assert.deepEqual(Object.keys(out.inspectionData!).sort(), ['afterInputPath', 'afterParameters', 'afterResultPath', 'afterResultSelector', 'input']);
    const failed = await ctx.sfn.send(new TestStateCommand({ definition: JSON.stringify({ Type: 'Fail', Error: 'X' }), input: '{"a":1}', inspectionLevel: 'DEBUG' }));
    assert.deepEqual(JSON.parse(failed.inspectionData!.afterInputPath!), { a: 1 });
  });

  it('tests a Task state with a mocked result or error and a given context object, without a role', async () => {
    const task = (selector: Record<string, string>) =>
      JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.f' }, ResultSelector: selector, End: true });
    const context = { Execution: { Name: 'given' }, State: {} };
    const out = await ctx.sfn.send(
      new TestStateCommand({ definition: task({ 'r.$': '$', 'c.$': '$$' }), input: '{"f":"no-such-function"}', context: JSON.stringify(context), mock: { result: '{"pokemon":"pikachu"}' } }),
    );
    // The function is not called (it does not exist), and `$$` is the context exactly as given (no RetryCount added).
    assert.deepEqual([out.status, JSON.parse(out.output!)], ['SUCCEEDED', { r: { pokemon: 'pikachu' }, c: context }]);
    const failed = await ctx.sfn.send(new TestStateCommand({ definition: task({ 'r.$': '$' }), input: '{"f":"x"}', mock: { errorOutput: { error: 'Mocked.Error', cause: 'mocked cause' } } }));
    assert.deepEqual([failed.status, failed.error, failed.cause], ['FAILED', 'Mocked.Error', 'mocked cause']);
    await assert.rejects(ctx.sfn.send(new TestStateCommand({ definition: task({ 'r.$': '$' }), input: '{"f":"x"}' })), { name: 'ValidationException', message: 'RoleArn must be specified when testing a Task state' });
  });

  it('tests a Map or Parallel state with a mocked result, answering whether a retrier or catcher takes its error', async () => {
    const map = (extra: Record<string, unknown>) =>
      JSON.stringify({ Type: 'Map', QueryLanguage: 'JSONata', Items: '{% $states.input.v %}', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, ToleratedFailureCount: 1, End: true, ...extra });
    const run = (definition: string, failures: number, level: 'INFO' | 'DEBUG' = 'DEBUG') =>
      ctx.sfn.send(new TestStateCommand({ definition, input: '{"v":[1,2,3]}', inspectionLevel: level, mock: { result: '[1, 2, 3]' }, stateConfiguration: { mapIterationFailureCount: failures } }));
    // The mocked result passes on unchanged, as the text given; the Map's settings are reported.
    const ok = await run(map({}), 1);
    assert.deepEqual([ok.status, ok.output, ok.inspectionData?.maxConcurrency, ok.inspectionData?.toleratedFailureCount], ['SUCCEEDED', '[1, 2, 3]', 0, 1]);
    const retried = await run(map({ Retry: [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold'], IntervalSeconds: 2 }] }), 2);
    assert.deepEqual([retried.status, retried.error, retried.inspectionData?.errorDetails], ['RETRIABLE', 'States.ExceedToleratedFailureThreshold', { retryIndex: 0, retryBackoffIntervalSeconds: 2 }]);
    const caught = await run(map({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'After' }], End: undefined, Next: 'After' }), 2);
    assert.deepEqual([caught.status, caught.nextState, caught.inspectionData?.errorDetails], ['CAUGHT_ERROR', 'After', { catchIndex: 0 }]);
    const parallel = JSON.stringify({ Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }], End: true });
    const branches = await ctx.sfn.send(new TestStateCommand({ definition: parallel, mock: { result: '[{"a": 1}]' } }));
    assert.deepEqual([branches.status, branches.output], ['SUCCEEDED', '[{"a": 1}]']);
    await assert.rejects(ctx.sfn.send(new TestStateCommand({ definition: parallel, mock: { result: '[]' } })), {
      name: 'ValidationException',
      message: 'Mocked result must contain the same number of items as number of Parallel branches.',
    });
    await assert.rejects(ctx.sfn.send(new TestStateCommand({ definition: JSON.stringify({ Type: 'Pass', End: true }), mock: { result: '{}' } })), {
      name: 'ValidationException',
      message: "State type 'Pass' is not supported when a mock is specified",
    });
  });

  it('refuses a TestState context object AWS refuses, a stateName not in the definition and a mocked result that is no JSON', async () => {
    const task = JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true });
    const withContext = (context: unknown) => ctx.sfn.send(new TestStateCommand({ definition: task, context: JSON.stringify(context), mock: { result: '{}' } }));
    await assert.rejects(withContext({ Map: {} }), { name: 'ValidationException', message: "Invalid Context object provided: 'Map' field is not supported when mocking a Context object" });
    await assert.rejects(withContext({ Execution: { Id: 1 } }), { name: 'ValidationException', message: 'Invalid Context object provided: Execution.Id must be a string' });
    await assert.rejects(withContext({ Task: { Token: 't' } }), {
      name: 'ValidationException',
      message: "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern",
    });
    const machine = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    await assert.rejects(ctx.sfn.send(new TestStateCommand({ definition: machine, stateName: 'B' })), { name: 'ValidationException', message: 'State not found in definition' });
    await assert.rejects(ctx.sfn.send(new TestStateCommand({ definition: task, mock: { result: 'not JSON' } })), { name: 'ValidationException', message: 'Mocked result must be valid JSON' });
  });

  it('keeps state machines, versions, executions and their histories across an export and import of the state', async () => {
    const stateMachineArn = await machine(ctx, PASS);
    await ctx.sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn }));
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    await finished(ctx, executionArn!);
    const exported = await ctx.aws.exportState();
    await ctx.aws.reset(['stepfunctions']);
    await assert.rejects(ctx.sfn.send(new DescribeStateMachineCommand({ stateMachineArn })), { name: 'StateMachineDoesNotExist' });
    await ctx.aws.importState(exported);
    assert.equal((await ctx.sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }))).stateMachineVersions!.length, 1);
    const history = await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    assert.deepEqual(shape(history.events!), ['1/0 ExecutionStarted', '2/0 PassStateEntered', '3/2 PassStateExited', '4/3 ExecutionSucceeded']);
  });
});
