// TestLambdaFunction scenarios of test_lambda_api.py: function configuration, code location, name and qualifier
// validation, ARNs.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount, CODE_SIZE, CONFIGURATION_CODE_SIZE, createAws, createFunction, failingAws, onFunction, zip } from './common.ts';

const VERSION_HANDLER = zip('def handler(event, context):\n    return {"version": 2}\n');
const BUCKET = 'code-{{suffix}}';
const KEY = 'code/code-function.zip';

/** The parameters of test_function_name_and_qualifier_validation's cases, by pytest id. */
const NAME_CASES: Record<string, { FunctionName: string; Qualifier?: string }> = {
  invalid_characters_in_function_name: { FunctionName: 'my-function!' },
  function_name_is_single_invalid: { FunctionName: '*' },
  invalid_characters_in_qualifier: { FunctionName: 'my-function', Qualifier: 'invalid!' },
  qualifier_too_long: { FunctionName: 'my-function', Qualifier: 'a'.repeat(129) },
  invalid_account_id_in_partial_arn: { FunctionName: 'invalid-account:function:my-function' },
  invalid_region_in_arn: { FunctionName: 'arn:{{partition}}:lambda:invalid-region:{{accountId}}:function:my-function' },
  non_lambda_arn: { FunctionName: 'arn:{{partition}}:ec2:{{region}}:{{accountId}}:instance:i-1234567890abcdef0' },
  function_name_too_long: { FunctionName: 'a'.repeat(65) },
  function_name_too_long_and_invalid_region: { FunctionName: `arn:{{partition}}:lambda:invalid-region:{{accountId}}:function:my-function${'a'.repeat(170)}` },
  full_arn_with_multiple_qualifiers: { FunctionName: 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:my-function:1:2' },
  incomplete_arn: { FunctionName: 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function' },
  partial_arn_with_extra_qualifier: { FunctionName: 'function:my-function:$LATEST:extra' },
  latest_version_with_additional_qualifier: { FunctionName: 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:my-function:$LATEST', Qualifier: '1' },
  lowercase_latest_qualifier: { FunctionName: 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:my-function', Qualifier: '$latest' },
  missing_region_in_arn: { FunctionName: 'arn:{{partition}}:lambda::{{accountId}}:function:my-function' },
  missing_account_id_in_arn: { FunctionName: 'arn:{{partition}}:lambda:{{region}}::function:my-function' },
  misspelled_latest_in_arn: { FunctionName: 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:my-function:$LATES' },
};

function nameValidationStep(param: string): SourceStep {
  const [caseId, clientfn] = param.split('-');
  const { FunctionName, Qualifier } = NAME_CASES[caseId];
  const snapshot = `${clientfn}_exception`;
  if (clientfn === 'create_function') return { ...failingAws(snapshot, { FunctionName: Qualifier ? `${FunctionName}:${Qualifier}` : FunctionName }), errorDigest: true };
  const op = { get_function: 'GetFunction', delete_function: 'DeleteFunction', invoke: 'Invoke' }[clientfn]!;
  return { op, params: { FunctionName, ...(Qualifier ? { Qualifier } : {}) }, snapshot, errorDigest: true };
}

/** Parameter ids of the validation test not ported, with the reason (see lambda-api.ts's skippedVariants). */
export const NAME_VALIDATION_SKIPS: Record<string, string> = {
  'incomplete_arn-create_function': 'skipped by the test itself (the name is valid for CreateFunction): nothing recorded',
  'qualifier_too_long1-create_function': 'skipped by the test itself: nothing recorded',
  'function_name_and_qualifier_too_long-create_function': 'skipped by the test itself: nothing recorded',
  qualifier_too_long0: 'recorded by an earlier version of the test whose parameters for this id are no longer in the test code',
  qualifier_too_long1: 'recorded by an earlier version of the test whose parameters for this id are no longer in the test code',
  function_name_and_qualifier_too_long: 'recorded by an earlier version of the test whose parameters for this id are no longer in the test code',
  'function_name_too_long_and_invalid_region-create_function': 'the snapshot keeps the two constraint violations sorted, not in the order of AWS\'s message',
  full_arn_and_qualifier_too_long_and_invalid_region: 'the snapshot keeps the two constraint violations sorted, not in the order of AWS\'s message',
};

export const functionScenarios: SourceScenario[] = [
  {
    test: 'TestLambdaFunction::test_redundant_updates',
    note: "the create response is recorded inside the fixture's wrapper object, so CreateFunction is a setup step",
    steps: [
      callerAccount,
      createFunction({ Description: 'Initial description' }),
      onFunction('UpdateFunctionConfiguration', 'first_update_result', { Description: '1st update description' }, { ignore: CODE_SIZE }),
      onFunction('GetFunctionConfiguration', 'get_fn_config_result', {}, { ignore: CODE_SIZE }),
      onFunction('GetFunction', 'get_fn_result', {}, { ignore: CONFIGURATION_CODE_SIZE }),
      onFunction('UpdateFunctionConfiguration', 'redundant_update_result', { Description: '1st update description' }, { ignore: CODE_SIZE }),
      onFunction('GetFunction', 'get_fn_result_after_redundant_update', {}, { ignore: CONFIGURATION_CODE_SIZE }),
    ],
  },
  {
    test: 'TestLambdaFunction::test_lambda_code_location_zipfile',
    note: "the test downloads the code from Code.Location and compares it with the zip; the contract judges the recorded responses. Its last GetFunction caught AWS still applying the new code (LastUpdateStatus InProgress, no waiter in between); twinstack applies code at once, so that entry is not reproduced",
    steps: [
      callerAccount,
      createAws('create-response-zip-file'),
      onFunction('GetFunction', 'get-function-response', {}, { ignore: CONFIGURATION_CODE_SIZE }),
      onFunction('UpdateFunctionCode', 'update-function-response', { ZipFile: VERSION_HANDLER }, { ignore: CODE_SIZE }),
    ],
  },
  {
    test: 'TestLambdaFunction::test_lambda_code_location_s3_errors',
    note: 'the function the update errors need is created from a ZipFile (the test uploads the same zip to S3 first); the missing key is looked up in an empty bucket',
    steps: [
      callerAccount,
      { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: BUCKET } },
      failingAws('create-error-wrong-bucket', { Code: { S3Bucket: 'some-random-non-existent-bucket-{{suffix}}', S3Key: KEY } }),
      failingAws('create-error-wrong-key', { Code: { S3Bucket: BUCKET, S3Key: 'non/existent.zip' } }),
      createAws(undefined),
      onFunction('UpdateFunctionCode', 'update-error-wrong-bucket', { S3Bucket: 'some-random-non-existent-bucket-{{suffix}}', S3Key: KEY }),
      onFunction('UpdateFunctionCode', 'update-error-wrong-key', { S3Bucket: BUCKET, S3Key: 'non/existent.zip' }),
    ],
  },
  {
    test: 'TestLambdaFunction::test_function_arns',
    note: "the creations by full and partial ARN are recorded inside the fixture's wrapper object (setup steps); the too-long ARN is 141 characters in us-east-1 (longer in longer region names)",
    steps: [
      callerAccount,
      createFunction({ FunctionName: 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:test-function-arn-{{suffix}}' }),
      createFunction({ FunctionName: '{{accountId}}:function:test-partial-arn-{{suffix}}' }),
      failingAws('invalid_function_name_exc', { FunctionName: 'invalid:function:name' }),
      failingAws('long_function_name_exc', { FunctionName: 'a'.repeat(65) }),
      failingAws('long_function_arn_exc', { FunctionName: `arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:${'a'.repeat(94)}` }),
      failingAws('function_arn_other_region_exc', { FunctionName: 'arn:{{partition}}:lambda:ap-southeast-1:{{accountId}}:function:test-function-arn-{{suffix}}' }),
      failingAws('function_arn_other_account_exc', { FunctionName: 'arn:{{partition}}:lambda:{{region}}:123456789012:function:test-function-arn-{{suffix}}' }),
    ],
  },
  {
    test: 'TestLambdaFunction::test_function_name_and_qualifier_validation',
    note: "the test snapshots a digest of each error (its code, and its message or the message's constraint violations): the contract expects the error it stands for",
    steps: (param) => [callerAccount, nameValidationStep(param)],
  },
  {
    test: 'TestLambdaFunction::test_update_lambda_exceptions',
    steps: [
      callerAccount,
      createAws(undefined),
      onFunction('UpdateFunctionConfiguration', 'invalid_role_arn_exc', { Role: 'r1' }),
      onFunction('UpdateFunctionConfiguration', 'invalid_runtime_exc', { Runtime: 'non-existent-runtime' }),
      onFunction('UpdateFunctionConfiguration', 'uppercase_runtime_exc', { Runtime: 'PYTHON3.9' }),
    ],
  },
  {
    test: 'TestLambdaFunction::test_list_functions',
    note: "only the refused FunctionVersion is reproduced: the recorded lists were filtered to the test's functions after listing the whole account, which a contract replayed beside others cannot do",
    steps: [callerAccount, { op: 'ListFunctions', params: { FunctionVersion: 'invalid' }, snapshot: 'list_functions_invalid_functionversion' }],
  },
  {
    test: 'TestLambdaFunction::test_invalid_invoke',
    steps: [
      callerAccount,
      { op: 'Invoke', params: { FunctionName: 'arn:{{partition}}:lambda:{{region}}:123400000000@function:myfn', Payload: { $blob: Buffer.from('{}').toString('base64') } }, snapshot: 'invoke_function_name_pattern_exc' },
    ],
  },
];
