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
]);

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
  // Transformers wrote these words in place of the resources' ids (reference_replacement=False).
  redactedWords: { 'logical-resource-id': 'any', 'physical-resource-id': 'any' },
});

export default [lambdaModule, sam];
