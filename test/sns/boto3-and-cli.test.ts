import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';

// Error codes and messages expected here are AWS's, as recorded in shared/reference/aws-snapshots/sns.
describe('SNS with boto3 and the AWS CLI', function () {
  this.timeout(60_000);
  let aws: Twinstack;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sns', 'sqs'] });
  });
  after(() => aws?.stop());

  it('fans out with body filter policies and raw delivery, keeps FIFO order, and answers AWS errors (boto3)', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./python-fanout.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out.all, ['eu-central-1', 'eu-west-1', 'us-east-1']);
    assert.deepEqual(out.eu, ['eu-west-1']);
    assert.deepEqual(out.fifo, Array.from({ length: 12 }, (_, i) => `e${i}`));
    assert.deepEqual(out['fifo-queue-on-standard-topic'], {
      Code: 'InvalidParameter',
      Message: 'Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics',
      Type: 'Sender',
    });
    assert.deepEqual(out['malformed-arn'], {
      Code: 'InvalidParameter',
      Message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1',
      Type: 'Sender',
    });
  });

  it('creates, publishes and lists with the AWS CLI v1', async () => {
    const cli = (...args: string[]) =>
      promisify(execFile)('python3', ['-m', 'awscli', '--endpoint-url', aws.endpoint, '--output', 'json', 'sns', ...args], { env: BOTO3_ENV });
    const topicArn = JSON.parse((await cli('create-topic', '--name', 'cli-topic')).stdout).TopicArn;
    assert.equal(topicArn, 'arn:aws:sns:us-east-1:000000000000:cli-topic');
    const published = JSON.parse((await cli('publish', '--topic-arn', topicArn, '--message', 'hello')).stdout);
    assert.match(published.MessageId, /^[0-9a-f-]{36}$/);
    const topics = JSON.parse((await cli('list-topics')).stdout).Topics;
    assert.ok(topics.some((t: { TopicArn: string }) => t.TopicArn === topicArn));
    await assert.rejects(cli('get-topic-attributes', '--topic-arn', `${topicArn}-missing`), /NotFound.*Topic does not exist/s);
  });
});
