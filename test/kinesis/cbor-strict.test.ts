import assert from 'node:assert/strict';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { cbor } from '@smithy/core/cbor';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// In strict mode Kinesis over CBOR fails authentication as Kinesis over AWS JSON does (400 and Coral's exception
// names), not with the query protocol's 403 codes.
const KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

describe('Kinesis over CBOR with strict signatures', function () {
  this.timeout(20_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['kinesis'], strictSignatures: true, credentials: [{ ...KEY, accountId: '123456789012' }] });
  });
  after(() => aws.stop());

  async function post(credentials: typeof KEY | undefined) {
    const url = new URL(aws.endpoint);
    const request = {
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-amz-cbor-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams' },
      body: Buffer.from(cbor.serialize({})),
    };
    const signed = credentials
      ? await new SignatureV4({ credentials, region: 'us-east-1', service: 'kinesis', sha256: Hash.bind(null, 'sha256') }).sign(request)
      : request;
    const response = await fetch(aws.endpoint, { method: 'POST', headers: signed.headers, body: new Uint8Array(request.body) });
    const body = cbor.deserialize(new Uint8Array(await response.arrayBuffer())) as { __type: string; message: string };
    return { status: response.status, contentType: response.headers.get('content-type'), ...body };
  }

  it('a known key with a valid signature is served', async () => {
    assert.equal((await post(KEY)).status, 200);
  });

  it('a wrong secret is InvalidSignatureException, an unknown key UnrecognizedClientException, no signature MissingAuthenticationTokenException', async () => {
    const mismatch = await post({ ...KEY, secretAccessKey: 'wrong' });
    assert.deepEqual([mismatch.status, mismatch.contentType, mismatch.__type], [400, 'application/x-amz-cbor-1.1', 'com.amazon.coral.service#InvalidSignatureException']);
    const unknown = await post({ accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' });
    assert.deepEqual([unknown.status, unknown.__type, unknown.message], [400, 'com.amazon.coral.service#UnrecognizedClientException', 'The security token included in the request is invalid.']);
    const missing = await post(undefined);
    assert.deepEqual([missing.status, missing.__type], [400, 'com.amazon.coral.service#MissingAuthenticationTokenException']);
  });
});
