import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CreateQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import { request } from 'undici';
import type { CapturedExchange } from '../../recorder/capture/exchange.ts';
import { startRecordingProxy, type RunningProxy } from '../../recorder/proxy/server.ts';
import { startTlsUpstream, UPSTREAM_ACCOUNT, UPSTREAM_REGION, type TlsUpstream } from './helpers/tls-upstream.ts';

describe('recording proxy server', function () {
  this.timeout(30_000);
  let upstream: TlsUpstream;
  let proxy: RunningProxy;
  const exchanges: CapturedExchange[] = [];
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

  before(async () => {
    upstream = await startTlsUpstream(['sqs']);
    proxy = await startRecordingProxy({
      port: 0,
      credentials: async () => ({ accessKeyId: UPSTREAM_ACCOUNT, secretAccessKey: 'recording-secret' }),
      defaultRegion: UPSTREAM_REGION,
      upstream: new URL(upstream.url),
      tls: { ca: readFileSync(upstream.caFile, 'utf8') },
      onExchange: (exchange) => exchanges.push(exchange),
    });
  });
  after(async () => {
    await proxy?.close();
    await upstream?.stop();
  });

  it('serves HTTP/2 prior-knowledge clients (the Kinesis client default) and records their calls re-signed as the recording identity', async () => {
    exchanges.length = 0;
    const sqs = new SQSClient({ endpoint: proxy.endpoint, region: UPSTREAM_REGION, credentials, requestHandler: new NodeHttp2Handler() });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'h2-queue' }));
    assert.match(QueueUrl!, new RegExp(`/${UPSTREAM_ACCOUNT}/h2-queue$`));
    const { QueueUrls } = await sqs.send(new ListQueuesCommand({}));
    assert.deepEqual(QueueUrls, [QueueUrl]);
    sqs.destroy();
    assert.deepEqual(exchanges.map((e) => [e.service, e.operation, e.response.status]), [
      ['sqs', 'CreateQueue', 200],
      ['sqs', 'ListQueues', 200],
    ]);
    assert.match(exchanges[0].request.headers.authorization, new RegExp(`^AWS4-HMAC-SHA256 Credential=${UPSTREAM_ACCOUNT}/\\d{8}/${UPSTREAM_REGION}/sqs/aws4_request`));
  });

  it('answers requests for no known service with an AWS-style error, without forwarding', async () => {
    exchanges.length = 0;
    const res = await request(`${proxy.endpoint}/favicon.ico`);
    assert.equal(res.statusCode, 400);
    assert.deepEqual(await res.body.json(), { __type: 'UnknownService', message: 'twinstack record could not tell which AWS service this request is for' });
    assert.equal(exchanges.length, 0);
  });

  it('an unreachable upstream is a 502, not a hang or a crash', async () => {
    const dead = await startRecordingProxy({
      port: 0,
      credentials: async () => credentials,
      defaultRegion: UPSTREAM_REGION,
      upstream: new URL('https://127.0.0.1:1'),
      onExchange: () => assert.fail('nothing to record'),
    });
    try {
      const sqs = new SQSClient({ endpoint: dead.endpoint, region: UPSTREAM_REGION, credentials, maxAttempts: 1 });
      await assert.rejects(sqs.send(new ListQueuesCommand({})), (error: { $metadata: { httpStatusCode: number } }) => error.$metadata.httpStatusCode === 502);
      sqs.destroy();
    } finally {
      await dead.close();
    }
  });
});
