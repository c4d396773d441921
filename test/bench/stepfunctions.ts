import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { strToU8, zipSync } from 'fflate';
import { startTwinstack } from '../../emulator/index.ts';
import { passChain } from './stepfunctions-workloads.ts';

/**
 * Step Functions on this machine (`npm run bench:stepfunctions`): completed executions per second of a 10-state Pass
 * machine and of a one-Lambda-task machine (STANDARD, started at concurrency 16, counted once DescribeExecution shows
 * them ended: those polls share the server with the executions), and
 * StartSyncExecution latency p50/p99 of the 10-state machine as EXPRESS, all through the AWS SDK v3.
 */
const SECONDS = 3;
const SYNC_CALLS = 500;
const aws = await startTwinstack({ port: 0, services: ['stepfunctions', 'lambda', 'sts'] });
const options = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const sfn = new SFNClient({ ...options, disableHostPrefix: true });
const lambda = new LambdaClient(options);
const ROLE = 'arn:aws:iam::000000000000:role/bench';
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function create(name: string, definition: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): Promise<string> {
  return (await sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE, type }))).stateMachineArn!;
}

/** Executions started at concurrency 16 for SECONDS, then waited for: ended executions per second of wall time. */
async function executionsPerSecond(stateMachineArn: string): Promise<number> {
  const started: string[] = [];
  const begin = performance.now();
  const ends = begin + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (performance.now() < ends) started.push((await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"step":0}' }))).executionArn!);
    }),
  );
  for (const executionArn of started) {
    for (;;) {
      const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (status !== 'RUNNING') {
        if (status !== 'SUCCEEDED') throw new Error(`${executionArn} ${status}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return started.length / ((performance.now() - begin) / 1000);
}

const passArn = await create('bench-pass', passChain(10));
await executionsPerSecond(passArn);
console.log(`10-state Pass machine: ${(await executionsPerSecond(passArn)).toFixed(0)} executions/s (STANDARD, c=16, started and ended)`);

const zip = zipSync({ 'index.mjs': strToU8('export const handler = async (event) => ({ step: event.step + 1 });\n') });
const fn = await lambda.send(new CreateFunctionCommand({ FunctionName: 'bench-sfn-task', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip } }));
const lambdaArn = await create('bench-lambda', JSON.stringify({ StartAt: 'Call', States: { Call: { Type: 'Task', Resource: fn.FunctionArn, End: true } } }));
await executionsPerSecond(lambdaArn);
console.log(`Lambda-task machine: ${(await executionsPerSecond(lambdaArn)).toFixed(0)} executions/s (one Node.js Task, STANDARD, c=16)`);

const expressArn = await create('bench-express', passChain(10), 'EXPRESS');
const times: number[] = [];
for (let i = 0; i < SYNC_CALLS; i++) {
  const start = performance.now();
  await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: expressArn, input: '{"step":0}' }));
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`StartSyncExecution (EXPRESS, 10 Pass states): p50 ${percentile(times.slice(50), 50).toFixed(2)} ms, p99 ${percentile(times.slice(50), 99).toFixed(2)} ms over ${SYNC_CALLS - 50} calls after 50 warm-up`);

sfn.destroy();
lambda.destroy();
await aws.stop();
process.exit(0);
