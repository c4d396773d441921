import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

const run = promisify(execFile);
const HERE = fileURLToPath(new URL('.', import.meta.url));
const ENV = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' };

type Observed = {
  botocore: string;
  url: string;
  get_queue_url: string;
  receive: { body: string; same_id: boolean; md5_attributes_match: boolean; binary: number[]; receive_count: string };
  receive_count_after_visibility_reset: string;
  attributes: Record<string, string>;
  tags: Record<string, string>;
  batch: { successful: string[]; failed: [string, string][] };
  long_poll_bodies: string[];
  errors: Record<string, { code: string; message: string; status: number } | null>;
};

async function observe(python: string, endpoint: string): Promise<Observed> {
  const { stdout } = await run(python, [`${HERE}/python-clients.py`, endpoint], { env: ENV, timeout: 60_000 });
  return JSON.parse(stdout) as Observed;
}

// Expected codes and messages are AWS's (SQS API reference; recorded AWS responses in the snapshot tests).
function checkCommon(o: Observed, endpoint: string, protocol: 'json' | 'query') {
  assert.equal(o.url, `${endpoint}/000000000000/${o.url.split('/').pop()}`);
  assert.equal(o.get_queue_url, o.url);
  assert.deepEqual(o.receive, { body: 'hi <&>', same_id: true, md5_attributes_match: true, binary: [0, 1], receive_count: '1' });
  assert.equal(o.receive_count_after_visibility_reset, '2');
  assert.equal(o.attributes.VisibilityTimeout, '30');
  assert.equal(o.attributes.QueueArn, `arn:aws:sqs:us-east-1:000000000000:${o.url.split('/').pop()}`);
  assert.deepEqual(o.tags, { team: 'py' });
  assert.deepEqual(o.batch, { successful: ['a'], failed: [['b', 'InvalidMessageContents']] });
  assert.ok(o.long_poll_bodies.includes('late'));
  const wsdl = protocol === 'query' ? ' for this wsdl version' : '';
  assert.deepEqual(o.errors.missing_queue, { code: 'AWS.SimpleQueueService.NonExistentQueue', message: `The specified queue does not exist${wsdl}.`, status: 400 });
  assert.deepEqual(o.errors.deleted_queue, o.errors.missing_queue);
  assert.deepEqual(o.errors.fifo_missing_group, { code: 'MissingParameter', message: 'The request must contain the parameter MessageGroupId.', status: 400 });
  assert.deepEqual(o.errors.fifo_missing_dedup, {
    code: 'InvalidParameterValue',
    message: 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    status: 400,
  });
  assert.deepEqual(o.errors.fifo_delay, {
    code: 'InvalidParameterValue',
    message: 'Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.',
    status: 400,
  });
  assert.deepEqual(o.errors.too_many_entries, {
    code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    message: 'Maximum number of entries per request are 10. You have sent 11.',
    status: 400,
  });
  assert.deepEqual(o.errors.unknown_attribute, { code: 'InvalidAttributeName', message: 'Unknown Attribute Foobar.', status: 400 });
  assert.equal(o.errors.standard_name_with_fifo_attribute?.code, 'InvalidParameterValue');
  assert.deepEqual(o.errors.queue_exists, {
    code: 'QueueAlreadyExists',
    message: 'A queue already exists with the same name and a different value for attribute VisibilityTimeout',
    status: 400,
  });
}

describe('SQS through Python boto3 and the AWS CLI', function () {
  this.timeout(90_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs'] });
  });
  after(() => aws?.stop());

  it('boto3 1.43 over AWS JSON 1.0 and Debian boto3 1.26 over the query protocol', async () => {
    const [json, query] = await Promise.all([observe('python3', aws.endpoint), observe('/usr/bin/python3', aws.endpoint)]);
    assert.match(json.botocore, /^1\.4\d\./);
    assert.match(query.botocore, /^1\.29\./);
    checkCommon(json, aws.endpoint, 'json');
    checkCommon(query, aws.endpoint, 'query');
  });

  it('AWS CLI v2 (query protocol) including an error', async () => {
    const aws2 = (...args: string[]) => run('/usr/bin/aws', ['--endpoint-url', aws.endpoint, 'sqs', ...args, '--output', 'json'], { env: ENV });
    const url = JSON.parse((await aws2('create-queue', '--queue-name', `cli-${Date.now()}`)).stdout).QueueUrl as string;
    await aws2('send-message', '--queue-url', url, '--message-body', 'from cli', '--delay-seconds', '0');
    const received = JSON.parse((await aws2('receive-message', '--queue-url', url, '--attribute-names', 'All')).stdout);
    assert.equal(received.Messages[0].Body, 'from cli');
    assert.equal(received.Messages[0].Attributes.ApproximateReceiveCount, '1');
    await assert.rejects(aws2('get-queue-url', '--queue-name', 'cli-does-not-exist'), (e: { stderr: string }) => {
      assert.match(e.stderr, /AWS\.SimpleQueueService\.NonExistentQueue/);
      return true;
    });
  });

  it('query requests posted to the queue URL itself name the queue', async () => {
    const url = `${aws.endpoint}/000000000000/path-${Date.now()}`;
    const form = (params: Record<string, string>) =>
      fetch(params.Action === 'CreateQueue' ? aws.endpoint : url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ Version: '2012-11-05', ...params }),
      });
    await form({ Action: 'CreateQueue', QueueName: url.split('/').pop()! });
    assert.equal((await form({ Action: 'SendMessage', MessageBody: 'via path' })).status, 200);
    const xml = await (await form({ Action: 'ReceiveMessage', 'AttributeName.1': 'All' })).text();
    assert.match(xml, /<Body>via path<\/Body>/);
    assert.match(xml, /<Name>ApproximateReceiveCount<\/Name><Value>1<\/Value>/);
  });
});
