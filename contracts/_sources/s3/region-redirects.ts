// LocalStack's AWS-validated S3 tests whose buckets live in other regions than the client that reaches them
// (tests/aws/services/s3/test_s3.py, github.com/localstack/localstack, Apache-2.0). A us-east-1 client calling a bucket
// of another region gets S3's 301 PermanentRedirect, which boto3's region redirector follows by sending the call again
// signed for the bucket's region: the steps replay that second request (its `region`), whose answer AWS recorded.
// Expected responses come only from the recorded snapshots.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { createBucket } from './common.ts';

/** A call on `Bucket` through a client of `region` (a redirected call: the bucket's region). */
const call = (region: string | undefined, op: string, Bucket: string, params: Record<string, unknown> = {}, snapshot?: string): SourceStep => ({
  op,
  params: { Bucket, ...params },
  ...(region ? { region } : {}),
  ...(snapshot ? { snapshot } : {}),
});
const inRegion = (Bucket: string, LocationConstraint: string, region?: string): SourceStep =>
  call(region, 'CreateBucket', Bucket, { CreateBucketConfiguration: { LocationConstraint } });

const SRC = 'src-{{suffix}}';
const DST = 'dst-{{suffix}}';
/** `create_iam_role_with_policy`: S3 keeps the role ARN as given (the snapshot redacts it to `role`). */
const ROLE = 'arn:aws:iam::000000000000:role/replication_role_{{suffix}}';
const REPLICATION = {
  Role: ROLE,
  Rules: [{ Status: 'Enabled', Priority: 1, DeleteMarkerReplication: { Status: 'Disabled' }, Filter: { Prefix: 'Tax' }, Destination: { Bucket: `arn:aws:s3:::${DST}` } }],
};

const LOG_SOURCE = 'bucket-{{suffix}}-1';
const LOG_SOURCE_EAST_2 = 'bucket-{{suffix}}-2';
const LOG_TARGET = 'bucket-{{suffix}}-3';
const logTo = (TargetBucket: string) => ({ BucketLoggingStatus: { LoggingEnabled: { TargetBucket, TargetPrefix: 'log' } } });

const KMS_BUCKET = 'bucket-test-kms-{{suffix}}';
const FAKE_KEY = '134f2428-cec1-4b25-a1ae-9048164dba47';
const sseKms = (Key: string, SSEKMSKeyId: string, snapshot: string, op = 'PutObject'): SourceStep =>
  call('us-east-2', op, KMS_BUCKET, { Key, ...(op === 'PutObject' ? { Body: 'test-sse' } : {}), ServerSideEncryption: 'aws:kms', SSEKMSKeyId }, snapshot);

const HEADER_BUCKET = 'test-bucket-{{suffix}}';

