// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_integrations.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences, with the tests' own HTTP requests to
// the deployed API as plain HTTP steps. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { bodyAndStatus, callerAccount, createApi, createResource, deploy, invoke, onMethod, ROOT, type RecordedAnswer } from './apigateway-invoke/common.ts';

const base64Json = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64');

/** A MOCK GET on `resourceId` whose request template sets the status, and its 200 integration response `2\d{2}`. */
const mockGet = (resourceId: string, requestTemplate: string, responseTemplates: Record<string, string>, methodParams: Record<string, unknown> = {}): SourceStep[] => [
  onMethod('PutMethod', resourceId, 'GET', { authorizationType: 'NONE', ...methodParams }),
  onMethod('PutMethodResponse', resourceId, 'GET', { statusCode: '200' }),
  onMethod('PutIntegration', resourceId, 'GET', { integrationHttpMethod: 'POST', type: 'MOCK', requestParameters: {}, requestTemplates: { 'application/json': requestTemplate } }),
  onMethod('PutIntegrationResponse', resourceId, 'GET', { statusCode: '200', selectionPattern: '2\\d{2}', responseTemplates }),
  deploy('dev'),
];

const OVERRIDES_REQUEST_TEMPLATE = `#set($body = $util.base64Decode($input.params('testPath')))
#set($context.requestOverride.path.body = $body)
{
  "statusCode": 200
}
`;
const OVERRIDES_RESPONSE_TEMPLATE = `
#set($body = $util.parseJson($context.requestOverride.path.body))
#set($inputBody = $body.message)
#if($inputBody == "path1")
{
   "response": "path was path one"
}
#elseif($inputBody == "path2")
{
   "response": "path was path two"
}
#else
{
  "response": "this is the else clause"
}
#end
`;
const RESPONSE_OVERRIDE_REQUEST_TEMPLATE = `
#set($context.responseOverride.status = 444)
#set($context.responseOverride.header.foo = "bar")
#set($context.responseOverride.custom = "is also passed around")
{
  "statusCode": 200
}
`;
const RESPONSE_OVERRIDE_RESPONSE_TEMPLATE = `
#set($statusOverride = $context.responseOverride.status)
#set($fooHeader = $context.responseOverride.header.foo)
#set($custom = $context.responseOverride.custom)
{
    "statusOverride": "$statusOverride",
    "fooHeader": "$fooHeader",
    "custom": "$custom"
}
`;
const MAP_ASSIGNATION_REQUEST_TEMPLATE = `
#set($paramName = "foo")
#set($context.requestOverride.querystring[$paramName] = "bar")
#set($paramPutName = "putfoo")
$context.requestOverride.querystring.put($paramPutName, "putBar")
#set($context["requestOverride"].querystring["nestedfoo"] = "nestedFoo")
{
  "statusCode": 200
}
`;
const MAP_ASSIGNATION_RESPONSE_TEMPLATE = `
#set($value = $context.requestOverride.querystring["foo"])
#set($value2 = $context.requestOverride.querystring["putfoo"])
#set($value3 = $context.requestOverride.querystring["nestedfoo"])
{
    "value": "$value",
    "value2": "$value2",
    "value3": "$value3"
}
`;

