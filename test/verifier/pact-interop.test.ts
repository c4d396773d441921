import assert from 'node:assert/strict';
import { join } from 'node:path';
import pactModule from '@pact-foundation/pact-core';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// CommonJS package: TypeScript (NodeNext) types the default import as module.exports, tsx hands over its `default`.
const pact = ((pactModule as { default?: unknown }).default ?? pactModule) as { verifyPacts(options: Record<string, unknown>): Promise<string> };
const CONTRACTS = join(import.meta.dirname, '..', '..', 'contracts');

// Interop proof: Pact's own verifier loads twinstack contract files and checks the emulator against them.
// The STS contracts need no variables (no captured values), so they run as they are.
describe("Pact's verifier over twinstack contracts", function () {
  this.timeout(60_000);
  let twinstack: Twinstack;
  before(async () => {
    process.env.PACT_DO_NOT_TRACK = 'true';
    twinstack = await startTwinstack({ port: 0, services: ['sts'] });
  });
  after(() => twinstack.stop());

  it('verifies the STS contracts against the emulator', async () => {
    // verifyPacts rejects when any interaction does not match.
    await assert.doesNotReject(
      pact.verifyPacts({
        providerBaseUrl: twinstack.endpoint,
        pactUrls: [join(CONTRACTS, 'sts', 'test_get_federation_token.json'), join(CONTRACTS, 'sts', 'test_sts_invalid_parameters.json')],
        logLevel: 'error',
      }),
    );
  });
});
