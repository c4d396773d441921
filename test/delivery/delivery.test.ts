import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { AwsError } from '../../emulator/core/errors.ts';
import { isRetryable } from '../../emulator/delivery/deliver.ts';
import { HttpDeliveryError } from '../../emulator/delivery/http.ts';
import { AWS_MANAGED_RETRY, httpRetryPolicy } from '../../emulator/delivery/retry.ts';

// Schedules from the Amazon SNS developer guide, "Amazon SNS message delivery retries" and "Creating an HTTP/S
// delivery policy": AWS-managed endpoints get 100,015 attempts (3 immediate, 2 at 1 s, 10 backing off from 1 to 20 s,
// then every 20 s); an HTTP/S policy runs its four phases (no delay, minimum delay, backoff, maximum delay).
describe('delivery layer', function () {
  this.timeout(20_000);

  it('follows the fixed retry schedule of AWS-managed endpoints', () => {
    const delays = Array.from({ length: AWS_MANAGED_RETRY.retries! }, (_, i) => AWS_MANAGED_RETRY.delayMs!(i));
    assert.equal(delays.length + 1, 100_015);
    assert.deepEqual(delays.slice(0, 5), [0, 0, 0, 1000, 1000]);
    const backoff = delays.slice(5, 15);
    assert.equal(backoff[0], 1000);
    assert.equal(backoff[9], 20_000);
    assert.ok(backoff.every((d, i) => i === 0 || d > backoff[i - 1]), 'backoff grows');
    assert.ok(delays.slice(15).every((d) => d === 20_000));
  });

  it('lays out an HTTP/S delivery policy in its four phases', () => {
    const { delaysMs } = httpRetryPolicy({
      minDelayTarget: 1,
      maxDelayTarget: 60,
      numRetries: 50,
      numNoDelayRetries: 3,
      numMinDelayRetries: 2,
      numMaxDelayRetries: 35,
      backoffFunction: 'exponential',
    });
    assert.equal(delaysMs!.length, 50);
    assert.deepEqual(delaysMs!.slice(0, 5), [0, 0, 0, 1000, 1000]);
    assert.equal(delaysMs![5], 1000);
    assert.equal(delaysMs![14], 60_000);
    assert.ok(delaysMs!.slice(15).every((d) => d === 60_000));
    assert.deepEqual(httpRetryPolicy().delaysMs, [20_000, 20_000, 20_000]);
  });

  it('retries server-side failures only', () => {
    assert.equal(isRetryable(new AwsError('QueueDoesNotExist', 'gone', { status: 400 })), false);
    assert.equal(isRetryable(new AwsError('InternalFailure', 'oops', { status: 500 })), true);
    assert.equal(isRetryable(new AwsError('ThrottlingException', 'slow down', { status: 400 })), true);
    assert.equal(isRetryable(new HttpDeliveryError(503, 'busy')), true);
    assert.equal(isRetryable(new HttpDeliveryError(404, 'no')), false);
    assert.equal(isRetryable(new Error('socket hang up')), true);
  });

  describe('in an emulator', () => {
    let aws: Twinstack;
    let sqs: SQSClient;
    const source = { servicePrincipal: 'events.amazonaws.com', sourceArn: 'arn:aws:events:us-east-1:000000000000:rule/r', accountId: '000000000000', region: 'us-east-1' };

    before(async () => {
      aws = await startTwinstack({ port: 0, services: ['sqs'] });
      sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    });
    after(() => aws?.stop());

    it('delivers in order per ordering key, a retried delivery holding back the ones after it', async () => {
      const received: string[] = [];
      let failures = 1;
      const server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          if (body === 'first' && failures-- > 0) return res.writeHead(500).end();
          received.push(body);
          res.writeHead(200).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      try {
        for (const body of ['first', 'second', 'third']) {
          aws.emulator.deliverInBackground(url, { body }, source, { retry: { delaysMs: [50] }, retryable: () => true, orderingKey: 'group' });
        }
        const until = Date.now() + 5000;
        while (received.length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        assert.deepEqual(received, ['first', 'second', 'third']);
      } finally {
        await new Promise<void>((r) => server.close(() => r()));
      }
    });

    it('hands a client-side failure to onFailure at once, and delivers to SQS as the source service', async () => {
      const failure = await new Promise<unknown>((resolve) =>
        aws.emulator.deliverInBackground('arn:aws:sqs:us-east-1:000000000000:missing', { body: 'x' }, source, {
          retry: AWS_MANAGED_RETRY,
          onFailure: resolve,
        }),
      );
      assert.equal((failure as AwsError).code, 'QueueDoesNotExist');
      const policy = { Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' }] };
      const url = (await sqs.send(new CreateQueueCommand({ QueueName: 'delivered', Attributes: { Policy: JSON.stringify(policy) } }))).QueueUrl!;
      await aws.emulator.deliver('arn:aws:sqs:us-east-1:000000000000:delivered', { body: 'hello' }, source);
      const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
      assert.equal(got.Messages?.[0].Body, 'hello');
    });

    it('fails over as unavailable (retryable) when the target service is not enabled', async () => {
      await assert.rejects(aws.emulator.deliver('arn:aws:lambda:us-east-1:000000000000:function:f', { body: '{}' }, source), (error: unknown) => {
        assert.ok(isRetryable(error));
        return true;
      });
    });
  });
});
