// Versions and staging labels: LocalStack's Secrets Manager tests (tests/aws/services/secretsmanager/
// test_secretsmanager.py, Apache-2.0) that put values with labels and move AWSCURRENT between versions.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { create, get, list, moveStage, NAME, put, remove, token } from './common.ts';

/** Reads of one version by its id (token number). */
const getVersion = (snapshot: string, n: number) => get(snapshot, { VersionId: token(n) });

/**
 * Two pending versions made current in turn: S2 put with `first` labels and moved to AWSCURRENT, then S3 with
 * `second` labels, each move followed by ListSecretVersionIds and GetSecretValue.
 */
function pendingCycle(first: string[], second: string[], secondMove: string): SourceStep[] {
  return [
    create('create_secret_rs_0', 'S1'),
    put(2, 'put_secret_value_res_0', first, 'S2'),
    list('list_secret_version_ids_res_0'),
    get('get_secret_value_res_0'),
    moveStage('update_secret_version_stage_res_0', 'AWSCURRENT', 1, 2),
    list('list_secret_version_ids_res_1'),
    get('get_secret_value_res_1'),
    put(3, 'put_secret_value_res_1', second, 'S3'),
    list('list_secret_version_ids_res_2'),
    get('get_secret_value_res_2'),
    moveStage(secondMove, 'AWSCURRENT', 2, 3),
    list('list_secret_version_ids_res_3'),
    get('get_secret_value_res_3'),
    remove('delete_secret_res_0'),
  ];
}

