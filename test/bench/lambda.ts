import { CreateEventSourceMappingCommand, CreateFunctionCommand, DeleteEventSourceMappingCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { strToU8, zipSync } from 'fflate';
import { startTwinstack } from '../../emulator/index.ts';

/**
 * `npm run bench:lambda`: Lambda latency on this machine. Cold start (CreateFunction, then at once the first Invoke
 * of the new function: runtime process, bootstrap, handler import, invocation) and warm invoke p50/p99 of a Node.js
 * and a Python echo function through the AWS SDK v3, invokes per second at concurrency 1 and 16 (warm environments),
 * then SQS → Lambda throughput: messages per second an event source mapping (batch size 10) takes off a queue.
 */
const COLD = 10;
const WARM = 400;
const THROUGHPUT_MS = 3000;
const SQS_MESSAGES = 2000;

const aws = await startTwinstack({ port: 0, services: ['lambda', 'sts', 'sqs'] });
const clientConfig = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const lambda = new LambdaClient(clientConfig);
const sqs = new SQSClient(clientConfig);
const RUNTIMES = {
  node: { Runtime: 'nodejs20.x' as const, Handler: 'index.handler', files: { 'index.mjs': 'export const handler = async (event) => event;\n' } },
  python: { Runtime: 'python3.12' as const, Handler: 'handler.handler', files: { 'handler.py': 'def handler(event, context):\n    return event\n' } },
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const payload = Buffer.from('{"hello":"world"}');
let counter = 0;

async function create(kind: keyof typeof RUNTIMES): Promise<string> {
  const { Runtime, Handler, files } = RUNTIMES[kind];
  const name = `bench-${kind}-${counter++}`;
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
  await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime, Handler, Role: 'arn:aws:iam::000000000000:role/bench', Code: { ZipFile: zip } }));
  return name;
}

async function timed(name: string): Promise<number> {
  const start = performance.now();
  const out = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: payload }));
  if (out.FunctionError) throw new Error(Buffer.from(out.Payload!).toString());
  return performance.now() - start;
}

async function throughput(name: string, concurrency: number): Promise<number> {
  // Warm as many environments as the concurrency needs first.
  await Promise.all(Array.from({ length: concurrency }, () => timed(name)));
  let done = 0;
  const ends = performance.now() + THROUGHPUT_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < ends) {
        await timed(name);
        done++;
      }
    }),
  );
  return done / (THROUGHPUT_MS / 1000);
}

for (const kind of Object.keys(RUNTIMES) as (keyof typeof RUNTIMES)[]) {
  const cold: number[] = [];
  for (let i = 0; i < COLD; i++) cold.push(await timed(await create(kind)));
  const name = await create(kind);
  await timed(name);
  const warm: number[] = [];
  for (let i = 0; i < WARM; i++) warm.push(await timed(name));
  cold.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  const c1 = await throughput(name, 1);
  const c16 = await throughput(name, 16);
  console.log(
    `${kind}: cold start p50 ${percentile(cold, 50).toFixed(1)} ms, p99 ${percentile(cold, 99).toFixed(1)} ms; ` +
      `warm invoke p50 ${percentile(warm, 50).toFixed(2)} ms, p99 ${percentile(warm, 99).toFixed(2)} ms; ` +
      `${c1.toFixed(0)} invokes/s at c=1, ${c16.toFixed(0)} invokes/s at c=16`,
  );
}
/** Messages per second the mapping takes off a queue already holding SQS_MESSAGES messages. */
async function sqsThroughput(): Promise<number> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'bench-esm' }));
  for (let i = 0; i < SQS_MESSAGES; i += 10) {
    const Entries = Array.from({ length: 10 }, (_, j) => ({ Id: String(j), MessageBody: JSON.stringify({ n: i + j }) }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries }));
  }
  const name = await create('node');
  await timed(name);
  const queueArn = 'arn:aws:sqs:us-east-1:000000000000:bench-esm';
  const start = performance.now();
  const { UUID } = await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: name, EventSourceArn: queueArn, BatchSize: 10 }));
  for (;;) {
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
    if (Number(Attributes!.ApproximateNumberOfMessages) + Number(Attributes!.ApproximateNumberOfMessagesNotVisible) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - start) / 1000;
  await lambda.send(new DeleteEventSourceMappingCommand({ UUID }));
  return SQS_MESSAGES / seconds;
}

console.log(`SQS → Lambda (event source mapping, batch size 10, ${SQS_MESSAGES} messages): ${(await sqsThroughput()).toFixed(0)} messages/s`);
lambda.destroy();
sqs.destroy();
await aws.stop();
