// Bucket and object tagging tests of LocalStack's AWS-validated suite (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_api.py TestS3BucketObjectTagging, Apache-2.0) reproduced as request sequences.
// `null` members are what the tests send with parameter validation off: botocore leaves them out of the XML.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, createBucket, onBucket, put, versioning, withCapture } from './common.ts';

const tagSet = (...pairs: [string | null, string | null][]) => ({ TagSet: pairs.map(([Key, Value]) => ({ Key, Value })) });
const withTags = (...pairs: [string | null, string | null][]) => ({ CreateBucketConfiguration: { Tags: tagSet(...pairs).TagSet } });
const putBucketTags = (snapshot: string | undefined, Tagging: unknown) => onBucket('PutBucketTagging', snapshot, { Tagging });
const putObjectTags = (Key: string, snapshot: string | undefined, Tagging: unknown, extra: Record<string, unknown> = {}) =>
  onBucket('PutObjectTagging', snapshot, { Key, Tagging, ...extra });
const getObjectTags = (Key: string, snapshot: string, extra: Record<string, unknown> = {}, more: Partial<SourceStep> = {}): SourceStep => ({
  ...onBucket('GetObjectTagging', snapshot, { Key, ...extra }),
  ...more,
});
const FAKE_BUCKET = 'fake-bucket-{{suffix}}-x';
const VERSIONED = 'test-version-tagging';
const TAGGED = 'test-put-object-tagging';

