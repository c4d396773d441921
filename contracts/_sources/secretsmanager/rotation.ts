// Rotation: LocalStack's Secrets Manager tests (tests/aws/services/secretsmanager/test_secretsmanager.py, Apache-2.0)
// that ask for a rotation Secrets Manager refuses.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { describe, NAME, token } from './common.ts';

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