export const versionScenarios: SourceScenario[] = [
  {
    test: 'TestSecretsManager::test_update_secret_version_stages_return_type',
    steps: [
      create('create_secret_rs_0', 'Something1'),
      put(2, 'put_secret_value_res_0', ['AWSPENDING'], 'Something2'),
      moveStage('update_secret_version_stage_res_0', 'AWSCURRENT', 1, 2),
      remove('delete_secret_res_0'),
    ],
  },
  {
    test: 'TestSecretsManager::test_update_secret_version_stages_current_pending',
    steps: [
      create('create_secret_rs_0'),
      put(2, 'put_secret_value_res_0', ['AWSPENDING']),
      list('list_secret_version_ids_res_0'),
      moveStage('update_secret_version_stage_res_0', 'AWSCURRENT', 1, 2),
      list('list_secret_version_ids_res_1'),
      put(3, 'put_secret_value_res_1'),
      list('list_secret_version_ids_res_2'),
      remove('delete_secret_res_0'),
    ],
  },
  {
    test: 'TestSecretsManager::test_update_secret_version_stages_current_previous',
    note: 'the test waits until ListSecrets shows the secret (no response recorded); UpdateSecret carries the token boto3 fills in',
    steps: [
      create('create_secret_rs_0', 'secret_string_v0'),
      list('list_secret_version_ids_res_0'),
      { op: 'UpdateSecret', params: { SecretId: NAME, SecretString: 'secret_string_v1', ClientRequestToken: token(2) }, snapshot: 'update_secret_res_0' },
      list('list_secret_version_ids_res_1'),
      remove('delete_secret_res_0'),
    ],
  },
  {
    test: 'TestSecretsManager::test_update_secret_version_stages_current_pending_cycle',
    // The test names its second UpdateSecretVersionStage response put_secret_value_res_2.
    steps: pendingCycle(['AWSPENDING'], ['AWSPENDING'], 'put_secret_value_res_2'),
  },
  {
    test: 'TestSecretsManager::test_update_secret_version_stages_current_pending_cycle_custom_stages_1',
    steps: pendingCycle(['AWSSOMETHING', 'AWSPENDING', 'PUT1'], ['AWSPENDING', 'PUT2'], 'update_secret_version_stage_res_1'),
  },
  {
    test: 'TestSecretsManager::test_update_secret_version_stages_current_pending_cycle_custom_stages_2',
    steps: [
      create('create_secret_rs_0', 'SS'),
      put(2, 'put_secret_value_res_0', ['AWSCURRENT', 'PUT0'], 'S1'),
      list('list_secret_version_ids_res_0'),
      put(3, 'put_secret_value_res_1', ['AWSPENDING', 'PUT1'], 'S2'),
      list('list_secret_version_ids_res_1'),
      get('get_secret_value_res_0'),
      moveStage('update_secret_version_stage_res_0', 'AWSCURRENT', 2, 3),
      list('list_secret_version_ids_res_2'),
      get('get_secret_value_res_1'),
      put(4, 'put_secret_value_res_2', ['AWSPENDING', 'PUT2'], 'S3'),
      list('list_secret_version_ids_res_3'),
      get('get_secret_value_res_2'),
      moveStage('update_secret_version_stage_res_1', 'AWSCURRENT', 3, 4),
      list('list_secret_version_ids_res_4'),
      get('get_secret_value_res_3'),
      remove('delete_secret_res_0'),
    ],
  },
  {
    test: 'TestSecretsManager::test_update_secret_version_stages_current_pending_cycle_custom_stages_3',
    steps: [
      create('create_secret_rs', 'SS'),
      put(2, 'put_secret_value_res_0', ['PENDING'], 'S1'),
      list('list_secret_version_ids_rs'),
      getVersion('get_secret_value_v1_rs', 1),
      getVersion('get_secret_value_v2_rs', 2),
      moveStage('update_secret_version_stage_res_1', 'AWSCURRENT', 1, 2),
      getVersion('get_secret_value_v1_rs_1', 1),
      getVersion('get_secret_value_v2_rs_1', 2),
      moveStage('update_secret_version_stage_res_2', 'PENDING', 2),
      getVersion('get_secret_value_v1_rs_2', 1),
      getVersion('get_secret_value_v2_rs_2', 2),
      remove('delete_secret_res_0'),
    ],
  },
  {
    test: 'TestSecretsManager::test_non_versioning_version_stages_replacement',
    steps: [
      create('create_secret_rs_0', 'S0'),
      put(2, 'put_secret_value_res_0', ['one', 'two', 'three'], 'S1'),
      list('list_secret_version_ids_res_0'),
      put(3, 'put_secret_value_res_1', ['one', 'two', 'three', 'four'], 'S2'),
      list('list_secret_version_ids_res_1'),
      remove('delete_secret_res_0'),
    ],
  },
  {
    test: 'TestSecretsManager::test_non_versioning_version_stages_no_replacement',
    steps: [
      create('create_secret_rs_0'),
      put(2, 'put_secret_value_res_0', ['one', 'two', 'three']),
      list('list_secret_version_ids_res_0'),
      put(3, 'put_secret_value_res_1', ['one', 'two', 'four']),
      list('list_secret_version_ids_res_1'),
      remove('delete_secret_res_0'),
    ],
  },
  {
    test: 'TestSecretsManager::test_put_secret_value_with_version_stages',
    steps: [
      create('create_secret_rs_0', 'secret_string_v0'),
      get('get_secret_value_res_0'),
      put(2, 'put_secret_value_res_1', ['SAMPLESTAGE1', 'SAMPLESTAGE0'], 'secret_string_v1'),
      get('get_secret_value_res_1'),
      put(3, 'put_secret_value_res_2', ['SAMPLESTAGE1', 'SAMPLESTAGE0'], 'secret_string_v2'),
      get('get_secret_value_res_2'),
      put(4, 'put_secret_value_res_3', ['AWSPENDING'], 'secret_string_v3'),
      get('get_secret_value_res_3'),
      put(5, 'put_secret_value_res_4', undefined, 'secret_string_v4'),
      get('get_secret_value_res_4'),
      remove('delete_secret_res_1'),
    ],
  },
  {
    test: 'TestSecretsManager::test_deprecated_secret_version_stage',
    note: 'the test waits until ListSecrets shows the secret (no response recorded); its cleanup deletes the secret',
    steps: [
      { ...create('create_secret', 'original'), params: { Name: NAME, SecretString: 'original', Description: 'My secret', ClientRequestToken: token(1) } },
      list('list_secret_version_ids'),
      put(2, 'put_secret_value_1', undefined, 'update1'),
      list('list_secret_version_ids_1'),
      put(3, 'put_secret_value_2', undefined, 'update2'),
      list('list_secret_version_ids_2'),
      list('list_secret_version_ids_3', { IncludeDeprecated: true }),
      put(4, 'put_secret_value_3', undefined, 'update3'),
      list('list_secret_version_ids_4'),
      list('list_secret_version_ids_5', { IncludeDeprecated: true }),
      remove(),
    ],
  },
  {
    test: 'TestSecretsManager::test_get_secret_value_errors',
    note: 'the secret is read by ARN with a label no version has, then by name with a version id and a label it does not hold',
    steps: [
      { ...create('', 'test'), snapshot: undefined, capture: { arn: '$.ARN' } },
      get('error_get_secret_value_non_existing', { VersionStage: 'AWSPREVIOUS' }, '{{arn}}'),
      get('mismatch_version_id_and_stage', { VersionId: token(1), VersionStage: 'AWSPREVIOUS' }),
      remove(),
    ],
  },
  {
    test: 'TestSecretsManager::test_secret_version_not_found',
    note: 'a secret without a value; the version id asked for is one no version has',
    steps: [
      { op: 'CreateSecret', params: { Name: NAME, ClientRequestToken: token(1) } },
      get('get_secret_value_no_version_ex'),
      get('get_secret_value_version_not_found_ex', { VersionId: token(9) }),
      get('get_secret_value_stage_not_found_ex', { VersionStage: 'AWSPENDING' }),
      remove(),
    ],
  },
];