/** An HTTP integration's URI where the test used its echo server, whose answers it did not snapshot (the snapshot redacts the URI). */
const ECHO_URI = 'http://example.com/post';
const PARTITION_ACCOUNT = '{{partition}}:iam::{{accountId}}';
const putIntegration = (snapshot: string, params: Record<string, unknown>): SourceStep => onMethod('PutIntegration', ROOT, 'GET', params, snapshot);

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_integrations',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  scenarios: [
    {
      test: 'test_put_integration_responses',
      note: "the HTTP integration's URI is the test's echo server (redacted in the snapshot); the test's GET of the deployed API only asserted success and is left out, as the echo server is the test's own process",
      steps: [
        createApi({ name: 'my_api', description: 'this is my api' }),
        onMethod('PutMethod', ROOT, 'GET', { authorizationType: 'NONE' }, 'put-method-get'),
        onMethod('PutMethodResponse', ROOT, 'GET', { statusCode: '200' }, 'put-method-response-get'),
        onMethod('PutIntegration', ROOT, 'GET', { type: 'HTTP', uri: ECHO_URI, integrationHttpMethod: 'POST' }, 'put-integration-get'),
        onMethod('PutIntegrationResponse', ROOT, 'GET', { statusCode: '200', selectionPattern: '2\\d{2}', responseTemplates: {} }, 'put-integration-response-get'),
        onMethod('GetIntegrationResponse', ROOT, 'GET', { statusCode: '200' }, 'get-integration-response-get'),
        onMethod('GetMethod', ROOT, 'GET', {}, 'get-method-get'),
        deploy('local', 'deploy'),
        onMethod('DeleteIntegrationResponse', ROOT, 'GET', { statusCode: '200' }, 'delete-integration-response-get'),
        onMethod('GetMethod', ROOT, 'GET', {}, 'get-method-get-after-int-resp-delete'),
        onMethod('PutMethod', ROOT, 'PUT', { authorizationType: 'none' }, 'put-method-put'),
        onMethod('PutMethodResponse', ROOT, 'PUT', { statusCode: '200' }, 'put-method-response-put'),
        onMethod('PutIntegration', ROOT, 'PUT', { type: 'HTTP', uri: ECHO_URI, integrationHttpMethod: 'POST' }, 'put-integration-put'),
        onMethod('PutIntegrationResponse', ROOT, 'PUT', { statusCode: '200', selectionPattern: '2\\d{2}', contentHandling: 'CONVERT_TO_BINARY' }, 'put-integration-response-put'),
        onMethod('GetIntegrationResponse', ROOT, 'PUT', { statusCode: '200' }, 'get-integration-response-put'),
      ],
    },
    {
      test: 'test_put_integration_response_with_response_template',
      note: "the HTTP integration's URI is the test's echo server, never called",
      steps: [
        createApi({ name: 'test-apigw' }),
        onMethod('PutMethod', ROOT, 'GET', { authorizationType: 'NONE' }),
        onMethod('PutMethodResponse', ROOT, 'GET', { statusCode: '200' }),
        onMethod('PutIntegration', ROOT, 'GET', { type: 'HTTP', uri: ECHO_URI, integrationHttpMethod: 'POST' }),
        onMethod('PutIntegrationResponse', ROOT, 'GET', { statusCode: '200', selectionPattern: 'foobar', responseTemplates: { 'application/json': JSON.stringify({ data: 'test' }) } }),
        { ...onMethod('GetIntegrationResponse', ROOT, 'GET', { statusCode: '200' }, 'get-integration-response'), jsonStrings: ["$.responseTemplates['application/json']"] },
      ],
    },
    {
      test: 'test_put_integration_validation',
      steps: [
        callerAccount,
        createApi({ name: 'test-apigw' }),
        onMethod('PutMethod', ROOT, 'GET', { authorizationType: 'NONE' }),
        onMethod('PutMethodResponse', ROOT, 'GET', { statusCode: '200' }),
        ...['HTTP', 'HTTP_PROXY', 'AWS'].map((type) => putIntegration(`required-integration-method-${type}`, { type, uri: 'http://example.com' })),
        putIntegration('not-required-integration-method-MOCK', { type: 'MOCK', uri: 'http://example.com' }),
        ...['HTTP', 'HTTP_PROXY'].map((type) => putIntegration(`http-method-${type}`, { type, uri: 'http://example.com', integrationHttpMethod: 'POST' })),
        putIntegration('aws-integration-AWS', {
          credentials: `arn:${PARTITION_ACCOUNT}:role/service-role/testfunction-role-oe783psq`,
          type: 'AWS',
          uri: 'arn:{{partition}}:apigateway:{{region}}:s3:path/b/k',
          integrationHttpMethod: 'POST',
        }),
        ...['AWS', 'AWS_PROXY'].map((type) =>
          putIntegration(`aws-integration-type-${type}`, {
            type,
            uri: 'arn:{{partition}}:apigateway:{{region}}:lambda:path/2015-03-31/functions/arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:MyLambda/invocations',
            integrationHttpMethod: 'POST',
          }),
        ),
        putIntegration('no-s3-support-AWS_PROXY', {
          credentials: `arn:${PARTITION_ACCOUNT}:role/service-role/testfunction-role-oe783psq`,
          type: 'AWS_PROXY',
          uri: 'arn:{{partition}}:apigateway:{{region}}:s3:path/b/k',
          integrationHttpMethod: 'POST',
        }),
        ...['HTTP', 'HTTP_PROXY'].map((type) => putIntegration(`invalid-uri-${type}`, { type, uri: 'non-valid-http', integrationHttpMethod: 'POST' })),
        putIntegration('invalid-uri-not-an-arn', { type: 'AWS', uri: 'non-valid-arn', integrationHttpMethod: 'POST' }),
        putIntegration('invalid-uri-invalid-arn', { type: 'AWS', uri: 'arn:{{partition}}:iam::0000000000:role/service-role/asdf', integrationHttpMethod: 'POST' }),
      ],
    },
    {
      test: 'test_integration_mock_with_path_param',
      steps: [
        createApi({ description: 'this is my api' }),
        createResource(ROOT, '{testPath}', 'resourceId'),
        onMethod('PutMethod', '{{resourceId}}', 'GET', { authorizationType: 'none', requestParameters: { 'method.request.path.testPath': true } }),
        onMethod('PutMethodResponse', '{{resourceId}}', 'GET', { statusCode: '200' }),
        onMethod(
          'PutIntegration',
          '{{resourceId}}',
          'GET',
          {
            integrationHttpMethod: 'POST',
            type: 'MOCK',
            requestParameters: { 'integration.request.path.integrationPath': 'method.request.path.testPath' },
            requestTemplates: { 'application/json': '{statusCode: 200}' },
          },
          'integration',
        ),
        onMethod('PutIntegrationResponse', '{{resourceId}}', 'GET', { statusCode: '200', selectionPattern: '2\\d{2}', responseTemplates: {} }),
        deploy('dev'),
        // The test asserted an empty 200 answer; it snapshotted nothing of it.
        invoke('/dev/test-path'),
      ],
    },
    {
      test: 'test_integration_mock_with_request_overrides_in_response_template',
      steps: [
        createApi({ description: 'this is my api' }),
        createResource(ROOT, '{testPath}', 'resourceId'),
        ...mockGet('{{resourceId}}', OVERRIDES_REQUEST_TEMPLATE, { 'application/json': OVERRIDES_RESPONSE_TEMPLATE }, { requestParameters: { 'method.request.path.testPath': true } }),
        invoke(`/dev/${base64Json({ message: 'path1' })}`, { snapshot: 'invoke-path1' }),
        invoke(`/dev/${base64Json({ message: 'path2' })}`, { snapshot: 'invoke-path2' }),
        invoke(`/dev/${base64Json({ message: 'whatever' })}`, { snapshot: 'invoke-path-else' }),
      ],
    },
    {
      test: 'test_integration_mock_with_response_override_in_request_template',
      steps: (param: string) => [
        createApi({ description: 'this is my api' }),
        ...mockGet(ROOT, RESPONSE_OVERRIDE_REQUEST_TEMPLATE, param === 'True' ? { 'application/json': RESPONSE_OVERRIDE_RESPONSE_TEMPLATE } : {}),
        // The test asserted the `foo: bar` header the request template set.
        invoke('/dev/', { snapshot: 'response', answer: (r: RecordedAnswer) => ({ ...bodyAndStatus(r), headers: { foo: 'bar' } }) }),
      ],
    },
    {
      test: 'test_integration_mock_with_vtl_map_assignation',
      steps: [
        createApi({ description: 'this is my api' }),
        ...mockGet(ROOT, MAP_ASSIGNATION_REQUEST_TEMPLATE, { 'application/json': MAP_ASSIGNATION_RESPONSE_TEMPLATE }),
        invoke('/dev/', { snapshot: 'response', answer: bodyAndStatus }),
      ],
    },
  ],
  notPorted: {
    test_http_integration_status_code_selection: 'not recorded against AWS',
  },
  notPortedOtherwise: 'not reproduced yet',
};

export default source;
