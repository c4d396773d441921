import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NULL_NAME, NULL_RECEIPT_HANDLE, startBaselineServer } from './baseline-server.ts';
import { abort, clientOptions } from './clients.ts';
import { availableParallelism, loadavg } from 'node:os';
import { median, runLoad, runPaired, type LoadResult } from './load.ts';
import { formatCdk, runCdkBench, type CdkBenchResult } from './cdk.ts';
import { formatLargeUpload, measureLargeUpload, type LargeUploadResult } from './s3-large-upload.ts';
import { rssMiB } from './process-stats.ts';
import { startBareNodeServer, startCliServer, type StartedServer } from './server.ts';
import { formatSoak, runSoak, type SoakResult } from './soak.ts';
import { runVerifier } from './verifier.ts';
import { peerRows } from './peers.ts';
import { benchItem, randomKey, resetWorkloads, TABLE, WORKLOADS, type Operation, type Workload } from './workloads.ts';

/**
 * `npm run bench`: start time and idle memory of `twinstack start`, then requests per second at concurrency 1 and 16
 * and server CPU time per request for each workload, each in rounds that alternate with a do-nothing Node HTTP server
 * answering the same number of requests at the same concurrency (the `null` columns; the `vs null` columns: the
 * median over the rounds of the server CPU per request as a multiple of the null server's in the round after it, for
 * the same operation where it answers that one, else for STS GetCallerIdentity; in brackets the lowest and highest
 * round). Before each level both servers answer the same number of unmeasured requests (WARM_REQUESTS). Loopback only. On a shared machine
 * the throughput and µs columns move with the other load; the ratios much less, as both sides see the same load. `--soak <minutes>` (or
 * TWINSTACK_BENCH_SOAK_MINUTES) adds the soak of issue #22 on a fresh server: RSS drift, open fds, errors; `--peers`
 * (or TWINSTACK_BENCH_PEERS=1) adds the single-service peers of issue #8 (see peers.ts); `--fuzz <requests>` (or
 * TWINSTACK_BENCH_FUZZ_RUNS) runs the fuzz test long: that many requests per service and protocol family. The CDK
 * figures of issue #18 (test/bench/cdk.ts, also `npm run bench:cdk`) end the run, on a fresh server; `--only CDK` runs
 * them alone.
 */
const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    // The workload's measured time per concurrency level, in ROUNDS rounds; the null rounds take about as long again.
    seconds: { type: 'string', default: '2' },
    // Rounds per concurrency level, each workload round followed by a null round; the ratio is their median.
    rounds: { type: 'string', default: '5' },
    starts: { type: 'string', default: '5' },
    // Only the workloads whose name contains this text (and no start-time or verifier rows): `--only Firehose`.
    only: { type: 'string' },
    // The 1 GiB S3 multipart upload (bodies in memory, then on disk): `also` after the workloads, `only` alone.
    's3-large-upload': { type: 'string' },
    // The soak of issue #22 (mixed load, RSS and fds sampled): minutes, off by default; env TWINSTACK_BENCH_SOAK_MINUTES.
    soak: { type: 'string', default: process.env.TWINSTACK_BENCH_SOAK_MINUTES ?? '0' },
    // The long fuzz of issue #22: requests per service and protocol family (the suite's default is 200).
    fuzz: { type: 'string', default: process.env.TWINSTACK_BENCH_FUZZ_RUNS ?? '0' },
    // The single-service peers of issue #8 (test/bench/peers.ts), after twinstack's own rows.
    peers: { type: 'boolean', default: process.env.TWINSTACK_BENCH_PEERS === '1' },
  },
});
const durationMs = Number(values.seconds) * 1000;
const CONCURRENCY = [1, 16] as const;
const ROUNDS = Number(values.rounds);
/**
 * Requests each server answers for a workload at each concurrency level before it is measured (or as many as the
 * workload answers in WARM_MS): V8 compiles a path over its first thousands of requests, and a cold null server costs
 * 2-3x a warm one, so both sides are warmed with the same number of requests.
 */
const WARM_REQUESTS = 2000;
const WARM_MS = 3000;

