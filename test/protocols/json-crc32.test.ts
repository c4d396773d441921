import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// `x-amz-crc32` is DynamoDB's (its SDKs check it when present: boto3 retries a mismatch); AWS's other JSON services
// send none (SQS's response headers as recorded from AWS in LocalStack's Step Functions snapshots).
describe('AWS JSON: x-amz-crc32 on the answers of the services that send it', () => {
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb'], tls: false });
  });
  after(() => aws.stop());

  const post = (service: string, target: string, body: object) =>
    fetch(aws.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': target,
        authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: JSON.stringify(body),
    });

  it('DynamoDB: the CRC-32 of the body, on answers and errors', async () => {
    for (const [target, status] of [
      ['DynamoDB_20120810.ListTables', 200],
      ['DynamoDB_20120810.DescribeTable', 400],
    ] as const) {
      const response = await post('dynamodb', target, { TableName: 'missing-table' });
      assert.equal(response.status, status);
      const body = Buffer.from(await response.arrayBuffer());
      assert.equal(response.headers.get('x-amz-crc32'), String(crc32(body)), target);
    }
  });

  it('SQS: none, on answers and errors', async () => {
    const created = await post('sqs', 'AmazonSQS.CreateQueue', { QueueName: 'crc' });
    assert.equal(created.status, 200);
    assert.equal(created.headers.get('x-amz-crc32'), null);
    await created.arrayBuffer();
    const missing = await post('sqs', 'AmazonSQS.GetQueueUrl', { QueueName: 'no-such-queue' });
    assert.equal(missing.status, 400);
    assert.equal(missing.headers.get('x-amz-crc32'), null);
    await missing.arrayBuffer();
  });
});
