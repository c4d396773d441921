import type { DeleteResourcePolicyRequest, GetResourcePolicyRequest, PutResourcePolicyRequest } from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import { policyProblem } from '../../../core/policy/index.ts';
import type { RequestContext } from '../../../core/service.ts';
import { policyText, type FunctionPolicy, type PolicyStatement } from '../function.ts';
import type { LambdaState } from '../state.ts';
import { checkPolicyLength, getPolicy, policyTarget, revised, revisionMismatch, targetRevision } from './permissions.ts';

type Ctx = RequestContext<LambdaState>;

/**
 * The resource policy operations of 2026-07-09 act on the same policy as AddPermission, GetPolicy and
 * RemovePermission (one per function, version or alias), named by its full ARN: PutResourcePolicy replaces it whole,
 * statements AddPermission wrote included, and AddPermission afterwards adds to what was put.
 */

/** A policy document as Lambda keeps it: an IAM resource policy, its statements as a list. */
function parseDocument(text: string): Omit<FunctionPolicy, 'revisionId'> {
  const problem = policyProblem(text, 'resource');
  // IAM's grammar and its words for the fault; AWS's own wrapping of them for Lambda is not recorded.
  if (problem) throw new AwsError('InvalidParameterValueException', `The policy is not valid: ${problem}`);
  const { Statement, ...header } = JSON.parse(text) as { Version?: string; Id?: string; Statement: PolicyStatement | PolicyStatement[] };
  return { statements: Array.isArray(Statement) ? Statement : [Statement], header };
}

export function putResourcePolicy(input: PutResourcePolicyRequest, ctx: Ctx) {
  const { fn, qualifier } = policyTarget(ctx, input.ResourceArn!, undefined, 'add');
  const current = fn.policies.get(qualifier);
  const document = parseDocument(input.Policy!);
  if (input.RevisionId !== undefined && input.RevisionId !== (current?.revisionId ?? targetRevision(fn, qualifier))) throw revisionMismatch('GetResourcePolicy');
  checkPolicyLength(document);
  const policy = { ...document, revisionId: revised(fn, qualifier) };
  fn.policies.set(qualifier, policy);
  return { Policy: policyText(policy), RevisionId: policy.revisionId };
}

export function getResourcePolicy(input: GetResourcePolicyRequest, ctx: Ctx) {
  return getPolicy({ FunctionName: input.ResourceArn }, ctx);
}

export function deleteResourcePolicy(input: DeleteResourcePolicyRequest, ctx: Ctx) {
  const { fn, qualifier } = policyTarget(ctx, input.ResourceArn!, undefined, 'remove');
  const policy = fn.policies.get(qualifier);
  if (!policy?.statements.length) throw new AwsError('ResourceNotFoundException', 'No policy is associated with the given resource.');
  if (input.RevisionId !== undefined && input.RevisionId !== policy.revisionId) throw revisionMismatch('GetResourcePolicy');
  fn.policies.delete(qualifier);
  revised(fn, qualifier);
  return undefined;
}