interface Row {
  name: string;
  /** The workload a peer's row ran. */
  workload?: string;
  results?: LoadResult[];
  /** The null server's rounds next to each of `results` (same concurrency, same number of requests). */
  baselines?: LoadResult[];
  /** Per concurrency level: median over the rounds of workload CPU per request / null CPU per request. */
  ratios?: number[];
  /** Per concurrency level: the lowest and highest of the rounds' ratios. */
  spreads?: [number, number][];
  note?: string;
}

type Measured = Pick<Row, 'results' | 'baselines' | 'ratios' | 'spreads'>;

async function measureStart(runs: number) {
  const times: number[] = [];
  const bareTimes: number[] = [];
  let rss = Number.NaN;
  for (let i = 0; i < runs; i++) {
    const server = await startCliServer();
    times.push(server.startMs);
    // Idle memory: after start, before any AWS request, once the event loop has settled.
    await new Promise((r) => setTimeout(r, 300));
    rss = rssMiB(server.pid);
    await server.stop();
    // In turn with twinstack's, so that both see the same machine load.
    const bare = await startBareNodeServer();
    bareTimes.push(bare.startMs);
    await bare.stop();
  }
  return { medianMs: median(times), allMs: times, idleRssMiB: rss, bareNodeMedianMs: median(bareTimes) };
}

/** The null server, running through all the workloads, and its client for each operation it answers. */
let nullServer: { pid: number; ops: Map<string, Operation>; stop(): Promise<void> } | undefined;

