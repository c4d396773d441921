import type {
  DeleteResourcePolicyCommandInput,
  GetResourcePolicyCommandInput,
  PutResourcePolicyCommandInput,
  ValidateResourcePolicyCommandInput,
} from '@aws-sdk/client-secrets-manager';
import { parsePolicy, policyProblem } from '../../../core/policy/index.ts';
import { SecretsErrors, secretsError } from '../errors.ts';
import { requireLiveSecret, requireSecret, type SecretsContext } from '../secrets.ts';

/** Whether a policy allows anyone (`*`) without narrowing conditions: what BlockPublicPolicy refuses. */
function isPublic(text: string): boolean {
  return parsePolicy(text).statements.some((s) => s.effect === 'Allow' && s.principal?.AWS?.includes('*') && !s.conditions.length);
}

function problemOf(text: string): string | undefined {
  return policyProblem(text, 'resource');
}

export function putResourcePolicy(input: PutResourcePolicyCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  const problem = problemOf(input.ResourcePolicy!);
  if (problem) throw SecretsErrors.malformedPolicy(problem);
  if (input.BlockPublicPolicy && isPublic(input.ResourcePolicy!)) {
    throw secretsError('PublicPolicyException', 'You can\'t attach a resource-based policy that allows broad access to the secret.');
  }
  secret.policy = input.ResourcePolicy;
  return { ARN: secret.arn, Name: secret.name };
}

export function getResourcePolicy(input: GetResourcePolicyCommandInput, ctx: SecretsContext) {
  const secret = requireSecret(ctx, input.SecretId!);
  return { ARN: secret.arn, Name: secret.name, ResourcePolicy: secret.policy };
}

export function deleteResourcePolicy(input: DeleteResourcePolicyCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  secret.policy = undefined;
  return { ARN: secret.arn, Name: secret.name };
}

/** The grammar check of the policy engine, reported as validation findings instead of an error. */
export function validateResourcePolicy(input: ValidateResourcePolicyCommandInput, ctx: SecretsContext) {
  if (input.SecretId !== undefined) requireSecret(ctx, input.SecretId);
  const problem = problemOf(input.ResourcePolicy!);
  return {
    PolicyValidationPassed: !problem,
    ValidationErrors: problem ? [{ CheckName: 'SYNTAX_CHECK', ErrorMessage: problem }] : [],
  };
}
