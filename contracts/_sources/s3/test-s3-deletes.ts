// Batch deletes, versioned deletes, missing buckets and keys and a few single reads of LocalStack's AWS-validated TestS3
// class (github.com/localstack/localstack, tests/aws/services/s3/test_s3.py, Apache-2.0) reproduced as request sequences.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, completeUpload, createBucket, createUpload, onBucket, put, uploadPart, versioning, withCapture } from './common.ts';
import { getObject, listV2 } from './test-s3-objects.ts';

const VERSIONED_KEY = 'test-key-versioned';
const deleteObjects = (snapshot: string | undefined, Objects: Record<string, unknown>[], extra: Record<string, unknown> = {}): SourceStep =>
  onBucket('DeleteObjects', snapshot, { Delete: { Objects, ...extra } });
const listVersions = (snapshot?: string) => onBucket('ListObjectVersions', snapshot, { EncodingType: 'url' });
/** AWS stopped sending owners' DisplayName since the recording. */
const OWNER_NAMES = ['$.Owner.DisplayName', '$.Grants[*].Grantee.DisplayName', '$.Versions[*].Owner.DisplayName', '$.DeleteMarkers[*].Owner.DisplayName'];
/** The `s3_multipart_upload` fixture: one part holding `data`. */
const multipartUpload = (Key: string, data: string, snapshot?: string, ignore: string[] = []): SourceStep[] => [
  createUpload(Key),
  uploadPart(Key, data),
  { ...completeUpload(Key, snapshot), ...(ignore.length ? { ignore } : {}) },
];

