// Versioned writes, listings past 1,000 keys, header overrides, Expires and bucket naming tests of LocalStack's
// AWS-validated TestS3 class (github.com/localstack/localstack, tests/aws/services/s3/test_s3.py, Apache-2.0) reproduced
// as request sequences.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { createBucket, onBucket, put, versioning, withCapture } from './common.ts';
import { getObject } from './test-s3-objects.ts';

const LOREM = 'Lorem ipsum dolor sit amet, ... '.repeat(30);
/** AWS stopped sending owners' DisplayName since the recording. */
const OWNER_NAMES = ['$.Versions[*].Owner.DisplayName', '$.DeleteMarkers[*].Owner.DisplayName', '$.Contents[*].Owner.DisplayName'];
const listVersions = (snapshot?: string): SourceStep => ({ ...onBucket('ListObjectVersions', snapshot, { EncodingType: 'url' }), ignore: OWNER_NAMES });
const listV1 = (snapshot?: string, extra: Record<string, unknown> = {}): SourceStep => ({
  ...onBucket('ListObjects', snapshot, { EncodingType: 'url', ...extra }),
  ignore: OWNER_NAMES,
});
const THOUSAND_AND_TEN = Array.from({ length: 1010 }, (_, i) => i);
const PAST = '2020-01-01T00:00:00Z';
const FUTURE = '2099-01-01T00:00:00Z';

