// Helpers shared by the S3 sources: the test bucket and the calls on it (LocalStack's s3_bucket fixtures).
import { gzipSync } from 'node:zlib';
import { repeated, type RepeatedBody, type SourceStep } from '../../../verifier/port/source-types.ts';

export const BUCKET = 'bucket-{{suffix}}';
/** A call on the test bucket, with the snapshot entry its response is judged by (if AWS recorded one). */
export const onBucket = (op: string, snapshot?: string, params: Record<string, unknown> = {}): SourceStep => ({
  op,
  params: { Bucket: BUCKET, ...params },
  ...(snapshot ? { snapshot } : {}),
});
/**
 * A listing the test sent with its own SigV4 client (`aws_http_client_factory`), without the `encoding-type=url` boto3
 * always adds, and parsed with xmltodict: judged as HTTP (InteractionMeta.rawAnswer). The test dropped the root's
 * `xmlns` before recording; `ignore` names more members it could not judge.
 */
export const unencodedListing = (op: string, snapshot: string, params: Record<string, unknown>, root: string, ignore: string[] = []): SourceStep => ({
  ...onBucket(op, snapshot, params),
  plainHttp: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  answer: (xml: unknown) => ({ status: 200, xml }),
  ignore: [`$.body.${root}['@xmlns']`, ...ignore.map((path) => `$.body.${root}.${path}`)],
});
/** The `s3_bucket` / `s3_create_bucket` fixtures: a bucket in the test's region (us-east-1). */
export const createBucket = (Bucket = BUCKET, extra: Record<string, unknown> = {}): SourceStep => ({ op: 'CreateBucket', params: { Bucket, ...extra } });
export const put = (Key: string, Body: string, snapshot?: string, extra: Record<string, unknown> = {}): SourceStep => onBucket('PutObject', snapshot, { Key, Body, ...extra });
export const versioning = (Status: string): SourceStep => onBucket('PutBucketVersioning', undefined, { VersioningConfiguration: { Status } });

/** A step whose response gives a variable: `withCapture(put(...), { etag: '$.ETag' })`. */
export const withCapture = (step: SourceStep, capture: SourceStep['capture']): SourceStep => ({ ...step, capture: { ...step.capture, ...capture } });

/** CreateMultipartUpload on the test bucket, its upload id kept as `{{<name>}}`. */
export const createUpload = (Key: string, snapshot?: string, extra: Record<string, unknown> = {}, name = 'uploadId'): SourceStep =>
  withCapture(onBucket('CreateMultipartUpload', snapshot, { Key, ...extra }), { [name]: '$.UploadId' });

/** UploadPart into `{{<upload>}}`, its ETag kept as `{{<etag>}}`. */
export const uploadPart = (Key: string, Body: string | RepeatedBody, PartNumber = 1, snapshot?: string, upload = 'uploadId', etag = `part${PartNumber}`, extra: Record<string, unknown> = {}): SourceStep =>
  withCapture(onBucket('UploadPart', snapshot, { Key, UploadId: `{{${upload}}}`, PartNumber, Body, ...extra }), { [etag]: '$.ETag' });

/** The tests' parts of S3's 5 MiB minimum part size plus one byte (`"a" * (5_242_880 + 1)`), made at replay time. */
export const LARGE_PART = repeated('a', 5_242_881);

/**
 * The gzip tests' body: `"1234567890 " * 100` written by Python's GzipFile with the test's fixed mtime (1676569620)
 * into a stream with no file name, level 9 as Python's default; zlib's deflate at level 9 gives the same bytes, and
 * Python's header writes OS 255 (unknown). A blob: its bytes are not UTF-8 text.
 */
export const GZIP_BODY = (() => {
  const bytes = gzipSync(Buffer.from('1234567890 '.repeat(100)), { level: 9 });
  bytes.writeUInt32LE(1676569620, 4);
  bytes[9] = 255;
  return { $blob: bytes.toString('base64') };
})();

/**
 * LocalStack's `s3_multipart_upload` fixture with two parts: a first part of its data repeated past S3's 5 MiB
 * minimum (made at replay time), then the data once; its completion judged by `snapshot` if given.
 */
export const fixtureTwoPartUpload = (Key: string, data: string, upload: string, snapshot?: string): SourceStep[] => [
  createUpload(Key, undefined, {}, upload),
  uploadPart(Key, repeated(data, data.length * (Math.floor(5_242_880 / data.length) + 1)), 1, undefined, upload),
  uploadPart(Key, data, 2, undefined, upload),
  completeUpload(Key, snapshot, {}, 2, upload),
];

/** CompleteMultipartUpload of `{{<upload>}}` with parts 1..n by their captured ETags. */
export const completeUpload = (Key: string, snapshot?: string, extra: Record<string, unknown> = {}, parts = 1, upload = 'uploadId'): SourceStep =>
  onBucket('CompleteMultipartUpload', snapshot, {
    Key,
    UploadId: `{{${upload}}}`,
    MultipartUpload: { Parts: Array.from({ length: parts }, (_, i) => ({ ETag: `{{part${i + 1}}}`, PartNumber: i + 1 })) },
    ...extra,
  });

const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

/**
 * The object ACL changes of both notification tests `test_object_put_acl` (to SQS and to EventBridge): an object, the
 * owner's id, then a canned ACL it already has (no event on AWS), a canned ACL, a grant header and a whole policy.
 */
export const objectAclChanges: SourceStep[] = [
  put('my_key_acl', 'something'),
  { op: 'ListBuckets', params: {}, capture: { ownerId: '$.Owner.ID' } },
  onBucket('PutObjectAcl', undefined, { Key: 'my_key_acl', ACL: 'private' }),
  onBucket('PutObjectAcl', undefined, { Key: 'my_key_acl', ACL: 'public-read' }),
  onBucket('PutObjectAcl', undefined, { Key: 'my_key_acl', GrantRead: `uri="${LOG_DELIVERY}"` }),
  onBucket('PutObjectAcl', undefined, {
    Key: 'my_key_acl',
    AccessControlPolicy: {
      Owner: { ID: '{{ownerId}}' },
      Grants: [
        { Grantee: { ID: '{{ownerId}}', Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' },
        { Grantee: { URI: LOG_DELIVERY, Type: 'Group' }, Permission: 'WRITE' },
      ],
    },
  }),
];
