import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:https';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

const run = promisify(execFile);
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** GET over HTTPS trusting only `ca`: the status, the ALPN protocol and the peer certificate's names. */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: string; altNames: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, altNames: (res.socket as import('node:tls').TLSSocket).getPeerCertificate().subjectaltname ?? '' }));
    }).on('error', reject);
  });
}

describe('HTTPS on the emulator\'s port', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let ca: string;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'kinesis'] });
    ca = readFileSync((await aws.tls!.identity()).caFile, 'utf8');
  });
  after(() => aws.stop());

  it('serves HTTP/1.1 over TLS with a certificate for localhost, LocalStack\'s host names and loopback', async () => {
    const { status, body, altNames } = await httpsGet(`https://localhost:${aws.port}/_twinstack/health`, ca);
    assert.equal(status, 200);
    assert.ok(JSON.parse(body).services.sqs);
    for (const name of ['DNS:localhost', 'DNS:*.localhost.localstack.cloud', 'IP Address:127.0.0.1']) assert.ok(altNames.includes(name), altNames);
    // The certificate to trust is served too, and plain HTTP goes on working on the same port.
    const served = await (await fetch(`${aws.endpoint}/_twinstack/tls/certificate.pem`)).text();
    assert.equal(served, ca);
  });

  it('answers the AWS SDK v3 over HTTPS (HTTP/1.1 for SQS, HTTP/2 chosen by ALPN for Kinesis) with https URLs', async () => {
    const sqs = new SQSClient({ endpoint: aws.httpsEndpoint, region: 'us-east-1', credentials: CREDENTIALS, requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ ca }) }) });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'over-tls' }));
    assert.equal(QueueUrl, `${aws.httpsEndpoint}/000000000000/over-tls`);
    assert.deepEqual((await sqs.send(new ListQueuesCommand({}))).QueueUrls, [QueueUrl]);
    sqs.destroy();
    // The Kinesis client speaks HTTP/2 (its handler takes no CA): a Node process started trusting the certificate.
    const script = `
      import { KinesisClient, CreateStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
      const kinesis = new KinesisClient({});
      await kinesis.send(new CreateStreamCommand({ StreamName: 'over-tls', ShardCount: 1 }));
      const { StreamDescriptionSummary } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'over-tls' }));
      console.log(StreamDescriptionSummary.StreamARN);
      kinesis.destroy();`;
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: (await aws.tls!.identity()).caFile, AWS_ENDPOINT_URL: aws.httpsEndpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', NODE_NO_WARNINGS: '1' };
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env });
    assert.equal(stdout.trim(), 'arn:aws:kinesis:us-east-1:000000000000:stream/over-tls');
    const session = connect(aws.httpsEndpoint!, { ca });
    try {
      const alpn = await new Promise<string | false | undefined>((resolve, reject) => session.once('connect', () => resolve(session.alpnProtocol)).once('error', reject));
      assert.equal(alpn, 'h2');
    } finally {
      session.close();
    }
  });

  it('answers the AWS CLI given --endpoint-url https://... and --ca-bundle', async () => {
    const caFile = (await aws.tls!.identity()).caFile;
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_ENDPOINT_URL: '' };
    const { stdout } = await run('aws', ['--endpoint-url', `https://localhost:${aws.port}`, '--ca-bundle', caFile, 'sqs', 'list-queues', '--output', 'json'], { env });
    assert.deepEqual(JSON.parse(stdout).QueueUrls, [`https://localhost:${aws.port}/000000000000/over-tls`]);
    // Without trust the CLI refuses the certificate: the emulator does not fall back to anything weaker.
    await assert.rejects(run('aws', ['--endpoint-url', `https://localhost:${aws.port}`, 'sqs', 'list-queues'], { env }), /CERTIFICATE_VERIFY_FAILED|certificate verify failed/);
  });
});

describe('HTTPS certificates', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinstack-tls-test-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('keeps the certificate it made in the persistence directory across restarts', async () => {
    const dir = scratch();
    const first = await startTwinstack({ port: 0, services: ['sqs'], persist: dir });
    const made = await first.tls!.identity();
    await first.stop();
    const second = await startTwinstack({ port: 0, services: ['sqs'], persist: dir });
    try {
      const kept = await second.tls!.identity();
      assert.equal(kept.certificatePem, made.certificatePem);
      assert.ok(kept.caFile.startsWith(join(dir, 'tls')));
      assert.equal((await httpsGet(`https://127.0.0.1:${second.port}/_twinstack/health`, readFileSync(kept.caFile, 'utf8'))).status, 200);
    } finally {
      await second.stop();
    }
  });

  it('serves a certificate and key of your own, and refuses files that do not go together', async () => {
    const dir = scratch();
    const [cert, key, otherKey] = ['cert.pem', 'key.pem', 'other-key.pem'].map((f) => join(dir, f));
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost']);
    await run('openssl', ['genpkey', '-algorithm', 'RSA', '-out', otherKey]);
    const aws = await startTwinstack({ port: 0, services: ['sqs'], tls: { certFile: cert, keyFile: key } });
    try {
      const { status, altNames } = await httpsGet(`https://localhost:${aws.port}/_twinstack/health`, readFileSync(cert, 'utf8'));
      assert.equal(status, 200);
      assert.equal(altNames, 'DNS:localhost');
    } finally {
      await aws.stop();
    }
    await assert.rejects(startTwinstack({ port: 0, services: ['sqs'], tls: { certFile: cert, keyFile: otherKey } }), /the TLS certificate and key do not go together/);
    await assert.rejects(startTwinstack({ port: 0, services: ['sqs'], tls: { certFile: join(dir, 'none.pem'), keyFile: key } }), /cannot read TLS file .*none\.pem/);
  });

  it('serves no TLS when told not to', async () => {
    const aws = await startTwinstack({ port: 0, services: ['sqs'], tls: false });
    try {
      assert.equal(aws.httpsEndpoint, undefined);
      await assert.rejects(httpsGet(`https://127.0.0.1:${aws.port}/_twinstack/health`, ''));
    } finally {
      await aws.stop();
    }
  });
});
