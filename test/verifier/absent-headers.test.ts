import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContractFile, Expectation } from '../../verifier/contract/types.ts';
import { validateContract } from '../../verifier/contract/validate.ts';
import { closeConnections, runScenario } from '../../verifier/replay/run.ts';

/** One plain HTTP step (a GET to a bucket's virtual host, as a CORS test sends it) with the given expectation. */
const contract = (expect: Expectation): ContractFile => ({
  consumer: { name: 'aws-sdk' },
  provider: { name: 'aws-s3' },
  interactions: [
    {
      type: 'Synchronous/HTTP',
      description: '0 GetObjectOverHttp (http)',
      request: { method: 'GET', path: '/key', headers: { origin: ['https://example.com'] } },
      response: { status: 200 },
      comments: { twinstack: { step: 0, service: 's3', operation: 'GetObjectOverHttp', protocol: 'rest-xml', url: 'http://b-{{suffix}}.s3.localhost.localstack.cloud', scoring: true, expect } },
    },
  ],
  metadata: { pactSpecification: { version: '4.0' }, twinstack: { formatVersion: 1, id: 's3/x', service: 's3', protocol: 'rest-xml', provenance: { kind: 'aws-docs-example', url: 'u', retrievedAt: 'd' } } },
});

describe('expected absence of response headers (Expectation.absentHeaders)', () => {
  let server: Server;
  let endpoint: string;
  before(async () => {
    // Answers as S3 does a GET whose origin matched no CORS rule: the object, a Vary header, no Access-Control-*.
    server = createServer((_req, res) => res.writeHead(200, { vary: 'Origin', 'content-type': 'binary/octet-stream' }).end('test-cors'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await closeConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const run = async (expect: Expectation) => (await runScenario(contract(expect), { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }))[0];

  it('passes when the named headers are missing from the answer', async () => {
    const result = await run({ status: 200, output: { body: 'test-cors' }, headers: { vary: 'Origin' }, absentHeaders: ['access-control-allow-origin', 'access-control-allow-methods'] });
    assert.deepEqual(result.mismatches, []);
    assert.equal(result.passed, true);
  });

  it('records each header the answer carries although AWS did not send it', async () => {
    const result = await run({ status: 200, absentHeaders: ['vary', 'access-control-allow-origin'] });
    assert.deepEqual(result.mismatches, [{ path: 'header:vary', expected: '(absent)', actual: 'Origin', reason: 'unexpected header' }]);
    assert.equal(result.passed, false);
  });

  it('accepts a list of lower-case names, and refuses other forms and a header expected both present and absent', () => {
    assert.deepEqual(validateContract(contract({ status: 200, headers: { vary: 'Origin' }, absentHeaders: ['access-control-allow-origin'] })), []);
    const problems = (expect: unknown) => validateContract(contract(expect as Expectation)).join('\n');
    assert.match(problems({ status: 200, absentHeaders: ['Vary'] }), /expect\.absentHeaders: a list of lower-case header names/);
    assert.match(problems({ status: 200, absentHeaders: 'vary' }), /expect\.absentHeaders: a list of lower-case header names/);
    assert.match(problems({ status: 200, headers: { vary: 'Origin' }, absentHeaders: ['vary'] }), /expect\.absentHeaders: a header cannot be expected both present and absent/);
  });
});
