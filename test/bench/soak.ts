import { readdirSync } from 'node:fs';
import { CreateTableCommand, DeleteItemCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { abort, clientOptions } from './clients.ts';
import { rssMiB } from './process-stats.ts';

/**
 * The soak (issue #22): a steady mixed workload for minutes, with what it stores removed at the rate it is added (SQS
 * messages sent, received and deleted; DynamoDB items put and deleted; Kinesis records put and expired by moving the
 * emulator clock past their retention), while the server's RSS and open file descriptors are sampled. Memory that
 * grows here is memory that nothing AWS would keep holds on to. Opt-in: `npm run bench -- --soak <minutes>`.
 */
export interface SoakResult {
  minutes: number;
  requests: number;
  errors: number;
  firstError?: string;
  /** [minutes since start, RSS MiB, open fds] every sample. */
  samples: [number, number, number][];
  rssStartMiB: number;
  rssEndMiB: number;
  /** Least-squares slope of RSS over the run after its first minute (warm-up), MiB per minute. */
  rssSlopeMiBPerMin: number;
  /** (end - start) / start after the warm-up, in per cent: the issue asks for flat within ±10 %. */
  rssDriftPercent: number;
  fdsStart: number;
  fdsEnd: number;
}

const CONCURRENCY = 8;
const SAMPLE_MS = 5_000;
/** Records older than Kinesis's 24-hour retention are gone: the clock moves a day every this many ms. */
const EXPIRE_EVERY_MS = 30_000;

function openFds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return Number.NaN;
  }
}

function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den ? num / den : 0;
}

export async function runSoak(endpoint: string, pid: number, minutes: number, log: (line: string) => void = () => {}): Promise<SoakResult> {
  const options = clientOptions(endpoint);
  const sqs = new SQSClient(options);
  const ddb = new DynamoDBClient(options);
  const kinesis = new KinesisClient(options);
  const suffix = Date.now().toString(36);
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `soak-${suffix}` }), abort());
  const TableName = `soak-${suffix}`;
  await ddb.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
    abort(),
  );
  const StreamName = `soak-${suffix}`;
  await kinesis.send(new CreateStreamCommand({ StreamName, ShardCount: 2 }), abort());
  await new Promise((r) => setTimeout(r, 600)); // the stream becomes ACTIVE

  const payload = 'x'.repeat(200);
  // One round: a message sent, received and deleted; an item put and deleted; a record put.
  const round = async (i: number) => {
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `${i} ${payload}` }), abort());
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 0 }), abort());
    for (const message of received.Messages ?? []) await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }), abort());
    const Key = { id: { S: `item-${i}` } };
    await ddb.send(new PutItemCommand({ TableName, Item: { ...Key, body: { S: payload } } }), abort());
    await ddb.send(new DeleteItemCommand({ TableName, Key }), abort());
    await kinesis.send(new PutRecordCommand({ StreamName, Data: Buffer.from(payload), PartitionKey: `k${i % 64}` }), abort());
    return 5 + (received.Messages?.length ?? 0);
  };

  const started = performance.now();
  const deadline = started + minutes * 60_000;
  const samples: SoakResult['samples'] = [];
  const sample = () => samples.push([(performance.now() - started) / 60_000, rssMiB(pid), openFds(pid)]);
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);
  const expirer = setInterval(() => {
    void fetch(`${endpoint}/_twinstack/clock`, { method: 'POST', body: JSON.stringify({ advance: '25h' }) }).catch(() => undefined);
  }, EXPIRE_EVERY_MS);
  let requests = 0;
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  let lastLog = started;
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        requests += await round(next++);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        await new Promise((r) => setTimeout(r, 100));
      }
      if (performance.now() - lastLog > 60_000) {
        lastLog = performance.now();
        const [at, rss, fds] = samples[samples.length - 1];
        log(`  soak ${at.toFixed(1)} min: ${requests} requests, RSS ${rss.toFixed(1)} MiB, ${fds} fds, ${errors} errors`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    clearInterval(sampler);
    clearInterval(expirer);
    sample();
    for (const client of [sqs, ddb, kinesis]) client.destroy();
  }
  const warm = samples.filter(([at]) => at >= Math.min(1, minutes / 5));
  const measured = warm.length >= 2 ? warm : samples;
  const rssStart = measured[0][1];
  const rssEnd = measured[measured.length - 1][1];
  return {
    minutes,
    requests,
    errors,
    firstError,
    samples,
    rssStartMiB: rssStart,
    rssEndMiB: rssEnd,
    rssSlopeMiBPerMin: slope(measured.map(([at, rss]) => [at, rss])),
    rssDriftPercent: ((rssEnd - rssStart) / rssStart) * 100,
    fdsStart: measured[0][2],
    fdsEnd: measured[measured.length - 1][2],
  };
}

export function formatSoak(result: SoakResult): string {
  const verdict = Math.abs(result.rssDriftPercent) <= 10 ? 'flat within ±10 %' : 'NOT flat within ±10 %';
  return (
    `soak: ${result.minutes} min, ${result.requests} requests, ${result.errors} errors${result.firstError ? ` (first: ${result.firstError})` : ''}; ` +
    `RSS after warm-up ${result.rssStartMiB.toFixed(1)} -> ${result.rssEndMiB.toFixed(1)} MiB (${result.rssDriftPercent >= 0 ? '+' : ''}${result.rssDriftPercent.toFixed(1)} %, ` +
    `slope ${result.rssSlopeMiBPerMin.toFixed(2)} MiB/min, ${verdict}); open fds ${result.fdsStart} -> ${result.fdsEnd}`
  );
}
