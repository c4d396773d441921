import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { CreateTableCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

/**
 * Crash safety of WAL persistence with fsync on: a child emulator under concurrent write load is killed with
 * SIGKILL at a random point, restarted on the same directory, and every acknowledged write must be there: each
 * SQS message acknowledged by SendMessage exactly once (nothing was received, so nothing may repeat), each
 * DynamoDB item acknowledged by PutItem, each S3 object acknowledged by PutObject with its bytes, each Secrets Manager
 * secret acknowledged by CreateSecret with its value. Unacknowledged writes (in flight at the kill) may or may not be
 * there.
 */
describe('persistence crash test (SIGKILL under write load: SQS, DynamoDB, S3, Secrets Manager)', function () {
  this.timeout(120_000);
  const ROUNDS = 3;
  let dir: string;
  let child: ChildProcess | undefined;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'twinstack-crash-'))));
  after(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function startChild() {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./persistence-child.ts', import.meta.url)), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr!.on('data', (chunk) => (stderr += chunk));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: proc.stdout! }).once('line', resolve);
      proc.once('exit', (code) => reject(new Error(`child exited with ${code}: ${stderr}`)));
    });
    const { endpoint } = JSON.parse(line);
    const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
    return {
      sqs: new SQSClient(config),
      dynamodb: new DynamoDBClient(config),
      s3: new S3Client({ ...config, forcePathStyle: true }),
      secrets: new SecretsManagerClient(config),
      process: proc,
    };
  }

  it(`loses no acknowledged write over ${ROUNDS} kills`, async () => {
    const ackedMessages = new Set<string>();
    const ackedItems = new Set<string>();
    const ackedObjects = new Set<string>();
    const ackedSecrets = new Set<string>();
    /** An object's bytes: some kilobytes, different per object. */
    const objectBody = (id: string) => Buffer.alloc(4096 + (id.length % 7) * 1000, id);
    let next = 0;
    let queuePath = '';
    for (let round = 0; round <= ROUNDS; round++) {
      const running = await startChild();
      child = running.process;
      const { sqs, dynamodb, s3, secrets } = running;
      const destroyClients = () => [sqs, dynamodb, s3, secrets].forEach((c) => c.destroy());
      if (round === 0) {
        await s3.send(new CreateBucketCommand({ Bucket: 'crash' }));
        queuePath = new URL((await sqs.send(new CreateQueueCommand({ QueueName: 'crash' }))).QueueUrl!).pathname;
        await dynamodb.send(new CreateTableCommand({
          TableName: 'crash', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST',
        }));
      }
      const queueUrl = `${(await sqs.config.endpoint!()).protocol}//${(await sqs.config.endpoint!()).hostname}:${(await sqs.config.endpoint!()).port}${queuePath}`;
      // Every write acknowledged before any kill must be back.
      const bodies: string[] = [];
      for (;;) {
        const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 43200 }));
        if (!got.Messages?.length) break;
        bodies.push(...got.Messages.map((m) => m.Body!));
      }
      const seen = new Set(bodies);
      assert.equal(seen.size, bodies.length, 'a message came back twice');
      for (const id of ackedMessages) assert.ok(seen.has(id), `acknowledged message ${id} lost (round ${round})`);
      const items = new Set<string>();
      let start: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
      do {
        const page = await dynamodb.send(new ScanCommand({ TableName: 'crash', ExclusiveStartKey: start }));
        for (const item of page.Items ?? []) items.add(item.pk.S!);
        start = page.LastEvaluatedKey;
      } while (start);
      for (const id of ackedItems) assert.ok(items.has(id), `acknowledged item ${id} lost (round ${round})`);
      for (const id of ackedObjects) {
        const object = await s3.send(new GetObjectCommand({ Bucket: 'crash', Key: id })).catch(() => undefined);
        assert.ok(object, `acknowledged object ${id} lost (round ${round})`);
        assert.ok(Buffer.from(await object.Body!.transformToByteArray()).equals(objectBody(id)), `object ${id} came back with other bytes`);
      }
      for (const id of ackedSecrets) {
        const secret = await secrets.send(new GetSecretValueCommand({ SecretId: id })).catch(() => undefined);
        assert.equal(secret?.SecretString, `value of ${id}`, `acknowledged secret ${id} lost (round ${round})`);
      }
      // Everything seen so far was consumed; only new sends are checked from here on.
      ackedMessages.clear();
      if (round === ROUNDS) {
        destroyClients();
        child.kill('SIGKILL');
        break;
      }

      let stop = false;
      const worker = async () => {
        while (!stop) {
          const id = `m${next++}`;
          const writes = [
            () => sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: id })).then(() => ackedMessages.add(id)),
            () => dynamodb.send(new PutItemCommand({ TableName: 'crash', Item: { pk: { S: id } } })).then(() => ackedItems.add(id)),
            () => s3.send(new PutObjectCommand({ Bucket: 'crash', Key: id, Body: objectBody(id) })).then(() => ackedObjects.add(id)),
            () => secrets.send(new CreateSecretCommand({ Name: id, SecretString: `value of ${id}` })).then(() => ackedSecrets.add(id)),
          ];
          const write = writes[next % writes.length]();
          await write.catch(() => (stop = true));
        }
      };
      const workers = Array.from({ length: 8 }, worker);
      await new Promise((r) => setTimeout(r, 600 + Math.random() * 1400));
      child.kill('SIGKILL');
      await Promise.all(workers);
      await new Promise((r) => child!.once('exit', r).exitCode !== null && r(undefined));
      destroyClients();
      assert.ok(ackedMessages.size > 5 && ackedItems.size > 5 && ackedObjects.size > 5 && ackedSecrets.size > 5, 'the load made too few writes to mean anything');
      if (process.env.CRASH_DEBUG) {
        console.log(`round ${round}: ${ackedMessages.size} messages, ${ackedItems.size} items, ${ackedObjects.size} objects, ${ackedSecrets.size} secrets acknowledged in total`);
      }
      // One round also leaves a torn record at the end of the log, as a kill in mid-append would.
      if (round === 1) appendFileSync(join(dir, 'state.wal'), Buffer.from([0, 0, 0, 200, 1, 2, 3, 4, 123]));
    }
  });
});
