import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const ROLE = 'arn:aws:iam::000000000000:role/firehose-role';

export interface FirehoseContext {
  aws: Twinstack;
  firehose: FirehoseClient;
  s3: S3Client;
}

/** Starts twinstack with `services` around a mocha suite, with Firehose and S3 clients. */
export function useFirehose(services: string[] = ['firehose', 's3']): FirehoseContext {
  const context = {} as FirehoseContext;
  before(async () => {
    context.aws = await startTwinstack({ port: 0, services });
    const config = { endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
    context.firehose = new FirehoseClient(config);
    context.s3 = new S3Client({ ...config, forcePathStyle: true });
  });
  after(async () => {
    context.firehose.destroy();
    context.s3.destroy();
    await context.aws.stop();
  });
  return context;
}

/** Waits (real time) until the bucket holds at least `count` objects under `prefix`, and returns them with their bodies. */
export async function objects(s3: S3Client, bucket: string, count = 1, prefix?: string, timeoutMs = 10_000): Promise<{ key: string; body: Buffer }[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listed = (await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? [];
    if (listed.length >= count || Date.now() > deadline) {
      return Promise.all(
        listed.map(async (o) => ({
          key: o.Key!,
          body: Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key! }))).Body!.transformToByteArray()),
        })),
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * An HTTPS server on 127.0.0.1 with a self-signed certificate (made by openssl), trusted by this process until it is
 * closed: AWS requires https endpoints of search clusters, collections and Splunk. `handler` gets the whole body.
 */
export async function startTlsServer(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void): Promise<{ base: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'firehose-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const rejectUnauthorized = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      if (rejectUnauthorized === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = rejectUnauthorized;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
