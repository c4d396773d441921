// LocalStack's AWS-validated Firehose tests (github.com/localstack/localstack, tests/aws/services/firehose/test_firehose.py,
// Apache-2.0) reproduced as request sequences. Expected responses come only from the recorded snapshots.
// Fixture: `delivery_stream` creates an IAM role for firehose.amazonaws.com and a Direct PUT stream with an S3
// destination (S3DestinationConfiguration) and the test's tags.
import type { SourceFile } from '../../verifier/port/source-types.ts';

const STREAM = 'stream-{{suffix}}';

const source: SourceFile = {
  service: 'firehose',
  module: 'test_firehose',
  snapshotDir: 'firehose',
  variants: {},
  defaultProtocol: 'json',
  scenarios: [
    {
      test: 'TestFirehoseResourceTagging::test_resource_tagging',
      note: "the fixture's role and bucket are named by ARN only, in the caller's account (from GetCallerIdentity)",
      steps: [
        { service: 'sts', protocol: 'query', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } },
        {
          op: 'CreateDeliveryStream',
          params: {
            DeliveryStreamName: STREAM,
            DeliveryStreamType: 'DirectPut',
            S3DestinationConfiguration: { RoleARN: 'arn:{{partition}}:iam::{{accountId}}:role/role-{{suffix}}', BucketARN: 'arn:{{partition}}:s3:::bucket-{{suffix}}' },
            Tags: [{ Key: 'subject', Value: 'taboo' }],
          },
        },
        { op: 'ListTagsForDeliveryStream', params: { DeliveryStreamName: STREAM }, snapshot: 'list-tags-1' },
        { op: 'UntagDeliveryStream', params: { DeliveryStreamName: STREAM, TagKeys: ['subject', 'moment'] }, snapshot: 'remove-tags' },
        { op: 'ListTagsForDeliveryStream', params: { DeliveryStreamName: STREAM }, snapshot: 'list-tags-2' },
        { op: 'TagDeliveryStream', params: { DeliveryStreamName: STREAM, Tags: [{ Key: 'feeling', Value: 'uncomfortable' }] }, snapshot: 'add-tags' },
        { op: 'ListTagsForDeliveryStream', params: { DeliveryStreamName: STREAM }, snapshot: 'list-tags-3' },
      ],
    },
  ],
  notPorted: {
    test_kinesis_firehose_kinesis_as_source_multiple_delivery_streams:
      'the recording is the S3 object contents the test read back after polling, not an API response; reproduced in test/firehose/integrations.test.ts',
  },
};

export default source;