export const regionRedirectScenarios: SourceScenario[] = [
  {
    test: 'TestS3BucketReplication::test_replication_config',
    steps: [
      createBucket(SRC),
      inRegion(DST, 'us-west-2', 'us-west-2'),
      call('us-west-2', 'PutBucketVersioning', DST, { VersioningConfiguration: { Status: 'Enabled' } }),
      call(undefined, 'GetBucketReplication', SRC, {}, 'expected_error_no_replication_set'),
      call(undefined, 'PutBucketReplication', SRC, { ReplicationConfiguration: REPLICATION }, 'expected_error_versioning_not_enabled'),
      call(undefined, 'PutBucketVersioning', SRC, { VersioningConfiguration: { Status: 'Enabled' } }),
      call(undefined, 'PutBucketReplication', SRC, { ReplicationConfiguration: REPLICATION }, 'put-bucket-replication'),
      // The rule had no ID: S3 made one (the snapshot wrote `id` in its place).
      { ...call(undefined, 'GetBucketReplication', SRC, {}, 'get-bucket-replication'), patterns: { '$.ReplicationConfiguration.Rules[0].ID': '.+' } },
      call(undefined, 'PutBucketReplication', SRC, { ReplicationConfiguration: { Role: ROLE, Rules: [] } }, 'put-empty-bucket-replication-rules'),
      call(undefined, 'DeleteBucketReplication', SRC, {}, 'delete-bucket-replication'),
      call(undefined, 'DeleteBucketReplication', SRC, {}, 'delete-bucket-replication-idempotent'),
    ],
    note: 'the test enables versioning on the us-west-2 destination through its us-east-1 client, which S3 redirects: the step is the redirected request. The replication role is only named in the configuration, which S3 stores as given; it is not created in IAM here',
  },
  {
    test: 'TestS3BucketLogging::test_put_bucket_logging_cross_locations',
    steps: [
      createBucket(LOG_SOURCE),
      inRegion(LOG_SOURCE_EAST_2, 'us-east-2'),
      inRegion(LOG_TARGET, 'us-west-2'),
      call(undefined, 'PutBucketLogging', LOG_SOURCE, logTo(LOG_TARGET), 'put-bucket-logging-cross-us-east-1'),
      call('us-east-2', 'PutBucketLogging', LOG_SOURCE_EAST_2, logTo(LOG_TARGET), 'put-bucket-logging-different-regions'),
    ],
    expandedWords: { '<region_1>': 'us-east-1', '<region_2>': 'us-east-2', '<region_3>': 'us-west-2' },
    note: 'all calls go through a us-east-1 client; the us-east-2 bucket’s PutBucketLogging is redirected by S3, and the step is the redirected request',
  },
  {
    test: 'TestS3::test_region_header_exists_outside_us_east_1',
    steps: [
      inRegion(HEADER_BUCKET, 'us-west-2'),
      call('us-west-2', 'HeadBucket', HEADER_BUCKET, {}, 'head_bucket'),
      // boto3 asks for url-encoded keys unless told otherwise.
      call('us-west-2', 'ListObjectsV2', HEADER_BUCKET, { EncodingType: 'url' }, 'list_objects_v2'),
      createBucket(`${HEADER_BUCKET}-2`),
      call(undefined, 'HeadBucket', `${HEADER_BUCKET}-2`),
    ],
    expandedWords: { '<region>': 'us-west-2' },
    note: 'the us-east-1 client’s HeadBucket and ListObjectsV2 on the us-west-2 bucket are redirected by S3 (a 301, which boto3 follows): the steps are the redirected requests, whose answers AWS recorded',
  },
  {
    test: 'TestS3::test_s3_sse_validate_kms_key',
    steps: [
      inRegion(KMS_BUCKET, 'us-east-2', 'us-east-2'),
      {
        service: 'kms',
        op: 'CreateKey',
        params: { Description: 'test description - {{suffix}}' },
        protocol: 'json',
        region: 'us-west-2',
        snapshot: 'create-kms-key',
        select: '$.KeyMetadata',
        capture: {
          keyArn: '$.KeyMetadata.Arn',
          keyId: '$.KeyMetadata.KeyId',
          keyPartition: { from: '$.KeyMetadata.Arn', regex: '^arn:([^:]+):' },
          keyAccount: { from: '$.KeyMetadata.Arn', regex: '^arn:[^:]+:kms:[^:]+:(\\d+):' },
        },
      },
      sseKms('test-sse-validate-kms-key', 'fake-key-id', 'put-obj-wrong-kms-key'),
      sseKms('test-sse-validate-kms-key', FAKE_KEY, 'put-obj-wrong-kms-key-real-uuid'),
      sseKms('test-sse-validate-kms-key', `arn:{{keyPartition}}:kms:us-east-2:{{keyAccount}}:key/${FAKE_KEY}`, 'put-obj-wrong-kms-key-real-uuid-arn'),
      sseKms('test-sse-validate-kms-key-no-check-region', '{{keyArn}}', 'put-obj-different-region-kms-key'),
      sseKms('test-sse-validate-kms-key-different-region-no-arn', '{{keyId}}', 'put-obj-different-region-kms-key-no-arn'),
      sseKms('multipart-test-sse-validate-kms-key-no-check', 'fake-key-id', 'create-multipart-wrong-kms-key', 'CreateMultipartUpload'),
      call('us-east-2', 'PutObject', KMS_BUCKET, { Key: 'key-to-be-copied', Body: 'test-data' }),
      call('us-east-2', 'CopyObject', KMS_BUCKET, {
        Key: 'copy-test-sse-validate-kms-key-no-check',
        CopySource: `${KMS_BUCKET}/key-to-be-copied`,
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: 'fake-key-id',
      }, 'copy-obj-wrong-kms-key'),
    ],
    expandedWords: { '<region_1>': 'us-east-2', '<region_2>': 'us-west-2' },
    note: 'the bucket is in us-east-2 and the key in us-west-2, each through a client of its region; the wrong key ARN is the key’s with the bucket’s region and an unknown key id, as the test builds it',
  },
];
