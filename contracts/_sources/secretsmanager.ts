// LocalStack's AWS-validated Secrets Manager tests (github.com/localstack/localstack,
// tests/aws/services/secretsmanager/test_secretsmanager.py, Apache-2.0) reproduced as request sequences. Expected
// responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

const NAME = 's-{{suffix}}';
/** ClientRequestTokens (the version ids): the SDKs make them up; raw requests must send them. */
const token = (n: number) => `00000000-0000-4000-8000-{{suffix}}${String(n).padStart(6, '0')}`;
const create = (snapshot: string): SourceStep => ({ op: 'CreateSecret', params: { Name: NAME, SecretString: 'my_secret', ClientRequestToken: token(1) }, snapshot });
const put = (n: number, snapshot: string, VersionStages?: string[]): SourceStep => ({
  op: 'PutSecretValue',
  params: { SecretId: NAME, SecretString: `value-${n}`, ClientRequestToken: token(n), ...(VersionStages ? { VersionStages } : {}) },
  snapshot,
});
const list = (snapshot: string): SourceStep => ({ op: 'ListSecretVersionIds', params: { SecretId: NAME }, snapshot });
const describe = (snapshot: string): SourceStep => ({ op: 'DescribeSecret', params: { SecretId: NAME }, snapshot });
const remove = (snapshot: string): SourceStep => ({ op: 'DeleteSecret', params: { SecretId: NAME, ForceDeleteWithoutRecovery: true }, snapshot });

