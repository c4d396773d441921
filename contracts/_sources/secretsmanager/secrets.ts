// Secrets themselves: LocalStack's Secrets Manager tests (tests/aws/services/secretsmanager/test_secretsmanager.py,
// Apache-2.0) that create, read, update, list, tag and delete secrets, and the names and requests AWS refuses.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { create, describe, get, NAME, remove, token } from './common.ts';

/** Names the test used as given: the run's suffix goes after the first word, so the tail AWS looks at stays. */
export const LITERAL_NAMES = { 'Valid/_+=.@-Name': 'Valid{{suffix}}/_+=.@-Name', 'Invalid/_+=.@-Name': 'Invalid{{suffix}}/_+=.@-Name' };

/** test_create_and_update_secret's secret name for its pytest parameter (`name` or the older `name-True/False`). */
function createAndUpdateName(param: string): string {
  const name = param.replace(/-(True|False)$/, '');
  // s-c64bdc03 and s-4b175f02 were fresh names (redacted in the snapshot); their tail is no six-character suffix.
  if (name.startsWith('s-')) return `s-c64bdc03{{suffix}}`;
  return name.replace('/', '{{suffix}}/');
}

/** Binary values by test_change_secret_value_after_creation's pytest parameter (pytest writes bytes escaped). */
const BINARY_PAIRS: Record<string, [unknown, unknown]> = {
  'footest-updated1': ['footest', 'updated1'],
  'tops3cret-updated2': ['tops3cret', 'updated2'],
  '\\x00\\x01\\x02\\xff-\\xfe\\xfd': [{ $blob: Buffer.from([0, 1, 2, 0xff]).toString('base64') }, { $blob: Buffer.from([0xfe, 0xfd]).toString('base64') }],
};

/** Names AWS refuses, as each operation taking a SecretId met them in test_invalid_secret_name. */
function invalidNameSteps(name: string): SourceStep[] {
  const policy =
    '{\n"Version":"2012-10-17",\n"Statement":[{\n"Effect":"Allow",\n"Principal":{\n"AWS":"arn:aws:iam::123456789012:root"\n},\n"Action":"secretsmanager:GetSecretValue",\n"Resource":"*"\n}]\n}';
  const calls: [string, Record<string, unknown>][] = [
    ['CreateSecret', { Name: name, SecretString: 'MySecretString', ClientRequestToken: token(1) }],
    ['DeleteSecret', { SecretId: name, ForceDeleteWithoutRecovery: true }],
    ['DescribeSecret', { SecretId: name }],
    ['GetSecretValue', { SecretId: name }],
    ['ListSecretVersionIds', { SecretId: name, IncludeDeprecated: true }],
    ['PutSecretValue', { SecretId: name, SecretString: 'MySecretString', ClientRequestToken: token(2) }],
    ['TagResource', { SecretId: name, Tags: [{ Key: 'FirstTag', Value: 'SomeValue' }] }],
    ['UntagResource', { SecretId: name, TagKeys: ['FirstTag'] }],
    ['UpdateSecret', { SecretId: name, Description: 'MyNewDescription', ClientRequestToken: token(3) }],
    ['ValidateResourcePolicy', { SecretId: name, ResourcePolicy: policy }],
  ];
  return calls.map(([op, params], i) => ({ op, params, snapshot: `ex_log_${i + 1}` }));
}

/** ListSecrets narrowed by a name filter to the scenario's own secrets: the recorded account held no others. */
const listOwn = (prefix: string, snapshot: string): SourceStep => ({ op: 'ListSecrets', params: { Filters: [{ Key: 'name', Values: [prefix] }] }, snapshot });
const LISTED = 'listed-{{suffix}}-';

const tagSteps = (n: number, tags: string[]): SourceStep => ({
  op: 'TagResource',
  params: { SecretId: '{{arn}}', Tags: tags.map((t) => ({ Key: `tag${t}`, Value: `value${t}` })) },
  snapshot: n ? `tag_resource_${n}` : undefined,
});
const untagSteps = (n: number, tags: string[]): SourceStep => ({
  op: 'UntagResource',
  params: { SecretId: '{{arn}}', TagKeys: tags.map((t) => `tag${t}`) },
  snapshot: n ? `untag_resource_${n}` : undefined,
});
const describeByArn = (snapshot: string) => describe(snapshot, '{{arn}}');

