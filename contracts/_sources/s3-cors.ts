// LocalStack's AWS-validated S3 CORS tests (github.com/localstack/localstack, tests/aws/services/s3/test_s3_cors.py,
// Apache-2.0): the configuration API calls reproduced as request sequences; expected responses only from the snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { BUCKET, createBucket, onBucket } from './s3.ts';

/** The module's autouse `allow_bucket_acl` fixture. */
const ALLOW_ACL: SourceStep[] = [onBucket('DeleteBucketOwnershipControls'), onBucket('DeletePublicAccessBlock')];
/** A bucket anyone may read and write through its ACL, as the CORS tests that send plain browser requests make it. */
const PUBLIC_BUCKET: SourceStep[] = [createBucket(), ...ALLOW_ACL, onBucket('PutBucketAcl', undefined, { ACL: 'public-read-write' })];
/** `_bucket_url_vhost` as LocalStack's tests name the bucket on an emulator (AWS: `<bucket>.s3.amazonaws.com`). */
const vhost = (bucket = BUCKET) => `http://${bucket}.s3.localhost.localstack.cloud`;

/** The headers of S3's CORS answers; `match_headers` holds all the headers of an answer, so those it lacks were absent. */
const CORS_HEADERS = ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-allow-credentials', 'access-control-max-age', 'access-control-expose-headers', 'vary'];
/**
 * A request the test sent itself with `requests` to the bucket's virtual host. `xmlError`: the test snapshotted the
 * xmltodict parse of the body and asserted `status`. `headers`: the test's `match_headers` dict ({StatusCode, Headers,
 * Body}): the status, the body, and the CORS headers (Access-Control-*, Vary: those present, and those absent) are
 * judged; the transport headers it also holds (Date, Server, Connection, Transfer-Encoding, Content-Length, request
 * ids, the object's own headers) are not.
 */
const browser = (method: string, path: string, headers: Record<string, string>, snapshot: string, judge: { xmlError: number } | 'headers', bucket = BUCKET): SourceStep => ({
  op: method === 'OPTIONS' ? 'CORSPreflight' : method === 'PUT' ? 'PutObjectOverHttp' : 'GetObjectOverHttp',
  params: {},
  http: { url: vhost(bucket), method, path, headers },
  snapshot,
  answer:
    judge === 'headers'
      ? (recorded: { StatusCode: number; Headers: Record<string, string>; Body: unknown }) => {
          const headers = Object.fromEntries(Object.entries(recorded.Headers).filter(([name]) => CORS_HEADERS.includes(name.toLowerCase())));
          const present = Object.keys(headers).map((name) => name.toLowerCase());
          return {
            status: recorded.StatusCode,
            headers,
            absentHeaders: CORS_HEADERS.filter((name) => !present.includes(name)),
            ...(typeof recorded.Body === 'string' ? { body: recorded.Body } : { xml: recorded.Body }),
          };
        }
      : (xml: unknown) => ({ status: judge.xmlError, xml }),
});
const putPublic = (Key: string, Body = 'cors-test'): SourceStep => onBucket('PutObject', undefined, { Key, Body, ACL: 'public-read' });
const PARTIAL_ORIGIN = { CORSRules: [{ AllowedOrigins: ['http://*.origin.com'], AllowedMethods: ['GET', 'PUT'], MaxAgeSeconds: 3000, AllowedHeaders: ['*'] }] };

