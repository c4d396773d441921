import type { GetKeyPolicyCommandInput, ListKeyPoliciesCommandInput, PutKeyPolicyCommandInput } from '@aws-sdk/client-kms';
import { KmsErrors } from '../errors.ts';
import { findKey, type KmsContext } from '../keys.ts';
import { checkKeyPolicy } from '../policy.ts';

/** KMS keys have one key policy, named `default`. */
function checkPolicyName(name: string | undefined): void {
  if (name !== undefined && name !== 'default') throw KmsErrors.notFound('No such policy exists');
}

export function getKeyPolicy(input: GetKeyPolicyCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  checkPolicyName(input.PolicyName);
  return { Policy: key.policy, PolicyName: 'default' };
}

export function putKeyPolicy(input: PutKeyPolicyCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  checkPolicyName(input.PolicyName);
  checkKeyPolicy(input.Policy!);
  key.policy = input.Policy!;
  return {};
}

export function listKeyPolicies(input: ListKeyPoliciesCommandInput, ctx: KmsContext) {
  findKey(ctx, input.KeyId!, { aliases: false });
  return { PolicyNames: ['default'], Truncated: false };
}
