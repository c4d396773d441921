// Conditional writes and conditional copies of LocalStack's AWS-validated suite (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_api.py TestS3ObjectWritePrecondition / TestS3DeletePrecondition and
// test_s3_preconditions.py, Apache-2.0) reproduced as request sequences. Where a test compares with "now", the object's
// own Last-Modified (captured from its HeadObject) or a fixed date on the same side of it stands in.
import type { SourceFile, SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, completeUpload, createBucket, createUpload, onBucket, put, uploadPart, versioning, withCapture } from './common.ts';

const KEY = 'test-precondition';
const etagOf = (step: SourceStep, name = 'etag') => withCapture(step, { [name]: '$.ETag' });
const restartUpload = (snapshot?: string): SourceStep[] => [createUpload(KEY, snapshot), uploadPart(KEY, 'test')];
const copy = (snapshot: string | undefined, extra: Record<string, unknown>, Key = 'dest-object'): SourceStep =>
  onBucket('CopyObject', snapshot, { Key, CopySource: `${BUCKET}/source-object`, ...extra });
const putSource = put('source-object', 'source content');

/** TestS3ObjectWritePrecondition and TestS3DeletePrecondition of test_s3_api.py not ported with the first batch. */
export const writePreconditionScenarios: SourceScenario[] = [
  {
    test: 'TestS3ObjectWritePrecondition::test_multipart_if_none_match_with_delete',
    steps: [
      createBucket(),
      onBucket('PutObject', 'put-obj', { Key: KEY, IfNoneMatch: '*' }),
      createUpload(KEY, 'create-multipart'),
      uploadPart(KEY, 'test'),
      completeUpload(KEY, 'complete-multipart-if-none-match', { IfNoneMatch: '*' }),
      onBucket('DeleteObject', 'del-obj', { Key: KEY }),
      completeUpload(KEY, 'complete-multipart-after-del', { IfNoneMatch: '*' }),
      ...restartUpload(),
      completeUpload(KEY, 'complete-multipart-after-del-restart', { IfNoneMatch: '*' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_multipart_if_none_match_with_put',
    steps: [
      createBucket(),
      ...restartUpload('create-multipart'),
      onBucket('PutObject', 'put-obj', { Key: KEY, IfNoneMatch: '*' }),
      completeUpload(KEY, 'complete-multipart-if-none-match-put-during', { IfNoneMatch: '*' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_multipart_if_match_with_put',
    steps: [
      createBucket(),
      etagOf(put(KEY, 'test', 'put-obj'), 'etag1'),
      ...restartUpload('create-multipart'),
      etagOf(put(KEY, 'test2', 'put-obj-during'), 'etag2'),
      completeUpload(KEY, 'complete-multipart-if-match-put-before', { IfMatch: '{{etag1}}' }),
      completeUpload(KEY, 'complete-multipart-if-match-put-during', { IfMatch: '{{etag2}}' }),
      ...restartUpload('create-multipart-again'),
      completeUpload(KEY, 'complete-multipart-if-match-put-before-restart', { IfMatch: '{{etag2}}' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_multipart_if_match_with_put_identical',
    steps: [
      createBucket(),
      put(KEY, 'test', 'put-obj'),
      ...restartUpload('create-multipart'),
      etagOf(put(KEY, 'test', 'put-obj-during'), 'etag2'),
      completeUpload(KEY, 'complete-multipart-if-match-put-during', { IfMatch: '{{etag2}}' }),
      ...restartUpload('create-multipart-again'),
      completeUpload(KEY, 'complete-multipart-if-match-put-before-restart', { IfMatch: '{{etag2}}' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_multipart_if_match_with_delete',
    steps: [
      createBucket(),
      etagOf(put(KEY, 'test', 'put-obj')),
      ...restartUpload('create-multipart'),
      onBucket('DeleteObject', 'del-obj', { Key: KEY }),
      completeUpload(KEY, 'complete-multipart-after-del', { IfMatch: '{{etag}}' }),
      etagOf(put(KEY, 'test', 'put-obj-2'), 'etag2'),
      completeUpload(KEY, 'complete-multipart-if-match-after-put', { IfMatch: '{{etag2}}' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_put_object_if_match_versioned_bucket',
    steps: [
      createBucket(),
      versioning('Enabled'),
      etagOf(put(KEY, 'test', 'put-obj')),
      onBucket('PutObject', 'put-obj-if-none-match-bad-value', { Key: KEY, IfMatch: 'abcdef' }),
      onBucket('DeleteObject', 'del-obj', { Key: KEY }),
      onBucket('PutObject', 'put-obj-after-del-exc', { Key: KEY, IfMatch: '{{etag}}' }),
      etagOf(put(KEY, 'test-after-del', 'put-obj-after-del'), 'etag2'),
      put(KEY, 'test-if-match', 'put-obj-if-match', { IfMatch: '{{etag2}}' }),
      onBucket('ListObjectVersions', 'list-object-versions', { EncodingType: 'url' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_put_object_if_match_and_if_none_match_validation',
    steps: [createBucket(), onBucket('PutObject', 'put-obj-both-precondition', { Key: 'test-precondition-validation', IfNoneMatch: '*', IfMatch: 'abcdef' })],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_multipart_if_match_etag',
    steps: [
      createBucket(),
      etagOf(put(KEY, 'test', 'put-obj'), 'etag1'),
      ...restartUpload('create-multipart'),
      etagOf(completeUpload(KEY, 'complete-multipart-if-match', { IfMatch: '{{etag1}}' }), 'multipartEtag'),
      ...restartUpload('create-multipart-overwrite'),
      completeUpload(KEY, 'complete-multipart-if-match-true-etag', { IfMatch: '{{etag1}}' }),
      completeUpload(KEY, 'complete-multipart-if-match-overwrite-multipart', { IfMatch: '{{multipartEtag}}' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_copy_object_if_none_match',
    steps: [createBucket(), putSource, copy('copy-obj', { IfNoneMatch: '*' }), copy('copy-obj-if-none-match-fail', { IfNoneMatch: '*' })],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_copy_object_if_match',
    steps: [
      createBucket(),
      putSource,
      etagOf(put('dest-object', 'initial content')),
      copy('copy-obj-if-match', { IfMatch: '{{etag}}' }),
      copy('copy-obj-if-match-fail-wrong-etag', { IfMatch: '"wrong-etag"' }),
      copy('copy-obj-if-match-fail-no-object', { IfMatch: '{{etag}}' }, 'non-existent-key'),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_copy_object_if_none_match_versioned_bucket',
    steps: [
      createBucket(),
      versioning('Enabled'),
      putSource,
      copy('copy-obj', { IfNoneMatch: '*' }),
      copy('copy-obj-if-none-match-fail', { IfNoneMatch: '*' }),
      onBucket('DeleteObject', 'del-obj', { Key: 'dest-object' }),
      copy('copy-obj-after-del', { IfNoneMatch: '*' }),
      onBucket('ListObjectVersions', 'list-object-versions', { EncodingType: 'url' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_copy_object_if_match_versioned_bucket',
    steps: [
      createBucket(),
      versioning('Enabled'),
      putSource,
      etagOf(put('dest-object', 'initial content', 'put-obj')),
      copy('copy-obj-if-match-wrong-etag', { IfMatch: '"wrong-etag"' }),
      onBucket('DeleteObject', 'del-obj', { Key: 'dest-object' }),
      copy('copy-obj-after-del-exc', { IfMatch: '{{etag}}' }),
      etagOf(put('dest-object', 'new content after delete', 'put-obj-after-del'), 'etag2'),
      copy('copy-obj-if-match', { IfMatch: '{{etag2}}' }),
      onBucket('ListObjectVersions', 'list-object-versions', { EncodingType: 'url' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_copy_object_precondition_write_validation',
    steps: [
      createBucket(),
      etagOf(putSource),
      copy('copy-obj-none-match-etag', { IfNoneMatch: '{{etag}}' }),
      copy('copy-obj-if-match-star', { IfMatch: '*' }),
      copy('copy-obj-both', { IfMatch: '*', IfNoneMatch: '{{etag}}' }),
    ],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_copy_object_if_none_match_in_place',
    steps: [createBucket(), putSource, copy('copy-obj-if-none-match-fail', { IfNoneMatch: '*', StorageClass: 'STANDARD' }, 'source-object')],
  },
  {
    test: 'TestS3ObjectWritePrecondition::test_copy_object_if_match_in_place',
    steps: [createBucket(), etagOf(putSource), copy('copy-obj-if-match-in-place', { IfMatch: '{{etag}}', StorageClass: 'STANDARD' }, 'source-object')],
  },
  {
    test: 'TestS3DeletePrecondition::test_delete_object_if_match_non_express',
    steps: [createBucket(), onBucket('PutObject', undefined, { Key: KEY }), onBucket('DeleteObject', 'delete-obj-if-match', { Key: KEY, IfMatch: 'badvalue' })],
  },
  {
    test: 'TestS3DeletePrecondition::test_delete_object_if_match_modified_non_express',
    steps: [
      createBucket(),
      onBucket('PutObject', undefined, { Key: KEY }),
      onBucket('DeleteObject', 'delete-obj-if-match-last-modified', { Key: KEY, IfMatchLastModifiedTime: '2020-01-01T00:00:00Z' }),
    ],
  },
  {
    test: 'TestS3DeletePrecondition::test_delete_object_if_match_size_non_express',
    steps: [createBucket(), onBucket('PutObject', undefined, { Key: KEY }), onBucket('DeleteObject', 'delete-obj-if-match-size', { Key: KEY, IfMatchSize: 10 })],
  },
  {
    test: 'TestS3DeletePrecondition::test_delete_object_if_match_all_non_express',
    steps: [
      createBucket(),
      onBucket('PutObject', undefined, { Key: KEY }),
      onBucket('DeleteObject', 'delete-obj-if-match-all', { Key: KEY, IfMatchSize: 10, IfMatch: 'badvalue', IfMatchLastModifiedTime: '2020-01-01T00:00:00Z' }),
    ],
  },
];

const PAST = '2020-01-01T00:00:00Z';
const FUTURE = '2099-01-01T00:00:00Z';
const headSource = (snapshot: string) => withCapture(onBucket('HeadObject', snapshot, { Key: 'source-object' }), { lastModified: 'header:last-modified' });
const copySource = (snapshot: string | undefined, extra: Record<string, unknown>) => copy(snapshot, extra);

/** test_s3_preconditions.py: the copy-source conditions. */
const source: SourceFile = {
  service: 's3',
  module: 'test_s3_preconditions',
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  scenarios: [
    {
      test: 'TestS3CopySourcePreconditions::test_s3_copy_object_preconditions',
      steps: [
        createBucket(),
        withCapture(put('source-object', 'data'), { etag: '$.ETag', bareEtag: { from: '$.ETag', regex: '^"(.*)"$' } }),
        headSource('head-object'),
        copySource('copy-precondition-if-match', {
          CopySourceIfModifiedSince: '{{lastModified}}',
          CopySourceIfUnmodifiedSince: PAST,
          CopySourceIfMatch: 'etag123',
          CopySourceIfNoneMatch: '{{etag}}',
        }),
        copySource('copy-precondition-if-unmodified-since', { CopySourceIfModifiedSince: '{{lastModified}}', CopySourceIfUnmodifiedSince: PAST, CopySourceIfNoneMatch: '{{etag}}' }),
        copySource('copy-precondition-if-none-match', { CopySourceIfModifiedSince: '{{lastModified}}', CopySourceIfNoneMatch: '{{etag}}' }),
        copySource('copy-precondition-if-modified-since', { CopySourceIfModifiedSince: '{{lastModified}}' }),
        copySource('copy-ignore-future-modified-since', { CopySourceIfModifiedSince: FUTURE }),
        copySource('copy-etag-missing-quotes', { CopySourceIfNoneMatch: '{{bareEtag}}' }),
        copySource('copy-success', { CopySourceIfMatch: '{{bareEtag}}', CopySourceIfNoneMatch: 'etag123', CopySourceIfModifiedSince: PAST, CopySourceIfUnmodifiedSince: '{{lastModified}}' }),
      ],
      note: 'the test’s "now" (3 s after the write) is the object’s own Last-Modified here, "now - 1 day" a fixed past date and "now + 1 day" a far future one',
    },
    {
      test: 'TestS3CopySourcePreconditions::test_s3_copy_object_if_source_modified_since_versioned',
      steps: [
        createBucket(),
        versioning('Enabled'),
        put('source-object', 'data'),
        headSource('head-object'),
        copySource('copy-if-modified-since', { CopySourceIfModifiedSince: PAST }),
        copySource('copy-if-modified-since-last-modified', { CopySourceIfModifiedSince: '{{lastModified}}' }),
      ],
      note: '"Last-Modified minus one minute" is a fixed past date here',
    },
    {
      test: 'TestS3CopySourcePreconditions::test_s3_copy_object_if_source_unmodified_since_versioned',
      steps: [
        createBucket(),
        versioning('Enabled'),
        put('source-object', 'data'),
        headSource('head-object'),
        copySource('copy-if-unmodified-since', { CopySourceIfUnmodifiedSince: '{{lastModified}}' }),
        copySource('copy-past-if-unmodified-since', { CopySourceIfUnmodifiedSince: PAST }),
      ],
    },
  ],
  notPorted: {},
};

export default source;
