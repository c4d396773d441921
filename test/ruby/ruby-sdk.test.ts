import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

const run = promisify(execFile);
const PROGRAM = fileURLToPath(new URL('./sdk_check.rb', import.meta.url));

/** Whether Ruby and Debian's AWS SDK gems are installed (.ci/run installs them). */
async function sdkInstalled(): Promise<boolean> {
  try {
    await run('ruby', ['-e', "require 'aws-sdk-core'; require 'aws-sdk-s3'; require 'aws-sdk-kms'; require 'aws-sdk-cloudformation'"]);
    return true;
  } catch {
    return false;
  }
}

describe("AWS SDK for Ruby (Debian's gems, core 3.168) against the services it packages", function () {
  this.timeout(120_000);
  let aws: Twinstack | undefined;

  before(async function () {
    if (!(await sdkInstalled())) this.skip();
    aws = await startTwinstack({ port: 0, services: ['sts', 's3', 'kms', 'cloudformation', 'sqs'] });
  });
  after(() => aws?.stop());

  it('runs a success path and an error path per service, every check passing', async () => {
    const result = await run('ruby', [PROGRAM, aws!.endpoint], { timeout: 90_000 }).catch((error: { stdout?: string; stderr?: string; message: string }) => error);
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    assert.ok(!('message' in result), `sdk_check.rb failed:\n${output}`);
    for (const service of ['sts', 's3', 'kms', 'cloudformation']) assert.match(output, new RegExp(`^ok {3}${service}: `, 'm'));
    assert.doesNotMatch(output, /FAIL/);
  });
});
