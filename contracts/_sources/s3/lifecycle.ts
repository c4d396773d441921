// LocalStack's AWS-validated S3 lifecycle tests (github.com/localstack/localstack, tests/aws/services/s3/test_s3.py,
// TestS3BucketLifecycle, Apache-2.0) reproduced as request sequences. Expected responses come only from the snapshots.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { createBucket, onBucket, put, versioning, withCapture } from './common.ts';

type Rule = Record<string, unknown>;

/** The tests redacted each rule's Expiration whole (an object) to `<expiration>`: judged present. */
const RULE_EXPIRATIONS = ['$.Rules[*].Expiration'];
const putLifecycle = (Rules: Rule[], snapshot?: string, extra: Record<string, unknown> = {}): SourceStep =>
  onBucket('PutBucketLifecycleConfiguration', snapshot, { LifecycleConfiguration: { Rules }, ...extra });
const getLifecycle = (snapshot = 'get-bucket-lifecycle-conf'): SourceStep => ({ ...onBucket('GetBucketLifecycleConfiguration', snapshot), present: RULE_EXPIRATIONS });
const expiring = (ID: string, Filter: Rule, Days = 7): Rule => ({ ID, Filter, Status: 'Enabled', Expiration: { Days } });
const head = (Key: string, snapshot: string, extra: Record<string, unknown> = {}): SourceStep => onBucket('HeadObject', snapshot, { Key, ...extra });

/** test_put_bucket_lifecycle_conf_exc's invalid configurations, in the test's order, by snapshot key. */
const INVALID_RULES: [string, Rule][] = [
  ['missing-id', { Expiration: { Days: 7 }, Status: 'Enabled' }],
  ['missing-filter', { Expiration: { Days: 7 }, ID: 'wholebucket', Status: 'Enabled' }],
  ['missing-noncurrent-version-expiration-data', { Expiration: { Days: 7 }, Filter: {}, ID: 'wholebucket', Status: 'Enabled', NoncurrentVersionExpiration: {} }],
  ['wrong-filter-and-plus-prefix', { Expiration: { Days: 7 }, Filter: { And: { Prefix: 'test' }, Prefix: '' }, ID: 'wholebucket', Status: 'Enabled' }],
  ['wrong-filter-and-and-object-size', { Expiration: { Days: 7 }, Filter: { ObjectSizeGreaterThan: 500, Prefix: '' }, ID: 'wholebucket', Status: 'Enabled' }],
  ['wrong-data-no-midnight', { Expiration: { Date: '2023-01-01T02:02:00Z' }, ID: 'wrong-data', Filter: {}, Status: 'Enabled' }],
  [
    'duplicate-tag-keys',
    {
      ID: 'duplicate-tag-keys',
      Filter: { And: { Tags: [{ Key: 'testlifecycle', Value: 'positive' }, { Key: 'testlifecycle', Value: 'positive-two' }] } },
      Status: 'Enabled',
      Expiration: { Days: 1 },
    },
  ],
  ['expired-delete-marker-and-days', { ID: 'expired-delete-marker-and-days', Filter: {}, Status: 'Enabled', Expiration: { Days: 1, ExpiredObjectDeleteMarker: true } }],
];

const WHOLE_BUCKET: Rule = { Expiration: { Days: 7 }, ID: 'wholebucket', Filter: { Prefix: '' }, Status: 'Enabled' };
const EXPIRY_KEY = 'test-object-expiry';

