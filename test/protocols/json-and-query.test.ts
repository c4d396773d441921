import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { KinesisClient, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { SQSClient, SendMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { Emulator } from '../../emulator/core/emulator.ts';
import { AwsError } from '../../emulator/core/errors.ts';
import type { ServiceDefinition } from '../../emulator/core/service.ts';
import { loadModel } from '../../emulator/models/load.ts';
import { startServer, type RunningServer } from '../../emulator/server/http.ts';

// A service on the real SQS and Kinesis models whose handlers echo what the protocol layer decoded, so that the
// AWS SDK's own serializers and parsers check both directions of each protocol.
const seen: Record<string, unknown>[] = [];
const sqsEcho: ServiceDefinition = {
  name: 'sqs',
  model: loadModel('sqs'),
  createState: () => ({}),
  jsonErrorType: (code) => `com.amazonaws.sqs#${code}`,
  handlers: {
    SendMessage: (input: Record<string, unknown>) => {
      seen.push(input);
      if (input.MessageBody === 'missing') throw new AwsError('QueueDoesNotExist', 'The specified queue does not exist.');
      return { MessageId: 'm-1', MD5OfMessageBody: createHash('md5').update(String(input.MessageBody)).digest('hex') };
    },
    GetQueueAttributes: () => ({ Attributes: { VisibilityTimeout: '30', DelaySeconds: '0' } }),
    ReceiveMessage: () => ({
      Messages: [{ MessageId: 'id1', Body: 'b<&>', Attributes: { SenderId: 'x' }, MessageAttributes: { a: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2]) } } }],
    }),
  },
};
const kinesisEcho: ServiceDefinition = {
  name: 'kinesis',
  model: loadModel('kinesis'),
  createState: () => ({}),
  handlers: {
    DescribeStreamSummary: (input: { StreamName: string }) => ({
      StreamDescriptionSummary: {
        StreamName: input.StreamName,
        StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/s',
        StreamStatus: 'ACTIVE',
        RetentionPeriodHours: 24,
        StreamCreationTimestamp: new Date('2026-01-02T03:04:05.678Z'),
        EnhancedMonitoring: [],
        OpenShardCount: 1,
      },
    }),
  },
};

