// Object reads and writes of LocalStack's AWS-validated TestS3 class (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3.py, Apache-2.0) reproduced as request sequences: keys with special characters,
// metadata, multipart uploads and their errors, ranges and object attributes.
import { repeated, type SourceScenario, type SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, completeUpload, createBucket, createUpload, fixtureTwoPartUpload, GZIP_BODY, onBucket, put, uploadPart, versioning, withCapture } from './common.ts';

/** A read whose snapshot shows the streamed body as "" (the test snapshotted it before reading): the body is not judged. */
export const getObject = (Key: string, snapshot?: string, extra: Record<string, unknown> = {}): SourceStep => ({
  ...onBucket('GetObject', snapshot, { Key, ...extra }),
  ignore: ['$.Body'],
});

/** botocore's CopySource header of a bucket and key: the key percent-encoded except `/` and `-._~`. */
export const copySource = (Bucket: string, Key: string) =>
  `${Bucket}/${Key.replace(/[^A-Za-z0-9\-._~/]/gu, (c) => Array.from(Buffer.from(c, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))}`;

/** boto3 asks for url-encoded keys in every listing (and decodes them). */
export const listV2 = (snapshot?: string, extra: Record<string, unknown> = {}): SourceStep => onBucket('ListObjectsV2', snapshot, { EncodingType: 'url', ...extra });

/** The `s3_empty_bucket` fixture on a bucket holding these keys. */
const emptyBucket = (keys: string[]): SourceStep => onBucket('DeleteObjects', undefined, { Delete: { Objects: keys.map((Key) => ({ Key })) } });

/** Why the virtual-host variants stay out. */
/** The steps of a test's own client, virtual-hosted-style in its `use_virtual_address` variant (`True`). */
const addressed = (param: string, steps: SourceStep[]): SourceStep[] => (param === 'True' ? steps.map((step) => ({ ...step, virtualHost: true })) : steps);
const SPECIAL_KEYS = ['file%2Fname', 'test@key/', 'test key/', 'test key//', 'a/%F0%9F%98%80/', 'test+key'];
const DEST = 'dest-{{suffix}}';
/** The test wrote literal words in place of the bucket and owner ids, and AWS stopped sending DisplayName since. */
const OWNER_NAMES = ['$.Bucket', '$.Initiator.DisplayName', '$.Owner.DisplayName', '$.Initiator.ID', '$.Owner.ID'];
const UPLOAD_OWNER_NAMES = ['$.Uploads[*].Initiator.DisplayName', '$.Uploads[*].Owner.DisplayName', '$.Uploads[*].Initiator.ID', '$.Uploads[*].Owner.ID'];
const TEN = Array.from({ length: 10 }, (_, i) => i);
const TWO_PARTS = 'test-get-obj-attrs-multipart-2';
const twoPartUpload = (upload: string) => fixtureTwoPartUpload(TWO_PARTS, 'upload-part-1'.repeat(5), upload);

