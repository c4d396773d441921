import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

/** The web console in Debian's Chromium (headless), against queues made and read with the AWS SDK v3. */
describe('web console in a browser', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let browser: Browser;
  let page: Page;
  let sqs: SQSClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb', 's3', 'kms'] });
    sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await aws?.stop();
  });

  it('shows a queue the SDK created, sends a message the SDK then receives, and logs the requests', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'console-orders' }));
    const outside: string[] = [];
    page.on('request', (r) => !r.url().startsWith(aws.endpoint) && outside.push(r.url()));
    await page.goto(`${aws.endpoint}/_twinstack/ui`);
    // Keyboard: the service buttons are reachable and pressed with Enter.
    await page.getByRole('button', { name: 'sqs', exact: true }).focus();
    await page.keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: QueueUrl! });
    await row.waitFor();
    await row.getByRole('button', { name: 'Send message' }).click();
    await page.getByLabel('Message body').fill('order 42 from the console');
    await page.locator('#action form').getByRole('button', { name: 'Send message' }).click();
    await page.locator('#action pre').filter({ hasText: 'MessageId' }).waitFor();
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    assert.deepEqual(Messages?.map((m) => m.Body), ['order 42 from the console']);
    // The SDK's requests reach the log (the console's own calls are internal, not client requests).
    await page.locator('#request-log tbody tr').filter({ hasText: 'ReceiveMessage' }).waitFor();
    await page.getByLabel('Filter').fill('CreateQueue');
    assert.equal(await page.locator('#request-log tbody tr:not([hidden])').count(), 1);
    assert.deepEqual(outside, [], 'the page loads nothing from elsewhere');
  });

  it('adds and removes a fault rule and advances the clock', async () => {
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('button', { name: /^Remove fault rule/ }).waitFor();
    assert.equal(aws.faults.list().rules.length, 1);
    await page.getByRole('button', { name: /^Remove fault rule/ }).click();
    await page.getByText('No fault rules.').waitFor();
    assert.equal(aws.faults.list().rules.length, 0);
    const before = aws.clock.now();
    await page.getByLabel('Advance by').fill('2h');
    await page.getByRole('button', { name: 'Advance' }).click();
    await page.locator('#clock-now').filter({ hasText: '+7200 s' }).waitFor();
    assert.ok(aws.clock.now() - before >= 2 * 3600_000);
  });

  it('switches account: the queue of account 000000000000 is not in 111111111111', async () => {
    await page.getByLabel('Account').fill('111111111111');
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.getByText('Queues (0)').waitFor();
    await page.getByLabel('Account').fill('000000000000');
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.getByText('Queues (1)').waitFor();
  });

  it("lists another service's resources with its generic view, and offers its other list operations", async () => {
    await page.getByRole('button', { name: 'kms', exact: true }).click();
    await page.getByText('kms: Keys').waitFor();
    await page.getByLabel('List with').selectOption('ListAliases');
    await page.getByText('kms: Aliases').waitFor();
    assert.doesNotMatch(await page.locator('#view').innerText(), /undefined/);
  });

  for (const width of [1280, 390]) {
    it(`fits ${width} px without sideways scrolling (screenshot in test/console/screenshots)`, async () => {
      await page.setViewportSize({ width, height: 900 });
      const shot = await page.screenshot({ path: join(SCREENSHOTS, `console-${width}.png`), fullPage: true });
      assert.ok(shot.length > 10_000);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    });
  }
});