export const lifecycleScenarios: SourceScenario[] = [
  {
    test: 'TestS3BucketLifecycle::test_put_bucket_lifecycle_conf_exc',
    steps: [createBucket(), ...INVALID_RULES.map(([snapshot, rule]) => putLifecycle([rule], snapshot))],
  },
  {
    test: 'TestS3BucketLifecycle::test_bucket_lifecycle_configuration_date',
    steps: [
      createBucket(),
      putLifecycle([{ Expiration: { Date: '2023-01-01T00:00:00Z' }, ID: 'rule_number_one', Filter: {}, Status: 'Enabled' }]),
      onBucket('GetBucketLifecycleConfiguration', 'get-bucket-lifecycle-conf'),
    ],
  },
  {
    test: 'TestS3BucketLifecycle::test_bucket_lifecycle_configuration_object_expiry',
    steps: [
      createBucket(),
      putLifecycle([expiring('rule_number_one', { Prefix: '' })]),
      getLifecycle(),
      put(EXPIRY_KEY, 'test'),
      head(EXPIRY_KEY, 'head-object-expiry'),
      onBucket('GetObject', 'get-object-expiry', { Key: EXPIRY_KEY }),
    ],
  },
  {
    test: 'TestS3BucketLifecycle::test_bucket_lifecycle_configuration_object_expiry_versioned',
    steps: [
      createBucket(),
      versioning('Enabled'),
      putLifecycle([{ ID: 'rule2', Status: 'Enabled', Filter: {}, Expiration: { Days: 3 }, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }]),
      getLifecycle(),
      withCapture(put(EXPIRY_KEY, 'test'), { version1: '$.VersionId' }),
      head(EXPIRY_KEY, 'head-object-expiry'),
      withCapture(put(EXPIRY_KEY, 'test'), { version2: '$.VersionId' }),
      head(EXPIRY_KEY, 'head-object-expiry-noncurrent', { VersionId: '{{version1}}' }),
      head(EXPIRY_KEY, 'head-object-expiry-current-with-version-id', { VersionId: '{{version2}}' }),
      head(EXPIRY_KEY, 'head-object-expiry-current-without-version-id'),
    ],
  },
  {
    test: 'TestS3BucketLifecycle::test_object_expiry_after_bucket_lifecycle_configuration',
    steps: [
      createBucket(),
      put(EXPIRY_KEY, 'test', 'put-object-before'),
      putLifecycle([expiring('rule3', {})]),
      getLifecycle(),
      head(EXPIRY_KEY, 'head-object-expiry-before'),
      put(EXPIRY_KEY, 'test', 'put-object-after'),
      head(EXPIRY_KEY, 'head-object-expiry-after'),
    ],
  },
  {
    test: 'TestS3BucketLifecycle::test_bucket_lifecycle_multiple_rules',
    steps: [
      createBucket(),
      putLifecycle([expiring('rule_one', { Prefix: 'testobject' }), expiring('rule_two', { Prefix: 'test' }), expiring('rule_three', { Prefix: 't' })]),
      getLifecycle(),
      put('testobject-expiry', 'test', 'put-object-match-both-rules'),
      put('test-one-rule', 'test', 'put-object-match-rule-2'),
      put('no-rules', 'test', 'put-object-no-match'),
    ],
  },
  {
    test: 'TestS3BucketLifecycle::test_bucket_lifecycle_object_size_rules',
    steps: [
      createBucket(),
      putLifecycle([expiring('rule_one', { ObjectSizeGreaterThan: 20 }), expiring('rule_two', { ObjectSizeLessThan: 10 })]),
      getLifecycle(),
      put('testobject-expiry', 'a'.repeat(22), 'put-object-match-rule-1'),
      put('test-one-rule', 'a'.repeat(5), 'put-object-match-rule-2'),
      put('no-rules', 'a'.repeat(15), 'put-object-no-match'),
    ],
  },
  {
    test: 'TestS3BucketLifecycle::test_bucket_lifecycle_tag_rules',
    steps: [
      createBucket(),
      putLifecycle([
        expiring('rule_one', { Tag: { Key: 'testlifecycle', Value: 'positive' } }),
        expiring('rule_two', {
          And: {
            Tags: [
              { Key: 'testlifecycle', Value: 'positive' },
              { Key: 'testlifecycletwo', Value: 'positive-two' },
            ],
          },
        }),
      ]),
      getLifecycle(),
      put('testobject-expiry', 'test', 'put-object-match-both-rules', { Tagging: 'testlifecycle=positive&testlifecycletwo=positivetwo' }),
      onBucket('GetObject', 'get-object-match-both-rules', { Key: 'testobject-expiry' }),
      put('test-one-rule', 'test', 'put-object-match-rule-1', { Tagging: 'testlifecycle=positive' }),
      onBucket('GetObject', 'get-object-match-rule-1', { Key: 'test-one-rule' }),
      put('no-rules', 'test', 'put-object-no-match', { Tagging: 'testlifecycle2=positivetwo' }),
      onBucket('GetObject', 'get-object-no-match', { Key: 'no-rules' }),
      put('no-tags', 'test', 'put-object-no-tags'),
      onBucket('GetObject', 'get-object-no-tags', { Key: 'no-tags' }),
    ],
  },
  {
    test: 'TestS3BucketLifecycle::test_lifecycle_expired_object_delete_marker',
    steps: [
      createBucket(),
      putLifecycle([{ Expiration: { ExpiredObjectDeleteMarker: true }, ID: 'rule-marker', Filter: {}, Status: 'Enabled' }]),
      getLifecycle(),
      put('test-expired-object-delete-marker', 'test', 'put-object'),
      head('test-expired-object-delete-marker', 'head-object'),
    ],
  },
  {
    test: 'TestS3BucketLifecycle::test_s3_transition_default_minimum_object_size',
    steps: [
      createBucket(),
      putLifecycle([WHOLE_BUCKET], 'varies-by-storage', { TransitionDefaultMinimumObjectSize: 'varies_by_storage_class' }),
      onBucket('GetBucketLifecycleConfiguration', 'get-varies-by-storage'),
      putLifecycle([WHOLE_BUCKET], 'default'),
      onBucket('GetBucketLifecycleConfiguration', 'get-default'),
      putLifecycle([WHOLE_BUCKET], 'all-storage', { TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K' }),
      onBucket('GetBucketLifecycleConfiguration', 'get-all-storage'),
      putLifecycle([WHOLE_BUCKET], 'bad-value', { TransitionDefaultMinimumObjectSize: 'value' }),
    ],
  },
];
