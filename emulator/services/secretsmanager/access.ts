import { ANY_IDENTITY, contextOf, evaluate, parseCached } from '../../core/policy/index.ts';
import { AwsError } from '../../core/errors.ts';
import type { GoverningPolicy } from '../../core/service.ts';
import { findSecret, type SecretsContext } from './secrets.ts';
import type { Secret } from './state.ts';

/**
 * Use of another account's secret (SecretId given as its ARN): its resource policy must allow the caller; an explicit
 * Deny in a secret's policy refuses any caller. Within one account the caller's IAM side is `--enforce-iam`'s.
 */
export function authorizeSecretUse(ctx: SecretsContext, secret: Secret, operation: string): void {
  const owner = secret.arn.split(':')[4];
  const caller = ctx.caller;
  if (!secret.policy && caller.accountId === owner) return;
  const action = `secretsmanager:${operation}`;
  const result = secret.policy
    ? evaluate({
        principal: { arn: caller.arn, accountId: caller.accountId, service: caller.servicePrincipal },
        action,
        resource: secret.arn,
        resourceAccount: owner,
        context: contextOf({ 'aws:PrincipalArn': caller.arn, 'aws:PrincipalAccount': caller.accountId }),
        identityPolicies: ANY_IDENTITY,
        resourcePolicy: { id: 'secret policy', type: 'resource', policy: parseCached(secret.policy) },
        resourcePolicyRequired: true,
      })
    : undefined;
  if (result?.decision === 'explicitDeny' || (caller.accountId !== owner && result?.decision !== 'allowed')) {
    const reason = result?.decision === 'explicitDeny' ? 'with an explicit deny in a resource-based policy' : `because no resource-based policy allows the ${action} action`;
    throw new AwsError('AccessDeniedException', `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${secret.arn} ${reason}`, { status: 400 });
  }
}

/**
 * For `--enforce-iam`: the secret a request names, by its full ARN (what IAM policies name, with the random suffix),
 * and its resource policy, which within the secret's account grants to the principals it names. AWS's AccessDenied
 * names the secret as the request did, and no resource for requests that name none (ListSecrets).
 */
export function governingPolicy(input: Record<string, unknown>, ctx: SecretsContext): GoverningPolicy | undefined {
  const named = typeof input.SecretId === 'string' ? input.SecretId : typeof input.Name === 'string' ? input.Name : '';
  const secret = typeof input.SecretId === 'string' ? findSecret(ctx, input.SecretId) : undefined;
  if (!secret) return { ownerAccount: ctx.state.accountId, shownAs: named };
  return { document: secret.policy, ownerAccount: secret.arn.split(':')[4], resource: secret.arn, shownAs: named };
}