/** `op` at each concurrency level, in rounds that alternate with the null server's answer to the same workload. */
async function loadBoth(workload: string, op: Operation, serverPid: number, budget?: (concurrency: number) => number): Promise<Measured> {
  const { pid: nullPid, ops } = nullServer!;
  const nullOp = ops.get(workload) ?? ops.get(workload.split(/ \(|, /)[0]) ?? ops.get(NULL_WORKLOADS[0].name)!;
  const measured = { results: [] as LoadResult[], baselines: [] as LoadResult[], ratios: [] as number[], spreads: [] as [number, number][] };
  for (const concurrency of CONCURRENCY) {
    // Warm-up, not measured (JIT, connection pools): the null server answers as many requests as the workload did. A
    // workload with a budget (receipt handles) spends a quarter of it at most.
    const warm = budget ? Math.min(WARM_REQUESTS, Math.floor(budget(concurrency) / 4)) : WARM_REQUESTS;
    const warmed = await runLoad(op, { concurrency, durationMs: WARM_MS, serverPid, maxRequests: warm });
    await runLoad(nullOp, { concurrency, durationMs: WARM_MS * 10, serverPid: nullPid, maxRequests: warmed.requests });
    const paired = await runPaired(op, nullOp, { concurrency, durationMs, serverPid, nullPid, rounds: ROUNDS, maxRequests: budget?.(concurrency) });
    measured.results.push(paired.result);
    measured.baselines.push(paired.baseline);
    measured.ratios.push(paired.ratio);
    measured.spreads.push(paired.spread);
  }
  return measured;
}

/**
 * The do-nothing server answers the workloads that matter most to issue #8 with canned replies of the same size as
 * twinstack's; each workload of the same name, or whose name is one of these followed by ` (` or `, ` (`SQS
 * DeleteMessage (20k in flight)`), is compared with its own null row, every other one with the STS null row.
 */
const NULL_WORKLOADS: { name: string; op: (endpoint: string) => Operation }[] = [
  { name: 'STS GetCallerIdentity', op: (endpoint) => sdkOp(new STSClient(clientOptions(endpoint)), () => new GetCallerIdentityCommand({})) },
  {
    name: 'SQS SendMessage',
    op: (endpoint) =>
      sdkOp(new SQSClient(clientOptions(endpoint)), (i) => new SendMessageCommand({ QueueUrl: `${endpoint}/000000000000/${NULL_NAME}`, MessageBody: `message ${i} ${'x'.repeat(200)}` })),
  },
  {
    name: 'SQS ReceiveMessage',
    op: (endpoint) =>
      sdkOp(new SQSClient(clientOptions(endpoint)), () => new ReceiveMessageCommand({ QueueUrl: `${endpoint}/000000000000/${NULL_NAME}`, MaxNumberOfMessages: 1, WaitTimeSeconds: 0 })),
  },
  {
    name: 'SQS DeleteMessage',
    op: (endpoint) =>
      sdkOp(new SQSClient(clientOptions(endpoint)), () => new DeleteMessageCommand({ QueueUrl: `${endpoint}/000000000000/${NULL_NAME}`, ReceiptHandle: NULL_RECEIPT_HANDLE })),
  },
  { name: 'DynamoDB PutItem', op: (endpoint) => sdkOp(new DynamoDBClient(clientOptions(endpoint)), (i) => new PutItemCommand({ TableName: TABLE, Item: benchItem(i) })) },
  { name: 'DynamoDB GetItem', op: (endpoint) => sdkOp(new DynamoDBClient(clientOptions(endpoint)), () => new GetItemCommand({ TableName: TABLE, Key: randomKey() })) },
  {
    name: 'Kinesis PutRecord (200 bytes)',
    op: (endpoint) => sdkOp(new KinesisClient(clientOptions(endpoint)), (i) => new PutRecordCommand({ StreamName: NULL_NAME, PartitionKey: `key-${i}`, Data: Buffer.alloc(200, 'k') })),
  },
  {
    // The same body and keys as the workload's (s3-workloads.ts).
    name: 'S3 PutObject 1 KiB',
    op: (endpoint) => {
      const body = Buffer.alloc(1024, 'k');
      return sdkOp(new S3Client({ ...clientOptions(endpoint), forcePathStyle: true }), (i) => new PutObjectCommand({ Bucket: NULL_NAME, Key: `put/${i % 1000}`, Body: body }));
    },
  },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any SDK v3 client and command pair
function sdkOp(client: { send(command: any, options: object): Promise<unknown> }, command: (i: number) => object): Operation {
  return (i) => client.send(command(i), abort());
}

async function startNullServer(): Promise<NonNullable<typeof nullServer>> {
  const baseline = await startBaselineServer();
  return { pid: baseline.pid, ops: new Map(NULL_WORKLOADS.map((w) => [w.name, w.op(baseline.endpoint)])), stop: () => baseline.stop() };
}

/** Server CPU per request as a multiple of the do-nothing server's next to it (issue #8 target: <= 1.5). */
const ratio = (value: number | undefined, spread?: [number, number]) =>
  value !== undefined && Number.isFinite(value) ? `${value.toFixed(2)}x${spread ? ` (${spread[0].toFixed(2)}-${spread[1].toFixed(2)})` : ''}` : '-';
const micros = (result: LoadResult | undefined) => (result?.requests ? result.serverCpuMicros.toFixed(0) : '-');

function format(rows: Row[]): string {
  const header = ['workload', 'req/s c=1', 'req/s c=16', 'server µs/req c=1', 'server µs/req c=16', 'null µs/req c=1', 'null µs/req c=16', 'vs null c=1', 'vs null c=16', 'note'];
  const lines = rows.map((row) => {
    const [one, sixteen] = row.results ?? [];
    const [baseOne, baseSixteen] = row.baselines ?? [];
    const errors = (row.results ?? []).filter((r) => r.errors).map((r) => `${r.errors} errors at c=${r.concurrency}: ${r.firstError}`);
    return [
      row.name,
      one ? one.requestsPerSecond.toFixed(0) : '-',
      sixteen ? sixteen.requestsPerSecond.toFixed(0) : '-',
      micros(one),
      micros(sixteen),
      micros(baseOne),
      micros(baseSixteen),
      ratio(row.ratios?.[0], row.spreads?.[0]),
      ratio(row.ratios?.[1], row.spreads?.[1]),
      [row.note, ...errors].filter(Boolean).join('; '),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  return [render(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(render)].join('\n');
}

async function largeUploads(): Promise<LargeUploadResult[]> {
  const results: LargeUploadResult[] = [];
  for (const storage of ['memory', 'disk'] as const) {
    const result = await measureLargeUpload(storage);
    console.log(formatLargeUpload(result));
    results.push(result);
  }
  return results;
}

async function runWorkloads(server: StartedServer, workloads: Workload[], rows: Row[]): Promise<void> {
  for (const workload of workloads) {
    if (!server.services.includes(workload.service)) {
      rows.push({ name: workload.name, note: `skipped: service '${workload.service}' is not in this build yet` });
      continue;
    }
    process.stdout.write(`  ${workload.name}...\n`);
    try {
      const { op, budget } = await workload.prepare(server.endpoint);
      rows.push({ name: workload.name, ...(await loadBoth(workload.name, op, server.pid, budget)) });
    } catch (error) {
      rows.push({ name: workload.name, note: `failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}

async function main() {
  if (values['s3-large-upload'] === 'only') {
    await largeUploads();
    return;
  }
  console.log(
    `twinstack bench: ${values.starts} starts, ${values.seconds} s per workload and concurrency level in ${ROUNDS} rounds, each followed by the null server; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  const start = await measureStart(values.only ? 1 : Number(values.starts));
  console.log(`start (spawn -> health OK): median ${start.medianMs.toFixed(0)} ms [${start.allMs.map((t) => t.toFixed(0)).join(', ')}]; idle RSS ${start.idleRssMiB.toFixed(1)} MiB`);
  console.log(`  a bare Node HTTP server, started in turn: median ${start.bareNodeMedianMs.toFixed(0)} ms${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: every Node process parses that bundle at start)' : ''}`);

  const rows: Row[] = [];
  nullServer = await startNullServer();
  const selected = WORKLOADS.filter((w) => !values.only || w.name.includes(values.only!));
  const server = await startCliServer();
  let loadedRss: number;
  try {
    await runWorkloads(server, selected.filter((w) => !w.enforceIam), rows);
    const enforced = selected.filter((w) => w.enforceIam);
    if (enforced.length) {
      // A second server with policy enforcement on, so the enforced rows compare with their unenforced twins.
      const enforcing = await startCliServer(30_000, { ENFORCE_IAM: '1' });
      try {
        await runWorkloads(enforcing, enforced, rows);
      } finally {
        await enforcing.stop();
      }
    }
    if (!values.only) {
      process.stdout.write('  verifier...\n');
      rows.push(await runVerifier(fileURLToPath(new URL('../../contracts/', import.meta.url))));
    }
    if (values.peers) {
      const row = (name: string, workload: string, measured?: Measured, note?: string): Row => ({ name, workload, ...measured, note });
      rows.push(...(await peerRows(WORKLOADS, resetWorkloads, loadBoth, row, (line) => console.log(line))));
    }
    loadedRss = rssMiB(server.pid);
    console.log(`\n${format(rows)}\n`);
    console.log(`server RSS after the workloads: ${loadedRss.toFixed(1)} MiB; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await server.stop();
    await nullServer.stop();
  }
  let soak: SoakResult | undefined;
  if (Number(values.soak) > 0) {
    // A fresh server: the soak's memory is measured from its own start, not after the workloads above.
    const soakServer = await startCliServer();
    try {
      console.log(`soak: ${values.soak} min of mixed SQS/DynamoDB/Kinesis load on a fresh server...`);
      soak = await runSoak(soakServer.endpoint, soakServer.pid, Number(values.soak), (line) => console.log(line));
      console.log(formatSoak(soak));
    } finally {
      await soakServer.stop();
    }
  }
  if (Number(values.fuzz) > 0) {
    console.log(`fuzz: ${values.fuzz} requests per service and protocol family (test/fuzz)...`);
    const mocha = spawnSync(process.execPath, [fileURLToPath(new URL('../../node_modules/mocha/bin/mocha.js', import.meta.url)), 'test/fuzz/fuzz.test.ts', '--timeout', '0'], {
      stdio: 'inherit',
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: { ...process.env, TWINSTACK_FUZZ_RUNS: values.fuzz },
    });
    console.log(`fuzz: ${mocha.status === 0 ? 'passed' : `FAILED (exit ${mocha.status})`}`);
  }
  const large = values['s3-large-upload'] === 'also' ? await largeUploads() : undefined;
  let cdk: CdkBenchResult | undefined;
  if (!values.only || 'CDK'.includes(values.only)) {
    console.log('CDK: examples/cdk-app on a fresh server...');
    cdk = await runCdkBench((line) => console.log(line));
    console.log(formatCdk(cdk));
  }
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, start, rows, loadedRssMiB: loadedRss, soak, s3LargeUpload: large, cdk }, null, 2)}\n`);
    console.log(`wrote ${values.json}`);
  }
}

await main();
// SDK keep-alive sockets would hold the process open.
process.exit(0);
