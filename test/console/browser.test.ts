import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CreateLogGroupCommand, CreateLogStreamCommand, CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateStackCommand, CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateEventBusCommand, EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateAliasCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
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
  const client = <C>(Client: new (config: object) => C): C => new Client({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb', 's3', 'kms', 'logs', 'stepfunctions', 'sns', 'events', 'scheduler', 'cloudformation'] });
    sqs = client(SQSClient);
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
    await page.getByLabel('Filter').fill('');
  });

  it('opens a logged request to its headers and bodies, the signature hidden', async () => {
    const row = page.locator('#request-log tbody tr').filter({ hasText: 'ReceiveMessage' });
    await row.getByRole('button', { name: /^Show request/ }).click();
    const detail = page.locator('#request-log tr.detail');
    await detail.getByText('HTTP 200').waitFor();
    const text = await detail.innerText();
    assert.match(text, /^POST \/$/m);
    assert.match(text, /x-amz-target: AmazonSQS\.ReceiveMessage/);
    assert.match(text, /Signature=\(redacted\)/);
    assert.match(text, /"Body": "order 42 from the console"/);
    assert.equal(await row.getByRole('button', { name: /^Show request/ }).getAttribute('aria-expanded'), 'true');
  });

  it('DynamoDB: edits a scanned item and deletes it', async () => {
    const ddb = client(DynamoDBClient);
    await ddb.send(new CreateTableCommand({ TableName: 'console-items', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
    await ddb.send(new PutItemCommand({ TableName: 'console-items', Item: { id: { S: 'i1' }, status: { S: 'new' } } }));
    await page.getByRole('button', { name: 'dynamodb', exact: true }).click();
    await page.getByRole('row').filter({ hasText: 'console-items' }).getByRole('button', { name: 'Scan' }).click();
    const itemRow = page.locator('#action .result tr').filter({ hasText: '"i1"' });
    await itemRow.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByLabel('Item (attribute-value JSON)');
    assert.deepEqual(JSON.parse(await editor.inputValue()), { id: { S: 'i1' }, status: { S: 'new' } });
    await editor.fill('{"id": {"S": "i1"}, "status": {"S": "shipped"}}');
    await page.locator('.subaction form').getByRole('button', { name: 'Edit' }).click();
    await page.locator('.subaction pre').waitFor();
    assert.deepEqual((await ddb.send(new GetItemCommand({ TableName: 'console-items', Key: { id: { S: 'i1' } } }))).Item?.status, { S: 'shipped' });
    page.once('dialog', (dialog) => dialog.accept());
    await itemRow.getByRole('button', { name: 'Delete' }).click();
    await page.locator('.subaction form').getByRole('button', { name: 'Delete' }).click();
    await page.locator('.subaction').getByText('Deleted the item with key').waitFor();
    assert.equal((await ddb.send(new GetItemCommand({ TableName: 'console-items', Key: { id: { S: 'i1' } } }))).Item, undefined);
  });

  it('S3: uploads a file from the page and downloads an object', async () => {
    const s3 = client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: 'console-files' }));
    await s3.send(new PutObjectCommand({ Bucket: 'console-files', Key: 'reports/2026.txt', Body: 'annual report' }));
    await page.getByRole('button', { name: 's3', exact: true }).click();
    const bucket = page.getByRole('row').filter({ hasText: 'console-files' });
    await bucket.getByRole('button', { name: 'Upload' }).click();
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from('hello from the page') });
    await page.getByLabel('Key (empty: the file name)').fill('uploads/hello.txt');
    await page.locator('#action form').getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Uploaded uploads/hello.txt').waitFor();
    const stored = await s3.send(new GetObjectCommand({ Bucket: 'console-files', Key: 'uploads/hello.txt' }));
    assert.equal(await stored.Body!.transformToString(), 'hello from the page');
    assert.equal(stored.ContentType, 'text/plain');
    await bucket.getByRole('button', { name: 'Objects' }).click();
    await page.locator('#action form').getByRole('button', { name: 'Objects' }).click();
    // Folders open with a click: the listing runs again with the folder as its prefix.
    await page.locator('#action .result tr').filter({ hasText: 'reports/' }).getByRole('button', { name: 'Open' }).click();
    await page.getByText('Objects (1)').waitFor();
    assert.equal(await page.getByLabel('Key prefix (a folder ends with /)').inputValue(), 'reports/');
    const downloading = page.waitForEvent('download');
    await page.locator('#action .result tr').filter({ hasText: 'reports/2026.txt' }).getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), '2026.txt');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    assert.equal(Buffer.concat(chunks).toString(), 'annual report');
  });

  it('Logs: a live tail shows events as they are written', async () => {
    const logs = client(CloudWatchLogsClient);
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/console/live' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/console/live', logStreamName: 'web' }));
    await logs.send(new PutLogEventsCommand({ logGroupName: '/console/live', logStreamName: 'web', logEvents: [{ timestamp: aws.clock.now(), message: 'started' }] }));
    await page.getByRole('button', { name: 'logs', exact: true }).click();
    await page.getByRole('row').filter({ hasText: '/console/live' }).getByRole('button', { name: 'Tail' }).click();
    await page.locator('#action form').getByRole('button', { name: 'Tail' }).click();
    await page.locator('#action .result').getByText('started').waitFor();
    await logs.send(new PutLogEventsCommand({ logGroupName: '/console/live', logStreamName: 'web', logEvents: [{ timestamp: aws.clock.now(), message: 'order 7 shipped' }] }));
    // No click: the tail asks again every 2 s.
    await page.locator('#action .result').getByText('order 7 shipped').waitFor({ timeout: 6000 });
    await page.getByText('Events (2)').waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  it('SNS: publishes from the page to a topic whose SQS subscriber the SDK reads', async () => {
    const { TopicArn } = await client(SNSClient).send(new CreateTopicCommand({ Name: 'console-news' }));
    const queueArn = 'arn:aws:sqs:us-east-1:000000000000:console-news-reader';
    // As on AWS, the queue's policy must let the topic send to it.
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn, Condition: { ArnEquals: { 'aws:SourceArn': TopicArn } } }] });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'console-news-reader', Attributes: { Policy } }));
    await client(SNSClient).send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'true' } }));
    await page.getByRole('button', { name: 'sns', exact: true }).click();
    const topic = page.getByRole('row').filter({ hasText: TopicArn! });
    await topic.getByRole('button', { name: 'Subscriptions' }).click();
    await page.locator('#action .result').getByText('console-news-reader').waitFor();
    await topic.getByRole('button', { name: 'Publish' }).click();
    await page.getByLabel('Message', { exact: true }).fill('hello subscribers');
    await page.locator('#action form').getByRole('button', { name: 'Publish' }).click();
    await page.locator('#action pre').filter({ hasText: 'MessageId' }).waitFor();
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    assert.deepEqual(Messages?.map((m) => m.Body), ['hello subscribers']);
  });

  it("EventBridge: opens a custom bus's rules and their targets, and puts an event the rule delivers", async () => {
    const events = client(EventBridgeClient);
    await events.send(new CreateEventBusCommand({ Name: 'console-orders' }));
    await events.send(new PutRuleCommand({ Name: 'shipped', EventBusName: 'console-orders', EventPattern: JSON.stringify({ source: ['console.shop'] }) }));
    const queueArn = 'arn:aws:sqs:us-east-1:000000000000:console-shipped';
    // As on AWS, the queue's policy must let EventBridge send to it.
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn }] });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'console-shipped', Attributes: { Policy } }));
    await events.send(new PutTargetsCommand({ Rule: 'shipped', EventBusName: 'console-orders', Targets: [{ Id: 'queue', Arn: queueArn }] }));
    await page.getByRole('button', { name: 'events', exact: true }).click();
    const bus = page.getByRole('row').filter({ hasText: 'event-bus/console-orders' });
    await bus.getByRole('button', { name: 'Rules' }).click();
    const rule = page.locator('#action .result tr').filter({ hasText: 'shipped' });
    await rule.getByRole('button', { name: 'Targets' }).click();
    await page.locator('.subaction').getByText('console-shipped').waitFor();
    await bus.getByRole('button', { name: 'Put event' }).click();
    await page.getByLabel('Source, e.g. my.app').fill('console.shop');
    await page.getByLabel('Detail type').fill('Order shipped');
    await page.getByLabel('Detail (JSON text)').fill('{"order": 7}');
    await page.locator('#action form').getByRole('button', { name: 'Put event' }).click();
    await page.locator('#action pre').filter({ hasText: 'EventId' }).waitFor();
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    assert.deepEqual(Messages?.map((m) => JSON.parse(m.Body!).detail), [{ order: 7 }]);
  });

  it('KMS: shows a key with its alias and policy, never its material', async () => {
    const kms = client(KMSClient);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'console key' }));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/console-orders', TargetKeyId: KeyMetadata!.KeyId }));
    await page.getByRole('button', { name: 'kms', exact: true }).click();
    const key = page.getByRole('row').filter({ hasText: KeyMetadata!.KeyId! });
    await key.getByRole('button', { name: 'Aliases' }).click();
    await page.locator('#action .result').getByText('alias/console-orders', { exact: true }).waitFor();
    await key.getByRole('button', { name: 'Key policy' }).click();
    await page.locator('#action pre').filter({ hasText: 'Enable IAM User Permissions' }).waitFor();
  });

  it('CloudFormation: opens a stack to its resources and outputs', async () => {
    const cfn = client(CloudFormationClient);
    const TemplateBody = JSON.stringify({ Resources: { Jobs: { Type: 'AWS::SQS::Queue' } }, Outputs: { JobsUrl: { Value: { Ref: 'Jobs' } } } });
    await cfn.send(new CreateStackCommand({ StackName: 'console-stack', TemplateBody }));
    let status = '';
    for (let i = 0; i < 50 && !status.endsWith('_COMPLETE'); i++) {
      status = (await cfn.send(new DescribeStacksCommand({ StackName: 'console-stack' }))).Stacks![0].StackStatus!;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 'CREATE_COMPLETE');
    await page.getByRole('button', { name: 'cloudformation', exact: true }).click();
    const stack = page.getByRole('row').filter({ hasText: 'console-stack' });
    await stack.getByRole('button', { name: 'Resources' }).click();
    await page.locator('#action .result tr').filter({ hasText: 'AWS::SQS::Queue' }).waitFor();
    await stack.getByRole('button', { name: 'Outputs' }).click();
    await page.locator('#action .result tr').filter({ hasText: 'JobsUrl' }).filter({ hasText: '/console-stack-Jobs-' }).waitFor();
  });

  it('Step Functions: draws the state machine as a graph', async () => {
    const definition = { StartAt: 'Validate', States: { Validate: { Type: 'Pass', Next: 'Ship' }, Ship: { Type: 'Pass', Next: 'Again?' }, 'Again?': { Type: 'Choice', Choices: [{ Variable: '$.again', BooleanEquals: true, Next: 'Validate' }], Default: 'Done' }, Done: { Type: 'Succeed' } } };
    await client(SFNClient).send(new CreateStateMachineCommand({ name: 'console-graph', definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::000000000000:role/r' }));
    await page.getByRole('button', { name: 'stepfunctions', exact: true }).click();
    await page.getByRole('row').filter({ hasText: 'console-graph' }).getByRole('button', { name: 'Graph: console-graph', exact: true }).click();
    const graph = page.getByRole('img', { name: /^State machine graph, 4 states/ });
    await graph.waitFor();
    assert.equal(await graph.locator('g.state').count(), 4);
    assert.equal(await graph.locator('path.edge.loop').count(), 1);
    const box = await graph.boundingBox();
    assert.ok(box && box.height > 200 && box.width > 100, JSON.stringify(box));
    await graph.screenshot({ path: join(SCREENSHOTS, 'stepfunctions-graph.png') });
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

  it('switches account: the queues of account 000000000000 are not in 111111111111', async () => {
    await page.getByRole('button', { name: 'sqs', exact: true }).click();
    await page.getByText('Queues (4)').waitFor();
    await page.getByLabel('Account').fill('111111111111');
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.getByText('Queues (0)').waitFor();
    await page.getByLabel('Account').fill('000000000000');
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.getByText('Queues (4)').waitFor();
  });

  it("lists another service's resources with its generic view, and offers its other list operations", async () => {
    await page.getByRole('button', { name: 'scheduler', exact: true }).click();
    await page.getByText('scheduler: Schedules').waitFor();
    await page.getByLabel('List with').selectOption('ListScheduleGroups');
    await page.getByText('scheduler: ScheduleGroups').waitFor();
    await page.getByRole('row').filter({ hasText: 'schedule-group/default' }).waitFor();
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
