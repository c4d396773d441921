// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_lambda.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences: REST APIs whose Lambda integrations
// run the tests' Python handlers (tests/aws/services/lambda_/functions/, given here as the source they deploy), called
// over HTTP as the tests' own requests (plain HTTP steps). Expected responses come only from the recorded snapshots.
import { pythonJson, type SourceFile, type SourceStep } from '../../verifier/port/source-types.ts';
import { apigatewayFile } from './apigateway.ts';
import { callerAccount, createApi, createResource, deploy, FUNCTION_URI, invocationRole, invoke, onMethod, pythonFunction, ROOT } from './apigateway-invoke/common.ts';

/** lambda_echo.py: prints the event and answers it. */
const ECHO = 'import json\n\n\ndef handler(event, context):\n    # Just print the event that was passed to the Lambda\n    print(json.dumps(event))\n    return event\n';
/** lambda_aws_proxy.py: answers the event as a proxy integration's JSON body. */
const AWS_PROXY =
  'import json\n\n\ndef handler(event, context):\n    # Just print the event that was passed to the Lambda\n    print(json.dumps(event))\n    return {\n        "statusCode": 200,\n        "body": json.dumps(event),\n        "isBase64Encoded": False,\n    }\n';
/** lambda_select_pattern.py: passes, or raises errors that the integration responses' selection patterns match. */
const SELECT_PATTERN =
  'def handler(event, context):\n    status_code = event["statusCode"]\n    match status_code:\n        case "200":\n            return "Pass"\n        case "400":\n            raise Exception("Error: Raising four hundred from within the Lambda function")\n        case "500":\n            raise Exception("Error: Raising five hundred from within the Lambda function")\n        case _:\n            return "Error Value in the json request should either be 400 or 500 to demonstrate"\n';
/** lambda_mapping_responses.py: answers by the mapped request body's httpStatus. */
const MAPPING_RESPONSES =
  'def handler(event, context):\n    body = event.get("body")\n    status_code = body.get("httpStatus")\n    if int(status_code) >= 400:\n        return {"statusCode": 200, "body": "customerror"}\n    else:\n        return {"statusCode": 200, "body": "noerror"}\n';

