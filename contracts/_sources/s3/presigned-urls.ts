// TestS3PresignedUrl of LocalStack's tests/aws/services/s3/test_s3.py (github.com/localstack/localstack, Apache-2.0)
// reproduced as request sequences: each test makes presigned URLs with botocore and sends them with `requests`.
// Expected responses come only from the recorded snapshots.
import type { SourcePresign, SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, createBucket, onBucket, put } from './common.ts';

/** A call the test presigned and sent itself; `snapshot` names the recorded answer (the `<Error>` it parsed). */
const presigned = (op: string, params: Record<string, unknown>, presign: SourcePresign, snapshot?: string): SourceStep => ({
  op,
  params: { Bucket: BUCKET, ...params },
  presign,
  ...(snapshot ? { snapshot } : {}),
});

/** The test's pytest parameter `s3` / `s3v4` (botocore's signature_version) as the URL's signature version. */
const versionOf = (param: string): SourcePresign['version'] => (param.split('-')[0] === 's3' ? 'v2' : 'v4');

/**
 * `_make_url_invalid`: the bucket's URL with the object key and only the signature's parameters of another presigned
 * URL (its own parameters dropped; SigV4's SignedHeaders written as `host`).
 */
const signatureOnly = (version: SourcePresign['version']) => (url: Record<string, string>): Record<string, string> =>
  version === 'v2'
    ? { AWSAccessKeyId: url.AWSAccessKeyId, Signature: url.Signature, Expires: url.Expires }
    : {
        'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
        'X-Amz-Credential': url['X-Amz-Credential'],
        'X-Amz-Date': url['X-Amz-Date'],
        'X-Amz-Expires': url['X-Amz-Expires'],
        'X-Amz-SignedHeaders': 'host',
        'X-Amz-Signature': url['X-Amz-Signature'],
      };

const without = (...names: string[]) => (url: Record<string, string>) => Object.fromEntries(Object.entries(url).filter(([k]) => !names.includes(k)));

/** test_presigned_url_signature_authentication: its parameter is `<signature_version>-<use_virtual_address>`. */
function signatureAuthentication(param: string): SourceStep[] {
  const version = versionOf(param);
  const virtualHost = param.endsWith('-True');
  const key = 'temp.txt';
  const data = `this should be found in when you download ${key}.`;
  const p = (extra: Partial<SourcePresign> = {}): SourcePresign => ({ version, expiresIn: 20, ...(virtualHost ? { virtualHost } : {}), ...extra });
  const overrides = { Key: key, ResponseContentType: 'text/plain', ResponseContentDisposition: 'attachment;  filename=test.txt' };
  return [
    createBucket(),
    put(key, '123'),
    presigned('GetObject', { Key: key }, p()),
    presigned('GetObject', overrides, p()),
    presigned('GetObject', overrides, p({ query: signatureOnly(version), headers: { 'Content-Type': 'my-fake-content/type' }, body: data, status: 403 }), 'invalid-get-1'),
    presigned('PutObject', { Key: key }, p({ body: data })),
    presigned('PutObject', { Key: key, ContentType: 'text/plain' }, p({ headers: { 'Content-Type': 'text/plain' }, body: data })),
    presigned('PutObject', { Key: key, ContentType: 'text/plain' }, p({ query: signatureOnly(version), headers: { 'Content-Type': 'my-fake-content/type' }, body: data, status: 403 }), 'invalid-put-1'),
    presigned('DeleteObject', { Key: key }, p()),
  ];
}

/** test_s3_put_presigned_url_with_different_headers: which headers SigV2 and SigV4 URLs hold the client to. */
function differentHeaders(param: string): SourceStep[] {
  const version = versionOf(param);
  const key = 'key-double-header-param';
  const typed = (headers: Record<string, string>): SourcePresign => ({ version, expiresIn: 10, headers, body: 'test_data' });
  return [
    createBucket(),
    put(key, 'something'),
    presigned('PutObject', { Key: key, ContentType: 'text/plain' }, typed({ 'Content-Type': 'text/plain' })),
    presigned('PutObject', { Key: key, ContentType: 'text/plain' }, typed({ 'Content-Type': 'text/xml' }), 'content-type-exception'),
    presigned('PutObject', { Key: key, ContentEncoding: 'identity' }, typed({ 'Content-Encoding': 'identity' })),
    presigned('PutObject', { Key: key, ContentEncoding: 'identity' }, typed({ 'Content-Encoding': 'identity', 'Content-Type': 'text/xml' }), 'content-type-response'),
    presigned('PutObject', { Key: key, ContentEncoding: 'identity' }, typed({ 'Content-Encoding': 'gzip' }), 'wrong-content-encoding-response'),
  ];
}

