import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { loadContracts } from '../../verifier/contract/load.ts';
import { verifyContracts } from '../../verifier/replay/verify.ts';

const CONTRACTS = join(import.meta.dirname, '..', '..', 'contracts');
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('verify: Smithy RPC v2 CBOR contracts', function () {
  this.timeout(60_000);
  let twinstack: Twinstack;
  const contracts = loadContracts(CONTRACTS)
    .map((c) => c.contract)
    .filter((c) => c.metadata.twinstack.service === 'cloudwatch' && c.metadata.twinstack.protocol === 'smithy-rpc-v2-cbor');

  before(async () => {
    twinstack = await startTwinstack({ port: 0, services: ['cloudwatch', 'sns', 'sqs'] });
  });
  after(() => twinstack.stop());

  it('sends the stored documents as CBOR and judges the CBOR answers as a client parses them', async () => {
    assert.ok(contracts.length >= 30);
    const run = await verifyContracts({ target: { endpoint: twinstack.endpoint, region: 'us-east-1', credentials }, contracts });
    const failing = run.results.filter((r) => !r.passed).map((r) => `${r.scenario}#${r.step}: ${JSON.stringify(r.mismatches)}`);
    assert.deepEqual(failing, []);
    // Timestamps (DescribeAlarms' dates) and errors (ResourceNotFound by its query code) were read back from CBOR.
    assert.ok(run.results.some((r) => r.operation === 'DescribeAlarms' && r.scoring && r.passed));
    assert.ok(run.results.some((r) => r.expectedError === 'ResourceNotFound' && r.passed));
  });

  it('fails a CBOR interaction answered without the protocol (an AWS JSON answer is malformed to such a client)', async () => {
    const contract = contracts.find((c) => c.metadata.twinstack.id === 'cloudwatch/test_describe_alarms_converts_date_format_correctly.smithy-rpc-v2-cbor')!;
    const asJson = JSON.parse(JSON.stringify(contract)) as typeof contract;
    // Same interactions, but sent as AWS JSON: twinstack answers in AWS JSON, which the verifier must refuse as CBOR.
    for (const i of asJson.interactions) {
      const { 'smithy-protocol': _, ...headers } = i.request.headers!;
      i.request.headers = { ...headers, 'x-amz-target': [`GraniteServiceVersion20100801.${i.comments.twinstack.operation}`] };
      i.request.path = '/';
    }
    const run = await verifyContracts({ target: { endpoint: twinstack.endpoint, region: 'us-east-1', credentials }, contracts: [asJson] });
    assert.ok(run.results.length > 0 && run.results.every((r) => r.mismatches.some((m) => m.actual === 'the response lacks the header smithy-protocol: rpc-v2-cbor')));
  });
});
