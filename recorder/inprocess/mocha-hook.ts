/**
 * Records the AWS SDK v3 traffic of a Node test suite, one contract per test:
 *
 *   TWINSTACK_RECORD_DIR=contracts mocha --import=tsx --require recorder/inprocess/mocha-hook.ts 'test/**\/*.test.ts'
 *
 * Each test's AWS calls go to `<dir>/<service>/<test title>.json`. Credentials are those the suite uses (the standard
 * chain); the account to redact comes from STS GetCallerIdentity before the first test. TWINSTACK_RECORD_UPSTREAM and
 * TWINSTACK_RECORD_CA point that identity call at an AWS-compatible endpoint with its own CA instead of AWS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import NodeHttpAdapter from '@pollyjs/adapter-node-http';
import { Polly, type Request as PollyRequest, type Response as PollyResponse } from '@pollyjs/core';
import type { Context } from 'mocha';
import type { CapturedExchange } from '../capture/exchange.ts';
import { exchangeFromWire, headerMap } from '../capture/from-wire.ts';
import { buildContract } from '../contract/build.ts';
import { writeContract } from '../contract/write.ts';
import { recordingIdentity, type RecordingIdentity } from '../upstream/credentials.ts';

const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
const outDir = process.env.TWINSTACK_RECORD_DIR ?? 'contracts';
let identity: RecordingIdentity;
let polly: Polly;
let captured: CapturedExchange[] | undefined;

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

export const mochaHooks = {
  async beforeAll() {
    const ca = process.env.TWINSTACK_RECORD_CA;
    identity = await recordingIdentity(region, process.env.TWINSTACK_RECORD_UPSTREAM, { ca: ca ? readFileSync(ca, 'utf8') : undefined });
    console.log(`twinstack record: recording as ${identity.arn} (account ${identity.accountId}) into ${outDir}`);
    // The adapter package types against its own copy of @pollyjs/adapter, which TypeScript sees as a different class.
    Polly.register(NodeHttpAdapter as unknown as Parameters<typeof Polly.register>[0]);
    polly = new Polly('twinstack-record', { adapters: ['node-http'], mode: 'passthrough', logLevel: 'silent' });
    polly.server.any().on('response', (req: PollyRequest, res: PollyResponse) => {
      const exchange = exchangeFromWire(
        {
          at: req.timestamp ? new Date(req.timestamp) : new Date(),
          method: req.method,
          url: new URL(req.url),
          requestHeaders: headerMap(req.headers as Record<string, string | string[]>),
          requestBody: Buffer.from(String(req.body ?? '')),
          status: res.statusCode,
          responseHeaders: headerMap(res.headers as Record<string, string | string[]>),
          responseBody: Buffer.from(String(res.body ?? ''), res.encoding === 'base64' ? 'base64' : 'utf8'),
        },
        region,
      );
      if (exchange) captured?.push(exchange);
    });
  },
  beforeEach() {
    captured = [];
  },
  async afterEach(this: Context) {
    const exchanges = captured ?? [];
    captured = undefined;
    const test = this.currentTest;
    if (!exchanges.length || !test || test.state !== 'passed') return;
    const id = `${exchanges[0].service}/${slug(test.fullTitle())}`;
    const session = { accountId: identity.accountId, region: exchanges[0].region, upstream: process.env.TWINSTACK_RECORD_UPSTREAM ?? 'aws', startedAt: exchanges[0].at };
    const { contract } = buildContract(exchanges, session, { id, description: test.fullTitle(), client: 'aws-sdk-js-v3' });
    const { accessKeyId } = await identity.credentials();
    writeContract(join(outDir, `${id}.json`), contract, [identity.accountId, accessKeyId]);
  },
  async afterAll() {
    await polly?.stop();
  },
};
