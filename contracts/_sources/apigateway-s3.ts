// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_s3.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences: REST APIs whose AWS integration reads
// and writes S3 objects by path, called over HTTP as the tests' own requests (plain HTTP steps), and the payload
// encodings (binaryMediaTypes, contentHandling CONVERT_TO_BINARY / CONVERT_TO_TEXT) on the way in and out. Expected
// responses come only from the recorded snapshots.
import { pythonJson, type SourceFile, type SourceStep } from '../../verifier/port/source-types.ts';
import { API, createApi, createResource, deploy, invocationRole, invoke, onMethod, pythonBytesText, ROOT } from './apigateway-invoke/common.ts';

const BUCKET = 'bucket-{{suffix}}';
/** The tests' object bodies: gzip bytes that are not UTF-8 (`gzip.compress(..., mtime=1676569620)`), their base64 text, and plain text. */
const RAW = 'H4sIABRs7mMC/0vOzy0oSi0uTk1RSEksSdRRKM7IL81JUUhKVcjMK0vMyUxRCA1x07VQKC4pysxLBwC4ORBXLwAAAA==';
const BODIES: Record<string, string | { $blob: string }> = { 'binary-raw': { $blob: RAW }, 'binary-encoded': RAW, text: 'this is a UTF8 text typed object' };
const KEYS = Object.keys(BODIES);

const s3 = (op: string, params: Record<string, unknown>, snapshot?: string, extra: Partial<SourceStep> = {}): SourceStep => ({
  service: 's3',
  protocol: 'rest-xml',
  op,
  params: { Bucket: BUCKET, ...params },
  snapshot,
  ...extra,
});
const OBJECT_URI = `arn:aws:apigateway:{{region}}:s3:path/${BUCKET}/{object_path}`;
const ANY = (op: string, params: Record<string, unknown> = {}, snapshot?: string) => onMethod(op, '{{resourceId}}', 'ANY', params, snapshot);

/** `setup_s3_apigateway`: `{object_path+}` proxied to the bucket's objects, the ETag mapped back, deployed to `test` unless told otherwise. */
const binarySetup = (requestHandling?: string, responseHandling?: string, deployed = true): SourceStep[] => [
  s3('CreateBucket', {}),
  createApi(),
  ...invocationRole('s3:*'),
  createResource(ROOT, '{object_path+}', 'resourceId'),
  ANY('PutMethod', {
    authorizationType: 'NONE',
    requestParameters: { 'method.request.path.object_path': true, 'method.request.header.Content-Type': false, 'method.request.header.response-content-type': false },
  }),
  ANY('PutMethodResponse', { statusCode: '200', responseParameters: { 'method.response.header.ETag': false } }),
  ANY(
    'PutIntegration',
    {
      integrationHttpMethod: 'ANY',
      type: 'AWS',
      uri: OBJECT_URI,
      requestParameters: {
        'integration.request.path.object_path': 'method.request.path.object_path',
        'integration.request.header.Content-Type': 'method.request.header.Content-Type',
        'integration.request.querystring.response-content-type': 'method.request.header.response-content-type',
      },
      credentials: '{{roleArn}}',
      ...(requestHandling ? { contentHandling: requestHandling } : {}),
    },
    'put-integration',
  ),
  ANY('PutIntegrationResponse', { statusCode: '200', responseParameters: { 'method.response.header.ETag': 'integration.response.header.ETag' }, ...(responseHandling ? { contentHandling: responseHandling } : {}) }),
  ...(deployed ? [deploy('test')] : []),
];

/** `binaryMediaTypes` gets `image/png`, and a new deployment to `test2` serves it. */
const addPngMediaType: SourceStep[] = [{ op: 'UpdateRestApi', params: { restApiId: API, patchOperations: [{ op: 'add', path: '/binaryMediaTypes/image~1png' }] } }, deploy('test2')];

