// TestLambdaLayer scenarios of test_lambda_api.py: publishing layer versions, their permissions, and functions that
// reference them. The test's `dummylayer` fixture is a prebuilt zip; any zip serves (its size and hash are redacted).
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount, CONFIGURATION_CODE_SIZE, createFunction, onFunction, zip } from './common.ts';

const LAYER = 'testlayer-{{suffix}}';
const LAYER_ZIP = zip('def layer_function():\n    return "hello from layer"\n', 'python/testlayer.py');
/** The layer's CodeSize was redacted in the recordings (a number the verifier's {{*}} does not match): not judged. */
const LAYER_SIZE = ['$.Content.CodeSize'];
const FUNCTION_LAYER_SIZE = ['$.CodeSize', '$.Layers[*].CodeSize'];
const ARCHITECTURES = ['arm64', 'x86_64'];

const publish = (snapshot: string | undefined, params: Record<string, unknown> = {}, LayerName = LAYER): SourceStep => ({
  op: 'PublishLayerVersion',
  params: { LayerName, CompatibleRuntimes: ['python3.12'], Content: { ZipFile: LAYER_ZIP }, CompatibleArchitectures: ['x86_64'], ...params },
  ...(snapshot ? { snapshot, ignore: LAYER_SIZE } : {}),
});
const onLayer = (op: string, snapshot: string | undefined, params: Record<string, unknown>, LayerName = LAYER): SourceStep => ({
  op,
  params: { LayerName, ...params },
  ...(snapshot ? { snapshot } : {}),
});
const permission = (snapshot: string, params: Record<string, unknown>, LayerName = LAYER): SourceStep => ({
  ...onLayer('AddLayerVersionPermission', snapshot, { VersionNumber: 1, Action: 'lambda:GetLayerVersion', Principal: '*', ...params }, LayerName),
  jsonStrings: ['$.Statement'],
});
const policy = (snapshot: string, extra: Partial<SourceStep> = {}, LayerName = LAYER): SourceStep => ({
  ...onLayer('GetLayerVersionPolicy', snapshot, { VersionNumber: 1 }, LayerName),
  jsonStrings: ['$.Policy'],
  ...extra,
});
const withLayers = (snapshot: string, Layers: string[]): SourceStep => onFunction('UpdateFunctionConfiguration', snapshot, { Layers });

/** The runtimes each test_layer_compatibilities variant sent (LocalStack's ALL_RUNTIMES in batches of 15, as recorded). */
const COMPATIBLE_RUNTIMES: Record<string, string[]> = {
  runtimes0: ['nodejs24.x', 'nodejs22.x', 'nodejs20.x', 'nodejs18.x', 'nodejs16.x', 'nodejs14.x', 'nodejs12.x', 'python3.14', 'python3.13', 'python3.12', 'python3.11', 'python3.10', 'python3.9', 'python3.8', 'python3.7'],
  runtimes1: ['java25', 'java21', 'java17', 'java11', 'java8.al2', 'java8', 'dotnet10', 'dotnet8', 'dotnet6', 'dotnetcore3.1', 'go1.x', 'ruby3.4', 'ruby3.3', 'ruby3.2', 'ruby2.7'],
  runtimes2: ['provided.al2023', 'provided.al2', 'provided'],
};