export const taggingScenarios: SourceScenario[] = [
  {
    test: 'TestS3BucketObjectTagging::test_create_bucket_with_tags',
    steps: [{ ...createBucket(BUCKET, withTags(['tag1', 'value1'])), snapshot: 'create-bucket-with-tags' }, onBucket('GetBucketTagging', 'get-bucket-tags')],
  },
  {
    test: 'TestS3BucketObjectTagging::test_create_bucket_with_empty_tags',
    steps: [
      { ...createBucket(BUCKET, { CreateBucketConfiguration: { Tags: [] } }), snapshot: 'create-bucket-with-empty-tags' },
      onBucket('GetBucketTagging', 'get-bucket-tags'),
      { ...createBucket(BUCKET, { CreateBucketConfiguration: { Tags: null } }), snapshot: 'create-bucket-with-none-tags' },
    ],
  },
  {
    test: 'TestS3BucketObjectTagging::test_create_bucket_with_tags_us_east_1_idempotency',
    steps: [
      { ...createBucket(BUCKET, withTags(['tag1', 'value1'])), snapshot: 'create-bucket-with-tags' },
      onBucket('GetBucketTagging', 'get-bucket-tags'),
      { ...createBucket(BUCKET, withTags(['tag2', 'value2'])), snapshot: 'create-bucket-different-tags' },
      { ...createBucket(), snapshot: 'create-bucket-with-no-tags' },
      onBucket('GetBucketTagging', 'get-bucket-tags-after-re-create'),
      { ...createBucket(BUCKET, withTags(['tag1', 'value1'])), snapshot: 'create-bucket-with-same-tags' },
      { ...createBucket(BUCKET, { CreateBucketConfiguration: { Tags: [] } }), snapshot: 'create-bucket-with-empty-tags' },
      onBucket('GetBucketTagging', 'get-bucket-tags-after-create-empty'),
    ],
  },
  {
    test: 'TestS3BucketObjectTagging::test_bucket_tagging_exc',
    steps: [
      { op: 'GetBucketTagging', params: { Bucket: FAKE_BUCKET }, snapshot: 'get-no-bucket-tags' },
      { op: 'DeleteBucketTagging', params: { Bucket: FAKE_BUCKET }, snapshot: 'delete-no-bucket-tags' },
      { op: 'PutBucketTagging', params: { Bucket: FAKE_BUCKET, Tagging: { TagSet: [] } }, snapshot: 'put-no-bucket-tags' },
    ],
  },
  {
    test: 'TestS3BucketObjectTagging::test_create_bucket_with_tags_exc',
    unreproduced: {
      'tags-key-aws-duplicated-key': 'AWS answered duplicate tag keys with 500 InternalError, which twinstack does not imitate (it answers InvalidTag, as PutBucketTagging does): the call is judged a failure only',
    },
    steps: [
      { ...createBucket(BUCKET, withTags([null, 'value1'])), snapshot: 'tags-key-none' },
      { ...createBucket(BUCKET, withTags(['key1', null])), snapshot: 'tags-value-none' },
      { ...createBucket(BUCKET, withTags(['aws:test', 'value1'])), snapshot: 'tags-key-aws-prefix' },
      { ...createBucket(BUCKET, withTags(['key1', 'value1'], ['key1', 'value1'])), fails: true },
      { ...createBucket(BUCKET, withTags(['test', 'value1,value2'])), snapshot: 'tags-key-aws-bad-value' },
      { ...createBucket(BUCKET, withTags(['test,test2', 'value1'])), snapshot: 'tags-key-aws-bad-key' },
    ],
    note: 'duplicate tag keys (tags-key-aws-duplicated-key) are only judged as a failure: AWS answered 500 InternalError, which twinstack does not imitate (it answers InvalidTag, as PutBucketTagging does)',
  },
  {
    test: 'TestS3BucketObjectTagging::test_put_bucket_tagging_none_value',
    steps: [
      createBucket(),
      putBucketTags('put-bucket-tags-origin', tagSet(['tag3', 'tag3'])),
      putBucketTags('put-none-tag-set', { TagSet: null }),
      onBucket('GetBucketTagging', 'no-such-tag-set'),
    ],
  },
  {
    test: 'TestS3BucketObjectTagging::test_put_object_tagging_none_value',
    steps: [
      createBucket(),
      put('test-empty-tag-set', 'test-tagging'),
      putObjectTags('test-empty-tag-set', 'put-none-tag-set', { TagSet: null }),
      getObjectTags('test-empty-tag-set', 'get-object-tags-none'),
    ],
  },
  {
    test: 'TestS3BucketObjectTagging::test_object_tagging_versioned',
    steps: [
      createBucket(),
      versioning('Enabled'),
      withCapture(put(VERSIONED, 'test-0', 'put-obj-0', { Tagging: 'test_tag=tagv1' }), { version1: '$.VersionId' }),
      put(VERSIONED, 'test-1', 'put-obj-1'),
      putObjectTags(VERSIONED, 'put-object-tags-current-version', tagSet(['tag3', 'tag3'])),
      getObjectTags(VERSIONED, 'get-object-tags-current-version'),
      getObjectTags(VERSIONED, 'get-object-tags-previous-version', { VersionId: '{{version1}}' }),
      putObjectTags(VERSIONED, 'put-object-tags-previous-version', tagSet(['tag1', 'tag1']), { VersionId: '{{version1}}' }),
      getObjectTags(VERSIONED, 'get-object-tags-previous-version-again', { VersionId: '{{version1}}' }),
      onBucket('DeleteObjectTagging', undefined, { Key: VERSIONED }),
      getObjectTags(VERSIONED, 'get-object-tags-deleted-current'),
      onBucket('DeleteObjectTagging', undefined, { Key: VERSIONED, VersionId: '{{version1}}' }),
      getObjectTags(VERSIONED, 'get-object-tags-previous-version-deleted'),
      withCapture(onBucket('DeleteObject', 'put-delete-marker', { Key: VERSIONED }), { marker: '$.VersionId' }),
      putObjectTags(VERSIONED, 'put-object-tags-delete-marker-id', tagSet(['tag1', 'tag1']), { VersionId: '{{marker}}' }),
      getObjectTags(VERSIONED, 'get-object-tags-delete-marker-id', { VersionId: '{{marker}}' }),
      onBucket('DeleteObjectTagging', 'delete-object-tags-delete-marker-id', { Key: VERSIONED, VersionId: '{{marker}}' }),
      putObjectTags(VERSIONED, 'put-object-tags-delete-marker-latest', tagSet(['tag1', 'tag1'])),
      getObjectTags(VERSIONED, 'get-object-tags-delete-marker-latest'),
      onBucket('DeleteObjectTagging', 'delete-object-tags-delete-marker-latest', { Key: VERSIONED }),
    ],
  },
  {
    test: 'TestS3BucketObjectTagging::test_put_object_with_tags',
    steps: [
      createBucket(),
      put(TAGGED, 'test-tagging', 'put-object', { Tagging: 'tag1=tag1&tag2=tag2&tag=' }),
      getObjectTags(TAGGED, 'get-object-tags', {}, { unordered: ['$.TagSet'] }),
      putObjectTags(TAGGED, 'put-object-tags', tagSet(['tag3', 'tag3'])),
      getObjectTags(TAGGED, 'get-object-tags-override'),
      onBucket('HeadObject', 'head-obj', { Key: TAGGED }),
      onBucket('GetObject', 'get-obj', { Key: TAGGED }),
      put(TAGGED, '', undefined, { Tagging: 'wrongquery&wrongagain' }),
      getObjectTags(TAGGED, 'get-object-tags-wrong-format-qs', {}, { unordered: ['$.TagSet'] }),
      put(TAGGED, '', undefined, { Tagging: 'key1&&&key2' }),
      getObjectTags(TAGGED, 'get-object-tags-wrong-format-qs-2'),
    ],
  },
  {
    test: 'TestS3BucketObjectTagging::test_head_object_with_tags',
    steps: [
      createBucket(),
      put(TAGGED, 'test-tagging', 'put-object', { Tagging: 'tag1=tag1&tag2=tag2&tag=' }),
      onBucket('HeadObject', 'head-obj-after-create', { Key: TAGGED }),
      putObjectTags(TAGGED, 'put-object-tags', tagSet(['tag3', 'tag3'])),
      onBucket('HeadObject', 'head-obj-after-tagging', { Key: TAGGED }),
      putObjectTags(TAGGED, undefined, tagSet(['tag3', 'tag3'], ['tag4', 'tag4'], ['tag5', 'tag5'])),
      onBucket('HeadObject', 'head-obj-after-overwrite', { Key: TAGGED }),
      putObjectTags(TAGGED, undefined, { TagSet: [] }),
      onBucket('HeadObject', 'head-obj-after-removal', { Key: TAGGED }),
    ],
  },
  {
    test: 'TestS3BucketObjectTagging::test_object_tags_delete_or_overwrite_object',
    steps: [
      createBucket(),
      put('test-put-object-tagging-kept', 'create', undefined, { Tagging: 'tag1=val1' }),
      getObjectTags('test-put-object-tagging-kept', 'get-object-after-creation'),
      put('test-put-object-tagging-kept', 'overwrite'),
      getObjectTags('test-put-object-tagging-kept', 'get-object-after-overwrite'),
      putObjectTags('test-put-object-tagging-kept', undefined, tagSet(['tag3', 'tag3'])),
      onBucket('DeleteObject', undefined, { Key: 'test-put-object-tagging-kept' }),
      put('test-put-object-tagging-kept', 'recreate'),
      getObjectTags('test-put-object-tagging-kept', 'get-object-after-recreation'),
    ],
  },
  {
    test: 'TestS3BucketObjectTagging::test_tagging_validation',
    steps: [
      createBucket(),
      put('tagging-validation', ''),
      putBucketTags('put-bucket-tags-duplicate-keys', tagSet(['Key1', 'Val1'], ['Key1', 'Val1'])),
      putBucketTags('put-bucket-tags-invalid-key', tagSet(['Key1,Key2', 'Val1'])),
      putBucketTags('put-bucket-tags-none-key', tagSet([null, 'Val1'])),
      putBucketTags('put-bucket-tags-invalid-value', tagSet(['Key1', 'Val1,Val2'])),
      putBucketTags('put-bucket-tags-none-value', tagSet(['key1', null])),
      putBucketTags('put-bucket-tags-aws-prefixed', tagSet(['aws:prefixed', 'Val1'])),
      putObjectTags('tagging-validation', 'put-object-tags-duplicate-keys', tagSet(['Key1', 'Val1'], ['Key1', 'Val1'])),
      putObjectTags('tagging-validation', 'put-object-tags-invalid-field', tagSet(['Key1,Key2', 'Val1'])),
      putObjectTags('tagging-validation', 'put-object-tags-aws-prefixed', tagSet(['aws:prefixed', 'Val1'])),
      putObjectTags('tagging-validation', 'put-object-tags-none-key', tagSet([null, 'Val1'])),
      putObjectTags('tagging-validation', 'put-object-tags-none-value', tagSet(['key1', null])),
    ],
  },
];
