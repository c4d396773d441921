// LocalStack's AWS-validated DynamoDB Streams tests (github.com/localstack/localstack,
// tests/aws/services/dynamodbstreams/test_dynamodb_streams.py, Apache-2.0) reproduced as request sequences.
// Expected responses come only from the recorded snapshots.
import type { SourceFile } from '../../verifier/port/source-types.ts';

const source: SourceFile = {
  service: 'dynamodbstreams',
  module: 'test_dynamodb_streams',
  snapshotDir: 'dynamodbstreams',
  variants: {},
  defaultProtocol: 'json',
  scenarios: [
    {
      test: 'TestDynamoDBStreams::test_table_v2_stream',
      note: 'test code not at the stored LocalStack commit: a PAY_PER_REQUEST table with a NEW_AND_OLD_IMAGES stream, described with DescribeTable, as the recorded description shows',
      steps: [
        {
          service: 'dynamodb',
          op: 'CreateTable',
          params: {
            TableName: 'table-{{suffix}}',
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
          },
        },
        { service: 'dynamodb', op: 'DescribeTable', params: { TableName: 'table-{{suffix}}' }, snapshot: 'global-table-v2' },
      ],
    },
  ],
  notPorted: {
    test_enable_kinesis_streaming_destination:
      'needs a Kinesis stream as destination (Kinesis is not a twinstack service yet); the snapshot holds the Kinesis records with Data decoded from JSON',
    test_non_existent_stream: "the request's stream ARN needs the caller's account id before any response shows it",
  },
};

export default source;