describe('protocol layer round trips through the AWS SDK v3', () => {
  let server: RunningServer;
  let endpoint: string;
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

  before(async () => {
    const emulator = new Emulator({ services: [sqsEcho, kinesisEcho] });
    server = await startServer(emulator, { port: 0, host: '127.0.0.1', internalRoutes: {} });
    endpoint = `http://127.0.0.1:${server.port}`;
  });
  after(() => server.close());

  it('AWS JSON 1.0: decodes maps and blobs, encodes output and query-compatible errors', async () => {
    // The echo service does not compute message MD5s; the SQS service tests cover those.
    const sqs = new SQSClient({ endpoint, region: 'eu-west-1', credentials, md5: false });
    seen.length = 0;
    const out = await sqs.send(
      new SendMessageCommand({
        QueueUrl: 'http://q',
        MessageBody: 'hi',
        DelaySeconds: 5,
        MessageAttributes: { bin: { DataType: 'Binary', BinaryValue: new Uint8Array([7, 8]) } },
      }),
    );
    assert.equal(out.MessageId, 'm-1');
    const input = seen[0] as { DelaySeconds: number; MessageAttributes: { bin: { BinaryValue: Buffer } } };
    assert.equal(input.DelaySeconds, 5);
    assert.deepEqual([...input.MessageAttributes.bin.BinaryValue], [7, 8]);
    await assert.rejects(sqs.send(new SendMessageCommand({ QueueUrl: 'http://q', MessageBody: 'missing' })), (e: Error & { $metadata: { httpStatusCode: number } }) => {
      assert.equal(e.name, 'QueueDoesNotExist');
      assert.equal(e.message, 'The specified queue does not exist.');
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'http://q' }));
    assert.deepEqual([...(received.Messages![0].MessageAttributes!.a.BinaryValue as Uint8Array)], [1, 2]);
  });

  it('query: decodes flattened lists and maps, and encodes XML that the SDK parses', async () => {
    seen.length = 0;
    const form = new URLSearchParams({
      Action: 'SendMessage',
      Version: '2012-11-05',
      QueueUrl: 'http://q',
      MessageBody: 'x',
      'MessageAttribute.1.Name': 'color',
      'MessageAttribute.1.Value.DataType': 'String',
      'MessageAttribute.1.Value.StringValue': 'red',
    });
    const res = await fetch(endpoint, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.status, 200);
    const xml = await res.text();
    assert.match(xml, /<SendMessageResponse xmlns="http:\/\/queue.amazonaws.com\/doc\/2012-11-05\/"><SendMessageResult><MD5OfMessageBody>9dd4e461268c8034f5c8564e155c67a6<\/MD5OfMessageBody><MessageId>m-1<\/MessageId>/);
    // Decoded maps have no prototype (a key the client did not send finds nothing): compared as plain objects.
    assert.deepEqual({ ...seen[0], MessageAttributes: { ...(seen[0].MessageAttributes as object) } }, { QueueUrl: 'http://q', MessageBody: 'x', MessageAttributes: { color: { DataType: 'String', StringValue: 'red' } } });

    const err = await fetch(endpoint, { method: 'POST', body: new URLSearchParams({ Action: 'SendMessage', QueueUrl: 'q', MessageBody: 'missing' }) });
    assert.equal(err.status, 400);
    assert.match(await err.text(), /<Code>AWS.SimpleQueueService.NonExistentQueue<\/Code><Message>The specified queue does not exist.<\/Message>/);

    const recv = await fetch(endpoint, { method: 'POST', body: new URLSearchParams({ Action: 'ReceiveMessage', QueueUrl: 'q' }) });
    assert.match(await recv.text(), /<Message><MessageId>id1<\/MessageId><Body>b&lt;&amp;&gt;<\/Body><Attribute><Name>SenderId<\/Name><Value>x<\/Value><\/Attribute><MessageAttribute><Name>a<\/Name><Value><BinaryValue>AQI=<\/BinaryValue><DataType>Binary<\/DataType><\/Value><\/MessageAttribute><\/Message>/);
  });

  it('query: a flattened map is also read under its member name (SQS MessageAttributes.N, as AWS takes it)', async () => {
    seen.length = 0;
    const form = new URLSearchParams({
      Action: 'SendMessage',
      QueueUrl: 'http://q',
      MessageBody: 'x',
      'MessageAttributes.1.Name': 'user-agent',
      'MessageAttributes.1.Value.DataType': 'String',
      'MessageAttributes.1.Value.StringValue': 'BAR-Header',
    });
    const res = await fetch(endpoint, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.status, 200);
    assert.deepEqual({ ...(seen[0].MessageAttributes as object) }, { 'user-agent': { DataType: 'String', StringValue: 'BAR-Header' } });
  });

  it('query: attribute maps come back from GetQueueAttributes', async () => {
    const res = await fetch(endpoint, { method: 'POST', body: new URLSearchParams({ Action: 'GetQueueAttributes', QueueUrl: 'q', 'AttributeName.1': 'All' }) });
    assert.match(await res.text(), /<GetQueueAttributesResult><Attribute><Name>VisibilityTimeout<\/Name><Value>30<\/Value><\/Attribute>/);
    const sqs = new SQSClient({ endpoint, region: 'us-east-1', credentials });
    const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: 'q', AttributeNames: ['All'] }));
    assert.deepEqual(out.Attributes, { VisibilityTimeout: '30', DelaySeconds: '0' });
  });

  it('serves HTTP/2 with prior knowledge on the same port (AWS SDK v3 Kinesis)', async () => {
    const kinesis = new KinesisClient({ endpoint, region: 'us-east-1', credentials });
    const out = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'orders' }));
    assert.equal(out.StreamDescriptionSummary?.StreamName, 'orders');
    assert.equal(out.StreamDescriptionSummary?.StreamCreationTimestamp?.toISOString(), '2026-01-02T03:04:05.678Z');
    kinesis.destroy();
  });
});
