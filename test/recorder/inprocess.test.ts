import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTwinstack } from '../../emulator/index.ts';
import type { ContractFile } from '../../verifier/contract/types.ts';
import { scanForSecrets } from '../../verifier/contract/secrets.ts';
import { closeConnections, runScenario } from '../../verifier/replay/run.ts';
import { startTlsUpstream, UPSTREAM_ACCOUNT, UPSTREAM_REGION, type TlsUpstream } from './helpers/tls-upstream.ts';

const run = promisify(execFile);

describe('in-process recording: a mocha suite with the recorder hook', function () {
  this.timeout(60_000);
  let upstream: TlsUpstream;
  let text: string;

  before(async () => {
    upstream = await startTlsUpstream(['sqs', 'sts']);
    const dir = mkdtempSync(join(tmpdir(), 'twinstack-inprocess-'));
    const mocha = join('node_modules', '.bin', 'mocha');
    await run(mocha, ['--no-config', '--import=tsx', '--require', 'recorder/inprocess/mocha-hook.ts', 'test/recorder/fixtures/inprocess-suite.ts'], {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: UPSTREAM_ACCOUNT,
        AWS_SECRET_ACCESS_KEY: 'suite-secret',
        AWS_REGION: UPSTREAM_REGION,
        RECORD_TEST_ENDPOINT: upstream.url,
        TWINSTACK_RECORD_DIR: dir,
        TWINSTACK_RECORD_UPSTREAM: upstream.url,
        TWINSTACK_RECORD_CA: upstream.caFile,
      },
    });
    assert.deepEqual(readdirSync(join(dir, 'sqs')), ['orders-queue-is-created-with-a-visibility-timeout.json']);
    text = readFileSync(join(dir, 'sqs', 'orders-queue-is-created-with-a-visibility-timeout.json'), 'utf8');
  });
  after(() => upstream?.stop());

  it('writes one redacted contract per test, with captures and a fresh queue name', () => {
    const contract = JSON.parse(text) as ContractFile;
    assert.deepEqual(scanForSecrets(text), []);
    assert.ok(!text.includes(UPSTREAM_ACCOUNT) && !text.includes('suite-secret') && !text.includes(new URL(upstream.url).host));
    assert.deepEqual(
      contract.interactions.map((i) => i.comments.twinstack.operation),
      ['CreateQueue', 'GetQueueAttributes', 'DeleteQueue'],
    );
    assert.deepEqual(contract.interactions[0].comments.twinstack.captures, [{ name: 'queueUrl', from: '$.QueueUrl' }]);
    assert.deepEqual(contract.interactions[0].request.body?.content, { QueueName: 'orders-{{suffix}}', Attributes: { VisibilityTimeout: '45' } });
    assert.deepEqual(contract.interactions[1].comments.twinstack.expect.output, {
      Attributes: { VisibilityTimeout: '45', QueueArn: 'arn:{{partition}}:sqs:{{region}}:{{accountId}}:orders-{{suffix}}' },
    });
  });

  it('the recorded test verifies green against the embedded emulator', async () => {
    const local = await startTwinstack({ port: 0, services: ['sqs'] });
    try {
      const results = await runScenario(JSON.parse(text) as ContractFile, { endpoint: local.endpoint, region: 'ap-south-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, accountId: '000000000000' });
      for (const result of results) assert.ok(result.passed, `${result.description}: ${JSON.stringify(result.mismatches)}`);
      assert.equal(results.length, 3);
    } finally {
      await closeConnections();
      await local.stop();
    }
  });
});
