import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startCli, stopCli } from '../support/cli-process.ts';

// `twinstack start --strict-signatures` with TWINSTACK_CREDENTIALS=AKID:SECRET[:ACCOUNT],...
describe('twinstack start --strict-signatures', function () {
  this.timeout(30_000);
  let child: ChildProcess;
  let endpoint: string;

  before(async () => {
    ({ child, endpoint } = await startCli(fileURLToPath(new URL('../../emulator/cli/bin.js', import.meta.url)), ['--services', 'sts', '--strict-signatures'], {
      env: { ...process.env, TWINSTACK_CREDENTIALS: 'AKIDONE:secret-one:210987654321, AKIDTWO:secret-two' },
    }));
  });
  after(() => stopCli(child));

  const identity = (accessKeyId: string, secretAccessKey: string) =>
    new STSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));

  it('accepts the configured keys in their accounts and refuses wrong secrets', async () => {
    assert.equal((await identity('AKIDONE', 'secret-one')).Account, '210987654321');
    assert.equal((await identity('AKIDTWO', 'secret-two')).Account, '000000000000');
    await assert.rejects(identity('AKIDONE', 'secret-two'), (e: Error) => e.name === 'SignatureDoesNotMatch');
    await assert.rejects(identity('test', 'test'), (e: Error) => e.name === 'InvalidClientTokenId');
  });
});
