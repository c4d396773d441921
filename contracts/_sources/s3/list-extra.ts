// Version, multipart-upload and part listings of LocalStack's AWS-validated suite (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_list_operations.py, Apache-2.0) reproduced as request sequences. Upload ids are
// captured under the placeholder names the snapshot gave them (in the order the test created them).
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { completeUpload, createBucket, createUpload, LARGE_PART, onBucket, put, unencodedListing, uploadPart, versioning, withCapture } from './common.ts';

const versions = (params: Record<string, unknown>, snapshot?: string, capture?: SourceStep['capture']): SourceStep =>
  withCapture(onBucket('ListObjectVersions', snapshot, { EncodingType: 'url', ...params }), capture ?? {});
const uploads = (params: Record<string, unknown>, snapshot: string, capture?: SourceStep['capture']): SourceStep => ({
  ...withCapture(onBucket('ListMultipartUploads', snapshot, params), capture ?? {}),
  // AWS stopped sending owners' DisplayName since the recording.
  ignore: ['$.Uploads[*].Initiator.DisplayName'],
});
const FOLDER_KEYS = ['folder/aSubfolder/subFile1', 'folder/aSubfolder/subFile2', 'folder/file1', 'folder/file2'];
const FOLDER = { Prefix: 'folder/', Delimiter: '/', MaxKeys: 1 };
const PARTS_KEY = 'test-list-part-pagination';
const parts = (params: Record<string, unknown>, snapshot: string, Key = PARTS_KEY): SourceStep => ({
  ...onBucket('ListParts', snapshot, { Key, UploadId: '{{uploadId}}', ...params }),
  ignore: ['$.Initiator.DisplayName', '$.Owner.DisplayName'],
});
const EMPTY_MARKER_KEY = 'test-list-part-empty-marker';
const ATTRS_KEY = 'test-object-attrs-pagination';
const objectParts = (params: Record<string, unknown>, snapshot?: string): SourceStep =>
  onBucket('GetObjectAttributes', snapshot, { Key: ATTRS_KEY, ObjectAttributes: ['ObjectParts'], ...params });
const ENCODING_CALLS: Record<string, string> = {
  list_objects_v2: 'ListObjectsV2',
  list_objects: 'ListObjects',
  list_object_versions: 'ListObjectVersions',
  list_multipart_uploads: 'ListMultipartUploads',
};

