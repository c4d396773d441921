// LocalStack's AWS-validated Lambda API tests (github.com/localstack/localstack,
// tests/aws/services/lambda_/test_lambda_api.py, Apache-2.0) reproduced as request sequences. Expected responses
// come only from the recorded snapshots. The fixtures' calls are in lambda-api/common.ts; the scenarios of each
// feature are in lambda-api/*.ts.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import {
  callerAccount,
  CODE_SIZE,
  CONFIGURATION_CODE_SIZE,
  createFunction,
  createRecorded,
  FUNCTION,
  mappingSetup,
  onFunction,
  operationOf,
  zip,
} from './lambda-api/common.ts';
import { functionScenarios, NAME_VALIDATION_SKIPS } from './lambda-api/functions.ts';
import { eventInvokeScenarios } from './lambda-api/event-invoke.ts';
import { eventSourceMappingScenarios } from './lambda-api/event-source-mappings.ts';
import { layerScenarios } from './lambda-api/layers.ts';
import { loggingScenarios } from './lambda-api/logging.ts';
import { functionSettingScenarios } from './lambda-api/function-settings.ts';
import { sizeLimitScenarios } from './lambda-api/size-limits.ts';
import { permissionScenarios } from './lambda-api/permissions.ts';
import { settingScenarios } from './lambda-api/settings.ts';
import { tagScenarios } from './lambda-api/tags.ts';
import { urlScenarios } from './lambda-api/urls.ts';
import { versionScenarios, versionsNotPorted } from './lambda-api/versions.ts';

/** The alias tests' function: python3.12 as recorded (the stored test code says python3.9), environment testenv=staging (create_lambda_function_aws answers CreateFunction's own response). */
const aliasFunction = (params: Record<string, unknown> = {}): SourceStep =>
  createFunction({ Runtime: 'python3.12', Handler: 'index.handler', Environment: { Variables: { testenv: 'staging' } }, Timeout: undefined, ...params });
const alias = onFunction;
const SIGNING_PROFILE = { SigningProfileVersionArns: ['arn:{{partition}}:signer:{{region}}:{{accountId}}:/signing-profiles/test'] };

