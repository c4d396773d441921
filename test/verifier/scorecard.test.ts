import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContracts } from '../../verifier/contract/load.ts';
import { redactSecrets, scanForSecrets } from '../../verifier/contract/secrets.ts';
import type { ContractFile } from '../../verifier/contract/types.ts';
import { startMoto, type RunningPeer } from '../../verifier/peers/moto.ts';
import { changesMarkdown, modelChanges } from '../../emulator/models/changes.ts';
import { coverage } from '../../verifier/report/tiers.ts';
import { startTwinstack } from '../../emulator/index.ts';
import { clockOf } from '../../verifier/replay/run.ts';
import { verifyContracts } from '../../verifier/replay/verify.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTRACTS = join(ROOT, 'contracts');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'emulator/cli/bin.js'), ...args], { timeout: 120_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}


describe('the scorecard tells the whole truth', function () {
  this.timeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'twinstack-scorecard-'));

  it('ranks each operation by its evidence and never reports a bare pass rate', () => {
    const { operations, services } = coverage(
      { sqs: { implemented: ['SendMessage', 'ReceiveMessage', 'PurgeQueue'], all: ['SendMessage', 'ReceiveMessage', 'PurgeQueue', 'TagQueue'] } },
      [
        { service: 'sqs', operation: 'SendMessage', interactions: 4, passed: 4, errorPaths: ['InvalidParameterValue'] },
        { service: 'sqs', operation: 'ReceiveMessage', interactions: 2, passed: 1, errorPaths: [] },
      ],
      { sqs: ['PurgeQueue', 'TagQueue'] },
    );
    const tier = Object.fromEntries(operations.map((o) => [o.operation, o.tier]));
    // TagQueue was called by a test but is not implemented: a stand-in served it, so it does not count.
    assert.deepEqual(tier, { SendMessage: 'passing', ReceiveMessage: 'covered', PurgeQueue: 'exercised', TagQueue: 'in-model' });
    assert.deepEqual(services[0].counts, { 'in-model': 4, implemented: 3, exercised: 3, covered: 2, passing: 1 });
    assert.equal(services[0].headline, 'sqs: 2/4 operations covered by AWS data, 83.3% of their 6 interactions passing; 3/4 implemented, 3/4 exercised by SDK tests');
    assert.ok(services[0].commonGaps.includes('PurgeQueue'), 'a common operation without AWS data stands out');
  });

  it('gives the same scorecard from merged shards as from one run, and writes a GitHub step summary', async () => {
    const args = ['--service', 'sqs,sts', '--no-history'];
    const summary = join(work, 'summary.md');
    const whole = await cli(['verify', ...args, '--report', join(work, 'whole')], { GITHUB_STEP_SUMMARY: summary });
    assert.equal(whole.status, 0, whole.stderr);
    for (const i of [1, 2, 3]) assert.equal((await cli(['verify', ...args, '--shard', `${i}/3`, '--report', join(work, `shard${i}`)])).status, 0);
    assert.equal((await cli(['report', '--merge', ...[1, 2, 3].map((i) => join(work, `shard${i}`)), '--report', join(work, 'merged')])).status, 0);
    const read = (dir: string) => JSON.parse(readFileSync(join(work, dir, 'parity.json'), 'utf8'));
    const [a, b] = [read('whole'), read('merged')];
    assert.deepEqual(b.verdicts, a.verdicts);
    assert.deepEqual(b.totals.passed, a.totals.passed);
    assert.deepEqual(b.operations.map((o: { operation: string; passed: number }) => [o.operation, o.passed]), a.operations.map((o: { operation: string; passed: number }) => [o.operation, o.passed]));
    assert.deepEqual(b.coverage.services, a.coverage.services);
    assert.match(readFileSync(summary, 'utf8'), /^# twinstack parity scorecard\n\n\*\*\d+\/\d+ operations of 2 services covered by AWS data/);
  });

  describe('side by side with moto', () => {
    let moto: RunningPeer;
    let endpoint: string;
    before(async () => {
      moto = await startMoto();
      endpoint = moto.endpoint;
    });
    after(() => moto.stop());

    it('replays one corpus against several targets into one comparison, with an upstream issue draft per difference', async () => {
      const dir = join(work, 'peers');
      const drafts = join(work, 'drafts');
      const run = await cli(['verify', '--target', 'twinstack', '--target', `moto=${endpoint}`, '--service', 'sqs', '--report', dir, '--issue-drafts', drafts]);
      assert.equal(run.status, 0, run.stderr);
      const peers = JSON.parse(readFileSync(join(dir, 'peers.json'), 'utf8'));
      assert.deepEqual(peers.targets.map((t: { name: string }) => t.name), ['twinstack', 'moto']);
      const sqs = peers.services.find((s: { service: string }) => s.service === 'sqs');
      assert.equal(sqs.byTarget.twinstack.scoring, sqs.byTarget.moto.scoring);
      assert.ok(sqs.byTarget.moto.passed < sqs.byTarget.moto.scoring, 'moto differs from AWS somewhere in the SQS corpus');
      assert.match(readFileSync(join(dir, 'peers.md'), 'utf8'), /\| service \| twinstack \| moto \|/);
      const files = readdirSync(join(drafts, 'moto'));
      assert.equal(files.length, sqs.byTarget.moto.scoring - sqs.byTarget.moto.passed);
      const draft = readFileSync(join(drafts, 'moto', files[0]), 'utf8');
      for (const part of ['## Differences', '## Request', '## What AWS returned', '## What moto returned', 'AWS-validated snapshot from localstack/localstack']) assert.ok(draft.includes(part), part);
      assert.ok(!existsSync(join(drafts, 'twinstack')), 'no drafts for the embedded emulator itself');
      for (const file of files) assert.deepEqual(scanForSecrets(readFileSync(join(drafts, 'moto', file), 'utf8')), [], file);
    });

    it('keeps credentials a peer answers with out of the drafts', () => {
      const text = '<AccessKeyId>AKIAIOSFODNN7EXAMPLE</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>';
      const redacted = redactSecrets(text);
      assert.deepEqual(scanForSecrets(redacted), []);
      assert.equal(redacted, '<AccessKeyId><redacted-access-key-id></AccessKeyId><SecretAccessKey><redacted-secret-access-key></SecretAccessKey>');
    });
  });

  it('moves a twinstack target\'s clock instead of waiting out a visibility timeout', async () => {
    const aws = await startTwinstack({ port: 0, services: ['sqs'] });
    try {
      const contracts = loadContracts(CONTRACTS).map((c) => c.contract).filter((c) => c.metadata.twinstack.id === 'sqs/test_delete_after_visibility_timeout.sqs');
      const waits = contracts[0].interactions.reduce((n, i) => n + (i.comments.twinstack.delaySeconds ?? 0), 0);
      assert.ok(waits > 0);
      const target = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, advanceClock: await clockOf(aws.endpoint) };
      const run = await verifyContracts({ target, contracts });
      assert.ok(run.results.every((r) => r.passed), JSON.stringify(run.results.filter((r) => !r.passed)));
      assert.ok(aws.emulator.clock.now() - Date.now() >= waits * 1000 - 50, 'the emulator clock moved by the waits');
      assert.equal(await clockOf('http://127.0.0.1:1'), undefined, 'a target without the clock route is waited for');
    } finally {
      await aws.stop();
    }
  });

  it('lists what a model refresh changed: new operations (marked when not implemented) and members', () => {
    const shape = (members: string[]) => ({ type: 'structure', members: Object.fromEntries(members.map((m) => [m, { shape: 'S' }])) });
    const before = { metadata: { apiVersion: '1' }, operations: { Get: { input: { shape: 'GetIn' } }, Old: {} }, shapes: { GetIn: shape(['Id']) } };
    const after = { metadata: { apiVersion: '2' }, operations: { Get: { input: { shape: 'GetIn' } }, Put: {}, Batch: {} }, shapes: { GetIn: shape(['Id', 'Consistent']) } };
    const changes = modelChanges('demo', before, after);
    assert.deepEqual(changes, { service: 'demo', from: '1', to: '2', addedOperations: ['Batch', 'Put'], removedOperations: ['Old'], members: ['+Get.input.Consistent'] });
    const text = changesMarkdown({ from: '1.0', to: '1.1' }, [changes], (_s, op) => op === 'Put');
    assert.match(text, /- new operation `Batch` — \*\*not implemented by twinstack\*\*\n- new operation `Put`\n- removed operation `Old`\n- new member `Get\.input\.Consistent`/);
  });

  it('classifies drift between two recordings: breaking, additive or unchanged', async () => {
    const [{ file }] = loadContracts(CONTRACTS).filter((c) => c.contract.metadata.twinstack.id === 'sqs/test_create_and_update_queue_attributes.sqs');
    const original = JSON.parse(readFileSync(file, 'utf8')) as ContractFile;
    const step = original.interactions.findIndex((i) => (i.comments.twinstack.expect.output as { Attributes?: object })?.Attributes);
    const write = (name: string, change: (output: { Attributes: Record<string, unknown> }) => void) => {
      const copy = JSON.parse(JSON.stringify(original)) as ContractFile;
      change(copy.interactions[step].comments.twinstack.expect.output as { Attributes: Record<string, unknown> });
      writeFileSync(join(work, name), JSON.stringify(copy));
      return join(work, name);
    };
    const same = await cli(['diff', file, file]);
    assert.equal(same.status, 0);
    assert.match(same.stdout, /: unchanged\n/);
    const added = await cli(['diff', file, write('added.json', (o) => (o.Attributes.SomethingNew = 'x'))]);
    assert.equal(added.status, 0);
    assert.match(added.stdout, /: additive\n[\s\S]*added \$\.Attributes\.SomethingNew/);
    const broken = await cli(['diff', file, write('broken.json', (o) => { delete o.Attributes.VisibilityTimeout; })]);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /: breaking\n[\s\S]*removed \$\.Attributes\.VisibilityTimeout/);
  });
});