export const testS3VersionScenarios: SourceScenario[] = [
  {
    test: 'TestS3::test_s3_uppercase_bucket_name',
    steps: [{ op: 'CreateBucket', params: { Bucket: 'TESTUPPERCASE-{{suffix}}' }, snapshot: 'uppercase-bucket' }],
  },
  {
    test: 'TestS3::test_create_bucket_with_existing_name',
    steps: [
      createBucket(undefined, { CreateBucketConfiguration: { LocationConstraint: 'us-west-1' } }),
      ...['us-west-1', 'us-east-2'].map((LocationConstraint) =>
        onBucket('CreateBucket', `create-bucket-${LocationConstraint}`, { CreateBucketConfiguration: { LocationConstraint } }),
      ),
    ],
  },
  {
    test: 'TestS3::test_bucket_name_with_dots',
    steps: [
      createBucket('my.bucket.name.{{suffix}}'),
      { op: 'DeleteBucketOwnershipControls', params: { Bucket: 'my.bucket.name.{{suffix}}' } },
      { op: 'DeletePublicAccessBlock', params: { Bucket: 'my.bucket.name.{{suffix}}' } },
      { op: 'PutBucketAcl', params: { Bucket: 'my.bucket.name.{{suffix}}', ACL: 'public-read' } },
      { op: 'PutObject', params: { Bucket: 'my.bucket.name.{{suffix}}', Key: 'my-content', Body: 'something' } },
      { op: 'ListObjects', params: { Bucket: 'my.bucket.name.{{suffix}}', EncodingType: 'url' }, snapshot: 'list-objects', ignore: OWNER_NAMES },
      // The test's own anonymous GETs of the bucket's virtual-host and path-style URLs, parsed with xmltodict.
      ...[true, false].map(
        (virtualHost): SourceStep => ({
          op: 'ListObjects',
          params: { Bucket: 'my.bucket.name.{{suffix}}' },
          unsigned: true,
          virtualHost,
          snapshot: virtualHost ? 'request-vhost-url-content' : 'request-path-url-content',
          answer: (xml: unknown) => ({ status: 200, xml }),
        }),
      ),
    ],
  },
  {
    test: 'TestS3::test_s3_put_more_than_1000_items',
    steps: [
      createBucket(),
      ...THOUSAND_AND_TEN.map((i) => put(`test-key-${i}`, `test-${i}`)),
      getObject('test-key-1009', 'get_object-1009'),
      getObject('test-key-0', 'get_object-0'),
      listV1(undefined, { MaxKeys: 1010 }),
      withCapture({ ...listV1('list-objects', { Delimiter: '/' }), ignore: ['$.Contents'] }, { nextMarker: '$.NextMarker' }),
      listV1('list-objects-next_marker', { Marker: '{{nextMarker}}' }),
    ],
    note: 'the test left the 1,000 listed keys out of its snapshot (list-objects); the page size and markers are judged',
  },
  {
    test: 'TestS3::test_etag_on_get_object_call',
    steps: [createBucket(), put('my-key', LOREM), getObject('my-key', 'get_object'), getObject('my-key', 'get_object_range', { Range: 'bytes=0-16' })],
  },
  {
    test: 'TestS3::test_s3_delete_object_with_version_id',
    steps: [
      createBucket(),
      versioning('Enabled'),
      onBucket('GetBucketVersioning', 'get_bucket_versioning'),
      withCapture(put('aws/s3/testkey1.txt', LOREM), { v1: '$.VersionId' }),
      put('aws/s3/testkey2.txt', LOREM),
      onBucket('DeleteObjects', 'delete_objects', { Delete: { Objects: [{ Key: 'aws/s3/testkey1.txt', VersionId: '{{v1}}' }] } }),
      listVersions('list_object_versions_after_delete'),
      versioning('Suspended'),
      onBucket('GetBucketVersioning', 'get_bucket_versioning_suspended'),
    ],
  },
  {
    test: 'TestS3::test_s3_put_object_versioned',
    steps: [
      createBucket(),
      put('non-version-bucket-key', 'non-versioned-key', 'put-pre-versioned'),
      getObject('non-version-bucket-key', 'get-pre-versioned'),
      listVersions('list-object-pre-versioned'),
      versioning('Enabled'),
      getObject('non-version-bucket-key', 'get-post-versioned'),
      put('versioned-bucket-key', 'versioned-key', 'put-obj-versioned-1'),
      put('versioned-bucket-key', 'versioned-key-updated', 'put-obj-versioned-2'),
      getObject('versioned-bucket-key', 'get-obj-versioned'),
      listVersions('list-object-versioned'),
      versioning('Suspended'),
      listVersions('list-bucket-suspended'),
      getObject('versioned-bucket-key', 'get-obj-versioned-disabled'),
      getObject('non-version-bucket-key', 'get-obj-non-versioned-disabled'),
      put('non-version-bucket-key-after-disable', 'non-versioned-key-post', 'put-non-versioned-post-disable'),
      getObject('non-version-bucket-key-after-disable', 'get-non-versioned-post-disable'),
    ],
  },
  {
    test: 'TestS3::test_s3_batch_delete_objects',
    steps: [
      createBucket(),
      ...[1, 2, 3, 4, 5].map((i) => put(`key-batch-delete-${i}-{{suffix}}`, 'This body document')),
      {
        ...onBucket('DeleteObjects', 'batch-delete', { Delete: { Objects: [1, 2, 3, 4, 5].map((i) => ({ Key: `key-batch-delete-${i}-{{suffix}}` })) } }),
        unordered: ['$.Deleted'],
      },
      listV1('list-remaining-objects'),
    ],
  },
  {
    test: 'TestS3::test_s3_get_object_header_overrides',
    steps: [
      createBucket(),
      put('key-header-overrides', 'something'),
      getObject('key-header-overrides', 'get-object', {
        ResponseCacheControl: 'max-age=74',
        ResponseContentDisposition: 'attachment; filename="foo.jpg"',
        ResponseContentEncoding: 'identity',
        ResponseContentLanguage: 'de-DE',
        ResponseContentType: 'image/jpeg',
        ResponseExpires: 'Wed, 21 Oct 2015 07:28:00 GMT',
      }),
    ],
  },
  {
    test: 'TestS3::test_s3_object_expires',
    steps: [
      createBucket(),
      put('key-object-future', 'foo', 'put-object-expires-future', { Expires: FUTURE }),
      onBucket('HeadObject', 'head-object-expires-future', { Key: 'key-object-future' }),
      getObject('key-object-future', 'get-object-expires-future'),
      put('key-object-past', 'foo', 'put-object-expires-past', { Expires: PAST }),
      onBucket('HeadObject', 'head-object-expires-past', { Key: 'key-object-past' }),
      getObject('key-object-past', 'get-object-expires-past'),
    ],
    note: '“now ± 1 day” are fixed dates in the future and the past (the test redacts the dates)',
  },
];
