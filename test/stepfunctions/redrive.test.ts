import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  RedriveExecutionCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { startTwinstack } from '../../emulator/index.ts';
import { finished, machine, ROLE, useSfn } from './support.ts';

/** One iteration's or branch's work: counts its runs of an item, and fails while the item has no `ok` attribute. */
const countRun = (table: string, id: string | undefined, next?: object) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::dynamodb:updateItem',
  Parameters: {
    TableName: table,
    Key: { id: id === undefined ? { 'S.$': '$' } : { S: id } },
    UpdateExpression: 'ADD runs :one',
    ConditionExpression: 'attribute_exists(ok)',
    ExpressionAttributeValues: { ':one': { N: '1' } },
  },
  ResultPath: null,
  ...(next ?? { End: true }),
});

// AWS's redrive documentation: a redriven Map (inline) or Parallel state runs only its iterations or branches that
// did not succeed; the others keep their output.
describe('Step Functions redrive of Map and Parallel states, and executions resumed after a restart', function () {
  this.timeout(60_000);
  const ctx = useSfn(['stepfunctions', 'dynamodb']);
  let ddb: DynamoDBClient;
  before(() => {
    ddb = new DynamoDBClient(ctx.options);
  });
  after(() => ddb.destroy());

  async function table(): Promise<string> {
    const name = ctx.fresh('runs');
    await ddb.send(new CreateTableCommand({ TableName: name, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
    return name;
  }
  const allow = (name: string, id: string) => ddb.send(new PutItemCommand({ TableName: name, Item: { id: { S: id }, ok: { BOOL: true } } }));
  const runs = async (name: string, id: string) => Number((await ddb.send(new GetItemCommand({ TableName: name, Key: { id: { S: id } } }))).Item?.runs?.N ?? 0);

  it('reruns only the failed and unstarted iterations of an inline Map', async () => {
    const name = await table();
    await allow(name, 'a');
    await allow(name, 'c');
    const arn = await machine(ctx, { StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'Count', States: { Count: countRun(name, undefined) } }, End: true } } });
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: JSON.stringify(['a', 'b', 'c']) }));
    const failed = await finished(ctx, executionArn!);
    assert.deepEqual([failed.status, failed.error], ['FAILED', 'DynamoDB.ConditionalCheckFailedException']);
    assert.deepEqual([await runs(name, 'a'), await runs(name, 'b'), await runs(name, 'c')], [1, 0, 0]);

    await allow(name, 'b');
    await ctx.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const redriven = await finished(ctx, executionArn!);
    assert.deepEqual([redriven.status, redriven.output, redriven.redriveCount], ['SUCCEEDED', '["a","b","c"]', 1]);
    // 'a' succeeded before the redrive: its output is kept, its work not done again.
    assert.deepEqual([await runs(name, 'a'), await runs(name, 'b'), await runs(name, 'c')], [1, 1, 1]);
  });

  it('redrives a distributed Map: the same map run, only its unsuccessful child executions, redriven in place', async () => {
    const name = await table();
    await allow(name, 'a');
    const processor = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Count', States: { Count: countRun(name, undefined) } };
    const arn = await machine(ctx, { StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: processor, End: true } } });
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: JSON.stringify(['a', 'b', 'c']) }));
    const failed = await finished(ctx, executionArn!);
    assert.deepEqual([failed.status, failed.error], ['FAILED', 'States.ExceedToleratedFailureThreshold']);
    const [mapRun] = (await ctx.sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns!;
    const children = async () => (await ctx.sfn.send(new ListExecutionsCommand({ mapRunArn: mapRun.mapRunArn }))).executions!;
    assert.deepEqual((await children()).map((c) => c.status).sort(), ['FAILED', 'FAILED', 'SUCCEEDED']);

    await allow(name, 'b');
    await allow(name, 'c');
    await ctx.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const redriven = await finished(ctx, executionArn!);
    assert.deepEqual([redriven.status, redriven.output], ['SUCCEEDED', '["a","b","c"]']);
    assert.deepEqual([await runs(name, 'a'), await runs(name, 'b'), await runs(name, 'c')], [1, 1, 1]);
    assert.equal((await ctx.sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns!.length, 1);
    const described = await ctx.sfn.send(new DescribeMapRunCommand({ mapRunArn: mapRun.mapRunArn }));
    assert.deepEqual([described.status, described.redriveCount, described.executionCounts!.succeeded, described.executionCounts!.failed], ['SUCCEEDED', 1, 3, 0]);
    assert.ok(described.redriveDate instanceof Date);
    const after = await children();
    assert.deepEqual(after.map((c) => c.status), ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    const redrivenChildren = await Promise.all(after.map((c) => ctx.sfn.send(new DescribeExecutionCommand({ executionArn: c.executionArn }))));
    assert.deepEqual(redrivenChildren.map((c) => c.redriveCount).sort(), [0, 1, 1]);
    const history = (await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!.map((e) => e.type);
    assert.ok(history.includes('MapRunRedriven') && history.includes('ExecutionRedriven'), history.join());
    const childHistory = (await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn: redrivenChildren.find((c) => c.redriveCount === 1)!.executionArn }))).events!.map((e) => e.type);
    assert.deepEqual([childHistory[0], childHistory.includes('ExecutionRedriven'), childHistory.at(-1)], ['ExecutionStarted', true, 'ExecutionSucceeded']);
  });

  it('reruns only the failed branch of a Parallel state, and a retry of the state reruns every branch', async () => {
    const name = await table();
    await allow(name, 'left');
    const branches = [
      { StartAt: 'Left', States: { Left: countRun(name, 'left') } },
      { StartAt: 'Later', States: { Later: { Type: 'Wait', Seconds: 10, Next: 'Right' }, Right: countRun(name, 'right') } },
    ];
    const arn = await machine(ctx, { StartAt: 'Both', States: { Both: { Type: 'Parallel', Branches: branches, End: true } } });
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{"n":1}' }));
    while ((await runs(name, 'left')) === 0) await new Promise((r) => setTimeout(r, 20));
    await ctx.aws.advanceClock('10s');
    assert.equal((await finished(ctx, executionArn!)).status, 'FAILED');

    await allow(name, 'right');
    await ctx.sfn.send(new RedriveExecutionCommand({ executionArn }));
    await new Promise((r) => setTimeout(r, 50));
    await ctx.aws.advanceClock('10s');
    const redriven = await finished(ctx, executionArn!);
    assert.deepEqual([redriven.status, JSON.parse(redriven.output!)], ['SUCCEEDED', [{ n: 1 }, { n: 1 }]]);
    assert.deepEqual([await runs(name, 'left'), await runs(name, 'right')], [1, 1]);

    // Retry (not redrive) of a Parallel state runs all its branches again, as AWS does.
    const retried = await table();
    await allow(retried, 'left');
    const retrying = [
      { StartAt: 'Left', States: { Left: countRun(retried, 'left') } },
      { StartAt: 'Right', States: { Right: countRun(retried, 'right') } },
    ];
    const retryArn = await machine(ctx, { StartAt: 'Both', States: { Both: { Type: 'Parallel', Branches: retrying, Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 1 }], End: true } } });
    const second = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn: retryArn }));
    while ((await runs(retried, 'left')) === 0) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    await ctx.aws.advanceClock('1s');
    assert.equal((await finished(ctx, second.executionArn!)).status, 'FAILED');
    assert.equal(await runs(retried, 'left'), 2);
  });

  it('keeps variables, and replaces a running distributed Map run, when executions resume after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfn-resume-vars-'));
    try {
      const first = await startTwinstack({ port: 0, services: ['stepfunctions'], persist: { dir } });
      const options = { endpoint: first.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
      let sfn = new SFNClient(options);
      const definition = {
        StartAt: 'First',
        States: {
          First: { Type: 'Pass', Assign: { greeting: 'hello', count: 2 }, Next: 'Each' },
          Each: {
            Type: 'Map',
            ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Sleep', States: { Sleep: { Type: 'Wait', Seconds: 3600, End: true } } },
            ItemsPath: '$.items',
            ResultPath: null,
            Next: 'Last',
          },
          Last: { Type: 'Pass', Parameters: { 'greeting.$': '$greeting', 'count.$': '$count' }, End: true },
        },
      };
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'resumable-vars', roleArn: ROLE, definition: JSON.stringify(definition) }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"items":[1,2]}' }));
      await new Promise((r) => setTimeout(r, 150));
      const [oldRun] = (await sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns!;
      assert.deepEqual((await sfn.send(new ListExecutionsCommand({ mapRunArn: oldRun.mapRunArn }))).executions!.map((e) => e.status), ['RUNNING']);
      sfn.destroy();
      await first.stop();

      const second = await startTwinstack({ port: 0, services: ['stepfunctions'], persist: { dir } });
      sfn = new SFNClient({ ...options, endpoint: second.endpoint });
      await new Promise((r) => setTimeout(r, 100));
      // The old map run and its running child end ABORTED; the Map state runs again with a new map run.
      assert.equal((await sfn.send(new DescribeMapRunCommand({ mapRunArn: oldRun.mapRunArn }))).status, 'ABORTED');
      assert.deepEqual((await sfn.send(new ListExecutionsCommand({ mapRunArn: oldRun.mapRunArn }))).executions!.map((e) => e.status), ['ABORTED']);
      for (let i = 0; i < 3; i++) {
        await second.advanceClock('1h');
        await new Promise((r) => setTimeout(r, 50));
      }
      let described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      for (let i = 0; described.status === 'RUNNING' && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 20));
        await second.advanceClock('1h');
        described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      }
      assert.deepEqual([described.status, JSON.parse(described.output!)], ['SUCCEEDED', { greeting: 'hello', count: 2 }]);
      assert.equal((await sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns!.length, 2);
      sfn.destroy();
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('goes on with running executions after a restart with persistence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfn-resume-'));
    try {
      const first = await startTwinstack({ port: 0, services: ['stepfunctions'], persist: { dir } });
      const options = { endpoint: first.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
      let sfn = new SFNClient(options);
      const definition = { StartAt: 'First', States: { First: { Type: 'Pass', Result: 'one', ResultPath: '$.first', Next: 'Sleep' }, Sleep: { Type: 'Wait', Seconds: 3600, Next: 'Last' }, Last: { Type: 'Pass', Result: 'two', ResultPath: '$.last', End: true } } };
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'resumable', roleArn: ROLE, definition: JSON.stringify(definition) }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":1}' }));
      await new Promise((r) => setTimeout(r, 100));
      assert.equal((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status, 'RUNNING');
      sfn.destroy();
      await first.stop();

      const second = await startTwinstack({ port: 0, services: ['stepfunctions'], persist: { dir } });
      sfn = new SFNClient({ ...options, endpoint: second.endpoint });
      assert.equal((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status, 'RUNNING');
      await new Promise((r) => setTimeout(r, 50));
      await second.advanceClock('1h');
      let described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      for (let i = 0; described.status === 'RUNNING' && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 20));
        described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      }
      assert.deepEqual([described.status, JSON.parse(described.output!)], ['SUCCEEDED', { n: 1, first: 'one', last: 'two' }]);
      sfn.destroy();
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