const LOCAL_ORIGIN = 'https://localhost:4200';
/** The tests' rule for one origin: its methods, a 3000 s max age, any header. */
const RIGHT_ORIGIN = (AllowedMethods: string[]) => ({ CORSRules: [{ AllowedOrigins: [LOCAL_ORIGIN], AllowedMethods, MaxAgeSeconds: 3000, AllowedHeaders: ['*'] }] });
/** test_cors_match_headers' preflights of a GET of its object from the rule's origin, asking for these headers. */
const preflight = (requestHeaders: string, snapshot: string) =>
  browser('OPTIONS', '/test-cors-method', { Origin: LOCAL_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': requestHeaders }, snapshot, 'headers');
/** test_cors_match_origins' pairs of a preflight and a GET: no origin, a referer only, the rule's origin, another origin. */
const matchOrigins = (path: string): SourceStep[] =>
  (
    [
      ['no-origin', {}, {}],
      ['referer', { referer: LOCAL_ORIGIN, 'Access-Control-Request-Method': 'PUT' }, { referer: LOCAL_ORIGIN }],
      ['right-origin', { Origin: LOCAL_ORIGIN, 'Access-Control-Request-Method': 'PUT' }, { Origin: LOCAL_ORIGIN }],
      ['wrong-origin', { Origin: 'http://localhost:4200', 'Access-Control-Request-Method': 'PUT' }, { Origin: 'http://localhost:4200' }],
    ] as const
  ).flatMap(([name, options, get]) => [browser('OPTIONS', path, options, `opt-${name}`, 'headers'), browser('GET', path, get, `get-${name}`, 'headers')]);

const ANY_GET = { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] };
const putCors = (CORSConfiguration: unknown, snapshot?: string) => ({
  op: 'PutBucketCors',
  params: { Bucket: BUCKET, CORSConfiguration },
  ...(snapshot ? { snapshot } : {}),
});
const getCors = (snapshot: string) => ({ op: 'GetBucketCors', params: { Bucket: BUCKET }, snapshot });

const source: SourceFile = {
  service: 's3',
  module: 'test_s3_cors',
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  // key_value transformers without reference replacement write the member's name in place of its value.
  redactedWords: { 'host-id': 'any' },
  scenarios: [
    { test: 'TestS3Cors::test_get_cors', steps: [createBucket(), getCors('get-cors-no-set'), putCors(ANY_GET), getCors('get-cors-after-set')] },
    {
      test: 'TestS3Cors::test_put_cors',
      steps: [
        createBucket(),
        putCors(
          {
            CORSRules: [
              {
                AllowedOrigins: ['https://test.com', 'https://app.test.com', 'http://test.com:80'],
                AllowedMethods: ['GET', 'PUT', 'HEAD'],
                MaxAgeSeconds: 3000,
                AllowedHeaders: ['x-amz-expected-bucket-owner', 'x-amz-server-side-encryption-customer-algorithm'],
              },
            ],
          },
          'put-cors',
        ),
        getCors('get-cors'),
      ],
    },
    {
      test: 'TestS3Cors::test_put_cors_invalid_rules',
      steps: [
        createBucket(),
        putCors({ CORSRules: [{ AllowedOrigins: ['*', 'https://test.com'], AllowedMethods: ['GET', 'PUT', 'HEAD', 'MYMETHOD'] }] }, 'put-cors-exc'),
        putCors({ CORSRules: [] }, 'put-cors-exc-empty'),
      ],
    },
    {
      test: 'TestS3Cors::test_put_cors_empty_origin',
      steps: [createBucket(), putCors({ CORSRules: [{ AllowedOrigins: [''], AllowedMethods: ['GET', 'PUT', 'HEAD'] }] }), getCors('get-cors-empty')],
    },
    {
      test: 'TestS3Cors::test_delete_cors',
      steps: [
        createBucket(),
        onBucket('DeleteBucketCors', 'delete-cors-before-set'),
        putCors(ANY_GET, 'put-cors'),
        getCors('get-cors'),
        onBucket('DeleteBucketCors', 'delete-cors'),
        getCors('get-cors-deleted'),
      ],
    },
    {
      test: 'TestS3Cors::test_cors_http_options_no_config',
      steps: [
        createBucket(),
        ...ALLOW_ACL,
        putPublic('test-cors-options-no-config'),
        browser('OPTIONS', '/test-cors-options-no-config', {}, 'options-no-origin', { xmlError: 400 }),
        browser('OPTIONS', '/test-cors-options-no-config', { Origin: 'whatever', 'Access-Control-Request-Method': 'PUT' }, 'options-with-origin-and-method', { xmlError: 403 }),
        browser('OPTIONS', '/test-cors-options-no-config', { Origin: 'whatever' }, 'options-with-origin-no-method', { xmlError: 403 }),
      ],
    },
    {
      test: 'TestS3Cors::test_cors_http_options_non_existent_bucket',
      steps: [
        createBucket(),
        ...ALLOW_ACL,
        browser('OPTIONS', '/test-cors-options-no-bucket', {}, 'options-no-origin', { xmlError: 400 }, 'fake-bucket-{{suffix}}-x'),
        browser('OPTIONS', '/test-cors-options-no-bucket', { Origin: 'whatever' }, 'options-with-origin', { xmlError: 403 }, 'fake-bucket-{{suffix}}-x'),
      ],
    },
    {
      test: 'TestS3Cors::test_cors_options_match_partial_origin',
      steps: [createBucket(), ...ALLOW_ACL, putCors(PARTIAL_ORIGIN), browser('OPTIONS', '/', { Origin: 'http://test.origin.com', 'Access-Control-Request-Method': 'GET' }, 'options_match_partial_origin', 'headers')],
    },
    {
      test: 'TestS3Cors::test_cors_options_fails_partial_origin',
      steps: [createBucket(), ...ALLOW_ACL, putCors(PARTIAL_ORIGIN), browser('OPTIONS', '/', { Origin: 'http://test.origin.com/', 'Access-Control-Request-Method': 'GET' }, 'options_fails_partial_origin', 'headers')],
    },
    {
      test: 'TestS3Cors::test_cors_expose_headers',
      steps: [
        ...PUBLIC_BUCKET,
        onBucket('PutObject', undefined, { Key: 'test-cors-expose', Body: 'test-cors', ACL: 'public-read' }),
        putCors({ CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'], ExposeHeaders: ['x-amz-id-2', 'x-amz-request-id', 'x-amz-request-payer'] }] }),
        browser('OPTIONS', '/test-cors-expose', { Origin: 'localhost:4566', 'Access-Control-Request-Method': 'GET' }, 'opt-get', 'headers'),
      ],
    },
    {
      test: 'TestS3Cors::test_cors_match_origins',
      steps: [
        createBucket(),
        ...ALLOW_ACL,
        putPublic('test-cors-123', 'test-cors'),
        putCors(RIGHT_ORIGIN(['GET', 'PUT'])),
        ...matchOrigins('/test-cors-123'),
        putCors({ CORSRules: [{ ...RIGHT_ORIGIN(['GET', 'PUT']).CORSRules[0], AllowedOrigins: ['*'] }] }),
        browser('OPTIONS', '/test-cors-123', { Origin: 'http://random:1234', 'Access-Control-Request-Method': 'PUT' }, 'opt-random-wildcard-origin', 'headers'),
        browser('GET', '/test-cors-123', { Origin: 'http://random:1234' }, 'get-random-wildcard-origin', 'headers'),
      ],
    },
    {
      test: 'TestS3Cors::test_cors_match_methods',
      steps: [
        ...PUBLIC_BUCKET,
        putPublic('test-cors-method', 'test-cors'),
        putCors(RIGHT_ORIGIN(['GET'])),
        browser('OPTIONS', '/test-cors-method', { Origin: LOCAL_ORIGIN, 'Access-Control-Request-Method': 'GET' }, 'opt-get', 'headers'),
        browser('GET', '/test-cors-method', { Origin: LOCAL_ORIGIN, 'Access-Control-Request-Method': 'PUT' }, 'get-wrong-op', 'headers'),
        browser('GET', '/test-cors-method', { Origin: LOCAL_ORIGIN }, 'get-op', 'headers'),
        browser('OPTIONS', '/test-cors-methodnew', { Origin: LOCAL_ORIGIN, 'Access-Control-Request-Method': 'PUT' }, 'opt-put', 'headers'),
        browser('PUT', '/test-cors-methodnew', { Origin: LOCAL_ORIGIN }, 'put-op', 'headers'),
      ],
    },
    {
      test: 'TestS3Cors::test_cors_match_headers',
      steps: [
        ...PUBLIC_BUCKET,
        putPublic('test-cors-method', 'test-cors'),
        putCors(RIGHT_ORIGIN(['GET'])),
        preflight('x-amz-request-payer', 'opt-get'),
        preflight('x-amz-request-payer, x-amz-expected-bucket-owner', 'opt-get-two'),
        browser('GET', '/test-cors-method', { Origin: LOCAL_ORIGIN, 'x-amz-request-payer': 'requester' }, 'get-op', 'headers'),
        putCors({
          CORSRules: [
            {
              ...RIGHT_ORIGIN(['GET']).CORSRules[0],
              AllowedHeaders: ['x-amz-expected-bucket-owner', 'x-amz-server-side-encryption-customer-algorithm', 'x-AMZ-server-SIDE-encryption'],
            },
          ],
        }),
        getCors('get-bucket-cors-casing'),
        preflight('x-amz-request-payer', 'opt-get-non-allowed'),
        preflight('x-amz-expected-bucket-owner', 'opt-get-allowed'),
        preflight('x-AMZ-expected-BUCKET-owner, x-amz-server-side-encryption', 'opt-get-allowed-diff-casing'),
        preflight('x-amz-expected-bucket-owner,x-amz-server-side-encryption', 'opt-get-allowed-no-space'),
        browser('GET', '/test-cors-method', { Origin: LOCAL_ORIGIN, 'Access-Control-Request-Headers': 'x-amz-request-payer' }, 'get-non-allowed-with-acl', 'headers'),
        browser('GET', '/test-cors-method', { Origin: LOCAL_ORIGIN, 'x-amz-request-payer': 'requester' }, 'get-non-allowed', 'headers'),
      ],
    },
    {
      test: 'TestS3Cors::test_put_cors_default_values',
      steps: [
        ...PUBLIC_BUCKET,
        putPublic('test-cors-default', 'test-cors'),
        putCors(ANY_GET),
        browser('OPTIONS', '/test-cors-default', { Origin: 'localhost:4566', 'Access-Control-Request-Method': 'GET' }, 'opt-get', 'headers'),
        browser('OPTIONS', '/test-cors-default', { Origin: 'localhost:4566', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-amz-request-payer' }, 'opt-get-headers', 'headers'),
      ],
    },
  ],
  notPorted: {
    test_cors_http_get_no_config: 'nothing recorded: the test asserts in code only (no snapshot entries)',
  },
};

export default source;
