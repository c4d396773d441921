import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { BASELINE_SOURCE } from './baseline-server.ts';
import { clientOptions } from './clients.ts';
import { stopChild } from './server.ts';
import { BENCH_TABLE, benchItem } from './workloads.ts';

/**
 * `npm run bench:instructions`: CPU instructions the server executes per request for the small requests of issue #8,
 * counted by valgrind (callgrind) rather than timed, so the figure does not move with the machine's load. The server
 * runs under valgrind; each operation is sent sequentially `--warm` times (not counted: JIT, caches), then counters are
 * zeroed, `--requests` more are sent and counted, `--windows` times; the median window is reported, for the main
 * thread (where requests are handled), with every window and all threads' counts beside it. Needs valgrind; slow (the
 * server runs ~50x slower). Compare a change by counting both builds (`--bundle`); the bench's null server is not
 * counted unless `--null` counts it instead of twinstack, for the steps it answers (STS, SQS SendMessage, DynamoDB
 * PutItem/GetItem, Kinesis PutRecord, S3 PutObject), to divide by. The SQS steps feed each other (send, then receive, then delete),
 * and GetItem reads PutItem's table.
 */
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    warm: { type: 'string', default: '1000' },
    // Counted windows per operation; the median is reported (a major GC or a late optimization lands in one of them).
    windows: { type: 'string', default: '3' },
    only: { type: 'string' },
    // Another build of the server to count (e.g. a copy of emulator/cli/dist made before a change): its main.mjs.
    bundle: { type: 'string' },
    // Count the bench's do-nothing server (baseline-server.ts) instead, the same way.
    null: { type: 'boolean', default: false },
  },
});
const REQUESTS = Number(values.requests);
const WARM = Number(values.warm);
const WINDOWS = Number(values.windows);
const BIN = values.bundle ?? fileURLToPath(new URL('../../emulator/cli/bin.js', import.meta.url));

type Op = (i: number) => Promise<unknown>;

/** Under valgrind a first request of a kind can take seconds (compiling); a hung server still fails the run. */
const slow = () => ({ abortSignal: AbortSignal.timeout(120_000) });

/**
 * Each step: a name and, given the endpoint, the operation (after any setup it needs); run in this order. `nullServer`:
 * the endpoint is the do-nothing server, which needs no setup; steps it does not answer return undefined.
 */
const STEPS: { name: string; prepare(endpoint: string, nullServer: boolean): Promise<Op | undefined> }[] = [
  {
    name: 'STS GetCallerIdentity',
    async prepare(endpoint) {
      const client = new STSClient(clientOptions(endpoint));
      return () => client.send(new GetCallerIdentityCommand({}), slow());
    },
  },
  ...sqsSteps(),
  ...dynamodbSteps(),
  {
    name: 'Kinesis PutRecord (200 bytes)',
    async prepare(endpoint, nullServer) {
      const client = new KinesisClient(clientOptions(endpoint));
      if (!nullServer) {
        await client.send(new CreateStreamCommand({ StreamName: 'bench', ShardCount: 4 }), slow());
        // A new stream is CREATING for a moment.
        await new Promise((r) => setTimeout(r, 2000));
      }
      const data = Buffer.alloc(200, 'k');
      return (i) => client.send(new PutRecordCommand({ StreamName: 'bench', PartitionKey: `key-${i}`, Data: data }), slow());
    },
  },
  {
    // The SDK's upload of a Buffer: its SHA-256 signed, its CRC32 in a header (the null server answers as S3 does).
    name: 'S3 PutObject 1 KiB',
    async prepare(endpoint, nullServer) {
      const client = new S3Client({ ...clientOptions(endpoint), forcePathStyle: true });
      if (!nullServer) await client.send(new CreateBucketCommand({ Bucket: 'bench' }), slow());
      const body = Buffer.alloc(1024, 'k');
      return (i) => client.send(new PutObjectCommand({ Bucket: 'bench', Key: `put/${i % 1000}`, Body: body }), slow());
    },
  },
];

function sqsSteps() {
  let client: SQSClient;
  let queueUrl = '';
  const handles: string[] = [];
  return [
    {
      name: 'SQS SendMessage',
      async prepare(endpoint: string, nullServer: boolean): Promise<Op> {
        client = new SQSClient(clientOptions(endpoint));
        queueUrl = nullServer
          ? `${endpoint}/000000000000/null`
          : (await client.send(new CreateQueueCommand({ QueueName: 'bench', Attributes: { VisibilityTimeout: '43200' } }), slow())).QueueUrl!;
        return (i) => client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `message ${i} ${'x'.repeat(200)}` }), slow());
      },
    },
    {
      name: 'SQS ReceiveMessage',
      async prepare(_endpoint: string, nullServer: boolean): Promise<Op | undefined> {
        if (nullServer) return undefined;
        return async () => {
          const out = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 0 }), slow());
          for (const m of out.Messages ?? []) handles.push(m.ReceiptHandle!);
        };
      },
    },
    {
      name: 'SQS DeleteMessage',
      async prepare(_endpoint: string, nullServer: boolean): Promise<Op | undefined> {
        if (nullServer) return undefined;
        return () => client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: handles.pop()! }), slow());
      },
    },
  ];
}

