import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { loadContracts } from '../../verifier/contract/load.ts';
import type { ContractFile } from '../../verifier/contract/types.ts';
import { verifyContracts } from '../../verifier/replay/verify.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CONTRACTS = join(ROOT, 'contracts');
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
/** Services the emulator under test serves. */
const SERVED = ['sqs', 'sts', 'dynamodb', 'dynamodbstreams'];

/** Runs the CLI without blocking this process, which serves the emulator the CLI talks to. */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'emulator/cli/bin.js'), ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('twinstack verify', function () {
  this.timeout(60_000);
  let twinstack: Twinstack;
  const contracts = loadContracts(CONTRACTS).map((c) => c.contract);
  const work = mkdtempSync(join(tmpdir(), 'twinstack-verify-'));

  before(async () => {
    twinstack = await startTwinstack({ port: 0, services: SERVED });
  });
  after(() => twinstack.stop());

  it("replays the served services' corpus in order and judges every interaction", async () => {
    // Scenarios of services this emulator does not serve would poll for what never comes (S3 notifications awaited on a
    // queue) until their steps time out: the parity run replays those against every service.
    const served = contracts.filter((c) => SERVED.includes(c.metadata.twinstack.service));
    const run = await verifyContracts({ target: { endpoint: twinstack.endpoint, region: 'us-east-1', credentials }, contracts: served });
    const interactions = served.reduce((n, c) => n + c.interactions.length, 0);
    assert.equal(run.results.length, interactions);
    assert.equal(run.scenarios.length, served.length);
    // Setup steps succeed against an emulator that implements the operations; their failures would hide the rest.
    // A step of a served service in a scenario of a served service (SNS scenarios set up SQS queues, for one).
    const brokenSetup = run.results.filter((r) => !r.scoring && !r.passed && SERVED.includes(r.service) && SERVED.includes(r.scenario.split('/')[0]));
    assert.deepEqual(brokenSetup.map((r) => `${r.scenario}#${r.step}`), []);
  });

  it('records a mismatch with its path, expected and actual when the target differs from AWS', async () => {
    const original = contracts.find((c) => c.metadata.twinstack.id === 'sqs/test_create_and_update_queue_attributes.sqs')!;
    const changed = JSON.parse(JSON.stringify(original)) as ContractFile;
    const attributes = (changed.interactions[1].comments.twinstack.expect.output as { Attributes: Record<string, string> }).Attributes;
    attributes.VisibilityTimeout = '21';
    const run = await verifyContracts({ target: { endpoint: twinstack.endpoint, region: 'us-east-1', credentials }, contracts: [changed] });
    const failing = run.results.find((r) => r.step === 1)!;
    assert.equal(failing.passed, false);
    assert.deepEqual(failing.mismatches.find((m) => m.path === '$.Attributes.VisibilityTimeout'), { path: '$.Attributes.VisibilityTimeout', expected: '21', actual: '20' });
  });

  it('verifies shards, merges them, writes every report and fails on a regression against the baseline', async () => {
    // One service keeps this quick on a growing corpus; shards and merges do not depend on which.
    const target = ['--target', twinstack.endpoint, '--contracts', CONTRACTS, '--service', 'sqs'];
    const sqsContracts = contracts.filter((c) => c.metadata.twinstack.service === 'sqs');
    const one = await cli(['verify', ...target, '--shard', '1/2', '--report', join(work, 's1')]);
    const two = await cli(['verify', ...target, '--shard', '2/2', '--report', join(work, 's2')]);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    const merged = await cli(['report', '--merge', join(work, 's1'), join(work, 's2'), '--report', join(work, 'all')]);
    assert.equal(merged.status, 0, merged.stderr);
    const report = JSON.parse(readFileSync(join(work, 'all', 'parity.json'), 'utf8'));
    assert.equal(report.totals.scenarios, sqsContracts.length);
    assert.ok(report.operations.some((o: { service: string; operation: string }) => o.service === 'sqs' && o.operation === 'GetQueueAttributes'));
    assert.ok(report.services.find((s: { service: string }) => s.service === 'sqs').operationsInModel > 20);
    assert.match(readFileSync(join(work, 'all', 'junit.xml'), 'utf8'), /<testsuite name="parity.sqs"/);
    assert.match(readFileSync(join(work, 'all', 'parity.md'), 'utf8'), /\| sqs\.GetQueueAttributes \|/);

    // A baseline where an interaction that now fails once passed: a regression, exit code 1.
    const verdicts = { ...report.verdicts, 'sqs/made-up.sqs#0': false };
    const [firstKey] = Object.keys(report.verdicts).filter((key) => report.verdicts[key]);
    const failing = join(work, 'failing');
    mkdirSync(join(failing, 'sqs'), { recursive: true });
    const source = loadContracts(CONTRACTS).find((c) => c.contract.metadata.twinstack.id === firstKey.split('#')[0])!.contract;
    const step = Number(firstKey.split('#')[1]);
    source.interactions[step].comments.twinstack.expect = { status: 599 };
    writeFileSync(join(failing, 'sqs', 'x.json'), JSON.stringify(source));
    writeFileSync(join(work, 'baseline.json'), JSON.stringify({ generatedAt: 'x', parity: 100, verdicts }));
    const regressed = await cli(['verify', '--target', twinstack.endpoint, '--contracts', failing, '--report', join(work, 'r'), '--baseline', join(work, 'baseline.json')]);
    assert.equal(regressed.status, 1, regressed.stdout);
    assert.match(regressed.stdout, new RegExp(`REGRESSION ${firstKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('renders parity.html with its headline, tiers, tables and charts in headless Chromium, at desktop and phone widths', async () => {
    const dir = join(work, 'html');
    assert.equal((await cli(['verify', '--target', twinstack.endpoint, '--service', 'sts', '--report', dir])).status, 0);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${join(dir, 'parity.html')}`);
      // Coverage and pass rate together, never a bare percentage.
      assert.match(await page.locator('#headline').innerText(), /^\d+\/\d+ operations of \d+ services covered by AWS data, \d+\/\d+ AWS-recorded interactions passing \(\d+\.\d%\); \d+\/\d+ implemented/);
      assert.ok((await page.locator('#tier-bars rect').count()) >= 5, 'stacked tier bars and their legend');
      assert.match(await page.locator('details summary').first().innerText(), /^sts: \d+\/11 operations covered by AWS data/);
      assert.ok((await page.locator('#operations tbody tr').count()) >= 1);
      assert.ok((await page.locator('#scenarios tbody tr').count()) >= 2);
      assert.equal(await page.locator('#trend circle').count(), 1);
      const box = await page.locator('#trend').boundingBox();
      assert.ok(box && box.width > 100 && box.height > 50);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], 'the page loads nothing from outside');
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        const shot = await page.screenshot({ path: join(dir, `parity-${width}.png`), fullPage: true });
        assert.ok(shot.length > 10_000, `a screenshot at ${width} px`);
        // Nothing but the wide tables (which scroll inside themselves) may push the page sideways.
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, `no sideways scrolling at ${width} px`);
      }
    } finally {
      await browser.close();
    }
  });
});
