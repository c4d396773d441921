// LocalStack's AWS-validated CloudFormation tests of the API Gateway resource types (github.com/localstack/localstack,
// tests/aws/services/cloudformation/resources/test_apigateway.py, test_sam.py's serverless API test and
// api/test_transformers.py's AWS::Include tests, Apache-2.0) reproduced as request sequences: a template of
// tests/aws/templates/ (or the test's own) deployed by the `deploy_cfn_template` fixture, then the REST API read
// through API Gateway. Expected responses come only from the recorded snapshots.
import type { SourceStep } from '../../verifier/port/source-types.ts';
import { apigatewayFile } from './apigateway.ts';
import { deployed, DESTROY, outputsOf, rendered, resourceModule, STACK, template } from './cloudformation/common.ts';
import { callerAccount, CONFIGURATION_CODE_SIZE, ROLE, zip } from './lambda-api/common.ts';

const apigw = (op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({ service: 'apigateway', protocol: 'rest-json', op, params, ...more });
const restApi = (snapshot: string, id = '{{RestApiId}}', more: Partial<SourceStep> = {}) => apigw('GetRestApi', { restApiId: id }, { snapshot, ...more });

/** The stack's name where the test's key_value transformer redacted it (`<aws:cloudformation:stack-name:1>`). */
const STACK_NAME_KEY = { '<aws:cloudformation:stack-name:1>': STACK };
/**
 * The stack's name where the test's regex transformer wrote `stack-name` for it: the tag key of that name keeps its
 * text (the longer word is replaced by itself first).
 */
const STACK_NAME_TEXT = { 'aws:cloudformation:stack-name': 'aws:cloudformation:stack-name', 'stack-name': STACK };

const ssm = (op: string, params: Record<string, unknown>): SourceStep => ({ service: 'ssm', protocol: 'json', op, params });

// test_cfn_apigateway_swagger_import's TEST_TEMPLATE_1.
const SWAGGER_IMPORT = `
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  ApiName:
    Type: String
  IntegrationUri:
    Type: String
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      Name: !Ref ApiName
      DefinitionBody:
        swagger: 2.0
        info:
          version: "1.0"
          title: "Public API"
        basePath: /base
        schemes:
        - "https"
        x-amazon-apigateway-binary-media-types:
        - "*/*"
        paths:
          /test:
            post:
              responses: {}
              x-amazon-apigateway-integration:
                uri: !Ref IntegrationUri
                httpMethod: "POST"
                type: "http_proxy"
`;

// test_api_gateway_with_policy_as_dict's template (its indented triple-quoted text).
const POLICY_AS_DICT = `
    Parameters:
      RestApiName:
        Type: String
    Resources:
      MyApi:
        Type: AWS::ApiGateway::RestApi
        Properties:
          Name: !Ref RestApiName
          Policy:
            Version: "2012-10-17"
            Statement:
            - Sid: AllowInvokeAPI
              Action: "*"
              Effect: Allow
              Principal:
                AWS: "*"
              Resource: "*"
    Outputs:
      MyApiId:
        Value: !Ref MyApi
    `;

// LocalStack's tests/aws/services/lambda_/functions/lambda_echo.py.
const LAMBDA_ECHO = 'import json\n\n\ndef handler(event, context):\n    # Just print the event that was passed to the Lambda\n    print(json.dumps(event))\n    return event\n';

/** Mapping templates the snapshots store decoded where they are JSON, by status code or in the request. */
const responseTemplates = (method: string, ...statuses: string[]) => statuses.map((s) => `${method}.integrationResponses['${s}'].responseTemplates['application/json']`);
const REQUEST_TEMPLATE = "$.methodIntegration.requestTemplates['application/json']";
const MODEL_SCHEMAS = ['$.items[*].schema'];

/** The stack with the canary deployment, and the stages made by a deployment (test_apigateway_deployment_canary_settings and the like). */
const stagesAndDeployments = (stages: string, deployments?: string): SourceStep[] => [
  apigw('GetStages', { restApiId: '{{RestApiId}}' }, { snapshot: stages }),
  ...(deployments ? [apigw('GetDeployments', { restApiId: '{{RestApiId}}' }, { snapshot: deployments, unordered: ['$.items'] })] : []),
];

const mockCors = (id: string, message: string) => rendered('apigateway-mock-cors-deployment.json', { deployment_logical_id: id, response_msg: message });

const apigateway = resourceModule('test_apigateway', [
  {
    test: 'test_cfn_deploy_apigateway_integration',
    expandedWords: STACK_NAME_TEXT,
    steps: [
      ...deployed(template('apigateway_integration_no_authorizer.yml')),
      outputsOf(STACK, 'RestApiId', 'ResourceId'),
      restApi('rest_api'),
      apigw('GetMethod', { restApiId: '{{RestApiId}}', resourceId: '{{ResourceId}}', httpMethod: 'GET' }, { snapshot: 'method' }),
    ],
  },
  {
    test: 'test_api_gateway_with_policy_as_dict',
    note: 'the test reads the policy AWS answers escaped (unicode_escape) as the JSON document it holds',
    expandedWords: STACK_NAME_TEXT,
    steps: [...deployed(POLICY_AS_DICT, { RestApiName: 'api-{{suffix}}' }), outputsOf(STACK, 'MyApiId'), restApi('rest-api', '{{MyApiId}}', { jsonStrings: ['$.policy'] })],
  },
  {
    test: 'test_cfn_deploy_apigateway_from_s3_swagger',
    note: 's3_bucket makes the bucket the swagger file (tests/aws/files/pets.json) is put in; the test sorts the resources by path and the binary media types',
    expandedWords: STACK_NAME_TEXT,
    steps: [
      { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: 'bucket-{{suffix}}' } },
      { service: 's3', protocol: 'rest-xml', op: 'PutObject', params: { Bucket: 'bucket-{{suffix}}', Key: 'swagger-template-pets.json', Body: apigatewayFile('pets.json') }, capture: { etag: '$.ETag' } },
      ...deployed(template('apigateway_integration_from_s3.yml'), { S3BodyBucket: 'bucket-{{suffix}}', S3BodyKey: 'swagger-template-pets.json', S3BodyETag: '{{etag}}' }),
      outputsOf(STACK, 'RestApiId'),
      restApi('rest-api', '{{RestApiId}}', { unordered: ['$.binaryMediaTypes'] }),
      apigw('GetResources', { restApiId: '{{RestApiId}}' }, { snapshot: 'resources', unordered: ['$.items'] }),
      apigw('GetStage', { restApiId: '{{RestApiId}}', stageName: 'local' }, { snapshot: 'get-stage' }),
    ],
  },
  {
    test: 'test_cfn_deploy_apigateway_models',
    note: 'the test sorts resources by path and models by name, and then calls the stage over HTTP (asserted, not recorded)',
    steps: [
      ...deployed(template('apigateway_models.json')),
      outputsOf(STACK, 'RestApiId'),
      apigw('GetResources', { restApiId: '{{RestApiId}}' }, { snapshot: 'get-resources', unordered: ['$.items'], capture: { validatedId: "$.items[?(@.path=='/validated')].id" } }),
      apigw('GetModels', { restApiId: '{{RestApiId}}' }, { snapshot: 'get-models', unordered: ['$.items'], jsonStrings: MODEL_SCHEMAS }),
      apigw('GetRequestValidators', { restApiId: '{{RestApiId}}' }, { snapshot: 'get-request-validators' }),
      apigw('GetMethod', { restApiId: '{{RestApiId}}', resourceId: '{{validatedId}}', httpMethod: 'ANY' }, { snapshot: 'get-method-any', jsonStrings: [REQUEST_TEMPLATE] }),
    ],
  },
  {
    test: 'test_cfn_with_apigateway_resources',
    note: "the test finds the API among GetRestApis by its name; the contract takes its id from the stack (the account's other APIs may fill GetRestApis' first page), then finds /account among its resources as the test does; the test sorts the models by name",
    steps: [
      ...deployed(template('template35.yaml')),
      { op: 'DescribeStackResource', params: { StackName: STACK, LogicalResourceId: 'Gateway' }, capture: { apiId: '$.StackResourceDetail.PhysicalResourceId' } },
      apigw('GetResources', { restApiId: '{{apiId}}' }, { capture: { resourceId: "$.items[?(@.pathPart=='account')].id" } }),
      apigw(
        'GetMethod',
        { restApiId: '{{apiId}}', resourceId: '{{resourceId}}', httpMethod: 'POST' },
        { snapshot: 'get-method-post', jsonStrings: responseTemplates('$.methodIntegration', '202', '404', '500') },
      ),
      apigw('GetModels', { restApiId: '{{apiId}}' }, { snapshot: 'get-models', unordered: ['$.items'], jsonStrings: MODEL_SCHEMAS }),
      ...DESTROY,
    ],
  },
  {
    test: 'test_rest_api_serverless_ref_resolving',
    note: "create_parameter puts the SSM parameters the template's parameters default to (and deletes them after); create_lambda_function makes the authorizer's function (lambda_echo.py, python3.12) and waits until it is active",
    steps: [
      ssm('PutParameter', { Name: '/test-stack/testssm/random-value', Value: 'x-test-header', Type: 'String' }),
      callerAccount,
      { service: 'lambda', protocol: 'rest-json', op: 'CreateFunction', params: { FunctionName: 'test-{{suffix}}', Runtime: 'python3.12', Role: ROLE, Handler: 'handler.handler', Code: { ZipFile: zip(LAMBDA_ECHO) } }, capture: { functionArn: '$.FunctionArn' } },
      { service: 'lambda', protocol: 'rest-json', op: 'GetFunction', params: { FunctionName: 'test-{{suffix}}' }, until: { path: '$.Configuration.State', matches: '^(Active|Failed)$' } },
      ssm('PutParameter', { Name: '/test-stack/testssm/lambda-arn', Value: '{{functionArn}}', Type: 'String' }),
      ...deployed(template('apigateway_serverless_api_resolving.yml'), { AllowedOrigin: 'http://localhost:8000' }),
      outputsOf(STACK, 'ApiGatewayApiId'),
      apigw('GetResources', { restApiId: '{{ApiGatewayApiId}}' }, { snapshot: 'get-resources', capture: { rootId: '$.items[0].id' } }),
      apigw('GetAuthorizers', { restApiId: '{{ApiGatewayApiId}}' }, { snapshot: 'get-authorizers' }),
      apigw('GetMethod', { restApiId: '{{ApiGatewayApiId}}', resourceId: '{{rootId}}', httpMethod: 'GET' }, { snapshot: 'get-method-GET' }),
      apigw(
        'GetMethod',
        { restApiId: '{{ApiGatewayApiId}}', resourceId: '{{rootId}}', httpMethod: 'OPTIONS' },
        { snapshot: 'get-method-OPTIONS', jsonStrings: [REQUEST_TEMPLATE, ...responseTemplates('$.methodIntegration', '200')] },
      ),
      ...DESTROY,
      ssm('DeleteParameter', { Name: '/test-stack/testssm/random-value' }),
      ssm('DeleteParameter', { Name: '/test-stack/testssm/lambda-arn' }),
    ],
    // The parameters' names are fixed: one replay at a time.
    exclusive: () => 'ssm /test-stack/testssm',
  },
  {
    test: 'test_update_usage_plan',
    expandedWords: STACK_NAME_KEY,
    steps: [
      ...deployed(template('apigateway_usage_plan.yml'), { QuotaLimit: '5000', RestApiName: 'api-{{suffix}}', TagValue: 'value1' }),
      outputsOf(STACK, 'UsagePlanId'),
      apigw('GetUsagePlan', { usagePlanId: '{{UsagePlanId}}' }, { snapshot: 'usage-plan' }),
      ...deployed(template('apigateway_usage_plan.yml'), { QuotaLimit: '7000', RestApiName: 'api-{{suffix}}', TagValue: 'value-updated' }, 'UPDATE', 'change-set-2-{{suffix}}'),
      apigw('GetUsagePlan', { usagePlanId: '{{UsagePlanId}}' }, { snapshot: 'updated-usage-plan' }),
    ],
  },
  {
    test: 'test_update_apigateway_stage',
    expandedWords: STACK_NAME_KEY,
    steps: [
      ...deployed(template('apigateway_update_stage.yml'), { RestApiName: 'api-{{suffix}}' }),
      outputsOf(STACK, 'RestApiId'),
      apigw('GetStage', { restApiId: '{{RestApiId}}', stageName: 'dev' }, { snapshot: 'created-stage' }),
      ...deployed(template('apigateway_update_stage.yml'), { Description: 'updated-description', Method: 'POST', RestApiName: 'api-{{suffix}}' }, 'UPDATE', 'change-set-2-{{suffix}}'),
      apigw('GetStage', { restApiId: '{{RestApiId}}', stageName: 'dev' }, { snapshot: 'updated-stage' }),
    ],
  },
  {
    test: 'test_cfn_apigateway_swagger_import',
    note: "the integration calls the echo server the test used on AWS (httpbin.org); the test finds the API among GetRestApis by its name (the contract reads it by the id the stack gives: the account's other APIs may fill GetRestApis' first page), then invokes it over HTTP (asserted, not recorded)",
    expandedWords: STACK_NAME_KEY,
    steps: [
      ...deployed(SWAGGER_IMPORT, { ApiName: 'rest-api-{{suffix}}', IntegrationUri: 'http://httpbin.org/post' }),
      { op: 'DescribeStackResource', params: { StackName: STACK, LogicalResourceId: 'Api' }, capture: { apiId: '$.StackResourceDetail.PhysicalResourceId' } },
      restApi('imported-api', '{{apiId}}'),
    ],
  },
  {
    test: 'test_cfn_apigateway_rest_api',
    note: "the first stack's condition makes no API (the test checks GetRestApis); the second stack's API is read by the id the stack gives (the test finds it among GetRestApis by its name) and its three models counted",
    expandedWords: { '<aws:cloudformation:stack-name:1>': 'stack-2-{{suffix}}', '<aws:cloudformation:logical-id:1>': 'AGRA16EMH' },
    steps: [
      ...deployed(template('apigateway.json')),
      apigw('GetRestApis', {}),
      ...DESTROY,
      ...deployed(template('apigateway.json'), { Create: 'True' }, 'CREATE', 'change-set-2-{{suffix}}', 'stack-2-{{suffix}}'),
      { op: 'DescribeStackResource', params: { StackName: 'stack-2-{{suffix}}', LogicalResourceId: 'AGRA16EMH' }, capture: { apiId: '$.StackResourceDetail.PhysicalResourceId' } },
      restApi('rest-api', '{{apiId}}'),
      apigw('GetModels', { restApiId: '{{apiId}}' }),
      ...DESTROY,
    ],
  },
  {
    test: 'test_apigateway_deployment_canary_settings',
    note: 'the test sorts the deployments by description',
    expandedWords: STACK_NAME_KEY,
    steps: [...deployed(template('apigateway_canary_deployment.yml'), { RestApiName: 'api-{{suffix}}' }), outputsOf(STACK, 'RestApiId'), ...stagesAndDeployments('get-stages', 'get-deployments')],
  },
  {
    test: 'TestServerlessApigwLambda::test_serverless_like_deployment_stage_survives_update',
    note: 'the template is rendered with the Jinja mapping the test gives each deployment (a new deployment logical id, as the Serverless Framework does)',
    steps: [
      ...deployed(mockCors('Deploy1000000001', 'v1')),
      outputsOf(STACK, { RestApiId: 'ApiId' }),
      ...stagesAndDeployments('stages-after-create'),
      ...deployed(mockCors('Deploy2000000002', 'v2'), {}, 'UPDATE', 'change-set-2-{{suffix}}'),
      ...stagesAndDeployments('stages-after-update', 'deployments-after-update'),
    ],
  },
  {
    test: 'test_apigateway_stage_with_access_log_settings',
    expandedWords: STACK_NAME_KEY,
    steps: [...deployed(template('apigateway_stage_access_log_settings.yaml'), { RestApiName: 'api-{{suffix}}' }), outputsOf(STACK, 'RestApiId'), ...stagesAndDeployments('get-stages')],
  },
]);