/** The headers test_put_object_with_md5_and_chunk_signature_bad_headers sends (see its scenario's note). */
const CHUNKED_HEADERS = {
  'Content-Md5': 'pX8KKuGXS1f2VTcuJpqjkw==',
  'Content-Type': 'application/octet-stream',
  'X-Amz-Content-Sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'X-Amz-Date': '20211122T191045Z',
};

/** test_put_url_metadata_with_sig_s3v4 / _s3: metadata in the signed request, sent or not by the client. */
function metadataSteps(version: SourcePresign['version']): SourceStep[] {
  const key = 'key-by-hostname';
  const p = (headers?: Record<string, string>): SourcePresign => ({ version, body: 'content 123', ...(headers ? { headers } : {}), status: 403 });
  const signed = { Key: key, Metadata: { foo: 'bar' } };
  const head = onBucket('HeadObject', 'head_object', { Key: key });
  return version === 'v4'
    ? [
        createBucket(),
        presigned('PutObject', signed, p(), 'no-meta-headers'),
        presigned('PutObject', signed, p({ 'x-amz-meta-foo': 'bar' })),
        head,
        presigned('PutObject', signed, p({ 'x-amz-meta-wrong': 'wrong' }), 'wrong-meta-headers'),
      ]
    : [createBucket(), presigned('PutObject', signed, p()), head, presigned('PutObject', signed, p({ 'x-amz-meta-wrong': 'wrong' }), 'wrong-meta-headers')];
}

const UNICODE = 'non-ascii-%E2%80%94_—_é_';
const SKIP_VALIDATION = 'the variant differs from the other only in LocalStack’s S3_SKIP_SIGNATURE_VALIDATION setting and recorded no entry';

/** Why TestS3PresignedUrl tests are left out, by test name. */
export const presignedUrlReasons: Record<string, string> = {
  test_presigned_url_v4_x_amz_in_qs:
    'the URL is made by the AWS SDK for JavaScript inside a Lambda function the test deploys, which moves the storage class, metadata and a CRC32 checksum into the SigV4 query; S3 takes such parameters as headers, which twinstack does for SigV2 URLs only so far',
};

