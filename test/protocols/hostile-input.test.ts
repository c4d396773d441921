import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import type { ServiceModel } from '../../emulator/models/types.ts';
import { decodeJson } from '../../emulator/protocols/json-codec.ts';
import { validateInput } from '../../emulator/protocols/validate.ts';

// Input no SDK would send, as a hand-written client or a bug might: each gets a 4xx AWS error, never a 500 or lost data.
describe('hostile JSON input', () => {
  let twinstack: Twinstack;
  before(async () => {
    twinstack = await startTwinstack({ port: 0, services: ['dynamodb', 'sqs'] });
  });
  after(() => twinstack.stop());

  async function post(target: string, body: string) {
    const res = await fetch(twinstack.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
      body,
    });
    return { status: res.status, body: (await res.json()) as { __type: string; message: string } };
  }

  it('refuses nulls inside lists and maps with a SerializationException', async () => {
    const cases: [string, string][] = [
      ['DynamoDB_20120810.BatchGetItem', '{"RequestItems":{"t":{"Keys":[null]}}}'],
      ['DynamoDB_20120810.PutItem', '{"TableName":"t","Item":{"a":{"SS":[null]}}}'],
      ['DynamoDB_20120810.TagResource', '{"ResourceArn":"arn:aws:dynamodb:us-east-1:000000000000:table/t","Tags":[null]}'],
      ['AmazonSQS.SendMessageBatch', '{"QueueUrl":"q","Entries":[null]}'],
      ['AmazonSQS.TagQueue', '{"QueueUrl":"q","Tags":{"a":null}}'],
    ];
    for (const [target, body] of cases) {
      const response = await post(target, body);
      assert.equal(response.status, 400, `${target} ${body}`);
      assert.match(response.body.__type, /SerializationException$/, `${target} ${body}`);
    }
  });

  it('refuses blobs that are not base64', async () => {
    const response = await post('DynamoDB_20120810.PutItem', '{"TableName":"t","Item":{"a":{"B":"abc"}}}');
    assert.equal(response.status, 400);
    assert.match(response.body.__type, /SerializationException$/);
    assert.equal(response.body.message, 'Base64 encoded length is expected a multiple of 4 bytes but found: 3');
    // What Node's decoder would skip or take (URL-safe characters, whitespace, padding inside), AWS refuses.
    for (const blob of ['ab*=', 'ab-_', 'AAA_', 'ab c', 'a=bc', 'AA=A', 'a===', '====', 'AAé=']) {
      const bad = await post('DynamoDB_20120810.PutItem', JSON.stringify({ TableName: 't', Item: { a: { B: blob } } }));
      assert.equal(bad.status, 400, blob);
      assert.match(bad.body.__type, /SerializationException$/, blob);
    }
  });

  // Raw JSON here: the AWS SDK v3 itself drops a `__proto__` map key while parsing responses.
  it('keeps an attribute named __proto__ (a legal DynamoDB attribute name)', async () => {
    const created = await post(
      'DynamoDB_20120810.CreateTable',
      JSON.stringify({
        TableName: 'protos',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      }),
    );
    assert.equal(created.status, 200);
    const put = await post('DynamoDB_20120810.PutItem', '{"TableName":"protos","Item":{"pk":{"S":"1"},"__proto__":{"S":"kept"}}}');
    assert.equal(put.status, 200);
    const got = await post('DynamoDB_20120810.GetItem', '{"TableName":"protos","Key":{"pk":{"S":"1"}}}');
    const item = (got.body as unknown as { Item: Record<string, unknown> }).Item;
    assert.deepEqual(Object.entries(item).sort(), [['__proto__', { S: 'kept' }], ['pk', { S: '1' }]]);
  });

  // Issue 22: structure members named like Object.prototype's properties once reached the handlers as functions.
  it('treats structure members named constructor, toString, __proto__... as unknown members, in every family', async () => {
    const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
    const extra = names.map((n) => `"${n}":{"S":"x"}`).join(',');
    const put = await post('DynamoDB_20120810.PutItem', `{"TableName":"protos","Item":{"pk":{"S":"2"},"v":{"S":"y",${extra}}},${extra}}`);
    // Unknown members are ignored, as AWS's JSON protocol does.
    assert.equal(put.status, 200);
    const got = await post('DynamoDB_20120810.GetItem', '{"TableName":"protos","Key":{"pk":{"S":"2"}}}');
    assert.deepEqual((got.body as unknown as { Item: unknown }).Item, { pk: { S: '2' }, v: { S: 'y' } });
    const queue = await post('AmazonSQS.CreateQueue', `{"QueueName":"protos",${extra},"Attributes":{"constructor":"1"}}`);
    assert.equal(queue.status, 400);
    assert.equal(queue.body.message, 'Unknown Attribute constructor.');
    const form = new URLSearchParams({ Action: 'CreateQueue', QueueName: 'protos', constructor: '1', 'toString.1': 'x', 'Attribute.1.Name': 'toString', 'Attribute.1.Value': '1' });
    const query = await fetch(twinstack.endpoint, { method: 'POST', body: form });
    assert.equal(query.status, 400);
    assert.match(await query.text(), /<Code>InvalidAttributeName<\/Code><Message>Unknown Attribute toString.<\/Message>/);
  });
});