const sam = resourceModule('test_sam', [
  {
    test: 'test_cfn_handle_serverless_api_resource',
    note: "the SAM transform names the API after the stack; CloudFormation zips the function's inline code itself, so its CodeSha256 is of AWS's own zip bytes (the test does not judge it either)",
    steps: [
      ...deployed(template('sam_api.yml')),
      outputsOf(STACK, 'ApiId', 'LambdaFunction'),
      restApi('get_rest_api', '{{ApiId}}'),
      { service: 'lambda', protocol: 'rest-json', op: 'GetFunction', params: { FunctionName: '{{LambdaFunction}}' }, snapshot: 'get_function', ignore: [...CONFIGURATION_CODE_SIZE, '$.Configuration.CodeSha256'] },
    ],
  },
], { claims: (test) => test === 'test_cfn_handle_serverless_api_resource' });

// test_duplicate_resources' and test_redeployment_with_fn_include's API document (their indented triple-quoted text).
const API_SPEC = '\n    swagger: 2.0\n    info:\n      version: "1.2.3"\n      title: "Test API"\n    basePath: /base\n    ';
const INCLUDE_SETUP: SourceStep[] = [
  { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: 'bucket-{{suffix}}' } },
  { service: 's3', protocol: 'rest-xml', op: 'PutObject', params: { Bucket: 'bucket-{{suffix}}', Key: 'api.yaml', Body: API_SPEC } },
];
const INCLUDE_STACK = { '<aws:cloudformation:stack-id:1>': '{{stackId}}', ...STACK_NAME_KEY };