export const testS3DeleteScenarios: SourceScenario[] = [
  {
    test: 'TestS3::test_bucket_availability',
    steps: [
      { op: 'GetBucketLifecycle', params: { Bucket: 'test-bucket-lifecycle-{{suffix}}-missing' }, snapshot: 'bucket-lifecycle' },
      { op: 'GetBucketReplication', params: { Bucket: 'test-bucket-lifecycle-{{suffix}}-missing' }, snapshot: 'bucket-replication' },
    ],
  },
  {
    test: 'TestS3::test_putobject_with_multiple_keys',
    steps: [createBucket(), put('aws/key1/key2/key3', 'test'), getObject('aws/key1/key2/key3', 'get_object')],
  },
  {
    test: 'TestS3::test_upload_file_with_xml_preamble',
    steps: [createBucket(), put('key-{{suffix}}', '<?xml version="1.0" encoding="UTF-8"?><test/>'), getObject('key-{{suffix}}', 'get_object')],
  },
  {
    test: 'TestS3::test_delete_non_existing_keys_quiet',
    steps: [
      createBucket(),
      put('test-key-nonexistent', 'something'),
      deleteObjects('deleted-resp', [{ Key: 'test-key-nonexistent' }, { Key: 'dummy1' }, { Key: 'dummy2' }], { Quiet: true }),
    ],
  },
  {
    test: 'TestS3::test_delete_keys_in_versioned_bucket',
    steps: [
      createBucket(),
      versioning('Enabled'),
      put(VERSIONED_KEY, 'something'),
      put(VERSIONED_KEY, 'something-v2'),
      listV2('list-objects-v2'),
      deleteObjects('delete-object', [{ Key: VERSIONED_KEY }]),
      withCapture({ ...listVersions('list-object-version'), ignore: OWNER_NAMES }, { first: '$.Versions[0].VersionId', second: '$.Versions[1].VersionId' }),
      {
        ...deleteObjects('delete-object-version', [
          { Key: VERSIONED_KEY, VersionId: '{{first}}' },
          { Key: VERSIONED_KEY, VersionId: '{{second}}' },
        ]),
        unordered: ['$.Deleted'],
      },
      listV2('list-objects-v2-after-delete'),
      withCapture({ ...listVersions('list-object-version-after-delete'), ignore: OWNER_NAMES }, { marker: '$.DeleteMarkers[0].VersionId' }),
      deleteObjects('delete-object-delete-marker', [{ Key: VERSIONED_KEY, VersionId: '{{marker}}' }]),
    ],
  },
  {
    test: 'TestS3::test_delete_objects_encoding',
    steps: [
      createBucket(),
      put('a%2Fb', 'percent encoding'),
      put('a/%F0%9F%98%80', 'percent encoded emoji'),
      listV2('list-objects-before-delete'),
      deleteObjects('deleted-resp', [{ Key: 'a%2Fb' }, { Key: 'a/%F0%9F%98%80' }]),
      listV2('list-objects'),
    ],
  },
  {
    test: 'TestS3::test_put_object_acl_on_delete_marker',
    steps: [
      createBucket(),
      onBucket('DeleteBucketOwnershipControls'),
      onBucket('DeletePublicAccessBlock'),
      versioning('Enabled'),
      put(VERSIONED_KEY, 'something', 'put-obj-1'),
      put(VERSIONED_KEY, 'something-v2', 'put-obj-2'),
      withCapture(onBucket('DeleteObject', 'delete-object', { Key: VERSIONED_KEY }), { marker: '$.VersionId' }),
      onBucket('PutObjectAcl', 'put-acl-delete-marker', { Key: VERSIONED_KEY, ACL: 'public-read' }),
      onBucket('GetObjectAcl', 'get-acl-delete-marker', { Key: VERSIONED_KEY }),
      onBucket('PutObjectAcl', 'put-acl-delete-marker-version-id', { Key: VERSIONED_KEY, VersionId: '{{marker}}', ACL: 'public-read' }),
      onBucket('GetObjectAcl', 'get-acl-delete-marker-version-id', { Key: VERSIONED_KEY, VersionId: '{{marker}}' }),
    ],
  },
  {
    test: 'TestS3::test_bucket_exists',
    steps: [
      createBucket(),
      onBucket('PutBucketCors', undefined, { CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET', 'POST', 'PUT', 'DELETE'], AllowedOrigins: ['localhost'] }] } }),
      onBucket('GetBucketCors', 'get-bucket-cors'),
      { ...onBucket('GetBucketAcl', 'get-bucket-acl'), ignore: OWNER_NAMES },
      { op: 'GetBucketAcl', params: { Bucket: 'bucket-not-exists' }, snapshot: 'get-bucket-not-exists' },
    ],
  },
  {
    test: 'TestS3::test_s3_uppercase_key_names',
    steps: [
      createBucket('testuppercase-{{suffix}}'),
      { op: 'PutObject', params: { Bucket: 'testuppercase-{{suffix}}', Key: 'camelCaseKey', Body: 'something' } },
      { op: 'GetObject', params: { Bucket: 'testuppercase-{{suffix}}', Key: 'camelCaseKey' }, snapshot: 'response', ignore: ['$.Body'] },
      { op: 'GetObject', params: { Bucket: 'testuppercase-{{suffix}}', Key: 'camelcasekey' }, snapshot: 'wrong-case-key' },
    ],
  },
  {
    test: 'TestS3::test_precondition_failed_error',
    steps: [createBucket(), put('foo', '{"foo": "bar"}'), onBucket('GetObject', 'get-object-if-match', { Key: 'foo', IfMatch: '"not good etag"' })],
  },
  {
    test: 'TestS3::test_multipart_overwrite_key',
    steps: [
      createBucket(),
      put('test.file', 'test content 123', 'put-object'),
      ...multipartUpload('test.file', 'test content 123', 'multipart-upload'),
      onBucket('GetObject', undefined, { Key: 'test.file' }),
    ],
  },
  {
    test: 'TestS3::test_multipart_copy_object_etag',
    steps: [
      createBucket(),
      ...multipartUpload('test.file', 'test content 123', 'multipart-upload'),
      onBucket('CopyObject', 'copy-object', { Key: 'copy.file', CopySource: `${BUCKET}/test.file` }),
      onBucket('CopyObject', 'copy-object-in-place', { Key: 'test.file', CopySource: `${BUCKET}/test.file`, MetadataDirective: 'REPLACE' }),
      onBucket('HeadObject', 'head-obj', { Key: 'test.file', ChecksumMode: 'ENABLED' }),
    ],
  },
];
