// Rotation: LocalStack's Secrets Manager tests (tests/aws/services/secretsmanager/test_secretsmanager.py, Apache-2.0)
// that rotate a secret with a Lambda function, or ask for a rotation Secrets Manager refuses.
import { strToU8, zipSync } from 'fflate';
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { describe, list, NAME, token } from './common.ts';

/**
 * twinstack's rotation function (python3.12, the runtime the tests use), doing what theirs does: createSecret puts
 * the pending version (a value derived from the current one) unless it exists, finishSecret moves AWSCURRENT to it.
 * It reads the current value only, so the new version is never accessed (as AWS recorded).
 */
const ROTATION_HANDLER = `import boto3


def handler(event, context):
    client = boto3.client("secretsmanager")
    arn, token, step = event["SecretId"], event["ClientRequestToken"], event["Step"]
    if step == "createSecret":
        current = client.get_secret_value(SecretId=arn, VersionStage="AWSCURRENT")["SecretString"]
        try:
            client.get_secret_value(SecretId=arn, VersionId=token, VersionStage="AWSPENDING")
        except client.exceptions.ResourceNotFoundException:
            client.put_secret_value(SecretId=arn, ClientRequestToken=token, SecretString=current + "-next", VersionStages=["AWSPENDING"])
    elif step == "finishSecret":
        stages = client.describe_secret(SecretId=arn)["VersionIdsToStages"]
        current = next(version for version, labels in stages.items() if "AWSCURRENT" in labels)
        if current != token:
            client.update_secret_version_stage(SecretId=arn, VersionStage="AWSCURRENT", MoveToVersionId=token, RemoveFromVersionId=current)
`;
const ROTATION_ZIP = { $blob: Buffer.from(zipSync({ 'handler.py': strToU8(ROTATION_HANDLER) }, { mtime: new Date('2020-01-01T00:00:00Z') })).toString('base64') };
const FUNCTION = 'rotate-{{suffix}}';

/** The setup_rotation_secret fixture: the secret, the rotation function, and its permission for Secrets Manager. */
const rotationSetup: SourceStep[] = [
  // The role ARN names the caller's account, which only a response can tell.
  { service: 'sts', protocol: 'query', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } },
  { op: 'CreateSecret', params: { Name: NAME, SecretString: 'my_secret', Description: 'testing rotation of secrets', ClientRequestToken: token(1) } },
  {
    service: 'lambda',
    protocol: 'rest-json',
    op: 'CreateFunction',
    params: {
      FunctionName: FUNCTION,
      Runtime: 'python3.12',
      Role: 'arn:{{partition}}:iam::{{accountId}}:role/lambda-test-role',
      Handler: 'handler.handler',
      Code: { ZipFile: ROTATION_ZIP },
      Timeout: 30,
    },
    capture: { functionArn: '$.FunctionArn' },
  },
  {
    service: 'lambda',
    protocol: 'rest-json',
    op: 'AddPermission',
    params: { FunctionName: FUNCTION, StatementId: 'secretsManagerPermission', Action: 'lambda:InvokeFunction', Principal: 'secretsmanager.amazonaws.com' },
  },
];
const rotationCleanup: SourceStep[] = [
  { service: 'lambda', protocol: 'rest-json', op: 'DeleteFunction', params: { FunctionName: FUNCTION } },
  { op: 'DeleteSecret', params: { SecretId: NAME, ForceDeleteWithoutRecovery: true } },
];
/** One rotation and what the test snapshots after it (the test polls DescribeSecret until it is done: not recorded). */
const rotation = (params: Record<string, unknown>, n: number, suffix: string): SourceStep[] => [
  { op: 'RotateSecret', params: { SecretId: NAME, ...params, ClientRequestToken: token(n) }, snapshot: `rotate_secret_immediately${suffix}` },
  describe(`describe_secret_rotated${suffix}`),
  list(`list_secret_versions_rotated_1${suffix}`),
];

/** The setup_invalid_rotation_secret fixture: a secret, then a daily rotation with the given function (or none). */
function invalidRotation(lambdaArn: string | undefined, snapshot: string): SourceStep[] {
  return [
    { op: 'CreateSecret', params: { Name: NAME, SecretString: 'init', ClientRequestToken: token(1) }, snapshot: 'create_secret' },
    {
      op: 'RotateSecret',
      params: { SecretId: NAME, RotationRules: { AutomaticallyAfterDays: 1 }, ...(lambdaArn ? { RotationLambdaARN: lambdaArn } : {}), ClientRequestToken: token(2) },
      snapshot,
    },
  ];
}

export const rotationScenarios: SourceScenario[] = [
  {
    test: 'TestSecretsManager::test_rotate_secret_with_lambda_success',
    note: "twinstack's own rotation function stands for the test's (same steps); RotateImmediately is sent as the variant says (None: not sent)",
    steps: (immediately) => [
      ...rotationSetup,
      ...rotation({ RotationRules: { AutomaticallyAfterDays: 1 }, ...(immediately === 'True' ? { RotateImmediately: true } : {}), RotationLambdaARN: '{{functionArn}}' }, 2, ''),
      ...rotationCleanup,
    ],
  },
  {
    test: 'TestSecretsManager::test_rotate_secret_multiple_times_with_lambda_success',
    note: "twinstack's own rotation function stands for the test's; the second rotation names only the secret, then the test reads the current value",
    steps: [
      ...rotationSetup,
      ...rotation({ RotationRules: { AutomaticallyAfterDays: 1 }, RotateImmediately: true, RotationLambdaARN: '{{functionArn}}' }, 2, '_1'),
      { op: 'GetSecretValue', params: { SecretId: NAME } },
      ...rotation({}, 3, '_2'),
      ...rotationCleanup,
    ],
  },
  {
    test: 'TestSecretsManager::test_first_rotate_secret_with_missing_lambda_arn',
    note: 'the recording also holds the DescribeSecret that followed the refusal (no rotation settings were kept); the cleanup deletes the secret',
    steps: [...invalidRotation(undefined, 'rotate_secret_no_arn_exc'), describe('describe_secret'), { op: 'DeleteSecret', params: { SecretId: NAME, ForceDeleteWithoutRecovery: true } }],
  },
  {
    test: 'TestSecretsManager::test_rotate_secret_invalid_lambda_arn',
    note: 'a rotation function that does not exist; the cleanup deletes the secret',
    steps: [
      ...invalidRotation('arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:rotate_secret_invalid_lambda_arn', 'rotate_secret_invalid_arn_exc'),
      describe('describe_secret'),
      { op: 'DeleteSecret', params: { SecretId: NAME, ForceDeleteWithoutRecovery: true } },
    ],
  },
];