/** The AWS::Include tests of test_transformers.py that deploy an API Gateway REST API. */
export const INCLUDE_API_TESTS = ['test_duplicate_resources', 'test_redeployment_with_fn_include'];

const transformers = resourceModule(
  'test_transformers',
  [
    {
      test: 'test_duplicate_resources',
      note: "s3_bucket makes the bucket holding the API document the template's AWS::Include reads",
      expandedWords: INCLUDE_STACK,
      steps: [
        ...INCLUDE_SETUP,
        ...deployed(template('cfn_apigw_with_include_fn.yml'), { ApiName: 'api-{{suffix}}', BucketName: 'bucket-{{suffix}}' }),
        outputsOf(STACK, 'RestApiId'),
        restApi('api-details'),
        apigw('GetResources', { restApiId: '{{RestApiId}}' }, { snapshot: 'api-resources' }),
      ],
    },
    {
      test: 'test_redeployment_with_fn_include',
      note: 'the update renames the API (a new short_uid)',
      expandedWords: INCLUDE_STACK,
      steps: [
        ...INCLUDE_SETUP,
        ...deployed(template('cfn_apigw_with_include_fn.yml'), { ApiName: 'api-{{suffix}}', BucketName: 'bucket-{{suffix}}' }),
        ...deployed(template('cfn_apigw_with_include_fn.yml'), { ApiName: 'api2-{{suffix}}', BucketName: 'bucket-{{suffix}}' }, 'UPDATE', 'change-set-2-{{suffix}}'),
        outputsOf(STACK, 'RestApiId'),
        restApi('api-details'),
      ],
    },
  ],
  { snapshotDir: 'cloudformation/api', claims: (test) => INCLUDE_API_TESTS.includes(test) },
);

export default [apigateway, sam, transformers];
