// CopyObject, ACL and conditional-read tests of LocalStack's AWS-validated TestS3 class (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3.py, Apache-2.0) reproduced as request sequences.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, completeUpload, createBucket, createUpload, onBucket, put, uploadPart, versioning, withCapture } from './common.ts';
import { getObject } from './test-s3-objects.ts';

const SRC = 'source-object';
const JSON_BODY = '{"key": "value"}';
const head = (Key: string, snapshot?: string, extra: Record<string, unknown> = {}) => onBucket('HeadObject', snapshot, { Key, ...extra });
const copy = (Key: string, snapshot?: string, extra: Record<string, unknown> = {}, from = SRC): SourceStep =>
  onBucket('CopyObject', snapshot, { Key, CopySource: `${BUCKET}/${from}`, ...extra });
const attrs = (Key: string, snapshot: string, ObjectAttributes: string[] = ['StorageClass']) => onBucket('GetObjectAttributes', snapshot, { Key, ObjectAttributes });
const tags = (Key: string, snapshot: string, extra: Record<string, unknown> = {}) => onBucket('GetObjectTagging', snapshot, { Key, ...extra });
const putJson = (snapshot: string) => put(SRC, JSON_BODY, snapshot, { ContentType: 'application/json', Metadata: { key: 'value' } });