const ITEMS = 2_000;

function dynamodbSteps() {
  let client: DynamoDBClient;
  return [
    {
      name: 'DynamoDB PutItem',
      async prepare(endpoint: string, nullServer: boolean): Promise<Op> {
        client = new DynamoDBClient(clientOptions(endpoint));
        if (!nullServer) await client.send(new CreateTableCommand(BENCH_TABLE), slow());
        for (let batch = 0; batch < ITEMS / 25 && !nullServer; batch++) {
          const items = Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: benchItem(batch * 25 + j) } }));
          await client.send(new BatchWriteItemCommand({ RequestItems: { [BENCH_TABLE.TableName]: items } }), slow());
        }
        return (i) => client.send(new PutItemCommand({ TableName: BENCH_TABLE.TableName, Item: benchItem(ITEMS + i) }), slow());
      },
    },
    {
      name: 'DynamoDB GetItem',
      async prepare(): Promise<Op> {
        // Deterministic keys (existing items), so that runs before and after a change do the same work.
        return (i) => {
          const n = (i * 7919) % ITEMS;
          return client.send(new GetItemCommand({ TableName: BENCH_TABLE.TableName, Key: { pk: { S: `p${Math.floor(n / 10)}` }, sk: { N: String(n % 10) } } }), slow());
        };
      },
    },
  ];
}

/**
 * Instructions in the dump just written (one file per thread): the main thread's, where the requests are handled
 * (JavaScript, and the garbage collector's work there), and all threads' (with V8's background compiler and
 * concurrent marking, which vary from run to run by more than most changes to the request path).
 */
function dumpTotals(dir: string, dump: number): { main: number; all: number } {
  let main = 0;
  let all = 0;
  for (const file of readdirSync(dir)) {
    const match = /^callgrind\.out\.(\d+)-(\d+)$/.exec(file);
    if (!match || Number(match[1]) !== dump) continue;
    const totals = /^totals: (\d+)/m.exec(readFileSync(join(dir, file), 'utf8'));
    const count = totals ? Number(totals[1]) : 0;
    all += count;
    if (Number(match[2]) === 1) main = count;
  }
  if (!all) throw new Error('callgrind wrote no dump');
  return { main, all };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'twinstack-callgrind-'));
  const server = values.null ? ['-e', BASELINE_SOURCE] : [BIN, 'start', '--port', '0', '--host', '127.0.0.1'];
  const child = spawn('valgrind', ['--tool=callgrind', `--callgrind-out-file=${dir}/callgrind.out`, '--dump-instr=no', '--separate-threads=yes', process.execPath, ...server], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SERVICES: undefined },
  });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const match = /ready on (http:\/\/[^\s]+)|listening (\d+)/.exec(output);
      if (match) resolve(match[1] ?? `http://127.0.0.1:${match[2]}`);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  child.stdout!.resume();
  let dumps = 0;
  const control = (flag: string) => execFileSync('callgrind_control', [flag, String(child.pid)], { stdio: 'ignore' });
  try {
    for (const step of STEPS.filter((s) => !values.only || s.name.includes(values.only!))) {
      const op = await step.prepare(endpoint, values.null);
      if (!op) continue;
      for (let i = 0; i < WARM; i++) await op(i);
      const counts: { main: number; all: number }[] = [];
      for (let window = 0; window < WINDOWS; window++) {
        control('-z');
        for (let i = 0; i < REQUESTS; i++) await op(WARM + window * REQUESTS + i);
        control('-d');
        counts.push(dumpTotals(dir, ++dumps));
      }
      const k = (count: number) => `${(count / REQUESTS / 1000).toFixed(0)}K`;
      const mainThread = counts.map((c) => c.main).sort((a, b) => a - b);
      console.log(
        `${step.name.padEnd(32)} ${k(mainThread[Math.floor(WINDOWS / 2)]).padStart(5)} instructions per request on the main thread ` +
          `(windows: ${counts.map((c) => k(c.main)).join(' ')}; all threads: ${counts.map((c) => k(c.all)).join(' ')})`,
      );
    }
  } finally {
    await stopChild(child);
    if (process.env.KEEP_CALLGRIND) console.log(`dumps kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
