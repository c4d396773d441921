import assert from 'node:assert/strict';
import { cbor } from '@smithy/core/cbor';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, PutRecordCommand, RegisterStreamConsumerCommand } from '@aws-sdk/client-kinesis';
import { useKinesis } from './support.ts';
import { loadSnapshot } from '../support/snapshot.ts';

// AWS JSON 1.1 with CBOR bodies (application/x-amz-cbor-1.1), as the AWS SDK for Java v1, the KPL and KCL send them.
// CBOR is encoded and decoded here with the AWS SDK's own codec (@smithy/core), not twinstack's.
const PREFIX = 'tests/aws/services/kinesis/test_kinesis.py::TestKinesis::';

describe('Kinesis over CBOR', function () {
  this.timeout(30_000);
  const context = useKinesis();


  function post(operation: string, input: object) {
    return fetch(context.aws.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-cbor-1.1',
        'x-amz-target': `Kinesis_20131202.${operation}`,
        authorization: 'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: Buffer.from(cbor.serialize(input)),
    });
  }

  const decode = async (response: Response) => cbor.deserialize(new Uint8Array(await response.arrayBuffer()));

  it('reproduces the AWS-recorded test_cbor_exceptions', async () => {
    const recorded = loadSnapshot('kinesis', 'test_kinesis.snapshot.json')[`${PREFIX}test_cbor_exceptions`]['recorded-content'];
    const response = await post('DescribeStream', { StreamName: 'wrong-stream-name' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), 'application/x-amz-cbor-1.1');
    const error = await decode(response);
    assert.deepEqual({ ...error, message: error.message.replace('000000000000', '111111111111') }, recorded['cbor-error']);
  });

  it('answers GetRecords with byte-string data and millisecond timestamps, like the JSON answer', async () => {
    await context.kinesis.send(new CreateStreamCommand({ StreamName: 'cbor', ShardCount: 1 }));
    await context.kinesis.send(new PutRecordCommand({ StreamName: 'cbor', PartitionKey: '1', Data: Buffer.from('Hello world') }));
    const iterator = async () =>
      (await context.kinesis.send(new GetShardIteratorCommand({ StreamName: 'cbor', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    const [json] = (await context.kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator() }))).Records!;
    const response = await post('GetRecords', { ShardIterator: await iterator() });
    assert.equal(response.status, 200);
    const [record] = (await decode(response)).Records;
    assert.deepEqual(Buffer.from(record.Data), Buffer.from(json.Data!));
    assert.equal(record.PartitionKey, json.PartitionKey);
    assert.equal(record.SequenceNumber, json.SequenceNumber);
    assert.equal(record.ApproximateArrivalTimestamp, json.ApproximateArrivalTimestamp!.getTime());
  });

  it('returns an empty record list for an empty stream', async () => {
    await context.kinesis.send(new CreateStreamCommand({ StreamName: 'cbor-empty', ShardCount: 1 }));
    const { ShardIterator } = await context.kinesis.send(
      new GetShardIteratorCommand({ StreamName: 'cbor-empty', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const response = await post('GetRecords', { ShardIterator });
    assert.equal(response.status, 200);
    assert.deepEqual((await decode(response)).Records, []);
  });

  it('streams SubscribeToShard events for a CBOR request at a millisecond timestamp (test_subscribe_to_shard_cbor_at_timestamp)', async () => {
    await context.kinesis.send(new CreateStreamCommand({ StreamName: 'cbor-sub', ShardCount: 1 }));
    const { Consumer } = await context.kinesis.send(
      new RegisterStreamConsumerCommand({ StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/cbor-sub', ConsumerName: 'c1' }),
    );
    const response = await post('SubscribeToShard', {
      ConsumerARN: Consumer!.ConsumerARN,
      ShardId: 'shardId-000000000000',
      StartingPosition: { Type: 'AT_TIMESTAMP', Timestamp: '1718960048000' },
    });
    assert.equal(response.status, 200);
    await context.kinesis.send(new PutRecordCommand({ StreamName: 'cbor-sub', PartitionKey: '1', Data: Buffer.from('--RECORD--') }));
    const reader = response.body!.getReader();
    let seen = Buffer.alloc(0);
    // As LocalStack's test does: the record's bytes appear raw in the stream (CBOR byte string in the event payload).
    while (!seen.includes('--RECORD--')) {
      const { value, done } = await reader.read();
      if (done) break;
      seen = Buffer.concat([seen, value]);
    }
    await reader.cancel();
    assert.ok(seen.includes('--RECORD--'));
    assert.ok(seen.includes(':content-type'));
  });
});
