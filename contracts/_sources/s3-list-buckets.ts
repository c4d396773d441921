// LocalStack's AWS-validated ListBuckets tests (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_list_operations.py, Apache-2.0) whose listings are narrowed by Prefix to the buckets
// the test made, or refused before listing: their answers do not depend on the account's other buckets, so a corpus
// run's own buckets leave them as AWS recorded them. Expected responses come only from the snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { createBucket } from './s3/common.ts';

const TESTS = new Set(['by_prefix_with_case_sensitivity', 'by_bucket_region', 'region_validation'].map((name) => `TestS3ListBuckets::test_list_buckets_${name}`));
const NAMED = 'test-bucket-{{suffix}}';
const listBuckets = (params: Record<string, unknown>, snapshot: string, region?: string): SourceStep => ({ op: 'ListBuckets', params, snapshot, ...(region ? { region } : {}) });

const source: SourceFile = {
  service: 's3',
  module: 'test_s3_list_operations',
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  // s3_api's key_value transformers without reference replacement write a word in place of the owner's id.
  redactedWords: { 'owner-id': 'any' },
  claims: (test) => TESTS.has(test),
  scenarios: [
    {
      test: 'TestS3ListBuckets::test_list_buckets_by_prefix_with_case_sensitivity',
      steps: [
        createBucket(NAMED),
        createBucket('ignored-bucket-{{suffix}}'),
        listBuckets({ Prefix: 'TEST-BUCKET-{{suffix}}' }, 'list-objects-by-prefix-empty'),
        listBuckets({ Prefix: NAMED }, 'list-objects-by-prefix-not-empty'),
      ],
      note: 'the test upper-cases the whole bucket name; the contract upper-cases all but the run suffix (a variable), which already makes a prefix that differs from the bucket name only in case',
    },
    {
      test: 'TestS3ListBuckets::test_list_buckets_by_bucket_region',
      steps: [
        createBucket(),
        { ...createBucket(NAMED, { CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }), region: 'us-west-2' },
        listBuckets({ BucketRegion: 'eu-central-1', Prefix: NAMED }, 'list-objects-by-bucket-region-empty', 'eu-central-1'),
        listBuckets({ BucketRegion: 'us-west-2', Prefix: NAMED }, 'list-objects-by-bucket-region-not-empty', 'us-west-2'),
      ],
      // The test's regex transformer wrote <region> for us-west-2, the region of the bucket it lists.
      expandedWords: { '<region>': 'us-west-2' },
    },
    { test: 'TestS3ListBuckets::test_list_buckets_region_validation', steps: [listBuckets({ BucketRegion: 'eu-east-1' }, 'bad-region')] },
  ],
  notPorted: {},
};

export default source;
