import { policyProblem, policySize, type PolicyKind } from '../../core/policy/index.ts';
import { IamErrors } from './errors.ts';

/** Checks a document against IAM's grammar; throws MalformedPolicyDocument with AWS's message. */
export function validateDocument(text: string, kind: PolicyKind): void {
  const problem = policyProblem(text, kind);
  if (problem) throw IamErrors.malformedPolicy(problem);
}

/** IAM's size quotas (characters, whitespace excluded). */
export const POLICY_QUOTAS = {
  managed: 6144,
  trust: 2048,
  inline: { user: 2048, role: 10240, group: 5120 },
} as const;

export function checkManagedSize(text: string): void {
  if (policySize(text) > POLICY_QUOTAS.managed) throw IamErrors.limitExceeded(`Cannot exceed quota for PolicySize: ${POLICY_QUOTAS.managed}`);
}

export function checkTrustSize(text: string): void {
  if (policySize(text) > POLICY_QUOTAS.trust) throw IamErrors.limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${POLICY_QUOTAS.trust}`);
}
