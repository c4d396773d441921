// LocalStack's AWS-validated S3 logging and replication tests (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3.py, TestS3BucketLogging and TestS3BucketReplication, Apache-2.0) reproduced as request
// sequences. Expected responses come only from the snapshots.
import type { SourceScenario } from '../../../verifier/port/source-types.ts';
import { createBucket, onBucket, versioning } from './common.ts';

const TARGET = 'target-{{suffix}}';
const logging = (TargetBucket: string, extra: Record<string, unknown> = {}) => ({ BucketLoggingStatus: { LoggingEnabled: { TargetBucket, TargetPrefix: 'log', ...extra } } });
const LOG_DELIVERY = (Permission: string) => ({ Grantee: { URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery', Type: 'Group' }, Permission });

const DESTINATION = 'dst-{{suffix}}';
/** `create_iam_role_with_policy`: S3 keeps the role ARN as given (the snapshot redacts it). */
const ROLE = 'arn:aws:iam::000000000000:role/replication_role_{{suffix}}';
const replicationRule = (Bucket: string) => ({
  ID: 'rtc',
  Priority: 0,
  Filter: {},
  Status: 'Disabled',
  Destination: {
    Bucket,
    StorageClass: 'STANDARD',
    ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
    Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
  },
  DeleteMarkerReplication: { Status: 'Disabled' },
});
const putReplication = (destination: string, snapshot: string) =>
  onBucket('PutBucketReplication', snapshot, { ReplicationConfiguration: { Role: ROLE, Rules: [replicationRule(destination)] } });

export const loggingReplicationScenarios: SourceScenario[] = [
  {
    test: 'TestS3BucketLogging::test_put_bucket_logging',
    steps: [
      createBucket(),
      createBucket(TARGET),
      onBucket('GetBucketLogging', 'get-bucket-logging-default'),
      { op: 'GetBucketAcl', params: { Bucket: TARGET }, snapshot: 'get-bucket-default-acl' },
      onBucket('PutBucketLogging', 'put-bucket-logging', logging(TARGET)),
      onBucket('GetBucketLogging', 'get-bucket-logging'),
      onBucket('PutBucketLogging', 'put-bucket-logging-delete', { BucketLoggingStatus: {} }),
    ],
  },
  {
    test: 'TestS3BucketLogging::test_put_bucket_logging_accept_wrong_grants',
    steps: [
      createBucket(),
      createBucket(TARGET),
      { op: 'DeleteBucketOwnershipControls', params: { Bucket: TARGET } },
      onBucket('PutBucketLogging', 'put-bucket-logging', logging(TARGET, { TargetGrants: [LOG_DELIVERY('WRITE'), LOG_DELIVERY('READ_ACP')] })),
      onBucket('GetBucketLogging', 'get-bucket-logging'),
    ],
  },
  {
    test: 'TestS3BucketLogging::test_put_bucket_logging_wrong_target',
    steps: [
      createBucket(),
      createBucket(TARGET, { CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }),
      onBucket('PutBucketLogging', 'put-bucket-logging-different-regions', logging(TARGET)),
      onBucket('PutBucketLogging', 'put-bucket-logging-non-existent-bucket', logging('target-bucket-{{suffix}}-missing')),
    ],
    note: 'the missing target bucket was named with a UUID; any name nobody owns does',
  },
  {
    test: 'TestS3BucketReplication::test_replication_config_without_filter',
    steps: [
      createBucket(),
      versioning('Enabled'),
      createBucket(DESTINATION),
      putReplication('arn:aws:s3:::does-not-exist', 'expected_error_dest_does_not_exist'),
      putReplication(`arn:aws:s3:::${DESTINATION}`, 'expected_error_dest_versioning_disabled'),
      { op: 'PutBucketVersioning', params: { Bucket: DESTINATION, VersioningConfiguration: { Status: 'Enabled' } } },
      putReplication(`arn:aws:s3:::${DESTINATION}`, 'put-bucket-replication'),
      onBucket('GetBucketReplication', 'get-bucket-replication'),
    ],
    note: 'the replication role is only named in the configuration, which S3 stores as given; it is not created in IAM here',
  },
];

