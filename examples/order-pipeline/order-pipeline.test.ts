import assert from 'node:assert/strict';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { deployPipeline, type ClientConfig, type Pipeline } from './deploy.ts';

describe('example: order pipeline (S3 -> Lambda -> DynamoDB -> Streams -> Lambda -> SNS -> SQS)', function () {
  this.timeout(120_000);
  let aws: Twinstack;
  let config: ClientConfig;
  let pipeline: Pipeline;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['s3', 'lambda', 'dynamodb', 'dynamodbstreams', 'sns', 'sqs', 'iam', 'sts', 'logs'] });
    config = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    pipeline = await deployPipeline(config);
  });
  after(() => aws.stop());

  async function receive(sqs: SQSClient, queueUrl: string): Promise<Record<string, unknown>[]> {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 10, MaxNumberOfMessages: 10 }));
    return (out.Messages ?? []).map((m) => JSON.parse(m.Body!));
  }

  it('an uploaded order is stored, announced, and reaches the queues its total selects', async () => {
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    const sqs = new SQSClient(config);
    const dynamodb = new DynamoDBClient(config);
    const order = { orderId: 'o-1001', customer: 'ada', items: [{ sku: 'lamp', price: 60, quantity: 2 }] };
    await s3.send(new PutObjectCommand({ Bucket: pipeline.bucket, Key: 'incoming/o-1001.json', Body: JSON.stringify(order), ContentType: 'application/json' }));

    // The billing queue gets every order; the large-orders queue only those of 100 or more (this one is 120).
    const billing = await receive(sqs, pipeline.queues.billing);
    assert.deepEqual(billing, [{ orderId: 'o-1001', customer: 'ada', total: 120 }]);
    assert.deepEqual(await receive(sqs, pipeline.queues.largeOrders), [{ orderId: 'o-1001', customer: 'ada', total: 120 }]);

    const item = await dynamodb.send(new GetItemCommand({ TableName: 'orders', Key: { orderId: { S: 'o-1001' } } }));
    assert.deepEqual(item.Item, { orderId: { S: 'o-1001' }, customer: { S: 'ada' }, total: { N: '120' }, items: { N: '1' } });

    // A small order goes to billing only.
    await s3.send(new PutObjectCommand({ Bucket: pipeline.bucket, Key: 'incoming/o-1002.json', Body: JSON.stringify({ orderId: 'o-1002', customer: 'bob', items: [{ sku: 'pen', price: 3, quantity: 1 }] }) }));
    assert.deepEqual(await receive(sqs, pipeline.queues.billing), [{ orderId: 'o-1002', customer: 'bob', total: 3 }]);
    const large = await sqs.send(new ReceiveMessageCommand({ QueueUrl: pipeline.queues.largeOrders, WaitTimeSeconds: 2 }));
    assert.equal(large.Messages, undefined);
    for (const client of [s3, sqs, dynamodb]) client.destroy();
  });
});
