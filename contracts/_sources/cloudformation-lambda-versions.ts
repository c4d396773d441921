// LocalStack's AWS-validated CloudFormation tests of Lambda versions, aliases, URLs, layers and dead-letter queues
// (github.com/localstack/localstack, tests/aws/services/cloudformation/resources/test_lambda.py and
// api/test_drift_detection.py, Apache-2.0) reproduced as request sequences: a template of tests/aws/templates/ deployed
// by the `deploy_cfn_template` fixture, then the resources read and invoked through Lambda. Expected responses come
// only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { deployed, DESTROY, outputsOf, outputsSnapshot, resourceModule, STACK, template } from './cloudformation/common.ts';
import { zip } from './lambda-api/common.ts';

export const lambda = (op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({ service: 'lambda', protocol: 'rest-json', op, params, ...more });
const s3 = (op: string, params: Record<string, unknown>): SourceStep => ({ service: 's3', protocol: 'rest-xml', op, params });

/** The tests' `Payload=b"{}"`. */
const EMPTY_EVENT = { $blob: Buffer.from('{}').toString('base64') };
/** CodeSize was redacted in the recordings (`<code-size>`, a word the verifier's {{*}} does not stand for): not judged. */
const CODE_SIZES = ['$.Versions[*].CodeSize', '$.Configuration.CodeSize'];

/** Invoke of a qualified function with the tests' empty event, its answer recorded as `invoke_result`. */
const invokeResult = (FunctionName: string, Qualifier: string): SourceStep => lambda('Invoke', { FunctionName, Qualifier, Payload: EMPTY_EVENT }, { snapshot: 'invoke_result', jsonStrings: ['$.Payload'] });

/** test_lambda_version and its provisioned-concurrency twin: invoke the version, read the stack and the versions. */
const versionSteps = (file: string): SourceStep[] => [
  ...deployed(template(file)),
  outputsOf(STACK, 'FunctionName', 'FunctionVersion'),
  invokeResult('{{FunctionName}}', '{{FunctionVersion}}'),
  { op: 'DescribeStackResources', params: { StackName: '{{stackId}}' }, snapshot: 'stack_resources', unordered: ['$.StackResources'] },
  lambda('ListVersionsByFunction', { FunctionName: '{{FunctionName}}' }, { snapshot: 'versions_by_fn', ignore: CODE_SIZES.slice(0, 1) }),
  lambda('GetFunction', { FunctionName: '{{FunctionName}}', Qualifier: '{{FunctionVersion}}' }, { snapshot: 'get_function_version', ignore: CODE_SIZES.slice(1) }),
];

/** The headers of the function URL's answer as the test lower-cased them; date and trace id were redacted to words. */
const urlAnswer = (headers: Record<string, string>) => ({
  // The test asserted (not recorded) the body the handler returns.
  body: { hello: 'world' },
  headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, name === 'date' || name === 'x-amzn-trace-id' ? `<${name}>` : value])),
});

/** The bucket the S3-code tests upload a zip to (the s3_bucket fixture). */
const BUCKET = 'bucket-{{suffix}}';

const FUNCTION_URL = 'UrlD4FAABD0';

const CLAIMED = new Set([
  'test_cfn_function_url',
  'test_lambda_alias',
  'test_lambda_version',
  'test_lambda_version_provisioned_concurrency',
  'test_lambda_layer_crud',
  'test_lambda_cfn_dead_letter_config_async_invocation',
  'test_lambda_w_dynamodb_event_filter_update',
]);