/** `create_lambda_function`, `create_role_with_policy` for lambda:InvokeFunction and `create_rest_apigw`, in the tests' order. */
const functionRoleApi = (source: string, file: string): SourceStep[] => [callerAccount, ...pythonFunction(source, file), ...invocationRole('lambda:InvokeFunction'), createApi()];
/** A JSON answer the test snapshotted as `response.json()`: a JSON string is the document `"text"`. */
const jsonAnswer = (status: number) => (recorded: unknown) => ({ status, body: typeof recorded === 'string' ? JSON.stringify(recorded) : recorded });

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_lambda',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  redactedWords: { datetime: 'timestamp' },
  scenarios: [
    {
      test: 'test_put_integration_aws_proxy_uri',
      steps: () => {
        const put = (uri: string, snapshot: string) =>
          onMethod('PutIntegration', ROOT, 'ANY', { type: 'AWS_PROXY', integrationHttpMethod: 'POST', credentials: '{{roleArn}}', uri }, snapshot);
        return [
          createApi(),
          callerAccount,
          ...pythonFunction(AWS_PROXY, 'lambda_aws_proxy'),
          ...invocationRole('lambda:InvokeFunction'),
          onMethod('PutMethod', ROOT, 'ANY', { authorizationType: 'NONE' }),
          put('{{functionArn}}', 'put-integration-lambda-uri'),
          put('bad-arn:lambda:path/2015-03-31/functions/{{functionArn}}/invocations', 'put-integration-wrong-arn'),
          put('arn:aws:apigateway:{{region}}:lambda:test/2015-03-31/functions/{{functionArn}}/invocations', 'put-integration-wrong-type'),
          put('arn:aws:apigateway:{{region}}:firehose:path/2015-03-31/functions/{{functionArn}}/invocations', 'put-integration-wrong-firehose'),
          put('arn:aws:apigateway:{{region}}:lambda:path/random/value/{{functionArn}}/invocations', 'put-integration-bad-lambda-arn'),
        ];
      },
    },
    {
      test: 'test_lambda_aws_integration',
      note: "the test's retries are single calls: the emulator serves a deployment at once",
      steps: [
        ...functionRoleApi(ECHO, 'lambda_echo'),
        createResource(ROOT, 'test', 'resourceId'),
        onMethod('PutMethod', '{{resourceId}}', 'POST', { authorizationType: 'NONE' }, 'put-method'),
        onMethod('PutIntegration', '{{resourceId}}', 'POST', { type: 'AWS', integrationHttpMethod: 'POST', uri: FUNCTION_URI, credentials: '{{roleArn}}' }, 'put-integration'),
        onMethod('PutIntegrationResponse', '{{resourceId}}', 'POST', { statusCode: '200' }, 'put-integration-response'),
        onMethod('PutMethodResponse', '{{resourceId}}', 'POST', { statusCode: '200' }, 'put-method-response'),
        deploy('api'),
        invoke('/api/test', { method: 'POST', body: '{"message": "hello world"}', snapshot: 'lambda-aws-integration', answer: jsonAnswer(200) }),
      ],
    },
    {
      test: 'test_lambda_aws_integration_with_request_template',
      note: "the test's retries are single calls: the emulator serves a deployment at once",
      steps: [
        ...functionRoleApi(ECHO, 'lambda_echo'),
        createResource(ROOT, 'test', 'resourceId'),
        onMethod('PutMethod', '{{resourceId}}', 'GET', { authorizationType: 'NONE', requestParameters: { 'method.request.querystring.param1': false } }, 'put-method'),
        onMethod('PutMethodResponse', '{{resourceId}}', 'GET', { statusCode: '200' }, 'put-method-response'),
        {
          ...onMethod(
            'PutIntegration',
            '{{resourceId}}',
            'GET',
            { integrationHttpMethod: 'POST', type: 'AWS', uri: FUNCTION_URI, credentials: '{{roleArn}}', requestTemplates: { 'application/json': `{"param1": "$input.params('param1')"}` } },
            'put-integration',
          ),
          jsonStrings: ["$.requestTemplates['application/json']"],
        },
        onMethod('PutIntegrationResponse', '{{resourceId}}', 'GET', { statusCode: '200', selectionPattern: '' }, 'put-integration-response'),
        deploy('api'),
        invoke('/api/test', { query: { param1: 'foobar' }, snapshot: 'lambda-aws-integration-1', answer: jsonAnswer(200) }),
        invoke('/api/test', { query: { param1: 'foobar', Signature: '1' }, snapshot: 'lambda-aws-integration-2', answer: jsonAnswer(200) }),
        onMethod('DeleteIntegration', '{{resourceId}}', 'GET', {}, 'delete-integration'),
        onMethod('GetIntegration', '{{resourceId}}', 'GET', {}, 'get-integration-after-delete'),
      ],
    },
    {
      test: 'test_lambda_aws_integration_response_with_mapping_templates',
      note: "the templates are the test's request-template.vm and response-template.vm (contracts/_sources/apigateway-files); the test's retries are single calls",
      steps: [
        ...functionRoleApi(MAPPING_RESPONSES, 'lambda_mapping_responses'),
        createResource(ROOT, 'test', 'resourceId'),
        onMethod('PutMethod', '{{resourceId}}', 'POST', { authorizationType: 'NONE' }),
        onMethod('PutMethodResponse', '{{resourceId}}', 'POST', { statusCode: '200' }),
        onMethod('PutMethodResponse', '{{resourceId}}', 'POST', { statusCode: '400' }),
        onMethod('PutIntegration', '{{resourceId}}', 'POST', {
          integrationHttpMethod: 'POST',
          type: 'AWS',
          uri: FUNCTION_URI,
          credentials: '{{roleArn}}',
          requestTemplates: { 'application/json': apigatewayFile('request-template.vm') },
        }),
        onMethod('PutIntegrationResponse', '{{resourceId}}', 'POST', { statusCode: '200', selectionPattern: '', responseTemplates: { 'application/json': apigatewayFile('response-template.vm') } }),
        deploy('api'),
        ...(
          [
            ['response-template-202', { httpStatus: '200' }],
            ['response-template-400', { httpStatus: '400', errorMessage: 'Test Bad request' }],
          ] as const
        ).map(([snapshot, body]) =>
          invoke('/api/test', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: pythonJson(body),
            snapshot,
            answer: (recorded: { statusCode: number; body: unknown }) => ({ status: recorded.statusCode, body: recorded.body }),
          }),
        ),
      ],
    },
    {
      test: 'test_lambda_selection_patterns',
      note: "the test's retries are single calls: the emulator serves a deployment at once",
      steps: [
        ...invocationRole('lambda:InvokeFunction'),
        callerAccount,
        ...pythonFunction(SELECT_PATTERN, 'lambda_select_pattern'),
        createApi(),
        createResource(ROOT, '{statusCode}', 'resourceId'),
        onMethod('PutMethod', '{{resourceId}}', 'GET', { authorizationType: 'NONE' }),
        onMethod('PutIntegration', '{{resourceId}}', 'GET', {
          integrationHttpMethod: 'POST',
          type: 'AWS',
          uri: FUNCTION_URI,
          credentials: '{{roleArn}}',
          requestTemplates: { 'application/json': `{"statusCode": "$input.params('statusCode')"}` },
        }),
        ...['200', '405', '502'].map((statusCode) => onMethod('PutMethodResponse', '{{resourceId}}', 'GET', { statusCode })),
        ...(
          [
            ['200', ''],
            ['405', '.*four hundred.*'],
            ['502', '.+'],
            ['504', '200'],
          ] as const
        ).map(([statusCode, selectionPattern]) => onMethod('PutIntegrationResponse', '{{resourceId}}', 'GET', { statusCode, selectionPattern })),
        deploy('dev'),
        ...(
          [
            [200, 200],
            [400, 405],
            [500, 502],
          ] as const
        ).map(([code, status]) => invoke(`/dev/${code}`, { snapshot: `lambda-selection-pattern-${code}`, answer: jsonAnswer(status) })),
      ],
    },
  ],
  notPorted: {},
  notPortedOtherwise:
    "not reproduced yet: the Lambda proxy event and response tests snapshot API Gateway's whole proxy event and answer headers, CloudFront's edge headers included",
};

export default source;