export const presignedUrlScenarios: SourceScenario[] = [
  {
    test: 'TestS3PresignedUrl::test_put_object',
    steps: [createBucket(), presigned('PutObject', { Key: 'my-key' }, { version: 'v4', body: 'something' }), { ...onBucket('GetObject', 'get_object', { Key: 'my-key' }), ignore: ['$.Body'] }],
    note: 'the test read the body (and asserted it) before snapshotting the response, which shows it empty: the body is not judged',
  },
  {
    test: 'TestS3PresignedUrl::test_s3_copy_md5',
    steps: [
      createBucket(),
      put('src', 'something'),
      onBucket('CopyObject', 'copy-obj', { Key: 'dest', CopySource: `${BUCKET}/src` }),
      presigned('CopyObject', { Key: 'dest', CopySource: `${BUCKET}/src` }, { version: 'v4', headers: { 'x-amz-copy-source': `${BUCKET}/src` } }),
    ],
  },
  {
    test: 'TestS3PresignedUrl::test_s3_presigned_url_expired',
    steps: (param) => {
      const version = versionOf(param);
      const key = 'key-expires-in-2';
      return [
        createBucket(),
        put(key, 'something'),
        presigned('GetObject', { Key: key }, { version, expiresIn: 2 }),
        presigned('GetObject', { Key: key }, { version, expiresIn: 2, signedSecondsAgo: 3, status: 403 }, 'expired-exception'),
        presigned('GetObject', { Key: key }, { version, expiresIn: 120 }),
      ];
    },
    note: 'the test sleeps 3 s after signing its 2-second URL; the contract signs that URL 3 s in the past instead',
  },
  {
    test: 'TestS3PresignedUrl::test_presigned_url_signature_authentication_expired',
    steps: (param) => [
      createBucket(),
      put('temp.txt', '123'),
      presigned('GetObject', { Key: 'temp.txt' }, { version: versionOf(param), expiresIn: 1, signedSecondsAgo: 2, status: 403, ...(param.endsWith('-True') ? { virtualHost: true } : {}) }, 'expired'),
    ],
    note: 'the test sleeps 2 s after signing its 1-second URL; the contract signs that URL 2 s in the past instead',
  },
  { test: 'TestS3PresignedUrl::test_presigned_url_signature_authentication', steps: signatureAuthentication },
  {
    test: 'TestS3PresignedUrl::test_s3_put_presigned_url_missing_sig_param',
    steps: (param) => {
      const version = versionOf(param);
      return [
        createBucket(),
        put('key-missing-param', 'something'),
        presigned('GetObject', { Key: 'key-missing-param' }, { version, expiresIn: 5, query: without(version === 'v2' ? 'Expires' : 'X-Amz-Date') }, 'missing-param-exception'),
      ];
    },
  },
  { test: 'TestS3PresignedUrl::test_s3_put_presigned_url_with_different_headers', steps: differentHeaders },
  {
    test: 'TestS3PresignedUrl::test_s3_put_presigned_url_same_header_and_qs_parameter',
    steps: [
      createBucket(),
      put('key-double-header-param', 'something'),
      presigned(
        'PutObject',
        { Key: 'key-double-header-param', RequestPayer: 'requester' },
        { version: 'v4', expiresIn: 10, query: (url) => ({ 'x-amz-request-payer': 'non-valid', ...url }), headers: { 'x-amz-request-payer': 'requester' }, body: 'test_data' },
        'double-header-query-string',
      ),
      presigned('PutObject', { Key: 'key-double-header-param', RequestPayer: 'requester' }, { version: 'v4', expiresIn: 10, headers: { 'x-amz-expires': '5' }, body: 'test_data' }, 'override-signed-qs'),
    ],
  },
  {
    test: 'TestS3PresignedUrl::test_put_object_with_md5_and_chunk_signature_bad_headers',
    steps: (param) => {
      const signed = { Key: 'test-runtime.properties', ContentType: 'application/octet-stream', ContentMD5: CHUNKED_HEADERS['Content-Md5'] };
      const send = (headers: Record<string, string>, sameUrl = false): SourcePresign => ({ version: versionOf(param), headers, body: 'test', status: 403, ...(sameUrl ? { sameUrl } : {}) });
      return [
        createBucket(),
        presigned('PutObject', signed, send({ ...CHUNKED_HEADERS, 'X-Amz-Decoded-Content-Length': 'test' }), 'with-decoded-content-length'),
        // The test sends the same URL again (its v2 errors echo the same signature).
        presigned('PutObject', signed, send(CHUNKED_HEADERS, true), 'without-decoded-content-length'),
      ];
    },
    unportedVariants: { 's3-False': SKIP_VALIDATION, 's3v4-False': SKIP_VALIDATION },
    note:
      'the test also sends Connection: Keep-Alive, Expect: 100-continue and Content-Length: 10, which its HTTP library replaces or sends as transport headers (the 4-byte body goes at once); the contract sends the headers S3 judges',
  },
  { test: 'TestS3PresignedUrl::test_put_url_metadata_with_sig_s3v4', steps: () => metadataSteps('v4') },
  { test: 'TestS3PresignedUrl::test_put_url_metadata_with_sig_s3', steps: () => metadataSteps('v2') },
  {
    test: 'TestS3PresignedUrl::test_get_response_overrides_unicode_metadata_with_sig_s3',
    steps: [
      createBucket(),
      onBucket('PutObject', undefined, { Key: 'key-non-ascii' }),
      presigned(
        'GetObject',
        { Key: 'key-non-ascii', ResponseCacheControl: UNICODE, ResponseContentDisposition: 'filename="test_—_file%E2%80%94_é_2.pdf"' },
        { version: 'v2', status: 400 },
        'unicode-error',
      ),
    ],
  },
  {
    test: 'TestS3PresignedUrl::test_put_unicode_metadata_with_sig_s3',
    steps: [createBucket(), presigned('PutObject', { Key: 'key-non-ascii', Metadata: { foo: UNICODE } }, { version: 'v2' }), onBucket('HeadObject', 'head_object', { Key: 'key-non-ascii' })],
  },
  {
    test: 'TestS3PresignedUrl::test_presigned_double_encoded_credentials',
    steps: [
      createBucket(),
      put('foo-key', 'foobar'),
      presigned('GetObject', { Key: 'foo-key' }, { version: 'v4', replace: [['%2F', '%252F']], status: 400 }, 'error-malformed'),
    ],
  },
];
