import assert from 'node:assert/strict';
import { cbor } from '@smithy/core/cbor';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// The protocol layer's share of hostile input: names that are JavaScript built-ins, huge values, integers beyond
// 2^53. Each gets AWS's 4xx error, never a 500 or a 200.
describe('transport hardening: hostile input to the protocol layer', () => {
  let twinstack: Twinstack;
  before(async () => {
    twinstack = await startTwinstack({ port: 0, services: ['dynamodb', 'sqs', 'sts', 'kinesis'] });
  });
  after(() => twinstack.stop());

  const BUILT_INS = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'];

  it('built-in object property names as X-Amz-Target operations are unknown operations', async () => {
    for (const name of BUILT_INS) {
      const res = await fetch(twinstack.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${name}` },
        body: '{}',
      });
      assert.equal(res.status, 400, name);
      assert.match(((await res.json()) as { __type: string }).__type, /UnknownOperationException$/, name);
    }
  });

  it('built-in object property names as query Actions are InvalidAction', async () => {
    for (const name of BUILT_INS) {
      const res = await fetch(twinstack.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0' },
        body: `Action=${name}&Version=2011-06-15`,
      });
      assert.equal(res.status, 400, name);
      assert.match(await res.text(), new RegExp(`<Code>InvalidAction</Code><Message>Could not find operation ${name.replace(/_/g, '_')} for version 2011-06-15</Message>`), name);
    }
  });

  it('built-in names as JSON input members are ignored like any unknown member', async () => {
    const res = await fetch(twinstack.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{"__proto__":{"Limit":0},"constructor":1,"toString":"x"}',
    });
    assert.equal(res.status, 200);
  });

  it('a value just over its length limit is echoed in full, as AWS does (CloudWatch Logs: 1,025 characters, recorded)', async () => {
    const res = await fetch(twinstack.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.DescribeTable' },
      body: JSON.stringify({ TableName: 'x'.repeat(1025) }),
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { message: string };
    assert.ok(body.message.includes(`Value '${'x'.repeat(1025)}' at 'tableName'`), body.message.slice(0, 200));
  });

  it('a 10 MB string breaking a length limit gets a short message (cut past twice the limit: our bound)', async () => {
    const res = await fetch(twinstack.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.DescribeTable' },
      body: JSON.stringify({ TableName: 'x'.repeat(10 * 1024 * 1024) }),
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { __type: string; message: string };
    assert.match(body.__type, /ValidationException$/);
    assert.ok(body.message.length < 4096, `message of ${body.message.length} characters`);
    assert.match(body.message, /failed to satisfy constraint: Member must have length less than or equal to 1024/);
  });

  it('CBOR integers beyond 2^53 are numbers, validated as any other', async () => {
    const res = await fetch(twinstack.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-cbor-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams' },
      body: Buffer.from(cbor.serialize({ Limit: 2n ** 60n })),
    });
    assert.equal(res.status, 400);
    const body = cbor.deserialize(new Uint8Array(await res.arrayBuffer())) as { __type: string };
    assert.match(body.__type, /ValidationException$/);
  });

  it('a CBOR body declaring a length beyond 2^53 is a SerializationException, with no warning in the server log', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const res = await fetch(twinstack.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-cbor-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams' },
        // A map whose first key is a text string of 0x2260000000002241 bytes.
        body: Buffer.from([0xa1, 0x7b, 0x22, 0x60, 0, 0, 0, 0, 0x22, 0x41]),
      });
      assert.equal(res.status, 400);
      const body = cbor.deserialize(new Uint8Array(await res.arrayBuffer())) as { __type: string; message: string };
      assert.match(body.__type, /SerializationException$/);
      assert.match(body.message, /^Malformed CBOR body: /);
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(warnings, []);
  });
});

describe('transport hardening: strict signatures over CBOR', () => {
  it('Kinesis over CBOR reports authentication failures as Kinesis over JSON does (400 UnrecognizedClientException)', async () => {
    const strict = await startTwinstack({ port: 0, services: ['kinesis'], strictSignatures: true });
    try {
      const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
      const res = await fetch(strict.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-cbor-1.1',
          'x-amz-target': 'Kinesis_20131202.ListStreams',
          'x-amz-date': amzDate,
          authorization: `AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN0000000000/${amzDate.slice(0, 8)}/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
        },
        body: Buffer.from(cbor.serialize({})),
      });
      assert.equal(res.status, 400);
      const body = cbor.deserialize(new Uint8Array(await res.arrayBuffer())) as { __type: string };
      assert.match(body.__type, /UnrecognizedClientException$/);
    } finally {
      await strict.stop();
    }
  });
});
