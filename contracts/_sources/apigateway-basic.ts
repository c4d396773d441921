// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_basic.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences, with the tests' own HTTP requests to
// the deployed API as plain HTTP steps. Expected responses come only from the recorded snapshots.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import { apigatewayFile } from './apigateway.ts';
import { API, callerAccount, createApi, createResource, deploy, invoke, onMethod, ROOT } from './apigateway-invoke/common.ts';

/** LocalStack's path-based form of an invoke URL (`UrlType.PATH_BASED`), reached on the emulator's own name. */
const PATH_BASED_URL = 'http://localhost.localstack.cloud';

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_basic',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  redactedWords: { datetime: 'timestamp' },
  scenarios: [
    {
      test: 'TestAPIGateway::test_update_rest_api_deployment',
      note: "the HTTP integration's URI (httpbin) is never called",
      steps: [
        createApi({ name: 'test_gateway5' }),
        onMethod('PutMethod', ROOT, 'GET', { authorizationType: 'none' }),
        onMethod('PutIntegration', ROOT, 'GET', { type: 'HTTP', uri: 'http://httpbin.org/robots.txt', integrationHttpMethod: 'POST' }),
        onMethod('PutIntegrationResponse', ROOT, 'GET', { statusCode: '200', selectionPattern: 'foobar', responseTemplates: {} }),
        { op: 'CreateDeployment', params: { restApiId: API, description: 'my deployment' }, capture: { deploymentId: '$.id' } },
        { op: 'UpdateDeployment', params: { restApiId: API, deploymentId: '{{deploymentId}}', patchOperations: [{ op: 'replace', path: '/description', value: 'new-description' }] }, snapshot: 'after-update' },
      ],
    },
    {
      test: 'TestAPIGateway::test_apigateway_with_custom_authorization_method',
      note: "the authorizer's function (the integration_lambda fixture) is never invoked, and the snapshot redacts its URI: the URI names a function of the caller's account; the test's `{api_id}` dict is not an API answer and is left out",
      steps: [
        callerAccount,
        createApi({ name: 'test-api' }),
        {
          op: 'CreateAuthorizer',
          params: {
            restApiId: API,
            name: 'lambda_authorizer',
            type: 'TOKEN',
            authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/                 2015-03-31/functions/arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:int-{{suffix}}/invocations',
            identitySource: 'method.request.header.Auth',
          },
          snapshot: 'authorizer',
          capture: { authorizerId: '$.id' },
        },
        onMethod('PutMethod', ROOT, 'GET', { authorizationType: 'CUSTOM', authorizerId: '{{authorizerId}}', apiKeyRequired: true }, 'put-method-response'),
      ],
    },
    {
      test: 'TestAPIGateway::test_api_gateway_mock_integration',
      steps: [
        createApi({ name: 'apigw-{{suffix}}' }),
        { op: 'PutRestApi', params: { restApiId: API, body: apigatewayFile('openapi-mock.json'), mode: 'overwrite' } },
        deploy('test'),
        invoke('/test/echo/foobar', { snapshot: 'mocked-response' }),
      ],
    },
    {
      test: 'TestIntegrations::test_mock_integration_response',
      note: "PATH_BASED variants call LocalStack's path-style URL (/restapis/<id>/<stage>/_user_request_/...), which the verifier sends to the API's invoke URL on AWS",
      steps: (param: string) => {
        const [passthroughBehavior, urlType, method] = param.split('-');
        const path = urlType === 'UrlType.PATH_BASED' ? `/restapis/${API}/test/_user_request_/42` : '/test/42';
        const call = invoke(path, { method, headers: { 'Content-Type': 'application/json' }, snapshot: 'mock-response' });
        return [
          createApi({ name: 'mock-api' }),
          createResource(ROOT, '{id}', 'resourceId'),
          onMethod('PutMethod', '{{resourceId}}', method, { authorizationType: 'NONE' }),
          onMethod('PutIntegration', '{{resourceId}}', method, {
            type: 'MOCK',
            integrationHttpMethod: method,
            passthroughBehavior,
            requestTemplates: { 'application/json': '{"statusCode":200}' },
          }),
          onMethod('PutMethodResponse', '{{resourceId}}', method, { statusCode: '200', responseModels: { 'application/json': 'Empty' } }),
          onMethod('PutIntegrationResponse', '{{resourceId}}', method, { statusCode: '200', responseTemplates: { 'application/json': '{"statusCode": 200, "id": $input.params().path.id}' } }),
          deploy('test'),
          urlType === 'UrlType.PATH_BASED' ? { ...call, http: { ...call.http!, url: PATH_BASED_URL } } : call,
        ];
      },
    },
  ],
  notPorted: {},
  notPortedOtherwise: 'not reproduced yet',
};

export default source;
