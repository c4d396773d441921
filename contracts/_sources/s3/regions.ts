// LocalStack's AWS-validated S3 tests whose calls go through clients of several regions (tests/aws/services/s3/test_s3.py,
// github.com/localstack/localstack, Apache-2.0): each step carries the region of its client. Expected responses come
// only from the recorded snapshots.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET } from './common.ts';

/** CreateBucket through a client of `region` (undefined: the test's us-east-1 `aws_client`). */
const create = (region: string | undefined, Bucket: string, LocationConstraint?: string | null, snapshot?: string): SourceStep => ({
  op: 'CreateBucket',
  params: { Bucket, ...(LocationConstraint !== undefined ? { CreateBucketConfiguration: { LocationConstraint } } : {}) },
  ...(region ? { region } : {}),
  ...(snapshot ? { snapshot } : {}),
});
const inRegion = (region: string, step: SourceStep): SourceStep => ({ ...step, region });

export const regionScenarios: SourceScenario[] = [
  {
    test: 'TestS3::test_create_bucket_with_eu_location_constraint',
    steps: [
      create('eu-west-1', 'test-eu-region-{{suffix}}', 'EU'),
      inRegion('eu-west-1', { op: 'GetBucketLocation', params: { Bucket: 'test-eu-region-{{suffix}}' }, snapshot: 'get-bucket-location' }),
      inRegion('eu-west-1', { op: 'ListBuckets', params: { Prefix: 'test-eu-region-{{suffix}}' }, snapshot: 'list-bucket-response', ignore: ['$.Owner.DisplayName'] }),
    ],
  },
  {
    test: 'TestS3::test_create_bucket_with_eu_location_constraint_raises',
    steps: [create('us-east-2', 'test-eu-region-{{suffix}}', 'EU', 'eu-location-constraint-error')],
  },
  {
    test: 'TestS3::test_bucket_constraint_aws_global',
    steps: (param) => [create(param, BUCKET, 'aws-global', 'aws-global-constraint')],
  },
  {
    test: 'TestS3::test_different_location_constraint',
    steps: [
      create('us-east-1', 'bucket-{{suffix}}-1'),
      inRegion('us-east-1', { op: 'GetBucketLocation', params: { Bucket: 'bucket-{{suffix}}-1' }, snapshot: 'get-bucket-location-bucket-us-east-1' }),
      create('us-east-1', 'bucket-{{suffix}}-2', 'us-east-1', 'create-bucket-constraint-us-east-1'),
      create('us-east-1', 'bucket-{{suffix}}-3', null, 'create-bucket-constraint-us-east-1-with-None'),
      create('us-east-2', 'bucket-{{suffix}}-4', 'us-east-2'),
      inRegion('us-east-2', { op: 'GetBucketLocation', params: { Bucket: 'bucket-{{suffix}}-4' }, snapshot: 'get-bucket-location-bucket-us-east-2' }),
      create('us-east-2', 'bucket-{{suffix}}-5', undefined, 'create-bucket-us-east-2-no-constraint-exc'),
      create('us-east-2', 'bucket-{{suffix}}-6', null, 'create-bucket-constraint-us-east-2-with-None'),
      create('us-east-2', 'bucket-{{suffix}}-7', 'us-west-1', 'create-bucket-us-east-2-constraint-to-us-west-1'),
      create('us-west-1', 'bucket-{{suffix}}-8', 'us-east-2', 'create-bucket-us-west-1-constraint-to-us-east-2'),
      create('us-west-1', 'bucket-{{suffix}}-9', 'us-east-1', 'create-bucket-us-west-1-constraint-to-us-east-1'),
      { op: 'GetBucketLocation', params: { Bucket: 'random-bucket-test-{{suffix}}' }, snapshot: 'get-bucket-location-non-existent-bucket' },
    ],
    note: 'the test sends `CreateBucketConfiguration={"LocationConstraint": None}` with parameter validation off; botocore serializes it as an empty configuration, as here',
  },
  {
    test: 'TestS3::test_bucket_operation_between_regions',
    steps: [
      create('us-west-2', BUCKET, 'us-west-2'),
      inRegion('us-west-2', { op: 'PutBucketWebsite', params: { Bucket: BUCKET, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }, snapshot: 'put-website-config-region-1' }),
      inRegion('us-west-2', { op: 'PutBucketCors', params: { Bucket: BUCKET, CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] } }, snapshot: 'put-cors-config-region-1' }),
      inRegion('us-west-2', { op: 'GetBucketWebsite', params: { Bucket: BUCKET }, snapshot: 'get-website-config-region-2' }),
      inRegion('us-west-2', { op: 'GetBucketCors', params: { Bucket: BUCKET }, snapshot: 'get-cors-config-region-2' }),
    ],
    note: 'the two reads go through a us-east-1 client; AWS answers it with a 301 to the bucket’s region, and boto3’s region redirector sends the recorded request again signed for us-west-2: the steps replay that request',
  },
  {
    test: 'TestS3::test_create_bucket_aws_global',
    steps: [
      { op: 'CreateBucket', params: { Bucket: 'global-bucket-{{suffix}}-1' }, region: 'aws-global', plainHttp: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, snapshot: 'xml-error-create-bucket', status: 400 },
      create(undefined, 'global-bucket-{{suffix}}-1', undefined, 'create-bucket-global'),
      { op: 'HeadBucket', params: { Bucket: 'global-bucket-{{suffix}}-1' }, snapshot: 'head-bucket-global', ignore: ['$.AccessPointAlias'] },
      { op: 'GetBucketLocation', params: { Bucket: 'global-bucket-{{suffix}}-1' }, snapshot: 'get-location-1' },
      { op: 'ListBuckets', params: { BucketRegion: 'us-east-1', Prefix: 'global-bucket-{{suffix}}' }, snapshot: 'list-buckets', ignore: ['$.Owner.DisplayName'] },
      { op: 'HeadBucket', params: { Bucket: 'global-bucket-{{suffix}}-1' }, region: 'aws-global', plainHttp: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, status: 400 },
    ],
    note: 'the test’s own HTTP client signs its PUT and HEAD for the aws-global pseudo-region; boto3’s client of aws-global signs for us-east-1, as the steps without a region do. The test skips AccessPointAlias (HeadBucket)',
  },
];
