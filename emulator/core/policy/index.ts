/**
 * The IAM policy evaluation engine: parse a document once (`parsePolicy`), check it against IAM's grammar
 * (`policyProblem`), and decide requests with AWS's evaluation logic (`evaluate`, a pure function).
 */
export { contextOf, type ContextValues } from './context.ts';
export { parsePolicy, type Policy, type Statement } from './document.ts';
export { evaluate, type PolicyKindDenying, type AuthorizationRequest, type AuthorizationResult, type Decision, type MatchedStatement, type PolicySource, type Principal } from './evaluate.ts';
export { policyProblem, policySize, type PolicyKind } from './validate.ts';
export { parseCached } from './cache.ts';
import type { PolicySource } from './evaluate.ts';
export { actionName, iamPrefix, resourceArn } from './request.ts';

/** What the identity store (IAM) knows about a principal, for evaluating its requests. */
export interface PrincipalPolicies {
  identity: PolicySource[];
  boundary?: PolicySource;
  /** `aws:PrincipalTag/<key>` values. */
  tags: Record<string, string>;
  /** `aws:PrincipalType`: `User` or `AssumedRole`. */
  principalType: 'User' | 'AssumedRole';
  /** `aws:username` (IAM users). */
  userName?: string;
  /** The role of an assumed-role session. */
  roleArn?: string;
}

/**
 * An identity side that allows everything: for checks where only the resource policy is judged (trust policies,
 * key policies), the caller's own policies being judged elsewhere (by `--enforce-iam` at the gateway).
 */
export const ANY_IDENTITY: PolicySource[] = [
  { id: 'caller', type: 'identity', policy: { statements: [{ effect: 'Allow', action: ['*'], resource: ['*'], conditions: [], start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }] } },
];

/** For a role session (`arn:...:sts::<account>:assumed-role/<role>/<session>`), its role's ARN, which policies may name. */
export function sessionRoleArn(arn: string): string | undefined {
  const match = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : undefined;
}