export const secretScenarios: SourceScenario[] = [
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
    test: 'TestSecretsManager::test_update_secret_description',
    note: 'every UpdateSecret carries a ClientRequestToken, as boto3 fills it in',
    steps: [
      create('create_secret_rs_0', 'MySecretString'),
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
      remove(),
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
      describe('describe_secret_response'),
      remove('force_delete_secret_response'),
    ],
  },
  {
    test: 'TestSecretsManager::test_create_and_update_secret',
    note:
      "the secret is read by name, ARN and partial ARN (the ARN without its '-' and six characters), changed by name and ARN; " +
      'the older recording of a name ending in a hyphen and six characters finds no secret by that partial ARN',
    steps: (param) => {
      const name = createAndUpdateName(param);
      const partialFound = !param.endsWith('-False');
      return [
        {
          op: 'CreateSecret',
          params: { Name: name, SecretString: 'my_secret', Description: 'Testing secret creation.', ClientRequestToken: token(1) },
          snapshot: 'create_secret_rs_1',
          capture: { arn: '$.ARN', partialArn: { from: '$.ARN', regex: '^(.*)-[^-]{6}$' } },
        },
        get('get_secret_value_rs_1', {}, name),
        describe('describe_secret_rs_1', name),
        get('get_secret_value_rs_2', {}, '{{arn}}'),
        get(partialFound ? 'get_secret_value_rs_3' : 'resource_not_found_dict_1', {}, '{{partialArn}}'),
        { op: 'PutSecretValue', params: { SecretId: name, SecretString: 'new_secret', ClientRequestToken: token(2) }, snapshot: 'put_secret_value_rs_1' },
        get('get_secret_value_rs_4', {}, name),
        { op: 'UpdateSecret', params: { SecretId: '{{arn}}', SecretString: 'test123', Description: 'd1', ClientRequestToken: token(3) }, snapshot: 'update_secret_res_1' },
        remove('delete_secret_res_1', name),
      ];
    },
  },
  {
    test: 'TestSecretsManager::test_invalid_secret_name',
    note: 'boto3 fills in the ClientRequestTokens',
    // pytest's id doubles the backslash of ` Inv *?!]Name\-`.
    steps: (param) => invalidNameSteps(param.replaceAll('\\\\', '\\')),
  },
  {
    test: 'TestSecretsManager::test_exp_raised_on_creation_of_secret_scheduled_for_deletion',
    note: "the second CreateSecret repeats the first's parameters with a new token (boto3 fills one in per call); the cleanup forces the deletion",
    steps: [
      { op: 'CreateSecret', params: { Name: NAME, SecretString: 'secretstr-{{suffix}}', ClientRequestToken: token(1) } },
      { op: 'DeleteSecret', params: { SecretId: NAME, RecoveryWindowInDays: 7 }, snapshot: 'delete_res' },
      { op: 'CreateSecret', params: { Name: NAME, SecretString: 'secretstr-{{suffix}}', ClientRequestToken: token(2) }, snapshot: 'invalid_req_ex' },
      remove(),
    ],
  },
  {
    test: 'TestSecretsManager::test_can_recreate_delete_secret',
    note: 'the test polls DescribeSecret until the forced deletion is done (no response recorded)',
    steps: [
      { op: 'CreateSecret', params: { Name: NAME, SecretString: 'secretstr-{{suffix}}', ClientRequestToken: token(1) }, snapshot: 'create_secret_res_0' },
      remove('delete_res_1'),
      { op: 'CreateSecret', params: { Name: NAME, SecretString: 'secretstr-{{suffix}}', ClientRequestToken: token(2) }, snapshot: 'create_secret_res_1' },
      remove(),
    ],
  },
  {
    test: 'TestSecretsManager::test_call_lists_secrets_multiple_times',
    note: 'the recording (made when the test snapshotted every ListSecrets) saw only the test secret; the polling ListSecrets calls are not recorded',
    steps: [
      { op: 'CreateSecret', params: { Name: `${LISTED}0`, SecretString: 'my_secret', Description: 'testing creation of secrets', ClientRequestToken: token(1) }, snapshot: 'create_secret_rs_1' },
      ...[0, 1, 2].map((i) => listOwn(LISTED, `list_secrets_res_${i}`)),
      remove('delete_secret_res_1', `${LISTED}0`),
    ],
  },
  {
    test: 'TestSecretsManager::test_call_lists_secrets_multiple_times_snapshots',
    steps: [
      { op: 'CreateSecret', params: { Name: `${LISTED}0`, SecretString: 'my_secret', Description: 'testing creation of secrets', ClientRequestToken: token(1) }, snapshot: 'create_secret_rs_1' },
      ...[0, 1, 2].map((i) => listOwn(LISTED, `list_secrets_res_${i}`)),
      remove('delete_secret_res_1', `${LISTED}0`),
    ],
  },
  ...['test_create_multi_secrets', 'test_create_multi_secrets_snapshot'].map(
    (test): SourceScenario => ({
      test: `TestSecretsManager::${test}`,
      note: 'three secrets made in order, then listed (the recording is of the snapshotting version of the test)',
      steps: [
        ...[0, 1, 2].map(
          (i): SourceStep => ({
            op: 'CreateSecret',
            params: { Name: `${LISTED}${i}`, SecretString: `my_secret_${LISTED}${i}`, Description: 'Testing secrets creation.', ClientRequestToken: token(i + 1) },
          }),
        ),
        listOwn(LISTED, 'list_secrets_res'),
        ...[0, 1, 2].map((i) => remove(`delete_secret_res${i}`, `${LISTED}${i}`)),
      ],
    }),
  ),
  {
    test: 'TestSecretsManager::test_no_client_request_token',
    note:
      'a raw request without the ClientRequestToken the SDKs add, for a secret that does not exist; the test sent SecretString ' +
      'and Description to every operation, and they are kept where the operation has them (AWS answered about the token alone)',
    steps: (operation) => [
      {
        op: operation,
        params: {
          ...(operation === 'CreateSecret' ? { Name: NAME } : { SecretId: NAME }),
          ...(operation === 'RotateSecret' ? {} : { SecretString: 'thisisthesecret' }),
          ...(operation === 'CreateSecret' || operation === 'UpdateSecret' ? { Description: 'My secret string' } : {}),
        },
        snapshot: 'no-client-request-exc',
      },
    ],
  },
  {
    test: 'TestSecretsManager::test_create_secret_version_from_empty_secret',
    steps: [
      { op: 'CreateSecret', params: { Name: 'test-version-{{suffix}}', Description: '', ClientRequestToken: token(1) }, snapshot: 'create-empty-secret', capture: { arn: '$.ARN' } },
      describe('describe-secret', '{{arn}}'),
      { op: 'PutSecretValue', params: { SecretId: '{{arn}}', SecretString: 'example-string-to-protect', ClientRequestToken: token(2) }, snapshot: 'put-secret-value' },
      remove(undefined, '{{arn}}'),
    ],
  },
  {
    test: 'TestSecretsManager::test_secret_tags',
    note: 'a secret without a value, tagged and untagged by ARN',
    steps: [
      { op: 'CreateSecret', params: { Name: NAME, ClientRequestToken: token(1) }, snapshot: 'create_secret', capture: { arn: '$.ARN' } },
      describeByArn('describe_secret'),
      tagSteps(1, ['1']),
      describeByArn('describe_secret_1'),
      tagSteps(2, ['2']),
      describeByArn('describe_secret_2'),
      untagSteps(1, ['1']),
      describeByArn('describe_secret_3'),
      untagSteps(2, ['2']),
      describeByArn('describe_secret_4'),
      tagSteps(0, ['3', '4']),
      describeByArn('describe_secret_5'),
      untagSteps(0, ['3', '4']),
      describeByArn('describe_secret_6'),
      remove(),
    ],
  },
  {
    test: 'TestSecretsManager::test_get_secret_value',
    note: 'the second read is the raw HTTP request of the test: its recorded JSON body is the same response in wire form',
    steps: [
      { op: 'CreateSecret', params: { Name: NAME, SecretBinary: 'footest', ClientRequestToken: token(1) }, capture: { arn: '$.ARN' } },
      { ...get('secret_value_response', {}, '{{arn}}'), pythonBytes: ['$.SecretBinary'] },
      get('secret_value_http_response'),
      remove(),
    ],
  },
  {
    test: 'TestSecretsManager::test_change_secret_value_after_creation',
    steps: (param) => {
      const [putValue, updateValue] = BINARY_PAIRS[param];
      const name = 'test-secret-{{suffix}}';
      const read = (snapshot: string): SourceStep => ({ ...get(snapshot, {}, name), pythonBytes: ['$.SecretBinary'] });
      return [
        { op: 'CreateSecret', params: { Name: name, SecretBinary: 'initial', ClientRequestToken: token(1) } },
        read('put_secret_value_secret_response'),
        { op: 'PutSecretValue', params: { SecretId: name, SecretBinary: putValue, ClientRequestToken: token(2) } },
        read('put_secret_binary_response_updated'),
        { op: 'UpdateSecret', params: { SecretId: name, SecretBinary: updateValue, ClientRequestToken: token(3) } },
        read('update_secret_binary_response_updated'),
        remove(undefined, name),
      ];
    },
  },
];
