// LocalStack's AWS-validated browser POST upload tests (TestS3PresignedPost in tests/aws/services/s3/test_s3.py,
// github.com/localstack/localstack, Apache-2.0): `generate_presigned_post` then `requests.post`, reproduced as POST
// form steps that the verifier signs at replay time. Expected responses come only from the recorded snapshots.
import type { PostForm } from '../../../verifier/contract/types.ts';
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, createBucket, onBucket } from './common.ts';

/**
 * A POST form to the test bucket (`Fields`, `Conditions`, what the test did to the signed form), judged by `snapshot`.
 * SigV2 unless the test chose: botocore signs presigned POSTs of a us-east-1 client with no configured signature
 * version as `s3` (its `_default_s3_presign_to_sigv2`).
 */
const post = (key: string, form: Omit<PostForm, 'bucket' | 'key' | 'file'> & { file?: PostForm['file'] }, snapshot?: string, extra: Partial<SourceStep> = {}): SourceStep => ({
  op: 'PutObject',
  params: {},
  postForm: { bucket: BUCKET, key, expiresIn: 60, signature: 'v2', file: { content: 'abcdef' }, ...form },
  ...(snapshot ? { snapshot } : {}),
  ...extra,
});

/** `signature_version` `s3` is botocore's SigV2 POST signature. */
const version = (param: string): PostForm['signature'] => (param === 's3' ? 'v2' : 'v4');
const REDIRECT = 'http://localhost.test/random';
/** The tests' `Expires` field is now + 10 minutes; what AWS recorded of it is only that it is a date. */
const EXPIRES = 'Wed, 01 Jan 2099 00:00:00 GMT';
const META_FIELDS = { 'x-amz-meta-test-1': 'test-meta-1', 'x-amz-meta-TEST-2': 'test-meta-2', 'Content-Type': 'text/plain', Expires: EXPIRES };
const TAGGINGS: Record<string, string> = {
  single: '<Tagging><TagSet><Tag><Key>TagName</Key><Value>TagValue</Value></Tag></TagSet></Tagging>',
  list: '<Tagging><TagSet><Tag><Key>TagName</Key><Value>TagValue</Value></Tag><Tag><Key>TagName2</Key><Value>TagValue2</Value></Tag></TagSet></Tagging>',
  invalid: '<InvalidXmlTagging></InvalidXmlTagging>',
  notxml: 'not-xml',
};

