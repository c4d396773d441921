// TestLambdaURL and the URL request-id test of LocalStack's tests/aws/services/lambda_/test_lambda.py (Apache-2.0):
// a function, its URL config and the public permission, then the test's own HTTP request to the URL (`requests.post`),
// replayed as a plain HTTP step to the captured FunctionUrl. The handlers are LocalStack's, in behaviour.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount, FUNCTION, onFunction, ROLE, zip } from '../lambda-api/common.ts';

/** The test file's URL_HANDLER_CODE with the test's return value filled in. */
const urlHandler = (returnValue: string) => zip(`\ndef handler(event, ctx):\n    return ${returnValue}\n`);
/** LocalStack's functions/lambda_url.js: answer the event and context as the body. */
const NODE_URL_ECHO_SOURCE = 'exports.handler = async (event, context) => {\n    return {\n        statusCode: 200,\n        body: JSON.stringify({event,context})\n    }\n}\n';
const NODE_URL_ECHO = zip(NODE_URL_ECHO_SOURCE, 'lambda_url.js');
/** LocalStack's functions/lambda_unhandled_error.py, in behaviour. */
const UNHANDLED_ERROR = zip('class CustomException(Exception):\n    pass\n\n\ndef handler(event, context):\n    raise CustomException("some error occurred")\n');
/** LocalStack's functions/lambda_echo_json_body.py, in behaviour: the request body is the function's answer. */
const ECHO_JSON_BODY = zip('import json\n\n\ndef handler(event, context):\n    print(json.dumps(event))\n    return json.loads(event["body"])\n', 'lambda_echo_json_body.py');

/**
 * The create_echo_http_server fixture's handler (LocalStack's testing/pytest/fixtures.py), in behaviour: the request
 * as the event shows it, as a JSON body; with TRIM_X_HEADERS=1 without the x-amzn-* and x-forwarded-* headers.
 */
const ECHO_HTTP_SERVER = zip(
  [
    'import json',
    'import os',
    '',
    '',
    'def handler(event, context):',
    '    print(json.dumps(event))',
    '    headers = event.get("headers", {})',
    '    if int(os.getenv("TRIM_X_HEADERS", 0)):',
    '        headers = {k: v for k, v in headers.items() if not (k.startswith("x-amzn") or k.startswith("x-forwarded-"))}',
    '    http = event["requestContext"]["http"]',
    '    body = {',
    '        "args": event.get("queryStringParameters", {}),',
    '        "data": event.get("body", ""),',
    '        "domain": event["requestContext"].get("domainName", ""),',
    '        "headers": headers,',
    '        "method": http.get("method", ""),',
    '        "origin": http.get("sourceIp", ""),',
    '        "path": http.get("path", ""),',
    '    }',
    '    return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": body}',
    '',
  ].join('\n'),
);

/** The fixture's function and public URL (TRIM_X_HEADERS as the test asks). */
const echoHttpServer = (trim: boolean): SourceStep[] => [
  ...createFunction(ECHO_HTTP_SERVER, { Environment: { Variables: { TRIM_X_HEADERS: trim ? '1' : '0' } } }),
  urlConfig(),
  publicPermission(),
];

/** What python-requests adds to every request (recorded in the echoed headers); the tests set the rest. */
const REQUESTS_HEADERS = { Accept: '*/*', 'Accept-Encoding': 'gzip, deflate' };

/** create_lambda_function: CreateFunction (30 s timeout, empty environment) and the wait until it is Active. */
const createFunction = (code: { $blob: string }, params: Record<string, unknown> = {}): SourceStep[] => [
  { op: 'CreateFunction', params: { FunctionName: FUNCTION, Runtime: 'python3.12', Role: ROLE, Handler: 'handler.handler', Code: { ZipFile: code }, Timeout: 30, Environment: { Variables: {} }, Tags: {}, ...params } },
  { op: 'GetFunctionConfiguration', params: { FunctionName: FUNCTION }, until: { path: '$.State', matches: '^Active$' } },
];
const nodeFunction = (code: { $blob: string }, handler: string) => createFunction(code, { Runtime: 'nodejs20.x', Handler: handler });

/** CreateFunctionUrlConfig (AuthType NONE), its FunctionUrl captured as {{functionUrl}}. */
const urlConfig = (snapshot?: string, params: Record<string, unknown> = {}): SourceStep => ({
  op: 'CreateFunctionUrlConfig',
  params: { FunctionName: FUNCTION, AuthType: 'NONE', ...params },
  capture: { functionUrl: '$.FunctionUrl' },
  ...(snapshot ? { snapshot } : {}),
});

