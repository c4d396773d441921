import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetQueueUrlCommand, SendMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startCli, stopCli } from '../../test/support/cli-process.ts';

const CLI = fileURLToPath(new URL('../../emulator/cli/bin.js', import.meta.url));
const INIT = fileURLToPath(new URL('./init', import.meta.url));

/** `twinstack start` configured the way the LocalStack compose file configures LocalStack. */
function start(dataDir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const env = { ...process.env, SERVICES: 'sqs,s3,dynamodb', PERSISTENCE: '1', DATA_DIR: dataDir, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' };
  return startCli(CLI, ['--init-dir', INIT], { env });
}

describe('example: a LocalStack setup switched to twinstack', function () {
  this.timeout(120_000);
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'twinstack-from-localstack-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it("honours SERVICES, PERSISTENCE/DATA_DIR, the ready hooks and LocalStack's health and init endpoints", async () => {
    const first = await start(dataDir);
    const health = (await (await fetch(`${first.endpoint}/_localstack/health`)).json()) as { services: Record<string, string> };
    assert.deepEqual(Object.keys(health.services).sort(), ['dynamodb', 's3', 'sqs']);
    // Ready hooks run once the port is open; /_localstack/init says when they are done, as LocalStack's does.
    let init: { completed?: Record<string, boolean>; scripts: { name: string; stage: string; state: string }[] } = { scripts: [] };
    for (let i = 0; i < 100 && !init.completed?.READY; i++) {
      init = (await (await fetch(`${first.endpoint}/_localstack/init`)).json()) as typeof init;
      if (!init.completed?.READY) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(init.scripts.map((s) => [s.stage, s.name, s.state]), [['READY', '10-queues.sh', 'SUCCESSFUL']]);
    const sqs = new SQSClient({ endpoint: first.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'jobs' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'survives a restart' }));
    sqs.destroy();
    await stopCli(first.child);

    // PERSISTENCE=1 with DATA_DIR: the queue and its message are there after a restart.
    const second = await start(dataDir);
    const again = new SQSClient({ endpoint: second.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const url = (await again.send(new GetQueueUrlCommand({ QueueName: 'jobs' }))).QueueUrl;
    const received = await again.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
    assert.deepEqual(received.Messages?.map((m) => m.Body), ['survives a restart']);
    again.destroy();
    await stopCli(second.child);
  });
});
