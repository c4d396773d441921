import type { AddPermissionRequest, GetPolicyRequest, RemovePermissionRequest } from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { functionArn, newRevision, policyText, type FunctionPolicy, type LambdaFunction, type PolicyStatement } from '../function.ts';
import { findFunction, notFound, parseFunctionRef } from '../lookup.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;

/** Lambda's quota on a function's (version's, alias's) resource policy. */
const MAX_POLICY_BYTES = 20_480;

/** A qualifier that can name an alias (not a number, no `$`). */
const ALIAS_NAME = /^(?!\d+$)[a-zA-Z0-9-_]+$/;
const NOTHING_THERE = 'The resource you requested does not exist.';

/**
 * The function and qualifier a policy operation is about ('' for the unqualified function), checked to exist, with
 * AWS's wording per operation (AWS-recorded test_permission_exceptions): GetPolicy finds nothing there, RemovePermission
 * finds no policy for a missing function; a missing alias is `Cannot find alias arn`, a missing version `Function not found`.
 */
export function policyTarget(ctx: Ctx, name: string, qualifier: string | undefined, op: 'add' | 'get' | 'remove'): { fn: LambdaFunction; qualifier: string } {
  const ref = parseFunctionRef(ctx.state, name, qualifier);
  if (!ctx.state.functions.has(ref.name) && !(ref.accountId && ref.accountId !== ctx.state.accountId)) {
    if (op === 'get') throw new AwsError('ResourceNotFoundException', NOTHING_THERE);
    if (op === 'remove') throw new AwsError('ResourceNotFoundException', `No policy found for: ${functionArn(ctx.state.region, ctx.state.accountId, ref.name, ref.qualifier)}`);
  }
  const fn = findFunction(ctx.state, ref);
  const q = ref.qualifier ?? '';
  if (q && q !== '$LATEST' && !fn.versions.has(q) && !fn.aliases.has(q)) {
    if (op === 'get') throw new AwsError('ResourceNotFoundException', NOTHING_THERE);
    if (ALIAS_NAME.test(q)) throw new AwsError('ResourceNotFoundException', `Cannot find alias arn: ${functionArn(ctx.state.region, ctx.state.accountId, fn.name, q)}`);
    throw notFound(ctx.state, fn.name, q);
  }
  if (op === 'add' && q === '$LATEST') throw new AwsError('InvalidParameterValueException', 'We currently do not support adding policies for $LATEST.');
  return { fn, qualifier: q };
}