const versions: SourceFile = resourceModule(
  'test_lambda',
  [
    {
      test: 'test_cfn_function_url',
      note: "the test's requests.get of the URL is a plain HTTP step; it asserted the body and recorded the headers",
      expandedWords: { '<url_logical_resource_id>': FUNCTION_URL },
      steps: [
        ...deployed(template('lambda_url.yaml')),
        { op: 'DescribeStackResource', params: { StackName: STACK, LogicalResourceId: FUNCTION_URL }, snapshot: 'url_resource', jsonStrings: ['$.StackResourceDetail.Metadata'] },
        outputsOf(STACK, 'LambdaName', 'LambdaArn', 'LambdaUrl'),
        lambda('GetFunctionUrlConfig', { FunctionName: '{{LambdaName}}' }, { snapshot: 'url_config' }),
        lambda('GetFunctionUrlConfig', { FunctionName: '{{LambdaName}}', Qualifier: 'unknownalias' }, { snapshot: 'exception_url_config_nonexistent_version' }),
        lambda('GetFunctionUrlConfig', { FunctionName: '{{LambdaArn}}' }, { snapshot: 'url_config_arn' }),
        { op: 'InvokeFunctionUrl', params: {}, http: { url: '{{LambdaUrl}}', method: 'GET', headers: { Accept: '*/*', 'Accept-Encoding': 'gzip, deflate' } }, snapshot: 'response_headers', answer: urlAnswer },
      ],
    },
    {
      test: 'test_lambda_alias',
      expandedWords: { '<function-name>': 'function{{suffix}}', '<alias-name>': 'alias{{suffix}}' },
      note: 'the test sorted the stack resources by logical id',
      steps: [
        ...deployed(template('cfn_lambda_alias.yml'), { FunctionName: 'function{{suffix}}', AliasName: 'alias{{suffix}}' }),
        invokeResult('function{{suffix}}', 'alias{{suffix}}'),
        { op: 'DescribeStackResources', params: { StackName: STACK }, snapshot: 'stack_resource_descriptions', unordered: ['$.StackResources'] },
        lambda('GetAlias', { FunctionName: 'function{{suffix}}', Name: 'alias{{suffix}}' }, { snapshot: 'Alias' }),
        lambda('GetProvisionedConcurrencyConfig', { FunctionName: 'function{{suffix}}', Qualifier: 'alias{{suffix}}' }, { snapshot: 'provisioned_concurrency_config' }),
      ],
    },
    { test: 'test_lambda_version', note: 'the test sorted the stack resources by logical id', steps: versionSteps('cfn_lambda_version.yaml') },
    {
      test: 'test_lambda_version_provisioned_concurrency',
      note: 'the test sorted the stack resources by logical id; CloudFormation waits for the provisioned concurrency to be READY',
      steps: [
        ...versionSteps('cfn_lambda_version_provisioned_concurrency.yaml'),
        lambda('GetProvisionedConcurrencyConfig', { FunctionName: '{{FunctionName}}', Qualifier: '{{FunctionVersion}}' }, { snapshot: 'provisioned_concurrency_config' }),
      ],
    },
    {
      test: 'test_lambda_layer_crud',
      note: "the layer zip is create_lambda_archive's (hello.txt holding `hello`); `layer-name` is the name the test made, judged through the outputs that repeat it",
      expandedWords: { '<layer-name:1>': 'layer-{{suffix}}' },
      steps: [
        s3('CreateBucket', { Bucket: BUCKET }),
        { ...s3('PutObject', { Bucket: BUCKET, Key: 'layer.zip', Body: zip('hello', 'hello.txt') }) },
        ...deployed(template('lambda_layer_version.yml'), { LayerBucket: BUCKET, LayerName: 'layer-{{suffix}}' }),
        outputsSnapshot(STACK, 'cfn-output'),
      ],
    },
    {
      test: 'test_lambda_cfn_dead_letter_config_async_invocation',
      note: "the zip is create_lambda_archive's of LocalStack's functions/lambda_handler_error.py (handler.py); the template names its function, role, queue and exports itself, so the stack is deleted at the end as the fixture does; the test's retried ReceiveMessage is a poll",
      steps: [
        s3('CreateBucket', { Bucket: BUCKET }),
        s3('PutObject', { Bucket: BUCKET, Key: 'serverless/dlq/local/1701682216701-2023-12-04T09:30:16.701Z/dlq.zip', Body: zip('def handler(event, context):\n    raise Exception("Handler fails")\n') }),
        ...deployed(template('cfn_lambda_serverless.yml'), { LambdaCodeBucket: BUCKET }),
        outputsOf(STACK, 'LambdaName', 'DLQName'),
        lambda('Invoke', { FunctionName: '{{LambdaName}}', InvocationType: 'Event' }),
        {
          service: 'sqs',
          protocol: 'json',
          op: 'ReceiveMessage',
          params: { QueueUrl: '{{DLQName}}', VisibilityTimeout: 0 },
          until: { path: '$.Messages[0].MessageId', matches: '.', timeoutSeconds: 60 },
          snapshot: 'failed-async-lambda',
          jsonStrings: ['$.Messages[*].Body'],
        },
        ...DESTROY,
      ],
    },
    {
      test: 'test_lambda_w_dynamodb_event_filter_update',
      note: 'the SAM transform makes the function and its DynamoDB stream mapping; the update changes the filter pattern',
      expandedWords: { '<table_name>': 'ddb-tbl-{{suffix}}' },
      steps: [
        ...deployed(template('lambda_dynamodb_filtering.yaml'), { FunctionName: 'test-fn-{{suffix}}', TableName: 'ddb-tbl-{{suffix}}', Filter: '{"eventName": ["DELETE"]}' }),
        lambda('ListEventSourceMappings', { FunctionName: 'test-fn-{{suffix}}' }, { snapshot: 'source_mappings', jsonStrings: ['$.EventSourceMappings[*].FilterCriteria.Filters[*].Pattern'] }),
        ...deployed(template('lambda_dynamodb_filtering.yaml'), { FunctionName: 'test-fn-{{suffix}}', TableName: 'ddb-tbl-{{suffix}}', Filter: '{"eventName": ["MODIFY"]}' }, 'UPDATE', 'change-set-2-{{suffix}}'),
        lambda('ListEventSourceMappings', { FunctionName: 'test-fn-{{suffix}}' }, { snapshot: 'updated_source_mappings', jsonStrings: ['$.EventSourceMappings[*].FilterCriteria.Filters[*].Pattern'] }),
      ],
    },
  ],
  { claims: (test) => CLAIMED.has(test), redactedWords: { 'x-amzn-trace-id': 'any' } },
);

const driftDetection: SourceFile = {
  ...resourceModule('test_drift_detection', [
    {
      test: 'test_drift_detection_on_lambda',
      note: "LocalStack skips the test (not implemented there); the recording kept the stack's name (the fixture's stack-<short uid>) and the function's generated name, which is judged by form",
      expandedWords: { 'stack-0d03b713': STACK },
      steps: [
        ...deployed(template('lambda_simple.yml')),
        outputsOf(STACK, 'LambdaName'),
        lambda('UpdateFunctionConfiguration', {
          FunctionName: '{{LambdaName}}',
          Runtime: 'python3.8',
          Description: 'different description',
          Environment: { Variables: { ENDPOINT_URL: 'localhost.localstack.cloud' } },
        }),
        {
          op: 'DetectStackResourceDrift',
          params: { StackName: STACK, LogicalResourceId: 'Function' },
          snapshot: 'drift_detection',
          jsonStrings: ['$.StackResourceDrift.ActualProperties', '$.StackResourceDrift.ExpectedProperties'],
          patterns: {
            '$.StackResourceDrift.PhysicalResourceId': '^stack-\\w+-Function-[A-Za-z0-9]{12}$',
          },
        },
      ],
    },
  ]),
  snapshotDir: 'cloudformation/api',
};

export default [versions, driftDetection];
