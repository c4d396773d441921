import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import type { ContractFile } from '../../verifier/contract/types.ts';
import { validateContract } from '../../verifier/contract/validate.ts';
import { closeConnections, runScenario } from '../../verifier/replay/run.ts';

const CONTRACTS = join(import.meta.dirname, '..', '..', 'contracts');
const read = (id: string) => JSON.parse(readFileSync(join(CONTRACTS, `${id}.json`), 'utf8')) as ContractFile;

describe('S3 calls of a virtual-hosted-style client (InteractionMeta.virtualHost)', function () {
  this.timeout(60_000);
  let twinstack: Twinstack;
  before(async () => {
    twinstack = await startTwinstack({ port: 0, services: ['s3'] });
  });
  after(() => twinstack.stop());

  it('sends them with the bucket in the host name, signed for it, and judges every recorded response', async () => {
    const contract = read('s3/test_url_encoded_key.True');
    const [create, put] = contract.interactions;
    assert.equal(create.comments.twinstack.virtualHost, undefined);
    assert.equal(put.comments.twinstack.virtualHost, true);
    const target = { endpoint: twinstack.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const results = await runScenario(contract, target);
    assert.deepEqual(results.flatMap((r) => r.mismatches), []);
    assert.equal(results.filter((r) => r.scoring).length, 1);
  });

  it('moves the bucket from the path into the Host header it signs', async () => {
    // A target that only notes what reaches it.
    const seen: { host: string; path: string; signed: string }[] = [];
    const server = createServer((req, res) => {
      seen.push({ host: req.headers.host!, path: req.url!, signed: /SignedHeaders=([^,]+)/.exec(req.headers.authorization ?? '')?.[1] ?? '' });
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      await runScenario(read('s3/test_url_encoded_key.True'), { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    } finally {
      await closeConnections();
      server.close();
    }
    const [create, put] = seen;
    assert.match(create.path, /^\/bucket-[a-z0-9]+$/);
    assert.equal(create.host, `127.0.0.1:${port}`);
    assert.equal(put.path, '/test%40key/');
    assert.match(put.host, new RegExp(`^bucket-[a-z0-9]+\\.s3\\.localhost\\.localstack\\.cloud:${port}$`));
    assert.ok(put.signed.split(';').includes('host'));
  });

  it('refuses the flag on a call that is not an S3 API call with its bucket first in the path', () => {
    const contract = read('s3/test_url_encoded_key.True');
    contract.interactions[1].request.path = '/';
    contract.interactions[2].comments.twinstack.protocol = 'json';
    const problems = validateContract(contract).join('\n');
    assert.match(problems, /interactions\[1\]\.comments\.twinstack\.virtualHost: the path names the bucket first/);
    assert.match(problems, /interactions\[2\]\.comments\.twinstack\.virtualHost: true or absent, on an S3 \(rest-xml\) call/);
  });
});