function principalOf(principal: string, partitionArn: string): PolicyStatement['Principal'] {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:${partitionArn}:iam::${principal}:root` };
  if (/^arn:[^:]+:iam::\d{12}:.+$/.test(principal)) return { AWS: principal };
  if (/^[a-z0-9.-]+\.(amazonaws\.com|amazon\.com)$/.test(principal)) return { Service: principal };
  throw new AwsError('InvalidParameterValueException', 'The provided principal was invalid. Please check the principal and try again.');
}

/** A RevisionId that is not the policy's; the message names the operation that reads the current one. */
export const revisionMismatch = (reader = 'GetPolicy') =>
  new AwsError('PreconditionFailedException', `The Revision Id provided does not match the latest Revision Id. Call the ${reader} API to retrieve the latest Revision Id`, {
    status: 412,
  });

/** AWS's answer to a policy past the quota (AddPermission's, as users meet it). */
export function checkPolicyLength(policy: Omit<FunctionPolicy, 'revisionId'>): void {
  const size = policyText(policy).length;
  if (size > MAX_POLICY_BYTES) throw new AwsError('PolicyLengthExceededException', `The final policy size (${size}) is bigger than the limit (${MAX_POLICY_BYTES}).`);
}

/**
 * The RevisionId a first statement is guarded by: the alias's, the version's or the function's own (AWS-recorded
 * test_lambda_permission_fn_versioning adds to an alias with the alias's RevisionId).
 */
export function targetRevision(fn: LambdaFunction, qualifier: string): string | undefined {
  if (!qualifier) return fn.latest.config.RevisionId;
  return fn.aliases.get(qualifier)?.RevisionId ?? fn.versions.get(qualifier)?.config.RevisionId;
}

/**
 * A policy change is a new revision of what it is attached to: the function's (or version's, or alias's) RevisionId
 * becomes the policy's (AWS's recordings show GetPolicy's RevisionId equal to GetFunction's after a permission was
 * added, in LocalStack's test_lambda_permission_revisions and CloudFormation test_cfn_lambda_permissions).
 */
export function revised(fn: LambdaFunction, qualifier: string): string {
  const revision = newRevision();
  const alias = qualifier ? fn.aliases.get(qualifier) : undefined;
  if (alias) alias.RevisionId = revision;
  else {
    const config = qualifier ? fn.versions.get(qualifier)?.config : fn.latest.config;
    if (config) config.RevisionId = revision;
  }
  return revision;
}

export function addPermission(input: AddPermissionRequest, ctx: Ctx) {
  const { fn, qualifier } = policyTarget(ctx, input.FunctionName!, input.Qualifier, 'add');
  const policy = fn.policies.get(qualifier);
  if (input.RevisionId !== undefined && input.RevisionId !== (policy?.revisionId ?? targetRevision(fn, qualifier))) throw revisionMismatch();
  if (policy?.statements.some((s) => s.Sid === input.StatementId)) {
    throw new AwsError(
      'ResourceConflictException',
      `The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
      { status: 409 },
    );
  }
  const action = input.Action!.startsWith('lambda:') || input.Action === '*' ? input.Action! : `lambda:${input.Action}`;
  const statement: PolicyStatement = {
    Sid: input.StatementId!,
    Effect: 'Allow',
    Principal: principalOf(input.Principal!, fn.arn.split(':')[1]),
    Action: action,
    Resource: functionArn(ctx.state.region, ctx.state.accountId, fn.name, qualifier || undefined),
  };
  const condition: Record<string, Record<string, string>> = {};
  if (input.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
  if (input.PrincipalOrgID) condition.StringEquals = { ...condition.StringEquals, 'aws:PrincipalOrgID': input.PrincipalOrgID };
  if (input.EventSourceToken) condition.StringEquals = { ...condition.StringEquals, 'lambda:EventSourceToken': input.EventSourceToken };
  if (input.FunctionUrlAuthType) condition.StringEquals = { ...condition.StringEquals, 'lambda:FunctionUrlAuthType': input.FunctionUrlAuthType };
  if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
  // Function URLs made since October 2025 also need lambda:InvokeFunction, granted for URL calls only (Lambda's urls-auth page).
  if (input.InvokedViaFunctionUrl) condition.Bool = { 'lambda:InvokedViaFunctionUrl': 'true' };
  if (Object.keys(condition).length) statement.Condition = condition;
  const statements = [...(policy?.statements ?? []), statement];
  checkPolicyLength({ ...policy, statements });
  fn.policies.set(qualifier, { ...policy, statements, revisionId: revised(fn, qualifier) });
  return { Statement: JSON.stringify(statement) };
}

export function getPolicy(input: GetPolicyRequest, ctx: Ctx) {
  const { fn, qualifier } = policyTarget(ctx, input.FunctionName!, input.Qualifier, 'get');
  const policy = fn.policies.get(qualifier);
  if (!policy?.statements.length) throw new AwsError('ResourceNotFoundException', NOTHING_THERE);
  return { Policy: policyText(policy), RevisionId: policy.revisionId };
}

export function removePermission(input: RemovePermissionRequest, ctx: Ctx) {
  const { fn, qualifier } = policyTarget(ctx, input.FunctionName!, input.Qualifier, 'remove');
  const policy = fn.policies.get(qualifier);
  if (!policy) throw new AwsError('ResourceNotFoundException', `No policy is associated with the given resource.`);
  if (input.RevisionId !== undefined && input.RevisionId !== policy.revisionId) throw revisionMismatch();
  const remaining = policy.statements.filter((s) => s.Sid !== input.StatementId);
  if (remaining.length === policy.statements.length) {
    throw new AwsError('ResourceNotFoundException', `Statement ${input.StatementId} is not found in resource policy.`);
  }
  fn.policies.set(qualifier, { ...policy, statements: remaining, revisionId: revised(fn, qualifier) });
  return undefined;
}