/** The request tests' `_invoke`: a PUT of the body with its content type; AWS answered the status asserted, the body empty. */
const putThrough = (stage: string, key: string, contentType: string, status = 200): SourceStep => invoke(`/${stage}/${key}`, { method: 'PUT', headers: { 'Content-Type': contentType }, body: BODIES[key], status });
const putThroughAll = (stage: string, contentType: string): SourceStep[] => KEYS.map((key) => putThrough(stage, key, contentType));
/** `get_object`, the body left unread (the snapshot decodes it), or read to bytes (`get_obj["Body"].read()`). */
const getObject = (key: string, snapshot: string, read = true): SourceStep => s3('GetObject', { Key: key }, snapshot, read ? { bytesText: ['$.Body'] } : {});

/** The response tests' objects, put with the SDK. */
const putObjects = (keys = KEYS, snapshot = (key: string) => `put-obj-${key}`): SourceStep[] => keys.map((key) => s3('PutObject', { Key: key, Body: BODIES[key] }, snapshot(key)));
/** The response tests' `_invoke`: a GET asking for a content type (`Accept`) and for S3's answer in another (`response-content-type`). */
const getThrough = (stage: string, key: string, accept: string, snapshot?: string, payloadType = 'binary/octet-stream'): SourceStep =>
  invoke(`/${stage}/${key}`, {
    headers: { Accept: accept, 'response-content-type': payloadType },
    ...(snapshot ? { snapshot, answer: (recorded: { content: string; etag: string }) => ({ status: 200, body: pythonBytesText(recorded.content), headers: { ETag: recorded.etag } }) } : { status: 500 }),
  });

/** The response tests after `image/png` became binary: each object with a text or binary payload, accepting binary or text. */
const responseMatrix = (expected: (key: string, payload: 'text' | 'binary', accept: 'binary' | 'text') => boolean): SourceStep[] =>
  (['binary', 'text'] as const).flatMap((accept) =>
    (['text', 'binary'] as const).flatMap((payload) =>
      ['binary-encoded', 'binary-raw', 'text'].map((key) => {
        const name = `${key === 'binary-encoded' ? 'encoded' : key === 'binary-raw' ? 'raw' : 'text'}-payload-${payload}-accept-${accept}`;
        return getThrough('test2', key, accept === 'binary' ? 'image/png' : 'text/plain', expected(key, payload, accept) ? name : undefined, payload === 'binary' ? 'image/png' : 'binary/octet-stream');
      }),
    ),
  );

