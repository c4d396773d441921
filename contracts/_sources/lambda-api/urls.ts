// TestLambdaUrl scenarios of test_lambda_api.py: function URL configs on functions and aliases, their errors and
// listing. The test deploys a Node.js handler; URL configs do not depend on it, and an echo handler of the same
// runtime and handler name serves.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount, CODE_SIZE, createAws, createFunction, zip } from './common.ts';

const FN = 'test-function-{{suffix}}';
const ALIAS = 'urlalias';
const NODE_FUNCTION = createFunction({
  FunctionName: FN,
  Runtime: 'nodejs20.x',
  Handler: 'lambda_handler.handler',
  Code: { ZipFile: zip('exports.handler = async (event) => event;\n', 'lambda_handler.js') },
});
const versionAndAlias: SourceStep[] = [
  { op: 'PublishVersion', params: { FunctionName: FN }, snapshot: 'fn_version_result', ignore: CODE_SIZE },
  { op: 'CreateAlias', params: { FunctionName: FN, Name: ALIAS, FunctionVersion: '1' }, snapshot: 'create_alias_result' },
];

/** The name and qualifier cases each URL operation is called with, by snapshot name. */
const CASES: [string, Record<string, unknown>][] = [
  ['name_doesnotexist', { FunctionName: 'doesnotexist' }],
  ['arn_doesnotexist', { FunctionName: 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:doesnotexist' }],
  ['name_doesnotexist_qualifier', { FunctionName: 'doesnotexist', Qualifier: '1' }],
  ['qualifier_version', { FunctionName: FN, Qualifier: '1' }],
  ['qualifier_version_doesnotexist', { FunctionName: FN, Qualifier: '2' }],
  ['qualifier_alias_doesnotexist', { FunctionName: FN, Qualifier: 'v1' }],
  ['qualifier_alias_doesnotmatch_arn', { FunctionName: `${FN}:${ALIAS}-doesnotmatch`, Qualifier: ALIAS }],
  ['qualifier_latest', { FunctionName: FN, Qualifier: '$LATEST' }],
];
const CONFIG_MISSING: [string, Record<string, unknown>] = ['config_doesnotexist', { FunctionName: FN }];

function casesOf(op: string, prefix: string, extra: Record<string, unknown>, cases: [string, Record<string, unknown>][]): SourceStep[] {
  return cases.map(([name, params]) => {
    const snapshot = `${prefix}_${name}`;
    // AWS answered this one with an InternalFailure, which the test recorded only as a placeholder word.
    if (snapshot === 'delete_function_url_config_qualifier_alias_doesnotmatch_arn') return { op, params: { ...params, ...extra }, fails: true };
    return { op, params: { ...params, ...extra }, snapshot };
  });
}

export const urlScenarios: SourceScenario[] = [
  {
    test: 'TestLambdaUrl::test_url_config_exceptions',
    note: "DeleteFunctionUrlConfig with a qualifier that contradicts the name failed on AWS with an InternalFailure the test did not record: that call is replayed without judging its answer",
    steps: [
      callerAccount,
      NODE_FUNCTION,
      ...versionAndAlias,
      ...casesOf('CreateFunctionUrlConfig', 'create_function_url_config', { AuthType: 'NONE' }, CASES),
      ...casesOf('GetFunctionUrlConfig', 'get_function_url_config', {}, [...CASES, CONFIG_MISSING]),
      ...casesOf('DeleteFunctionUrlConfig', 'delete_function_url_config', {}, [...CASES, CONFIG_MISSING]),
      ...casesOf('UpdateFunctionUrlConfig', 'update_function_url_config', { AuthType: 'AWS_IAM' }, [...CASES, CONFIG_MISSING]),
    ],
  },
  {
    test: 'TestLambdaUrl::test_url_config_list_paging',
    note: "the test sorts the listed configs by ARN (the contract compares them unordered); its paging calls are checked by assertions only and left out",
    steps: [
      callerAccount,
      NODE_FUNCTION,
      ...versionAndAlias,
      { op: 'ListFunctionUrlConfigs', params: { FunctionName: 'doesnotexist' }, snapshot: 'list_function_notfound' },
      { op: 'ListFunctionUrlConfigs', params: { FunctionName: FN }, snapshot: 'list_all_empty' },
      { op: 'CreateFunctionUrlConfig', params: { FunctionName: FN, AuthType: 'NONE' }, snapshot: 'url_config_fn' },
      { op: 'CreateFunctionUrlConfig', params: { FunctionName: `${FN}:${ALIAS}`, Qualifier: ALIAS, AuthType: 'NONE' }, snapshot: 'url_config_alias' },
      { op: 'ListFunctionUrlConfigs', params: { FunctionName: FN }, snapshot: 'list_all', unordered: ['$.FunctionUrlConfigs'] },
    ],
  },
  {
    test: 'TestLambdaUrl::test_url_config_deletion_without_qualifier',
    steps: [
      callerAccount,
      createAws(undefined, { FunctionName: 'alias-fn-{{suffix}}', Environment: { Variables: { testenv: 'staging' } } }),
      { op: 'PublishVersion', params: { FunctionName: 'alias-fn-{{suffix}}' } },
      { op: 'CreateAlias', params: { FunctionName: 'alias-fn-{{suffix}}', Name: 'test-alias', FunctionVersion: '1', Description: 'custom-alias' } },
      ...(
        [
          ['CreateFunctionUrlConfig', 'url_creation', { AuthType: 'NONE' }],
          ['CreateFunctionUrlConfig', 'url_with_alias_creation', { AuthType: 'NONE', Qualifier: 'test-alias' }],
          ['GetFunctionUrlConfig', 'get_url_config', {}],
          ['GetFunctionUrlConfig', 'get_url_config_with_alias', { Qualifier: 'test-alias' }],
          ['DeleteFunctionUrlConfig', 'delete_function_url_config', {}],
          ['GetFunctionUrlConfig', 'get_url_config_after_deletion', {}],
          ['GetFunctionUrlConfig', 'get_url_config_with_alias_after_deletion', { Qualifier: 'test-alias' }],
        ] as const
      ).map(([op, snapshot, params]): SourceStep => ({ op, params: { FunctionName: 'alias-fn-{{suffix}}', ...params }, snapshot })),
    ],
  },
];