export const testS3ObjectScenarios: SourceScenario[] = [
  {
    test: 'TestS3::test_s3_upload_download_gzip',
    steps: [createBucket(), onBucket('PutObject', 'put-object', { Key: 'test.gz', ContentEncoding: 'gzip', Body: GZIP_BODY }), getObject('test.gz', 'get-object')],
  },
  {
    test: 'TestS3::test_upload_big_file',
    steps: [
      createBucket(),
      onBucket('PutObject', 'put_object_key1', { Key: 'test_key1', Body: repeated('\x01', 10_000_000) }),
      onBucket('PutObject', 'put_object_key2', { Key: 'test_key1', Body: repeated('a', 10_000_000) }),
      onBucket('HeadObject', 'head_object_key1', { Key: 'test_key1' }),
      onBucket('HeadObject', 'head_object_key2', { Key: 'test_key1' }),
    ],
    note: 'both keys of the test are `test_key1`: the second body replaces the first, as both heads show',
  },
  {
    test: 'TestS3::test_delete_bucket_with_content',
    unreproduced: {
      'list-buckets': 'ListBuckets answers with every bucket of the account, which the other contracts of a corpus run create too',
    },
    steps: [
      createBucket(),
      ...TEN.map((i) => put(`test-key-${i}`, `test-${i}`)),
      onBucket('ListObjects', 'list-objects', { MaxKeys: 100, EncodingType: 'url' }),
      emptyBucket(TEN.map((i) => `test-key-${i}`)),
      onBucket('DeleteBucket'),
    ],
    note: 'list-buckets is not judged: ListBuckets answers with every bucket of the account, which other contracts of a corpus run create too',
  },
  {
    test: 'TestS3::test_put_and_get_object_with_utf8_key',
    steps: [createBucket(), put('Ā0Ä', 'abc123', 'put-object'), getObject('Ā0Ä', 'get-object')],
  },
  {
    test: 'TestS3::test_put_and_get_object_with_content_language_disposition',
    unreproduced: {
      'put-object-headers': 'a raw HTTP header dump; the verifier judges the parsed response (put-object)',
      'get-object-headers': 'a raw HTTP header dump; the verifier judges the parsed response (get-object)',
    },
    steps: [
      createBucket(),
      put('test', 'abc123', 'put-object', { ContentLanguage: 'de', ContentDisposition: 'attachment; filename="foo.jpg"', CacheControl: 'no-cache' }),
      getObject('test', 'get-object'),
    ],
    note: 'the raw HTTP header dumps (put-object-headers, get-object-headers) are not judged: the verifier compares the parsed response',
  },
  {
    test: 'TestS3::test_user_metadata_rfc2047_encoded',
    steps: [
      createBucket(),
      onBucket('PutObject', 'put-object', {
        Key: 'test',
        Metadata: {
          // The encoded forms the test's encode_header_rfc2047 sent (AWS returns undecodable-to-ASCII values as sent).
          'non-ascii': '=?UTF-8?Q?test=5F=E2=80=94=5Ffile%E2%80%94=5F=C3=A9=5F2=3F.pdf?=',
          'non-ascii-2': '=?UTF-8?Q?=C3=84M=C3=84Z=C3=95=C3=91_S3?=',
          'non-ascii-binary': '=?UTF-8?B?AAECAw==?=',
          'replacement-chars': '=?UTF-8?B?77+977+977+977+977+977+977+9?=',
          'fake-encoded': '=?UTF-8?Q?actually-ascii?=',
          'asciib64-encoded': '=?UTF-8?B?YWJj?=',
          'safe-chars': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ \t',
        },
      }),
      getObject('test', 'get-object'),
    ],
  },
  {
    test: 'TestS3::test_user_metadata_rfc2047_bad_b64_encoded',
    steps: [
      createBucket(),
      onBucket('PutObject', 'put-object', { Key: 'test', Metadata: { 'bad-b64-encoded': '=?UTF-8?B?=GGG?=' } }),
      { ...getObject('test', 'get-object'), ignore: ['$.Body', '$.Metadata.bad-b64-encoded'] },
    ],
    note: 'the test skips the undecodable metadata value AWS returns ($..Metadata.bad-b64-encoded); so does the contract',
  },
  {
    test: 'TestS3::test_object_with_slashes_in_key',
    steps: (param) => [
      createBucket(),
      ...addressed(param, [
        put('/foo', 'foobar'),
        put('bar', 'barfoo'),
        put('/bar/foo/', 'test'),
        listV2('list-objects-slashes'),
        { ...onBucket('GetObject', undefined, { Key: 'foo' }), fails: true },
        { ...onBucket('GetObject', undefined, { Key: '//foo' }), fails: true },
        { ...onBucket('GetObject', undefined, { Key: '/bar' }), fails: true },
        onBucket('GetObject', undefined, { Key: '/foo' }),
        onBucket('GetObject', undefined, { Key: 'bar' }),
        onBucket('GetObject', undefined, { Key: '/bar/foo/' }),
      ]),
    ],
  },
  {
    test: 'TestS3::test_metadata_header_character_decoding',
    steps: [
      createBucket(),
      onBucket('PutObject', undefined, { Key: 'key-with-metadata', Body: 'foo', Metadata: { TEST_META_1: 'foo', __meta_2: 'bar' } }),
      onBucket('HeadObject', 'head-object', { Key: 'key-with-metadata' }),
    ],
  },
  {
    test: 'TestS3::test_upload_file_multipart',
    steps: [
      createBucket(),
      createUpload('my-key', undefined, { ChecksumAlgorithm: 'CRC32' }),
      withCapture(uploadPart('my-key', '1'.repeat(6 * 1024), 1), { partCrc32: '$.ChecksumCRC32' }),
      completeUpload('my-key', undefined, { MultipartUpload: { Parts: [{ ETag: '{{part1}}', PartNumber: 1, ChecksumCRC32: '{{partCrc32}}' }] } }),
      getObject('my-key', 'get_object'),
    ],
    note: "boto3's upload_file raises the 1 KiB chunk size to S3's 5 MiB minimum: the 6 KiB file goes up as one part of a multipart upload, with CRC32 checksums (s3transfer lists each part's checksum in the completion)",
  },
  {
    test: 'TestS3::test_put_get_object_special_character',
    steps: (key) => [
      createBucket(),
      put(key, 'test', 'put-object-special-char'),
      listV2('list-object-special-char'),
      getObject(key, 'get-object-special-char'),
      onBucket('DeleteObject', 'del-object-special-char', { Key: key }),
    ],
  },
  {
    test: 'TestS3::test_put_get_object_single_character_trailing_slash',
    steps: [
      createBucket(),
      ...['a/', 't/', 'u/'].flatMap((key) => [put(key, 'test', `put-object-single-char-${key}`), getObject(key, `get-object-single-char-${key}`)]),
      listV2('list-objects-single-char'),
    ],
  },
  {
    test: 'TestS3::test_multipart_with_unicode_character_location',
    steps: [
      createBucket(),
      { ...createUpload('test-unicode_—_file', 'create-multipart'), ignore: ['$.Bucket'] },
      uploadPart('test-unicode_—_file', 'upload-part-1'),
      { ...completeUpload('test-unicode_—_file', 'complete-multipart'), ignore: ['$.Bucket'] },
    ],
    note: 'the test wrote "bucket" in place of the bucket name: the contract does not judge it',
  },
  {
    test: 'TestS3::test_copy_object_special_character',
    steps: [
      createBucket(),
      createBucket(DEST),
      ...SPECIAL_KEYS.flatMap((key) => [
        put(key, 'test', `put-object-src-special-char-${key}`),
        { op: 'CopyObject', params: { Bucket: DEST, Key: key, CopySource: copySource(BUCKET, key) }, snapshot: `copy-object-special-char-${key}` },
      ]),
      { op: 'ListObjectsV2', params: { Bucket: DEST, EncodingType: 'url' }, snapshot: 'list-object-copy-dest-special-char' },
    ],
  },
  {
    test: 'TestS3::test_url_encoded_key',
    steps: (param) => [
      createBucket(),
      ...addressed(param, [
        put('test@key/', 'test-non-encoded'),
        put('test%40key/', 'test-encoded'),
        put('test%40key', 'test-encoded-no-trailing'),
        onBucket('GetObject', undefined, { Key: 'test@key/' }),
        onBucket('GetObject', undefined, { Key: 'test%40key/' }),
        onBucket('GetObject', undefined, { Key: 'test%40key' }),
        listV2('list-object-encoded-char'),
      ]),
    ],
  },
  {
    test: 'TestS3::test_get_object_attributes',
    steps: [
      createBucket(),
      put('data.txt', '69\n420\n'),
      onBucket('GetObjectAttributes', 'object-attrs', { Key: 'data.txt', ObjectAttributes: ['StorageClass', 'ETag', 'ObjectSize', 'ObjectParts', 'Checksum'] }),
      createUpload('test-get-obj-attrs-multipart'),
      uploadPart('test-get-obj-attrs-multipart', 'upload-part-1'.repeat(5)),
      completeUpload('test-get-obj-attrs-multipart'),
      onBucket('GetObjectAttributes', 'object-attrs-multiparts-1-part', {
        Key: 'test-get-obj-attrs-multipart',
        ObjectAttributes: ['StorageClass', 'ETag', 'ObjectSize', 'ObjectParts'],
      }),
      ...twoPartUpload('upload2'),
      onBucket('GetObjectAttributes', 'object-attrs-multiparts-2-parts', { Key: TWO_PARTS, ObjectAttributes: ['StorageClass', 'ETag', 'ObjectSize', 'ObjectParts'], MaxParts: 3 }),
      ...twoPartUpload('upload3'),
      onBucket('GetObjectAttributes', 'object-attrs-multiparts-2-parts-checksum', { Key: TWO_PARTS, ObjectAttributes: ['StorageClass', 'ETag', 'ObjectSize', 'Checksum'], MaxParts: 3 }),
    ],
    note: "the s3_multipart_upload fixture's two-part uploads: its data repeated past 5 MiB (80,660 times: 5,242,900 bytes), then the data once",
  },
  {
    test: 'TestS3::test_get_object_attributes_versioned',
    steps: [
      createBucket(),
      versioning('Enabled'),
      withCapture(put('key-attrs-versioned', '69\n420\n', 'put-obj-v1'), { v1: '$.VersionId' }),
      put('key-attrs-versioned', 'version 2', 'put-obj-v2'),
      onBucket('GetObjectAttributes', 'object-attrs', { Key: 'key-attrs-versioned', ObjectAttributes: ['StorageClass', 'ETag', 'ObjectSize', 'ObjectParts', 'Checksum'] }),
      onBucket('DeleteObject', 'delete-key', { Key: 'key-attrs-versioned' }),
      onBucket('GetObjectAttributes', 'deleted-object-attrs', { Key: 'key-attrs-versioned', ObjectAttributes: ['StorageClass', 'ETag', 'ObjectSize'] }),
      onBucket('GetObjectAttributes', 'get-object-attrs-v1', { Key: 'key-attrs-versioned', VersionId: '{{v1}}', ObjectAttributes: ['StorageClass', 'ETag', 'ObjectSize'] }),
    ],
  },
  {
    test: 'TestS3::test_multipart_and_list_parts',
    steps: [
      createBucket(),
      { ...createUpload('test-list-parts', 'create-multipart'), ignore: ['$.Bucket'] },
      { ...onBucket('ListParts', 'list-part-after-created', { Key: 'test-list-parts', UploadId: '{{uploadId}}' }), ignore: OWNER_NAMES },
      { ...onBucket('ListMultipartUploads', 'list-all-uploads'), ignore: ['$.Bucket', ...UPLOAD_OWNER_NAMES] },
      uploadPart('test-list-parts', 'upload-part-1'.repeat(5), 1, 'upload-part'),
      { ...onBucket('ListParts', 'list-part-after-upload', { Key: 'test-list-parts', UploadId: '{{uploadId}}' }), ignore: OWNER_NAMES },
      { ...onBucket('ListMultipartUploads', 'list-all-uploads-after'), ignore: ['$.Bucket', ...UPLOAD_OWNER_NAMES] },
      { ...completeUpload('test-list-parts', 'complete-multipart'), ignore: ['$.Bucket'] },
      onBucket('ListParts', 'list-part-after-complete-exc', { Key: 'test-list-parts', UploadId: '{{uploadId}}' }),
      { ...onBucket('ListMultipartUploads', 'list-all-uploads-completed'), ignore: ['$.Bucket'] },
      onBucket('HeadObject', 'head-multipart-checksum', { Key: 'test-list-parts', ChecksumMode: 'ENABLED' }),
      getObject('test-list-parts', 'get-multipart-checksum', { ChecksumMode: 'ENABLED' }),
    ],
    note: 'the test wrote "bucket" in place of the bucket name and AWS stopped sending owners’ DisplayName since the recording: neither is judged',
  },
  {
    test: 'TestS3::test_multipart_no_such_upload',
    steps: [
      createBucket(),
      onBucket('UploadPart', 'upload-exc', { Key: 'fake-key', Body: 'data', PartNumber: 1, UploadId: 'fakeid' }),
      onBucket('CompleteMultipartUpload', 'complete-exc', { Key: 'fake-key', UploadId: 'fakeid' }),
      onBucket('AbortMultipartUpload', 'abort-exc', { Key: 'fake-key', UploadId: 'fakeid' }),
    ],
  },
  {
    test: 'TestS3::test_multipart_complete_multipart_too_small',
    steps: [
      createBucket(),
      createUpload('test-upload-part-exc'),
      uploadPart('test-upload-part-exc', 'data', 1, 'upload-part1'),
      uploadPart('test-upload-part-exc', 'data', 2, 'upload-part2'),
      onBucket('CompleteMultipartUpload', 'complete-exc-no-parts', { Key: 'test-upload-part-exc', UploadId: '{{uploadId}}' }),
      completeUpload('test-upload-part-exc', 'complete-exc-too-small', {}, 2),
    ],
  },
  {
    test: 'TestS3::test_multipart_complete_multipart_wrong_part',
    steps: [
      createBucket(),
      createUpload('test-upload-part-exc'),
      uploadPart('test-upload-part-exc', 'data'),
      onBucket('CompleteMultipartUpload', 'complete-exc-wrong-part-number', {
        Key: 'test-upload-part-exc',
        UploadId: '{{uploadId}}',
        MultipartUpload: { Parts: [{ ETag: '{{part1}}', PartNumber: 2 }] },
      }),
      onBucket('CompleteMultipartUpload', 'complete-exc-wrong-etag', {
        Key: 'test-upload-part-exc',
        UploadId: '{{uploadId}}',
        MultipartUpload: { Parts: [{ ETag: 'd41d8cd98f00b204e9800998ecf8427e', PartNumber: 1 }] },
      }),
    ],
  },
  {
    test: 'TestS3::test_put_and_get_object_with_hash_prefix',
    steps: [createBucket(), put('#key-with-hash-prefix', 'test 123', 'put-object'), getObject('#key-with-hash-prefix', 'get-object')],
  },
  {
    test: 'TestS3::test_invalid_range_error',
    steps: [createBucket(), put('my-key', 'abcdefgh'), onBucket('GetObject', 'exc', { Key: 'my-key', Range: 'bytes=1024-4096' })],
  },
  {
    test: 'TestS3::test_range_key_not_exists',
    steps: [createBucket(), onBucket('GetObject', 'exc', { Key: 'my-key', Range: 'bytes=1024-4096' })],
  },
];

