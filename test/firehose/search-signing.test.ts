import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CreateDeliveryStreamCommand, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { ROLE, startTlsServer, useFirehose, type FirehoseContext } from './support.ts';

// AWS's Firehose developer guide: Firehose signs its requests to an OpenSearch Service domain (`es`) and to an
// OpenSearch Serverless collection (`aoss`) with SigV4 as the delivery stream's IAM role. The cluster here is a local
// test server that records what it receives and checks the signature with the same SigV4 library.

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function deliver(context: FirehoseContext, name: string, base: string, received: Received[], serverless = false): Promise<Received> {
  await context.s3.send(new CreateBucketCommand({ Bucket: `${name}-backup` }));
  const s3 = { RoleARN: ROLE, BucketARN: `arn:aws:s3:::${name}-backup` };
  const common = { RoleARN: ROLE, IndexName: 'logs', BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 1 }, RetryOptions: { DurationInSeconds: 0 }, S3Configuration: s3 };
  await context.firehose.send(
    new CreateDeliveryStreamCommand(
      serverless
        ? { DeliveryStreamName: name, AmazonOpenSearchServerlessDestinationConfiguration: { ...common, CollectionEndpoint: base } }
        : { DeliveryStreamName: name, AmazonopensearchserviceDestinationConfiguration: { ...common, ClusterEndpoint: base } },
    ),
  );
  const before = received.length;
  await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: name, Records: [{ Data: Buffer.from('{"msg":"signed"}') }] }));
  await context.aws.advanceClock('60s');
  const deadline = Date.now() + 10_000;
  while (received.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  assert.ok(received.length > before, 'the cluster got a _bulk request');
  return received[received.length - 1];
}

/** The Authorization header SigV4 gives this request with these keys, at the time the request says it was signed. */
async function expectedAuthorization(request: Received, host: string, service: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const signedNames = /SignedHeaders=([^,]+)/.exec(String(request.headers.authorization))![1].split(';');
  const headers = Object.fromEntries(signedNames.map((name) => [name, name === 'host' ? host : String(request.headers[name])]));
  const amzDate = String(request.headers['x-amz-date']);
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const signer = new SignatureV4({ service, region: 'us-east-1', credentials, sha256: Hash.bind(null, 'sha256'), applyChecksum: true });
  const signed = await signer.sign({ method: 'POST', protocol: 'https:', hostname: host.split(':')[0], path: '/_bulk', query: {}, headers, body: request.body }, { signingDate });
  return signed.headers.authorization;
}

function withCluster(received: Received[]) {
  let server: { base: string; close(): Promise<void> };
  const cluster = { base: '' };
  before(async () => {
    server = await startTlsServer((req, res, raw) => {
      received.push({ url: req.url ?? '', headers: req.headers, body: raw.toString() });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ took: 1, errors: false, items: [{ index: { status: 201 } }] }));
    });
    cluster.base = server.base;
  });
  after(() => server.close());
  return cluster;
}

describe('Firehose signs its OpenSearch requests with SigV4', function () {
  this.timeout(60_000);

  describe('as the account when STS does not run', () => {
    const context = useFirehose(['firehose', 's3']);
    const received: Received[] = [];
    const cluster = withCluster(received);

    it('signs _bulk for es (OpenSearch Service) and aoss (Serverless) over the body hash', async () => {
      for (const [name, serverless, service] of [['signed-es', false, 'es'], ['signed-aoss', true, 'aoss']] as const) {
        const request = await deliver(context, name, cluster.base, received, serverless);
        assert.equal(request.url, '/_bulk');
        assert.match(String(request.headers.authorization), new RegExp(`^AWS4-HMAC-SHA256 Credential=000000000000/\\d{8}/us-east-1/${service}/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$`));
        assert.equal(request.headers['x-amz-content-sha256'], createHash('sha256').update(request.body).digest('hex'));
        const host = new URL(cluster.base).host;
        assert.equal(request.headers.authorization, await expectedAuthorization(request, host, service, { accessKeyId: '000000000000', secretAccessKey: 'test' }));
      }
    });
  });

  describe('as the stream role assumed through STS', () => {
    const context = useFirehose(['firehose', 's3', 'sts']);
    const received: Received[] = [];
    const cluster = withCluster(received);

    it("uses the role session's temporary keys and token", async () => {
      const request = await deliver(context, 'signed-role', cluster.base, received);
      assert.match(String(request.headers.authorization), /^AWS4-HMAC-SHA256 Credential=ASIA[A-Z0-9]{16}\/\d{8}\/us-east-1\/es\/aws4_request, /);
      assert.ok(String(request.headers['x-amz-security-token']).length > 20);
      assert.match(String(request.headers.authorization), /SignedHeaders=[^,]*x-amz-security-token/);
    });
  });
});
