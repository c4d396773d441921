// TestLambdaPermissions scenarios of test_lambda_api.py: resource policy statements and their errors.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount, CODE_SIZE, CONFIGURATION_CODE_SIZE, createFunction } from './common.ts';

const FN = 'lambda_func-{{suffix}}';
const BUCKET_ARN = 'arn:{{partition}}:s3:::test-bucket';
const S3 = { Action: 'lambda:InvokeFunction', StatementId: 's3', Principal: 's3.amazonaws.com', SourceArn: BUCKET_ARN };
const add = (snapshot: string | undefined, params: Record<string, unknown>, FunctionName = FN): SourceStep => ({
  op: 'AddPermission',
  params: { FunctionName, ...params },
  ...(snapshot ? { snapshot, jsonStrings: ['$.Statement'] } : {}),
});
const policy = (snapshot: string, FunctionName = FN, params: Record<string, unknown> = {}): SourceStep => ({
  op: 'GetPolicy',
  params: { FunctionName, ...params },
  snapshot,
  jsonStrings: ['$.Policy'],
});
const ACCOUNT_CONDITION = { SourceAccount: '{{accountId}}' };
const S3_BUCKET_ARN = { SourceArn: BUCKET_ARN };
const invoke = (StatementId: string, Principal: string, params: Record<string, unknown> = {}) => ({ Action: 'lambda:InvokeFunction', StatementId, Principal, ...params });

