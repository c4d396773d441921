import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import type { ContractFile } from '../../verifier/contract/types.ts';
import { scanForSecrets } from '../../verifier/contract/secrets.ts';
import { closeConnections, runScenario } from '../../verifier/replay/run.ts';

const run = promisify(execFile);
const fixture = (name: string) => join('test', 'recorder', 'fixtures', name);

async function importWithCli(source: '--har' | '--nock', file: string, id: string): Promise<{ text: string; contract: ContractFile }> {
  const out = join(mkdtempSync(join(tmpdir(), 'twinstack-import-')), `${id}.json`);
  await run(process.execPath, ['emulator/cli/bin.js', 'record', 'import', source, fixture(file), '--out', out]);
  const text = readFileSync(out, 'utf8');
  return { text, contract: JSON.parse(text) as ContractFile };
}

describe('twinstack record import: HAR and nock recordings become contracts', function () {
  this.timeout(30_000);
  let local: Twinstack;
  before(async () => {
    local = await startTwinstack({ port: 0, services: ['sqs', 'sts'] });
  });
  after(async () => {
    await closeConnections();
    await local.stop();
  });
  const verify = async (contract: ContractFile) => {
    const results = await runScenario(contract, { endpoint: local.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, accountId: '000000000000' });
    for (const result of results) assert.ok(result.passed, `${result.description}: ${JSON.stringify(result.mismatches)}`);
    return results;
  };

  it('HAR (Polly, browsers): AWS entries in start order, account inferred and redacted, signatures dropped', async () => {
    const { text, contract } = await importWithCli('--har', 'sqs-session.har', 'sqs/har-import');
    assert.deepEqual(scanForSecrets(text), []);
    for (const leak of ['123456789012', 'AKIAIOSFODNN7EXAMPLE', 'Signature', 'sqs.us-west-2.amazonaws.com', '20261124T101500Z']) assert.ok(!text.includes(leak), `${leak} leaked`);
    assert.deepEqual(
      contract.interactions.map((i) => i.comments.twinstack.operation),
      ['CreateQueue', 'GetQueueAttributes', 'GetQueueUrl'],
    );
    assert.deepEqual(contract.interactions[1].comments.twinstack.expect.output, {
      Attributes: { QueueArn: 'arn:{{partition}}:sqs:{{region}}:{{accountId}}:invoices-{{suffix}}', DelaySeconds: '0' },
    });
    assert.equal(contract.metadata.twinstack.provenance.kind, 'aws-recording');
    assert.equal((await verify(contract)).length, 3);
  });

  it('nock recordings: STS session credentials are never written and replay is judged by shape', async () => {
    const { text, contract } = await importWithCli('--nock', 'sts-session.nock.json', 'sts/nock-import');
    assert.deepEqual(scanForSecrets(text), []);
    for (const leak of ['ASIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'AQoEXAMPLEH4aoAH0gNCAPyJxz4BlCFFxWNE1OPTgk5T']) assert.ok(!text.includes(leak), `${leak} leaked`);
    const interaction = contract.interactions[0];
    assert.equal(interaction.comments.twinstack.operation, 'GetSessionToken');
    assert.equal(interaction.request.body?.content, 'Action=GetSessionToken&Version=2011-06-15&DurationSeconds=43200');
    assert.deepEqual(interaction.comments.twinstack.expect.matchers, {
      '$.Credentials.AccessKeyId': { match: 'regex', regex: '(?:AKIA|ASIA)[A-Z0-9]{16}' },
      '$.Credentials.SecretAccessKey': { match: 'regex', regex: '[A-Za-z0-9/+]{40}' },
      '$.Credentials.SessionToken': { match: 'type' },
      '$.Credentials.Expiration': { match: 'timestamp' },
    });
    await verify(contract);
  });

  it('refuses to write a file with a secret left in it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'twinstack-import-')), 'sqs', 'leak.json');
    // An access key inside a message body is user data the recorder does not own: it must refuse, not write.
    const har = join(mkdtempSync(join(tmpdir(), 'twinstack-har-')), 'leak.har');
    const source = JSON.parse(readFileSync(fixture('sqs-session.har'), 'utf8')) as { log: { entries: { request: { postData?: { text: string } } }[] } };
    source.log.entries[0].request.postData!.text = JSON.stringify({ QueueName: 'q', Attributes: { Policy: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });
    writeFileSync(har, JSON.stringify(source));
    await assert.rejects(run(process.execPath, ['emulator/cli/bin.js', 'record', 'import', '--har', har, '--out', out]), (error: Error & { stderr: string; code: number }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /refusing to write .*leak\.json[\s\S]*secret-access-key/);
      return true;
    });
    assert.throws(() => readFileSync(out));
  });
});
