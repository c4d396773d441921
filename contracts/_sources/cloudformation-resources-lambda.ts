// LocalStack's AWS-validated CloudFormation tests of the Lambda resource types (github.com/localstack/localstack,
// tests/aws/services/cloudformation/resources/test_lambda.py, Apache-2.0) reproduced as request sequences: a template
// of tests/aws/templates/ deployed by the `deploy_cfn_template` fixture, then the function read through Lambda.
// Expected responses come only from the recorded snapshots.
import type { SourceStep } from '../../verifier/port/source-types.ts';
import { deployed, outputsOf, resourceModule, STACK, template } from './cloudformation/common.ts';
import { CONFIGURATION_CODE_SIZE } from './lambda-api/common.ts';

const lambda = (op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({ service: 'lambda', protocol: 'rest-json', op, params, ...more });

const sam = resourceModule('test_sam', [
  {
    test: 'test_sam_policies',
    note: 'the SAM transform attaches the execution role policy and the template\'s AmazonSNSFullAccess',
    steps: [
      ...deployed(template('sam_function-policies.yaml')),
      outputsOf(STACK, 'HelloWorldFunctionIamRoleName'),
      { service: 'iam', protocol: 'query', op: 'ListAttachedRolePolicies', params: { RoleName: '{{HelloWorldFunctionIamRoleName}}' }, snapshot: 'list_attached_role_policies' },
    ],
  },
], {
  notPorted: { test_cfn_handle_serverless_api_resource: 'not reproduced yet: it reads the REST API and function the SAM transform builds from its template, still to be transcribed' },
});

const lambdaModule = resourceModule('test_lambda', [
  {
    test: 'test_lambda_function_tags',
    note: 'the SAM transform makes the function (with its lambda:createdBy tag)',
    expandedWords: { '<environment>': 'dev-{{suffix}}', '<stack-name>': 'stack-{{suffix}}' },
    steps: [
      ...deployed(template('cfn_lambda_with_tags.yml'), { FunctionName: 'fn-{{suffix}}', Environment: 'dev-{{suffix}}' }),
      lambda('GetFunction', { FunctionName: 'fn-{{suffix}}' }, { snapshot: 'get_function_result', ignore: CONFIGURATION_CODE_SIZE }),
    ],
  },
  {
    test: 'test_multiple_lambda_permissions_for_singlefn',
    note: 'the test sorted the policy statements by Sid',
    steps: [
      ...deployed(template('cfn_lambda_permission_multiple.yaml')),
      outputsOf(STACK, 'LambdaName'),
      lambda('GetPolicy', { FunctionName: '{{LambdaName}}' }, { snapshot: 'policy', jsonStrings: ['$.Policy'], unordered: ['$.Policy.Statement'] }),
    ],
  },
  {
    test: 'test_lambda_code_signing_config',
    steps: [
      // The test's account_id fixture.
      { service: 'sts', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } },
      ...deployed(template('cfn_lambda_code_signing_config.yml'), { SignerArn: 'arn:{{partition}}:signer:{{region}}:{{accountId}}:/signing-profiles/test' }),
      { op: 'DescribeStackResources', params: { StackName: STACK }, snapshot: 'stack_resource_descriptions' },
      outputsOf(STACK, 'Arn'),
      lambda('GetCodeSigningConfig', { CodeSigningConfigArn: '{{Arn}}' }, { snapshot: 'config' }),
    ],
  },
  {
    test: 'test_event_invoke_config',
    steps: [
      ...deployed(template('cfn_lambda_event_invoke_config.yml')),
      outputsOf(STACK, 'FunctionName', 'FunctionQualifier'),
      lambda('GetFunctionEventInvokeConfig', { FunctionName: '{{FunctionName}}', Qualifier: '{{FunctionQualifier}}' }, { snapshot: 'event_invoke_config' }),
    ],
  },
  {
    test: 'test_lambda_logging_config',
    note: 'the test sorted the stack resources by logical id (which it redacted)',
    expandedWords: { '<function-name>': 'function{{suffix}}' },
    steps: [
      ...deployed(template('cfn_lambda_logging_config.yaml'), { FunctionName: 'function{{suffix}}' }),
      { op: 'DescribeStackResources', params: { StackName: STACK }, snapshot: 'stack_resource_descriptions', unordered: ['$.StackResources'] },
      lambda('GetFunction', { FunctionName: 'function{{suffix}}' }, { snapshot: 'logging_config', select: '$.Configuration.LoggingConfig' }),
    ],
  },
], {
  notPorted: {
    test_cfn_function_url: 'not reproduced yet: besides the URL configuration it snapshots the headers of a plain HTTP GET of the function URL, which a contract step cannot send',
    test_lambda_alias: "not reproduced yet: it invokes the alias and reads the alias's provisioned concurrency (cfn_lambda_alias.yml)",
    test_lambda_version: 'not reproduced yet: it invokes the published version and lists the versions (cfn_lambda_version.yaml)',
    test_lambda_version_provisioned_concurrency: "not reproduced yet: it invokes the version and reads its provisioned concurrency, which must become READY first",
    test_lambda_cfn_dead_letter_config_async_invocation: 'not reproduced yet: it waits for a failed asynchronous invocation to arrive in the dead-letter queue',
    test_lambda_w_dynamodb_event_filter_update: 'not reproduced yet: it lists the event source mappings before and after an update of their filter criteria',
    test_lambda_layer_crud: 'not reproduced yet: it uploads a layer zip made by the test\'s create_lambda_archive to S3 and snapshots a value it built from the layer',
    'TestCfnLambdaIntegrations::test_cfn_lambda_permissions': 'not reproduced yet: it publishes to the topic and waits for the function\'s invocation in its log events',
    'TestCfnLambdaIntegrations::test_cfn_lambda_sqs_source': 'not reproduced yet: it sends to the queue and waits for the function\'s invocation in its log events',
    'TestCfnLambdaIntegrations::test_cfn_lambda_dynamodb_source': 'not reproduced yet: it writes to the table and waits for the function\'s invocation in its log events',
    'TestCfnLambdaIntegrations::test_cfn_lambda_kinesis_source': 'not reproduced yet: it puts records to the stream and waits for the function\'s invocation in its log events',
  },
  // Transformers wrote these words in place of the resources' ids (reference_replacement=False).
  redactedWords: { 'logical-resource-id': 'any', 'physical-resource-id': 'any' },
});

export default [lambdaModule, sam];
