import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import {
  CreateAliasCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  GetProvisionedConcurrencyConfigCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionConcurrencyCommand,
  PublishVersionCommand,
  PutProvisionedConcurrencyConfigCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaServiceException,
} from '@aws-sdk/client-lambda';
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
    // Counted here: the environments of invocations only (spare runtime processes are the next test's).
    process.env.LAMBDA_SPARE_RUNTIMES = '0';
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
      delete process.env.LAMBDA_SPARE_RUNTIMES;
      lambda.destroy();
      await aws.stop();
    }
    for (let i = 0; i < 20 && bootstrapChildren().length; i++) await sleep(50);
    assert.deepEqual(bootstrapChildren(), []);
  });

  it('a spare runtime process starts with CreateFunction, the first invoke takes it (its own environment, cwd and module path), another replaces it', async () => {
    const aws = await startTwinstack({ port: 0, services: ['lambda', 'sts'] });
    const lambda = new LambdaClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    try {
      const handler = 'import os, sys\nimport helper\ndef handler(event, context):\n    return [os.getpid(), os.getcwd(), os.environ["AWS_LAMBDA_FUNCTION_NAME"], helper.VALUE, "TWINSTACK_SPARE_RUNTIME" in os.environ]\n';
      const name = await createFunction(lambda, { 'handler.py': handler, 'helper.py': 'VALUE = 42\n' });
      for (let i = 0; i < 100 && bootstrapChildren().length === 0; i++) await sleep(50);
      const [spare] = bootstrapChildren();
      assert.ok(spare, 'a spare python runtime was started when the function was created');
      const out = await lambda.send(new InvokeCommand({ FunctionName: name }));
      const [pid, cwd, functionName, value, spareFlag] = JSON.parse(Buffer.from(out.Payload!).toString()) as [number, string, string, number, boolean];
      assert.equal(pid, spare, 'the first invoke ran in the spare process');
      assert.match(cwd, /code/);
      assert.equal(functionName, name);
      assert.equal(value, 42);
      assert.equal(spareFlag, false);
      for (let i = 0; i < 100 && bootstrapChildren().length < 2; i++) await sleep(50);
      assert.equal(bootstrapChildren().length, 2, 'the environment and a new spare');
    } finally {
      lambda.destroy();
      await aws.stop();
    }
    for (let i = 0; i < 20 && bootstrapChildren().length; i++) await sleep(50);
    assert.deepEqual(bootstrapChildren(), []);
  });
  it('an alias moved to another version takes its provisioned concurrency along: the old environments count until the new are ready', async () => {
    const aws = await startTwinstack({ port: 0, services: ['lambda', 'sts'] });
    const lambda = new LambdaClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    const config = () => lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' }));
    const untilReady = async () => {
      let out = await config();
      for (let i = 0; i < 200 && out.Status !== 'READY'; i++, out = await config()) await sleep(50);
      return out;
    };
    let name = '';
    try {
      name = await createFunction(lambda, { 'handler.py': 'def handler(event, context):\n    return context.function_version\n' }, { Publish: true });
      await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
      await lambda.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live', ProvisionedConcurrentExecutions: 1 }));
      assert.equal((await untilReady()).Status, 'READY');
      await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: 10 }));
      await lambda.send(new PublishVersionCommand({ FunctionName: name }));
      await lambda.send(new UpdateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '2' }));
      const moving = await config();
      assert.deepEqual([moving.Status, moving.AllocatedProvisionedConcurrentExecutions, moving.AvailableProvisionedConcurrentExecutions], ['IN_PROGRESS', 1, 1]);
      const settled = await untilReady();
      assert.deepEqual([settled.Status, settled.AllocatedProvisionedConcurrentExecutions], ['READY', 1]);
      const out = await lambda.send(new InvokeCommand({ FunctionName: name, Qualifier: 'live' }));
      assert.equal(JSON.parse(Buffer.from(out.Payload!).toString()), '2');
      await assert.rejects(
        lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: '2' })),
        (e: Error) => e.name === 'ProvisionedConcurrencyConfigNotFoundException',
      );
    } finally {
      lambda.destroy();
      await aws.stop();
    }
  });

  it('provisioned concurrency starts its environments ahead: IN_PROGRESS until they have initialized, then READY; invokes find them warm', async () => {
    const aws = await startTwinstack({ port: 0, services: ['lambda', 'sts'] });
    const lambda = new LambdaClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    try {
      const handler = 'import os\ndef handler(event, context):\n    return [os.environ["AWS_LAMBDA_INITIALIZATION_TYPE"], os.getpid()]\n';
      const name = await createFunction(lambda, { 'handler.py': handler }, { Publish: true });
      await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
      const put = await lambda.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live', ProvisionedConcurrentExecutions: 2 }));
      assert.deepEqual([put.Status, put.RequestedProvisionedConcurrentExecutions, put.AvailableProvisionedConcurrentExecutions], ['IN_PROGRESS', 2, 0]);
      let config = await lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' }));
      for (let i = 0; i < 200 && config.Status !== 'READY'; i++) {
        assert.equal(config.Status, 'IN_PROGRESS');
        await sleep(50);
        config = await lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' }));
      }
      assert.deepEqual([config.Status, config.AvailableProvisionedConcurrentExecutions, config.AllocatedProvisionedConcurrentExecutions], ['READY', 2, 2]);
      const out = await lambda.send(new InvokeCommand({ FunctionName: name, Qualifier: 'live', LogType: 'Tail' }));
      const [initType] = JSON.parse(Buffer.from(out.Payload!).toString()) as [string, number];
      assert.equal(initType, 'provisioned-concurrency');
      const report = Buffer.from(out.LogResult!, 'base64').toString();
      assert.match(report, /REPORT RequestId/);
      assert.doesNotMatch(report, /Init Duration/, 'initialized before the invocation');
      // Provisioned concurrency comes out of the reserved: what is left serves other versions, and neither may exceed the other.
      const refused = (message: string) => (e: LambdaServiceException) => e.name === 'InvalidParameterValueException' && e.message === message;
      await assert.rejects(
        lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 1 })),
        refused(" ReservedConcurrentExecutions  1 should not be lower than function's total provisioned concurrency [2]."),
      );
      await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 2 }));
      await assert.rejects(lambda.send(new InvokeCommand({ FunctionName: name })), (e: LambdaServiceException) => e.name === 'TooManyRequestsException');
      await assert.rejects(
        lambda.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live', ProvisionedConcurrentExecutions: 3 })),
        refused('Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function'),
      );
      await lambda.send(new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' }));
      await assert.rejects(
        lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: name, Qualifier: 'live' })),
        (e: Error) => e.name === 'ProvisionedConcurrencyConfigNotFoundException',
      );
    } finally {
      lambda.destroy();
      await aws.stop();
    }
  });
});