export const layerScenarios: SourceScenario[] = [
  {
    test: 'TestLambdaLayer::test_layer_compatibilities',
    steps: (param) => [callerAccount, publish('publish_result', { CompatibleRuntimes: COMPATIBLE_RUNTIMES[param], CompatibleArchitectures: ARCHITECTURES })],
  },
  {
    test: 'TestLambdaLayer::test_layer_exceptions',
    steps: [
      callerAccount,
      { ...publish('publish_result'), capture: { layerArn: '$.LayerArn' } },
      { op: 'ListLayers', params: { CompatibleRuntime: 'runtimedoesnotexist' }, snapshot: 'list_layers_exc_compatibleruntime_invalid' },
      { op: 'ListLayers', params: { CompatibleArchitecture: 'archdoesnotexist' }, snapshot: 'list_layers_exc_compatiblearchitecture_invalid' },
      onLayer('ListLayerVersions', 'list_nonexistent_layer', {}, 'layerdoesnotexist'),
      onLayer('GetLayerVersion', 'get_layer_version_exc_layer_doesnotexist', { VersionNumber: 1 }, 'layerdoesnotexist'),
      onLayer('GetLayerVersion', 'get_layer_version_exc_layer_version_doesnotexist_negative', { VersionNumber: -1 }),
      onLayer('GetLayerVersion', 'get_layer_version_exc_layer_version_doesnotexist_zero', { VersionNumber: 0 }),
      onLayer('GetLayerVersion', 'get_layer_version_exc_layer_version_doesnotexist_2', { VersionNumber: 2 }),
      { op: 'GetLayerVersionByArn', params: { Arn: '{{layerArn}}' }, snapshot: 'get_layer_version_by_arn_exc_invalidarn' },
      { op: 'GetLayerVersionByArn', params: { Arn: '{{layerArn}}:2' }, snapshot: 'get_layer_version_by_arn_exc_nonexistentversion' },
      onLayer('DeleteLayerVersion', 'delete_nonexistent_response', { VersionNumber: 1 }, 'layerdoesnotexist'),
      onLayer('DeleteLayerVersion', 'delete_nonexistent_version_response', { VersionNumber: 2 }),
      onLayer('DeleteLayerVersion', 'delete_layer_response', { VersionNumber: 1 }),
      onLayer('DeleteLayerVersion', 'delete_layer_again_response', { VersionNumber: 1 }),
      onLayer('DeleteLayerVersion', 'delete_layer_version_exc_layerversion_invalid_version', { VersionNumber: -1 }),
      publish('publish_empty_result', { CompatibleRuntimes: [], CompatibleArchitectures: [] }, 'testlayer-empty-{{suffix}}'),
      publish('publish_layer_version_exc_invalid_runtime_arch', { CompatibleRuntimes: ['invalidruntime'], CompatibleArchitectures: ['invalidarch'] }, 'testlayer-2-{{suffix}}'),
      publish(
        'publish_layer_version_exc_partially_invalid_values',
        { CompatibleRuntimes: ['invalidruntime', 'invalidruntime2', 'nodejs20.x'], CompatibleArchitectures: ['invalidarch', 'x86_64'] },
        'testlayer-2-{{suffix}}',
      ),
    ],
  },
  {
    test: 'TestLambdaLayer::test_layer_function_exceptions',
    note: "the last step publishes the layer in a second region and creates the function with it there; a contract is signed for one region, so that entry (create_function_with_layer_in_different_region) is not reproduced",
    steps: [
      callerAccount,
      { ...publish('publish_result', { CompatibleRuntimes: [] }), capture: { layerArn: '$.LayerArn', layer1: '$.LayerVersionArn' } },
      { ...publish('publish_result_2', { CompatibleRuntimes: [] }), capture: { layer2: '$.LayerVersionArn' } },
      { ...publish('publish_result_3', { CompatibleRuntimes: [] }), capture: { layer3: '$.LayerVersionArn' } },
      createFunction(),
      onFunction('GetFunction', 'get_fn_result', {}, { ignore: CONFIGURATION_CODE_SIZE }),
      withLayers('two_layer_versions_single_function_exc', ['{{layer1}}', '{{layer2}}']),
      withLayers('three_layer_versions_single_function_exc', ['{{layer1}}', '{{layer2}}', '{{layer3}}']),
      withLayers('two_identical_layer_versions_single_function_exc', ['{{layer1}}', '{{layer1}}']),
      withLayers('add_nonexistent_layer_exc', [`arn:{{partition}}:lambda:{{region}}:{{accountId}}:layer:doesnotexist:1`]),
      withLayers('add_nonexistent_layer_version_exc', ['{{layerArn}}:9']),
      withLayers('add_layer_arn_without_version_exc', ['{{layerArn}}']),
    ],
  },
  {
    test: 'TestLambdaLayer::test_layer_function_quota_exception',
    steps: [
      callerAccount,
      ...[1, 2, 3, 4, 5, 6].map((n) => ({ ...publish(undefined, { CompatibleRuntimes: [] }, `testlayer-${n}-{{suffix}}`), capture: { [`layer${n}`]: '$.LayerVersionArn' } })),
      { ...createFunction({ Layers: [1, 2, 3, 4, 5, 6].map((n) => `{{layer${n}}}`) }), capture: undefined, snapshot: 'create_function_with_six_layers' },
    ],
  },
  {
    test: 'TestLambdaLayer::test_layer_lifecycle',
    note: "the test waits for the update with the function_updated_v2 waiter before reading the configuration; the contract reads it at once (twinstack's update is done by then)",
    steps: [
      callerAccount,
      createFunction(),
      onFunction('GetFunction', 'get_fn_result', {}, { ignore: CONFIGURATION_CODE_SIZE }),
      onFunction('GetFunctionConfiguration', 'get_fn_config_result', {}, { ignore: ['$.CodeSize'] }),
      ...(['publish_result', 'publish_result_2'] as const).map((key) => ({
        ...publish(key, { LicenseInfo: 'licenseinfo-{{suffix}}', Description: 'description-{{suffix}}' }),
        capture: { [key === 'publish_result' ? 'layer1' : 'layer2']: '$.LayerVersionArn' },
      })),
      { ...withLayers('update_fn_config', ['{{layer1}}']), ignore: FUNCTION_LAYER_SIZE },
      onFunction('GetFunctionConfiguration', 'get_fn_config', {}, { ignore: FUNCTION_LAYER_SIZE }),
      { ...onLayer('GetLayerVersion', 'get_layer_ver_result', { VersionNumber: 1 }), ignore: LAYER_SIZE },
      { op: 'GetLayerVersionByArn', params: { Arn: '{{layer1}}' }, snapshot: 'get_layer_by_arn_version', ignore: LAYER_SIZE },
      onLayer('ListLayerVersions', 'list_layer_versions_predelete', {}),
      onLayer('DeleteLayerVersion', 'delete_layer_1', { VersionNumber: 1 }),
      onFunction('GetFunctionConfiguration', 'get_fn_config_postdelete', {}, { ignore: FUNCTION_LAYER_SIZE }),
      onLayer('DeleteLayerVersion', 'delete_layer_2', { VersionNumber: 2 }),
      onLayer('ListLayerVersions', 'list_layer_versions_postdelete', {}),
      publish('publish_result_3', { LicenseInfo: 'licenseinfo-{{suffix}}', Description: 'description-{{suffix}}' }),
    ],
  },
  {
    test: 'TestLambdaLayer::test_layer_policy_exceptions',
    steps: [
      callerAccount,
      publish('publish_result', {}, 'layer4policy-{{suffix}}'),
      policy('layer_permission_nopolicy_get', {}, 'layer4policy-{{suffix}}'),
      permission('add_layer_permission_result', { StatementId: 's1' }, 'layer4policy-{{suffix}}'),
      permission('layer_permission_action_invalid', { Action: '*', StatementId: 's-{{suffix}}' }, 'layer4policy-{{suffix}}'),
      permission('layer_permission_duplicate_statement', { StatementId: 's1' }, 'layer4policy-{{suffix}}'),
      permission('layer_permission_wrong_revision', { StatementId: 's2', RevisionId: 'wrong' }, 'layer4policy-{{suffix}}'),
      permission('layer_permission_layername_doesnotexist_add', { StatementId: 's-{{suffix}}' }, 'layer4policy-{{suffix}}-doesnotexist'),
      onLayer('GetLayerVersionPolicy', 'layer_permission_layername_doesnotexist_get', { VersionNumber: 1 }, 'layer4policy-{{suffix}}-doesnotexist'),
      onLayer('RemoveLayerVersionPermission', 'layer_permission_layername_doesnotexist_remove', { VersionNumber: 1, StatementId: 's1' }, 'layer4policy-{{suffix}}-doesnotexist'),
      permission('layer_permission_layerversion_doesnotexist_add', { VersionNumber: 2, StatementId: 's-{{suffix}}' }, 'layer4policy-{{suffix}}'),
      onLayer('GetLayerVersionPolicy', 'layer_permission_layerversion_doesnotexist_get', { VersionNumber: 2 }, 'layer4policy-{{suffix}}'),
      onLayer('RemoveLayerVersionPermission', 'layer_permission_layerversion_doesnotexist_remove', { VersionNumber: 2, StatementId: 's1' }, 'layer4policy-{{suffix}}'),
      onLayer('RemoveLayerVersionPermission', 'layer_permission_statementid_doesnotexist_remove', { VersionNumber: 1, StatementId: 'doesnotexist' }, 'layer4policy-{{suffix}}'),
      onLayer('RemoveLayerVersionPermission', 'layer_permission_wrong_revision_remove', { VersionNumber: 1, StatementId: 's1', RevisionId: 'wrong' }, 'layer4policy-{{suffix}}'),
    ],
  },
  {
    test: 'TestLambdaLayer::test_layer_policy_lifecycle',
    steps: [
      callerAccount,
      publish('publish_result'),
      permission('add_policy_s1', { StatementId: 's1' }),
      policy('get_layer_version_policy', { capture: { revision1: '$.RevisionId' } }),
      permission('add_policy_s2', { StatementId: 's2', RevisionId: '{{revision1}}' }),
      policy('get_layer_version_policy_postadd2', { capture: { revision2: '$.RevisionId' } }),
      onLayer('RemoveLayerVersionPermission', 'remove_s2', { VersionNumber: 1, StatementId: 's2', RevisionId: '{{revision2}}' }),
      policy('get_layer_version_policy_postdeletes2'),
    ],
  },
];