const source: SourceFile = {
  service: 'secretsmanager',
  module: 'test_secretsmanager',
  snapshotDir: 'secretsmanager',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { datetime: 'timestamp' },
  scenarios: [
    {
      test: 'TestSecretsManager::test_secret_exists_snapshots',
      note: 'the test waits until ListSecrets shows the secret (no response recorded)',
      steps: [
        { op: 'CreateSecret', params: { Name: NAME, SecretString: 'my_secret_s-{{suffix}}', Description: 'Snapshot testing secret already exists.', ClientRequestToken: token(1) } },
        { op: 'CreateSecret', params: { Name: NAME, SecretString: 'my_secret_s-{{suffix}}', Description: 'Snapshot testing secret already exists.', ClientRequestToken: token(2) }, snapshot: 'ex_log' },
        remove('delete_secret_res'),
      ],
    },
    {
      test: 'TestSecretsManager::test_update_secret_version_stages_return_type',
      steps: [
        { op: 'CreateSecret', params: { Name: NAME, SecretString: 'Something1', ClientRequestToken: token(1) }, snapshot: 'create_secret_rs_0' },
        { op: 'PutSecretValue', params: { SecretId: NAME, SecretString: 'Something2', VersionStages: ['AWSPENDING'], ClientRequestToken: token(2) }, snapshot: 'put_secret_value_res_0' },
        {
          op: 'UpdateSecretVersionStage',
          params: { SecretId: NAME, RemoveFromVersionId: token(1), MoveToVersionId: token(2), VersionStage: 'AWSCURRENT' },
          snapshot: 'update_secret_version_stage_res_0',
        },
        remove('delete_secret_res_0'),
      ],
    },
    {
      test: 'TestSecretsManager::test_update_secret_description',
      note: 'every UpdateSecret carries a ClientRequestToken, as boto3 fills it in',
      steps: [
        { op: 'CreateSecret', params: { Name: NAME, SecretString: 'MySecretString', ClientRequestToken: token(1) }, snapshot: 'create_secret_rs_0' },
        describe('describe_secret_res_0'),
        { op: 'UpdateSecret', params: { SecretId: NAME, Description: 'MyDescription', ClientRequestToken: token(2) }, snapshot: 'update_secret_res_0' },
        describe('describe_secret_res_1'),
        { op: 'UpdateSecret', params: { SecretId: NAME, SecretString: 'MyNewSecretString', Description: 'MyNewDescription', ClientRequestToken: token(3) }, snapshot: 'update_secret_res_1' },
        describe('describe_secret_res_2'),
        { op: 'UpdateSecret', params: { SecretId: NAME, SecretString: 'MyNewSecretString'.repeat(2), ClientRequestToken: token(4) }, snapshot: 'update_secret_res_2' },
        describe('describe_secret_res_3'),
        { op: 'UpdateSecret', params: { SecretId: NAME, ClientRequestToken: token(5) }, snapshot: 'update_secret_res_3' },
        describe('describe_secret_res_4'),
        remove('delete_secret_res_0'),
      ],
    },
    {
      test: 'TestSecretsManager::test_update_secret_version_stages_current_pending',
      steps: [
        create('create_secret_rs_0'),
        put(2, 'put_secret_value_res_0', ['AWSPENDING']),
        list('list_secret_version_ids_res_0'),
        {
          op: 'UpdateSecretVersionStage',
          params: { SecretId: NAME, VersionStage: 'AWSCURRENT', MoveToVersionId: token(2), RemoveFromVersionId: token(1) },
          snapshot: 'update_secret_version_stage_res_0',
        },
        list('list_secret_version_ids_res_1'),
        put(3, 'put_secret_value_res_1'),
        list('list_secret_version_ids_res_2'),
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
      test: 'TestSecretsManager::test_secret_restore',
      steps: [
        { ...create(''), snapshot: undefined },
        { op: 'DeleteSecret', params: { SecretId: NAME }, snapshot: 'delete_secret_res' },
        { op: 'RestoreSecret', params: { SecretId: NAME }, snapshot: 'restore_secret_res' },
      ],
    },
    {
      test: 'TestSecretsManager::test_tag_untag_resource_on_deleted_secret',
      steps: [
        create('create_secret'),
        { op: 'DeleteSecret', params: { SecretId: NAME }, snapshot: 'delete_secret' },
        { op: 'TagResource', params: { SecretId: NAME, Tags: [{ Key: 'tag1', Value: 'value1' }] }, snapshot: 'tag_deleted_secret_error' },
        { op: 'UntagResource', params: { SecretId: NAME, TagKeys: ['tag1'] }, snapshot: 'untag_deleted_secret_error' },
      ],
    },
    {
      test: 'TestSecretsManager::test_resource_policy',
      steps: [
        { op: 'CreateSecret', params: { Name: NAME, SecretString: 'my_secret', Description: 'testing creation of secrets', ClientRequestToken: token(1) } },
        {
          op: 'PutResourcePolicy',
          params: {
            SecretId: NAME,
            ResourcePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }] }),
          },
          snapshot: 'put_resource_policy',
        },
        { op: 'GetResourcePolicy', params: { SecretId: NAME }, snapshot: 'get_resource_policy', jsonStrings: ['$.ResourcePolicy'] },
        { op: 'DeleteResourcePolicy', params: { SecretId: NAME } },
        { ...remove(''), snapshot: undefined },
      ],
    },
    {
      test: 'TestSecretsManager::test_secret_not_found',
      note: 'a secret name that does not exist; the error does not depend on it',
      steps: [
        { op: 'GetSecretValue', params: { SecretId: 'missing-{{suffix}}' }, snapshot: 'get_secret_value_not_found_ex' },
        { op: 'ListSecretVersionIds', params: { SecretId: 'missing-{{suffix}}' }, snapshot: 'list_secret_version_ids_not_found_ex' },
      ],
    },
    {
      test: 'TestSecretsManager::test_force_delete_deleted_secret',
      steps: [
        create('create_secret_response'),
        { op: 'DeleteSecret', params: { SecretId: NAME }, snapshot: 'delete_secret_response' },
        { op: 'DescribeSecret', params: { SecretId: NAME }, snapshot: 'describe_secret_response' },
        { ...remove('force_delete_secret_response') },
      ],
    },
  ],
  notPorted: {
    test_rotate_secret_with_lambda_success: 'rotation with a Lambda function needs the lambda service in the corpus run and the test function code',
    test_rotate_secret_multiple_times_with_lambda_success: 'rotation with a Lambda function needs the lambda service in the corpus run and the test function code',
    test_rotate_secret_invalid_lambda_arn: 'rotation with a Lambda function needs the lambda service in the corpus run and the test function code',
  },
};

export default source;
