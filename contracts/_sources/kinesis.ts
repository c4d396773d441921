// LocalStack's AWS-validated Kinesis tests (github.com/localstack/localstack, tests/aws/services/kinesis/test_kinesis.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
// Fixtures: `kinesis_create_stream` calls CreateStream with the test's parameters (no ShardCount unless given);
// `wait_for_stream_ready` polls DescribeStream until ACTIVE.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

const STREAM = 'test-stream-{{suffix}}';
const createStream = (params: Record<string, unknown> = { ShardCount: 1 }): SourceStep => ({ op: 'CreateStream', params: { StreamName: STREAM, ...params } });
const describeStream = (): SourceStep => ({
  op: 'DescribeStream',
  params: { StreamName: STREAM },
  capture: {
    streamArn: '$.StreamDescription.StreamARN',
    shardId: '$.StreamDescription.Shards[0].ShardId',
    startSequence: '$.StreamDescription.Shards[0].SequenceNumberRange.StartingSequenceNumber',
  },
});
const policy = (sid: string, action: string | string[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: sid, Effect: 'Allow', Principal: { AWS: 'arn:{{partition}}:iam::{{accountId}}:root' }, Action: action, Resource: '{{streamArn}}' }],
  });
const getPolicy = (snapshot: string): SourceStep => ({ op: 'GetResourcePolicy', params: { ResourceARN: '{{streamArn}}' }, snapshot, jsonStrings: ['$.Policy'] });
/** The record payloads of test_record_lifecycle_data_integrity, put in the order the test's snapshot sorts them by. */
const RECORDS = ['', 'a'.repeat(1000), 'test', 'ünicödé 统一码 💣💻🔥'];

const source: SourceFile = {
  service: 'kinesis',
  module: 'test_kinesis',
  snapshotDir: 'kinesis',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { starting_hash: 'any', ending_hash: 'any' },
  scenarios: [
    {
      test: 'TestKinesis::test_create_stream_without_shard_count',
      note: 'the test sorts the shards by ShardId before the snapshot',
      steps: [createStream({}), { ...describeStream(), capture: undefined, snapshot: 'Shards', select: '$.StreamDescription.Shards', unordered: ['$'] }],
    },
    {
      test: 'TestKinesis::test_add_tags_to_stream',
      steps: [
        createStream(),
        describeStream(),
        { op: 'AddTagsToStream', params: { StreamName: STREAM, Tags: { foo: 'bar' } } },
        { op: 'ListTagsForStream', params: { StreamName: STREAM }, snapshot: 'Tags', select: '$.Tags[0]' },
      ],
    },
    {
      test: 'TestKinesis::test_record_lifecycle_data_integrity',
      note: 'the test puts the records in set order and sorts the received ones by Data; the contract puts them in that sorted order',
      steps: [
        createStream(),
        describeStream(),
        { op: 'GetShardIterator', params: { StreamName: STREAM, ShardId: '{{shardId}}', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: '{{startSequence}}' }, capture: { iterator: '$.ShardIterator' } },
        ...RECORDS.map((Data): SourceStep => ({ op: 'PutRecord', params: { StreamName: STREAM, Data, PartitionKey: '1' } })),
        { op: 'GetRecords', params: { ShardIterator: '{{iterator}}' }, snapshot: 'Records', select: '$.Records', pythonBytes: RECORDS.map((_, i) => `$[${i}].Data`) },
      ],
    },
    {
      test: 'TestKinesis::test_stream_consumers',
      steps: [
        createStream(),
        describeStream(),
        { op: 'ListStreamConsumers', params: { StreamARN: '{{streamArn}}' } },
        { op: 'RegisterStreamConsumer', params: { StreamARN: '{{streamArn}}', ConsumerName: 'consumer' }, capture: { consumerArn: '$.Consumer.ConsumerARN' } },
        { op: 'DescribeStreamConsumer', params: { ConsumerARN: '{{consumerArn}}' } },
        { op: 'ListStreamConsumers', params: { StreamARN: '{{streamArn}}' }, snapshot: 'One_consumer_by_list_stream', select: '$.Consumers' },
        {
          op: 'DescribeStreamConsumer',
          params: { StreamARN: '{{streamArn}}', ConsumerARN: '{{consumerArn}}' },
          snapshot: 'One_consumer_by_describe_stream',
          select: '$.ConsumerDescription',
        },
        { op: 'DeregisterStreamConsumer', params: { StreamARN: '{{streamArn}}', ConsumerName: 'consumer' } },
      ],
    },
    {
      test: 'TestKinesis::test_resource_policy_crud',
      note: "test code not at the stored LocalStack commit: Get/Put/Delete ResourcePolicy on the stream with the policies the recording shows (the caller's own account as principal); the test decodes Policy from JSON",
      steps: [
        createStream(),
        { ...describeStream(), capture: { streamArn: '$.StreamDescription.StreamARN', accountId: { from: '$.StreamDescription.StreamARN', regex: '^arn:[^:]+:kinesis:[^:]+:(\\d{12}):' } } },
        getPolicy('default_policy_if_not_set'),
        { op: 'PutResourcePolicy', params: { ResourceARN: '{{streamArn}}', Policy: policy('AllowCrossAccountWrite', 'kinesis:PutRecord') }, snapshot: 'put_resource_policy_if_not_set' },
        getPolicy('get_resource_policy_after_set'),
        {
          op: 'PutResourcePolicy',
          params: { ResourceARN: '{{streamArn}}', Policy: policy('AllowCrossAccountReadWrite', ['kinesis:PutRecord', 'kinesis:GetRecords']) },
          snapshot: 'update_resource_policy',
        },
        getPolicy('get_resource_policy_after_update'),
        { op: 'DeleteResourcePolicy', params: { ResourceARN: '{{streamArn}}' }, snapshot: 'delete_resource_policy' },
        getPolicy('get_resource_policy_after_delete'),
      ],
    },
  ],
  notPorted: {
    test_subscribe_to_shard: 'SubscribeToShard answers with an HTTP/2 event stream; the verifier judges plain JSON responses',
    test_subscribe_to_shard_with_sequence_number_as_iterator: 'SubscribeToShard answers with an HTTP/2 event stream; the verifier judges plain JSON responses',
    test_subscribe_to_shard_with_at_timestamp: 'SubscribeToShard answers with an HTTP/2 event stream; the verifier judges plain JSON responses',
    test_subscribe_to_shard_cbor_at_timestamp: 'no recorded responses; CBOR and event-stream wire formats',
    test_cbor_exceptions: 'CBOR wire format (application/x-amz-cbor-1.1); the verifier replays JSON and query requests',
  },
};

export default source;