/** The `allow_bucket_acl` fixture. */
const allowBucketAcl: SourceStep[] = [onBucket('DeleteBucketOwnershipControls'), onBucket('DeletePublicAccessBlock')];
/** The account's canonical owner, from ListBuckets (as the tests take it). */
const owner: SourceStep = { op: 'ListBuckets', params: {}, capture: { ownerId: '$.Owner.ID' } };
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const fullAcp = {
  Owner: { ID: '{{ownerId}}' },
  Grants: [
    { Grantee: { ID: '{{ownerId}}', Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' },
    { Grantee: { URI: LOG_DELIVERY, Type: 'Group' }, Permission: 'WRITE' },
  ],
};
/** The failing AccessControlPolicy documents of the ACL exception tests, in order (acp-acl-1 .. 6). */
const BAD_ACPS = [
  { Grants: [{ Grantee: { URI: LOG_DELIVERY, Type: 'Group' }, Permission: 'WRITE' }] },
  { Owner: { ID: '{{ownerId}}' }, Grants: [{ Grantee: { URI: LOG_DELIVERY, Type: 'Group' }, Permission: 'WRONG-PERMISSION' }] },
  { Owner: { ID: 'wrong-id' }, Grants: [{ Grantee: { URI: LOG_DELIVERY, Type: 'Group' }, Permission: 'FULL_CONTROL' }] },
  { Owner: { ID: '{{ownerId}}' }, Grants: [{ Grantee: { URI: 'http://acs.amazonaws.com/groups/s3/FakeGroup', Type: 'Group' }, Permission: 'FULL_CONTROL' }] },
  { Owner: { ID: '{{ownerId}}' }, Grants: [{ Grantee: { ID: 'wrong-id', Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' }] },
  { Owner: { ID: '{{ownerId}}' }, Grants: [{ Grantee: { ID: 'wrong-id', Type: 'BadType' }, Permission: 'FULL_CONTROL' }] },
];
const OWNER_ONLY_ACP = { Owner: { ID: '{{ownerId}}' }, Grants: [{ Grantee: { ID: '{{ownerId}}', Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' }] };

/** The ACL exception sequence, on the bucket (`bucket`) or on an object (`object`): the calls and their snapshot names. */
function aclExceptions(kind: 'bucket' | 'object'): SourceStep[] {
  const op = kind === 'bucket' ? 'PutBucketAcl' : 'PutObjectAcl';
  const target = kind === 'bucket' ? {} : { Key: 'object-key-acl' };
  const call = (snapshot: string, params: Record<string, unknown>) => onBucket(op, snapshot, { ...target, ...params });
  const name = (suffix: string) => `put-${kind}-${suffix}`;
  return [
    ...(kind === 'object' ? [onBucket('PutObject', 'put-object-canned-acl', { Key: 'object-key-acl', ACL: 'fake-acl' })] : []),
    call(kind === 'bucket' ? name('canned-acl') : 'put-object-acl-canned-acl', { ACL: 'fake-acl' }),
    call(name('grant-acl-fake-uri'), { GrantWrite: 'uri="http://acs.amazonaws.com/groups/s3/FakeGroup"' }),
    call(name('grant-acl-fake-key'), { GrantWrite: 'fakekey="1234"' }),
    call(name('grant-acl-wrong-id'), { GrantWrite: 'id="wrong-id"' }),
    ...BAD_ACPS.map((AccessControlPolicy, i) => call(name(`acp-acl-${i + 1}`), { AccessControlPolicy })),
    call(name('empty-acp'), { AccessControlPolicy: {} }),
    call(kind === 'bucket' ? name('empty') : 'put-object-acl-empty', {}),
    call(name('two-type-acl'), { ACL: 'private', GrantRead: `uri="${LOG_DELIVERY}"` }),
    call(name('two-type-acl-acp'), { ACL: 'private', AccessControlPolicy: OWNER_ONLY_ACP }),
  ];
}

/** AWS stopped sending owners' DisplayName since the recording. */
const OWNER_WORDS = ['$.Owner.DisplayName', '$.Grants[*].Grantee.DisplayName'];

/** The body digests of JSON_BODY botocore computes only with its CRT extension (the values AWS returned for them). */
const CRT_DIGESTS: Record<string, string> = { CRC32C: '078Ilw==', CRC64NVME: 'pX30eiUx5C0=' };
const checksumOf = (algorithm: string) => (Object.hasOwn(CRT_DIGESTS, algorithm) ? { [`Checksum${algorithm}`]: CRT_DIGESTS[algorithm] } : { ChecksumAlgorithm: algorithm });

const PAST = '2020-01-01T00:00:00Z';
const FUTURE = '2099-01-01T00:00:00Z';

/** test_s3_get_object_preconditions for GetObject or HeadObject; "now" (a moment after the write) is the object's own time. */
function readPreconditions(op: 'GetObject' | 'HeadObject'): SourceStep[] {
  const call = (snapshot: string, params: Record<string, unknown>): SourceStep => ({ ...onBucket(op, snapshot, { Key: 'test-object', ...params }), ...(op === 'GetObject' ? { ignore: ['$.Body'] } : {}) });
  return [
    createBucket(),
    withCapture(put('test-object', 'data'), { etag: '$.ETag', bareEtag: { from: '$.ETag', regex: '^"(.*)"$' } }),
    withCapture(head('test-object'), { lastModified: 'header:last-modified' }),
    call('precondition-if-match', { IfModifiedSince: '{{lastModified}}', IfUnmodifiedSince: PAST, IfMatch: 'etag123', IfNoneMatch: '{{etag}}' }),
    call('precondition-if-unmodified-since', { IfModifiedSince: '{{lastModified}}', IfUnmodifiedSince: PAST, IfNoneMatch: '{{etag}}' }),
    call('precondition-if-none-match', { IfModifiedSince: '{{lastModified}}', IfNoneMatch: '{{etag}}' }),
    call('copy-precondition-if-modified-since', { IfModifiedSince: '{{lastModified}}' }),
    call('obj-ignore-future-modified-since', { IfModifiedSince: FUTURE }),
    call('etag-missing-quotes', { IfModifiedSince: '{{lastModified}}', IfNoneMatch: '{{bareEtag}}' }),
    call('precondition-if-unmodified-since-is-object', { IfUnmodifiedSince: '{{lastModified}}' }),
    call('precondition-if-modified-since-is-object', { IfModifiedSince: '{{lastModified}}' }),
    call('obj-success', { IfMatch: '{{bareEtag}}', IfNoneMatch: 'etag123', IfModifiedSince: PAST, IfUnmodifiedSince: '{{lastModified}}' }),
  ];
}

/** The ACL validation tests (held back until the emulator validates grants as AWS does). */
export const aclExceptionScenarios: SourceScenario[] = [
  { test: 'TestS3::test_s3_bucket_acl_exceptions', steps: [createBucket(), owner, ...aclExceptions('bucket')] },
  { test: 'TestS3::test_s3_object_acl_exceptions', steps: [createBucket(), owner, onBucket('PutObject', undefined, { Key: 'object-key-acl' }), ...aclExceptions('object')] },
];

export const testS3CopyScenarios: SourceScenario[] = [
  {
    test: 'TestS3::test_head_object_fields',
    steps: [createBucket(), put('my-key', 'abcdefgh'), head('my-key', 'head-object'), head('doesnotexist', 'head-object-404')],
  },
  {
    test: 'TestS3::test_get_object_after_deleted_in_versioned_bucket',
    steps: [
      createBucket(),
      versioning('Enabled'),
      put('my-key', 'abcdefgh'),
      getObject('my-key', 'get-object'),
      onBucket('DeleteObject', undefined, { Key: 'my-key' }),
      onBucket('GetObject', 'get-object-after-delete', { Key: 'my-key' }),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_metadata_replace',
    steps: [
      createBucket(),
      put(SRC, JSON_BODY, 'put_object', { ContentType: 'application/json', Metadata: { key: 'value' }, ContentLanguage: 'en-US' }),
      head(SRC, 'head_object'),
      copy(`${SRC}-copy`, 'copy_object', { Metadata: { 'another-key': 'value' }, ContentType: 'image/jpg', MetadataDirective: 'REPLACE' }),
      head(`${SRC}-copy`, 'head_object_copy'),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_metadata_directive_copy',
    steps: [
      createBucket(),
      put(SRC, 'test', 'put-object', { Metadata: { key: 'value' }, ContentLanguage: 'en-US' }),
      head(SRC, 'head-object'),
      copy(`${SRC}-copy`, 'copy-object', { Metadata: { 'another-key': 'value' }, ContentLanguage: 'en-GB', ContentType: 'image/jpg', MetadataDirective: 'COPY' }),
      head(`${SRC}-copy`, 'head-object-copy'),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_tagging_directive',
    steps: (directive) => {
      const kw = directive === 'None' ? {} : { TaggingDirective: directive };
      return [
        createBucket(),
        put(SRC, 'test', 'put-object', { Tagging: 'key1=value1' }),
        tags(SRC, 'get-object-tag'),
        copy(`${SRC}-copy`, 'copy-object', { Tagging: 'key2=value2', ...kw }),
        tags(`${SRC}-copy`, 'get-copy-object-tag'),
        copy(`${SRC}-copy-tag-empty`, 'copy-object-tag-empty', kw),
        tags(`${SRC}-copy-tag-empty`, 'get-copy-object-tag-empty'),
      ];
    },
  },
  {
    test: 'TestS3::test_s3_copy_tagging_directive_versioned',
    steps: (directive) => {
      const kw = directive === 'None' ? {} : { TaggingDirective: directive };
      const v1 = `${SRC}?versionId={{v1}}`;
      return [
        createBucket(),
        versioning('Enabled'),
        withCapture(put(SRC, 'test', 'put-object', { Tagging: 'key1=value1' }), { v1: '$.VersionId' }),
        put(SRC, 'test-v2', 'put-object-v2', { Tagging: 'key1=value1-v2' }),
        tags(SRC, 'get-object-tag'),
        tags(SRC, 'get-object-tag-v1', { VersionId: '{{v1}}' }),
        copy(`${SRC}-copy`, 'copy-object', { Tagging: 'key2=value2', ...kw }),
        tags(`${SRC}-copy`, 'get-copy-object-tag'),
        copy(`${SRC}-copy-tag-empty`, 'copy-object-tag-empty', kw),
        tags(`${SRC}-copy-tag-empty`, 'get-copy-object-tag-empty'),
        copy(`${SRC}-copy-v1`, 'copy-object-v1', { Tagging: 'key2=value2', ...kw }, v1),
        tags(`${SRC}-copy-v1`, 'get-copy-object-tag-v1'),
        copy(`${SRC}-copy-tag-empty-v1`, 'copy-object-tag-empty-v1', kw, v1),
        tags(`${SRC}-copy-tag-empty-v1`, 'get-copy-object-tag-empty-v1'),
      ];
    },
  },
  {
    test: 'TestS3::test_s3_copy_content_type_and_metadata',
    steps: [
      createBucket(),
      putJson('put_object'),
      head(SRC, 'head_object'),
      copy(`${SRC}-copy`, 'copy_object'),
      head(`${SRC}-copy`, 'head_object_copy'),
      onBucket('DeleteObjects', undefined, { Delete: { Objects: [{ Key: `${SRC}-copy` }] } }),
      copy(`${SRC}-second-copy`, 'copy_object_second', { Metadata: { 'another-key': 'value' }, ContentType: 'application/javascript' }),
      head(`${SRC}-second-copy`, 'head_object_second_copy'),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_in_place',
    steps: [
      createBucket(),
      ...allowBucketAcl,
      putJson('put_object'),
      head(SRC, 'head_object'),
      attrs(SRC, 'object-attrs'),
      copy(SRC, 'copy-object-in-place-no-change'),
      copy(SRC, 'copy-object-in-place-with-storage-class', { ChecksumAlgorithm: 'SHA256', StorageClass: 'STANDARD' }),
      attrs(SRC, 'object-attrs-after-copy'),
      { ...onBucket('GetObjectAcl', 'object-acl', { Key: SRC }), ignore: OWNER_WORDS },
      copy(SRC, 'copy-object-in-place-with-acl', { ACL: 'public-read' }),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_in_place_versioned',
    steps: [
      createBucket(),
      ...allowBucketAcl,
      versioning('Enabled'),
      putJson('put_object'),
      head(SRC, 'head_object'),
      attrs(SRC, 'object-attrs'),
      copy(SRC, 'copy-object-in-place-no-change'),
      withCapture(copy(SRC, 'copy-in-place-versioned', { MetadataDirective: 'REPLACE' }), { copied: '$.VersionId' }),
      head(SRC, 'head-object-copied'),
      getObject(SRC, 'get-object-copied'),
      versioning('Suspended'),
      copy(SRC, 'copy-in-place-versioned-suspended', { MetadataDirective: 'REPLACE' }),
      head(SRC, 'head-object-copied-suspended'),
      getObject(SRC, 'get-object-copied-suspended'),
      head(SRC, 'head-object-previous-version-suspended', { VersionId: '{{copied}}' }),
      versioning('Enabled'),
      copy(SRC, 'copy-in-place-versioned-re-enabled', { MetadataDirective: 'REPLACE' }),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_in_place_suspended_only',
    steps: [
      createBucket(),
      ...allowBucketAcl,
      putJson('put_object'),
      head(SRC, 'head_object'),
      copy(SRC, 'copy-in-place-non-versioned', { MetadataDirective: 'REPLACE' }),
      head(SRC, 'head-object-copied'),
      getObject(SRC, 'get-object-copied'),
      versioning('Suspended'),
      copy(SRC, 'copy-in-place-versioned-suspended', { MetadataDirective: 'REPLACE' }),
      head(SRC, 'head-object-copied-suspended'),
      getObject(SRC, 'get-object-copied-suspended'),
      copy(SRC, 'copy-in-place-versioned-suspended-twice', { MetadataDirective: 'REPLACE' }),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_in_place_storage_class',
    steps: [
      createBucket(),
      put(SRC, 'test', 'put-object', { StorageClass: 'STANDARD' }),
      head(SRC, 'head-object'),
      attrs(SRC, 'object-attrs'),
      copy(SRC, 'copy-object-in-place-with-storage-class', { StorageClass: 'STANDARD' }),
      attrs(SRC, 'object-attrs-after-copy'),
    ],
  },
  {
    test: 'TestS3::test_copy_in_place_with_bucket_encryption',
    steps: [
      createBucket(),
      onBucket('PutBucketEncryption', 'put-bucket-encryption', {
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] },
      }),
      put('test-enc', '', 'put-obj'),
      copy('test-enc', 'copy-obj', {}, 'test-enc'),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_in_place_metadata_directive',
    steps: [
      createBucket(),
      putJson('put_object'),
      head(SRC, 'head_object'),
      copy(SRC, 'no-metadata-directive-fail', { Metadata: { key: 'value' } }),
      copy(SRC, 'copy-replace-directive', { Metadata: { key2: 'value2' }, MetadataDirective: 'REPLACE' }),
      head(SRC, 'head-replace-directive'),
      copy(SRC, 'copy-copy-directive', { MetadataDirective: 'COPY', StorageClass: 'STANDARD' }),
      head(SRC, 'head-copy-directive'),
      copy(SRC, 'copy-copy-directive-ignore', { MetadataDirective: 'COPY', Metadata: { key3: 'value3' }, StorageClass: 'STANDARD' }),
      head(SRC, 'head-copy-directive-ignore'),
      copy(SRC, 'copy-replace-directive-empty', { MetadataDirective: 'REPLACE' }),
      head(SRC, 'head-replace-directive-empty'),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_in_place_website_redirect_location',
    steps: [
      createBucket(),
      put(SRC, 'test', 'put-object', { WebsiteRedirectLocation: '/test/direct' }),
      head(SRC, 'head-object'),
      copy(SRC, 'copy-object-in-place-with-website-redirection', { WebsiteRedirectLocation: '/test/direct' }),
      head(SRC, 'head-object-after-copy'),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_storage_class',
    steps: [
      createBucket(),
      put(SRC, 'test', 'put-object', { StorageClass: 'STANDARD_IA' }),
      head(SRC, 'head-object'),
      attrs(SRC, 'object-attrs'),
      copy('dest-object', 'copy-object-in-place-with-storage-class'),
      attrs('dest-object', 'object-attrs-after-copy'),
      copy(SRC, 'exc-invalid-request-storage-class'),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_with_checksum',
    steps: (algorithm) => [
      createBucket(),
      putJson('put-object-no-checksum'),
      attrs(SRC, 'object-attrs', ['Checksum']),
      copy(SRC, 'copy-object-in-place-with-checksum', { ChecksumAlgorithm: algorithm, Metadata: { key1: 'value1' }, MetadataDirective: 'REPLACE' }),
      attrs(SRC, 'object-attrs-after-copy', ['Checksum']),
      copy('dest-object', 'copy-object-to-dest-keep-checksum'),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_with_default_checksum',
    note: 'CRC32C and CRC64NVME digests need botocore’s CRT extension, absent here: the contract sends the digest boto3 computes (the value AWS answered with)',
    steps: (algorithm) => [
      createBucket(),
      put(SRC, JSON_BODY, 'put-object-no-checksum', { ContentType: 'application/json', ...checksumOf(algorithm), Metadata: { key: 'value' } }),
      attrs(SRC, 'object-attrs', ['Checksum']),
      copy(SRC, 'copy-object-in-place-with-no-checksum', { Metadata: { key1: 'value1' }, MetadataDirective: 'REPLACE' }),
      attrs(SRC, 'object-attrs-after-copy', ['Checksum']),
      copy('dest-object', 'copy-object-to-dest-keep-checksum'),
      attrs('dest-object', 'dest-object-attrs-after-copy', ['Checksum']),
    ],
  },
  {
    test: 'TestS3::test_s3_copy_object_wrong_format',
    steps: [createBucket(), onBucket('CopyObject', 'copy-object-wrong-copy-source', { Key: 'destination-key', CopySource: 'wrongformat' })],
  },
  {
    test: 'TestS3::test_s3_get_object_preconditions',
    steps: (method) => readPreconditions(method === 'head_object' ? 'HeadObject' : 'GetObject'),
    note: "the test's “now” (three seconds after the write) is the object's own Last-Modified, “now − 1 day” a fixed past date and “now + 1 day” a fixed future date: each falls on the same side of the object's time as in the test",
  },
  {
    test: 'TestS3::test_s3_multipart_upload_acls',
    steps: [
      createBucket(),
      ...allowBucketAcl,
      onBucket('PutBucketAcl', undefined, { ACL: 'public-read' }),
      { ...onBucket('GetBucketAcl', 'bucket-acl'), ignore: OWNER_WORDS },
      put('acl-key0', 'something'),
      { ...onBucket('GetObjectAcl', 'permission-acl-key0', { Key: 'acl-key0' }), ignore: OWNER_WORDS },
      createUpload('acl-key1'),
      uploadPart('acl-key1', 'upload-part-{{suffix}}'.repeat(5)),
      completeUpload('acl-key1'),
      { ...onBucket('GetObjectAcl', 'permission-acl-key1', { Key: 'acl-key1' }), ignore: OWNER_WORDS },
      createUpload('acl-key2', undefined, { ACL: 'public-read-write' }),
      uploadPart('acl-key2', 'upload-part-{{suffix}}'.repeat(5)),
      completeUpload('acl-key2'),
      { ...onBucket('GetObjectAcl', 'permission-acl-key2', { Key: 'acl-key2' }), ignore: OWNER_WORDS },
    ],
  },
  {
    test: 'TestS3::test_s3_bucket_acl',
    steps: [
      createBucket(),
      ...allowBucketAcl,
      owner,
      onBucket('PutBucketAcl', undefined, { ACL: 'public-read' }),
      { ...onBucket('GetBucketAcl', 'get-bucket-acl'), ignore: OWNER_WORDS },
      onBucket('PutBucketAcl', undefined, { ACL: 'private' }),
      { ...onBucket('GetBucketAcl', 'get-bucket-canned-acl'), ignore: OWNER_WORDS },
      onBucket('PutBucketAcl', undefined, { GrantRead: `uri="${LOG_DELIVERY}"` }),
      { ...onBucket('GetBucketAcl', 'get-bucket-grant-acl'), ignore: OWNER_WORDS },
      onBucket('PutBucketAcl', undefined, { AccessControlPolicy: fullAcp }),
      { ...onBucket('GetBucketAcl', 'get-bucket-acp-acl'), ignore: OWNER_WORDS },
    ],
  },
  {
    test: 'TestS3::test_s3_object_acl',
    steps: [
      createBucket(),
      ...allowBucketAcl,
      owner,
      onBucket('PutObject', 'put-object-default-acl', { Key: 'object-key-acl' }),
      { ...onBucket('GetObjectAcl', 'get-object-acl-default', { Key: 'object-key-acl' }), ignore: OWNER_WORDS },
      onBucket('PutObjectAcl', 'put-object-acl', { Key: 'object-key-acl', ACL: 'public-read' }),
      { ...onBucket('GetObjectAcl', 'get-object-acl', { Key: 'object-key-acl' }), ignore: OWNER_WORDS },
      onBucket('PutObjectAcl', undefined, { Key: 'object-key-acl', GrantRead: `uri="${LOG_DELIVERY}"` }),
      { ...onBucket('GetObjectAcl', 'get-object-grant-acl', { Key: 'object-key-acl' }), ignore: OWNER_WORDS },
      onBucket('PutObjectAcl', undefined, { Key: 'object-key-acl', AccessControlPolicy: fullAcp }),
      { ...onBucket('GetObjectAcl', 'get-object-acp-acl', { Key: 'object-key-acl' }), ignore: OWNER_WORDS },
    ],
  },
];