/** The public permission every URL test adds (`add_permission` with FunctionUrlAuthType NONE). */
const publicPermission = (snapshot?: string, params: Record<string, unknown> = {}): SourceStep => ({
  op: 'AddPermission',
  params: { FunctionName: FUNCTION, StatementId: 'urlPermission', Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE', ...params },
  ...(snapshot ? { snapshot, jsonStrings: ['$.Statement'] } : {}),
});

/** `requests.post` to the function URL, as the test sent it. */
const post = (request: Omit<NonNullable<SourceStep['http']>, 'url' | 'method'>, extra: Partial<SourceStep> = {}): SourceStep => ({
  op: 'InvokeFunctionUrl',
  params: {},
  http: { url: '{{functionUrl}}', method: 'POST', ...request },
  ...extra,
});

/** The tests' usual request: a path and query on the URL, and a body that is no JSON (`data=b"{'key':'value'}"`). */
const CUSTOM_PATH = { path: '/custom_path/extend', query: { test_param: 'test_value' }, body: "{'key':'value'}" };

/** The dict test_lambda_url_invocation and test_request_id_invoke_url build from the response. */
interface Recorded {
  statuscode: number;
  headers: Record<string, string>;
  content: unknown;
}
const recordedAnswer = (recorded: Recorded) => ({ status: recorded.statuscode, headers: recorded.headers, body: recorded.content });

/** test_lambda_url_invocation's return values, by the test's parameter. */
const RETURN_VALUES: Record<string, string> = {
  dict: '{"hello": "world"}',
  'http-response': '{"statusCode": 200, "body": "body123"}',
  'http-response-json': '{"statusCode": 200, "body": "{\\"hello\\": \\"world\\"}"}',
  'list-mixed': '["hello", 3, True]',
  string: '"hello"',
  integer: '3',
  float: '3.1',
  boolean: 'True',
};

/** The alias-deletion test's `_invoke_function`: the status, and the error type and text when there is one. */
interface AliasInvocation {
  status_code: number;
  headers?: Record<string, string>;
  content?: unknown;
}
const aliasAnswer = (recorded: AliasInvocation) => ({ status: recorded.status_code, headers: recorded.headers, body: recorded.content });

export const urlScenarios: SourceScenario[] = [
  {
    test: 'TestLambdaURL::test_lambda_url_invocation',
    steps: (param) => [
      callerAccount,
      ...createFunction(urlHandler(RETURN_VALUES[param])),
      urlConfig('create_lambda_url_config'),
      publicPermission('add_permission'),
      post(CUSTOM_PATH, { snapshot: 'lambda_url_invocation', answer: recordedAnswer }),
    ],
  },
  {
    test: 'TestRequestIdHandling::test_request_id_invoke_url',
    note: "the request id the URL answered with is the one the function's END log line names; the log entries are not reproduced",
    steps: [
      callerAccount,
      ...createFunction(urlHandler("'hi'")),
      urlConfig('create_lambda_url_config'),
      publicPermission('add_permission'),
      post(CUSTOM_PATH, { snapshot: 'lambda_url_invocation', answer: recordedAnswer }),
    ],
  },
  {
    test: 'TestLambdaURL::test_lambda_url_invocation_exception',
    note: 'the test asserts (not records) that the URL answered 502 Internal Server Error: that request is replayed expecting a failure, not judged further',
    steps: [
      callerAccount,
      ...createFunction(UNHANDLED_ERROR),
      onFunction('GetFunction', 'get_fn_result', {}, { ignore: ['$.Configuration.CodeSize', '$.Code.Location'] }),
      urlConfig('create_lambda_url_config'),
      publicPermission('add_permission'),
      post({ body: '{}', headers: { 'User-Agent': 'python-requests/testing' } }, { fails: true }),
    ],
  },
  {
    test: 'TestLambdaURL::test_lambda_url_echo_invoke',
    note: 'the requests to the URL are checked by assertions only (not recorded): setup steps',
    steps: (param) => [
      callerAccount,
      ...nodeFunction(NODE_URL_ECHO, 'lambda_url.handler'),
      urlConfig('create_lambda_url_config', param === 'None' ? {} : { InvokeMode: param }),
      publicPermission('add_permission'),
      post({ ...CUSTOM_PATH, body: 'text', headers: { 'Content-Type': 'text/plain' } }),
    ],
  },
  {
    test: 'TestLambdaURL::test_lambda_update_function_url_config',
    steps: [
      callerAccount,
      ...nodeFunction(NODE_URL_ECHO, 'lambda_url.handler'),
      urlConfig('create_lambda_url_config', { InvokeMode: 'BUFFERED' }),
      onFunction('GetFunctionUrlConfig', 'get_url_config'),
      onFunction('UpdateFunctionUrlConfig', 'modify_lambda_url_config', { InvokeMode: 'RESPONSE_STREAM' }),
      onFunction('GetFunctionUrlConfig', 'get_url_config_2'),
      onFunction('UpdateFunctionUrlConfig', 'modify_lambda_url_config_none'),
      onFunction('GetFunctionUrlConfig', 'get_url_config_3'),
    ],
  },
  {
    test: 'TestLambdaURL::test_lambda_url_invalid_invoke_mode',
    steps: [callerAccount, ...createFunction(ECHO_JSON_BODY, { Handler: 'lambda_echo_json_body.handler' }), onFunction('CreateFunctionUrlConfig', 'invoke_function_invalid_invoke_type', { AuthType: 'NONE', InvokeMode: 'UNKNOWN' })],
  },
  {
    test: 'TestLambdaURL::test_lambda_url_persists_after_alias_delete',
    note: "the test's function_exists and function_active_v2 waiters are polls of GetFunctionConfiguration; its wait for the URL config's deletion is a poll of GetFunctionUrlConfig until it fails, then its 2 s sleep",
    steps: [
      callerAccount,
      // handler_file without a handler: the fixture's default handler.handler, the file zipped as handler.js.
      ...createFunction(zip(NODE_URL_ECHO_SOURCE, 'handler.js'), { Runtime: 'nodejs20.x' }),
      { op: 'PublishVersion', params: { FunctionName: FUNCTION } },
      { op: 'CreateAlias', params: { FunctionName: FUNCTION, FunctionVersion: '1', Name: 'alias-{{suffix}}' } },
      urlConfig('create_lambda_url_config', { InvokeMode: 'BUFFERED', Qualifier: 'alias-{{suffix}}' }),
      publicPermission(undefined, { Qualifier: 'alias-{{suffix}}' }),
      { op: 'GetFunctionConfiguration', params: { FunctionName: FUNCTION, Qualifier: 'alias-{{suffix}}' }, until: { path: '$.State', matches: '^Active$' } },
      post({ body: 'text', headers: { 'Content-Type': 'text/plain' } }, { snapshot: 'invoke_aliased_url_response', answer: aliasAnswer }),
      onFunction('DeleteAlias', 'delete_alias_resp', { Name: 'alias-{{suffix}}' }),
      // Polled until it fails (a path that never matches), as the test waits for the config to be gone.
      { op: 'GetFunctionUrlConfig', params: { FunctionName: FUNCTION, Qualifier: 'alias-{{suffix}}' }, until: { path: '$.FunctionUrl', matches: '^$' }, fails: true },
      post({ body: 'text', headers: { 'Content-Type': 'text/plain' } }, { snapshot: 'invoke_deleted_alias_url_response_delayed', answer: aliasAnswer, delaySeconds: 2 }),
    ],
  },
  {
    test: 'TestLambdaURL::test_lambda_url_echo_http_fixture_trim_x_headers',
    steps: [
      callerAccount,
      ...echoHttpServer(true),
      post(
        { path: '/path/1', query: { q: 'query' }, headers: { ...REQUESTS_HEADERS, 'content-type': 'application/json', 'ExTrA-HeadErs': 'With WeiRd CapS', 'user-agent': 'test/echo' }, body: '{"foo": "bar"}' },
        { snapshot: 'url_response', answer: (body: unknown) => ({ body }), jsonStrings: ['$.body.data'] },
      ),
    ],
  },
  {
    test: 'TestLambdaURL::test_lambda_url_form_payload',
    note: 'the multipart body reaches the function base64-encoded (the echo answers it as `data`)',
    steps: [
      callerAccount,
      ...echoHttpServer(true),
      post(
        {
          path: '/test/value',
          headers: { ...REQUESTS_HEADERS, 'Content-Type': 'multipart/form-data; boundary=4efd159eae0c4f4e125a5a509e073d85', 'User-Agent': 'python/test-request' },
          body: '\r\n--4efd159eae0c4f4e125a5a509e073d85\r\nContent-Disposition: form-data; name="formfield"\r\n\r\nnot a file, just a field\r\n--4efd159eae0c4f4e125a5a509e073d85\r\nContent-Disposition: form-data; name="foo"; filename="foo"\r\nContent-Type: text/plain;\r\n\r\nbar\r\n\r\n--4efd159eae0c4f4e125a5a509e073d85--\r\n',
        },
        { snapshot: 'url_response', answer: (body: unknown) => ({ body }) },
      ),
    ],
  },
  {
    test: 'TestLambdaPermissions::test_lambda_permission_url_invocation',
    note: 'the test records the body of the 403 it asserts, for a URL without the public permission',
    steps: [
      callerAccount,
      ...nodeFunction(NODE_URL_ECHO, 'lambda_url.handler'),
      urlConfig(),
      post({ body: 'text', headers: { 'Content-Type': 'text/plain' } }, { snapshot: 'lambda_url_invocation_missing_permission', answer: (body: unknown) => ({ status: 403, body }) }),
    ],
  },
];
