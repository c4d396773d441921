// Shared steps of LocalStack's AWS-validated API Gateway tests that deploy a REST API and call it over HTTP
// (github.com/localstack/localstack, tests/aws/services/apigateway/, Apache-2.0). Fixtures: `create_rest_apigw`
// calls CreateRestApi with the test's parameters; `api_invoke_url` is the API's invoke URL, written here in the
// emulator's execute-api form that the verifier sends to the real invoke URL on AWS (verifier/replay/plain-url.ts).
import { pythonBytesToBase64 } from '../../../verifier/port/snapshot-expectation.ts';
import { pythonJson, type SourceStep } from '../../../verifier/port/source-types.ts';
import { FUNCTION, ROLE, zip } from '../lambda-api/common.ts';

export const API = '{{apiId}}';
export const ROOT = '{{rootId}}';
/** The host of the API's invoke URL (`api_invoke_url`); the stage is the first segment of each request's path. */
export const INVOKE_URL = 'http://{{apiId}}.execute-api.localhost.localstack.cloud';
/** What python-requests sends with every request unless the test sets it. */
export const REQUESTS_HEADERS = { 'User-Agent': 'python-requests/2.32.3', 'Accept-Encoding': 'gzip, deflate', Accept: '*/*' };

/** The test's `account_id` fixture: the caller's account, for ARNs the test writes out. */
export const callerAccount: SourceStep = { service: 'sts', protocol: 'query', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } };

/** CreateRestApi through the fixture, its id and root resource id captured. */
export const createApi = (params: Record<string, unknown> = {}, snapshot?: string): SourceStep => ({
  op: 'CreateRestApi',
  params: { name: 'test-api-{{suffix}}', ...params },
  snapshot,
  capture: { apiId: '$.id', rootId: '$.rootResourceId' },
});

/** A call on one method of a resource (`PutMethod`, `PutIntegration`, ...). */
export const onMethod = (op: string, resourceId: string, httpMethod: string, params: Record<string, unknown> = {}, snapshot?: string): SourceStep => ({
  op,
  params: { restApiId: API, resourceId, httpMethod, ...params },
  snapshot,
});

export const createResource = (parentId: string, pathPart: string, capture: string, snapshot?: string): SourceStep => ({
  op: 'CreateResource',
  params: { restApiId: API, parentId, pathPart },
  snapshot,
  capture: { [capture]: '$.id' },
});

export const deploy = (stageName: string, snapshot?: string, params: Record<string, unknown> = {}): SourceStep => ({
  op: 'CreateDeployment',
  params: { restApiId: API, stageName, ...params },
  snapshot,
});

/** What a test recorded of an answer: its status and body (a JSON body as its document), as `{body, status_code}`. */
export interface RecordedAnswer {
  body?: unknown;
  status_code?: number;
  statusCode?: number;
}

/**
 * The test's own request to the deployed API (`requests.<method>(api_invoke_url(...))`): `path` starts with the stage.
 * `answer` reads the snapshot's value as the HTTP answer; by default the value is the JSON body of a 200 answer.
 */
export const invoke = (
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    /** Text, or bytes that are not UTF-8 as `{ $blob: base64 }`. */
    body?: string | { $blob: string };
    query?: Record<string, string>;
    snapshot?: string;
    status?: number;
    answer?: (recorded: never) => { status?: number; headers?: Record<string, string>; absentHeaders?: string[]; body?: unknown };
  } = {},
): SourceStep => ({
  op: 'InvokeApi',
  params: {},
  http: {
    url: INVOKE_URL,
    method: options.method ?? 'GET',
    path,
    ...(options.query ? { query: options.query } : {}),
    headers: { ...REQUESTS_HEADERS, ...options.headers },
    ...(options.body !== undefined ? { body: options.body } : {}),
  },
  snapshot: options.snapshot,
  ...(options.status !== undefined ? { status: options.status } : {}),
  answer: options.answer ?? ((body: unknown) => ({ status: options.status ?? 200, body })),
});

/** A recorded `{body, status_code}` dict as the answer it stands for (`b''` is Python's empty bytes). */
export const bodyAndStatus = (recorded: RecordedAnswer) => ({
  status: recorded.status_code ?? recorded.statusCode,
  body: recorded.body === "b''" ? '' : recorded.body,
});

/** Python's `repr()` of bytes the test snapshotted (`b'...'`) as the text a client reads from them (UTF-8, invalid bytes replaced). */
export function pythonBytesText(repr: string): string {
  return Buffer.from(pythonBytesToBase64(repr), 'base64').toString('utf8');
}

/**
 * `create_lambda_function` with the test's Python source (python3.12, `<file>.handler`; the file's name shows in
 * stack traces), waited on until Active; its ARN captured as {{functionArn}}.
 */
export const pythonFunction = (source: string, file = 'handler'): SourceStep[] => [
  {
    op: 'CreateFunction',
    service: 'lambda',
    protocol: 'rest-json',
    params: { FunctionName: FUNCTION, Runtime: 'python3.12', Role: ROLE, Handler: `${file}.handler`, Code: { ZipFile: zip(source, `${file}.py`) } },
    capture: { functionArn: '$.FunctionArn' },
  },
  { op: 'GetFunctionConfiguration', service: 'lambda', protocol: 'rest-json', params: { FunctionName: FUNCTION }, until: { path: '$.State', matches: '^Active$' } },
];