describe('decoded maps and validation messages', () => {
  it('decodes maps into objects without a prototype: a key the client did not send finds nothing', () => {
    const model = {
      metadata: {},
      operations: {},
      shapes: { In: { type: 'structure', members: { Tags: { shape: 'Tags' } } }, Tags: { type: 'map', key: { shape: 'S' }, value: { shape: 'S' } }, S: { type: 'string' } },
    } as unknown as ServiceModel;
    const decoded = decodeJson(model, { shape: 'In' }, JSON.parse('{"Tags":{"a":"1","__proto__":"2"}}')) as { Tags: Record<string, unknown> };
    assert.equal(Object.getPrototypeOf(decoded.Tags), null);
    assert.equal(decoded.Tags.constructor, undefined);
    assert.equal(decoded.Tags.toString, undefined);
    assert.deepEqual(Object.entries(decoded.Tags), [
      ['a', '1'],
      ['__proto__', '2'],
    ]);
  });

  it('render blobs, and lists and maps of blobs, as Coral does (Java ByteBuffers), never as Node objects', () => {
    const model = {
      metadata: {},
      operations: {},
      shapes: {
        In: { type: 'structure', members: { Blobs: { shape: 'Blobs' }, ByName: { shape: 'ByName' } } },
        Blobs: { type: 'list', member: { shape: 'Blob' }, max: 1 },
        Blob: { type: 'blob', max: 1 },
        ByName: { type: 'map', key: { shape: 'Name' }, value: { shape: 'Value' }, max: 0 },
        Name: { type: 'string' },
        Value: { type: 'structure', members: { BinaryListValues: { shape: 'AnyBlobs' } } },
        AnyBlobs: { type: 'list', member: { shape: 'AnyBlob' } },
        AnyBlob: { type: 'blob' },
      },
    } as unknown as ServiceModel;
    const messageOf = (input: unknown) => {
      try {
        validateInput(model, { shape: 'In' }, input);
      } catch (error) {
        return (error as Error).message;
      }
      assert.fail('expected a validation error');
    };
    const list = messageOf({ Blobs: [Buffer.from('ab'), new Uint8Array(1)] });
    assert.equal(
      list,
      "2 validation errors detected: Value '[java.nio.HeapByteBuffer[pos=0 lim=2 cap=2], java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]]' at 'blobs' " +
        "failed to satisfy constraint: Member must have length less than or equal to 1; Value 'java.nio.HeapByteBuffer[pos=0 lim=2 cap=2]' at 'blobs.1.member' " +
        'failed to satisfy constraint: Member must have length less than or equal to 1',
    );
    const nested = messageOf({ ByName: { a: { BinaryListValues: [Buffer.from('abc')] } } });
    assert.match(nested, /java\.nio\.HeapByteBuffer\[pos=0 lim=3 cap=3\]/);
    for (const message of [list, nested]) assert.doesNotMatch(message, /Buffer \d|"type":"Buffer"|\[object|"data":\[|"0":/);
  });
});
