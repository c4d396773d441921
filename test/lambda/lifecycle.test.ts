import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startTwinstack } from '../../emulator/index.ts';
import { createFunction, CREDENTIALS } from './support.ts';

/** Child processes of this process running a Lambda bootstrap (Linux /proc). */
function bootstrapChildren(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return new RegExp(`^PPid:\\s+${process.pid}$`, 'm').test(status) && /bootstrap/.test(cmdline);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Lambda execution environments: reaped when idle, none left after stop', function () {
  this.timeout(60_000);

  it('stops an idle environment after LAMBDA_KEEPALIVE_MS, and every environment when the emulator stops', async () => {
    const saved = process.env.LAMBDA_KEEPALIVE_MS;
    process.env.LAMBDA_KEEPALIVE_MS = '300';
    const aws = await startTwinstack({ port: 0, services: ['lambda', 'sts'] });
    const lambda = new LambdaClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    try {
      const name = await createFunction(lambda, { 'handler.py': 'def handler(event, context):\n    return 1\n' });
      await lambda.send(new InvokeCommand({ FunctionName: name }));
      assert.equal(bootstrapChildren().length, 1);
      for (let i = 0; i < 40 && bootstrapChildren().length; i++) await sleep(100);
      assert.equal(bootstrapChildren().length, 0, 'the idle environment was reaped');
      // Three concurrent invocations scale out to three environments; stopping the emulator ends them all.
      const slow = await createFunction(lambda, { 'handler.py': 'import time\ndef handler(event, context):\n    time.sleep(0.5)\n    return 1\n' });
      await Promise.all([1, 2, 3].map(() => lambda.send(new InvokeCommand({ FunctionName: slow }))));
      assert.ok(bootstrapChildren().length >= 3, 'one environment per concurrent invocation');
    } finally {
      if (saved === undefined) delete process.env.LAMBDA_KEEPALIVE_MS;
      else process.env.LAMBDA_KEEPALIVE_MS = saved;
      lambda.destroy();
      await aws.stop();
    }
    for (let i = 0; i < 20 && bootstrapChildren().length; i++) await sleep(50);
    assert.deepEqual(bootstrapChildren(), []);
  });
});
