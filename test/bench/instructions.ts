import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
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
import { BASELINE_SOURCE, NULL_NAME, NULL_RECEIPT_HANDLE } from './baseline-server.ts';
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
 * counted unless `--null` counts it instead of twinstack, for every step, to divide by. The SQS steps feed each other
 * (send, then receive, then delete), and GetItem reads PutItem's table.
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
    // Bytes allocated per request (V8's GC trace) instead of instructions: no valgrind, full speed.
    allocations: { type: 'boolean', default: false },
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
 * the endpoint is the do-nothing server, which needs no setup.
 */
const STEPS: { name: string; prepare(endpoint: string, nullServer: boolean): Promise<Op> }[] = [
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
        await client.send(new CreateStreamCommand({ StreamName: NULL_NAME, ShardCount: 4 }), slow());
        // A new stream is CREATING for a moment.
        await new Promise((r) => setTimeout(r, 2000));
      }
      const data = Buffer.alloc(200, 'k');
      return (i) => client.send(new PutRecordCommand({ StreamName: NULL_NAME, PartitionKey: `key-${i}`, Data: data }), slow());
    },
  },
  {
    // The SDK's upload of a Buffer: its SHA-256 signed, its CRC32 in a header (the null server answers as S3 does).
    name: 'S3 PutObject 1 KiB',
    async prepare(endpoint, nullServer) {
      const client = new S3Client({ ...clientOptions(endpoint), forcePathStyle: true });
      if (!nullServer) await client.send(new CreateBucketCommand({ Bucket: NULL_NAME }), slow());
      const body = Buffer.alloc(1024, 'k');
      return (i) => client.send(new PutObjectCommand({ Bucket: NULL_NAME, Key: `put/${i % 1000}`, Body: body }), slow());
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
          ? `${endpoint}/000000000000/${NULL_NAME}`
          : (await client.send(new CreateQueueCommand({ QueueName: NULL_NAME, Attributes: { VisibilityTimeout: '43200' } }), slow())).QueueUrl!;
        return (i) => client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `message ${i} ${'x'.repeat(200)}` }), slow());
      },
    },
    {
      name: 'SQS ReceiveMessage',
      async prepare(_endpoint: string, nullServer: boolean): Promise<Op> {
        return async () => {
          const out = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 0 }), slow());
          if (!nullServer) for (const m of out.Messages ?? []) handles.push(m.ReceiptHandle!);
        };
      },
    },
    {
      name: 'SQS DeleteMessage',
      async prepare(_endpoint: string, nullServer: boolean): Promise<Op> {
        return () => client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: nullServer ? NULL_RECEIPT_HANDLE : handles.pop()! }), slow());
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

/** What a window of requests is measured by: zeroed before it, read after it. */
interface Meter {
  /** valgrind and its options before the server's command line, or Node options for the server. */
  command: string[];
  zero(child: ChildProcess): void;
  /** The window's figures (the first one's median is the headline). */
  read(child: ChildProcess): Promise<number[]>;
  format(windows: number[][]): string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Callgrind's instruction counts: the main thread's, and all threads' beside them. */
function callgrindMeter(dir: string): Meter {
  let dumps = 0;
  const control = (flag: string, child: ChildProcess) => execFileSync('callgrind_control', [flag, String(child.pid)], { stdio: 'ignore' });
  const k = (count: number) => `${(count / REQUESTS / 1000).toFixed(0)}K`;
  return {
    command: ['valgrind', '--tool=callgrind', `--callgrind-out-file=${dir}/callgrind.out`, '--dump-instr=no', '--separate-threads=yes', process.execPath],
    zero: (child) => control('-z', child),
    async read(child) {
      control('-d', child);
      const { main, all } = dumpTotals(dir, ++dumps);
      return [main, all];
    },
    format: (windows) =>
      `${k(median(windows.map((w) => w[0]))).padStart(5)} instructions per request on the main thread ` +
      `(windows: ${windows.map((w) => k(w[0])).join(' ')}; all threads: ${windows.map((w) => k(w[1])).join(' ')})`,
  };
}

/**
 * `--allocations`: bytes the server allocates per request, summed from V8's GC trace (each collection prints what was
 * allocated since the one before), and the collections' pauses. With 1 MiB semi-spaces a window's count is off by at
 * most the young generation's fill at its two ends, which 1,000s of requests make small; no valgrind, so it runs at
 * full speed.
 */
function allocationMeter(output: { text: string }): Meter {
  let from = 0;
  const kb = (bytes: number) => `${(bytes / REQUESTS / 1024).toFixed(1)} KiB`;
  const us = (ms: number) => `${((ms * 1000) / REQUESTS).toFixed(1)} µs`;
  return {
    command: [process.execPath, '--trace-gc-nvp', '--max-semi-space-size=1', '--min-semi-space-size=1'],
    zero: () => {
      from = output.text.length;
    },
    async read() {
      // The trace is written as collections happen; what the last requests caused has arrived a moment later.
      await new Promise((r) => setTimeout(r, 200));
      let allocated = 0;
      let pauseMs = 0;
      for (const line of output.text.slice(from).split('\n')) {
        allocated += Number(/ allocated=(\d+)/.exec(line)?.[1] ?? 0);
        pauseMs += Number(/ pause=([\d.]+)/.exec(line)?.[1] ?? 0);
      }
      return [allocated, pauseMs];
    },
    format: (windows) =>
      `${kb(median(windows.map((w) => w[0]))).padStart(9)} allocated per request ` +
      `(windows: ${windows.map((w) => kb(w[0])).join(' ')}; GC pauses per request: ${windows.map((w) => us(w[1])).join(' ')})`,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'twinstack-callgrind-'));
  const output = { text: '' };
  const meter = values.allocations ? allocationMeter(output) : callgrindMeter(dir);
  const server = values.null ? ['-e', BASELINE_SOURCE] : [BIN, 'start', '--port', '0', '--host', '127.0.0.1'];
  const child = spawn(meter.command[0], [...meter.command.slice(1), ...server], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SERVICES: undefined },
  });
  child.stderr!.on('data', (c: Buffer) => (output.text += c.toString()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output.text += c.toString();
      const match = /ready on (http:\/\/[^\s]+)|listening (\d+)/.exec(output.text);
      if (match) resolve(match[1] ?? `http://127.0.0.1:${match[2]}`);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.text}`)));
  });
  try {
    for (const step of STEPS.filter((s) => !values.only || s.name.includes(values.only!))) {
      const op = await step.prepare(endpoint, values.null);
      for (let i = 0; i < WARM; i++) await op(i);
      const windows: number[][] = [];
      for (let window = 0; window < WINDOWS; window++) {
        meter.zero(child);
        for (let i = 0; i < REQUESTS; i++) await op(WARM + window * REQUESTS + i);
        windows.push(await meter.read(child));
      }
      console.log(`${step.name.padEnd(32)} ${meter.format(windows)}`);
    }
  } finally {
    await stopChild(child);
    if (process.env.KEEP_CALLGRIND) console.log(`dumps kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
