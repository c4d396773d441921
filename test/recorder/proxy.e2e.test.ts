import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateQueueCommand, DeleteMessageCommand, DeleteQueueCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack } from '../../emulator/index.ts';
import type { ContractFile } from '../../verifier/contract/types.ts';
import { scanForSecrets } from '../../verifier/contract/secrets.ts';
import { closeConnections, runScenario } from '../../verifier/replay/run.ts';
import { startProxyProcess } from './helpers/proxy-process.ts';
import { startTlsUpstream, UPSTREAM_ACCOUNT, UPSTREAM_REGION, type TlsUpstream } from './helpers/tls-upstream.ts';

const run = promisify(execFile);
const CLIENT_ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: UPSTREAM_REGION, AWS_REGION: UPSTREAM_REGION };
// The recording credentials: what the proxy signs with, as the stand-in upstream's account.
const RECORDING_ENV = { AWS_ACCESS_KEY_ID: UPSTREAM_ACCOUNT, AWS_SECRET_ACCESS_KEY: 'recording-secret', AWS_REGION: UPSTREAM_REGION };

describe('twinstack record proxy: AWS CLI, boto3 and the JS SDK through the proxy to a TLS upstream', function () {
  this.timeout(60_000);
  let upstream: TlsUpstream;
  let contract: ContractFile;
  let text: string;
  let proxyOutput: string;

  before(async () => {
    upstream = await startTlsUpstream(['sqs', 'sts']);
    const out = join(mkdtempSync(join(tmpdir(), 'twinstack-record-')), 'sqs', 'three-clients.json');
    const proxy = await startProxyProcess(['--out', out, '--upstream', upstream.url, '--upstream-ca', upstream.caFile, '--client', 'aws-cli+boto3+aws-sdk-js'], RECORDING_ENV);
    try {
      const sqs = new SQSClient({ endpoint: proxy.endpoint, region: UPSTREAM_REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      // A generated name, as test suites make them: replay must create a fresh queue.
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `recorder-e2e-${Math.random().toString(16).slice(2, 10)}a1` }));
      const boto3 = `import boto3, sys
sqs = boto3.client('sqs', endpoint_url=sys.argv[1])
sqs.send_message(QueueUrl=sys.argv[2], MessageBody='hello from boto3')`;
      await run('python3', ['-c', boto3, proxy.endpoint, QueueUrl!], { env: { ...process.env, ...CLIENT_ENV } });
      const { stdout } = await run(
        '/usr/bin/aws',
        ['--endpoint-url', proxy.endpoint, 'sqs', 'receive-message', '--queue-url', QueueUrl!, '--attribute-names', 'ApproximateReceiveCount', '--output', 'json'],
        { env: { ...process.env, ...CLIENT_ENV } },
      );
      const [message] = (JSON.parse(stdout) as { Messages: { ReceiptHandle: string; Body: string }[] }).Messages;
      assert.equal(message.Body, 'hello from boto3');
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }));
      await assert.rejects(sqs.send(new GetQueueUrlCommand({ QueueName: 'recorder-e2e-missing' })), { name: 'QueueDoesNotExist' });
      await sqs.send(new DeleteQueueCommand({ QueueUrl }));
      sqs.destroy();
    } finally {
      assert.equal(await proxy.stop(), 0, proxy.output());
      proxyOutput = proxy.output();
    }
    text = readFileSync(out, 'utf8');
    contract = JSON.parse(text) as ContractFile;
  });
  after(() => upstream?.stop());

  it('prints which identity is recording', () => {
    assert.match(proxyOutput, new RegExp(`recording as arn:aws:iam::${UPSTREAM_ACCOUNT}:\\S+ \\(account ${UPSTREAM_ACCOUNT}\\)`));
  });

  it('records every call, in order, with its protocol', () => {
    const steps = contract.interactions.map((i) => `${i.comments.twinstack.operation}/${i.comments.twinstack.protocol}`);
    assert.deepEqual(steps, ['CreateQueue/json', 'SendMessage/json', 'ReceiveMessage/query', 'DeleteMessage/json', 'GetQueueUrl/json', 'DeleteQueue/json']);
    assert.equal(contract.metadata.twinstack.id, 'sqs/three-clients');
    assert.equal(contract.metadata.twinstack.provenance.kind, 'aws-recording');
  });

  it('holds no secret, no upstream account id, region or host', () => {
    assert.deepEqual(scanForSecrets(text), []);
    for (const leak of [UPSTREAM_ACCOUNT, 'recording-secret', 'Signature=', new URL(upstream.url).host]) assert.ok(!text.includes(leak), `${leak} leaked`);
    assert.ok(!JSON.stringify(contract.interactions).includes(UPSTREAM_REGION));
  });

  it('captures the queue URL and the receipt handle for later steps', () => {
    const captures = contract.interactions.map((i) => i.comments.twinstack.captures ?? []);
    assert.deepEqual(captures[0], [{ name: 'queueUrl', from: '$.QueueUrl' }]);
    assert.deepEqual(captures[2], [{ name: 'receiptHandle', from: '$.Messages[0].ReceiptHandle' }]);
    assert.deepEqual(contract.interactions[3].request.body?.content, { QueueUrl: '{{queueUrl}}', ReceiptHandle: '{{receiptHandle}}' });
    assert.match(String(contract.interactions[0].request.body?.content && (contract.interactions[0].request.body.content as { QueueName: string }).QueueName), /^recorder-e2e-\{\{suffix\}\}$/);
  });

  it('the recorded scenario verifies green against the embedded emulator', async () => {
    const local = await startTwinstack({ port: 0, services: ['sqs', 'sts'] });
    try {
      const results = await runScenario(contract, { endpoint: local.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, accountId: '000000000000' });
      assert.equal(results.length, 6);
      for (const result of results) assert.ok(result.passed, `${result.description}: ${JSON.stringify(result.mismatches)}`);
    } finally {
      await closeConnections();
      await local.stop();
    }
  });
});