export const permissionScenarios: SourceScenario[] = [
  {
    test: 'TestLambdaPermissions::test_permission_exceptions',
    steps: [
      callerAccount,
      createFunction({ FunctionName: FN }),
      add('add_permission_invalid_statement_id', { Action: 'lambda:InvokeFunction', StatementId: 'example.com', Principal: 's3.amazonaws.com' }),
      add('add_permission_fn_qualifier_mismatch', { ...S3, Qualifier: '42' }, `${FN}:alias-not-42`),
      add('add_permission_fn_qualifier_latest', { ...S3, Qualifier: '$LATEST' }, `${FN}:$LATEST`),
      add('add_permission_principal_invalid', { Action: 'lambda:InvokeFunction', StatementId: 'lambda', Principal: 'invalid.nonaws.com', SourceAccount: '{{accountId}}' }),
      { op: 'GetPolicy', params: { FunctionName: 'doesnotexist' }, snapshot: 'get_policy_fn_doesnotexist' },
      { op: 'GetPolicy', params: { FunctionName: FN, Qualifier: '77' }, snapshot: 'get_policy_fn_version_doesnotexist' },
      add('add_permission_fn_doesnotexist', S3, 'doesnotexist'),
      { op: 'RemovePermission', params: { FunctionName: FN, StatementId: 's3' }, snapshot: 'remove_permission_policy_doesnotexist' },
      add('add_permission_fn_alias_doesnotexist', S3, `${FN}:alias-doesnotexist`),
      add('add_permission_fn_version_doesnotexist', { ...S3, Qualifier: '42' }),
      add('add_permission_fn_qualifier_invalid', { ...S3, Qualifier: 'invalid-qualifier-with-?-char' }),
      add('add_permission_fn_qualifier_valid_doesnotexist', { ...S3, Qualifier: 'valid-with-$-but-doesnotexist' }),
      add(undefined, S3),
      add('add_permission_conflicting_statement_id', S3),
      { op: 'RemovePermission', params: { FunctionName: 'doesnotexist', StatementId: 's3' }, snapshot: 'remove_permission_fn_doesnotexist' },
      { op: 'RemovePermission', params: { FunctionName: FN, StatementId: 's3', Qualifier: 'alias-doesnotexist' }, snapshot: 'remove_permission_fn_alias_doesnotexist' },
    ],
  },
  {
    test: 'TestLambdaPermissions::test_remove_multi_permissions',
    steps: [
      callerAccount,
      createFunction({ FunctionName: FN }),
      add('add_permission_1', { Action: 'lambda:InvokeFunction', StatementId: 's3', Principal: 's3.amazonaws.com' }),
      add('add_permission_2', { Action: 'lambda:InvokeFunction', StatementId: 'sqs', Principal: 'sqs.amazonaws.com', SourceArn: BUCKET_ARN }),
      policy('policy_after_2_add'),
      { op: 'RemovePermission', params: { FunctionName: FN, StatementId: 'non-existent' }, snapshot: 'remove_permission_exception_nonexisting_sid' },
      { op: 'RemovePermission', params: { FunctionName: FN, StatementId: 'sqs' } },
      policy('policy_after_removal'),
      { ...policy('policy_after_removal_attempt'), capture: { revision: '$.RevisionId' } },
      { op: 'RemovePermission', params: { FunctionName: FN, StatementId: 's3', RevisionId: '{{revision}}' } },
      { op: 'GetPolicy', params: { FunctionName: FN }, snapshot: 'get_policy_exception_removed_all' },
    ],
  },
  {
    test: 'TestLambdaPermissions::test_create_multiple_lambda_permissions',
    steps: [
      callerAccount,
      createFunction({ FunctionName: 'test-function-{{suffix}}' }),
      add('add_permission_response_1', { Action: 'lambda:InvokeFunction', StatementId: 'logs', Principal: 'logs.amazonaws.com' }, 'test-function-{{suffix}}'),
      add('add_permission_response_2', { Action: 'lambda:InvokeFunction', StatementId: 'kinesis', Principal: 'kinesis.amazonaws.com' }, 'test-function-{{suffix}}'),
      policy('policy_after_2_add', 'test-function-{{suffix}}'),
    ],
  },
  {
    test: 'TestLambdaPermissions::test_add_lambda_permission_fields',
    steps: [
      { ...callerAccount, capture: { accountId: '$.Account', callerArn: '$.Arn' } },
      createFunction({ FunctionName: FN }),
      add('add_permission_principal_wildcard', invoke('wilcard', '*', ACCOUNT_CONDITION)),
      add('add_permission_principal_service', invoke('lambda', 'lambda.amazonaws.com', ACCOUNT_CONDITION)),
      add('add_permission_principal_account', invoke('account-id', '{{accountId}}')),
      add('add_permission_principal_arn', invoke('user-arn', '{{callerArn}}', ACCOUNT_CONDITION)),
      add('add_permission_optional_fields', {
        StatementId: 'urlPermission',
        Action: 'lambda:InvokeFunctionUrl',
        Principal: '*',
        ...S3_BUCKET_ARN,
        ...ACCOUNT_CONDITION,
        PrincipalOrgID: 'o-1234567890',
        FunctionUrlAuthType: 'NONE',
      }),
      add('add_permission_alexa_skill', invoke('alexaSkill', '*', { EventSourceToken: 'amzn1.ask.skill.xxxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' })),
    ],
  },
  {
    test: 'TestLambdaPermissions::test_lambda_permission_fn_versioning',
    steps: [
      callerAccount,
      createFunction({ FunctionName: FN }),
      add('add_permission', invoke('s3', 's3.amazonaws.com', S3_BUCKET_ARN)),
      policy('get_policy'),
      { op: 'PublishVersion', params: { FunctionName: FN }, snapshot: 'publish_version_result', ignore: CODE_SIZE },
      { op: 'GetFunction', params: { FunctionName: FN }, snapshot: 'get_function_result_after_publishing', ignore: CONFIGURATION_CODE_SIZE },
      policy('get_policy_after_publishing_latest'),
      { op: 'GetPolicy', params: { FunctionName: FN, Qualifier: '1' }, snapshot: 'get_policy_after_publishing_new_version' },
      add(undefined, invoke('s3', 's3.amazonaws.com', { ...S3_BUCKET_ARN, Qualifier: '1' }), `${FN}:1`),
      policy('get_policy_version', FN, { Qualifier: '1' }),
      { op: 'CreateAlias', params: { FunctionName: FN, Name: 'permission-alias', FunctionVersion: '1' }, snapshot: 'create_alias_response', capture: { aliasRevision: '$.RevisionId' } },
      { op: 'GetAlias', params: { FunctionName: FN, Name: 'permission-alias' }, snapshot: 'get_alias' },
      add('add_permission_alias_revision_exception', invoke('s3', 's3.amazonaws.com', { ...S3_BUCKET_ARN, Qualifier: 'permission-alias', RevisionId: 'wrong' })),
      add(undefined, invoke('s3', 's3.amazonaws.com', { ...S3_BUCKET_ARN, Qualifier: 'permission-alias', RevisionId: '{{aliasRevision}}' }), `${FN}:permission-alias`),
      policy('get_policy_alias', FN, { Qualifier: 'permission-alias' }),
      { ...policy('get_policy_after_adding_to_new_version'), capture: { policyRevision: '$.RevisionId' } },
      add(undefined, invoke('s3_2', 's3.amazonaws.com', { ...S3_BUCKET_ARN, RevisionId: '{{policyRevision}}' })),
      policy('get_policy_after_adding_2'),
    ],
  },
];