const xmlAnswer = (xml: unknown) => ({ status: 200, xml });

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_s3',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  redactedWords: { datetime: 'timestamp' },
  scenarios: [
    {
      test: 'test_apigateway_s3_any',
      note: "the test's retries are single calls: the emulator serves a deployment at once",
      steps: [
        s3('CreateBucket', {}),
        createApi(),
        ...invocationRole('s3:*'),
        createResource(ROOT, '{object_path+}', 'resourceId'),
        ANY('PutMethod', { authorizationType: 'NONE', requestParameters: { 'method.request.path.object_path': true, 'method.request.header.Content-Type': false } }),
        ANY('PutMethodResponse', { statusCode: '200' }),
        ANY('PutIntegration', {
          integrationHttpMethod: 'ANY',
          type: 'AWS',
          uri: OBJECT_URI,
          requestParameters: { 'integration.request.path.object_path': 'method.request.path.object_path', 'integration.request.header.Content-Type': 'method.request.header.Content-Type' },
          credentials: '{{roleArn}}',
        }),
        ANY('PutIntegrationResponse', { statusCode: '200' }),
        deploy('test'),
        invoke('/test/test.json', { snapshot: 'get-object-empty', answer: xmlAnswer }),
        invoke('/test/test.json', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: pythonJson({ put_id: 1 }), status: 200 }),
        invoke('/test/test.json', { snapshot: 'get-object-1' }),
        invoke('/test/test.json', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: pythonJson({ put_id: 2 }), status: 200 }),
        invoke('/test/test.json', { snapshot: 'get-object-2' }),
        invoke('/test/test.json', { method: 'DELETE' }),
        invoke('/test/test.json', { snapshot: 'get-object-deleted', answer: xmlAnswer }),
        s3('GetObject', { Key: 'test.json' }, 'get-object-s3'),
      ],
    },
    {
      test: 'test_apigateway_s3_method_mapping',
      note: "GET methods whose integrations GET, PUT (a request template's body) and DELETE the same object; the test's retries are single calls",
      steps: [
        s3('CreateBucket', {}),
        createApi(),
        ...invocationRole('s3:*'),
        ...['get', 'put', 'delete'].map((path) => createResource(ROOT, path, `${path}Id`)),
        ...['get', 'put', 'delete'].map((path) => onMethod('PutMethod', `{{${path}Id}}`, 'GET', { authorizationType: 'NONE' })),
        ...['delete', 'put', 'get'].map((path) => onMethod('PutMethodResponse', `{{${path}Id}}`, 'GET', { statusCode: '200' })),
        onMethod('PutIntegration', '{{getId}}', 'GET', { integrationHttpMethod: 'GET', type: 'AWS', uri: `arn:aws:apigateway:{{region}}:s3:path/${BUCKET}/test.json`, credentials: '{{roleArn}}' }),
        onMethod('PutIntegration', '{{putId}}', 'GET', {
          integrationHttpMethod: 'PUT',
          type: 'AWS',
          uri: `arn:aws:apigateway:{{region}}:s3:path/${BUCKET}/test.json`,
          requestParameters: { 'integration.request.header.Content-Type': "'application/json'" },
          requestTemplates: { 'application/json': '{"message": "great success!"}' },
          credentials: '{{roleArn}}',
        }),
        onMethod('PutIntegration', '{{deleteId}}', 'GET', { integrationHttpMethod: 'DELETE', type: 'AWS', uri: `arn:aws:apigateway:{{region}}:s3:path/${BUCKET}/test.json`, credentials: '{{roleArn}}' }),
        ...['get', 'put', 'delete'].map((path) => onMethod('PutIntegrationResponse', `{{${path}Id}}`, 'GET', { statusCode: '200' })),
        deploy('test'),
        invoke('/test/put', { status: 200 }),
        invoke('/test/get', { snapshot: 'get-object' }),
        invoke('/test/delete', { status: 200 }),
        invoke('/test/get', { snapshot: 'get-deleted-object', answer: xmlAnswer }),
      ],
    },
    {
      test: 'TestApiGatewayS3BinarySupport::test_apigw_s3_binary_support_request',
      note: "the API's PUTs go to S3 with the payload as API Gateway converted it; the objects are read back with the SDK",
      steps: (contentHandling: string) => [
        ...binarySetup(contentHandling === 'None' ? undefined : contentHandling),
        s3('PutObject', { Key: 'test-raw-key-etag', Body: { $blob: RAW } }, 'put-obj-raw'),
        ...putThroughAll('test', 'image/png'),
        ...KEYS.map((key) => getObject(key, `get-obj-no-binary-media-${key}`, false)),
        ...addPngMediaType,
        ...putThroughAll('test2', 'image/png'),
        ...KEYS.map((key) => getObject(key, `get-obj-binary-type-${key}`)),
        ...putThroughAll('test2', 'text/plain'),
        ...KEYS.map((key) => getObject(key, `get-obj-text-type-${key}`)),
      ],
    },
    {
      test: 'TestApiGatewayS3BinarySupport::test_apigw_s3_binary_support_request_convert_to_binary',
      steps: [
        ...binarySetup('CONVERT_TO_BINARY'),
        s3('PutObject', { Key: 'test-raw-key-etag', Body: { $blob: RAW } }, 'put-obj-raw'),
        putThrough('test', 'binary-encoded', 'image/png'),
        getObject('binary-encoded', 'get-obj-no-binary-media-binary-encoded'),
        putThrough('test', 'binary-raw', 'image/png', 500),
        putThrough('test', 'text', 'text/plain', 500),
        ...['binary-raw', 'text'].map((key) => s3('GetObject', { Key: key }, undefined, { fails: true })),
        ...addPngMediaType,
        ...putThroughAll('test2', 'image/png'),
        ...KEYS.map((key) => getObject(key, `get-obj-binary-media-${key}`)),
        putThrough('test2', 'binary-raw', 'text/plain', 500),
        putThrough('test2', 'text', 'text/plain', 500),
        putThrough('test2', 'binary-encoded', 'text/plain'),
        getObject('binary-encoded', 'get-obj-text-type-binary-encoded'),
      ],
    },
    {
      test: 'TestApiGatewayS3BinarySupport::test_apigw_s3_binary_support_request_convert_to_binary_with_request_template',
      steps: [
        ...binarySetup('CONVERT_TO_BINARY', undefined, false),
        ANY('UpdateIntegration', { patchOperations: [{ op: 'add', path: '/requestTemplates/application~1json', value: pythonJson({ data: '$input.body' }) }] }),
        { ...ANY('GetIntegration', {}, 'get-integration'), jsonStrings: ["$.requestTemplates['application/json']"] },
        deploy('test'),
        putThrough('test', 'binary-encoded', 'image/png'),
        getObject('binary-encoded', 'get-obj-encoded'),
        // The body matches the request template: base64-decoded, it is binary data no template may take.
        putThrough('test', 'binary-encoded', 'application/json', 500),
      ],
    },
    {
      test: 'TestApiGatewayS3BinarySupport::test_apigw_s3_binary_support_response_no_content_handling',
      steps: [
        ...binarySetup(),
        ...putObjects(),
        getThrough('test', 'text', 'text/plain', 'text-no-media'),
        getThrough('test', 'binary-raw', 'image/png', 'raw-no-media'),
        getThrough('test', 'binary-encoded', 'image/png', 'encoded-no-media'),
        ...addPngMediaType,
        // Text payloads accepted as binary are base64-decoded: only the encoded object decodes.
        ...responseMatrix((key, payload, accept) => !(payload === 'text' && accept === 'binary' && key !== 'binary-encoded')),
      ],
    },
    {
      test: 'TestApiGatewayS3BinarySupport::test_apigw_s3_binary_support_response_convert_to_text',
      steps: [
        ...binarySetup(undefined, 'CONVERT_TO_TEXT'),
        ...putObjects(),
        getThrough('test', 'text', 'text/plain', 'text-no-media'),
        getThrough('test', 'binary-raw', 'image/png', 'raw-no-media'),
        getThrough('test', 'binary-encoded', 'image/png', 'encoded-no-media'),
        ...addPngMediaType,
        ...responseMatrix(() => true),
      ],
    },
    {
      test: 'TestApiGatewayS3BinarySupport::test_apigw_s3_binary_support_response_convert_to_binary',
      steps: [
        ...binarySetup(undefined, 'CONVERT_TO_BINARY'),
        ...putObjects(),
        getThrough('test', 'binary-encoded', 'image/png', 'encoded-no-media'),
        // Text payloads are base64-decoded: the raw and text objects do not decode.
        getThrough('test', 'binary-raw', 'image/png'),
        getThrough('test', 'text', 'text/plain'),
        ...addPngMediaType,
        ...responseMatrix((key, payload) => payload === 'binary' || key === 'binary-encoded'),
      ],
    },
    {
      test: 'TestApiGatewayS3BinarySupport::test_apigw_s3_binary_support_response_convert_to_binary_with_request_template',
      steps: [
        ...binarySetup(undefined, 'CONVERT_TO_TEXT', false),
        { op: 'UpdateRestApi', params: { restApiId: API, patchOperations: [{ op: 'add', path: '/binaryMediaTypes/image~1png' }] } },
        ANY('UpdateIntegrationResponse', { statusCode: '200', patchOperations: [{ op: 'add', path: '/responseTemplates/application~1json', value: pythonJson({ data: '$input.body' }) }] }),
        { ...ANY('GetIntegrationResponse', { statusCode: '200' }, 'get-integration-response'), jsonStrings: ["$.responseTemplates['application/json']"] },
        deploy('test'),
        ...putObjects(['binary-encoded'], () => 'put-obj-encoded'),
        getThrough('test', 'binary-encoded', 'image/png', 'encoded-text-payload-binary-accept'),
        ANY('UpdateIntegrationResponse', { statusCode: '200', patchOperations: [{ op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_BINARY' }] }),
        { ...ANY('GetIntegrationResponse', { statusCode: '200' }, 'get-integration-response-update'), jsonStrings: ["$.responseTemplates['application/json']"] },
        deploy('test'),
        // Base64-decoded, the payload is binary data the response template cannot take.
        getThrough('test', 'binary-encoded', 'image/png'),
      ],
    },
  ],
  notPorted: {},
};

export default source;