export const listExtraScenarios: SourceScenario[] = [
  {
    test: 'TestS3ListObjectVersions::test_list_object_versions_pagination_common_prefixes',
    steps: [
      createBucket(),
      versioning('Enabled'),
      ...FOLDER_KEYS.map((key) => put(key, 'content 123')),
      versions({}, 'list-object-versions-all-keys'),
      versions(FOLDER, 'list-object-versions-start', { marker1: '$.NextKeyMarker' }),
      versions({ ...FOLDER, KeyMarker: '{{marker1}}' }, 'list-object-versions-next-1', { marker2: '$.NextKeyMarker' }),
      versions({ ...FOLDER, KeyMarker: '{{marker2}}' }, 'list-object-versions-end'),
      versions({ ...FOLDER, KeyMarker: 'folder/aSubfolder/subFile1' }, 'list-object-versions-manual-first-file'),
    ],
  },
  {
    test: 'TestS3ListObjectVersions::test_list_objects_versions_with_prefix',
    steps: [
      createBucket(),
      versioning('Enabled'),
      put('dir/test', 'content key1-v1'),
      put('dir/test', 'content key-1v2'),
      put('dir/subdir/test2', 'content key2-v1'),
      put('dir/subdir/test2', 'content key2-v2'),
      ...['dir/', 'dir/s', 'dir/test', 'dir/subdir', 'dir/subdir/', 'dir/subdir/test2'].map((Prefix, i) =>
        versions({ Prefix, Delimiter: '/' }, `list-object-version-${i + 1}`),
      ),
      unencodedListing('ListObjectVersions', 'list-objects-versions-no-encoding', { Prefix: 'dir/subdir', Delimiter: '/' }, 'ListVersionsResult'),
    ],
  },
  {
    test: 'TestS3ListObjectVersions::test_list_objects_versions_with_prefix_only_and_pagination',
    steps: [
      createBucket(),
      versioning('Enabled'),
      ...Array.from({ length: 5 }, () => onBucket('PutObject', undefined, { Key: 'prefixed_key' })),
      onBucket('PutObject', undefined, { Key: 'non_prefixed_key' }),
      versions({ Prefix: 'prefix' }, 'list-object-version-prefix-full'),
      versions({ Prefix: 'prefix', MaxKeys: 3 }, 'list-object-version-prefix-page-1', {
        keyMarker: '$.NextKeyMarker',
        versionMarker: '$.NextVersionIdMarker',
        v0: '$.Versions[0].VersionId',
        v1: '$.Versions[1].VersionId',
        v2: '$.Versions[2].VersionId',
      }),
      versions({ Prefix: 'prefix', MaxKeys: 4, KeyMarker: '{{keyMarker}}' }, 'list-object-version-prefix-key-marker-only'),
      versions({ Prefix: 'prefix', MaxKeys: 5, KeyMarker: '{{keyMarker}}', VersionIdMarker: '{{versionMarker}}' }, 'list-object-version-prefix-page-2'),
      onBucket('DeleteObjects', undefined, {
        Delete: { Objects: ['{{v0}}', '{{v1}}', '{{v2}}'].map((VersionId) => ({ Key: 'prefixed_key', VersionId })) },
      }),
      versions({ Prefix: 'prefix', MaxKeys: 5, KeyMarker: '{{keyMarker}}', VersionIdMarker: '{{versionMarker}}' }, 'list-object-version-prefix-page-2-after-delete'),
    ],
  },
  {
    test: 'TestS3ListObjectsV2::test_list_ops_encoding_type_validation',
    steps: (operation) => [
      createBucket(),
      ...(operation === 'list_object_versions' ? [versioning('Enabled')] : []),
      onBucket(ENCODING_CALLS[operation], `${operation}-error-wrong-value`, { EncodingType: 'value' }),
      onBucket(ENCODING_CALLS[operation], `${operation}-error-empty-value`, { EncodingType: '' }),
    ],
  },
  {
    test: 'TestS3ListMultipartUploads::test_list_multiparts_next_marker',
    unreproduced: {
      'upload-ids-order': "the test's own list of the upload ids it created, not an AWS response",
    },
    steps: [
      createBucket(),
      uploads({}, 'list-multiparts-empty'),
      createUpload('test_c', undefined, {}, 'upload-id:1'),
      createUpload('test_b', undefined, {}, 'upload-id:2'),
      createUpload('test_a', undefined, {}, 'upload-id:3'),
      createUpload('test_a', undefined, {}, 'upload-id:4'),
      createUpload('test_a', undefined, {}, 'upload-id:5'),
      uploads({}, 'list-multiparts-all'),
      uploads({ MaxUploads: 1 }, 'list-multiparts-max-1', { keyMarker: '$.NextKeyMarker', uploadMarker: '$.NextUploadIdMarker' }),
      uploads({ MaxUploads: 1, KeyMarker: '{{keyMarker}}' }, 'list-multiparts-next-key-only'),
      uploads({ MaxUploads: 1, KeyMarker: 'test_c' }, 'list-multiparts-next-key-last'),
      uploads({ MaxUploads: 1, UploadIdMarker: '{{uploadMarker}}' }, 'list-multiparts-next-upload-only'),
      uploads({ MaxUploads: 1, KeyMarker: '{{keyMarker}}', UploadIdMarker: '{{uploadMarker}}' }, 'list-multiparts-both-markers'),
      uploads({ MaxUploads: 1, KeyMarker: '{{keyMarker}}', UploadIdMarker: '{{upload-id:5}}' }, 'list-multiparts-both-markers-2'),
      uploads({ MaxUploads: 1, KeyMarker: 'test_b', UploadIdMarker: '{{upload-id:2}}' }, 'list-multiparts-get-last-upload-no-truncate'),
      uploads({ MaxUploads: 1, KeyMarker: 'test_c', UploadIdMarker: '{{upload-id:2}}' }, 'list-multiparts-wrong-id-for-key'),
      uploads({ MaxUploads: 1, KeyMarker: '' }, 'list-multiparts-next-key-empty'),
    ],
    note: 'upload-ids-order is the test’s own list of the ids it created, not an AWS response',
  },
  {
    test: 'TestS3ListMultipartUploads::test_list_multiparts_with_prefix_and_delimiter',
    steps: [
      createBucket(),
      ...['test/foo/bar/123', 'test/foo/bar/456', 'test/bar/foo/123'].map((key) => createUpload(key)),
      uploads({ Prefix: 'test/', EncodingType: 'url', Delimiter: '/' }, 'list-multiparts-1'),
      uploads({ Prefix: 'test/foo/', EncodingType: 'url', Delimiter: '/' }, 'list-multiparts-2'),
      uploads({ Prefix: 'test/foo/bar', EncodingType: 'url', Delimiter: '/' }, 'list-multiparts-3'),
      unencodedListing('ListMultipartUploads', 'list-multiparts-no-encoding', { Prefix: 'test/foo' }, 'ListMultipartUploadsResult', ['Upload[*].Initiator.DisplayName']),
    ],
  },
  {
    test: 'TestS3ListMultipartUploads::test_list_multipart_uploads_marker_common_prefixes',
    steps: [
      createBucket(),
      ...FOLDER_KEYS.map((key) => createUpload(key)),
      uploads({ Prefix: 'folder/', Delimiter: '/', MaxUploads: 1 }, 'list-multiparts-start'),
      uploads({ Prefix: 'folder/', Delimiter: '/', MaxUploads: 1, KeyMarker: 'folder/aSubfolder/' }, 'list-multiparts-manual-prefix'),
      uploads({ Prefix: 'folder/', Delimiter: '/', MaxUploads: 1, KeyMarker: 'folder/aSubfolder/subFile1' }, 'list-multiparts-manual-first-file'),
    ],
  },
  {
    test: 'TestS3ListParts::test_list_parts_pagination',
    steps: [
      createBucket(),
      createUpload(PARTS_KEY),
      parts({}, 'list-parts-empty'),
      uploadPart(PARTS_KEY, 'data', 1),
      uploadPart(PARTS_KEY, 'data', 2),
      parts({}, 'list-parts-all'),
      withCapture(parts({ MaxParts: 1 }, 'list-parts-1'), { marker: '$.NextPartNumberMarker' }),
      parts({ MaxParts: 1, PartNumberMarker: '{{marker}}' }, 'list-parts-next'),
      parts({ MaxParts: 1, PartNumberMarker: 10 }, 'list-parts-wrong-part'),
    ],
  },
  {
    // The test's client skips parameter validation to send empty integer query values, which S3 reads as absent.
    test: 'TestS3ListParts::test_list_parts_empty_part_number_marker',
    steps: [
      createBucket(),
      createUpload(EMPTY_MARKER_KEY),
      uploadPart(EMPTY_MARKER_KEY, 'data', 1),
      parts({ PartNumberMarker: '' }, 'list-parts-empty-marker', EMPTY_MARKER_KEY),
      parts({ MaxParts: '' }, 'list-parts-empty-max-parts', EMPTY_MARKER_KEY),
    ],
  },
  {
    test: 'TestS3ListParts::test_list_parts_via_object_attrs_pagination',
    unreproduced: {
      'get-object-attrs-1': "the test snapshots its first GetObjectAttributes response again under this name (not the MaxParts=1 call's), which get-object-attrs judges",
    },
    steps: [
      createBucket(),
      createUpload(ATTRS_KEY, undefined, { ChecksumAlgorithm: 'SHA256' }),
      ...[1, 2].map((n) => withCapture(uploadPart(ATTRS_KEY, LARGE_PART, n, undefined, 'uploadId', `part${n}`, { ChecksumAlgorithm: 'SHA256' }), { [`checksum${n}`]: '$.ChecksumSHA256' })),
      parts({}, 'list-parts', ATTRS_KEY),
      completeUpload(ATTRS_KEY, 'complete-mpu', { MultipartUpload: { Parts: [1, 2].map((n) => ({ ETag: `{{part${n}}}`, PartNumber: n, ChecksumSHA256: `{{checksum${n}}}` })) } }),
      objectParts({}, 'get-object-attrs-all'),
      withCapture(objectParts({ MaxParts: 1 }), { marker: '$.ObjectParts.NextPartNumberMarker' }),
      objectParts({ MaxParts: 1, PartNumberMarker: '{{marker}}' }, 'get-object-attrs-next'),
      objectParts({ MaxParts: 1, PartNumberMarker: 10 }, 'get-object-attrs-wrong-part'),
    ],
    note: 'the test snapshots the first GetObjectAttributes response again as get-object-attrs-1 (not the MaxParts=1 call’s): that entry is left out',
  },
];
