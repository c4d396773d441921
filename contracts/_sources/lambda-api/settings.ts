// TestCodeSigningConfig and TestLambdaReservedConcurrency scenarios of test_lambda_api.py: code signing configs and
// reserved concurrency on missing resources.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount, createFunction } from './common.ts';

const FN = 'lambda_func-{{suffix}}';
const MISSING_FN = 'csc-test-doesnotexist';
/** The test's invalid ARN: the config's ARN with its last character replaced by `x`. */
const INVALID_CSC = '{{cscPrefix}}x';
const csc = (op: string, snapshot: string, params: Record<string, unknown>): SourceStep => ({ op, params, snapshot });

export const settingScenarios: SourceScenario[] = [
  {
    test: 'TestCodeSigningConfig::test_code_signing_not_found_excs',
    steps: [
      callerAccount,
      createFunction({ FunctionName: FN }),
      {
        op: 'CreateCodeSigningConfig',
        params: {
          Description: 'Testing CodeSigning Config',
          AllowedPublishers: { SigningProfileVersionArns: ['arn:{{partition}}:signer:{{region}}:{{accountId}}:/signing-profiles/test'] },
          CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' },
        },
        snapshot: 'create_code_signing_config',
        capture: { cscArn: '$.CodeSigningConfig.CodeSigningConfigArn', cscPrefix: { from: '$.CodeSigningConfig.CodeSigningConfigArn', regex: '^(.*).$' } },
      },
      csc('DeleteCodeSigningConfig', 'delete_csc_notfound', { CodeSigningConfigArn: INVALID_CSC }),
      csc('DeleteFunctionCodeSigningConfig', 'nothing_to_delete_response', { FunctionName: FN }),
      csc('DeleteFunctionCodeSigningConfig', 'delete_function_csc_fnnotfound', { FunctionName: MISSING_FN }),
      csc('PutFunctionCodeSigningConfig', 'put_function_csc_invalid_fnname', { FunctionName: MISSING_FN, CodeSigningConfigArn: '{{cscArn}}' }),
      csc('PutFunctionCodeSigningConfig', 'put_function_csc_invalid_csc_arn', { FunctionName: FN, CodeSigningConfigArn: INVALID_CSC }),
      csc('PutFunctionCodeSigningConfig', 'put_function_csc_invalid_both', { FunctionName: MISSING_FN, CodeSigningConfigArn: INVALID_CSC }),
      csc('UpdateCodeSigningConfig', 'update_csc_invalid_csc_arn', { CodeSigningConfigArn: INVALID_CSC, Description: 'new-description' }),
      csc('UpdateCodeSigningConfig', 'update_csc_noupdates', { CodeSigningConfigArn: INVALID_CSC }),
      csc('UpdateCodeSigningConfig', 'update_csc_noupdate_response', { CodeSigningConfigArn: '{{cscArn}}' }),
      csc('GetCodeSigningConfig', 'get_csc_invalid', { CodeSigningConfigArn: INVALID_CSC }),
      csc('GetFunctionCodeSigningConfig', 'get_function_csc_fnwithoutcsc', { FunctionName: FN }),
      csc('GetFunctionCodeSigningConfig', 'get_function_csc_nonexistingfn', { FunctionName: MISSING_FN }),
      csc('ListFunctionsByCodeSigningConfig', 'list_functions_by_csc_fnwithoutcsc', { CodeSigningConfigArn: '{{cscArn}}' }),
      csc('ListFunctionsByCodeSigningConfig', 'list_functions_by_csc_invalid_cscarn', { CodeSigningConfigArn: INVALID_CSC }),
    ],
  },
  {
    test: 'TestLambdaReservedConcurrency::test_function_concurrency_exceptions',
    steps: [
      callerAccount,
      { op: 'PutFunctionConcurrency', params: { FunctionName: 'doesnotexist', ReservedConcurrentExecutions: 1 }, snapshot: 'put_function_concurrency_with_function_name_doesnotexist' },
      {
        op: 'PutFunctionConcurrency',
        params: { FunctionName: 'doesnotexist', ReservedConcurrentExecutions: 0 },
        snapshot: 'put_function_concurrency_with_function_name_doesnotexist_and_invalid_concurrency',
      },
      createFunction({ FunctionName: FN }),
      { op: 'GetFunctionConfiguration', params: { FunctionName: FN, Qualifier: '$LATEST' }, capture: { latestArn: '$.FunctionArn' } },
      { op: 'PutFunctionConcurrency', params: { FunctionName: '{{latestArn}}', ReservedConcurrentExecutions: 0 }, snapshot: 'put_function_concurrency_with_qualified_arn' },
    ],
  },
  {
    test: 'TestLambdaProvisionedConcurrency::test_provisioned_concurrency_exceptions',
    steps: [
      callerAccount,
      createFunction({ FunctionName: FN }),
      { op: 'PublishVersion', params: { FunctionName: FN }, snapshot: 'publish_version_result', ignore: ['$.CodeSize'] },
      ...(
        [
          ['GetProvisionedConcurrencyConfig', 'get_provisioned_config_doesnotexist', FN, '1'],
          ['GetProvisionedConcurrencyConfig', 'get_provisioned_functionname_doesnotexist', 'doesnotexist', 'noalias'],
          ['GetProvisionedConcurrencyConfig', 'get_provisioned_qualifier_doesnotexist', FN, 'noalias'],
          ['GetProvisionedConcurrencyConfig', 'get_provisioned_version_doesnotexist', FN, '10'],
          ['GetProvisionedConcurrencyConfig', 'get_provisioned_latest', FN, '$LATEST'],
          ['ListProvisionedConcurrencyConfigs', 'list_provisioned_noconfigs', FN],
          ['ListProvisionedConcurrencyConfigs', 'list_provisioned_functionname_doesnotexist', 'doesnotexist'],
          ['DeleteProvisionedConcurrencyConfig', 'delete_provisioned_functionname_doesnotexist', 'doesnotexist', '1'],
          ['DeleteProvisionedConcurrencyConfig', 'delete_provisioned_qualifier_doesnotexist', FN, 'noalias'],
          ['DeleteProvisionedConcurrencyConfig', 'delete_provisioned_version_doesnotexist', FN, '10'],
          ['DeleteProvisionedConcurrencyConfig', 'delete_provisioned_latest', FN, '$LATEST'],
          ['DeleteProvisionedConcurrencyConfig', 'delete_provisioned_config_doesnotexist', FN, '1'],
          ['PutProvisionedConcurrencyConfig', 'put_provisioned_invalid_param_0', FN, '1', 0],
          ['PutProvisionedConcurrencyConfig', 'put_provisioned_functionname_doesnotexist_alias', 'doesnotexist', 'noalias', 1],
          ['PutProvisionedConcurrencyConfig', 'put_provisioned_functionname_doesnotexist_version', 'doesnotexist', '1', 1],
          ['PutProvisionedConcurrencyConfig', 'put_provisioned_qualifier_doesnotexist', FN, 'doesnotexist', 1],
          ['PutProvisionedConcurrencyConfig', 'put_provisioned_version_doesnotexist', FN, '10', 1],
          ['PutProvisionedConcurrencyConfig', 'put_provisioned_latest', FN, '$LATEST', 1],
        ] as const
      ).map(([op, snapshot, FunctionName, Qualifier, count]): SourceStep => ({
        op,
        params: { FunctionName, ...(Qualifier === undefined ? {} : { Qualifier }), ...(count === undefined ? {} : { ProvisionedConcurrentExecutions: count }) },
        snapshot,
      })),
    ],
  },
];