const source: SourceFile = {
  service: 'lambda',
  module: 'test_lambda_api',
  snapshotDir: 'lambda',
  testDir: 'lambda_',
  variants: {},
  defaultProtocol: 'rest-json',
  redactedWords: { 'code-sha256': 'any', 'function-url': 'any', 'lambda-url': 'any' },
  expandedWords: { '<a:len(65)>': 'a'.repeat(65), '<a:len(129)>': 'a'.repeat(129), '<a:len(140)>': 'a'.repeat(140), '<a:len(170)>': 'a'.repeat(170) },
  skippedVariants: {
    ...NAME_VALIDATION_SKIPS,
    ...Object.fromEntries(
      ['java11', 'java17', 'java21', 'java25', 'dotnet8', 'dotnet10'].map((runtime) => [
        runtime,
        `deploys the multiruntime fixture's prebuilt ${runtime} package with SnapStart; twinstack runs Node.js, Python and provided (bootstrap) functions only`,
      ]),
    ),
  },
  scenarios: [
    ...functionScenarios,
    ...versionScenarios,
    ...tagScenarios,
    ...eventInvokeScenarios,
    ...urlScenarios,
    ...permissionScenarios,
    ...settingScenarios,
    ...layerScenarios,
    ...eventSourceMappingScenarios,
    ...loggingScenarios,
    ...functionSettingScenarios,
    ...sizeLimitScenarios,
    {
      test: 'TestLambdaFunction::test_function_lifecycle',
      note: "the updated code is another echo handler; CodeSize was redacted in the recording (a number the verifier's {{*}} does not match), so it is not judged",
      steps: [
        callerAccount,
        createRecorded('create_response', { MemorySize: 256, Timeout: 5 }),
        onFunction('GetFunction', 'get_function_response', {}, { ignore: CONFIGURATION_CODE_SIZE }),
        {
          op: 'UpdateFunctionConfiguration',
          params: { FunctionName: FUNCTION, Runtime: 'python3.11', Description: 'Changed-Description', MemorySize: 512, Timeout: 10, Environment: { Variables: { ENV_A: 'a' } } },
          snapshot: 'update_func_conf_response',
          ignore: CODE_SIZE,
        },
        onFunction('GetFunction', 'get_function_response_postupdate', {}, { ignore: CONFIGURATION_CODE_SIZE }),
        { op: 'UpdateFunctionCode', params: { FunctionName: FUNCTION, ZipFile: zip('def handler(event, context):\n    return {"echo": event}\n') }, snapshot: 'update_code_response', ignore: CODE_SIZE },
        onFunction('GetFunction', 'get_function_response_postcodeupdate', {}, { ignore: CONFIGURATION_CODE_SIZE }),
        onFunction('DeleteFunction', 'delete_response'),
        onFunction('DeleteFunction', 'delete_postdelete'),
      ],
    },
    {
      test: 'TestLambdaAlias::test_alias_lifecycle',
      note: 'the test lists the aliases with a paginator of page size 1 and sorts them by name; the contract lists them in one call and compares them unordered',
      steps: [
        callerAccount,
        { ...aliasFunction(), snapshot: 'create_response', ignore: CODE_SIZE },
        onFunction('PublishVersion', 'publish_v1', {}, { ignore: CODE_SIZE }),
        { op: 'UpdateFunctionConfiguration', params: { FunctionName: FUNCTION, Environment: { Variables: { testenv: 'prod' } } } },
        onFunction('PublishVersion', 'publish_v2', {}, { ignore: CODE_SIZE }),
        alias('CreateAlias', 'create_alias_1_1', { Name: 'aliasname1_1', FunctionVersion: '1', Description: 'custom-alias', RoutingConfig: { AdditionalVersionWeights: { '2': 0.2 } } }),
        alias('GetAlias', 'get_alias_1_1', { Name: 'aliasname1_1' }),
        onFunction('GetFunction', 'get_function_alias_1_1', { Qualifier: 'aliasname1_1' }, { ignore: CONFIGURATION_CODE_SIZE }),
        { op: 'GetFunction', params: { FunctionName: '{{functionArn}}:aliasname1_1' }, snapshot: 'get_function_byarn_alias_1_1', ignore: CONFIGURATION_CODE_SIZE },
        onFunction('GetFunction', 'get_function_alias_notfound_exc', { Qualifier: 'aliasdoesnotexist' }),
        { op: 'GetFunction', params: { FunctionName: '{{functionArn}}:aliasdoesnotexist' }, snapshot: 'get_function_alias_byarn_notfound_exc' },
        alias('CreateAlias', 'create_alias_1_2', { Name: 'aliasname1_2', FunctionVersion: '1', Description: 'custom-alias' }),
        alias('GetAlias', 'get_alias_1_2', { Name: 'aliasname1_2' }),
        alias('CreateAlias', 'create_alias_1_3', { Name: 'aliasname1_3', FunctionVersion: '1' }),
        alias('GetAlias', 'get_alias_1_3', { Name: 'aliasname1_3' }),
        alias('CreateAlias', 'create_alias_2', { Name: 'aliasname2', FunctionVersion: '2', Description: 'custom-alias' }),
        alias('GetAlias', 'get_alias_2', { Name: 'aliasname2' }),
        onFunction('ListAliases', 'list_aliases_for_fnname', {}, { unordered: ['$.Aliases'], select: '$' }),
        alias('UpdateAlias', 'update_alias_1_1', { Name: 'aliasname1_1', RoutingConfig: { AdditionalVersionWeights: {} } }),
        alias('GetAlias', 'get_alias_1_1_after_update', { Name: 'aliasname1_1' }),
        onFunction('ListAliases', 'list_aliases_for_fnname_after_update', {}, { unordered: ['$.Aliases'], select: '$' }),
        alias('UpdateAlias', 'update_alias_1_2', { Name: 'aliasname1_2' }),
        alias('GetAlias', 'get_alias_1_2_after_update', { Name: 'aliasname1_2' }),
        onFunction('ListAliases', 'list_aliases_for_fnname_after_update_2', {}, { unordered: ['$.Aliases'], select: '$' }),
        onFunction('ListAliases', 'list_aliases_for_version', { FunctionVersion: '1' }, { unordered: ['$.Aliases'], select: '$' }),
        alias('DeleteAlias', 'delete_alias_response', { Name: 'aliasname1_1' }),
        onFunction('ListAliases', 'list_aliases_for_fnname_afterdelete', {}, { unordered: ['$.Aliases'], select: '$' }),
      ],
    },
    {
      test: 'TestLambdaAlias::test_notfound_and_invalid_routingconfigs',
      steps: [
        callerAccount,
        { ...aliasFunction({ Publish: true }), snapshot: 'create_response', ignore: CODE_SIZE },
        onFunction('PublishVersion', 'publish_v1', {}, { ignore: CODE_SIZE }),
        { op: 'UpdateFunctionConfiguration', params: { FunctionName: FUNCTION, Environment: { Variables: { testenv: 'prod' } } } },
        onFunction('PublishVersion', 'publish_v2', {}, { ignore: CODE_SIZE }),
        alias('CreateAlias', 'routing_config_exc_toomany', { Name: 'custom', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '1': 0.8, '2': 0.2 } } }),
        alias('CreateAlias', 'routing_config_exc_toohigh', { Name: 'custom', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 2 } } }),
        alias('CreateAlias', 'routing_config_exc_subzero', { Name: 'custom', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': -1 } } }),
        alias('CreateAlias', 'routing_config_exc_sameversion', { Name: 'custom', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '1': 0.5 } } }),
        alias('CreateAlias', 'target_version_doesnotexist', { Name: 'custom', FunctionVersion: '10', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } }),
        alias('CreateAlias', 'routing_config_exc_version_doesnotexist', { Name: 'custom', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '10': 0.5 } } }),
        alias('CreateAlias', 'target_version_exc_version_latest', { Name: 'custom', FunctionVersion: '$LATEST', RoutingConfig: { AdditionalVersionWeights: { '1': 0.5 } } }),
        alias('CreateAlias', 'routing_config_exc_version_latest', { Name: 'custom', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { $LATEST: 0.5 } } }),
        alias('CreateAlias', 'create-alias-latest', { Name: 'custom-latest', FunctionVersion: '$LATEST' }),
        {
          op: 'CreateAlias',
          params: { FunctionName: `${FUNCTION}-unknown`, Name: 'custom', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } },
          snapshot: 'routing_config_exc_fn_doesnotexist',
        },
        alias('CreateAlias', 'create_alias_empty_routingconfig', { Name: 'custom-empty-routingconfig', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: {} } }),
        alias('CreateAlias', 'create_alias_response', { Name: 'custom', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } }),
        alias('CreateAlias', 'routing_config_exc_already_exist', { Name: 'custom', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } }),
        alias('GetAlias', 'alias_does_not_exist_esc', { Name: 'non-existent' }),
      ],
    },
    {
      test: 'TestLambdaFunction::test_create_lambda_exceptions',
      note: 'empty_architectures is refused by boto3 before sending; uppercase_architecture not reproduced yet',
      steps: [
        callerAccount,
        { ...createFunction({ Role: 'r1' }), capture: undefined, snapshot: 'invalid_role_arn_exc' },
        { ...createFunction({ Runtime: 'non-existent-runtime' }), capture: undefined, snapshot: 'invalid_runtime_exc' },
        { ...createFunction({ Runtime: 'PYTHON3.9' }), capture: undefined, snapshot: 'uppercase_runtime_exc' },
        { ...createFunction({ Architectures: ['x86_64', 'arm64'] }), capture: undefined, snapshot: 'multiple_architectures' },
        { ...createFunction({ Code: { ZipFile: { $blob: Buffer.from('this is not a zipfile, just a simple string').toString('base64') } } }), capture: undefined, snapshot: 'invalid_zip_exc' },
      ],
    },
    {
      test: 'TestLambdaTag::test_tag_lifecycle',
      note: 'the [event_source_mapping] variant tags a mapping from an SQS queue to the function',
      steps: (param) => [
        callerAccount,
        createFunction(),
        ...(param === 'event_source_mapping' ? mappingSetup : []),
        ...(
          [
            ['tag_single', 'TagResource', { Tags: { A: 'tag-a' } }],
            ['tag_multiple', 'TagResource', { Tags: { B: 'tag-b', C: 'tag-c' } }],
            ['tag_overlap', 'TagResource', { Tags: { C: 'tag-c-newsuffix', D: 'tag-d' } }],
            ['untag_single', 'UntagResource', { TagKeys: ['A'] }],
            ['untag_multiple', 'UntagResource', { TagKeys: ['B', 'C'] }],
            ['untag_nonexisting', 'UntagResource', { TagKeys: ['F'] }],
            ['untag_existing_and_nonexisting', 'UntagResource', { TagKeys: ['D', 'F'] }],
          ] as const
        ).flatMap(([key, op, params]): SourceStep[] => [
          { op, params: { Resource: param === 'event_source_mapping' ? '{{mappingArn}}' : '{{functionArn}}', ...params }, snapshot: `${key}_response` },
          { op: 'ListTags', params: { Resource: param === 'event_source_mapping' ? '{{mappingArn}}' : '{{functionArn}}' }, snapshot: `${key}_response_listtags` },
        ]),
      ],
    },
    {
      test: 'TestLambdaReservedConcurrency::test_function_concurrency',
      steps: [
        callerAccount,
        createFunction(),
        onFunction('PutFunctionConcurrency', 'put_function_concurrency_with_reserved_0', { ReservedConcurrentExecutions: 0 }),
        onFunction('PutFunctionConcurrency', 'put_function_concurrency_with_reserved_1', { ReservedConcurrentExecutions: 1 }),
        onFunction('GetFunctionConcurrency', 'get_function_concurrency'),
        onFunction('DeleteFunctionConcurrency', 'delete_response'),
        onFunction('GetFunctionConcurrency', 'get_function_concurrency_after_delete'),
      ],
    },
    {
      test: 'TestLambdaPermissions::test_add_lambda_permission_aws',
      steps: [
        callerAccount,
        createRecorded('create_lambda'),
        {
          op: 'AddPermission',
          params: { FunctionName: FUNCTION, StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:{{partition}}:s3:::bucket-{{suffix}}' },
          snapshot: 'add_permission',
          jsonStrings: ['$.Statement'],
        },
        onFunction('GetPolicy', 'get_policy', {}, { jsonStrings: ['$.Policy'] }),
      ],
    },
    {
      test: 'TestCodeSigningConfig::test_function_code_signing_config',
      note: 'the test snapshots the one config it created out of ListCodeSigningConfigs; the contract selects it as the last one listed',
      steps: [
        callerAccount,
        createFunction(),
        {
          op: 'CreateCodeSigningConfig',
          params: { Description: 'Testing CodeSigning Config', AllowedPublishers: SIGNING_PROFILE, CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' } },
          snapshot: 'create_code_signing_config',
          capture: { cscArn: '$.CodeSigningConfig.CodeSigningConfigArn' },
        },
        {
          op: 'UpdateCodeSigningConfig',
          params: { CodeSigningConfigArn: '{{cscArn}}', CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Warn' } },
          snapshot: 'update_code_signing_config',
        },
        { op: 'GetCodeSigningConfig', params: { CodeSigningConfigArn: '{{cscArn}}' }, snapshot: 'get_code_signing_config' },
        { op: 'PutFunctionCodeSigningConfig', params: { CodeSigningConfigArn: '{{cscArn}}', FunctionName: FUNCTION }, snapshot: 'put_function_code_signing_config' },
        onFunction('GetFunctionCodeSigningConfig', 'get_function_code_signing_config'),
        { op: 'ListFunctionsByCodeSigningConfig', params: { CodeSigningConfigArn: '{{cscArn}}' }, snapshot: 'list_functions_by_code_signing_config' },
        onFunction('DeleteFunctionCodeSigningConfig', 'delete_function_code_signing_config'),
        { op: 'DeleteCodeSigningConfig', params: { CodeSigningConfigArn: '{{cscArn}}' }, snapshot: 'delete_code_signing_config' },
      ],
    },
    {
      test: 'TestLambdaFunction::test_ops_on_nonexisting_fn',
      steps: (param) => [callerAccount, { op: operationOf(param), params: { FunctionName: 'i-dont-exist-{{suffix}}' }, snapshot: 'not_found_exception' }],
    },
    {
      test: 'TestLambdaFunction::test_ops_with_arn_qualifier_mismatch',
      note: 'the test writes the ARN with the aws partition; the contract uses the target\'s',
      steps: (param) => [
        callerAccount,
        { op: operationOf(param), params: { FunctionName: 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:some-function:1', Qualifier: '$LATEST' }, snapshot: 'not_match_exception' },
        { op: operationOf(param), params: { FunctionName: 'arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:some-function:$LATEST', Qualifier: '$LATEST' }, snapshot: 'match_exception' },
      ],
    },
    {
      test: 'TestLambdaFunction::test_ops_on_nonexisting_version',
      steps: (param) => [callerAccount, createFunction({ Description: 'Initial description' }), onFunction(operationOf(param), 'version_not_found_exception', { Qualifier: '1221' })],
    },
    {
      test: 'TestLambdaFunction::test_delete_on_nonexisting_version',
      note: 'deleting a version that never existed succeeds (twice) before the function is deleted; only the later errors were recorded',
      steps: [
        callerAccount,
        createFunction({ Description: 'Initial description' }),
        { op: 'DeleteFunction', params: { FunctionName: FUNCTION, Qualifier: '1233' } },
        { op: 'DeleteFunction', params: { FunctionName: FUNCTION, Qualifier: '1233' } },
        { op: 'DeleteFunction', params: { FunctionName: FUNCTION } },
        onFunction('DeleteFunction', 'delete_function_response_non_existent'),
        onFunction('DeleteFunction', 'delete_function_response_non_existent_with_qualifier', { Qualifier: '1233' }),
      ],
    },
    {
      test: 'TestLambdaFunction::test_get_function_wrong_region',
      note: 'the function ARN names eu-central-1 (the test picks it when the client is in us-east-1, where the verifier runs)',
      steps: (param) => [
        callerAccount,
        createFunction({ Description: 'Initial description' }),
        { op: operationOf(param), params: { FunctionName: `arn:{{partition}}:lambda:eu-central-1:{{accountId}}:function:${FUNCTION}` }, snapshot: 'wrong_region_exception' },
      ],
    },
    {
      test: 'TestLambdaUrl::test_url_config_lifecycle',
      note: 'the test deploys a Node.js handler; the URL config does not depend on it, and the echo function serves',
      steps: [
        callerAccount,
        createFunction(),
        onFunction('CreateFunctionUrlConfig', 'url_creation', { AuthType: 'NONE' }),
        onFunction('CreateFunctionUrlConfig', 'failed_duplication', { AuthType: 'NONE' }),
        onFunction('GetFunctionUrlConfig', 'get_url_config'),
        onFunction('UpdateFunctionUrlConfig', 'updated_url_config', { AuthType: 'AWS_IAM' }),
        { op: 'DeleteFunctionUrlConfig', params: { FunctionName: FUNCTION } },
        onFunction('GetFunctionUrlConfig', 'failed_getter'),
      ],
    },
    {
      test: 'TestLambdaProvisionedConcurrency::test_lambda_provisioned_lifecycle',
      note: 'the test waits for READY between the put and the delete; the contract deletes at once (the recorded answers do not depend on it)',
      steps: [
        callerAccount,
        createFunction(),
        onFunction('PublishVersion', 'publish_version_result', {}, { ignore: CODE_SIZE }),
        alias('CreateAlias', 'create_alias_result', { Name: 'alias-{{suffix}}', FunctionVersion: '1' }),
        onFunction('PutProvisionedConcurrencyConfig', 'put_provisioned_on_version', { Qualifier: '1', ProvisionedConcurrentExecutions: 1 }),
        onFunction('PutProvisionedConcurrencyConfig', 'put_provisioned_on_alias_versionconflict', { Qualifier: 'alias-{{suffix}}', ProvisionedConcurrentExecutions: 1 }),
        onFunction('DeleteProvisionedConcurrencyConfig', 'delete_provisioned_version', { Qualifier: '1' }),
        onFunction('GetProvisionedConcurrencyConfig', 'get_provisioned_version_postdelete', { Qualifier: '1' }),
        onFunction('PutProvisionedConcurrencyConfig', 'put_provisioned_on_alias', { Qualifier: 'alias-{{suffix}}', ProvisionedConcurrentExecutions: 1 }),
        onFunction('PutProvisionedConcurrencyConfig', 'put_provisioned_on_version_conflict', { Qualifier: '1', ProvisionedConcurrentExecutions: 1 }),
        alias('DeleteAlias', 'delete_alias_result', { Name: 'alias-{{suffix}}' }),
        onFunction('GetProvisionedConcurrencyConfig', 'get_provisioned_alias_postaliasdelete', { Qualifier: 'alias-{{suffix}}' }),
        onFunction('ListProvisionedConcurrencyConfigs', 'list_response_postdeletes'),
      ],
    },
  ],
  notPorted: {
    ...versionsNotPorted,
    ...Object.fromEntries(
      ['test_lambda_image_crud', 'test_lambda_image_and_image_config_crud', 'test_lambda_zip_file_to_image', 'test_lambda_image_versions'].map((test) => [
        `TestLambdaImages::${test}`,
        'container image functions (PackageType Image) need a container runtime; twinstack runs functions without Docker and refuses images at CreateFunction with an error that says so',
      ]),
    ),
    'TestLambdaFunction::test_vpc_config': 'creates a VPC, subnets and security groups through EC2, which twinstack does not emulate',
    'TestLambdaFunction::test_invalid_vpc_config_subnet': 'creates a VPC and subnets through EC2, which twinstack does not emulate',
    'TestLambdaFunction::test_invalid_vpc_config_security_group': 'creates a VPC and security groups through EC2, which twinstack does not emulate',
    'TestLambdaFunction::test_lambda_concurrent_code_updates':
      'relies on AWS still applying one update when the next arrives (ResourceConflictException); twinstack applies updates at once',
    'TestLambdaFunction::test_lambda_concurrent_config_updates':
      'relies on AWS still applying one update when the next arrives (ResourceConflictException); twinstack applies updates at once',
    'TestLambdaAccountSettings::test_account_settings_total_code_size':
      "the recorded answers are the account's total code size before and after, which functions of the scenarios replayed beside it change",
    'TestLambdaAccountSettings::test_account_settings_total_code_size_config_update':
      "the recorded answers are the account's total code size before and after, which functions of the scenarios replayed beside it change",
    'TestLambdaReservedConcurrency::test_function_concurrency_limits': "depends on the AWS account's concurrent executions quota (the test says it needs a raised quota)",
    'TestLambdaProvisionedConcurrency::test_provisioned_concurrency_limits': "depends on the AWS account's concurrent executions quota (the test says it needs a raised quota)",
    'TestLambdaSizeLimits::test_large_lambda': 'uploads a large binary zip to S3 (PutObject), which the contract format\'s text request bodies cannot carry',
    'TestLambdaSizeLimits::test_oversized_unzipped_lambda': 'uploads a binary zip to S3 (PutObject), which the contract format\'s text request bodies cannot carry',
    'TestLambdaLayer::test_layer_s3_content': 'uploads a binary zip to S3 (PutObject), which the contract format\'s text request bodies cannot carry',
    'TestLambdaSizeLimits::test_oversized_lambda':
      'a stale snapshot entry recorded in 2022 by a test no longer in the test code; the refusal it holds (unzipped size over 250 MB) is the one test_oversized_unzipped_lambda records',
    'TestLambdaSizeLimits::test_oversized_zipped_create_lambda':
      "the request carries a 50 MB zip (70 MB in its JSON body), too large to keep in a contract file; twinstack's refusal is checked with the AWS SDK in test/lambda/functions.test.ts",
    'TestLambdaSizeLimits::test_oversized_request_create_lambda':
      "the request body is over 70 MB, too large to keep in a contract file; twinstack's refusal is checked with the AWS SDK in test/lambda/functions.test.ts",
    'TestLambdaAccountSettings::test_account_settings':
      "the test records only the sorted member names of AccountLimit and AccountUsage, which it builds from the answer (the values are the AWS account's); twinstack answers those members (test/lambda/configuration.test.ts)",
    'TestLambdaPermissions::test_lambda_permission_versioning':
      'a stale snapshot entry (December 2022) of a test that was never in the test code (localstack#7336 committed it as test_lambda_permission_fn_versioning, which is ported): its calls are not known',
    'TestLambdaPermissions::test_lambda_permission_revisions':
      'a stale snapshot entry (December 2022) of a test that was never in the test code (localstack#7336): its calls are not known',
    'TestLambdaPermissions::test_add_lambda_permission_optional_fields':
      'a stale snapshot entry that records nothing, of a test that was never in the test code (localstack#7336)',
    'TestPartialARNMatching::test_update_function_configuration_full_arn':
      'records nothing: the test only checks that the updates by full ARN, name and partial ARN succeed (test/lambda/functions.test.ts updates by each form)',
    'TestPartialARNMatching::test_cross_region_arn_function_access':
      "records nothing: the test only checks that a second client's GetFunction by full ARN succeeds",
    'TestLambdaEventSourceMappings::test_create_event_source_self_managed':
      'self-managed Kafka event sources: twinstack stores such a mapping as AWS answers it (test/cloudformation/lambda-kafka-mapping.test.ts) but runs no Kafka broker to poll; this recording is not reproduced as a contract yet (the test itself is skipped in LocalStack)',
    test_lambda_code_location_s3: 'uploads a binary zip to S3 (PutObject), which the contract format\'s text request bodies cannot carry; S3 code is tested in test/lambda/functions.test.ts',
  },
};

export default source;
