/**
 * The write cost of persistence (`npm run bench:persistence`): SQS SendMessage and DynamoDB PutItem through the AWS
 * SDK v3 at concurrency 8 against an in-process twinstack in memory, in WAL mode with each fsync policy, and in
 * snapshot mode; then the same WAL write with more state already stored (a logged write encodes its service's state).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type PersistenceOptions } from '../../emulator/index.ts';

const WRITES = 1000;
const CONCURRENCY = 8;

async function drive(write: (i: number) => Promise<unknown>): Promise<{ perSecond: number; meanMs: number }> {
  let next = 0;
  let busy = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < WRITES) {
      const i = next++;
      const t = performance.now();
      await write(i);
      busy += performance.now() - t;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: Math.round(WRITES / seconds), meanMs: Number((busy / WRITES).toFixed(2)) };
}

async function run(label: string, persist: Omit<PersistenceOptions, 'dir'> | undefined, preloadMessages = 0) {
  const dir = mkdtempSync(join(tmpdir(), 'twinstack-bench-'));
  const aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb'], persist: persist && { dir, ...persist } });
  const config = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } };
  const sqs = new SQSClient(config);
  const dynamodb = new DynamoDBClient(config);
  try {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'bench' }));
    await dynamodb.send(new CreateTableCommand({
      TableName: 'bench', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST',
    }));
    for (let i = 0; i < preloadMessages; i += 10) {
      await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, MessageBody: `preload ${i + j}` })) }));
    }
    const send = await drive((i) => sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `message ${i} ${'x'.repeat(100)}` })));
    const put = await drive((i) => dynamodb.send(new PutItemCommand({ TableName: 'bench', Item: { pk: { S: `item-${i}` }, data: { S: 'x'.repeat(100) } } })));
    console.log(`| ${label} | ${send.perSecond} req/s, ${send.meanMs} ms | ${put.perSecond} req/s, ${put.meanMs} ms |`);
  } finally {
    sqs.destroy();
    dynamodb.destroy();
    await aws.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`${WRITES} writes each at concurrency ${CONCURRENCY}\n`);
console.log('| persistence | SQS SendMessage | DynamoDB PutItem (new items) |\n|---|---|---|');
await run('memory', undefined);
await run('wal, fsync never', { mode: 'wal', fsync: 'never' });
await run('wal, fsync interval', { mode: 'wal', fsync: 'interval' });
await run('wal, fsync always', { mode: 'wal', fsync: 'always' });
await run('snapshot (every 30 s)', { mode: 'snapshot' });
await run('memory, 5,000 messages queued', undefined, 5000);
await run('wal always, 5,000 messages queued', { mode: 'wal', fsync: 'always' }, 5000);
