import type { CancelRotateSecretCommandInput, RotateSecretCommandInput } from '@aws-sdk/client-secrets-manager';
import { accountRootArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { SecretsErrors } from '../errors.ts';
import { requireLiveSecret, versionWithStage, type SecretsContext } from '../secrets.ts';
import type { Secret } from '../state.ts';

const STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;

const cannotInvoke = () =>
  new AwsError(
    'AccessDeniedException',
    'Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.',
    { status: 400 },
  );

/**
 * The four-step rotation protocol: the rotation function is invoked (through Lambda's front door, as the Secrets
 * Manager service principal acting for the secret) with createSecret, setSecret, testSecret and finishSecret for the
 * new version's token. A function that cannot be invoked fails the request as on AWS; a function error stops the
 * rotation where it is, leaving the AWSPENDING version for the next attempt (AWS reports those only in the logs).
 */
async function runRotation(ctx: SecretsContext, secret: Secret, lambdaArn: string, token: string): Promise<void> {
  const caller = {
    accountId: ctx.state.accountId,
    arn: accountRootArn(ctx.state.accountId, ctx.region),
    servicePrincipal: 'secretsmanager.amazonaws.com',
    sourceArn: secret.arn,
    sourceAccount: ctx.state.accountId,
  };
  for (const step of STEPS) {
    let result: { FunctionError?: string };
    try {
      const payload = new TextEncoder().encode(JSON.stringify({ Step: step, SecretId: secret.arn, ClientRequestToken: token }));
      result = await ctx.emulator.call('lambda', 'Invoke', { FunctionName: lambdaArn, Payload: payload }, { caller, region: ctx.region });
    } catch {
      throw cannotInvoke();
    }
    if (result.FunctionError) return;
  }
  // A rotation that made its version current is complete: the version keeps AWSCURRENT alone (as AWS records it).
  const current = versionWithStage(secret, 'AWSCURRENT');
  if (current?.id !== token) return;
  current.stages.delete('AWSPENDING');
  secret.rotation!.lastRotatedDate = ctx.emulator.clock.date();
}

export async function rotateSecret(input: RotateSecretCommandInput, ctx: SecretsContext) {
  // Asked for first, and as InvalidParameterException here (recorded in test_no_client_request_token[RotateSecret]).
  if (!input.ClientRequestToken) throw SecretsErrors.invalidParameter('You must provide a ClientRequestToken value. We recommend a UUID-type value.');
  const secret = requireLiveSecret(ctx, input.SecretId!);
  const lambdaArn = input.RotationLambdaARN ?? secret.rotation?.lambdaArn;
  if (!lambdaArn) throw SecretsErrors.invalidRequest('No Lambda rotation function ARN is associated with this secret.');
  const before = secret.rotation;
  secret.rotation = { ...secret.rotation, lambdaArn, rules: input.RotationRules ?? secret.rotation?.rules, enabled: true };
  try {
    if (input.RotateImmediately ?? true) await runRotation(ctx, secret, lambdaArn, input.ClientRequestToken);
  } catch (error) {
    // A function Secrets Manager cannot invoke leaves the rotation settings as they were (test_rotate_secret_invalid_lambda_arn).
    secret.rotation = before;
    throw error;
  }
  return { ARN: secret.arn, Name: secret.name, VersionId: input.ClientRequestToken };
}

/** Turns automatic rotation off and takes AWSPENDING off the version a rotation left it on. */
export function cancelRotateSecret(input: CancelRotateSecretCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  if (secret.rotation) secret.rotation.enabled = false;
  const pending = versionWithStage(secret, 'AWSPENDING');
  pending?.stages.delete('AWSPENDING');
  return { ARN: secret.arn, Name: secret.name, VersionId: pending?.id };
}