/** The integration URI that invokes the function of `pythonFunction` (`arns.apigateway_invocations_arn`). */
export const FUNCTION_URI = 'arn:aws:apigateway:{{region}}:lambda:path/2015-03-31/functions/{{functionArn}}/invocations';

const iam = (op: string, params: Record<string, unknown>, capture?: SourceStep['capture']): SourceStep => ({ service: 'iam', protocol: 'query', op, params, ...(capture ? { capture } : {}) });

/**
 * `create_role_with_policy("Allow", <action>, json.dumps(APIGATEWAY_ASSUME_ROLE_POLICY), "*")`: a role API Gateway may
 * assume (the tests' trust policy, with no Version) allowed the action by an attached managed policy; its ARN captured
 * as {{roleArn}}.
 */
export const invocationRole = (action: string): SourceStep[] => [
  iam(
    'CreateRole',
    { RoleName: 'role-{{suffix}}', AssumeRolePolicyDocument: pythonJson({ Statement: { Sid: '', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' } }) },
    { roleArn: '$.Role.Arn' },
  ),
  iam(
    'CreatePolicy',
    { PolicyName: 'p-{{suffix}}', PolicyDocument: pythonJson({ Version: '2012-10-17', Statement: [{ Sid: 's{{suffix}}', Effect: 'Allow', Action: [action], Resource: '*' }] }) },
    { policyArn: '$.Policy.Arn' },
  ),
  iam('AttachRolePolicy', { RoleName: 'role-{{suffix}}', PolicyArn: '{{policyArn}}' }),
];

/** A public URL for the function (`create_function_url_config` AuthType NONE and the test's permission), captured as {{functionUrl}}. */
export const publicFunctionUrl: SourceStep[] = [
  { op: 'CreateFunctionUrlConfig', service: 'lambda', protocol: 'rest-json', params: { FunctionName: FUNCTION, AuthType: 'NONE' }, capture: { functionUrl: '$.FunctionUrl' } },
  {
    op: 'AddPermission',
    service: 'lambda',
    protocol: 'rest-json',
    params: { FunctionName: FUNCTION, StatementId: 'urlPermission', Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE' },
  },
];

/** The conftest's APIGATEWAY_ASSUME_ROLE_POLICY (a Statement object, no Version). */
const APIGATEWAY_TRUST = { Statement: { Sid: '', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' } };

/**
 * `create_iam_role_with_policy`: a role (API Gateway's trust policy unless told) with an inline policy allowing
 * `<service>:*` (the conftest's `APIGATEWAY_<SERVICE>_POLICY`); its ARN captured as `capture` ({{roleArn}}).
 */
export const roleWithInlinePolicy = (service: string, options: { name?: string; trust?: object; capture?: string } = {}): SourceStep[] => {
  const roleName = `${options.name ?? 'role-apigw'}-{{suffix}}`;
  return [
    iam('CreateRole', { RoleName: roleName, AssumeRolePolicyDocument: pythonJson(options.trust ?? APIGATEWAY_TRUST) }, { [options.capture ?? 'roleArn']: '$.Role.Arn' }),
    iam('PutRolePolicy', {
      RoleName: roleName,
      PolicyName: `policy-${roleName}`,
      PolicyDocument: pythonJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `${service}:*`, Resource: '*' }] }),
    }),
  ];
};

/**
 * The conftest's `create_rest_api_with_integration`: a REGIONAL API with `/test`'s POST method, an AWS integration of
 * `uri` as a role allowed the service, the 200 responses (`$input.json('$')` by default), deployed to stage `dev`.
 */
export const apiWithIntegration = (uri: string, service: string, requestTemplates: Record<string, string>): SourceStep[] => [
  createApi({ name: 'test-apigw-{{suffix}}', endpointConfiguration: { types: ['REGIONAL'] } }),
  createResource(ROOT, 'test', 'resourceId'),
  onMethod('PutMethod', '{{resourceId}}', 'POST', { authorizationType: 'NONE', apiKeyRequired: false, requestParameters: {} }),
  ...roleWithInlinePolicy(service),
  onMethod('PutIntegration', '{{resourceId}}', 'POST', { integrationHttpMethod: 'POST', type: 'AWS', credentials: '{{roleArn}}', uri, requestTemplates, requestParameters: {} }),
  onMethod('PutMethodResponse', '{{resourceId}}', 'POST', { statusCode: '200' }),
  onMethod('PutIntegrationResponse', '{{resourceId}}', 'POST', { statusCode: '200', responseTemplates: { 'application/json': "$input.json('$')" } }),
  { op: 'CreateDeployment', params: { restApiId: API }, capture: { deploymentId: '$.id' } },
  { op: 'CreateStage', params: { restApiId: API, stageName: 'dev', deploymentId: '{{deploymentId}}' } },
];