export const postFormScenarios: SourceScenario[] = [
  {
    test: 'TestS3PresignedPost::test_post_request_expires',
    steps: [createBucket(), post('test-presigned-post-key', { expiresIn: 2, file: { content: 'file content' } }, 'exception', { delaySeconds: 3 })],
  },
  {
    test: 'TestS3PresignedPost::test_post_request_malformed_policy',
    steps: (param) => [createBucket(), post('test-presigned-malformed-policy', { signature: version(param), cut: { policy: 2 }, file: { content: 'file content' } }, 'exception-policy')],
  },
  {
    test: 'TestS3PresignedPost::test_post_request_missing_signature',
    steps: (param) => [
      createBucket(),
      post('test-presigned-missing-signature', { signature: version(param), omit: [param === 's3' ? 'signature' : 'x-amz-signature'], file: { content: 'file content' } }, 'exception-missing-signature'),
    ],
  },
  {
    test: 'TestS3PresignedPost::test_post_request_missing_fields',
    steps: (param) => [
      createBucket(),
      post('test-presigned-missing-fields', { signature: version(param), omit: param === 's3' ? ['AWSAccessKeyId'] : ['x-amz-algorithm', 'x-amz-credential'], file: { content: 'file content' } }, 'exception-missing-fields'),
      post('test-presigned-missing-fields', { signature: version(param), keep: ['key', 'policy'], file: { content: 'file content' } }, 'exception-no-sig-related-fields'),
    ],
  },
  {
    test: 'TestS3PresignedPost::test_post_object_with_tags',
    steps: (param) => [
      createBucket(),
      post(
        'test-presigned-post-key-tagging',
        { fields: { tagging: TAGGINGS[param] }, conditions: [{ bucket: BUCKET }, ['eq', '$tagging', TAGGINGS[param]]], file: { content: 'test-body-tagging' } },
        param === 'notxml' ? 'tagging-error' : undefined,
        param === 'notxml' ? { status: 400 } : {},
      ),
      param === 'notxml'
        ? { ...onBucket('GetObjectTagging', undefined, { Key: 'test-presigned-post-key-tagging' }), fails: true }
        : onBucket('GetObjectTagging', 'get-tagging', { Key: 'test-presigned-post-key-tagging' }),
    ],
  },
  {
    test: 'TestS3PresignedPost::test_post_object_with_metadata',
    steps: [
      createBucket(),
      post('test-presigned-post-key-metadata', {
        fields: META_FIELDS,
        conditions: [{ bucket: BUCKET }, ['eq', '$x-amz-meta-test-1', 'test-meta-1'], ['eq', '$x-amz-meta-TEST-2', 'test-meta-2'], ['eq', '$Content-Type', 'text/plain'], ['eq', '$Expires', EXPIRES]],
        file: { content: 'test-body-tagging' },
      }),
      onBucket('HeadObject', 'head-object', { Key: 'test-presigned-post-key-metadata' }),
    ],
    note: 'the test sets Expires to now + 10 minutes; the contract sends a fixed future date (AWS’s recording keeps only that Expires is a date)',
  },
  {
    test: 'TestS3PresignedPost::test_post_object_with_storage_class',
    steps: [
      createBucket(),
      post('test-presigned-post-key-storage-class', { fields: { 'x-amz-storage-class': 'STANDARD_IA' }, conditions: [{ bucket: BUCKET }, ['eq', '$x-amz-storage-class', 'STANDARD_IA']], file: { content: 'test-body-storage-class' } }),
      onBucket('HeadObject', 'head-object', { Key: 'test-presigned-post-key-storage-class' }),
      post(
        'test-presigned-post-key-storage-class',
        { fields: { 'x-amz-storage-class': 'FakeClass' }, conditions: [{ bucket: BUCKET }, ['eq', '$x-amz-storage-class', 'FakeClass']], file: { content: 'test-body-storage-class' } },
        'invalid-storage-error',
        { status: 400 },
      ),
    ],
  },
  {
    test: 'TestS3PresignedPost::test_post_object_with_wrong_content_type',
    steps: [
      createBucket(),
      post('test-presigned-post-key-wrong-content-type', { conditions: [{ bucket: BUCKET }], contentType: 'text/html', file: { content: 'test-body-wrong-content-type' } }, 'invalid-content-type-error', { status: 412 }),
    ],
  },
  {
    test: 'TestS3PresignedPost::test_post_object_default_checksum',
    steps: [
      createBucket(),
      post('test-presigned-post-checksum', { conditions: [{ bucket: BUCKET }], file: { content: 'test-body-tagging' } }),
      onBucket('HeadObject', 'head-object', { Key: 'test-presigned-post-checksum', ChecksumMode: 'ENABLED' }),
    ],
  },
  {
    test: 'TestS3PresignedPost::test_post_object_with_file_as_string',
    steps: [
      createBucket(),
      post('test-presigned-post-file-as-field', { conditions: [{ bucket: BUCKET }], file: { content: 'test-body-file-as-field', filename: null } }),
      onBucket('HeadObject', 'head-object', { Key: 'test-presigned-post-file-as-field' }),
      post('file-as-field-${filename}', { conditions: [{ bucket: BUCKET }], file: { content: 'test-body-file-as-field-filename-replacement', filename: null } }),
      onBucket('ListObjectsV2', 'list-objects', { EncodingType: 'url' }),
    ],
  },
  {
    test: 'TestS3PresignedPost::test_post_object_policy_conditions_validation_eq',
    steps: [
      createBucket(),
      post('validate-policy-1', { fields: { success_action_redirect: REDIRECT }, conditions: [['eq', '$success_action_redirect', REDIRECT]], set: { success_action_redirect: 'http://wrong.location/test' } }, 'invalid-condition-eq', { status: 403 }),
      post('validate-policy-1', { fields: { success_action_redirect: REDIRECT }, conditions: [['eq', 'success_action_redirect', REDIRECT]] }, 'invalid-condition-missing-prefix', { status: 403 }),
      post('validate-policy-1', { fields: { success_action_redirect: REDIRECT }, conditions: [{ bucket: BUCKET, success_action_redirect: REDIRECT }] }, 'invalid-condition-wrong-condition', { status: 400 }),
      post('validate-policy-1', { fields: { success_action_redirect: REDIRECT }, conditions: [['eq', '$success_action_redirect', 'HTTP://localhost.test/random']] }, 'invalid-condition-wrong-value-casing', { status: 403 }),
      post('validate-policy-1', {
        fields: META_FIELDS,
        conditions: [{ bucket: BUCKET }, ['eq', '$x-amz-meta-test-1', 'test-meta-1'], ['eq', '$x-amz-meta-test-2', 'test-meta-2'], ['eq', '$content-type', 'text/plain'], ['eq', '$Expires', EXPIRES]],
      }),
      onBucket('HeadObject', 'head-object-metadata', { Key: 'validate-policy-1' }),
      post('validate-policy-1', { fields: { success_action_redirect: REDIRECT }, conditions: [['eq', '$success_Action_REDIRECT', REDIRECT]] }, undefined, { status: 303 }),
      onBucket('GetObject', 'final-object', { Key: 'validate-policy-1' }),
      post('validate-policy-1', {
        fields: META_FIELDS,
        conditions: [{ bucket: BUCKET }, { 'x-amz-meta-test-1': 'test-meta-1' }, { 'x-amz-meta-test-2': 'test-meta-2' }, { 'Content-Type': 'text/plain' }, { Expires: EXPIRES }],
      }),
    ],
    note: 'the test sets Expires to now + 10 minutes; the contract sends a fixed future date (AWS’s recording keeps only that Expires is a date)',
  },
  {
    test: 'TestS3PresignedPost::test_post_object_policy_conditions_validation_starts_with',
    steps: [
      createBucket(),
      post('validate-policy-2', { fields: { success_action_redirect: REDIRECT }, conditions: [['starts-with', '$success_action_redirect', 'http://localhost']], set: { success_action_redirect: 'http://wrong.location/test' } }, 'invalid-condition-starts-with', { status: 403 }),
      post('validate-policy-2', { fields: { success_action_redirect: REDIRECT }, conditions: [['starts-with', '$success_action_redirect', 'http://localhost']], set: { success_action_redirect: 'HTTP://localhost.test/random' } }, 'invalid-condition-starts-with-casing', { status: 403 }),
      post('validate-policy-2', { fields: { success_action_redirect: REDIRECT }, conditions: [['starts-with', '$success_action_redirect', 'http://localhost']] }, undefined, { status: 303 }),
      onBucket('GetObject', 'get-object-1', { Key: 'validate-policy-2' }),
      post('validate-policy-2', { fields: { success_action_redirect: REDIRECT }, conditions: [['starts-with', '$success_action_redirect', '']], set: { success_action_redirect: 'http://wrong.location/test' }, file: { content: 'manual value to change ETag' } }, undefined, { status: 303 }),
      onBucket('GetObject', 'get-object-2', { Key: 'validate-policy-2' }),
    ],
    note: 'the test posts the same signed form three times with a changed redirect; each post here is signed anew with the same fields and conditions',
  },
  {
    test: 'TestS3PresignedPost::test_post_object_policy_validation_size',
    steps: [
      createBucket(),
      ...[12, 1].map((size, i) =>
        post('validate-policy-content-length', { conditions: [{ bucket: BUCKET }, ['content-length-range', 5, 10]], file: { content: 'a'.repeat(size) } }, ['invalid-content-length-too-big', 'invalid-content-length-too-small'][i], { status: 400 }),
      ),
      post('validate-policy-content-length', { conditions: [{ bucket: BUCKET }, ['content-length-range', 5, 10]], file: { content: 'a'.repeat(5) } }),
      post('validate-policy-content-length', { conditions: [{ bucket: BUCKET }, ['content-length-range', 5, 10]], file: { content: 'a'.repeat(10) } }),
      onBucket('GetObject', 'final-object', { Key: 'validate-policy-content-length' }),
      post('validate-policy-content-length', { conditions: [{ bucket: BUCKET }, ['content-length-range', '5', '10']], file: { content: 'a'.repeat(10) } }),
      post('validate-policy-content-length', { conditions: [{ bucket: BUCKET }, ['content-length-range', 'test', '10']], file: { content: 'a'.repeat(10) } }, 'invalid-content-length-wrong-type', { status: 403 }),
    ],
  },
];
