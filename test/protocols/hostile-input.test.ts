import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

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
    const badCharacters = await post('DynamoDB_20120810.PutItem', '{"TableName":"t","Item":{"a":{"B":"ab*="}}}');
    assert.equal(badCharacters.status, 400);
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
});
