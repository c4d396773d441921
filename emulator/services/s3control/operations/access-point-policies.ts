import { isPublicPolicy } from '../../../core/policy/public.ts';
import { checkAccount, checkPolicy, type S3ControlContext } from '../access.ts';
import { S3ControlErrors } from '../errors.ts';
import { requireAccessPoint } from './access-points.ts';
import { requireObjectLambdaAccessPoint } from './object-lambda.ts';

interface PolicyRequest {
  AccountId?: string;
  Name?: string;
  Policy?: string;
}

/**
 * Put/Get/Delete of the policy of one kind of access point (found by `find`), and its status: public or not, as S3
 * judges bucket policies. A missing policy is NoSuchAccessPointPolicy for Get and GetStatus alike.
 */
function policyOperations(find: (ctx: S3ControlContext, name: string | undefined) => { policy?: string }) {
  const stored = (input: PolicyRequest, ctx: S3ControlContext) => {
    checkAccount(input, ctx);
    const policy = find(ctx, input.Name).policy;
    if (policy === undefined) throw S3ControlErrors.noSuchPolicy();
    return policy;
  };
  return {
    put(input: PolicyRequest, ctx: S3ControlContext): Record<string, never> {
      checkAccount(input, ctx);
      find(ctx, input.Name).policy = checkPolicy(input.Policy);
      return {};
    },
    get: (input: PolicyRequest, ctx: S3ControlContext) => ({ Policy: stored(input, ctx) }),
    delete(input: PolicyRequest, ctx: S3ControlContext): Record<string, never> {
      checkAccount(input, ctx);
      delete find(ctx, input.Name).policy;
      return {};
    },
    status: (input: PolicyRequest, ctx: S3ControlContext) => ({ PolicyStatus: { IsPublic: isPublicPolicy(stored(input, ctx)) } }),
  };
}

export const accessPointPolicies = policyOperations(requireAccessPoint);
export const objectLambdaPolicies = policyOperations(requireObjectLambdaAccessPoint);
