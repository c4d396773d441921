import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

// `twinstack start --strict-signatures` with TWINSTACK_CREDENTIALS=AKID:SECRET[:ACCOUNT],...
describe('twinstack start --strict-signatures', function () {
  this.timeout(30_000);
  let child: ChildProcess;
  let endpoint: string;

  before(async () => {
    child = spawn(process.execPath, [fileURLToPath(new URL('../../emulator/cli/bin.js', import.meta.url)), 'start', '--port', '0', '--services', 'sts', '--strict-signatures'], {
      env: { ...process.env, TWINSTACK_CREDENTIALS: 'AKIDONE:secret-one:210987654321, AKIDTWO:secret-two' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    for await (const chunk of child.stdout!) {
      output += String(chunk);
      const match = /ready on (\S+)/.exec(output);
      if (match) {
        endpoint = match[1];
        break;
      }
    }
  });
  after(async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  });

  const identity = (accessKeyId: string, secretAccessKey: string) =>
    new STSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));

  it('accepts the configured keys in their accounts and refuses wrong secrets', async () => {
    assert.equal((await identity('AKIDONE', 'secret-one')).Account, '210987654321');
    assert.equal((await identity('AKIDTWO', 'secret-two')).Account, '000000000000');
    await assert.rejects(identity('AKIDONE', 'secret-two'), (e: Error) => e.name === 'SignatureDoesNotMatch');
    await assert.rejects(identity('test', 'test'), (e: Error) => e.name === 'InvalidClientTokenId');
  });
});
